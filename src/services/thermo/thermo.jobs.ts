/**
 * The thermodynamics tasks a worker thread runs (thermo.worker.ts; tests may call runThermoTask in
 * process): each takes the entries of one chemical system from the phase table of its revision (shared by
 * the main thread, decoded once per revision by each thread: phaseTable.ts), builds the phase space, runs
 * the linear programs and returns plain, structured-clonable data (thermo.views.ts), amounts per atom of
 * the target so that the main thread converts them to the formula unit of the formula as written. Between
 * tasks a thread keeps only the decoded tables of the last two revisions it saw (values of a revision,
 * so never stale); the solver is the worker's.
 */
import { LRUCache } from 'lru-cache';
import { Composition } from '../../domain/chemistry/composition.js';
import { assessTarget } from '../../domain/thermo/decomposition.js';
import { interfaceReaction } from '../../domain/thermo/interfaceReaction.js';
import type { LinearSolver } from '../../domain/thermo/linearProgram.js';
import { PhaseSpace } from '../../domain/thermo/phaseSpace.js';
import { stabilityWindow } from '../../domain/thermo/stabilityWindow.js';
import { voltageProfile } from '../../domain/thermo/voltageProfile.js';
import { PhaseTable, type SharedPhaseTable } from './phaseTable.js';
import { amountData, reactionData, spaceData, targetData, type AmountData, type ReactionData, type SpaceData, type TargetData, type ThermoStatus } from './thermo.views.js';

/** A composition as element/amount pairs in the order written (Composition.entries()). */
export type CompositionPairs = [string, number][];

interface TaskBase {
  /** Every phase entry of the revision the task computes from (shared memory, not copied per task). */
  table: SharedPhaseTable;
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
  const table = tableOf(task.table);
  switch (task.kind) {
    case 'window':
      return windowTask(solver, table, composition(task.composition), task.open);
    case 'profile':
      return profileTask(solver, table, composition(task.composition), task.open);
    case 'decomposition': {
      const c = composition(task.composition);
      const space = build(solver, c.elements, table);
      return { ...spaceData(space), target: targetData(assessTarget(space, c)) };
    }
    case 'reaction': {
      const space = build(solver, task.elements, table);
      const data = spaceData(space);
      if (data.elementsWithoutData.length > 0) return { ...data, reaction: null };
      return { ...data, reaction: reactionData(interfaceReaction(space, composition(task.a), composition(task.b), task.open)) };
    }
  }
}

function windowTask(solver: LinearSolver, table: PhaseTable, c: Composition, open: string): WindowData {
  const space = build(solver, c.elements, table);
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

function profileTask(solver: LinearSolver, table: PhaseTable, c: Composition, open: string): ProfileData {
  const space = build(solver, c.elements, table);
  const w = stabilityWindow(space, c, open);
  if (w.status !== 'COMPUTED') return { steps: [], atomsPerFormulaUnit: 1 };
  const t = w.targetPhase!;
  const steps = voltageProfile(space, t, space.elementIndex(open), w.exclude);
  return { steps: steps.map((s) => ({ ...s, phases: amountData(s.phases) })), atomsPerFormulaUnit: t.atomsPerFormulaUnit };
}

function composition(pairs: CompositionPairs): Composition {
  return new Composition(pairs);
}

function build(solver: LinearSolver, elements: readonly string[], table: PhaseTable): PhaseSpace {
  return PhaseSpace.build(solver, elements, table.phaseEntriesOf(elements));
}

/**
 * The decoded tables of the last two revisions this thread saw: two, so that a request still computing
 * from the previous revision while newer ones arrive does not make the thread decode both in turn.
 */
const tables = new LRUCache<string, PhaseTable>({ max: 2 });

/** Makes `table` the decoded form of `shared` in this thread (the main thread, which built both). */
export function holdPhaseTable(shared: SharedPhaseTable, table: PhaseTable): void {
  tables.set(shared.id, table);
}

/** The elements of the chemical system a task computes in. */
export function taskElements(task: ThermoTask): string[] {
  return task.kind === 'reaction' ? task.elements : task.composition.map(([element]) => element);
}

function tableOf(shared: SharedPhaseTable): PhaseTable {
  let table = tables.get(shared.id);
  if (!table) {
    table = PhaseTable.fromShared(shared);
    tables.set(shared.id, table);
  }
  return table;
}
