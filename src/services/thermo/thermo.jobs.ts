/**
 * The thermodynamics tasks a worker thread runs (thermo.worker.ts; tests may call runThermoTask in
 * process): each builds the phase space of one chemical system from the entries the main thread selected
 * for it, runs the linear programs and returns plain, structured-clonable data (thermo.views.ts), amounts
 * per atom of the target so that the main thread converts them to the formula unit of the formula as
 * written. A task holds no state between calls but a bounded cache of the entries' compositions
 * (values, keyed by their elements and amounts, so never stale); the solver is the worker's.
 */
import { LRUCache } from 'lru-cache';
import { Composition } from '../../domain/chemistry/composition.js';
import { assessTarget } from '../../domain/thermo/decomposition.js';
import { interfaceReaction } from '../../domain/thermo/interfaceReaction.js';
import type { LinearSolver } from '../../domain/thermo/linearProgram.js';
import { PhaseSpace, type PhaseEntry } from '../../domain/thermo/phaseSpace.js';
import { stabilityWindow } from '../../domain/thermo/stabilityWindow.js';
import { voltageProfile } from '../../domain/thermo/voltageProfile.js';
import type { PhaseEntryLite } from '../../graph/phaseData.store.js';
import { amountData, reactionData, spaceData, targetData, type AmountData, type ReactionData, type SpaceData, type TargetData, type ThermoStatus } from './thermo.views.js';

/** A composition as element/amount pairs in the order written (Composition.entries()). */
export type CompositionPairs = [string, number][];

interface TaskBase {
  /** Every entry of the system and its subsystems (the main thread's selection). */
  entries: PhaseEntryLite[];
}

export type ThermoTask =
  | (TaskBase & { kind: 'window' | 'profile'; composition: CompositionPairs; open: string })
  | (TaskBase & { kind: 'decomposition'; composition: CompositionPairs })
  | (TaskBase & { kind: 'reaction'; elements: string[]; a: CompositionPairs; b: CompositionPairs; open: { element: string; voltageV: number } | null });

export interface WindowData extends SpaceData {
  status: ThermoStatus;
  reason: string | null;
  target: TargetData;
  reductionLimitV: number | null;
  oxidationLimitV: number | null;
  stableAgainstMetal: boolean;
  collapsed: boolean;
  stabilized: boolean;
  productsAtReduction: AmountData[];
  productsAtOxidation: AmountData[];
}

export interface ProfileData {
  /** Steps from 0 V up; uptake per formula unit of a target of `atomsPerFormulaUnit` atoms. */
  steps: { fromV: number; toV: number | null; uptakePerFormulaUnit: number; phases: AmountData[] }[];
  atomsPerFormulaUnit: number;
}

export interface DecompositionData extends SpaceData {
  target: TargetData;
}

export interface ReactionTaskData extends SpaceData {
  /** Null when the space lacks an element (nothing computed). */
  reaction: ReactionData | null;
}

export type ThermoTaskResult = WindowData | ProfileData | DecompositionData | ReactionTaskData;

/** Runs one task with `solver`. */
export function runThermoTask(solver: LinearSolver, task: ThermoTask): ThermoTaskResult {
  switch (task.kind) {
    case 'window':
      return windowTask(solver, task.entries, composition(task.composition), task.open);
    case 'profile':
      return profileTask(solver, task.entries, composition(task.composition), task.open);
    case 'decomposition': {
      const c = composition(task.composition);
      const space = build(solver, c.elements, task.entries);
      return { ...spaceData(space), target: targetData(assessTarget(space, c)) };
    }
    case 'reaction': {
      const space = build(solver, task.elements, task.entries);
      const data = spaceData(space);
      if (data.elementsWithoutData.length > 0) return { ...data, reaction: null };
      return { ...data, reaction: reactionData(interfaceReaction(space, composition(task.a), composition(task.b), task.open)) };
    }
  }
}

function windowTask(solver: LinearSolver, entries: PhaseEntryLite[], c: Composition, open: string): WindowData {
  const space = build(solver, c.elements, entries);
  const w = stabilityWindow(space, c, open);
  return {
    ...spaceData(space),
    status: w.status,
    reason: w.reason,
    target: targetData(w.target),
    reductionLimitV: w.reductionLimitV,
    oxidationLimitV: w.oxidationLimitV,
    stableAgainstMetal: w.stableAgainstMetal,
    collapsed: w.collapsed,
    stabilized: w.stabilized,
    productsAtReduction: amountData(w.productsAtReduction),
    productsAtOxidation: amountData(w.productsAtOxidation),
  };
}

function profileTask(solver: LinearSolver, entries: PhaseEntryLite[], c: Composition, open: string): ProfileData {
  const space = build(solver, c.elements, entries);
  const w = stabilityWindow(space, c, open);
  if (w.status !== 'COMPUTED') return { steps: [], atomsPerFormulaUnit: 1 };
  const t = w.targetPhase!;
  const steps = voltageProfile(space, t, space.elementIndex(open), w.exclude);
  return { steps: steps.map((s) => ({ ...s, phases: amountData(s.phases) })), atomsPerFormulaUnit: t.atomsPerFormulaUnit };
}

function composition(pairs: CompositionPairs): Composition {
  return new Composition(pairs);
}

function build(solver: LinearSolver, elements: readonly string[], entries: readonly PhaseEntryLite[]): PhaseSpace {
  return PhaseSpace.build(solver, elements, entries.map(toPhaseEntry));
}

/**
 * Compositions of the entries seen by this thread, by elements and amounts: a composition computes its
 * key, proportions and formula once (Composition), and the tasks of one system (and of its neighbours)
 * share them instead of parsing every entry again. 20,000 compositions, a few MB, hold the entries of
 * several 8-element systems.
 */
const compositions = new LRUCache<string, Composition>({ max: 20_000 });

function compositionOf(e: PhaseEntryLite): Composition {
  const key = `${e.elements.join(' ')}|${e.amounts.join(' ')}`;
  let c = compositions.get(key);
  if (!c) {
    c = new Composition(e.elements.map((el, i) => [el, e.amounts[i]!] as const));
    compositions.set(key, c);
  }
  return c;
}

function toPhaseEntry(e: PhaseEntryLite): PhaseEntry {
  return {
    id: e.id,
    composition: compositionOf(e),
    formationEnergyEvPerAtom: e.energy,
    source: e.source,
    datasetId: e.datasetId,
  };
}
