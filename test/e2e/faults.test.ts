/**
 * Neo4j faults under a stream of requests, against a Neo4j of this file's own (a temporary home and a free
 * port, the curated seed loaded by the API's start-up) and the API in-process: the server stopped
 * gracefully, killed (SIGKILL) and paused (SIGSTOP). While it is out every request ends with a coded error
 * (HTTP 503, DATABASE_UNAVAILABLE or REQUEST_TIMEOUT) well within the deadline, /health answers 503; when
 * it is back (restarted on the same port and home, or SIGCONT) the same API answers again without a
 * restart and the graph holds what it held before. Loopback only; every loop is bounded.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4j } from '../../src/server/localNeo4j.js';
import { startTestServer, type TestServer } from '../support/server.js';

const REQUEST_TIMEOUT_MS = 8000;
/** A request must end within the deadline plus this (a busy machine), never hang. */
const MARGIN_MS = 20_000;
const OUTAGE_CODES = ['DATABASE_UNAVAILABLE', 'REQUEST_TIMEOUT'];
const NEO4J_START_MS = 300_000;

const QUERIES = [
  '{ materials(first: 20) { totalCount edges { node { id name formula measurements { property value unit } } } } }',
  '{ material(id: "Ge1Li10P2S12") { id name measurements { property value unit publications { key } } reportedStabilityWindows { id method } } }',
  '{ publications(first: 5) { totalCount edges { node { key } } } }',
];
const COUNTS = '{ materials { totalCount } publications { totalCount } measurements { totalCount } }';

let home: string;
let boltPort: number;
let neo4j: LocalNeo4j | undefined;
let server: TestServer | undefined;
let before: unknown;

const startNeo4j = async () =>
  (neo4j = await startLocalNeo4j({ home, boltPort, heap: '256m', pageCache: '64m', startTimeoutMs: NEO4J_START_MS, log: () => {} }));

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'interphase-faults-neo4j-'));
  boltPort = await freePort();
  const n = await startNeo4j();
  server = await startTestServer({
    NEO4J_URI: n.uri,
    NEO4J_USERNAME: n.username,
    NEO4J_PASSWORD: n.password,
    NEO4J_DATABASE: n.database,
    IMPORT_ON_START: 'false',
    PHASE_DATA_ON_START: 'false',
    SEED_ON_START: 'true',
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    NEO4J_TX_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HEALTH_TIMEOUT_MS: '1000',
  });
  await server.graphReady;
  before = await counts();
  expect((before as { materials: { totalCount: number } }).materials.totalCount).toBeGreaterThan(10);
}, 2 * NEO4J_START_MS);

afterAll(async () => {
  // never leave a paused or running Neo4j behind
  if (neo4j) signal(neo4j.pid, 'SIGCONT');
  await server?.stop();
  await stopLocalNeo4j(home, 5000);
  await rm(home, { recursive: true, force: true });
}, 120_000);

interface Outcome {
  status: number;
  code: string | null;
  ms: number;
}

/** The node counts, asked until answered (a cold Neo4j on a busy machine may first miss the deadline). */
async function counts(): Promise<unknown> {
  let last: unknown;
  await until(async () => {
    const res = await server!.gql(COUNTS);
    last = res.errors ?? res.data;
    return res.errors === undefined;
  }, 120_000).catch(() => expect(last, 'counts').toBeUndefined());
  return last;
}

/** One request with a client-side limit far beyond the deadline: an answer that never comes is 'NO_ANSWER'. */
async function request(query: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${server!.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS + MARGIN_MS),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, code: body.errors?.[0]?.extensions?.code ?? null, ms: performance.now() - started };
  } catch (e) {
    return { status: 0, code: `NO_ANSWER ${String(e)}`, ms: performance.now() - started };
  }
}

/** `clients` loops of requests until stopped; resolves to every outcome. */
function stream(clients = 4) {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = c; !stopped; i++) {
      outcomes.push(await request(QUERIES[i % QUERIES.length]!));
      await sleep(50);
    }
  });
  return {
    outcomes,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

async function health(): Promise<number> {
  const res = await fetch(`${server!.base}/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS + MARGIN_MS) });
  return res.status;
}

/** Polls until `check` holds, for at most `ms`. */
async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms / 1000} s`);
    await sleep(500);
  }
}

/**
 * Runs `fault` under a stream of requests, checks the API while Neo4j is out (`probeCodes`), runs
 * `recover`, and checks that every request of the stream ended in time with data or a coded 503, and
 * that the data is intact.
 */
async function underStream(label: string, fault: () => Promise<void>, probeCodes: string[], recover: () => Promise<void>) {
  const s = stream();
  await until(async () => s.outcomes.filter((o) => o.status === 200 && o.code === null).length >= 4, 60_000);
  await fault();
  const probes = [await request(QUERIES[0]!), await request(QUERIES[1]!)];
  for (const p of probes) {
    expect(p.status, label).toBe(503);
    expect(probeCodes, label).toContain(p.code);
  }
  expect(await health(), label).toBe(503);
  await sleep(2 * REQUEST_TIMEOUT_MS); // the stream goes on against the failed server
  await recover();
  await until(async () => (await request(QUERIES[1]!)).status === 200, 120_000);
  expect(await health(), label).toBe(200);
  const outcomes = await s.stop();

  const failed = outcomes.filter((o) => o.status !== 200 || o.code !== null);
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  console.log(
    `[faults] ${label}: ${outcomes.length} requests, ${failed.length} failed (${[...new Set(failed.map((o) => `${o.status} ${o.code}`))].join(', ')}), ` +
      `probes ${probes.map((p) => `${p.code} in ${Math.round(p.ms)} ms`).join(', ')}, slowest ${Math.round(slowest)} ms`,
  );
  expect(failed.length, label).toBeGreaterThan(0);
  for (const o of failed) {
    expect(o.status, `${label}: ${o.code}`).toBe(503);
    expect(OUTAGE_CODES, label).toContain(o.code);
  }
  expect(slowest, label).toBeLessThan(REQUEST_TIMEOUT_MS + MARGIN_MS);
  expect(await counts(), `${label}: nothing lost`).toEqual(before);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('Neo4j faults under load', () => {
  it(
    'stopped gracefully: DATABASE_UNAVAILABLE, /health 503, recovery after a restart',
    async () => {
      await underStream('stopped', async () => void (await stopLocalNeo4j(home, 60_000)), ['DATABASE_UNAVAILABLE'], async () => void (await startNeo4j()));
    },
    2 * NEO4J_START_MS,
  );

  it(
    'killed (SIGKILL): DATABASE_UNAVAILABLE, /health 503, recovery after a restart',
    async () => {
      const pid = neo4j!.pid;
      const kill = async () => {
        signal(pid, 'SIGKILL');
        await until(async () => !alive(pid), 30_000);
      };
      await underStream('killed', kill, ['DATABASE_UNAVAILABLE'], async () => void (await startNeo4j()));
    },
    2 * NEO4J_START_MS,
  );

  it(
    'paused (SIGSTOP): requests end with a coded error instead of hanging, /health 503, recovery after SIGCONT',
    async () => {
      const pid = neo4j!.pid;
      await underStream('paused', async () => signal(pid, 'SIGSTOP'), OUTAGE_CODES, async () => signal(pid, 'SIGCONT'));
    },
    2 * NEO4J_START_MS,
  );
});

/** True while `pid` is a live, not yet reaped, process. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // a killed child of init may linger as a zombie until reaped: its state in /proc is Z
  return !/\)\s+Z\s/.test(readStat(pid));
}

function readStat(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
}
