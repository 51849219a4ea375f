/** The per-process cache of the thermodynamics: keyed by phase-data revision, shared computations, TTL of the revision. */
import { describe, expect, it, vi } from 'vitest';
import { PhaseTable } from '../../src/services/thermo/phaseTable.js';
import { ThermoEngine } from '../../src/services/thermo/thermo.engine.js';

describe('ThermoEngine', () => {
  it('computes a key once per revision, shares a computation in flight, and drops everything when the revision moves on', async () => {
    const engine = new ThermoEngine(100);
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return runs;
    };
    const [a, b] = await Promise.all([engine.cached(1, 'k', slow), engine.cached(1, 'k', slow)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await engine.cached(1, 'k', slow)).toBe(1);
    expect(await engine.cached(2, 'k', slow)).toBe(2); // new revision: recomputed
    expect(engine.stats()).toMatchObject({ revision: 2, size: 1 });
  });

  it('a request still at an older revision computes without the cache and without clearing it', async () => {
    const engine = new ThermoEngine(100);
    await engine.cached(5, 'k', () => 'new');
    expect(await engine.cached(4, 'k', () => 'old')).toBe('old');
    expect(await engine.cached(5, 'k', () => 'again')).toBe('new');
    expect(engine.stats()).toMatchObject({ revision: 5, size: 1 });
  });

  it('a result computed for a revision that was superseded meanwhile is not stored', async () => {
    const engine = new ThermoEngine(100);
    let release!: () => void;
    const pending = engine.cached(1, 'k', () => new Promise<string>((r) => (release = () => r('from 1'))));
    await engine.cached(2, 'other', () => 'x');
    release();
    expect(await pending).toBe('from 1');
    expect(await engine.cached(2, 'k', () => 'from 2')).toBe('from 2');
  });

  it('keeps at most maxEntries results (least recently used dropped)', async () => {
    const engine = new ThermoEngine(2);
    for (const k of ['a', 'b', 'c']) await engine.cached(1, k, () => k);
    expect(engine.stats().size).toBe(2);
    expect(await engine.cached(1, 'a', () => 'recomputed')).toBe('recomputed');
  });

  it('reads the revision at most once per TTL (one read for concurrent callers), and takes its own writes at once', async () => {
    // the engine's clock (performance.now) is faked: the TTL passes only when the test says so, however busy the machine
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const engine = new ThermoEngine(10, 50);
      let reads = 0;
      let stored = 7;
      const read = async () => {
        reads++;
        await Promise.resolve();
        return stored;
      };
      expect(await Promise.all([engine.currentRevision(read), engine.currentRevision(read)])).toEqual([7, 7]);
      expect(reads).toBe(1);
      stored = 8; // another replica wrote
      vi.advanceTimersByTime(49);
      expect(await engine.currentRevision(read)).toBe(7); // within the TTL
      vi.advanceTimersByTime(2);
      expect(await engine.currentRevision(read)).toBe(8);
      engine.noteRevision(9); // this process wrote
      expect(await engine.currentRevision(read)).toBe(9);
      expect(reads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps cached results within maxBytes (estimated as twice their JSON length)', async () => {
    const engine = new ThermoEngine(100, 1000, { maxBytes: 1000 });
    const big = (c: string) => c.repeat(200); // about 400 bytes each
    for (const k of ['a', 'b', 'c']) await engine.cached(1, k, () => big(k));
    expect(engine.stats()).toMatchObject({ size: 2 });
    expect(engine.stats().bytes).toBeLessThanOrEqual(1000);
    expect(await engine.cached(1, 'a', () => 'recomputed')).toBe('recomputed'); // the oldest was dropped
  });

  it('reads the phase entries once per revision (one read for concurrent callers), a newer table serving older revisions', async () => {
    const engine = new ThermoEngine(10);
    let reads = 0;
    let stored = 3;
    const read = async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 5));
      return { revision: stored, entries: [{ id: 'x', chemicalSystem: 'Li-O', elements: ['Li', 'O'], amounts: [2, 1], energy: -2, source: 'DATASET' as const, datasetId: 'd' }] };
    };
    const [a, b] = await Promise.all([engine.phaseTable(3, read), engine.phaseTable(3, read)]);
    expect(a).toBe(b);
    expect(a.revision).toBe(3);
    const decoded = PhaseTable.fromShared(a); // what a worker reads
    expect(decoded.entriesOf(['Li', 'O', 'S']).map((e) => e.id)).toEqual(['x']);
    expect(decoded.entriesOf(['Li', 'S'])).toEqual([]);
    expect(await engine.phaseTable(2, read)).toBe(a);
    expect(reads).toBe(1);
    stored = 4;
    expect((await engine.phaseTable(4, read)).revision).toBe(4);
    expect(reads).toBe(2);
  });
});
