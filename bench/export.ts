/**
 * Export benchmark: streams /export/measurements.csv from a server of its own (as `npm start` runs it)
 * over a throwaway Neo4j grown with SYNTHETIC copies (synthetic.ts) to at least --rows measurements
 * (default 100,000), and prints rows/s and the server's resident memory while the export runs (sampled
 * from /proc every 20 ms: baseline before, peak during), for 1,000 rows, 10,000 rows and all rows; and,
 * beside it in the same run, the anchor: a client paging through the same rows, fields and provenance
 * with GraphQL (the export's own page document, over HTTP) and parsing every page. Goal: the export's peak memory does not
 * grow with the number of rows (bounded by one page), and its rate is not below the anchor's.
 *
 *   npx tsx bench/export.ts [--rows 100000]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { planExport } from '../src/api/export/exportPlan.js';
import { readExportRequest } from '../src/api/export/exportRequest.js';
import { buildInterphaseSchema } from '../src/api/schema.js';
import { startBenchNeo4j } from './graph.js';
import { startServer } from './server.js';
import { growGraph } from './synthetic.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const TARGET = Number(values.rows);
const FIELDS = 'id property printedValue printedUnit value unit temperatureK material { name formula }';
const log = (m: string) => console.error(`[bench export] ${m}`);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Runs `work` while sampling the server's RSS; returns its result, seconds, RSS before and peak RSS. */
async function measured<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; seconds: number; before: number; peak: number }> {
  global.gc?.();
  const before = rssMb(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const start = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - start) / 1000, before, peak: Math.max(peak, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** Streams an export and counts its lines without keeping them. */
async function streamExport(base: string, limit: number | null): Promise<{ rows: number; bytes: number }> {
  const params = new URLSearchParams({ fields: FIELDS, ...(limit === null ? {} : { limit: String(limit) }) });
  const res = await fetch(`${base}/export/measurements.csv?${params}`);
  if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { rows: lines - 1, bytes };
}

/**
 * The anchor: a client asking /graphql for the same rows, fields and provenance (the export's own page
 * document), pages of 500 (a quarter after QUERY_TOO_COMPLEX, as the export does), each response parsed.
 */
async function pageGraphql(gql: string, document: string, limit: number | null): Promise<{ rows: number; bytes: number }> {
  let after: string | null = null;
  let rows = 0;
  let bytes = 0;
  let size = 500;
  for (;;) {
    const first = limit === null ? size : Math.min(size, limit - rows);
    if (first <= 0) return { rows, bytes };
    const res = await fetch(gql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document, variables: { first, after } }) });
    const text = await res.text();
    bytes += text.length;
    const body = JSON.parse(text) as { data?: { rows: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: unknown[] } }; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX' && size > 10) {
      size = Math.max(10, Math.floor(size / 4));
      continue;
    }
    if (!body.data) throw new Error(`GraphQL answered ${text.slice(0, 300)}`);
    rows += body.data.rows.edges.length;
    if (!body.data.rows.pageInfo.hasNextPage) return { rows, bytes };
    after = body.data.rows.pageInfo.endCursor;
  }
}

async function main() {
  log('starting a throwaway Neo4j and loading the seeded graph ...');
  const neo = await startBenchNeo4j(log);
  const stops: (() => Promise<void>)[] = [neo.stop];
  try {
    const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.username, neo.password));
    let measurements = 0;
    try {
      const count = async () => (await driver.executeQuery('MATCH (m:Measurement) RETURN count(m) AS n', {}, { database: neo.database })).records[0]!.get('n').toNumber() as number;
      const seeded = await count();
      const scale = Math.max(1, Math.ceil(TARGET / seeded));
      log(`${seeded} measurements seeded; growing the graph ×${scale} with synthetic copies ...`);
      if (scale > 1) await growGraph(driver, neo.database, scale, log);
      measurements = await count();
    } finally {
      await driver.close();
    }
    const api = await startServer(neo.env);
    stops.unshift(api.stop);
    const pid = api.child.pid!;
    const plan = planExport(await buildInterphaseSchema(), readExportRequest('measurements', 'csv', { fields: FIELDS }));
    await streamExport(api.base, 1000); // warm-up: the first request compiles and caches
    console.log(`# Export benchmark — ${new Date().toISOString()}`);
    console.log(`graph: ${measurements} measurements (seeded + synthetic copies); server RSS sampled every 20 ms; fields: ${FIELDS} + provenance\n`);
    console.log('| what | rows | seconds | rows/s | MB sent | server RSS before (MB) | server RSS peak (MB) | peak − before (MB) |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const limit of [1000, 10000, null]) {
      for (const [what, run] of [
        ['export CSV (streamed)', () => streamExport(api.base, limit)],
        ['anchor: the same pages from /graphql', () => pageGraphql(`${api.base}/graphql`, plan.document, limit)],
      ] as const) {
        const m = await measured(pid, run);
        const r = m.result;
        console.log(`| ${what} | ${r.rows} | ${m.seconds.toFixed(1)} | ${Math.round(r.rows / m.seconds)} | ${(r.bytes / 1e6).toFixed(1)} | ${m.before.toFixed(0)} | ${m.peak.toFixed(0)} | ${(m.peak - m.before).toFixed(0)} |`);
      }
    }
  } finally {
    for (const stop of stops) await stop().catch((e: unknown) => log(`stopping: ${String(e)}`));
  }
}

await main();
