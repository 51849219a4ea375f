/**
 * Where a composition stands against the convex hull of formation energies: its energy above the hull,
 * its phase-separation energy and the stable phases it decomposes into (the phase-diagram analysis of
 * Ong et al., Chem. Mater. 20, 1798 (2008), doi:10.1021/cm702327g; energies in eV/atom).
 */
import type { Composition } from '../chemistry/composition.js';
import type { PhaseAmount, PhaseSpace, Phase } from './phaseSpace.js';

/** Where the target's energy came from: an entry of a dataset, a user's entry, or (absent from the data) the hull itself. */
export type TargetEnergySource = 'DATASET' | 'USER' | 'VIRTUAL_AT_HULL';

export interface TargetAssessment {
  composition: Composition;
  /** The space's phase of this composition (the lowest entry), if the data hold one. */
  phase: Phase | undefined;
  phaseIndex: number | undefined;
  energySource: TargetEnergySource;
  /** Formation energy of the target's lowest entry, eV/atom (relative to the elemental references); null when absent. */
  formationEnergyEvPerAtom: number | null;
  /** Hull energy at the target's composition built from every other phase, eV/atom (null for an element). */
  hullEnergyOfOthersEvPerAtom: number | null;
  /** E − (hull of the other phases): negative for a stable phase (how far below), positive = energy above hull; null when absent. */
  phaseSeparationEnergyEvPerAtom: number | null;
  /** max(0, phase-separation energy), eV/atom; null when the target is not in the data. */
  energyAboveHullEvPerAtom: number | null;
  /** What the target would decompose into if it were removed: the hull of the other phases at its composition. */
  competingPhases: PhaseAmount[];
  /** The stable phase assemblage at the composition (the target itself when it is stable); null when not asked for. */
  decomposition: PhaseAmount[] | null;
  /** Hull energy at the composition over all phases, eV/atom; null when the decomposition was not asked for. */
  hullEnergyEvPerAtom: number | null;
}

/**
 * Assesses `composition` (its elements must all belong to `space`). Without `withDecomposition` the hull
 * over all phases (one LP, not needed for a stability window) is skipped when the target is in the data.
 */
export function assessTarget(space: PhaseSpace, composition: Composition, withDecomposition = true): TargetAssessment {
  const x = space.fractionsOf(composition);
  const phaseIndex = space.indexOf(composition.key);
  const phase = phaseIndex === undefined ? undefined : space.phases[phaseIndex];
  const needAll = withDecomposition || phaseIndex === undefined || composition.elementCount === 1;
  const all = needAll ? space.hull(x) : null;
  const source: TargetEnergySource = !phase ? 'VIRTUAL_AT_HULL' : phase.entry.source === 'USER' ? 'USER' : 'DATASET';
  const base = {
    composition,
    phase,
    phaseIndex,
    energySource: source,
    formationEnergyEvPerAtom: phase?.energy ?? null,
    decomposition: all?.phases ?? null,
    hullEnergyEvPerAtom: all?.energy ?? null,
  };
  if (composition.elementCount === 1) {
    return { ...base, hullEnergyOfOthersEvPerAtom: null, phaseSeparationEnergyEvPerAtom: null, energyAboveHullEvPerAtom: phase ? Math.max(0, phase.energy) : null, competingPhases: [] };
  }
  const others = phaseIndex === undefined ? all! : space.hull(x, { exclude: new Set([phaseIndex]) });
  const separation = phase ? phase.energy - others.energy : null;
  return {
    ...base,
    hullEnergyOfOthersEvPerAtom: others.energy,
    phaseSeparationEnergyEvPerAtom: separation,
    energyAboveHullEvPerAtom: separation === null ? null : Math.max(0, separation),
    competingPhases: others.phases,
  };
}
