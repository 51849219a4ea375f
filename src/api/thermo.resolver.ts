import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PhaseEntryRecord } from '../graph/phaseData.store.js';
import type {
  DataSourceView,
  DecompositionView,
  InterphasePredictionView,
  PhaseAmountView,
  StabilityWindowView,
} from '../services/thermo/thermo.service.js';
import { ForbiddenError, requireRole } from './auth.js';
import type { Context } from './context.js';
import { PhaseEntryConnection } from './connection.type.js';
import { CompiledPageArgs } from './query.input.js';
import { compiledOr, selectionOf } from './selection.js';
import { ReportedStabilityWindow } from './literature.type.js';
import { Material } from './material.type.js';
import { Dataset } from './publication.type.js';
import { AddPhaseEntryInput, PhaseEntryOrder, PhaseEntryWhere } from './thermo.input.js';
import { Decomposition, InterfaceReaction, InterphasePrediction, PhaseAmount, PhaseDataSource, PhaseEntry, StabilityWindow, VoltageStep } from './thermo.type.js';

const NAMES =
  "A material is named as everywhere in the API: a formula in any notation, or a material's id, name, alias or abbreviation " +
  "(case-insensitive: 'LLZO', 'llzo', 'LGPS', 'LPSCl', 'c-LLZO'), which wins over reading the text as a formula and is computed for " +
  "the material's curated formula (echoed in `formula`).";
const ERRORS =
  `${NAMES} Errors: BAD_USER_INPUT naming the argument (a named material without a single composition such as 'LiPON' or 'NCM', a doped ` +
  "variant whose composition the sources do not fix such as 'LLZTO', an ambiguous name, " +
  'unreadable formula, unknown element symbol, more than 10 elements, an open element ' +
  'other than Li, Na or K or absent from the composition); DATABASE_UNAVAILABLE; THERMO_BUSY when the computations queue is full ' +
  '(THERMO_MAX_QUEUE), THERMO_TIMEOUT when the computation exceeds its deadline (THERMO_TASK_TIMEOUT_MS). Missing phase data is a `status`, not an error.';

@Resolver()
export class ThermoQueryResolver {
  @Query(() => StabilityWindow, {
    description: `The electrochemical stability window of any composition, computed on the spot from the phase data, with the phases at each limit. ${ERRORS}`,
  })
  stabilityWindow(
    @Ctx() ctx: Context,
    @Arg('formula', () => String, { description: "Formula or name, e.g. 'Li6PS5Cl', 'Li1.3Al0.3Ti1.7(PO4)3', 'LLZO'." }) formula: string,
    @Arg('openElement', () => String, { defaultValue: 'Li', description: "The alkali reservoir: 'Li', 'Na' or 'K' (potentials vs its metal)." }) openElement: string,
  ) {
    return ctx.services.thermo.stabilityWindow(formula, openElement);
  }

  @Query(() => Decomposition, { description: `Energy above the convex hull and the stable phase assemblage of a composition. ${ERRORS}` })
  decomposition(@Ctx() ctx: Context, @Arg('formula', () => String, { description: "Formula or name, e.g. 'Li7P3S11', 'LGPS'." }) formula: string) {
    return ctx.services.thermo.decomposition(formula);
  }

  @Query(() => InterfaceReaction, {
    description:
      `Reactions between two materials at their interface: every kink of the mixing curve and the most exothermic one. With openElement ` +
      `and voltageV (both or neither), against a reservoir at that potential (e.g. an electrolyte against a cathode charged to 4 V). ${ERRORS}`,
  })
  interfaceReaction(
    @Ctx() ctx: Context,
    @Arg('reactantA', () => String, { description: "First reactant (x = 1), formula or name, e.g. 'Li3PS4', 'LPSCl'." }) reactantA: string,
    @Arg('reactantB', () => String, { description: "Second reactant (x = 0), formula or name, e.g. 'LiCoO2', 'LCO'." }) reactantB: string,
    @Arg('openElement', () => String, { nullable: true, description: "Open alkali reservoir: 'Li', 'Na' or 'K'." }) openElement: string | null,
    @Arg('voltageV', () => Float, { nullable: true, description: 'Potential of the reservoir, V vs its metal, 0–10.' }) voltageV: number | null,
  ) {
    return ctx.services.thermo.interfaceReaction(reactantA, reactantB, openElement, voltageV);
  }

  @Query(() => PhaseEntryConnection, {
    description:
      "The phase data computations use (the active import's entries and users' entries), ordered by id unless `orderBy` says otherwise; " +
      'one Cypher statement per request, `dataset` and `material` included. Formation energies in eV/atom; the source (licence, citation, DOI) ' +
      'of an imported entry is its `dataset`. `first`: 0–1000 (default 20); `after`: an `endCursor` from a previous page of the same order. ' +
      'Errors: BAD_USER_INPUT naming the argument (a malformed chemical system or element, a material name without a single composition, ' +
      'a bad cursor, `first` out of range); QUERY_TOO_COMPLEX when the estimated cost of the request is over the limit (nothing run).',
  })
  phaseEntries(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => PhaseEntryWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: PhaseEntryWhere | null,
    @Arg('orderBy', () => PhaseEntryOrder, { nullable: true, description: 'The order (default: by id).' }) orderBy: PhaseEntryOrder | null,
    @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs,
  ) {
    return ctx.services.lists.phaseEntries({ where, first, after, orderBy }, selectionOf(info));
  }

  @Query(() => PhaseEntry, { nullable: true, description: "A phase entry by id; null if none (or a dataset entry no longer imported)." })
  phaseEntry(@Ctx() ctx: Context, @Arg('id', () => ID, { description: "e.g. 'matbench_mp_e_form:Li3P1S4' or 'user:<uuid>'." }) id: string) {
    return ctx.services.thermo.phaseEntry(id);
  }

  @Mutation(() => PhaseEntry, {
    description:
      'Adds your formation energy for a phase (e.g. a new DFT result), owned by your API key (`owner`). It takes part in every later computation ' +
      'on every replica, marked USER with your label; results computed before are recomputed. Needs a key with the contributor role or above ' +
      '(`Authorization: Bearer <key>`); the addition is recorded as a change set. Errors: UNAUTHENTICATED (HTTP 401) without a valid key; ' +
      "FORBIDDEN (HTTP 403) when the server's MUTATIONS setting does not allow mutations from this client; BAD_USER_INPUT naming the field " +
      '(unreadable formula, energy out of range, an element below its reference energy of 0 eV/atom, empty label). Nothing is written on error.',
  })
  async addPhaseEntry(@Ctx() ctx: Context, @Arg('input', () => AddPhaseEntryInput, { description: 'The entry.' }) input: AddPhaseEntryInput) {
    const principal = await requireRole(ctx, 'contributor', 'addPhaseEntry');
    return ctx.services.thermo.addPhaseEntry(input, principal);
  }

  @Mutation(() => Boolean, {
    description:
      "Removes a user's phase entry: true if removed, false if there was none with that id. Imported (dataset) entries can never be removed. " +
      "Needs the key that added the entry (its `owner`), or a curator's or admin's key; the removal is recorded as a change set. " +
      "Errors: UNAUTHENTICATED (HTTP 401) without a valid key; FORBIDDEN (HTTP 403) for another key's entry without the curator role, or when the " +
      "server's MUTATIONS setting does not allow it; BAD_USER_INPUT for an id that is not a user entry's. Nothing is written on error.",
  })
  async removePhaseEntry(@Ctx() ctx: Context, @Arg('id', () => ID, { description: "The entry's id, 'user:<uuid>'." }) id: string) {
    const principal = await requireRole(ctx, 'contributor', 'removePhaseEntry');
    const result = await ctx.services.thermo.removePhaseEntry(id, principal);
    if (result.refusedOwner !== undefined) {
      const owner = result.refusedOwner === null ? 'no key (it was added before writes needed keys)' : `the key ${result.refusedOwner}`;
      throw new ForbiddenError(`removePhaseEntry: the entry ${id} belongs to ${owner}; only its owner or a key with the curator role may remove it (your key ${principal.keyId} has the ${principal.role} role)`);
    }
    return result.removed;
  }
}

@Resolver(() => StabilityWindow)
export class StabilityWindowResolver {
  @FieldResolver(() => [VoltageStep], {
    description: 'The open-element uptake profile from 0 V upwards: each equilibrium with its potential range and uptake (pymatgen get_element_profile).',
  })
  voltageProfile(@Root() w: StabilityWindowView, @Ctx() ctx: Context) {
    return ctx.services.thermo.voltageProfile(w);
  }

  @FieldResolver(() => [StabilityWindow], {
    description:
      'For a collapsed window (stable at one potential only: a composition off the stoichiometry of any phase in the data, such as LLTO or a LiPON glass, ' +
      'or one above the hull), the windows of the phases it decomposes into that hold the open element, to compare with a reported window; ' +
      'empty for any other window. Same method (Zhu, He & Mo 2015, doi:10.1021/acsami.5b07517), limits in V vs the reference electrode.',
  })
  decompositionWindows(@Root() w: StabilityWindowView, @Ctx() ctx: Context) {
    return ctx.services.thermo.decompositionWindows(w);
  }

  @FieldResolver(() => [ReportedStabilityWindow], {
    description: 'Windows the literature reports for this composition (the Material of the same composition key), to compare with the computed one.',
  })
  reported(@Root() w: StabilityWindowView, @Ctx() ctx: Context) {
    return ctx.services.materials.stabilityWindows(w.compositionKey);
  }

  @FieldResolver(() => Material, { nullable: true, description: 'The Material of this composition, if the graph holds one.' })
  material(@Root() w: StabilityWindowView, @Ctx() ctx: Context) {
    return ctx.services.materials.byIdOrNull(w.compositionKey);
  }

  @FieldResolver(() => PhaseEntry, { nullable: true, description: "The composition's own entry (its lowest), null when not in the data." })
  targetEntry(@Root() w: StabilityWindowView, @Ctx() ctx: Context) {
    return w.targetEntryId ? ctx.services.thermo.phaseEntry(w.targetEntryId) : null;
  }
}

@Resolver(() => Decomposition)
export class DecompositionResolver {
  @FieldResolver(() => Material, { nullable: true, description: 'The Material of this composition, if the graph holds one.' })
  material(@Root() d: DecompositionView, @Ctx() ctx: Context) {
    return ctx.services.materials.byIdOrNull(d.compositionKey);
  }

  @FieldResolver(() => PhaseEntry, { nullable: true, description: "The composition's own entry (its lowest), null when not in the data." })
  targetEntry(@Root() d: DecompositionView, @Ctx() ctx: Context) {
    return d.targetEntryId ? ctx.services.thermo.phaseEntry(d.targetEntryId) : null;
  }
}

@Resolver(() => PhaseAmount)
export class PhaseAmountResolver {
  @FieldResolver(() => PhaseEntry, { nullable: true, description: 'The entry the phase stands for; null for the target itself at its stabilized energy.' })
  entry(@Root() p: PhaseAmountView, @Ctx() ctx: Context) {
    return p.entryId ? ctx.services.thermo.phaseEntry(p.entryId) : null;
  }

  @FieldResolver(() => Material, { nullable: true, description: 'The Material of this composition in the graph (e.g. an interphase product the literature reports), if any.' })
  material(@Root() p: PhaseAmountView, @Ctx() ctx: Context) {
    return ctx.services.materials.byIdOrNull(p.compositionKey);
  }
}

@Resolver(() => PhaseEntry)
export class PhaseEntryResolver {
  @FieldResolver(() => Dataset, { nullable: true, description: 'The dataset it was imported from (licence, citation, DOI, version); null for user entries.' })
  dataset(@Root() e: PhaseEntryRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(e, info, () => ctx.services.publications.dataset(e.datasetId));
  }

  @FieldResolver(() => Material, { nullable: true, description: 'The Material of this composition (its id is the composition key), if the graph holds one.' })
  material(@Root() e: PhaseEntryRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(e, info, () => ctx.services.materials.byIdOrNull(e.key));
  }
}

@Resolver(() => PhaseDataSource)
export class PhaseDataSourceResolver {
  @FieldResolver(() => Dataset, { nullable: true, description: 'The dataset (licence, citation, version); null for user entries and virtual references.' })
  dataset(@Root() s: DataSourceView, @Ctx() ctx: Context) {
    return ctx.services.publications.dataset(s.datasetId);
  }
}

@Resolver(() => InterphasePrediction)
export class InterphasePredictionResolver {
  @FieldResolver(() => [Material], { description: 'The products reported at the interface (every observation), each once.' })
  observedProducts(@Root() p: InterphasePredictionView, @Ctx() ctx: Context) {
    return ctx.services.materials.many(p.observedProductIds);
  }
}
