/**
 * Thermodynamics benchmark, two parts, each beside its anchor in the same run.
 *
 *   npx tsx bench/thermo.ts [--per-size 20] [--warmup 3] [--python path/to/python-with-pymatgen] [--load-seconds 10] [--clients 8] [--health-only]
 *
 * Runs against the configured Neo4j (the bundled one when NEO4J_URI is unset), which must hold the phase
 * data (`npm run import:phases`). Compounds: Li-containing entries of the phase data with 2–8 elements,
 * every k-th by composition key.
 *
 * 1. Stability windows by number of elements (goal: cold at least 10× faster than pymatgen at every size),
 *    through the API's own code path (ThermoService with the worker pool, as one GraphQL request would):
 * - cold: the result cache emptied before each window, as a request of its own: the task sent to a worker,
 *   which takes the system's entries from the phase entries it holds (decoded once per revision), or, for a
 *   system of at most THERMO_INLINE_MAX_ENTRIES entries, computed on the event loop; phase space built, LPs
 *   (after `--warmup` untimed passes over all compounds, 3 by default, so that the JIT has compiled the
 *   hot code in the workers as in a server that has been answering for a while);
 * - compute: the same in this thread from the entries in memory (phase space built, LPs), like pymatgen's timing
 *   (after as many untimed passes in this thread);
 * - warm: the same window again in a new request (result from the cache);
 * - pymatgen: bench/pymatgen_windows.py (PhaseDiagram + get_element_profile from the entries of the system,
 *   already in memory).
 * 2. `/health` while `--clients` clients (8) ask a real server, started in a process of its own (as `npm start`
 *    starts it, so that these clients do not share its event loop), for uncached 6-element windows (the Li
 *    compounds of 6 elements, then the same with 10–90 % more Li)
 *    for `--load-seconds` (goal: /health under 50 ms): /health latency p50/p99/max idle (the anchor) and
 *    under that load, sampled every 25 ms, and the windows answered per second.
 *
 * The Python must have pymatgen (`python3 -m venv .venv && .venv/bin/pip install pymatgen==2026.10.24`,
 * then `--python .venv/bin/python`, or PYMATGEN_PYTHON); without it the comparison is skipped.
 * Prints tables; writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/server/config.js';
import { createLogger } from '../src/server/logger.js';
import { connectNeo4j } from '../src/server/neo4jConnection.js';
import { projectPath } from '../src/server/paths.js';
import { createStores } from '../src/graph/loaders.js';
import { createServices } from '../src/services/index.js';
import { chemicalSubsystems } from '../src/domain/chemistry/chemicalSystem.js';
import { Composition } from '../src/domain/chemistry/composition.js';
import { parseFormula } from '../src/domain/chemistry/formula.js';
import { PhaseSpace, type PhaseEntry } from '../src/domain/thermo/phaseSpace.js';
import { stabilityWindow } from '../src/domain/thermo/stabilityWindow.js';
import { readPhaseData } from '../src/services/thermo/phaseData.read.js';
import { ThermoEngine } from '../src/services/thermo/thermo.engine.js';
import { ThermoPool } from '../src/services/thermo/thermo.pool.js';
import { startServer } from './server.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const perSize = Number(arg('--per-size') ?? 20);
const warmup = Number(arg('--warmup') ?? 3);
const python = arg('--python') ?? process.env.PYMATGEN_PYTHON ?? 'python3';
const loadSeconds = Number(arg('--load-seconds') ?? 10);
const clients = Number(arg('--clients') ?? 8);
const healthOnly = process.argv.includes('--health-only');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

const config = loadConfig();
const logger = createLogger('warn');
const { db, local } = await connectNeo4j(config, logger);
try {
  const stores = createStores(db);
  if ((await stores.phaseData.revision()) === 0) throw new Error('no phase data in the graph: run `npm run import:phases` first');
  const data = readPhaseData(readFileSync(config.phaseDataCsv), config.phaseDataCsv);
  if (!healthOnly) await windowsBench(stores, data);

  // ---- 2. /health while clients ask for uncached 6-element windows, against a real server
  // distinct, so uncached: the compounds themselves, then the same systems with more Li (hypothetical
  // compositions, as costly as the compound: the same phase space)
  const sixes = data.entries.filter((e) => e.elementCount === 6 && e.compositionElements.includes('Li') && e.formationEnergyEvPerAtom < 0);
  const six = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((k) =>
    sixes.map((e) => e.compositionElements.map((el, i) => `${el}${+(e.compositionAmounts[i]! * (el === 'Li' ? 1 + k / 10 : 1)).toFixed(4)}`).join('')),
  );
  await healthUnderLoad(six);
} finally {
  await db.close();
  await local?.stopIfOwner();
}

/** Part 1: stability windows cold, compute-only, warm and by pymatgen, by number of elements. */
async function windowsBench(stores: ReturnType<typeof createStores>, data: ReturnType<typeof readPhaseData>): Promise<void> {
  const engine = new ThermoEngine(config.thermoCacheSystems, config.thermoRevisionTtlMs, { maxBytes: config.thermoCacheBytes, inlineMaxEntries: config.thermoInlineMaxEntries, pool: new ThermoPool(config.thermoPool) });
  const solver = await engine.solver();

  // compounds: Li-containing entries with n elements, spread over the sorted keys
  const targets: { n: number; formula: string }[] = [];
  for (let n = 2; n <= 8; n++) {
    const pool = data.entries.filter((e) => e.elementCount === n && e.compositionElements.includes('Li') && e.formationEnergyEvPerAtom < 0).sort((a, b) => a.key.localeCompare(b.key));
    const step = Math.max(1, Math.floor(pool.length / perSize));
    for (let i = 0; i < pool.length && targets.filter((t) => t.n === n).length < perSize; i += step) targets.push({ n, formula: pool[i]!.formula });
  }

  // the entries in memory, by chemical system, for the compute-only timing
  const bySystem = new Map<string, PhaseEntry[]>();
  for (const e of data.entries) {
    const list = bySystem.get(e.chemicalSystem) ?? [];
    list.push({ id: e.id, composition: new Composition(e.compositionElements.map((el, i) => [el, e.compositionAmounts[i]!] as const)), formationEnergyEvPerAtom: e.formationEnergyEvPerAtom, source: 'DATASET', datasetId: data.dataset.id });
    bySystem.set(e.chemicalSystem, list);
  }
  const request = () => createServices(stores, engine).thermo; // a new request: fresh DataLoaders
  const cold: number[] = [];
  const compute: number[] = [];
  const warm: number[] = [];
  const ours: { reductionLimitV: number | null; oxidationLimitV: number | null }[] = [];
  // untimed passes first (JIT, the driver's connection pool, Neo4j's page cache), as in a server that
  // has been answering for a while; "cold" below means an empty result cache, not a cold process
  const entriesOf = (elements: string[]) => chemicalSubsystems(elements).flatMap((sys) => bySystem.get(sys) ?? []);
  for (let pass = 0; pass < warmup; pass++) {
    for (const t of targets) {
      engine.clear();
      await request().stabilityWindow(t.formula, 'Li');
      const c = parseFormula(t.formula);
      stabilityWindow(PhaseSpace.build(solver, c.elements, entriesOf(c.elements)), c, 'Li');
    }
  }
  for (const t of targets) {
    engine.clear();
    let started = performance.now();
    const w = await request().stabilityWindow(t.formula, 'Li');
    cold.push(performance.now() - started);
    started = performance.now();
    await request().stabilityWindow(t.formula, 'Li');
    warm.push(performance.now() - started);
    ours.push(w);
    const c = parseFormula(t.formula);
    const entries = entriesOf(c.elements);
    started = performance.now();
    stabilityWindow(PhaseSpace.build(solver, c.elements, entries), c, 'Li');
    compute.push(performance.now() - started);
  }

  type PyResult = { seconds: number; reductionLimitV: number; oxidationLimitV: number };
  let py: PyResult[] | null = null;
  const run = spawnSync(python, [projectPath('bench', 'pymatgen_windows.py')], {
    input: JSON.stringify({ csv: config.phaseDataCsv, targets: targets.map((t) => ({ formula: t.formula, openElement: 'Li' })) }),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status === 0) py = JSON.parse(run.stdout.toString()) as PyResult[];
  else console.log(`pymatgen comparison skipped (${python}: ${run.stderr?.toString().trim().split('\n').pop() ?? run.error?.message}); see the header of this file`);

  console.log(`\nstability windows (open Li), ${targets.length} compounds, ms per window; revision ${engine.stats().revision}; ${config.thermoPool.threads} worker threads; ${warmup} untimed passes before`);
  console.log('| elements | compounds | cold p50 | cold p95 | compute p50 | compute p95 | warm p50 | warm p95 | pymatgen p50 | pymatgen p95 | pymatgen ÷ cold | pymatgen ÷ compute | pymatgen ÷ warm |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const results: PyResult[] | null = py;
  let worstV = 0;
  for (let n = 2; n <= 8; n++) {
    const idx = targets.flatMap((t, i) => (t.n === n ? [i] : []));
    if (!idx.length) continue;
    const c = idx.map((i) => cold[i]!);
    const m = idx.map((i) => compute[i]!);
    const w = idx.map((i) => warm[i]!);
    const p = results ? idx.map((i) => results[i]!.seconds * 1000) : null;
    if (results) {
      for (const i of idx) {
        if (ours[i]!.reductionLimitV === null) continue;
        worstV = Math.max(worstV, Math.abs(ours[i]!.reductionLimitV! - results[i]!.reductionLimitV), Math.abs(ours[i]!.oxidationLimitV! - results[i]!.oxidationLimitV));
      }
    }
    const ratio = (xs: number[]) => (p ? `${(pct(p, 50) / pct(xs, 50)).toFixed(1)}×` : '–');
    console.log(
      `| ${n} | ${idx.length} | ${f(pct(c, 50))} | ${f(pct(c, 95))} | ${f(pct(m, 50))} | ${f(pct(m, 95))} | ${f(pct(w, 50))} | ${f(pct(w, 95))} | ` +
        `${p ? f(pct(p, 50)) : '–'} | ${p ? f(pct(p, 95)) : '–'} | ${ratio(c)} | ${ratio(m)} | ${ratio(w)} |`,
    );
  }
  const upTo6 = targets.flatMap((t, i) => (t.n <= 6 ? [cold[i]!] : []));
  console.log(`\ncold p95 for 2–6 elements: ${f(pct(upTo6, 95))} ms (goal < 100 ms)`);
  if (results) console.log(`largest difference of the limits from pymatgen's: ${worstV.toExponential(2)} V`);
  await engine.close();
}

/** Starts a server in a process of its own (as `npm start`, this environment) and prints /health latency idle and under `clients` clients asking for distinct 6-element windows. */
async function healthUnderLoad(formulas: string[]): Promise<void> {
  const server = await startServer({ IMPORT_ON_START: 'false', SEED_ON_START: 'false', PHASE_DATA_ON_START: 'false' });
  try {
    const base = server.base;
    const health = async () => {
      const started = performance.now();
      const res = await fetch(`${base}/health`);
      await res.arrayBuffer();
      return performance.now() - started;
    };
    const sample = async (until: () => boolean) => {
      const xs: number[] = [];
      while (!until()) {
        xs.push(await health());
        await new Promise((r) => setTimeout(r, 25));
      }
      return xs;
    };
    const window = async (formula: string): Promise<string> => {
      try {
        return await ask(formula);
      } catch (e) {
        return `request failed (${(e as Error).message})`; // counted in the table, not thrown: the run goes on
      }
    };
    const ask = async (formula: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($f: String!) { stabilityWindow(formula: $f) { status reductionLimitV } }', variables: { f: formula } }),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      return body.errors?.[0]?.extensions?.code ?? 'OK';
    };
    await window(formulas[0]!); // the phase entries read into memory, the workers warm
    let end = performance.now() + 3000;
    const idle = await sample(() => performance.now() > end);
    let next = 1;
    const answered = new Map<string, number>();
    end = performance.now() + loadSeconds * 1000;
    const client = async () => {
      while (performance.now() < end && next < formulas.length) {
        const code = await window(formulas[next++]!);
        answered.set(code, (answered.get(code) ?? 0) + 1);
      }
    };
    // /health is sampled while the clients run: until --load-seconds pass or the distinct formulas run out
    const started = performance.now();
    let running = clients;
    const [loaded] = await Promise.all([sample(() => running === 0), ...Array.from({ length: clients }, () => client().finally(() => running--))]);
    const seconds = (performance.now() - started) / 1000;
    const total = [...answered.values()].reduce((a, b) => a + b, 0);
    console.log(
      `\n/health latency, ms (goal under load: < 50 ms); ${clients} clients asking for distinct uncached 6-element windows (${formulas.length - 1} at most) ` +
        `for ${seconds.toFixed(1)} s (--load-seconds ${loadSeconds}), ${config.thermoPool.threads} worker threads`,
    );
    console.log('| condition | samples | p50 | p99 | max | windows/s | answers |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    console.log(`| idle (anchor) | ${idle.length} | ${f(pct(idle, 50))} | ${f(pct(idle, 99))} | ${f(Math.max(...idle))} | – | – |`);
    console.log(
      `| ${clients} clients, 6-element windows | ${loaded!.length} | ${f(pct(loaded!, 50))} | ${f(pct(loaded!, 99))} | ${f(Math.max(...loaded!))} | ` +
        `${(total / seconds).toFixed(1)} | ${[...answered].map(([k, v]) => `${k} ${v}`).join(', ')} |`,
    );
  } finally {
    await server.stop();
  }
}
