/**
 * The thermodynamics worker pool (real worker threads, loaded from the TypeScript sources through tsx):
 * results equal to the same task run in this thread, THERMO_BUSY past the queue limit, THERMO_TIMEOUT past
 * the task deadline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadLinearSolver } from '../../src/domain/thermo/linearProgram.js';
import type { PhaseEntryLite } from '../../src/graph/phaseData.store.js';
import { PhaseTable, sharePhaseTable } from '../../src/services/thermo/phaseTable.js';
import { ThermoEngine } from '../../src/services/thermo/thermo.engine.js';
import { runThermoTask, type ThermoTask, type WindowData } from '../../src/services/thermo/thermo.jobs.js';
import { ThermoBusyError, ThermoPool, ThermoTimeoutError, type ThermoPoolOptions } from '../../src/services/thermo/thermo.pool.js';

const entry = (id: string, elements: string[], amounts: number[], energy: number): PhaseEntryLite => ({
  id,
  chemicalSystem: [...elements].sort().join('-'),
  elements,
  amounts,
  energy,
  source: 'DATASET',
  datasetId: 'test',
});
// a small Li-O system: Li2O and Li2O2 below the elements
const liO = [entry('li', ['Li'], [1], 0), entry('o', ['O'], [1], 0), entry('li2o', ['Li', 'O'], [2, 1], -2.07), entry('li2o2', ['Li', 'O'], [2, 2], -1.65)];
const table = sharePhaseTable(1, liO);
const windowTask = (li: number, o: number): ThermoTask => ({ kind: 'window', table, composition: [['Li', li], ['O', o]], open: 'Li' });

const pools: ThermoPool[] = [];
const pool = (options: Partial<ThermoPoolOptions>) => {
  const p = new ThermoPool({ threads: 1, maxQueue: 10, taskTimeoutMs: 60_000, ...options });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('ThermoPool', () => {
  it('runs a task in a worker with the result of the same task in this thread', { timeout: 60_000 }, async () => {
    const inWorker = await pool({}).run<WindowData>(windowTask(2, 2), 'stabilityWindow');
    const here = runThermoTask(await loadLinearSolver(), windowTask(2, 2)) as WindowData;
    expect(inWorker.status).toBe('COMPUTED');
    expect(inWorker).toEqual(here);
  });

  it('refuses a task with ThermoBusyError when the threads and the queue are taken, naming the setting', { timeout: 60_000 }, async () => {
    const p = pool({ threads: 1, maxQueue: 1 });
    await p.run(windowTask(2, 1), 'stabilityWindow'); // the worker is up
    const results = await Promise.allSettled([1, 2, 3].map((i) => p.run(windowTask(2, i), 'stabilityWindow')));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const error = (results[2] as PromiseRejectedResult).reason as Error;
    expect(error).toBeInstanceOf(ThermoBusyError);
    expect(error.message).toMatch(/^stabilityWindow: .*busy.*THERMO_MAX_QUEUE/);
    expect(await p.run(windowTask(2, 2), 'stabilityWindow')).toMatchObject({ status: 'COMPUTED' }); // free again
  });

  it('aborts a task past its deadline (waiting for a worker included) with ThermoTimeoutError, naming the setting', { timeout: 60_000 }, async () => {
    const p = pool({ taskTimeoutMs: 1 });
    const error = await p.run(windowTask(2, 2), 'stabilityWindow').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThermoTimeoutError);
    expect((error as Error).message).toMatch(/^stabilityWindow: .*within 1 ms \(THERMO_TASK_TIMEOUT_MS\)/);
    expect(p.stats()).toMatchObject({ inFlight: 0 });
  });
});

describe('the phase table shared with the workers', () => {
  it('decodes to the entries encoded, indexed by chemical system and subsystems', () => {
    const decoded = PhaseTable.fromShared(table);
    expect(decoded.revision).toBe(1);
    expect(table.entryCount).toBe(4);
    expect(decoded.entriesOf(['O', 'Li'])).toEqual(liO);
    expect(decoded.entriesOf(['Li', 'S']).map((e) => e.id)).toEqual(['li']);
    expect(decoded.phaseEntriesOf(['Li', 'O']).map((e) => [e.id, e.composition.reducedFormula, e.formationEnergyEvPerAtom])).toEqual([
      ['li', 'Li', 0],
      ['o', 'O', 0],
      ['li2o', 'Li2O', -2.07],
      ['li2o2', 'LiO', -1.65], // reduced formula: the composition as proportions
    ]);
  });
});

describe('ThermoEngine.compute', () => {
  const engineWith = async (inlineMaxEntries: number) => {
    const p = pool({});
    const engine = new ThermoEngine(10, 1000, { pool: p, inlineMaxEntries });
    const shared = await engine.phaseTable(1, async () => ({ revision: 1, entries: liO }));
    return { p, engine, task: (): ThermoTask => ({ kind: 'window', table: shared, composition: [['Li', 2], ['O', 2]], open: 'Li' }) };
  };

  it('runs a computation whose system holds at most inlineMaxEntries entries in this thread, a larger one in the pool, with equal results', { timeout: 60_000 }, async () => {
    const small = await engineWith(4); // Li-O holds 4 entries
    const here = await small.engine.compute<WindowData>(1, 'k', 'stabilityWindow', small.task);
    expect(small.p.stats().completed).toBe(0);
    const large = await engineWith(3);
    const there = await large.engine.compute<WindowData>(1, 'k', 'stabilityWindow', large.task);
    expect(large.p.stats().completed).toBe(1);
    expect(here.status).toBe('COMPUTED');
    expect(here).toEqual(there);
  });
});
