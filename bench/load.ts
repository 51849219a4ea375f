/**
 * Load benchmark (loopback only, bounded): the main queries at 1, 8 and 32 concurrent connections for a
 * fixed duration each, with autocannon, beside an anchor (GET /health, one trivial Neo4j read) in the
 * same run. Prints req/s, p50/p99 latency, non-2xx answers, 2xx answers carrying GraphQL errors, and the
 * API's resident memory before and after each row.
 *
 *   npm run bench:load                          # starts `npm start`'s server (bundled Neo4j, data imported on first start)
 *   npm run bench:load -- --duration 10         # seconds per row (default 5)
 *   LOAD_TARGET=http://127.0.0.1:4000 LOAD_TARGET_PID=1234 npm run bench:load   # a server already running
 *
 * The server it starts gets the environment of this process (so NEO4J_URI etc. apply), a free port and
 * LOG_LEVEL=warn, and is stopped with SIGINT at the end.
 */
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { startServer } from './server.js';

const args = process.argv.slice(2);
const durationS = Number(args[args.indexOf('--duration') + 1] ?? 5) || 5;
const CONCURRENCY = [1, 8, 32];

const QUERIES: { label: string; query?: string }[] = [
  { label: 'anchor: GET /health' },
  {
    label: 'materials page (20) with properties',
    query: '{ materials(first: 20) { totalCount edges { node { id name formula family measurements { property value unit temperatureK } } } } }',
  },
  {
    label: 'material by formula with facts',
    query:
      '{ materials(where: { formula: "Li10GeP2S12" }) { edges { node { id name measurements { property value unit publications { key } } reportedStabilityWindows { id method } interfaces { id } } } } }',
  },
  { label: 'stabilityWindow (cached)', query: '{ stabilityWindow(formula: "Li3PS4") { status reductionLimitV oxidationLimitV productsAtReduction { formula } } }' },
];

function rssMiB(pid: number | null): string {
  if (pid === null) return 'n/a';
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim());
  return (kb / 1024).toFixed(0);
}

/** Asks `query` until it answers without errors (a cold Neo4j plans its queries first), at most 5 times. */
async function warmUp(base: string, query: string): Promise<void> {
  let last = '';
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (res.status === 200 && !body.errors) return;
    last = `${res.status}: ${JSON.stringify(body.errors)}`;
  }
  throw new Error(`warm-up of ${query} answered ${last}`);
}

async function runRow(base: string, q: (typeof QUERIES)[number], connections: number) {
  let graphqlErrors = 0;
  const onResponse = (_status: number, body: string) => {
    if (body.includes('"errors"')) graphqlErrors++;
  };
  const request = q.query
    ? { method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query }), onResponse }
    : { method: 'GET' as const, path: '/health' };
  const r = await autocannon({ url: base, connections, duration: durationS, timeout: 30, requests: [request] });
  return { reqPerS: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors + r.timeouts, graphqlErrors };
}

const target = process.env.LOAD_TARGET;
const started = target ? { base: target.replace(/\/$/, ''), child: null } : await startServer();
const pid = started.child?.pid ?? (process.env.LOAD_TARGET_PID ? Number(process.env.LOAD_TARGET_PID) : null);
try {
  for (const q of QUERIES) if (q.query) await warmUp(started.base, q.query); // also fills the window cache
  const rssStart = rssMiB(pid);
  console.log(`\nload: ${durationS} s per row against ${started.base}; API RSS before: ${rssStart} MiB\n`);
  console.log('| query | connections | req/s | p50 ms | p99 ms | non-2xx/errors | GraphQL errors | RSS before → after (MiB) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const q of QUERIES) {
    for (const c of CONCURRENCY) {
      const before = rssMiB(pid);
      const r = await runRow(started.base, q, c);
      console.log(`| ${q.label} | ${c} | ${r.reqPerS.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.graphqlErrors} | ${before} → ${rssMiB(pid)} |`);
    }
  }
  console.log(`\nAPI RSS: ${rssStart} MiB before, ${rssMiB(pid)} MiB after`);
} finally {
  if ('stop' in started) await started.stop();
}
