import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { PropertyKind } from '../domain/units/properties.js';
import type { Context } from './context.js';
import { MaterialConnection } from './connection.type.js';
import { CompiledPageArgs, MaterialOrder, MeasurementOrder, TemperatureRange } from './query.input.js';
import { compiledOr, selectionOf } from './selection.js';
import { ArrheniusFormEnum, ConductivityContributionEnum, MeasuredPropertyEnum } from './enums.js';
import { PropertyConsensus } from './consensus.type.js';
import { ConductivityEstimate } from './conductivity.type.js';
import type { ArrheniusForm } from '../domain/arrhenius.js';
import type { ConductivityContribution } from '../domain/model/measurement.kind.js';
import { checkMaterialId, type CoatingRoleOfMaterial } from '../services/material.service.js';
import { ComponentRoleEnum, MaterialCoatingRoleEnum } from './enums.js';
import { Cell, Claim, CoatingApplication, Interface, InterphaseObservation, ReportedStabilityWindow } from './literature.type.js';
import { Material, MaterialVariant } from './material.type.js';
import { MaterialWhere } from './material.input.js';
import { Measurement } from './measurement.type.js';
import { MeasurementWhere } from './literature.input.js';
import { StabilityWindow } from './thermo.type.js';
import type { MaterialRecord } from '../graph/records.js';

@Resolver(() => Material)
export class MaterialResolver {
  @Query(() => MaterialConnection, {
    description:
      'Materials, Relay-paginated, ordered by id unless `orderBy` says otherwise; one Cypher statement per request for ' +
      'everything stored under them. `first`: 0–1000 (default 20); `after`: an `endCursor` from a previous page of the same ' +
      'order. Errors: BAD_USER_INPUT naming the argument (unreadable formula, unknown element, bad unit, bad cursor, `first` ' +
      'out of range); QUERY_TOO_COMPLEX when the estimated cost of the request is over the limit (nothing run); DATABASE_UNAVAILABLE.',
  })
  materials(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => MaterialWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: MaterialWhere | null,
    @Arg('orderBy', () => MaterialOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: MaterialOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.materials({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => Material, {
    nullable: true,
    description:
      "A material by id (a composition key such as 'Ge1Li10P2S12', or 'named:LiPON'); null if none. One Cypher statement with what " +
      'is selected under it (measurements, windows, interfaces...; computed fields apart). BAD_USER_INPUT for a malformed id; ' +
      'QUERY_TOO_COMPLEX when the estimated cost is over the limit.',
  })
  material(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('id', () => ID, { description: "Material id, e.g. 'Ge1Li10P2S12' or 'named:LiPON'." }) id: string) {
    return ctx.services.lists.material(checkMaterialId(id), selectionOf(info));
  }

  @FieldResolver(() => [Measurement], {
    description:
      'Measured property values of this material and its variants, from every source (reviews and datasets), ordered by id ' +
      'unless `orderBy` says otherwise. BAD_USER_INPUT for `first` out of range.',
  })
  measurements(
    @Root() material: Material,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('property', () => MeasuredPropertyEnum, { nullable: true, description: 'Only measurements of this property.' })
    property: PropertyKind | null,
    @Arg('orderBy', () => MeasurementOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: MeasurementOrder | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (0–1000), after ordering; default: all.' }) first: number | null,
    @Arg('where', () => MeasurementWhere, {
      nullable: true,
      description:
        'Only measurements matching this filter (as `measurements(where:)`; errors name `<field>.where...`), compiled into the ' +
        "statement of the list, of `material(id:)` or of the `search` it is under; elsewhere (the materials of a thermodynamics result) one " +
        'statement for the materials of the request that ask the same selection, costed as a list of them (QUERY_TOO_COMPLEX over the limit).',
    })
    where: MeasurementWhere | null,
  ) {
    if (where && !(`rel_${info.path.key}` in material)) {
      return ctx.services.lists.measurementsOfMaterial(material.id, selectionOf(info));
    }
    return compiledOr(material, info, () => ctx.services.materials.measurements(material.id, property, orderBy, first));
  }

  @FieldResolver(() => PropertyConsensus, {
    description:
      "What this material's reports agree on for `property` (reviews and datasets, its variants included): counts of reports and " +
      'publications, median, extremes, quartiles, spread (in decades for a conductivity) and the outliers named, at a temperature ' +
      'band: by default 20–30 °C for a conductivity or a diffusion coefficient (reports that state no temperature included and ' +
      'counted), none for other properties. An ionic-conductivity consensus leaves bulk and grain-boundary values out unless ' +
      '`contribution` asks for them. One batched query per request for every material asking it. BAD_USER_INPUT naming ' +
      '`temperature` for a unit other than K or °C or min above max.',
  })
  consensus(
    @Root() material: Material,
    @Ctx() ctx: Context,
    @Arg('property', () => MeasuredPropertyEnum, { description: 'The property, e.g. IONIC_CONDUCTIVITY.' }) property: PropertyKind,
    @Arg('temperature', () => TemperatureRange, {
      nullable: true,
      description: 'The temperature band (K or °C); without min and max the default above; `{ min: 0 }` for every temperature.',
    })
    temperature: TemperatureRange | null,
    @Arg('contribution', () => ConductivityContributionEnum, { nullable: true, description: 'Only this contribution (UNSPECIFIED: not stated).' })
    contribution: ConductivityContribution | null,
    @Arg('includeTemperatureNotStated', () => Boolean, { defaultValue: true, description: 'Count reports whose source states no temperature (most review values).' })
    includeTemperatureNotStated: boolean,
  ) {
    return ctx.services.consensus.of(material.id, property, { temperature, contribution, includeTemperatureNotStated });
  }

  @FieldResolver(() => ConductivityEstimate, {
    description:
      "Its ionic conductivity at `temperature`, estimated from its reports (reviews and datasets, its variants included, as `consensus`) " +
      "with Arrhenius' law: fitted through the point values at stated temperatures when they span at least 10 K, else anchored on " +
      'the median reported activation energy, else INSUFFICIENT_DATA with the reason; with the points and reports used and those left ' +
      'out. Bulk and grain-boundary values only when `contribution` asks for them, never mixed with the whole sample\'s. One batched ' +
      'query per request for every material asking it. BAD_USER_INPUT naming `temperature` (not finite, at or below 0 K) or ' +
      '`temperatureUnit` (other than K or °C).',
  })
  conductivityAt(
    @Root() material: Material,
    @Ctx() ctx: Context,
    @Arg('temperature', () => Float, { description: 'The temperature, in `temperatureUnit` (e.g. 298.15, or 25 with °C); above 0 K.' }) temperature: number,
    @Arg('temperatureUnit', () => String, { defaultValue: 'K', description: "The unit of `temperature`: 'K' (default) or '°C'." })
    temperatureUnit: string,
    @Arg('form', () => ArrheniusFormEnum, { defaultValue: 'SIGMA_T', description: 'The form of the law: SIGMA_T (σ·T = A·exp(−Ea/(k_B·T)), default) or SIGMA.' })
    form: ArrheniusForm,
    @Arg('contribution', () => ConductivityContributionEnum, {
      nullable: true,
      description:
        'Only reports of this contribution (BULK, GRAIN_BOUNDARY, TOTAL; UNSPECIFIED: not stated); default: the whole sample, TOTAL ' +
        'or not stated, bulk and grain-boundary values left out. The reported activation energies are chosen the same way.',
    })
    contribution: ConductivityContribution | null,
  ) {
    return ctx.services.conductivity.at(material.id, { temperature, temperatureUnit, form, contribution });
  }

  @FieldResolver(() => StabilityWindow, {
    nullable: true,
    description:
      'The electrochemical stability window of its composition computed from DFT phase data (see Query.stabilityWindow); null for a ' +
      'material without a composition, or without an alkali when openElement is not given. BAD_USER_INPUT for an openElement other than ' +
      'Li, Na or K or absent from the composition.',
  })
  stabilityWindow(
    @Root() material: MaterialRecord,
    @Ctx() ctx: Context,
    @Arg('openElement', () => String, { nullable: true, description: "The reservoir: 'Li', 'Na' or 'K'; default: the material's alkali (Li first)." })
    openElement: string | null,
  ) {
    return ctx.services.thermo.materialStabilityWindow(material, openElement);
  }

  @FieldResolver(() => [MaterialVariant], { description: 'Its variants: polymorphs, forms and doped versions the sources distinguish.' })
  variants(@Root() material: Material, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(material, info, () => ctx.services.materials.variants(material.id));
  }

  @FieldResolver(() => [ReportedStabilityWindow], { description: 'Reported electrochemical stability windows of this material (as an electrolyte), ordered by id.' })
  reportedStabilityWindows(@Root() material: Material, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(material, info, () => ctx.services.materials.stabilityWindows(material.id));
  }

  @FieldResolver(() => [Interface], { description: 'Interfaces where it is the electrolyte or the counterpart (with observations, or named by claims only).' })
  interfaces(@Root() material: Material, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(material, info, () => ctx.services.materials.interfaces(material.id));
  }

  @FieldResolver(() => [InterphaseObservation], { description: 'Interphase observations in which it formed as a product.' })
  formedInInterphases(@Root() material: Material, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(material, info, () => ctx.services.materials.formedIn(material.id));
  }

  @FieldResolver(() => [CoatingApplication], { description: 'Coating applications it takes part in, as coating, coated substrate or paired electrolyte.' })
  coatingApplications(
    @Root() material: Material,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('as', () => MaterialCoatingRoleEnum, { nullable: true, description: 'Only those where it plays this part.' }) as: CoatingRoleOfMaterial | null,
  ) {
    return compiledOr(material, info, () => ctx.services.materials.coatingApplications(material.id, as));
  }

  @FieldResolver(() => [Cell], { description: 'Cells it was used in.' })
  cells(
    @Root() material: Material,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('roles', () => [ComponentRoleEnum], { nullable: true, description: "Only cells where it had one of these roles (e.g. ['ELECTROLYTE'])." })
    roles: string[] | null,
  ) {
    return compiledOr(material, info, () => ctx.services.materials.cells(material.id, roles));
  }

  @FieldResolver(() => [Claim], {
    description:
      'What the reviews state about it that is not a value (mechanisms, criteria, targets, comparisons, routes, remedies, strategies, ' +
      'open questions), ordered by id; claims about an interface it is a side of are `Interface.claims`.',
  })
  claims(@Root() material: Material, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(material, info, () => ctx.services.materials.claims(material.id));
  }
}

@Resolver(() => MaterialVariant)
export class MaterialVariantResolver {
  @FieldResolver(() => Material, { description: 'The material it is a variant of.' })
  material(@Root() v: MaterialVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(v, info, async () => (await ctx.services.materials.many([v.materialId]))[0]!);
  }
}
