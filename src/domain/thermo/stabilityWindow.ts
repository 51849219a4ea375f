/**
 * Electrochemical stability window of a composition against an open alkali reservoir (Li, Na or K):
 * the range of electrode potential over which it is on the grand-potential hull, and the phases it
 * turns into just beyond each limit (the predicted interphase). Method: Zhu, He & Mo, ACS Appl. Mater.
 * Interfaces 7, 23685 (2015), doi:10.1021/acsami.5b07517; Richards et al., Chem. Mater. 28, 266 (2016),
 * doi:10.1021/acs.chemmater.5b04082; as linear programs (design notes, THERMODYNAMICS.md).
 *
 * Potentials are V vs the open element's metal (A/A+), from V = −μ_A / z with z = 1 (one electron per
 * alkali ion) and μ_A in eV/atom relative to the metal. A target that is metastable (above the hull of
 * the other phases) or absent from the data (a virtual entry at the hull) is lowered to 1e-6 eV/atom
 * below that hull ("stabilized"), the convention of the method.
 */
import type { Composition } from '../chemistry/composition.js';
import { DomainError } from '../errors.js';
import { assessTarget, type TargetAssessment } from './decomposition.js';
import type { GrandPoint, PhaseAmount, PhaseSpace, TargetPhase } from './phaseSpace.js';

/** How far below the hull of the other phases a metastable or virtual target is put, eV/atom. */
export const STABILIZATION_EV_PER_ATOM = 1e-6;
/** Windows narrower than this (V) are reported as collapsed to a point. */
export const COLLAPSED_WIDTH_V = 1e-3;
/** Charge of the open element's ion (Li+, Na+, K+). */
const ION_CHARGE = 1;
/** A reduction limit this close to 0 V is the metal itself. */
const AT_METAL_V = 1e-7;

export type WindowStatus = 'COMPUTED' | 'INSUFFICIENT_DATA' | 'ELEMENT_WITHOUT_DATA';

export interface ComputedWindow {
  status: WindowStatus;
  /** Why the window was not computed (null when COMPUTED). */
  reason: string | null;
  openElement: string;
  target: TargetAssessment;
  /** True when the target's energy was lowered onto the hull (metastable, or virtual). */
  stabilized: boolean;
  /** Energy the target took part with, eV/atom. */
  targetEnergyEvPerAtom: number;
  /** V vs A/A+; 0 when stable against the metal. */
  reductionLimitV: number | null;
  oxidationLimitV: number | null;
  stableAgainstMetal: boolean;
  /** Width below COLLAPSED_WIDTH_V: stable at a single potential only (a stabilized target between neighbours of other alkali content). */
  collapsed: boolean;
  /** Phases just beyond the reduction limit (empty when stable against the metal), amounts per atom of target. */
  productsAtReduction: PhaseAmount[];
  productsAtOxidation: PhaseAmount[];
  /** The target as it took part in the LPs, and the index of its data phase (set aside), for the profile. */
  targetPhase: TargetPhase | null;
  exclude: ReadonlySet<number>;
}

export function checkOpenElement(composition: Composition, openElement: string): void {
  if (!composition.elements.includes(openElement)) {
    throw new DomainError(`the open element ${openElement} is not in the composition ${composition.toString()}`);
  }
  if (composition.elementCount < 2) {
    throw new DomainError(`${composition.toString()} is the open element itself; a stability window needs at least one other element`);
  }
}

/** The stability window of `composition` in `space` (which spans exactly its elements) with `openElement` open. */
export function stabilityWindow(space: PhaseSpace, composition: Composition, openElement: string): ComputedWindow {
  checkOpenElement(composition, openElement);
  const target = assessTarget(space, composition, false);
  const open = space.elementIndex(openElement);
  const exclude: ReadonlySet<number> = new Set(target.phaseIndex === undefined ? [] : [target.phaseIndex]);
  const none = (status: WindowStatus, reason: string): ComputedWindow => ({
    status,
    reason,
    openElement,
    target,
    stabilized: false,
    targetEnergyEvPerAtom: target.formationEnergyEvPerAtom ?? target.hullEnergyOfOthersEvPerAtom ?? 0,
    reductionLimitV: null,
    oxidationLimitV: null,
    stableAgainstMetal: false,
    collapsed: false,
    productsAtReduction: [],
    productsAtOxidation: [],
    targetPhase: null,
    exclude,
  });
  if (space.elementsWithoutData.length > 0) {
    return none('ELEMENT_WITHOUT_DATA', `the phase data hold no entry with ${space.elementsWithoutData.join(', ')}`);
  }
  const hullOfOthers = target.hullEnergyOfOthersEvPerAtom!;
  const separation = target.phaseSeparationEnergyEvPerAtom;
  const stabilized = separation === null || separation >= 0;
  // A target that is not below the elements on its own (absent, or above them) and has no other compound
  // below the elements at its composition would only be put on the hull by the stabilization: no window.
  if (stabilized && target.competingPhases.every((p) => p.phase.fractions.filter((f) => f > 0).length === 1)) {
    return none('INSUFFICIENT_DATA', `no compound of ${space.elements.join('-')} in the phase data lies below the elements at this composition`);
  }
  const energy = stabilized ? hullOfOthers - STABILIZATION_EV_PER_ATOM : target.formationEnergyEvPerAtom!;
  const t = space.targetPhase(composition, energy);
  const range = space.chemicalPotentialRange(t, open, exclude);
  if (!range) throw new DomainError(`${composition.toString()} is not on the hull after stabilization (a defect)`);
  const muMax = Math.min(range.max, 0);
  const stableAgainstMetal = -muMax / ION_CHARGE < AT_METAL_V;
  const reductionLimitV = stableAgainstMetal ? 0 : -muMax / ION_CHARGE;
  const oxidationLimitV = -range.min / ION_CHARGE;
  const lineOfTarget = (mu: number) => t.energy - t.fractions[open]! * mu;
  return {
    status: 'COMPUTED',
    reason: null,
    openElement,
    target,
    stabilized,
    targetEnergyEvPerAtom: energy,
    reductionLimitV,
    oxidationLimitV,
    stableAgainstMetal,
    collapsed: oxidationLimitV - reductionLimitV < COLLAPSED_WIDTH_V,
    productsAtReduction: stableAgainstMetal ? [] : assemblageBeyond(space, t, open, exclude, muMax, +1, lineOfTarget(muMax)).phases,
    productsAtOxidation: assemblageBeyond(space, t, open, exclude, range.min, -1, lineOfTarget(range.min)).phases,
    targetPhase: t,
    exclude,
  };
}

/**
 * The grand-potential assemblage of the target's composition just beyond the limit μ0, on the side
 * `direction` (+1: richer in the open element, −1: poorer), without the target. It is found at μ0 ± δ
 * and accepted when its Φ line also passes through the target's at μ0 (then, the hull being concave in
 * μ, it is the assemblage on the whole of (μ0, μ0 ± δ)); δ shrinks from 1 meV until that holds.
 */
export function assemblageBeyond(
  space: PhaseSpace,
  target: TargetPhase,
  open: number,
  exclude: ReadonlySet<number>,
  mu0: number,
  direction: 1 | -1,
  valueAtLimit: number,
): GrandPoint {
  let last: GrandPoint | undefined;
  for (const delta of [1e-3, 1e-4, 1e-5, 1e-6, 1e-7]) {
    let mu = mu0 + direction * delta;
    if (direction > 0 && mu > 0) mu = mu0 / 2;
    last = space.grandHull(target.fractions, open, mu, { exclude });
    const atLimit = last.energy - last.openAtoms * mu0;
    if (Math.abs(atLimit - valueAtLimit) < 1e-8) return last;
  }
  return last!;
}
