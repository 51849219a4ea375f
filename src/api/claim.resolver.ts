/**
 * Claims: the compiled root list `claims` and the fields of a claim left to resolvers (what it is about, the
 * variants meant, the facts it explains) when a claim is reached outside a compiled list.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { ClaimRecord } from '../graph/records.js';
import { ClaimOrder } from './factList.input.js';
import { ClaimWhere } from './claim.input.js';
import { ClaimConnection } from './connection.type.js';
import type { Context } from './context.js';
import { factResolver } from './fact.resolver.js';
import { Claim, ClaimQuantity, FactBase, Interface } from './literature.type.js';
import { Material, MaterialVariant } from './material.type.js';
import { CompiledPageArgs } from './query.input.js';
import { compiledOr, selectionOf } from './selection.js';

@Resolver()
export class ClaimQueryResolver {
  @Query(() => ClaimConnection, {
    description:
      'What the five reviews state that is not a value of a property: mechanisms and explanations, criteria and design rules, ' +
      'targets and benchmarks, comparisons and rankings, synthesis and processing routes, remedies, strategies and open ' +
      'questions, each with its subjects, the numbers it carries, the facts it explains, the quote and both levels of ' +
      'provenance; ordered by id unless `orderBy` says otherwise. One Cypher statement per request for everything stored under ' +
      'them. `first`: 0–1000 (default 20); `after`: an `endCursor` from a previous page of the same order. Errors: BAD_USER_INPUT ' +
      'naming the argument (a material that names nothing or is ambiguous, a malformed review key, an empty `kindIn`, a bad ' +
      'cursor, `first` out of range); QUERY_TOO_COMPLEX when the estimated cost of the request is over the limit (nothing run); ' +
      'DATABASE_UNAVAILABLE.',
  })
  claims(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => ClaimWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: ClaimWhere | null,
    @Arg('orderBy', () => ClaimOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: ClaimOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.claims({ where, first, after, orderBy }, selectionOf(info));
  }
}

@Resolver(() => Claim)
export class ClaimResolver extends factResolver(Claim) {
  @FieldResolver(() => [Material], { description: 'The materials it is about, ordered by id (the variant meant, where one is, in `variants`).' })
  materials(@Root() c: ClaimRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.materials.many(c.materialIds));
  }

  @FieldResolver(() => [MaterialVariant], { description: 'The variants (doped, polymorphic or processed forms) it is about, where it names one, ordered by id.' })
  async variants(@Root() c: ClaimRecord, @Ctx() ctx: Context) {
    const found = await Promise.all(c.variantIds.map((id) => ctx.services.materials.variant(id)));
    return found.filter((v) => v !== null);
  }

  @FieldResolver(() => [Interface], { description: 'The electrolyte | counterpart interfaces it is about.' })
  interfaces(@Root() c: ClaimRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.facts.interfacesOfClaim(c));
  }

  @FieldResolver(() => [ClaimQuantity], { description: 'Numbers it carries (a target, a threshold, a temperature), in the order the source gives them.' })
  quantities(@Root() c: ClaimRecord, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => c.quantities);
  }

  @FieldResolver(() => [FactBase], {
    description: 'The facts of the same review it explains or qualifies (measurements, windows, interphase observations, coatings, cells, claims), ordered by id.',
  })
  explains(@Root() c: ClaimRecord, @Ctx() ctx: Context) {
    return ctx.services.facts.explainedBy(c);
  }
}
