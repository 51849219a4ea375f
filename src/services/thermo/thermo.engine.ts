/**
 * What the thermodynamics shares across requests of one API process: the phase entries of the current
 * revision (read from Neo4j in one query per revision and held in shared memory that every worker reads:
 * phaseTable.ts),
 * the worker pool the computations run in (thermo.pool.ts), and an LRU cache of computed results bounded
 * in entries and in bytes (an estimate: twice the length of the result's JSON), with the computations in
 * flight shared by the requests that ask for the same result. Cache keys start with the phase-data revision
 * (PhaseDataStore.revision): any import or user entry, on any replica, moves the revision on, and the old
 * keys are dropped on the first request that sees the new one. The revision is read from Neo4j at most
 * once per `revisionTtlMs` (THERMO_REVISION_TTL_MS, default 1 s) and is taken at once from this process's
 * own writes: a change made through one replica is used by that replica from the next request, and by
 * the others within the TTL; a request that finds a result in the cache then makes no query at all.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LRUCache } from 'lru-cache';
import { loadLinearSolver, type LinearSolver } from '../../domain/thermo/linearProgram.js';
import type { PhaseEntryLite } from '../../graph/phaseData.store.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PhaseTable, sharePhaseTable, type SharedPhaseTable } from './phaseTable.js';
import { holdPhaseTable, runThermoTask, taskElements, type ThermoTask, type ThermoTaskResult } from './thermo.jobs.js';
import type { ThermoPool } from './thermo.pool.js';

/**
 * Runs a function outside any request's async context (captured at load time): work shared by several
 * requests must not be abandoned when the request that happened to start it ends or times out.
 */
const outsideRequests = AsyncLocalStorage.snapshot();

export interface ThermoCacheStats {
  revision: number;
  size: number;
  /** Estimated bytes of the cached results. */
  bytes: number;
  hits: number;
  misses: number;
  /** Reads of all phase entries so far (one per revision seen). */
  tableReads: number;
}

export interface ThermoEngineOptions {
  /** Estimated bytes of cached results kept at most (THERMO_CACHE_MB); unbounded when absent. */
  maxBytes?: number;
  /** The worker pool the computations run in; required by `compute`. */
  pool?: ThermoPool;
  /**
   * Computations whose chemical system holds at most this many phase entries run in this thread
   * (THERMO_INLINE_MAX_ENTRIES, default 64; 0: all in the pool): they take less time than the round trip
   * to a worker (measured on the default table, 2 cores: p50 0.13–0.23 ms, p99 under 2 ms, against about
   * 0.3 ms for the round trip), and each waits for the next turn of the event loop first, so that other
   * requests' I/O is served between two of them.
   */
  inlineMaxEntries?: number;
}

/** Estimated heap bytes of a cached value: twice its JSON length (UTF-16), at least 64. */
function sizeOf(entry: { value: unknown }): number {
  return Math.max(64, 2 * (JSON.stringify(entry.value)?.length ?? 0));
}

export class ThermoEngine {
  private solverPromise: Promise<LinearSolver> | null = null;
  private readonly cache: LRUCache<string, { value: unknown }>;
  private readonly pending = new Map<string, Promise<unknown>>();
  private revision = -1;
  private hits = 0;
  private misses = 0;
  private known: { revision: number; at: number } | null = null;
  private reading: Promise<number> | null = null;
  private table: { shared: SharedPhaseTable; local: PhaseTable } | null = null;
  private tableLoading: Promise<SharedPhaseTable> | null = null;
  private tableReads = 0;
  private readonly pool: ThermoPool | undefined;
  private readonly inlineMaxEntries: number;

  /**
   * `maxEntries`: cached results kept at most (least recently used dropped first);
   * `revisionTtlMs`: how long a revision read from the graph is trusted.
   */
  constructor(
    maxEntries: number,
    private readonly revisionTtlMs = 1000,
    options: ThermoEngineOptions = {},
  ) {
    this.cache = options.maxBytes ? new LRUCache({ max: maxEntries, maxSize: options.maxBytes, sizeCalculation: sizeOf }) : new LRUCache({ max: maxEntries });
    this.pool = options.pool;
    this.inlineMaxEntries = options.inlineMaxEntries ?? 64;
  }

  /**
   * The phase entries of revision `revision` or a newer one, encoded for the workers: the table in memory
   * when it is that recent, else `read()` (all entries and their revision in one query; one read at a
   * time, shared by the requests that wait for it).
   */
  async phaseTable(revision: number, read: () => Promise<{ revision: number; entries: PhaseEntryLite[] }>): Promise<SharedPhaseTable> {
    if (this.table && this.table.shared.revision >= revision) return this.table.shared;
    this.tableLoading ??= (async () => {
      try {
        this.tableReads++;
        // shared by every request waiting for it: not ended by the deadline of the one that started it
        const { revision: read_, entries } = await outsideRequests(read);
        const shared = sharePhaseTable(read_, entries);
        const local = new PhaseTable(read_, entries);
        holdPhaseTable(shared, local);
        this.noteRevision(read_);
        if (!this.table || read_ >= this.table.shared.revision) this.table = { shared, local };
        return shared;
      } finally {
        this.tableLoading = null;
      }
    })();
    return this.tableLoading;
  }

  /**
   * The cached result of `key` at `revision`, else the task `task()` builds, run in the worker pool
   * (see `cached`). `what` names the computation in errors.
   * @throws ThermoBusyError, ThermoTimeoutError (thermo.pool.ts)
   */
  compute<R extends ThermoTaskResult>(revision: number, key: string, what: string, task: () => ThermoTask): Promise<R> {
    const pool = this.pool;
    if (!pool) throw new Error('ThermoEngine.compute: no worker pool was given');
    return this.cached(revision, key, async () => {
      const t = task();
      if (!this.isSmall(t)) return pool.run<R>(t, what);
      await nextTurn();
      return runThermoTask(await this.solver(), t) as R;
    });
  }

  /** Whether `task` runs in this thread: its system holds at most `inlineMaxEntries` entries (of a table this thread holds). */
  private isSmall(task: ThermoTask): boolean {
    const local = this.table?.shared.id === task.table.id ? this.table.local : null;
    return local !== null && local.entriesOf(taskElements(task)).length <= this.inlineMaxEntries;
  }

  /** The phase entries held in memory: their revision and number, or null before the first read. */
  phaseTableInfo(): { revision: number; entries: number } | null {
    return this.table ? { revision: this.table.shared.revision, entries: this.table.shared.entryCount } : null;
  }

  /** Stops the worker pool (shut-down). */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** The phase-data revision: the last one read if younger than the TTL, else `read()` (one read at a time). */
  async currentRevision(read: () => Promise<number>): Promise<number> {
    if (this.known && performance.now() - this.known.at < this.revisionTtlMs) return this.known.revision;
    this.reading ??= outsideRequests(read)
      .then((revision) => {
        this.noteRevision(revision);
        return revision;
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  /** Records a revision this process wrote or read (newer than what it knew). */
  noteRevision(revision: number): void {
    if (!this.known || revision >= this.known.revision) this.known = { revision, at: performance.now() };
  }

  /** HiGHS in this thread, loaded on first use (benchmarks compare it with the pool; requests never use it). */
  solver(): Promise<LinearSolver> {
    this.solverPromise ??= loadLinearSolver();
    return this.solverPromise;
  }

  /**
   * The cached value of `key` computed from phase data at `revision`, computing it once (concurrent
   * callers share one computation). A newer revision than the last seen clears the cache; an older one
   * (a request that started before the change) is computed without touching it.
   */
  async cached<T>(revision: number, key: string, compute: () => Promise<T> | T): Promise<T> {
    // a request that began before a newer revision was seen computes without the cache
    if (revision < this.revision) return compute();
    if (revision > this.revision) {
      this.cache.clear();
      this.pending.clear();
      this.revision = revision;
    }
    const full = `${revision}|${key}`;
    const hit = this.cache.get(full);
    if (hit) {
      this.hits++;
      return hit.value as T;
    }
    const running = this.pending.get(full);
    if (running) return running as Promise<T>;
    this.misses++;
    const p = (async () => {
      try {
        const value = await outsideRequests(compute);
        if (this.revision === revision) this.cache.set(full, { value });
        return value;
      } finally {
        this.pending.delete(full);
      }
    })();
    this.pending.set(full, p);
    return p;
  }

  /** Drops every cached result (benchmarks use it to time cold computations); the phase entries stay. */
  clear(): void {
    this.cache.clear();
    this.pending.clear();
  }

  stats(): ThermoCacheStats {
    return { revision: this.revision, size: this.cache.size, bytes: this.cache.calculatedSize ?? 0, hits: this.hits, misses: this.misses, tableReads: this.tableReads };
  }
}
