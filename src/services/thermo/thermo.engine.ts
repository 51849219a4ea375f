/**
 * What the thermodynamics shares across requests of one API process: the phase entries of the current
 * revision (read from Neo4j in one query per revision and held in memory, indexed by chemical system),
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
import { chemicalSubsystems } from '../../domain/chemistry/chemicalSystem.js';
import { loadLinearSolver, type LinearSolver } from '../../domain/thermo/linearProgram.js';
import type { PhaseEntryLite } from '../../graph/phaseData.store.js';
import type { ThermoTask, ThermoTaskResult } from './thermo.jobs.js';
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

/** The phase entries of one revision, by chemical system ('Li-P-S'). */
export class PhaseTable {
  private readonly bySystem = new Map<string, PhaseEntryLite[]>();

  constructor(
    readonly revision: number,
    entries: readonly PhaseEntryLite[],
  ) {
    for (const e of entries) {
      const list = this.bySystem.get(e.chemicalSystem);
      if (list) list.push(e);
      else this.bySystem.set(e.chemicalSystem, [e]);
    }
  }

  /** Every entry whose elements all belong to `elements` (the system and its subsystems). */
  entriesOf(elements: readonly string[]): PhaseEntryLite[] {
    return chemicalSubsystems(elements).flatMap((s) => this.bySystem.get(s) ?? []);
  }
}

export interface ThermoEngineOptions {
  /** Estimated bytes of cached results kept at most (THERMO_CACHE_MB); unbounded when absent. */
  maxBytes?: number;
  /** The worker pool the computations run in; required by `compute`. */
  pool?: ThermoPool;
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
  private table: PhaseTable | null = null;
  private tableLoading: Promise<PhaseTable> | null = null;
  private tableReads = 0;
  private readonly pool: ThermoPool | undefined;

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
  }

  /**
   * The phase entries of revision `revision` or a newer one: the table in memory when it is that recent,
   * else `read()` (all entries and their revision in one query; one read at a time, shared by the
   * requests that wait for it).
   */
  async phaseTable(revision: number, read: () => Promise<{ revision: number; entries: PhaseEntryLite[] }>): Promise<PhaseTable> {
    if (this.table && this.table.revision >= revision) return this.table;
    this.tableLoading ??= (async () => {
      try {
        this.tableReads++;
        // shared by every request waiting for it: not ended by the deadline of the one that started it
        const { revision: read_, entries } = await outsideRequests(read);
        const table = new PhaseTable(read_, entries);
        this.noteRevision(read_);
        if (!this.table || table.revision >= this.table.revision) this.table = table;
        return table;
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
    return this.cached(revision, key, () => pool.run<R>(task(), what));
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
