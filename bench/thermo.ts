/**
 * Stability-window benchmark: cold and warm windows by number of elements (2 to 8), and pymatgen on the
 * same compounds in the same run.
 *
 *   npx tsx bench/thermo.ts [--per-size 20] [--python path/to/python-with-pymatgen]
 *
 * Runs the API's own code path (ThermoService, as one GraphQL request would) against the configured Neo4j
 * (the bundled one when NEO4J_URI is unset), which must hold the phase data (`npm run import:phases`).
 * Compounds: Li-containing entries of the phase data with 2–8 elements, every k-th by composition key.
 * - cold: the result cache emptied before each window, as a request of its own: the phase data of the
 *   system read from Neo4j (one query), phase space built, LPs (after one untimed pass over all compounds,
 *   so that JIT and Neo4j's page cache are warm as in a running server);
 * - compute: the same from the entries already in memory (phase space built, LPs), like pymatgen's timing;
 * - warm: the same window again in a new request (result from the cache; no query within the revision TTL);
 * - pymatgen: bench/pymatgen_windows.py (PhaseDiagram + get_element_profile from the entries of the system,
 *   already in memory).
 * The Python must have pymatgen (`python3 -m venv .venv && .venv/bin/pip install pymatgen==2026.10.16`,
 * then `--python .venv/bin/python`, or PYMATGEN_PYTHON); without it the comparison is skipped.
 * Prints a table; writes nothing.
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

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const perSize = Number(arg('--per-size') ?? 20);
const python = arg('--python') ?? process.env.PYMATGEN_PYTHON ?? 'python3';

const config = loadConfig();
const logger = createLogger('warn');
const { db, local } = await connectNeo4j(config, logger);
try {
  const stores = createStores(db);
  if ((await stores.phaseData.revision()) === 0) throw new Error('no phase data in the graph: run `npm run import:phases` first');
  const engine = new ThermoEngine(config.thermoCacheSystems, config.thermoRevisionTtlMs);
  const solver = await engine.solver();

  // compounds: Li-containing entries with n elements, spread over the sorted keys
  const data = readPhaseData(readFileSync(config.phaseDataCsv), config.phaseDataCsv);
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
  // one untimed pass first (JIT, the driver's connection pool, Neo4j's page cache), as in a server that
  // has been answering for a while; "cold" below means an empty result cache, not a cold process
  for (const t of targets) await request().stabilityWindow(t.formula, 'Li');
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
    const entries = chemicalSubsystems(c.elements).flatMap((sys) => bySystem.get(sys) ?? []);
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

  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  };
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  console.log(`\nstability windows (open Li), ${targets.length} compounds, ms per window; revision ${engine.stats().revision}`);
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
} finally {
  await db.close();
  await local?.stopIfOwner();
}
