/**
 * What the thermodynamics shares across requests of one API process: the LP solver (HiGHS, loaded once)
 * and an LRU cache of phase spaces and computed results. Cache keys start with the phase-data revision
 * (PhaseDataStore.revision): any import or user entry, on any replica, moves the revision on, and the old
 * keys are dropped on the first request that sees the new one. The revision is read from Neo4j at most
 * once per `revisionTtlMs` (THERMO_REVISION_TTL_MS, default 1 s) and is taken at once from this process's
 * own writes: a change made through one replica is used by that replica from the next request, and by
 * the others within the TTL; a request that finds a result in the cache then makes no query at all.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LRUCache } from 'lru-cache';
import { loadLinearSolver, type LinearSolver } from '../../domain/thermo/linearProgram.js';

/**
 * Runs a function outside any request's async context (captured at load time): work shared by several
 * requests must not be abandoned when the request that happened to start it ends or times out.
 */
const outsideRequests = AsyncLocalStorage.snapshot();

export interface ThermoCacheStats {
  revision: number;
  size: number;
  hits: number;
  misses: number;
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

  /**
   * `maxEntries`: cached phase spaces and results kept at most (least recently used dropped first);
   * `revisionTtlMs`: how long a revision read from the graph is trusted.
   */
  constructor(
    maxEntries: number,
    private readonly revisionTtlMs = 1000,
    /** Whether users may add and remove phase entries through this process (PHASE_ENTRIES_WRITABLE). */
    readonly userEntriesWritable = true,
  ) {
    this.cache = new LRUCache({ max: maxEntries });
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

  /** Drops everything cached (benchmarks use it to time cold computations). */
  clear(): void {
    this.cache.clear();
    this.pending.clear();
  }

  stats(): ThermoCacheStats {
    return { revision: this.revision, size: this.cache.size, hits: this.hits, misses: this.misses };
  }
}
