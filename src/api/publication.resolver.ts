import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { PublicationOrder } from './factList.input.js';
import { CompiledPageArgs } from './query.input.js';
import { compiledOr, selectionOf } from './selection.js';
import type { PublicationRecord } from '../graph/records.js';
import { checkDoi, type PublicationRole } from '../services/publication.service.js';
import { PublicationConnection } from './connection.type.js';
import type { Context } from './context.js';
import { PublicationRoleEnum } from './enums.js';
import { PublicationWhere } from './literature.input.js';
import { Cell, CoatingApplication, InterphaseObservation, ReportedStabilityWindow } from './literature.type.js';
import { Measurement } from './measurement.type.js';
import { Citation, Dataset, Publication } from './publication.type.js';

const roleArg = { nullable: true, defaultValue: 'ORIGINAL', description: 'ORIGINAL: facts this paper reported; REVIEW: facts this review states.' } as const;

@Resolver(() => Publication)
export class PublicationResolver {
  @Query(() => Publication, {
    nullable: true,
    description:
      "A publication by DOI, in any common form ('10.1038/nmat3066', 'doi:10.1038/NMAT3066', " +
      "'https://doi.org/10.1038/nmat3066'); null if the graph holds none. One Cypher statement with what is selected under it " +
      '(its facts, citations...). BAD_USER_INPUT if not a DOI; QUERY_TOO_COMPLEX when the estimated cost is over the limit.',
  })
  publication(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('doi', () => String, { description: 'The DOI, with or without resolver prefix; case does not matter.' }) doi: string,
  ) {
    return ctx.services.lists.publication(checkDoi(doi), selectionOf(info));
  }

  @Query(() => PublicationConnection, {
    description:
      'Publications (the source reviews, the papers they cite, papers named by datasets), ordered by key unless `orderBy` says ' +
      'otherwise; one Cypher statement per request, the facts and citations under each publication included. `first`: 0–1000 (default 20); `after`: an `endCursor` from a previous page of the same order. Errors: ' +
      'BAD_USER_INPUT naming the argument (a material that names nothing, a malformed review key or DOI, a bad cursor, `first` ' +
      'out of range); QUERY_TOO_COMPLEX when the estimated cost of the request is over the limit (nothing run); DATABASE_UNAVAILABLE.',
  })
  publications(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => PublicationWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: PublicationWhere | null,
    @Arg('orderBy', () => PublicationOrder, { nullable: true, description: 'The order (default: by key).' }) orderBy: PublicationOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.publications({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => [Dataset], { description: 'The external datasets in the graph, with licence, citation and record counts.' })
  datasets(@Ctx() ctx: Context) {
    return ctx.services.publications.datasets();
  }

  @FieldResolver(() => [Measurement], { description: 'Measurements it reported (ORIGINAL) or states (REVIEW), ordered by id.' })
  measurements(@Root() p: PublicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('role', () => PublicationRoleEnum, roleArg) role: PublicationRole) {
    return compiledOr(p, info, () => ctx.services.publications.measurements(p.key, role));
  }

  @FieldResolver(() => [ReportedStabilityWindow], { description: 'Stability windows it reported (ORIGINAL) or states (REVIEW).' })
  reportedStabilityWindows(@Root() p: PublicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('role', () => PublicationRoleEnum, roleArg) role: PublicationRole) {
    return compiledOr(p, info, () => ctx.services.publications.stabilityWindows(p.key, role));
  }

  @FieldResolver(() => [InterphaseObservation], { description: 'Interphase observations it reported (ORIGINAL) or states (REVIEW).' })
  interphaseObservations(@Root() p: PublicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('role', () => PublicationRoleEnum, roleArg) role: PublicationRole) {
    return compiledOr(p, info, () => ctx.services.publications.interphaseObservations(p.key, role));
  }

  @FieldResolver(() => [CoatingApplication], { description: 'Coating applications it reported (ORIGINAL) or states (REVIEW).' })
  coatingApplications(@Root() p: PublicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('role', () => PublicationRoleEnum, roleArg) role: PublicationRole) {
    return compiledOr(p, info, () => ctx.services.publications.coatingApplications(p.key, role));
  }

  @FieldResolver(() => [Cell], { description: 'Cells it reported (ORIGINAL) or states (REVIEW).' })
  cells(@Root() p: PublicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('role', () => PublicationRoleEnum, roleArg) role: PublicationRole) {
    return compiledOr(p, info, () => ctx.services.publications.cells(p.key, role));
  }

  @FieldResolver(() => [Citation], { description: 'Every source review that cites it, with the reference number and line of the entry.' })
  citedBy(@Root() p: PublicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(p, info, () => ctx.services.publications.citedBy(p.key));
  }

  @FieldResolver(() => [Citation], { description: "For a source review: its reference list in the order of numbers (empty for other publications)." })
  references(@Root() p: PublicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(p, info, () => ctx.services.publications.cites(p.key));
  }
}
