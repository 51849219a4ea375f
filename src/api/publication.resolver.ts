import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from './context.js';
import { Measurement } from './measurement.type.js';
import { Dataset, Publication } from './publication.type.js';

@Resolver(() => Publication)
export class PublicationResolver {
  @Query(() => Publication, {
    nullable: true,
    description:
      "A publication by DOI, in any common form ('10.1038/nmat3066', 'doi:10.1038/NMAT3066', " +
      "'https://doi.org/10.1038/nmat3066'); null if the graph holds nothing it reported. BAD_USER_INPUT if not a DOI.",
  })
  publication(@Ctx() ctx: Context, @Arg('doi', () => String, { description: 'The DOI, with or without resolver prefix; case does not matter.' }) doi: string) {
    return ctx.services.publications.byDoi(doi);
  }

  @FieldResolver(() => [Measurement], { description: 'Every measurement this publication reports, ordered by id.' })
  measurements(@Root() p: Publication, @Ctx() ctx: Context) {
    return ctx.services.publications.measurements(p.doi);
  }

  @Query(() => [Dataset], { description: 'The external datasets in the graph, with licence, citation and record counts.' })
  datasets(@Ctx() ctx: Context) {
    return ctx.services.publications.datasets();
  }
}
