/**
 * Limits benchmark: how long the API takes to refuse the hostile queries of issue 7 (the depth-24 query,
 * 500 aliased stability windows, a shallow query of nested lists with large pages, a fragment bomb), beside
 * the anchor `{ __typename }` (the same HTTP path, no resolver work) in the same run.
 *
 *   npx tsx bench/limits.ts [--runs 50]
 *
 * The app is created in-process with the default limits (QUERY_MAX_* unset) on a free loopback port; its
 * Neo4j driver points at a closed port, as none of these requests may reach the database (a request that did
 * would answer DATABASE_UNAVAILABLE, which the script reports as a failure). Times are round trips over HTTP
 * in ms (p50, p95, max after 5 untimed warm-up requests). Prints a table; writes nothing; exits 1 when a
 * request is not answered as expected.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/server/config.js';
import { createApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';
import { GraphDatabase } from '../src/graph/database.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 50);

function deepQuery(depth: number): string {
  const pattern = ['interfaces', 'electrolyte', 'interfaces', 'counterpart'];
  const fields = ['materials', 'edges', 'node'];
  while (fields.length < depth - 1) fields.push(pattern[(fields.length - 3) % pattern.length]!);
  return `{ ${fields.join(' { ')} { id ${'} '.repeat(fields.length)}}`;
}

const cases: { label: string; query: string; expect: string | null }[] = [
  { label: 'anchor: { __typename }', query: '{ __typename }', expect: null },
  { label: `depth-24 query (${deepQuery(24).length} characters)`, query: deepQuery(24), expect: 'QUERY_TOO_DEEP' },
  {
    label: '500 aliased stabilityWindow',
    query: `{ ${Array.from({ length: 500 }, (_, i) => `w${i}: stabilityWindow(formula: "Li${i + 1}PS4") { status }`).join(' ')} }`,
    expect: 'TOO_MANY_ALIASES',
  },
  {
    label: 'nested lists, first: 100 (cost)',
    query: '{ materials(first: 100) { edges { node { id interfaces { electrolyte { interfaces { counterpart { measurements { id value unit } } } } } } } } }',
    expect: 'QUERY_TOO_COMPLEX',
  },
  {
    label: 'fragment bomb, 2^16 expansions (cost)',
    query: `{ material(id: "x") { ...f0 } } ${Array.from({ length: 16 }, (_, i) => `fragment f${i} on Material { ${i === 15 ? 'id' : `...f${i + 1} ...f${i + 1}`} }`).join(' ')}`,
    expect: 'QUERY_TOO_COMPLEX',
  },
];

const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
const db = GraphDatabase.connect({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'unused', database: 'neo4j', connectionTimeoutMs: 1000 });
const { httpServer, stop } = await createApp({
  db,
  logger: createLogger('silent'),
  production: true,
  corsOrigins: [],
  version: 'bench',
  thermoCacheSystems: 10,
  thermoCacheBytes: config.thermoCacheBytes,
  thermoPool: config.thermoPool,
  thermoInlineMaxEntries: config.thermoInlineMaxEntries,
  thermoRevisionTtlMs: 1000,
  mutations: 'off',
  rateLimitPerMinute: 0,
  requestTimeoutMs: config.deadlines.requestMs,
  exportMaxConcurrent: config.exportMaxConcurrent,
  wsMaxConnections: config.wsMaxConnections,
  subscriptionsPerConnection: config.subscriptionsPerConnection,
  limits: config.limits,
});
httpServer.listen(0, '127.0.0.1');
await once(httpServer, 'listening');
const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;

async function post(query: string): Promise<{ ms: number; status: number; codes: unknown[] }> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { ms: performance.now() - t0, status: res.status, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
console.log(`limits: depth ${config.limits.maxDepth}, aliases ${config.limits.maxAliases}, root fields ${config.limits.maxRootFields}, cost ${config.limits.maxCost}; ${runs} runs each`);
console.log('| request | status | codes | p50 ms | p95 ms | max ms |');
console.log('| --- | ---: | --- | ---: | ---: | ---: |');
try {
  for (const c of cases) {
    for (let i = 0; i < 5; i++) await post(c.query);
    const times: number[] = [];
    let last = await post(c.query);
    for (let i = 0; i < runs; i++) {
      last = await post(c.query);
      times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    const ok = c.expect === null ? last.codes.length === 0 : last.codes.includes(c.expect);
    if (!ok) process.exitCode = 1;
    const codes = [...new Set(last.codes)].join(', ') || '-';
    console.log(`| ${c.label} | ${last.status} | ${codes}${ok ? '' : ' (UNEXPECTED)'} | ${pct(times, 50).toFixed(2)} | ${pct(times, 95).toFixed(2)} | ${times.at(-1)!.toFixed(2)} |`);
  }
} finally {
  await stop();
  httpServer.close();
  await db.close();
}
