/**
 * The thermodynamics off the event loop, through GraphQL over HTTP against the test Neo4j: the phase
 * entries read once per revision (query log), THERMO_BUSY when the worker pool's queue is full,
 * THERMO_TIMEOUT past the task deadline, and /health answering while a heavy thermodynamics request runs.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhaseDataStore } from '../../src/graph/phaseData.store.js';
import { loadConfig } from '../../src/server/config.js';
import { readPhaseData } from '../../src/services/thermo/phaseData.read.js';
import { startTestServer, type TestServer } from '../support/server.js';

const servers: TestServer[] = [];
async function start(env: Record<string, string>): Promise<TestServer> {
  const s = await startTestServer({ IMPORT_ON_START: 'false', SEED_ON_START: 'false', PHASE_DATA_ON_START: 'false', ...env });
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** `n` Li compounds of the phase data with 6 or more elements (distinct compositions). */
let manyElements: string[] | null = null;
function heavyFormulas(n: number): string[] {
  if (!manyElements) {
    const config = loadConfig({});
    const data = readPhaseData(readFileSync(config.phaseDataCsv), config.phaseDataCsv);
    manyElements = data.entries.filter((e) => e.elementCount >= 6 && e.compositionElements.includes('Li') && e.formationEnergyEvPerAtom < 0).map((e) => e.formula);
  }
  expect(manyElements.length).toBeGreaterThanOrEqual(n);
  return manyElements.slice(0, n);
}

const windows = (formulas: string[]) => `{ ${formulas.map((f, i) => `w${i}: stabilityWindow(formula: "${f}") { status reductionLimitV }`).join(' ')} }`;
type Errors = { message: string; path?: string[]; extensions?: Record<string, unknown> }[] | undefined;

describe('phase entries in memory', () => {
  it('are read in one query per revision, never per chemical system', async () => {
    const server = await start({ THERMO_REVISION_TTL_MS: '0' });
    const queries: string[] = [];
    const stop = server.db.observe((name) => queries.push(name));
    try {
      for (const formulas of [['Li3PS4', 'LiCoO2'], ['Li7La3Zr2O12', 'Li2O', 'Li10GeP2S12']]) {
        const res = await server.gql(windows(formulas));
        expect(res.errors).toBeUndefined();
      }
      const res = await server.gql('{ decomposition(formula: "Li3PO4") { status } interfaceReaction(reactantA: "Li3PS4", reactantB: "LiCoO2") { status } }');
      expect(res.errors).toBeUndefined();
      expect(queries.filter((q) => q === 'phaseData.allEntries')).toHaveLength(1);
      expect(queries.filter((q) => q === 'phaseData.entriesOfSystems')).toHaveLength(0);

      // a new revision (a user's entry in a system no other test uses): read again, once
      const store = new PhaseDataStore(server.db);
      const author = { keyId: 'thermoPool-test', operation: 'thermoPool.test' };
      const { entry } = await store.addUserEntry({
        id: `user:${crypto.randomUUID()}`,
        key: 'Os1Xe1',
        formula: 'XeOs',
        compositionElements: ['Os', 'Xe'],
        compositionAmounts: [1, 1],
        chemicalSystem: 'Os-Xe',
        elementCount: 2,
        formationEnergyEvPerAtom: -0.5,
        rows: 1,
        label: 'thermoPool.test',
        note: null,
        owner: author.keyId,
      }, author);
      try {
        for (let i = 0; i < 2; i++) expect((await server.gql(windows(['Li3PS4', 'Li2S']))).errors).toBeUndefined();
        expect(queries.filter((q) => q === 'phaseData.allEntries')).toHaveLength(2);
      } finally {
        await store.removeUserEntry(entry.id, author, true);
      }
    } finally {
      stop();
    }
  });
});

describe('phase entries read at start (THERMO_PRELOAD)', () => {
  it('are in memory before any request, reported by /health, so that the first window reads none', async () => {
    const server = await start({ THERMO_PRELOAD: 'true' });
    const held = await vi.waitFor(
      async () => {
        const health = (await (await fetch(`${server.base}/health`)).json()) as { thermo: { phaseEntries: { revision: number; entries: number } | null } };
        expect(health.thermo.phaseEntries).not.toBeNull();
        return health.thermo.phaseEntries!;
      },
      { timeout: 120_000, interval: 250 },
    );
    const stored = await new PhaseDataStore(server.db).allEntries();
    expect(held).toEqual({ revision: stored.revision, entries: stored.entries.length });
    expect(held.entries).toBeGreaterThan(90_000); // the default table: 95,118 entries
    const queries: string[] = [];
    const stop = server.db.observe((name) => queries.push(name));
    try {
      expect((await server.gql(windows(['Li3PS4']))).errors).toBeUndefined();
      expect(queries.filter((q) => q === 'phaseData.allEntries')).toHaveLength(0);
    } finally {
      stop();
    }
  });
});

describe('the worker pool', () => {
  it('refuses computations beyond its threads and queue with THERMO_BUSY, naming the setting, and answers the others', async () => {
    const server = await start({ THERMO_THREADS: '1', THERMO_MAX_QUEUE: '0' });
    expect((await server.gql(windows(['Li2O']))).errors).toBeUndefined(); // entries in memory, the worker up
    // 20 windows asked at once for one worker and no queue: the first runs, those asked while it runs are refused
    const formulas = heavyFormulas(20);
    const res = await server.gql<Record<string, { status: string } | null>>(windows(formulas));
    const errors = res.errors as Errors;
    expect(res.status).toBe(200);
    expect(errors!.length).toBeGreaterThan(0);
    expect(errors!.length).toBeLessThan(20); // the first was computed (the field is non-null, so data is null)
    for (const e of errors!) {
      expect(e.extensions).toEqual({ code: 'THERMO_BUSY' });
      expect(e.message).toMatch(/^stabilityWindow: the server is busy .*THERMO_MAX_QUEUE/);
    }
    const refused = errors!.map((e) => formulas[Number(e.path![0]!.slice(1))]!);
    // free again once the accepted computations end (graphql-js answers at the first error of a non-null
    // field without waiting for the other fields' tasks): a refusal is never cached
    await vi.waitFor(async () => expect((await server.gql(windows(refused.slice(0, 1)))).errors).toBeUndefined(), { timeout: 120_000, interval: 250 });
  });

  it('stops a computation past its deadline with THERMO_TIMEOUT, naming the setting; the server goes on answering', async () => {
    const server = await start({ THERMO_TASK_TIMEOUT_MS: '1' });
    // a system of hundreds of entries: computed in a worker (a small one runs on the event loop, THERMO_INLINE_MAX_ENTRIES)
    const res = await server.gql(windows(heavyFormulas(1)));
    const errors = res.errors as Errors;
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toEqual({ code: 'THERMO_TIMEOUT' });
    expect(errors![0]!.message).toMatch(/^stabilityWindow: .*1 ms \(THERMO_TASK_TIMEOUT_MS\)/);
    expect(errors![0]!.path).toEqual(['w0']);
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
  });

  it('leaves the event loop free: other requests are answered while a heavy thermodynamics request is still running', { timeout: 300_000 }, async () => {
    const heavy = heavyFormulas(60).slice(20); // not the ones computed above (each test has its own server and cache)
    const server = await start({ THERMO_THREADS: '1', THERMO_TASK_TIMEOUT_MS: '600000', QUERY_MAX_ALIASES: '100', QUERY_MAX_ROOT_FIELDS: '100' });
    expect((await server.gql(windows(['Li2O']))).errors).toBeUndefined(); // entries in memory, the worker up

    const order: string[] = [];
    const big = server.gql<Record<string, { status: string }>>(windows(heavy)).then((r) => {
      order.push('heavy');
      return r;
    });
    await new Promise((r) => setTimeout(r, 200)); // the heavy request is being computed
    // a request that needs only the event loop (no Neo4j, whose answers a busy machine may slow) answers first
    const light = await server.gql<{ __typename: string }>('{ __typename }');
    order.push('light');
    expect(light.data).toEqual({ __typename: 'Query' });
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    const res = await big;
    expect(res.errors).toBeUndefined();
    expect(Object.keys(res.data!)).toHaveLength(40);
    expect(order).toEqual(['light', 'heavy']);
  });
});
