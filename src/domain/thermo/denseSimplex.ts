/**
 * A dense two-phase primal simplex method for linear programs in standard form with few rows,
 *
 *   minimise cᵀx  subject to  A x = b,  x ≥ 0        (A: m × n, m ≤ ~10, n up to a few thousand),
 *
 * the shape of every LP of the phase-diagram computations (one row per element). It exists because the
 * WebAssembly HiGHS costs ≈ 0.1–0.2 ms per call in set-up alone, more than the whole solve of an LP this
 * small; linearProgram.ts uses it below a size and HiGHS above.
 *
 * Method: the revised simplex method (Dantzig, Linear Programming and Extensions, Princeton University
 * Press 1963, doi:10.1515/9781400884179; textbook form in Chvátal, Linear Programming, Freeman 1983,
 * ch. 2–8): phase 1 minimises the sum of one artificial variable per row from the artificial basis, phase
 * 2 the objective from the feasible basis found. Entering column: Dantzig's rule (most negative reduced
 * cost); after a run of degenerate pivots (no progress) Bland's rule — smallest index entering, smallest
 * basic index leaving among ties — which cannot cycle (Bland, Math. Oper. Res. 2, 103 (1977),
 * doi:10.1287/moor.2.2.103), until a pivot makes progress again. The basis inverse is recomputed by
 * Gauss–Jordan elimination with partial pivoting at every iteration (m³ ≤ 1000 operations, less than the
 * pricing), so that rounding errors do not accumulate over the pivots.
 *
 * Results are basic solutions with duals y = c_Bᵀ B⁻¹ (the chemical potentials of a hull facet), as
 * HiGHS's simplex returns them; where the optimum is degenerate the basis (and so the duals) may be
 * another optimal one than HiGHS's.
 */

export type DenseStatus = 'OPTIMAL' | 'INFEASIBLE' | 'UNBOUNDED' | 'FAILED';

/** min cᵀx subject to A x = b, x ≥ 0; A dense by column: column j is a[j·rows … j·rows + rows). */
export interface StandardFormLp {
  rows: number;
  cols: number;
  a: Float64Array;
  b: Float64Array;
  cost: Float64Array;
}

export interface StandardFormSolution {
  status: DenseStatus;
  /** cᵀx at the optimum (NaN otherwise). */
  objective: number;
  /** Primal values, one per column (zeros unless OPTIMAL). */
  x: Float64Array;
  /** Duals y = c_Bᵀ B⁻¹, one per row: the change of the optimum per unit increase of b (zeros unless OPTIMAL). */
  y: Float64Array;
}

/** Reduced costs above −this are taken as non-negative (optimal). */
const OPTIMALITY_TOLERANCE = 1e-11;
/** Entries of B⁻¹a_j smaller than this are not pivoted on. */
const PIVOT_TOLERANCE = 1e-9;
/** Phase 1 ending with artificial variables summing above this (× max(1, |b|∞)) means no feasible point. */
const FEASIBILITY_TOLERANCE = 1e-9;
/** A step shorter than this makes no progress (a degenerate pivot). */
const DEGENERATE_STEP = 1e-13;
/** Degenerate pivots in a row after which Bland's rule takes over. */
const BLAND_AFTER = 8;
/** Smallest pivot accepted when inverting a basis. */
const SINGULAR = 1e-13;

/** Working state: the problem with one artificial column per row appended, rows scaled so that b ≥ 0. */
interface Work {
  m: number;
  /** Real columns; artificial column k (row k) is column n + k. */
  n: number;
  /** Column-major m × (n + m). */
  a: Float64Array;
  b: Float64Array;
  /** +1 or −1 per row: the factor the row was multiplied by. */
  rowSign: Float64Array;
  basis: Int32Array;
  binv: Float64Array;
  xB: Float64Array;
  y: Float64Array;
  /** B⁻¹ a_j of the entering column. */
  d: Float64Array;
  iterations: number;
}

/** Solves `lp` (see the module docblock); never throws on infeasible or unbounded programs. */
export function solveStandardForm(lp: StandardFormLp): StandardFormSolution {
  const w = setUp(lp);
  const phase1 = new Float64Array(w.n + w.m);
  phase1.fill(1, w.n);
  const first = runSimplex(w, phase1);
  if (first !== 'OPTIMAL') return failure(lp, 'FAILED');
  if (artificialSum(w) > FEASIBILITY_TOLERANCE * Math.max(1, maxAbs(w.b))) return failure(lp, 'INFEASIBLE');
  if (!driveOutArtificials(w)) return failure(lp, 'FAILED');
  const phase2 = new Float64Array(w.n + w.m);
  phase2.set(lp.cost);
  const second = runSimplex(w, phase2);
  if (second !== 'OPTIMAL') return failure(lp, second);
  return solution(lp, w, phase2);
}

function setUp(lp: StandardFormLp): Work {
  const { rows: m, cols: n } = lp;
  const a = new Float64Array(m * (n + m));
  const b = new Float64Array(m);
  const rowSign = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    rowSign[i] = lp.b[i]! < 0 ? -1 : 1;
    b[i] = rowSign[i]! * lp.b[i]!;
  }
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) a[j * m + i] = rowSign[i]! * lp.a[j * m + i]!;
  for (let k = 0; k < m; k++) a[(n + k) * m + k] = 1;
  const basis = crashBasis(a, lp.cost, m, n);
  const zeros = () => new Float64Array(m);
  return { m, n, a, b, rowSign, basis, binv: new Float64Array(m * m), xB: zeros(), y: zeros(), d: zeros(), iterations: 0 };
}

/**
 * The starting basis: for each row, a real column that is a positive multiple of the row's unit vector
 * (an element's reference phase in a hull LP; the cheapest if several), else the row's artificial column.
 * Such a basis is diagonal with a non-negative solution, so phase 1 only has the artificial rows left to
 * clear (a "crash" start, Bixby, ORSA J. Comput. 4, 267 (1992), doi:10.1287/ijoc.4.3.267).
 */
function crashBasis(a: Float64Array, cost: Float64Array, m: number, n: number): Int32Array {
  const basis = Int32Array.from({ length: m }, (_, k) => n + k);
  for (let j = 0; j < n; j++) {
    const row = unitRow(a, m, j);
    if (row < 0) continue;
    const current = basis[row]!;
    if (current >= n || cost[j]! / a[j * m + row]! < cost[current]! / a[current * m + row]!) basis[row] = j;
  }
  return basis;
}

/** The row of column j's only non-zero entry when that entry is positive, else −1. */
function unitRow(a: Float64Array, m: number, j: number): number {
  let row = -1;
  for (let i = 0; i < m; i++) {
    const v = a[j * m + i]!;
    if (v === 0) continue;
    if (row >= 0 || v < 0) return -1;
    row = i;
  }
  return row;
}

/**
 * Pivots from the current basis to an optimal one for `cost` (artificial columns never enter).
 * Returns 'UNBOUNDED' when an improving column has no limiting row, 'FAILED' on a singular basis or
 * past the iteration limit.
 */
function runSimplex(w: Work, cost: Float64Array): DenseStatus {
  const limit = 1000 + 50 * (w.n + w.m);
  let degenerateRun = 0;
  for (;;) {
    if (!refactor(w, cost)) return 'FAILED';
    if (++w.iterations > limit) return 'FAILED';
    const bland = degenerateRun >= BLAND_AFTER;
    const entering = bland ? enteringBland(w, cost) : enteringDantzig(w, cost);
    if (entering < 0) return 'OPTIMAL';
    column(w, entering);
    const leaving = leavingRow(w, bland);
    if (leaving < 0) return 'UNBOUNDED';
    const step = w.xB[leaving]! / w.d[leaving]!;
    degenerateRun = step < DEGENERATE_STEP ? degenerateRun + 1 : 0;
    w.basis[leaving] = entering;
  }
}

/** B⁻¹ (Gauss–Jordan with partial pivoting), x_B = B⁻¹b (negative rounding clipped to 0) and y = c_Bᵀ B⁻¹. */
function refactor(w: Work, cost: Float64Array): boolean {
  const { m, a, basis, binv, xB, y, b } = w;
  const t = new Float64Array(m * m); // B, row-major
  for (let c = 0; c < m; c++) for (let r = 0; r < m; r++) t[r * m + c] = a[basis[c]! * m + r]!;
  binv.fill(0);
  for (let i = 0; i < m; i++) binv[i * m + i] = 1;
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(t[r * m + c]!) > Math.abs(t[p * m + c]!)) p = r;
    if (Math.abs(t[p * m + c]!) < SINGULAR) return false;
    if (p !== c) {
      swapRows(t, m, p, c);
      swapRows(binv, m, p, c);
    }
    eliminate(t, binv, m, c);
  }
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += binv[i * m + k]! * b[k]!;
    xB[i] = s > 0 ? s : 0;
  }
  for (let k = 0; k < m; k++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += cost[basis[i]!]! * binv[i * m + k]!;
    y[k] = s;
  }
  return true;
}

function swapRows(t: Float64Array, m: number, p: number, q: number): void {
  for (let k = 0; k < m; k++) {
    const v = t[p * m + k]!;
    t[p * m + k] = t[q * m + k]!;
    t[q * m + k] = v;
  }
}

/** One Gauss–Jordan step on column c of `t` (row-major m × m), applied to `inv` alike. */
function eliminate(t: Float64Array, inv: Float64Array, m: number, c: number): void {
  const pivot = t[c * m + c]!;
  for (let k = 0; k < m; k++) {
    t[c * m + k] = t[c * m + k]! / pivot;
    inv[c * m + k] = inv[c * m + k]! / pivot;
  }
  for (let r = 0; r < m; r++) {
    const f = t[r * m + c]!;
    if (r === c || f === 0) continue;
    for (let k = 0; k < m; k++) {
      t[r * m + k] = t[r * m + k]! - f * t[c * m + k]!;
      inv[r * m + k] = inv[r * m + k]! - f * inv[c * m + k]!;
    }
  }
}

/** Reduced cost c_j − yᵀa_j. */
function reducedCost(w: Work, cost: Float64Array, j: number): number {
  let s = cost[j]!;
  const o = j * w.m;
  for (let i = 0; i < w.m; i++) s -= w.y[i]! * w.a[o + i]!;
  return s;
}

/** Dantzig: the real column of most negative reduced cost, −1 when none is below −tolerance. */
function enteringDantzig(w: Work, cost: Float64Array): number {
  let best = -1;
  let bestValue = -OPTIMALITY_TOLERANCE;
  for (let j = 0; j < w.n; j++) {
    const r = reducedCost(w, cost, j);
    if (r < bestValue) {
      bestValue = r;
      best = j;
    }
  }
  return best;
}

/** Bland: the real column of smallest index with a negative reduced cost (basic columns have 0). */
function enteringBland(w: Work, cost: Float64Array): number {
  for (let j = 0; j < w.n; j++) if (reducedCost(w, cost, j) < -OPTIMALITY_TOLERANCE) return j;
  return -1;
}

/** d = B⁻¹ a_j into w.d. */
function column(w: Work, j: number): void {
  const { m, a, binv, d } = w;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += binv[i * m + k]! * a[j * m + k]!;
    d[i] = s;
  }
}

/**
 * Ratio test: the row that limits the step x_B − θ d ≥ 0 (−1 when none does: unbounded). Among rows of
 * (nearly) equal ratio, the largest pivot (stability), or with Bland's rule the smallest basic index.
 */
function leavingRow(w: Work, bland: boolean): number {
  let best = -1;
  let bestRatio = Infinity;
  for (let i = 0; i < w.m; i++) {
    const di = w.d[i]!;
    if (di <= PIVOT_TOLERANCE) continue;
    const ratio = w.xB[i]! / di;
    if (best < 0 || ratio < bestRatio - DEGENERATE_STEP) {
      best = i;
      bestRatio = ratio;
    } else if (ratio <= bestRatio + DEGENERATE_STEP && (bland ? w.basis[i]! < w.basis[best]! : di > w.d[best]!)) {
      best = i;
      bestRatio = Math.min(ratio, bestRatio);
    }
  }
  return best;
}

function artificialSum(w: Work): number {
  let s = 0;
  for (let i = 0; i < w.m; i++) if (w.basis[i]! >= w.n) s += w.xB[i]!;
  return s;
}

/**
 * After phase 1, replaces every artificial column still basic (at 0) by a real column with a non-zero
 * entry in its row (a degenerate pivot). A row where no real column has one is a combination of the
 * others: its artificial stays basic at 0 and can never become non-zero (no column moves it).
 */
function driveOutArtificials(w: Work): boolean {
  const zero = new Float64Array(w.n + w.m);
  for (let r = 0; r < w.m; r++) {
    if (w.basis[r]! < w.n) continue;
    if (!refactor(w, zero)) return false;
    let best = -1;
    let bestValue = PIVOT_TOLERANCE;
    for (let j = 0; j < w.n; j++) {
      if (w.basis.includes(j)) continue;
      column(w, j);
      if (Math.abs(w.d[r]!) > bestValue) {
        best = j;
        bestValue = Math.abs(w.d[r]!);
      }
    }
    if (best >= 0) w.basis[r] = best;
  }
  return true;
}

function solution(lp: StandardFormLp, w: Work, cost: Float64Array): StandardFormSolution {
  if (!refactor(w, cost)) return failure(lp, 'FAILED');
  const x = new Float64Array(lp.cols);
  for (let i = 0; i < w.m; i++) if (w.basis[i]! < w.n) x[w.basis[i]!] = w.xB[i]!;
  let objective = 0;
  for (let j = 0; j < lp.cols; j++) objective += lp.cost[j]! * x[j]!;
  const y = Float64Array.from(w.y, (v, i) => v * w.rowSign[i]!);
  return { status: 'OPTIMAL', objective, x, y };
}

function failure(lp: StandardFormLp, status: DenseStatus): StandardFormSolution {
  return { status, objective: NaN, x: new Float64Array(lp.cols), y: new Float64Array(lp.rows) };
}

function maxAbs(v: Float64Array): number {
  let s = 0;
  for (const x of v) s = Math.max(s, Math.abs(x));
  return s;
}
