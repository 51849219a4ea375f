/**
 * The dense simplex method (src/domain/thermo/denseSimplex.ts through standardForm.ts) against HiGHS on
 * the same programs: every LP the pymatgen fixtures' compounds and pairs produce (hull, grand-potential
 * hull and chemical-potential range LPs of windows, uptake profiles, decompositions and interface
 * reactions), and random small LPs — hull-like ones with degenerate data (duplicated and collinear
 * phases, targets at a vertex), chemical-potential LPs with infeasible ones among them, and general
 * standard-form LPs with infeasible and unbounded ones. Checked: the same status; optima within 1e-9;
 * primal solutions feasible with the optimal objective; duals feasible with the optimal objective (the
 * callers use the duals as a supporting hyperplane, so any optimal dual is as good as HiGHS's).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chemicalSubsystems } from '../../src/domain/chemistry/chemicalSystem.js';
import { Composition } from '../../src/domain/chemistry/composition.js';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { assessTarget } from '../../src/domain/thermo/decomposition.js';
import { interfaceReaction } from '../../src/domain/thermo/interfaceReaction.js';
import { loadLinearSolver, type LinearProgram, type LinearSolver, type LpSolution } from '../../src/domain/thermo/linearProgram.js';
import { PhaseSpace, type PhaseEntry } from '../../src/domain/thermo/phaseSpace.js';
import { solveDense, standardFormColumns } from '../../src/domain/thermo/standardForm.js';
import { stabilityWindow } from '../../src/domain/thermo/stabilityWindow.js';
import { voltageProfile } from '../../src/domain/thermo/voltageProfile.js';
import { loadConfig } from '../../src/server/config.js';
import { readPhaseData } from '../../src/services/thermo/phaseData.read.js';

const OBJECTIVE_TOL = 1e-9;
const FEASIBILITY_TOL = 1e-9;
const here = path.dirname(new URL(import.meta.url).pathname);

let highs: LinearSolver;
beforeAll(async () => {
  highs = await loadLinearSolver({ denseMaxColumns: 0 });
});

/** Row activities Ax of a program (CSC matrix). */
function activities(lp: LinearProgram, x: Float64Array): Float64Array {
  const ax = new Float64Array(lp.rowLower.length);
  const { starts, indices, values } = lp.matrix;
  for (let j = 0; j < lp.cost.length; j++) for (let p = starts[j]!; p < starts[j + 1]!; p++) {
      const r = indices[p]!;
      ax[r] = ax[r]! + values[p]! * x[j]!;
    }
  return ax;
}

/** Asserts `x` within the bounds of `lp` and cᵀx equal to `objective`. */
function expectPrimalOptimal(lp: LinearProgram, s: LpSolution, objective: number, what: string): void {
  const ax = activities(lp, s.x);
  lp.rowLower.forEach((lo, r) => {
    expect(ax[r]!, `${what}: row ${r}`).toBeGreaterThanOrEqual(lo - FEASIBILITY_TOL);
    expect(ax[r]!, `${what}: row ${r}`).toBeLessThanOrEqual(lp.rowUpper[r]! + FEASIBILITY_TOL);
  });
  s.x.forEach((v, j) => {
    expect(v, `${what}: column ${j}`).toBeGreaterThanOrEqual(lp.colLower[j]! - FEASIBILITY_TOL);
    expect(v, `${what}: column ${j}`).toBeLessThanOrEqual(lp.colUpper[j]! + FEASIBILITY_TOL);
  });
  const cx = lp.cost.reduce((sum, c, j) => sum + c * s.x[j]!, 0);
  expect(Math.abs(cx - objective), `${what}: cᵀx`).toBeLessThan(OBJECTIVE_TOL);
}

/**
 * For a minimisation with equality rows and x ≥ 0 (hull LPs): the row duals y are dual feasible
 * (c_j − yᵀa_j ≥ 0 for every column) with yᵀb equal to the optimum — a supporting hyperplane at the point.
 */
function expectDualOptimal(lp: LinearProgram, s: LpSolution, objective: number, what: string): void {
  const { starts, indices, values } = lp.matrix;
  for (let j = 0; j < lp.cost.length; j++) {
    let ya = 0;
    for (let p = starts[j]!; p < starts[j + 1]!; p++) ya += s.rowDual[indices[p]!]! * values[p]!;
    expect(lp.cost[j]! - ya, `${what}: reduced cost of column ${j}`).toBeGreaterThanOrEqual(-FEASIBILITY_TOL);
  }
  const yb = lp.rowLower.reduce((sum, b, r) => sum + b * s.rowDual[r]!, 0);
  expect(Math.abs(yb - objective), `${what}: yᵀb`).toBeLessThan(OBJECTIVE_TOL);
}

const isHullShape = (lp: LinearProgram) => lp.sense === 'minimize' && lp.colLower.every((v) => v === 0);

/** Solves `lp` with both solvers and compares (see the file's docblock); returns the status. */
function compare(lp: LinearProgram, what: string): string {
  const want = highs.solve(lp);
  const got = solveDense(lp);
  expect(got, `${what}: a shape the dense solver takes`).not.toBeNull();
  expect(got!.status, what).toBe(want.status);
  if (want.status !== 'OPTIMAL') return want.status;
  expect(Math.abs(got!.objective - want.objective), `${what}: objective`).toBeLessThan(OBJECTIVE_TOL);
  expectPrimalOptimal(lp, got!, want.objective, what);
  if (isHullShape(lp)) expectDualOptimal(lp, got!, want.objective, what);
  return want.status;
}

/** A solver that records every program and lets HiGHS solve it. */
function recorder(into: LinearProgram[]): LinearSolver {
  return {
    get solved() {
      return into.length;
    },
    solve(lp) {
      into.push(lp);
      return highs.solve(lp);
    },
  };
}

describe('dense simplex against HiGHS on every LP of the pymatgen fixtures', () => {
  const fixture = JSON.parse(readFileSync(path.join(here, '../fixtures/pymatgen/thermo.json'), 'utf8')) as {
    compounds: { formula: string; openElement: string | null; window: unknown }[];
    pairs: { a: string; b: string; openElement: string | null; voltageV: number | null }[];
  };
  const formula = (f: string) => f.replace(/(\d+)\/(\d+)/g, (_, a: string, b: string) => String(Number(a) / Number(b)));
  const lps: LinearProgram[] = [];

  beforeAll(() => {
    const file = loadConfig().phaseDataCsv;
    const data = readPhaseData(readFileSync(file), file);
    const bySystem = new Map<string, PhaseEntry[]>();
    for (const e of data.entries) {
      const entry: PhaseEntry = {
        id: e.id,
        composition: new Composition(e.compositionElements.map((el, i) => [el, e.compositionAmounts[i]!] as const)),
        formationEnergyEvPerAtom: e.formationEnergyEvPerAtom,
        source: 'DATASET',
        datasetId: data.dataset.id,
      };
      bySystem.set(e.chemicalSystem, [...(bySystem.get(e.chemicalSystem) ?? []), entry]);
    }
    const solver = recorder(lps);
    const space = (els: string[]) => PhaseSpace.build(solver, els, chemicalSubsystems([...new Set(els)].sort()).flatMap((s) => bySystem.get(s) ?? []));
    for (const f of fixture.compounds) {
      const c = parseFormula(formula(f.formula));
      const s = space(c.elements);
      assessTarget(s, c);
      if (!f.window) continue;
      const w = stabilityWindow(s, c, f.openElement!);
      if (w.targetPhase) voltageProfile(s, w.targetPhase, s.elementIndex(f.openElement!), w.exclude);
    }
    for (const p of fixture.pairs) {
      const a = parseFormula(formula(p.a));
      const b = parseFormula(formula(p.b));
      const open = p.openElement ? { element: p.openElement, voltageV: p.voltageV! } : null;
      interfaceReaction(space([...a.elements, ...b.elements, ...(open ? [open.element] : [])]), a, b, open);
    }
  }, 600_000); // thousands of LPs on both solvers: minutes on a busy machine

  it('covers thousands of LPs of both shapes, up to hundreds of columns', () => {
    expect(lps.length).toBeGreaterThan(2000);
    expect(lps.filter((lp) => lp.colLower.every((v) => v === -Infinity)).length).toBeGreaterThan(150);
    expect(Math.max(...lps.map(standardFormColumns))).toBeGreaterThan(100);
  });

  it('gives the same status and optimum, and optimal primal and dual solutions', () => {
    const statuses = new Map<string, number>();
    lps.forEach((lp, i) => {
      const status = compare(lp, `LP ${i} (${lp.rowLower.length} rows, ${lp.cost.length} columns)`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    expect(statuses.get('OPTIMAL')).toBeGreaterThan(2000);
  }, 600_000); // thousands of LPs on both solvers: minutes on a busy machine
});

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CSC matrix of dense columns. */
function csc(columns: Float64Array[], rows: number): LinearProgram['matrix'] {
  const starts = new Int32Array(columns.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  columns.forEach((col, j) => {
    for (let r = 0; r < rows; r++) {
      if (col[r] !== 0) {
        indices.push(r);
        values.push(col[r]!);
      }
    }
    starts[j + 1] = indices.length;
  });
  return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** A random composition vector over `d` elements with 1 to `d` of them, small integer proportions. */
function composition(rnd: () => number, d: number): Float64Array {
  const v = new Float64Array(d);
  const k = 1 + Math.floor(rnd() * d);
  for (let i = 0; i < k; i++) {
    const e = Math.floor(rnd() * d);
    v[e] = v[e]! + 1 + Math.floor(rnd() * 4);
  }
  const total = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / total);
}

/**
 * A random hull LP: the unit vectors (references at 0) and `n` random phases of energy below 0, some
 * duplicated, some on a plane through others (collinear energies), at a random point or at a phase.
 */
function hullLp(rnd: () => number, d: number, n: number): LinearProgram {
  const columns: Float64Array[] = [];
  const cost: number[] = [];
  for (let k = 0; k < d; k++) {
    columns.push(Float64Array.from({ length: d }, (_, i) => (i === k ? 1 : 0)));
    cost.push(0);
  }
  const plane = Float64Array.from({ length: d }, () => -rnd());
  for (let j = 0; j < n; j++) {
    const kind = rnd();
    if (kind < 0.15 && columns.length > d) {
      const i = d + Math.floor(rnd() * (columns.length - d));
      columns.push(columns[i]!.slice());
      cost.push(cost[i]! + (rnd() < 0.5 ? 0 : rnd() * 0.1));
      continue;
    }
    const x = composition(rnd, d);
    columns.push(x);
    cost.push(kind < 0.4 ? x.reduce((s, v, i) => s + v * plane[i]!, 0) : -2 * rnd());
  }
  const b = rnd() < 0.3 ? columns[Math.floor(rnd() * columns.length)]!.slice() : composition(rnd, d);
  return standard('minimize', cost, columns, d, b);
}

function standard(sense: 'minimize' | 'maximize', cost: number[], columns: Float64Array[], rows: number, b: Float64Array): LinearProgram {
  const n = columns.length;
  return {
    sense,
    cost: Float64Array.from(cost),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(Infinity),
    rowLower: b.slice(),
    rowUpper: b.slice(),
    matrix: csc(columns, rows),
  };
}

/**
 * A random chemical-potential LP: optimise ±μ_open over free μ with x_i·μ ≤ E_i for the phases of a
 * random hull LP and x_T·μ = E_T for a target put at, below or above the hull (above: infeasible).
 */
function potentialLp(rnd: () => number, d: number, n: number, sense: 'minimize' | 'maximize'): LinearProgram {
  const hull = hullLp(rnd, d, n);
  const phases: Float64Array[] = [];
  for (let j = 0; j < hull.cost.length; j++) {
    const v = new Float64Array(d);
    for (let p = hull.matrix.starts[j]!; p < hull.matrix.starts[j + 1]!; p++) v[hull.matrix.indices[p]!] = hull.matrix.values[p]!;
    phases.push(v);
  }
  const target = composition(rnd, d);
  const hullAtTarget = highs.solve(standard('minimize', [...hull.cost], phases, d, target)).objective;
  const energy = hullAtTarget + [-1e-6, 0, -0.1, 0.05][Math.floor(rnd() * 4)]!;
  const rows = [...phases, target];
  const rowUpper = Float64Array.from([...hull.cost, energy]);
  const rowLower = new Float64Array(rows.length).fill(-Infinity);
  rowLower[rows.length - 1] = energy;
  const columns = Array.from({ length: d }, (_, k) => Float64Array.from(rows, (x) => x[k]!));
  const cost = new Float64Array(d);
  cost[Math.floor(rnd() * d)] = 1;
  return { sense, cost, colLower: new Float64Array(d).fill(-Infinity), colUpper: new Float64Array(d).fill(Infinity), rowLower, rowUpper, matrix: csc(columns, rows.length) };
}

/** A random standard-form LP with coefficients of both signs (infeasible and unbounded ones among them). */
function generalLp(rnd: () => number, m: number, n: number): LinearProgram {
  const columns = Array.from({ length: n }, () => Float64Array.from({ length: m }, () => (rnd() < 0.3 ? 0 : Math.round((rnd() * 2 - 1) * 4))));
  const cost = Array.from({ length: n }, () => Math.round((rnd() * 2 - 1) * 5));
  const b = Float64Array.from({ length: m }, () => Math.round((rnd() * 2 - 1) * 3));
  return standard('minimize', cost, columns, m, b);
}

describe('dense simplex against HiGHS on random small LPs', () => {
  it('hull LPs of 2–8 elements with duplicated and collinear phases, at random points and at vertices', () => {
    const rnd = random(7);
    for (let i = 0; i < 600; i++) {
      const d = 2 + (i % 7);
      compare(hullLp(rnd, d, Math.floor(rnd() * 60)), `random hull LP ${i}`);
    }
  });

  it('chemical-potential LPs (free columns, ≤ and = rows), maximised and minimised, infeasible and unbounded ones included', () => {
    const rnd = random(11);
    const statuses = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const d = 2 + (i % 7);
      statuses.add(compare(potentialLp(rnd, d, Math.floor(rnd() * 40), i % 2 ? 'maximize' : 'minimize'), `random potential LP ${i}`));
    }
    expect([...statuses].sort()).toEqual(['INFEASIBLE', 'OPTIMAL', 'UNBOUNDED']);
  });

  it('general standard-form LPs: optimal, infeasible and unbounded ones, the same status as HiGHS', () => {
    const rnd = random(13);
    const statuses = new Set<string>();
    for (let i = 0; i < 600; i++) statuses.add(compare(generalLp(rnd, 1 + (i % 6), 1 + Math.floor(rnd() * 12)), `random general LP ${i}`));
    expect([...statuses].sort()).toEqual(['INFEASIBLE', 'OPTIMAL', 'UNBOUNDED']);
  });

  it('a redundant row (the sum of two others) leaves the optimum unchanged', () => {
    const rnd = random(17);
    for (let i = 0; i < 50; i++) {
      const lp = hullLp(rnd, 4, 20);
      const cols = lp.cost.length;
      const dense = Array.from({ length: cols }, (_, j) => {
        const v = new Float64Array(5);
        for (let p = lp.matrix.starts[j]!; p < lp.matrix.starts[j + 1]!; p++) v[lp.matrix.indices[p]!] = lp.matrix.values[p]!;
        v[4] = v[0]! + v[1]!;
        return v;
      });
      const b = Float64Array.from([...lp.rowLower, lp.rowLower[0]! + lp.rowLower[1]!]);
      const redundant = standard('minimize', [...lp.cost], dense, 5, b);
      const want = highs.solve(lp);
      const got = solveDense(redundant)!;
      expect(got.status).toBe('OPTIMAL');
      expect(Math.abs(got.objective - want.objective)).toBeLessThan(OBJECTIVE_TOL);
      expectPrimalOptimal(redundant, got, want.objective, `redundant ${i}`);
    }
  });

  it('leaves programs of other shapes to HiGHS (bounded columns)', () => {
    const lp = hullLp(random(19), 3, 5);
    lp.colUpper[0] = 1;
    expect(solveDense(lp)).toBeNull();
    expect(standardFormColumns(lp)).toBe(Infinity);
  });
});

describe('loadLinearSolver', () => {
  it('gives HiGHS\'s optimum on both sides of denseMaxColumns and counts every solve', async () => {
    const rnd = random(23);
    const small = hullLp(rnd, 3, 10);
    const large = hullLp(rnd, 3, 40);
    const mixed = await loadLinearSolver({ denseMaxColumns: 20 });
    const a = mixed.solve(small);
    const b = mixed.solve(large);
    expect(Math.abs(a.objective - highs.solve(small).objective)).toBeLessThan(OBJECTIVE_TOL);
    expect(Math.abs(b.objective - highs.solve(large).objective)).toBeLessThan(OBJECTIVE_TOL);
    expect(mixed.solved).toBe(2);
  });
});
