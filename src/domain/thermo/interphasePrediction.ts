/**
 * Predicted beside reported at an interface: at which electrode potential an interface is computed, which
 * reported observations the computation can be compared with, the comparison of the products, and whether
 * the computation and the report disagree. Pure functions on plain values; the thermodynamics they compare
 * are those of stabilityWindow.ts and interfaceReaction.ts.
 *
 * Potentials are V vs the open alkali's metal (A/A+); the open element's chemical potential is
 * μ_A = μ_A⁰ − e·V (Zhu, He & Mo, ACS Appl. Mater. Interfaces 7, 23685 (2015), doi:10.1021/acsami.5b07517).
 */
import type { Composition } from '../chemistry/composition.js';

/** The reservoirs a potential is defined against (one-electron alkali ions). */
const ALKALIS = ['Li', 'Na', 'K'] as const;

/** Transition metals whose valence changes when the alkali is taken out (the redox centres of intercalation cathodes); Ti is left out (Li4Ti5O12 is an anode at 1.55 V). */
const REDOX_METALS = new Set(['V', 'Cr', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Mo']);

export type ElectrodeClass = 'ALKALI_METAL' | 'LAYERED_OXIDE' | 'OTHER_CATHODE' | 'NOT_AN_ELECTRODE';

/**
 * Default electrode potential per class, V vs A/A+, for an interface computed without one:
 * - ALKALI_METAL: 0 V by definition (the reference electrode itself);
 * - LAYERED_OXIDE (A M O2 with a redox metal M: LiCoO2, NCM, NCA): 4.2 V vs Li/Li+, the usual end of charge,
 *   LixCoO2 at x ≈ 0.5 (Reimers & Dahn, J. Electrochem. Soc. 139, 2091 (1992), doi:10.1149/1.2221184);
 *   defined for Li only;
 * - OTHER_CATHODE (spinels, polyanion cathodes): no single charged potential (LiFePO4 3.45 V, LiMn2O4 4.1 V,
 *   LiNi0.5Mn1.5O4 4.7 V): the caller gives one, or the interface is computed without a reservoir.
 */
export const DEFAULT_ELECTRODE_POTENTIAL_V: Readonly<Record<'ALKALI_METAL' | 'LAYERED_OXIDE', number>> = { ALKALI_METAL: 0, LAYERED_OXIDE: 4.2 };

export interface Electrode {
  electrodeClass: ElectrodeClass;
  /** The open alkali of the electrode reaction (null when not an electrode). */
  openElement: string | null;
}

/**
 * What the counterpart of an electrolyte is as an electrode: its own alkali metal, a cathode holding that
 * alkali and a redox metal (layered when its proportions are A:M:O = 1:1:2), or not an electrode.
 */
export function electrodeOf(electrolyte: Composition, counterpart: Composition): Electrode {
  const alkali = ALKALIS.find((a) => electrolyte.elements.includes(a) && counterpart.elements.includes(a));
  if (!alkali) return { electrodeClass: 'NOT_AN_ELECTRODE', openElement: null };
  if (counterpart.elementCount === 1) return { electrodeClass: 'ALKALI_METAL', openElement: alkali };
  const metals = counterpart.elements.filter((e) => REDOX_METALS.has(e));
  if (metals.length === 0) return { electrodeClass: 'NOT_AN_ELECTRODE', openElement: null };
  return { electrodeClass: isLayeredOxide(counterpart, alkali) ? 'LAYERED_OXIDE' : 'OTHER_CATHODE', openElement: alkali };
}

/** A M O2: one alkali and two oxygens per metal atom (all non-alkali, non-oxygen atoms counted as M), nothing else. */
function isLayeredOxide(c: Composition, alkali: string): boolean {
  const a = c.amountOf(alkali);
  const o = c.amountOf('O');
  const m = c.totalAtoms - a - o;
  return o > 0 && Math.abs(a - m) < 1e-6 * m && Math.abs(o - 2 * m) < 1e-6 * m;
}

/** The potential an electrode is computed at: the one asked, else its class's default (null: none, computed without a reservoir). */
export function electrodePotential(e: Electrode, asked: number | null): number | null {
  if (e.electrodeClass === 'ALKALI_METAL') return 0;
  if (e.electrodeClass === 'NOT_AN_ELECTRODE') return null;
  if (asked !== null) return asked;
  return e.electrodeClass === 'LAYERED_OXIDE' && e.openElement === 'Li' ? DEFAULT_ELECTRODE_POTENTIAL_V.LAYERED_OXIDE : null;
}

// ---------------------------------------------------------------------------- which observations compare

/** The variant of a material as an observation names it (polymorph, form, dopants, labels). */
export interface VariantLike {
  labels: readonly string[];
  dopantElements: readonly string[];
}

export interface ObservationLike {
  id: string;
  counterpartText: string | null;
  conditions: string | null;
  stabilityClass: string | null;
  electrolyteVariant: VariantLike | null;
  counterpartVariant: VariantLike | null;
}

/** A label of a variant whose composition is not the material's: hydrated, protonated, doped, coated, or x-dependent. */
const OTHER_COMPOSITION = /hydrat|H2O|protonat|\bdoped\b|coated|\bx\s*=|[+-]\s*x\b/i;
/** A coating or interlayer between the two sides ('coated LCO', 'LCO with a thin Nb layer', 'ALD Al2O3-coated garnet'). */
const COATED = /(?<!un)coated|\bcoating\b|\binterlayer\b|\bwith an? (?:thin )?\S+ layer\b/i;
/** Its negation ('no interlayer', 'without coating'), taken out before COATED is looked for. */
const NOT_COATED = /\b(?:no|without)\s+(?:\S+\s+)?(?:interlayer|coating|layer)s?\b/gi;

function isCoated(text: string | null): boolean {
  return !!text && COATED.test(text.replace(NOT_COATED, ''));
}

/**
 * Why an observation cannot be compared with the computation of the two plain compositions, or null when it
 * can: a doped or hydrated variant of either side, or a coating or interlayer between them.
 */
export function setAsideReason(o: ObservationLike): string | null {
  const variant = (v: VariantLike | null, side: string): string | null => {
    if (!v) return null;
    if (v.dopantElements.length > 0) return `the ${side} is a doped variant (${v.dopantElements.join(', ')})`;
    const label = v.labels.find((l) => OTHER_COMPOSITION.test(l));
    return label ? `the ${side} is a variant of another composition ('${label}')` : null;
  };
  const coated = [o.counterpartText, o.conditions].find(isCoated);
  return variant(o.electrolyteVariant, 'electrolyte') ?? variant(o.counterpartVariant, 'counterpart') ?? (coated ? `a coating or interlayer separates the two ('${coated}')` : null);
}

// ---------------------------------------------------------------------------- comparing the products

export interface ProductLike {
  /** Composition key, or null for a named material without one. */
  key: string | null;
  /** How it is shown: the formula (or the name of a named material). */
  label: string;
  elements: readonly string[];
}

export interface ProductComparison {
  common: string[];
  onlyPredicted: string[];
  onlyObserved: string[];
  /** Observed "products" that are one of the reactants (e.g. tetragonal LLZO at LLZO | Li): left out of the comparison. */
  observedReactants: string[];
  /** Observed products with an element neither reactant has (Li2CO3 from CO2): left out, the computation cannot form them. */
  observedOutsideSystem: string[];
  /** |common| / |predicted ∪ observed| over what is compared; null when both are empty. */
  jaccardIndex: number | null;
}

/** Compares predicted and observed products by composition key, the reactants and foreign elements left out. */
export function compareProducts(predicted: readonly ProductLike[], observed: readonly ProductLike[], reactantKeys: readonly string[], systemElements: readonly string[]): ProductComparison {
  const system = new Set(systemElements);
  const reactants = new Set(reactantKeys);
  const observedReactants = unique(observed.filter((p) => p.key !== null && reactants.has(p.key)).map((p) => p.label));
  const outside = unique(observed.filter((p) => p.key !== null && !reactants.has(p.key) && p.elements.some((e) => !system.has(e))).map((p) => p.label));
  const compared = comparableProducts(observed, reactantKeys, systemElements);
  const predictedKeys = new Map(predicted.map((p) => [p.key ?? p.label, p.label]));
  const observedKeys = new Map(compared.map((p) => [p.key ?? `name:${p.label}`, p.label]));
  const common = [...predictedKeys.keys()].filter((k) => observedKeys.has(k));
  const onlyPredicted = [...predictedKeys.keys()].filter((k) => !observedKeys.has(k));
  const onlyObserved = [...observedKeys.keys()].filter((k) => !predictedKeys.has(k));
  const union = common.length + onlyPredicted.length + onlyObserved.length;
  return {
    common: common.map((k) => predictedKeys.get(k)!).sort(),
    onlyPredicted: onlyPredicted.map((k) => predictedKeys.get(k)!).sort(),
    onlyObserved: onlyObserved.map((k) => observedKeys.get(k)!).sort(),
    observedReactants,
    observedOutsideSystem: outside,
    jaccardIndex: union === 0 ? null : common.length / union,
  };
}

/** The observed products the computation could have formed: not a reactant, no element outside the system (named materials kept). */
export function comparableProducts(observed: readonly ProductLike[], reactantKeys: readonly string[], systemElements: readonly string[]): ProductLike[] {
  const system = new Set(systemElements);
  const reactants = new Set(reactantKeys);
  return observed.filter((p) => p.key === null || (!reactants.has(p.key) && p.elements.every((e) => system.has(e))));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

// ---------------------------------------------------------------------------- disagreement

export interface ComputedVerdict {
  /** True when the computation predicts a reaction (products other than the reactants). */
  reacts: boolean;
  /** What it predicts, in a few words (e.g. 'reduced below 0.32 V vs Na/Na+ to NaAlO2 + Al'). */
  summary: string;
}

export interface Disagreement {
  disagrees: boolean;
  /** Why, in one sentence; null when they agree or nothing was reported to compare. */
  reason: string | null;
}

/**
 * Whether the computation and the compared observations disagree: a reaction computed where a source reports
 * the interface thermodynamically stable, or no reaction computed where a source reports one with products
 * (`productCount`: the comparable ones, comparableProducts: not the reactants, nothing from outside).
 */
export function disagreement(computed: ComputedVerdict, observations: readonly (Pick<ObservationLike, 'id' | 'stabilityClass'> & { productCount: number })[]): Disagreement {
  if (computed.reacts) {
    const stable = observations.find((o) => o.stabilityClass === 'THERMODYNAMICALLY_STABLE');
    if (stable) return { disagrees: true, reason: `computed: ${computed.summary}; reported thermodynamically stable (${stable.id})` };
  } else {
    const reacting = observations.find((o) => o.stabilityClass === 'UNSTABLE' && o.productCount > 0);
    if (reacting) return { disagrees: true, reason: `computed: ${computed.summary}; reported to react with products (${reacting.id})` };
  }
  return { disagrees: false, reason: null };
}
