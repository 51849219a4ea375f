/**
 * Query benchmark: the same Neo4j served three ways behind the same HTTP stack (Express 5 + Apollo Server 5),
 * each in a process of its own — the API (`server.ts`), the generic Neo4j GraphQL Library @neo4j/graphql 7
 * and one hand-written Cypher query per question (`queryServers.ts`) — asked the questions of
 * `queryQuestions.ts` on the seeded graph and on graphs grown 10× and 100× with synthetic copies
 * (`synthetic.ts`), all in a throwaway Neo4j this script starts (`graph.ts`), never the user's.
 *
 * For every graph size:
 *  1. the rows of each server, normalised and compared; a question whose answers differ is not timed;
 *  2. Cypher queries per request of the API (counted from a second API process logging at debug level),
 *     for each question and for materials pages of growing size;
 *  3. single requests (one at a time, servers interleaved, `--rounds` rounds): p50 and p99 latency;
 *  4. load: autocannon with `--connections` connections for `--duration` s after `--warmup` s, servers
 *     interleaved, `--rounds` rounds: p50, p99, requests/s and CPU ms per request of the serving process and
 *     of Neo4j (utime + stime from /proc/<pid>/stat before and after). A question the API cannot answer in
 *     one request is asked the way a client must ask it today (several requests and client-side work, run
 *     by `--connections` concurrent clients in this process); its numbers are per question, not per request.
 *
 *   npx tsx bench/query.ts [--scales 1,10,100] [--duration 5] [--warmup 2] [--rounds 2] [--connections 8]
 *                          [--singles 20] [--only q1,q4]
 *
 * Needs Java 17+ (the bundled Neo4j), OBELiX's all.csv and the review texts (as the tests do). The machine's
 * other work shows in the numbers: compare servers within one run, not across machines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { projectPath } from '../src/server/paths.js';
import { startBenchNeo4j, type BenchNeo4j } from './graph.js';
import { materialsPageQuestion, QUESTIONS, SERVERS, type Post, type Question, type ServerName, type Way } from './queryQuestions.js';
import { startServer } from './server.js';
import { growGraph } from './synthetic.js';

// --- options ----------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const SCALES = opt('scales', '1').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1).sort((a, b) => a - b);
const DURATION_S = Number(opt('duration', '5'));
const WARMUP_S = Number(opt('warmup', '2'));
const ROUNDS = Number(opt('rounds', '2'));
const CONNECTIONS = Number(opt('connections', '8'));
const SINGLES = Number(opt('singles', '20'));
/** A cell of single requests stops after this long even with fewer than --singles asks (at least one). */
const SINGLES_BUDGET_MS = 15_000;
const ONLY = opt('only', '').split(',').filter(Boolean);
const questions = QUESTIONS.filter((q) => ONLY.length === 0 || ONLY.some((o) => q.id.startsWith(o)));
const log = (m: string) => console.error(`[query bench] ${m}`);

// --- servers ----------------------------------------------------------------------------------------

interface Served {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

async function startAlternative(mode: 'neo4j-graphql' | 'cypher', env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/queryServers.ts', mode], {
    cwd: projectPath(),
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (l) => {
      const m = /^ready (\d+)/.exec(l);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`queryServers.ts ${mode} exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
}

/** POST with one retry when the connection fails (a kept-alive socket closed by the server as it is reused), as a client of reads would. */
async function postOnce(url: string, body: string): Promise<Response> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

function poster(base: string, counter?: { requests: number }): Post {
  return async (query, variables) => {
    if (counter) counter.requests++;
    const res = await postOnce(`${base}/graphql`, JSON.stringify({ query, variables }));
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (res.status !== 200 || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors).slice(0, 400)}`);
    return body.data!;
  };
}

const ask = async (way: Way, post: Post): Promise<unknown> => (way.kind === 'request' ? way.rows(await post(way.query, way.variables)) : way.run(post));

// --- measurements -----------------------------------------------------------------------------------

const CLK_TCK = 100;
/** CPU time (user + system) of a process so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // utime, stime (fields 14 and 15 of stat)
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface LoadResult {
  p50: number;
  p99: number;
  perS: number;
  done: number;
  errors: number;
  serverCpuMs: number;
  neo4jCpuMs: number;
}

async function loadRequest(base: string, way: Extract<Way, { kind: 'request' }>, seconds: number): Promise<Omit<LoadResult, 'serverCpuMs' | 'neo4jCpuMs'>> {
  let graphqlErrors = 0;
  const body = JSON.stringify({ query: way.query, variables: way.variables });
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body,
        onResponse: (_s: number, b: string) => {
          if (b.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return { p50: r.latency.p50, p99: r.latency.p99, perS: r.requests.average, done: r.requests.total, errors: r.non2xx + r.errors + r.timeouts + graphqlErrors };
}

/** `CONNECTIONS` clients asking `way` (several requests each) over and over for `seconds`. */
async function loadClient(post: Post, way: Way, seconds: number): Promise<Omit<LoadResult, 'serverCpuMs' | 'neo4jCpuMs'>> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        try {
          await ask(way, post);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const elapsedS = (Date.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perS: latencies.length / elapsedS, done: latencies.length, errors };
}

async function load(s: Served, way: Way, seconds: number, neo4jPid: number): Promise<LoadResult> {
  const post = poster(s.base);
  const cpu0 = cpuMs(s.pid);
  const neo0 = cpuMs(neo4jPid);
  const r = way.kind === 'request' ? await loadRequest(s.base, way, seconds) : await loadClient(post, way, seconds);
  const n = Math.max(1, r.done);
  return { ...r, serverCpuMs: (cpuMs(s.pid) - cpu0) / n, neo4jCpuMs: (cpuMs(neo4jPid) - neo0) / n };
}

async function singles(s: Served, way: Way): Promise<number[]> {
  const post = poster(s.base);
  const out: number[] = [];
  const started = Date.now();
  while (out.length < SINGLES && (out.length < 1 || Date.now() - started < SINGLES_BUDGET_MS)) {
    const t = performance.now();
    try {
      await ask(way, post);
      out.push(performance.now() - t);
    } catch (e) {
      log(`single request failed: ${(e as Error).message}`);
      if (Date.now() - started > SINGLES_BUDGET_MS) break;
    }
  }
  return out;
}

/** Counts the `cypher` debug lines an API process logs (one per query it runs). */
class QueryCounter {
  count = 0;
  constructor(child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      if (l.includes('"msg":"cypher"')) this.count++;
    });
  }
  async during(work: () => Promise<unknown>): Promise<number> {
    await new Promise((r) => setTimeout(r, 150));
    const before = this.count;
    await work();
    await new Promise((r) => setTimeout(r, 300)); // the log lines arrive through a pipe
    return this.count - before;
  }
}

// --- output -----------------------------------------------------------------------------------------

const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const wayLabel = (w: Way) => (w.kind === 'client' ? `client: ${w.note}` : w.note ? `1 request; ${w.note}` : '1 request');
function table(header: string[], rows: (string | number)[][]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
}

async function graphSize(n: BenchNeo4j): Promise<string> {
  const driver = neo4j.driver(n.uri, neo4j.auth.basic(n.username, n.password));
  try {
    const q = async (c: string) => Number((await driver.executeQuery(c, {}, { database: n.database })).records[0]!.get(0));
    const nodes = await q('MATCH (x) WHERE NOT x:PhaseEntry RETURN count(x)');
    const rels = await q('MATCH ()-[r]->() RETURN count(r)');
    const synthetic = await q('MATCH (x) WHERE x.synthetic RETURN count(x)');
    return `${nodes} nodes (${synthetic} synthetic), ${rels} relationships`;
  } finally {
    await driver.close();
  }
}

// --- the run ----------------------------------------------------------------------------------------

/** Single-request p50 per scale, question and server, for the growth table. */
const growth = new Map<string, Map<number, number>>();

async function runScale(scale: number, neo: BenchNeo4j, servers: Record<ServerName, Served>, counter: QueryCounter, counterBase: string) {
  console.log(`\n## Graph ×${scale}${scale > 1 ? ' (seeded + synthetic copies)' : ' (seeded)'}: ${await graphSize(neo)}\n`);

  // 1. the same rows from every server
  const agreeing: Question[] = [];
  const agreement: string[][] = [];
  for (const q of questions) {
    const rows: Partial<Record<ServerName, unknown>> = {};
    const failed: string[] = [];
    for (const s of SERVERS) {
      try {
        rows[s] = await ask(q[s], poster(servers[s].base));
      } catch (e) {
        failed.push(`${s}: ${(e as Error).message}`);
      }
    }
    const same = failed.length === 0 && isDeepStrictEqual(rows.api, rows.cypher) && isDeepStrictEqual(rows.lib, rows.cypher);
    const size = JSON.stringify(rows.cypher ?? null).length;
    agreement.push([q.id, q.title, same ? 'yes' : 'NO — not timed', `${(size / 1024).toFixed(1)} KB`]);
    if (same) agreeing.push(q);
    else {
      console.log(`rows differ for ${q.id}:`);
      for (const s of SERVERS) console.log(`  ${s}: ${rows[s] !== undefined ? JSON.stringify(rows[s]).slice(0, 600) : ''}`);
      for (const m of failed) console.log(`  ${m}`);
    }
  }
  console.log('### Same rows from the three servers\n');
  table(['question', 'asks for', 'rows agree', 'normalised rows'], agreement);

  // 2. Cypher queries per request of the API
  const countRows: (string | number)[][] = [];
  const pages = [10, 50, 100].map((n) => materialsPageQuestion(n));
  for (const q of [...agreeing, ...pages.filter((p) => !agreeing.some((a) => a.id === p.id))]) {
    const http = { requests: 0 };
    const way = q.api;
    const queries = await counter.during(() => ask(way, poster(counterBase, http)).catch((e: Error) => log(`${q.id}: ${e.message}`)));
    countRows.push([q.id, wayLabel(way), http.requests, queries]);
  }
  console.log('### Cypher queries the API runs per question (lib and cypher: one query per request)\n');
  table(['question', 'how the API is asked', 'HTTP requests', 'Cypher queries'], countRows);

  // 3. single requests
  const single = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of agreeing) {
      const order = [...SERVERS.slice(round % 3), ...SERVERS.slice(0, round % 3)];
      for (const s of order) {
        if (q[s].kind === 'request') await ask(q[s], poster(servers[s].base)).catch(() => undefined); // untimed: plans and caches warm
        const key = `${q.id}|${s}`;
        single.set(key, [...(single.get(key) ?? []), ...(await singles(servers[s], q[s]))]);
      }
    }
  }

  // 4. load, servers interleaved, rounds
  const loads = new Map<string, (LoadResult | null)[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of agreeing) {
      const order = [...SERVERS.slice((round + 1) % 3), ...SERVERS.slice(0, (round + 1) % 3)];
      for (const s of order) {
        const key = `${q.id}|${s}`;
        const p50 = percentile([...(single.get(key) ?? [])].sort((a, b) => a - b), 50);
        if (q[s].kind === 'client' && p50 * 2 > DURATION_S * 1000) {
          loads.set(key, [...(loads.get(key) ?? []), null]); // one ask takes longer than half the load window
          continue;
        }
        log(`×${scale} round ${round + 1}: ${q.id} on ${s}`);
        if (WARMUP_S > 0) await load(servers[s], q[s], WARMUP_S, neo.pid);
        loads.set(key, [...(loads.get(key) ?? []), await load(servers[s], q[s], DURATION_S, neo.pid)]);
      }
    }
  }

  const rows: (string | number)[][] = [];
  for (const q of agreeing) {
    for (const s of SERVERS) {
      const key = `${q.id}|${s}`;
      const ss = [...(single.get(key) ?? [])].sort((a, b) => a - b);
      const ls = loads.get(key) ?? [];
      const done = ls.filter((l): l is LoadResult => l !== null);
      const per = (pick: (l: LoadResult) => number, d = 0) => (done.length ? done.map((l) => f(pick(l), d)).join(' / ') : 'not loaded: too slow');
      const mean = (pick: (l: LoadResult) => number) => (done.length ? f(done.reduce((a, l) => a + pick(l), 0) / done.length, 2) : 'n/a');
      const singleP50 = percentile(ss, 50);
      if (!growth.has(key)) growth.set(key, new Map());
      growth.get(key)!.set(scale, singleP50);
      rows.push([
        q.id,
        s,
        wayLabel(q[s]),
        `${f(singleP50)} (${ss.length})`,
        f(percentile(ss, 99)),
        per((l) => l.p50),
        per((l) => l.p99),
        per((l) => l.perS, 1),
        mean((l) => l.serverCpuMs),
        mean((l) => l.neo4jCpuMs),
        done.reduce((a, l) => a + l.errors, 0),
      ]);
    }
  }
  console.log(`### Latency and cost (single: one at a time; load: ${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up; "a / b" = rounds)\n`);
  console.log('Client ways: latency, rate and CPU per question (all its requests), not per HTTP request.\n');
  table(
    ['question', 'server', 'how asked', 'single p50 ms (n)', 'single p99 ms', 'load p50 ms', 'load p99 ms', 'req/s', 'server CPU ms/req', 'Neo4j CPU ms/req', 'errors'],
    rows,
  );
}

async function main() {
  if (SCALES.length === 0) throw new Error('--scales: give scales such as 1,10,100');
  log('starting a throwaway Neo4j and loading the seeded graph ...');
  const neo = await startBenchNeo4j(log);
  const stops: (() => Promise<void>)[] = [neo.stop];
  try {
    log('starting the three servers ...');
    const api = await startServer(neo.env);
    stops.unshift(api.stop);
    const served: Record<ServerName, Served> = {
      api: { base: api.base, pid: api.child.pid!, stop: api.stop },
      lib: await startAlternative('neo4j-graphql', neo.env),
      cypher: await startAlternative('cypher', neo.env),
    };
    stops.unshift(served.lib.stop, served.cypher.stop);
    const counting = await startServer(neo.env, { logLevel: 'debug', stdout: 'pipe' });
    stops.unshift(counting.stop);
    const counter = new QueryCounter(counting.child);

    console.log(`# Query benchmark — ${new Date().toISOString()}`);
    console.log(`servers: api (this repository), lib (@neo4j/graphql 7), cypher (one hand-written query per question); ` +
      `${CONNECTIONS} connections, ${DURATION_S} s load after ${WARMUP_S} s warm-up, ${ROUNDS} rounds, up to ${SINGLES} single requests per round`);
    for (const scale of SCALES) {
      if (scale > 1) {
        log(`growing the graph to ×${scale} with synthetic copies ...`);
        const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.username, neo.password));
        try {
          await growGraph(driver, neo.database, scale, log);
        } finally {
          await driver.close();
        }
      }
      await runScale(scale, neo, served, counter, counting.base);
    }
    if (SCALES.length > 1) {
      console.log('\n## Single-request p50 (ms) as the graph grows\n');
      const rows = [...growth.entries()].map(([key, byScale]) => {
        const [q, s] = key.split('|');
        const base = byScale.get(SCALES[0]!);
        const last = byScale.get(SCALES[SCALES.length - 1]!);
        return [q!, s!, ...SCALES.map((sc) => f(byScale.get(sc) ?? NaN)), base && last ? `${f(last / base, 1)}×` : 'n/a'];
      });
      table(['question', 'server', ...SCALES.map((s) => `×${s}`), `×${SCALES[SCALES.length - 1]} / ×${SCALES[0]}`], rows);
    }
  } finally {
    for (const stop of stops) await stop().catch((e: unknown) => log(`stopping: ${(e as Error).message}`));
  }
}

await main();
