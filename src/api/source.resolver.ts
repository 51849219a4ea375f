import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { SourceRecord } from '../graph/records.js';
import { Source } from './common.type.js';
import type { Context } from './context.js';
import { Citation, Dataset, Publication } from './publication.type.js';
import { compiledOr } from './selection.js';

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Int, { nullable: true, description: '1-based line of the file (the first of `lines`).' })
  line(@Root() s: SourceRecord): number | null {
    return s.lines[0] ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The reference number the review prints (the first of `referenceNumbers`).' })
  referenceNumber(@Root() s: SourceRecord): number | null {
    return s.referenceNumbers[0] ?? null;
  }

  @FieldResolver(() => Publication, { nullable: true, description: 'The review that states the fact (null for dataset records).' })
  review(@Root() s: SourceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(s, info, () => ctx.services.publications.review(s));
  }

  @FieldResolver(() => Publication, { nullable: true, description: 'The publication that was meant, when the printed reference is wrong.' })
  correctedReference(@Root() s: SourceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(s, info, () => ctx.services.publications.byKey(s.correctedPublicationKey));
  }

  @FieldResolver(() => Dataset, { nullable: true, description: 'The dataset the record belongs to, if it came through one (its licence and citation apply).' })
  dataset(@Root() s: SourceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(s, info, () => ctx.services.publications.dataset(s.datasetId));
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Publication, { description: 'The citing review.' })
  review(@Root() c: Citation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.publications.byKey(c.reviewPublicationKey));
  }

  @FieldResolver(() => Publication, { description: 'The cited publication.' })
  publication(@Root() c: Citation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.publications.byKey(c.citedPublicationKey));
  }
}
