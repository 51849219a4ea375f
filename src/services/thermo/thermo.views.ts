/**
 * The shapes the thermodynamics returns (plain objects shaped like the GraphQL types) and the plain,
 * structured-clonable data the worker tasks (thermo.jobs.ts) hand back to the main thread, with the
 * conversions between them. Energies in eV/atom, potentials in V vs the open element's metal.
 */
import type { TargetAssessment } from '../../domain/thermo/decomposition.js';
import type { InterfaceKink, InterfaceReactionResult, MostExothermicKind, Reactant } from '../../domain/thermo/interfaceReaction.js';
import type { ElectrodeClass } from '../../domain/thermo/interphasePrediction.js';
import type { PhaseAmount, PhaseSpace } from '../../domain/thermo/phaseSpace.js';

export type ThermoStatus = 'COMPUTED' | 'INSUFFICIENT_DATA' | 'ELEMENT_WITHOUT_DATA';

export interface PhaseAmountView {
  /** The formula the phase is known by ('Li2O2', 'O2'); amounts are per its formula unit. */
  formula: string;
  /** Its reduced formula ('LiO'). */
  reducedFormula: string;
  compositionKey: string;
  /** Formula units of the phase per formula unit of the target (or in the balanced reaction). */
  amountPerFormulaUnit: number;
  /** Share of the atoms of the assemblage (open element included), 0–1. */
  atomFraction: number;
  /** The entry the phase stands for (null: the target itself, at its stabilized energy). */
  entryId: string | null;
}

export interface DataSourceView {
  kind: 'DATASET' | 'USER' | 'ELEMENT_REFERENCE';
  datasetId: string | null;
  datasetVersion: string | null;
  entryCount: number;
}

export interface TargetView {
  formula: string;
  compositionKey: string;
  reducedFormula: string;
  chemicalSystem: string;
  energySource: TargetAssessment['energySource'];
  formationEnergyEvPerAtom: number | null;
  hullEnergyEvPerAtom: number | null;
  hullEnergyOfOthersEvPerAtom: number | null;
  phaseSeparationEnergyEvPerAtom: number | null;
  energyAboveHullEvPerAtom: number | null;
  targetEntryId: string | null;
  dataSources: DataSourceView[];
  /** The named material whose representative composition this is (Material.representativeFormula); null for a composition. */
  representativeOf: string | null;
}

export interface StabilityWindowView extends TargetView {
  openElement: string;
  referenceElectrode: string;
  status: ThermoStatus;
  reason: string | null;
  reductionLimitV: number | null;
  oxidationLimitV: number | null;
  stableAgainstMetal: boolean;
  collapsed: boolean;
  stabilized: boolean;
  productsAtReduction: PhaseAmountView[];
  productsAtOxidation: PhaseAmountView[];
  /** The stable phases at its composition without it (the hull of the other phases), for the windows of a collapsed one. */
  competingPhases: PhaseAmountView[];
  /** For the lazy voltage profile. */
  cacheKey: string;
}

export interface VoltageStepView {
  fromV: number;
  toV: number | null;
  uptakePerFormulaUnit: number;
  phases: PhaseAmountView[];
}

export interface DecompositionView extends TargetView {
  status: ThermoStatus;
  reason: string | null;
  phases: PhaseAmountView[];
  competingPhases: PhaseAmountView[];
}

export interface ReactantView {
  formula: string;
  compositionKey: string;
  /** Null when the reaction was not computed. */
  energyEvPerAtom: number | null;
  energySource: 'DATASET' | 'USER' | 'HULL';
  /** The named material whose representative composition this reactant is; null (or absent) for a composition. */
  representativeOf?: string | null;
  /** Hull energy at its composition, eV/atom; null when not computed. */
  hullEnergyEvPerAtom: number | null;
  /** Energy of its own decomposition without the partner, eV/atom (≤ 0); null when not computed. */
  ownDecompositionEnergyEvPerAtom: number | null;
  /** What it decomposes into on its own (amounts per formula unit of the reactant as written). */
  ownDecompositionProducts: PhaseAmountView[];
}

export interface InterfaceKinkView {
  index: number;
  mixingRatio: number;
  mixingRatioPerFormulaUnit: number;
  reactionEnergyEvPerAtom: number;
  mixingEnergyEvPerAtom: number;
  reactionEnergyEvPerFormulaUnit: number;
  reactionEnergyKjPerMol: number;
  reaction: string;
  products: PhaseAmountView[];
}

export interface InterfaceReactionView {
  reactantA: ReactantView;
  reactantB: ReactantView;
  chemicalSystem: string;
  openElement: string | null;
  voltageV: number | null;
  referenceElectrode: string | null;
  status: ThermoStatus;
  reason: string | null;
  kinks: InterfaceKinkView[];
  mostExothermic: InterfaceKinkView | null;
  /** What mostExothermic is; null when not computed. */
  mostExothermicIs: MostExothermicKind | null;
  mostExothermicWithPartner: InterfaceKinkView | null;
  dataSources: DataSourceView[];
}

export interface SetAsideObservationView {
  observationId: string;
  reason: string;
}

export interface InterphasePredictionView {
  method: 'EQUILIBRIUM_AT_METAL' | 'REACTION_AT_ELECTRODE_POTENTIAL' | 'MOST_EXOTHERMIC_REACTION';
  status: ThermoStatus;
  reason: string | null;
  electrolyteFormula: string;
  counterpartFormula: string;
  /** The named materials of the interface taken at their representative compositions (ids). */
  representativeOf: string[];
  electrodeClass: ElectrodeClass;
  /** V vs referenceElectrode; null when computed without a reservoir. */
  electrodePotentialV: number | null;
  referenceElectrode: string | null;
  predictedProducts: PhaseAmountView[];
  /** Products of the compared observations. */
  observedProductIds: string[];
  comparedObservationIds: string[];
  setAsideObservations: SetAsideObservationView[];
  /** Formulas (names for named materials) predicted and observed, predicted only, observed only (interphasePrediction.ts compareProducts). */
  common: string[];
  onlyPredicted: string[];
  onlyObserved: string[];
  observedReactants: string[];
  observedOutsideSystem: string[];
  /** |common| / |predicted ∪ observed|; null when both are empty. */
  jaccardIndex: number | null;
  disagrees: boolean;
  disagreementReason: string | null;
  reaction: InterfaceKinkView | null;
  window: StabilityWindowView | null;
}

/** A phase amount as a worker returns it: per atom of the target (or of the mixture). */
export interface AmountData {
  formula: string;
  reducedFormula: string;
  compositionKey: string;
  /** Atoms of the phase per atom of the target. */
  atoms: number;
  /** Atoms per reduced formula unit of the phase. */
  atomsPerFormulaUnit: number;
  entryId: string | null;
}

/** The target's place against the hull, as a worker returns it (amounts per atom of target). */
export interface TargetData extends Pick<TargetView, 'energySource' | 'formationEnergyEvPerAtom' | 'hullEnergyEvPerAtom' | 'hullEnergyOfOthersEvPerAtom' | 'phaseSeparationEnergyEvPerAtom' | 'energyAboveHullEvPerAtom' | 'targetEntryId'> {
  decomposition: AmountData[] | null;
  competingPhases: AmountData[];
}

/** What every task result says about the phase space it was computed in. */
export interface SpaceData {
  dataSources: DataSourceView[];
  /** Elements without any entry (the result is then ELEMENT_WITHOUT_DATA). */
  elementsWithoutData: string[];
}

export function amountData(phases: readonly PhaseAmount[]): AmountData[] {
  return phases.map((p) => ({ formula: p.phase.formula, reducedFormula: p.phase.reducedFormula, compositionKey: p.phase.key, atoms: p.atoms, atomsPerFormulaUnit: p.phase.atomsPerFormulaUnit, entryId: p.phase.entry?.id ?? null }));
}

export function targetData(t: TargetAssessment): TargetData {
  return {
    energySource: t.energySource,
    formationEnergyEvPerAtom: t.formationEnergyEvPerAtom,
    hullEnergyEvPerAtom: t.hullEnergyEvPerAtom,
    hullEnergyOfOthersEvPerAtom: t.hullEnergyOfOthersEvPerAtom,
    phaseSeparationEnergyEvPerAtom: t.phaseSeparationEnergyEvPerAtom,
    energyAboveHullEvPerAtom: t.energyAboveHullEvPerAtom,
    targetEntryId: t.phase?.entry.id ?? null,
    decomposition: t.decomposition ? amountData(t.decomposition) : null,
    competingPhases: amountData(t.competingPhases),
  };
}

export function spaceData(space: PhaseSpace): SpaceData {
  return { dataSources: dataSources(space), elementsWithoutData: [...space.elementsWithoutData] };
}

/** Phase amounts as the API gives them: per formula unit of a target of `targetAtomsPerFu` atoms, and as atom fractions. */
export function amounts(phases: readonly AmountData[], targetAtomsPerFu: number): PhaseAmountView[] {
  const total = phases.reduce((s, p) => s + p.atoms, 0);
  return phases
    .map((p) => ({
      formula: p.formula,
      reducedFormula: p.reducedFormula,
      compositionKey: p.compositionKey,
      amountPerFormulaUnit: clean((p.atoms * targetAtomsPerFu) / p.atomsPerFormulaUnit),
      atomFraction: clean(total > 0 ? p.atoms / total : 0),
      entryId: p.entryId,
    }))
    .sort((x, y) => x.formula.localeCompare(y.formula));
}

function dataSources(space: PhaseSpace): DataSourceView[] {
  const groups = new Map<string, DataSourceView>();
  for (const p of space.phases) {
    const kind = p.entry.source;
    const datasetId = p.entry.datasetId;
    const k = `${kind}|${datasetId ?? ''}`;
    const g = groups.get(k) ?? { kind, datasetId, datasetVersion: null, entryCount: 0 };
    g.entryCount += 1 + p.polymorphsSetAside;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => `${a.kind}${a.datasetId}`.localeCompare(`${b.kind}${b.datasetId}`));
}

/** The interface reaction as the API gives it, but for the reactants' formulas as written (the caller adds them). */
export type ReactionData = Pick<InterfaceReactionView, 'kinks' | 'mostExothermic' | 'mostExothermicIs' | 'mostExothermicWithPartner'> & {
  reactantA: Omit<ReactantView, 'formula'>;
  reactantB: Omit<ReactantView, 'formula'>;
};

export function reactionData(r: InterfaceReactionResult): ReactionData {
  const kink = (k: InterfaceKink): InterfaceKinkView => {
    const total = k.phases.reduce((s, p) => s + p.atoms, 0);
    const byKey = new Map(k.phases.map((p) => [p.phase.key, p.atoms / total]));
    return {
      index: k.index,
      mixingRatio: k.x,
      mixingRatioPerFormulaUnit: k.xPerFormulaUnit,
      reactionEnergyEvPerAtom: k.energyEvPerAtom,
      mixingEnergyEvPerAtom: k.mixingEnergyEvPerAtom,
      reactionEnergyEvPerFormulaUnit: k.energyEvPerFormulaUnit,
      reactionEnergyKjPerMol: k.energyKjPerMol,
      reaction: `${terms(k.reactants)} -> ${terms(k.products)}`,
      products: k.products
        .filter((t) => t.phase)
        .map((t) => ({
          formula: t.formula,
          reducedFormula: t.phase!.reducedFormula,
          compositionKey: t.phase!.key,
          amountPerFormulaUnit: clean(t.coefficient),
          atomFraction: clean(byKey.get(t.phase!.key) ?? 0),
          entryId: t.phase!.entry?.id ?? null,
        }))
        .sort((x, y) => x.formula.localeCompare(y.formula)),
    };
  };
  const kinks = r.kinks.map(kink);
  return {
    reactantA: reactantData(r.reactantA),
    reactantB: reactantData(r.reactantB),
    kinks,
    mostExothermic: kinks[r.kinks.indexOf(r.mostExothermic)] ?? null,
    mostExothermicIs: r.mostExothermicIs,
    mostExothermicWithPartner: r.mostExothermicWithPartner ? kinks[r.kinks.indexOf(r.mostExothermicWithPartner)]! : null,
  };
}

/** A reactant as the API gives it but for its formula as written; own-decomposition amounts per formula unit of the reactant as written (non-open atoms with an open element). */
function reactantData(r: Reactant): Omit<ReactantView, 'formula'> {
  return {
    compositionKey: r.composition.key,
    energyEvPerAtom: r.energy,
    energySource: r.energySource,
    hullEnergyEvPerAtom: r.hullEnergy,
    ownDecompositionEnergyEvPerAtom: r.ownDecompositionEnergy,
    ownDecompositionProducts: amounts(amountData(r.ownDecompositionPhases), r.atomsPerFormulaUnit),
  };
}

/** Drops the last digits of LP round-off from amounts (12 significant digits; 4.999999999999992 → 5). */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function terms(ts: readonly { formula: string; coefficient: number }[]): string {
  return ts.map((t) => `${formatCoefficient(t.coefficient)}${t.formula}`).join(' + ');
}

function formatCoefficient(c: number): string {
  if (Math.abs(c - 1) < 1e-9) return '';
  return `${Number(c.toPrecision(4))} `;
}
