import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, Info, Query, Resolver, Root } from 'type-graphql';
import { CompiledPageArgs, MeasurementOrder } from './query.input.js';
import { compiledOr, selectionOf } from './selection.js';
import { InterfaceOrder, InterphaseObservationOrder, InterphaseObservationWhere } from './interface.input.js';
import { CellOrder, CoatingApplicationOrder, ReportedStabilityWindowOrder } from './factList.input.js';
import type { CellComponentRecord, CellRecord, CoatingApplicationRecord, InterfaceRecord, InterphaseObservationRecord, StabilityWindowRecord } from '../graph/records.js';
import { CellConnection, CoatingApplicationConnection, InterfaceConnection, InterphaseObservationConnection, MeasurementConnection, ReportedStabilityWindowConnection } from './connection.type.js';
import type { Context } from './context.js';
import { factResolver } from './fact.resolver.js';
import { CellWhere, CoatingApplicationWhere, InterfaceWhere, MeasurementWhere, ReportedStabilityWindowWhere } from './literature.input.js';
import { InterphasePrediction } from './thermo.type.js';
import { Cell, CellComponent, CellResult, Claim, CoatingApplication, CoatingEffect, Interface, InterphaseObservation, InterphaseProduct, ReportedStabilityWindow } from './literature.type.js';
import { Material, MaterialVariant } from './material.type.js';

/** The paging and errors of the compiled lists. */
const COMPILED =
  'One Cypher statement per request for everything stored under them. `first`: 0–1000 (default 20); `after`: an `endCursor` from a ' +
  'previous page of the same order. Errors: BAD_USER_INPUT naming the argument (a material that names nothing or is ambiguous, a unit ' +
  'that is not one of the quantity, a bad cursor, `first` out of range); QUERY_TOO_COMPLEX when the estimated cost of the request is ' +
  'over the limit (nothing run); DATABASE_UNAVAILABLE.';

@Resolver()
export class FactQueryResolver {
  @Query(() => MeasurementConnection, {
    description:
      'Measured property values from the reviews and datasets, ordered by id unless `orderBy` says otherwise; one Cypher ' +
      'statement per request for everything stored under them. `first`: 0–1000 (default 20); `after`: an `endCursor` from a ' +
      'previous page of the same order. Errors: BAD_USER_INPUT naming the argument (a material that names nothing or is ' +
      'ambiguous, a unit that is not one of the property, a bad cursor, `first` out of range); QUERY_TOO_COMPLEX when the ' +
      'estimated cost of the request is over the limit (nothing run); DATABASE_UNAVAILABLE.',
  })
  measurements(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => MeasurementWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: MeasurementWhere | null,
    @Arg('orderBy', () => MeasurementOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: MeasurementOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.measurements({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => ReportedStabilityWindowConnection, { description: `Reported electrochemical stability windows, ordered by id unless \`orderBy\` says otherwise. ${COMPILED}` })
  reportedStabilityWindows(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => ReportedStabilityWindowWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: ReportedStabilityWindowWhere | null,
    @Arg('orderBy', () => ReportedStabilityWindowOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: ReportedStabilityWindowOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.reportedStabilityWindows({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => InterfaceConnection, {
    description:
      'Electrolyte | counterpart interfaces with their interphase observations (an interface only claims name has none), ordered by ' +
      'id unless `orderBy` says otherwise; one ' +
      'Cypher statement per request for everything stored under them (electrolyte, counterpart, observations with their products, ' +
      'evidence, source and publications). `first`: 0–1000 (default 20); `after`: an `endCursor` from a previous page of the same ' +
      'order. Errors: BAD_USER_INPUT naming the argument (a material that names nothing or is ambiguous, an interphase type of ' +
      'neither scheme, a malformed review key, AND/OR/NOT nested deeper than 8 levels, a bad cursor, `first` out of range); ' +
      'QUERY_TOO_COMPLEX when the estimated cost of the request is over the limit (nothing run); DATABASE_UNAVAILABLE.',
  })
  interfaces(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => InterfaceWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: InterfaceWhere | null,
    @Arg('orderBy', () => InterfaceOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: InterfaceOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.interfaces({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => InterphaseObservationConnection, {
    description:
      'Interphase observations (what forms at an interface under given conditions), ordered by id unless `orderBy` says ' +
      'otherwise; one Cypher statement per request for everything stored under them (interface, products, evidence, source, ' +
      'publications). `first`: 0–1000 (default 20); `after`: an `endCursor` from a previous page of the same order. Errors: ' +
      'BAD_USER_INPUT naming the argument (a material that names nothing or is ambiguous, an interphase type of neither scheme, ' +
      'a malformed review key, AND/OR/NOT nested deeper than 8 levels, a bad cursor, `first` out of range); QUERY_TOO_COMPLEX when ' +
      'the estimated cost of the request is over the limit (nothing run); DATABASE_UNAVAILABLE.',
  })
  interphaseObservations(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => InterphaseObservationWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: InterphaseObservationWhere | null,
    @Arg('orderBy', () => InterphaseObservationOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: InterphaseObservationOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.interphaseObservations({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => CoatingApplicationConnection, {
    description: `Coating and interlayer applications with their effects, ordered by id unless \`orderBy\` says otherwise. ${COMPILED}`,
  })
  coatingApplications(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => CoatingApplicationWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: CoatingApplicationWhere | null,
    @Arg('orderBy', () => CoatingApplicationOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: CoatingApplicationOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.coatingApplications({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => CellConnection, {
    description: `Reported cells (full, half, symmetric) with components and results, ordered by id unless \`orderBy\` says otherwise. ${COMPILED}`,
  })
  cells(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => CellWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: CellWhere | null,
    @Arg('orderBy', () => CellOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: CellOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.cells({ where, first, after, orderBy }, selectionOf(info));
  }
}

@Resolver(() => ReportedStabilityWindow)
export class ReportedStabilityWindowResolver extends factResolver(ReportedStabilityWindow) {
  @FieldResolver(() => Material, { nullable: true, description: 'The electrolyte; null for a statement about a whole family.' })
  material(@Root() w: StabilityWindowRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(w, info, () => ctx.services.materials.byIdOrNull(w.materialId));
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant, where stated.' })
  variant(@Root() w: StabilityWindowRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(w, info, () => ctx.services.materials.variant(w.variantId));
  }
}

@Resolver(() => Interface)
export class InterfaceResolver {
  @FieldResolver(() => Material, { nullable: true, description: 'The solid electrolyte; null when the observations are about a whole family.' })
  electrolyte(@Root() i: InterfaceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(i, info, () => ctx.services.materials.byIdOrNull(i.electrolyteId));
  }

  @FieldResolver(() => Material, { nullable: true, description: 'The counterpart material; null for an applied potential or an environment.' })
  counterpart(@Root() i: InterfaceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(i, info, () => ctx.services.materials.byIdOrNull(i.counterpartId));
  }

  @FieldResolver(() => [Claim], { description: 'What the reviews state about this interface that is not a value (mechanisms, criteria, remedies...), ordered by id.' })
  claims(@Root() i: InterfaceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(i, info, () => ctx.services.facts.claimsOfInterface(i.id));
  }

  @FieldResolver(() => [InterphaseObservation], { description: 'Every observation reported at this interface, ordered by id; contradicting ones stay separate.' })
  observations(@Root() i: InterfaceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(i, info, () => ctx.services.facts.observations(i.id));
  }

  @FieldResolver(() => InterphasePrediction, {
    nullable: true,
    description:
      'What thermodynamics predicts forms here at the electrode\'s operating potential, beside the products observed: against the electrolyte\'s own ' +
      'alkali metal the equilibrium at 0 V; against a cathode the most exothermic reaction with it with the alkali open at the charged potential ' +
      '(grand potential, Zhu, He & Mo 2015, doi:10.1021/acsami.5b07517; Richards et al. 2016, doi:10.1021/acs.chemmater.5b04082); against another ' +
      'material the most exothermic reaction with it. With the overlap of predicted and observed products and a flag where they disagree. ' +
      'Null unless both sides are compositions. BAD_USER_INPUT naming electrodePotential outside 0–10 V.',
  })
  prediction(
    @Root() i: InterfaceRecord,
    @Ctx() ctx: Context,
    @Arg('electrodePotential', () => Float, {
      nullable: true,
      description:
        "A cathode's potential, V vs the alkali metal (e.g. Li/Li+), 0–10; default: its class's (4.2 V vs Li/Li+ for a layered oxide, see ElectrodeClass). " +
        'The alkali metal is always at 0 V; not used against a material that is not an electrode.',
    })
    electrodePotential: number | null,
  ) {
    return ctx.services.thermo.interphasePrediction(i, electrodePotential ?? null);
  }
}

@Resolver(() => InterphaseObservation)
export class InterphaseObservationResolver extends factResolver(InterphaseObservation) {
  @FieldResolver(() => Interface, { description: 'The interface it was observed at.' })
  interface(@Root() o: InterphaseObservationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(o, info, () => ctx.services.facts.interface(o.interfaceId));
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant of the electrolyte, where stated (e.g. cubic LLZO).' })
  electrolyteVariant(@Root() o: InterphaseObservationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(o, info, () => ctx.services.materials.variant(o.variantId));
  }

  @FieldResolver(() => [Material], { description: 'The products that form (the interphase), in the order the source gives them.' })
  products(@Root() o: InterphaseObservationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(o, info, () => ctx.services.materials.many(o.productIds));
  }

  @FieldResolver(() => [InterphaseProduct], { description: 'The products with the variant of each where the source names one (e.g. tetragonal LLZO).' })
  productDetails(@Root() o: InterphaseObservationRecord, @Info() info: GraphQLResolveInfo): InterphaseProduct[] | Promise<InterphaseProduct[]> {
    return compiledOr(o, info, () => o.productIds.map((materialId, position) => ({ materialId, variantId: o.productVariantIds[position] ?? null, position })));
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant of the counterpart, where stated.' })
  counterpartVariant(@Root() o: InterphaseObservationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(o, info, () => ctx.services.materials.variant(o.counterpartVariantId));
  }
}

@Resolver(() => InterphaseProduct)
export class InterphaseProductResolver {
  @FieldResolver(() => Material, { description: 'The product material.' })
  material(@Root() p: InterphaseProduct, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(p, info, async () => (await ctx.services.materials.many([p.materialId]))[0]!);
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'Its variant, where the source names one.' })
  variant(@Root() p: InterphaseProduct, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(p, info, () => ctx.services.materials.variant(p.variantId));
  }
}

@Resolver(() => CoatingApplication)
export class CoatingApplicationResolver extends factResolver(CoatingApplication) {
  @FieldResolver(() => Material, { description: 'The coating or interlayer material.' })
  coating(@Root() c: CoatingApplicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, async () => (await ctx.services.materials.many([c.coatingId]))[0]!);
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant of the coating (e.g. amorphous), where stated.' })
  coatingVariant(@Root() c: CoatingApplicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.materials.variant(c.variantId));
  }

  @FieldResolver(() => Material, { nullable: true, description: 'What it was applied on (cathode, anode, electrolyte).' })
  substrate(@Root() c: CoatingApplicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.materials.byIdOrNull(c.substrateId));
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant of what was coated, where stated.' })
  substrateVariant(@Root() c: CoatingApplicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.materials.variant(c.substrateVariantId));
  }

  @FieldResolver(() => Material, { nullable: true, description: 'The solid electrolyte it was paired with.' })
  electrolyte(@Root() c: CoatingApplicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.materials.byIdOrNull(c.electrolyteId));
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant of the paired electrolyte (e.g. Ta-doped LLZO), where stated.' })
  electrolyteVariant(@Root() c: CoatingApplicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.materials.variant(c.electrolyteVariantId));
  }

  @FieldResolver(() => [Cell], { description: 'Cells in which this coating was tested.' })
  cells(@Root() c: CoatingApplicationRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.facts.cellsOfCoating(c));
  }

  @FieldResolver(() => [CoatingEffect], { description: 'Effects with numbers where reported, in the order the source gives them.' })
  effects(@Root() c: CoatingApplicationRecord, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => c.effects);
  }
}

@Resolver(() => Cell)
export class CellResolver extends factResolver(Cell) {
  @FieldResolver(() => [CoatingApplication], { description: 'The coating applications this cell tested.' })
  coatingApplications(@Root() b: CellRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(b, info, () => ctx.services.facts.coatingsOfCell(b));
  }

  @FieldResolver(() => [CellComponent], { description: 'Components in the order the source lists them.' })
  components(@Root() b: CellRecord, @Info() info: GraphQLResolveInfo) {
    return compiledOr(b, info, () => b.components);
  }

  @FieldResolver(() => [CellResult], { description: 'Results with numbers (empty when the source reports them only in words).' })
  results(@Root() b: CellRecord, @Info() info: GraphQLResolveInfo) {
    return compiledOr(b, info, () => b.results);
  }
}

@Resolver(() => CellComponent)
export class CellComponentResolver {
  @FieldResolver(() => Material, { description: 'The material.' })
  material(@Root() c: CellComponentRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, async () => (await ctx.services.materials.many([c.materialId]))[0]!);
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant, where stated.' })
  variant(@Root() c: CellComponentRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(c, info, () => ctx.services.materials.variant(c.variantId));
  }
}

