/**
 * Reactions at the interface of two materials, from the pseudo-binary mixing of their compositions
 * (Richards et al., Chem. Mater. 28, 266 (2016), doi:10.1021/acs.chemmater.5b04082; pymatgen's
 * `InterfacialReactivity`, doi:10.1016/j.commatsci.2012.10.028):
 *
 *   E_rxn(x) = E_hull(x·c_A + (1−x)·c_B) − x·e_A − (1−x)·e_B     (eV/atom of the mixture, ≤ 0)
 *
 * with c_A, c_B the per-atom compositions and e_A, e_B the energies of the reactants (their lowest entry
 * when the data hold one below the elements, else the hull energy at their composition). E_hull along
 * the tie line is convex and piecewise linear; its kinks are found by sandwiching with the tangents whose
 * slopes come from the LP duals (design notes, THERMODYNAMICS.md), about two LPs per kink.
 *
 * With an open element A at a given potential (an electrolyte against a charged electrode), the same is
 * done on the grand potential Φ = E − x_A μ_A (per atom of the elements other than A), μ_A = −z·V, with
 * the reactants at their grand-potential hull energies (pymatgen's GrandPotentialInterfacialReactivity
 * defaults, use_hull_energy=True): a reactant's own breakdown at that potential is not part of E_rxn.
 *
 * A reactant above the hull (a metastable phase) releases energy by decomposing on its own, without its
 * partner: at x = 1 (or 0) E_rxn is minus its energy above the hull. That part is kept apart: each
 * reactant carries its own decomposition (energy and phases), each kink its mixing energy
 *
 *   E_mix(x) = E_hull(x·c_A + (1−x)·c_B) − x·H_A − (1−x)·H_B     (H: the hull energies at c_A, c_B)
 *
 * (pymatgen's use_hull_energy=True energy), and `mostExothermicIs` says whether the most exothermic kink
 * is the reaction of the two or one reactant's own decomposition.
 */
import type { Composition } from '../chemistry/composition.js';
import { DomainError } from '../errors.js';
import type { PhaseAmount, PhaseSpace } from './phaseSpace.js';

/**
 * Energy of one eV per particle in kJ/mol: e·N_A/1000 (CODATA 2018, Tiesinga et al., Rev. Mod. Phys. 93,
 * 025010 (2021), doi:10.1103/RevModPhys.93.025010). pymatgen uses 96.4853.
 */
export const KJ_PER_MOL_PER_EV = 96.485332123;

export type ReactantEnergySource = 'DATASET' | 'USER' | 'HULL';

export interface Reactant {
  composition: Composition;
  /** Energy used, eV/atom (eV per atom of the non-open elements with an open element). */
  energy: number;
  energySource: ReactantEnergySource;
  /** Atoms per formula unit as written (non-open atoms with an open element). */
  atomsPerFormulaUnit: number;
  /** Energy of the (grand-potential) hull at its composition, eV/atom (per atom of the non-open elements with an open element). */
  hullEnergy: number;
  /**
   * Energy of its own decomposition, without its partner: hull − own entry's energy, eV/atom, ≤ 0 (0 when it
   * is on the hull or has no entry). With an open element, its own entry's grand potential is the reference.
   */
  ownDecompositionEnergy: number;
  /** What it decomposes into on its own (empty when it does not). */
  ownDecompositionPhases: PhaseAmount[];
}

/** What the most exothermic kink is: the reaction of the two reactants, or one reactant's own decomposition (x = 1: A, x = 0: B). */
export type MostExothermicKind = 'REACTION_WITH_PARTNER' | 'DECOMPOSITION_OF_A' | 'DECOMPOSITION_OF_B' | 'NO_REACTION';

export interface ReactionTerm {
  formula: string;
  /** Formula units in the balanced reaction. */
  coefficient: number;
  /** The phase, for products (null for reactants and the open element). */
  phase: PhaseAmount['phase'] | null;
}

export interface InterfaceKink {
  /** 1-based, in order of x from 0 (pure B) to 1 (pure A). */
  index: number;
  /** Mixing ratio: fraction of the atoms that come from A (of A's non-open atoms' share, converted to all atoms, with an open element). */
  x: number;
  /** Mixing ratio in formula units of A: A_x B_(1−x). */
  xPerFormulaUnit: number;
  /** Reaction energy, eV/atom of the mixture (eV per atom of the non-open elements with an open element). */
  energyEvPerAtom: number;
  /** The part of it from mixing: against the reactants' hull energies (their own decompositions taken out), eV/atom, ≤ 0; 0 at both ends. */
  mixingEnergyEvPerAtom: number;
  /** Reaction energy per formula unit of the mixture x_fu A + (1−x_fu) B, eV (pymatgen's norm=False energy). */
  energyEvPerFormulaUnit: number;
  /** Reaction energy per mole of the balanced reaction as written (x_fu A + (1−x_fu) B → …), kJ/mol. */
  energyKjPerMol: number;
  reactants: ReactionTerm[];
  products: ReactionTerm[];
  /** Product phases with their amounts (atoms per atom of the mixture's non-open part). */
  phases: PhaseAmount[];
}

export interface InterfaceReactionResult {
  reactantA: Reactant;
  reactantB: Reactant;
  openElement: string | null;
  /** Electrode potential of the open element's reservoir, V vs A/A+ (null without an open element). */
  voltageV: number | null;
  kinks: InterfaceKink[];
  /** The kink of lowest (most negative) reaction energy (pymatgen's minimum). */
  mostExothermic: InterfaceKink;
  /** What mostExothermic is (NO_REACTION: no kink below 0). */
  mostExothermicIs: MostExothermicKind;
  /** The kink between the ends of most negative mixing energy: the reaction with the partner; null when no kink lies below the reactants' hull energies. */
  mostExothermicWithPartner: InterfaceKink | null;
}

interface LinePoint {
  x: number;
  value: number;
  /** d(value)/dx of a supporting line through the point. */
  slope: number;
  phases: PhaseAmount[];
}

const TOLERANCE = 1e-9;

/**
 * Interface reaction of `a` and `b` in `space` (spanning both). With `open` (element symbol) and
 * `voltageV`, the open-element variant at that potential.
 */
export function interfaceReaction(space: PhaseSpace, a: Composition, b: Composition, open: { element: string; voltageV: number } | null = null): InterfaceReactionResult {
  if (a.key === b.key) throw new DomainError(`the two reactants are the same composition (${a.reducedFormula})`);
  const d = space.elements.length;
  const openIndex = open ? space.elementIndex(open.element) : -1;
  const mu = open ? -open.voltageV : 0;
  const rows = [...Array(d).keys()].filter((k) => k !== openIndex);

  // the compositions in the (non-open) space, per atom
  const reduce = (c: Composition) => {
    const full = space.fractionsOf(c);
    const kept = rows.reduce((s, k) => s + full[k]!, 0);
    if (kept <= 0) throw new DomainError(`${c.reducedFormula} holds only the open element ${open!.element}`);
    const v = new Float64Array(d);
    for (const k of rows) v[k] = full[k]! / kept;
    return { v, share: kept };
  };
  const A = reduce(a);
  const B = reduce(b);

  const evaluate = (x: number): LinePoint => {
    const comp = new Float64Array(d);
    for (let k = 0; k < d; k++) comp[k] = x * A.v[k]! + (1 - x) * B.v[k]!;
    let value: number;
    let duals: Float64Array;
    let phases: PhaseAmount[];
    if (open) {
      const g = space.grandHull(comp, openIndex, mu);
      value = g.value;
      duals = new Float64Array(d);
      rows.forEach((k, r) => (duals[k] = g.chemicalPotentials[r]!));
      phases = g.phases;
    } else {
      const h = space.hull(comp);
      value = h.energy;
      duals = h.chemicalPotentials;
      phases = h.phases;
    }
    let slope = 0;
    for (const k of rows) slope += duals[k]! * (A.v[k]! - B.v[k]!);
    return { x, value, slope, phases };
  };

  /** The reactant's own lowest entry as it takes part in the LPs (a candidate below the elements), or undefined. */
  const ownEntry = (c: Composition) => {
    const i = space.indexOf(c.key);
    return i !== undefined && space.candidates.includes(i) ? space.phases[i]! : undefined;
  };
  const reactantEnergy = (c: Composition, point: LinePoint): { energy: number; source: ReactantEnergySource } => {
    if (open) return { energy: point.value, source: 'HULL' };
    const p = ownEntry(c);
    return p ? { energy: p.energy, source: p.entry.source === 'USER' ? 'USER' : 'DATASET' } : { energy: point.value, source: 'HULL' };
  };
  /** Energy of the reactant's own entry on the scale of `point.value` (grand potential per non-open atom with an open element), or the hull. */
  const ownEnergy = (c: Composition, share: number, point: LinePoint): number => {
    const p = ownEntry(c);
    if (!p) return point.value;
    return open ? (p.energy - p.fractions[openIndex]! * mu) / share : p.energy;
  };
  const ownDecomposition = (c: Composition, share: number, point: LinePoint) => {
    const energy = Math.min(0, point.value - ownEnergy(c, share, point));
    return { ownDecompositionEnergy: energy, ownDecompositionPhases: energy < -TOLERANCE ? point.phases : [] };
  };

  const pB = evaluate(0);
  const pA = evaluate(1);
  const eA = reactantEnergy(a, pA);
  const eB = reactantEnergy(b, pB);

  const points: LinePoint[] = [pB, pA];
  const refine = (p: LinePoint, q: LinePoint, depth: number) => {
    if (Math.abs(p.slope - q.slope) < TOLERANCE || depth > 200) return;
    // tangents value_p + s_p (x − x_p) and value_q + s_q (x − x_q) meet at x*
    let x = (q.value - p.value + p.slope * p.x - q.slope * q.x) / (p.slope - q.slope);
    if (!(x > p.x + TOLERANCE && x < q.x - TOLERANCE)) return;
    const m = evaluate(x);
    x = m.x;
    const tangent = p.value + p.slope * (x - p.x);
    if (m.value <= tangent + TOLERANCE) {
      points.push(m);
      return;
    }
    points.push(m);
    refine(p, m, depth + 1);
    refine(m, q, depth + 1);
  };
  refine(pB, pA, 0);

  // kinks: points where the hull along the line changes slope, plus both ends
  points.sort((p, q) => p.x - q.x);
  const kinksAt = points.filter((p, i) => {
    if (i === 0 || i === points.length - 1) return true;
    const prev = points[i - 1]!;
    const next = points[i + 1]!;
    // not a kink when it lies on the straight line between its neighbours
    const interpolated = prev.value + ((next.value - prev.value) * (p.x - prev.x)) / (next.x - prev.x);
    return p.value < interpolated - TOLERANCE;
  });

  const aAtoms = open ? a.totalAtoms * A.share : a.totalAtoms;
  const bAtoms = open ? b.totalAtoms * B.share : b.totalAtoms;
  const reactantA: Reactant = { composition: a, energy: eA.energy, energySource: eA.source, atomsPerFormulaUnit: aAtoms, hullEnergy: pA.value, ...ownDecomposition(a, A.share, pA) };
  const reactantB: Reactant = { composition: b, energy: eB.energy, energySource: eB.source, atomsPerFormulaUnit: bAtoms, hullEnergy: pB.value, ...ownDecomposition(b, B.share, pB) };

  const kinks = kinksAt.map((p, i): InterfaceKink => {
    const energy = p.value - p.x * eA.energy - (1 - p.x) * eB.energy;
    // formula units: x (per non-open atom) of A ↔ x/aAtoms formula units
    const fuA = p.x / aAtoms;
    const fuB = (1 - p.x) / bAtoms;
    const xPerFormulaUnit = fuA / (fuA + fuB);
    const atomsInReaction = xPerFormulaUnit * aAtoms + (1 - xPerFormulaUnit) * bAtoms;
    const reactants: ReactionTerm[] = [];
    if (xPerFormulaUnit > TOLERANCE) reactants.push({ formula: a.toString(), coefficient: xPerFormulaUnit, phase: null });
    if (1 - xPerFormulaUnit > TOLERANCE) reactants.push({ formula: b.toString(), coefficient: 1 - xPerFormulaUnit, phase: null });
    const products: ReactionTerm[] = p.phases.map((ph) => ({
      formula: ph.phase.formula,
      coefficient: (ph.atoms * atomsInReaction) / ph.phase.atomsPerFormulaUnit,
      phase: ph.phase,
    }));
    if (open) {
      // balance the open element with the reservoir
      const oi = openIndex;
      const inReactants = xPerFormulaUnit * a.amountOf(open.element) + (1 - xPerFormulaUnit) * b.amountOf(open.element);
      const inProducts = products.reduce((s, t) => s + t.coefficient * t.phase!.fractions[oi]! * t.phase!.atomsPerFormulaUnit, 0);
      const exchange = inProducts - inReactants;
      if (exchange > TOLERANCE) reactants.push({ formula: open.element, coefficient: exchange, phase: null });
      else if (exchange < -TOLERANCE) products.push({ formula: open.element, coefficient: -exchange, phase: null });
    }
    const xAllAtoms = open ? p.x / A.share / (p.x / A.share + (1 - p.x) / B.share) : p.x;
    return {
      index: i + 1,
      x: xAllAtoms,
      xPerFormulaUnit,
      energyEvPerAtom: energy,
      mixingEnergyEvPerAtom: Math.min(0, p.value - p.x * pA.value - (1 - p.x) * pB.value),
      energyEvPerFormulaUnit: energy * atomsInReaction,
      energyKjPerMol: energy * atomsInReaction * KJ_PER_MOL_PER_EV,
      reactants,
      products,
      phases: p.phases,
    };
  });
  const mostExothermic = kinks.reduce((m, k) => (k.energyEvPerAtom < m.energyEvPerAtom ? k : m), kinks[0]!);
  const inner = kinks.slice(1, -1).filter((k) => k.mixingEnergyEvPerAtom < -TOLERANCE);
  const mostExothermicWithPartner = inner.length === 0 ? null : inner.reduce((m, k) => (k.mixingEnergyEvPerAtom < m.mixingEnergyEvPerAtom ? k : m));
  return {
    reactantA,
    reactantB,
    openElement: open?.element ?? null,
    voltageV: open?.voltageV ?? null,
    kinks,
    mostExothermic,
    mostExothermicIs: kindOf(mostExothermic, kinks),
    mostExothermicWithPartner,
  };
}

/** Whether the most exothermic kink is an end (a reactant's own decomposition), a kink between them, or no reaction at all. */
function kindOf(k: InterfaceKink, kinks: readonly InterfaceKink[]): MostExothermicKind {
  if (k.energyEvPerAtom >= -TOLERANCE) return 'NO_REACTION';
  if (k === kinks[kinks.length - 1]) return 'DECOMPOSITION_OF_A';
  if (k === kinks[0]) return 'DECOMPOSITION_OF_B';
  return 'REACTION_WITH_PARTNER';
}
