/**
 * The two shapes of LinearProgram this folder builds, brought to the standard form of denseSimplex.ts
 * (min cᵀx, A x = b, x ≥ 0, few rows) and their solutions brought back in HiGHS's conventions:
 *
 * - "equality" (hull and grand-potential hull, phaseSpace.ts): columns in [0, ∞), every row an equality
 *   — already standard form, one row per element; a maximisation is solved as the minimisation of −c.
 * - "free" (chemical-potential range): free columns μ (one per element), rows either ≤ u or = l, many
 *   rows. Solved through its LP dual (e.g. Chvátal, Linear Programming, Freeman 1983, ch. 5): for
 *   max cᵀμ s.t. a_iᵀμ ≤ u_i, a_tᵀμ = l_t the dual is min Σ u_i y_i + Σ l_t (y_t⁺ − y_t⁻) subject to
 *   Σ y_i a_i + Σ (y_t⁺ − y_t⁻) a_t = c, y ≥ 0 — standard form with one row per element. By strong
 *   duality both optima are equal, the primal μ is the dual solution of the dual, and the primal's row
 *   duals are the dual's y. An unbounded dual means an infeasible primal. A dual without a feasible point
 *   means a primal that is unbounded or infeasible; which one is told, as HiGHS tells it, by the same
 *   dual with c = 0 (always feasible): it is unbounded exactly when the primal has no feasible point
 *   (Farkas' lemma).
 *
 * Any other shape is left to HiGHS (`solveDense` returns null).
 */
import { solveStandardForm, type StandardFormLp, type StandardFormSolution } from './denseSimplex.js';
import type { LinearProgram, LpSolution } from './linearProgramTypes.js';

/** A LinearProgram in standard form, and how to read the standard-form solution as the original's. */
interface StandardFormOf {
  lp: StandardFormLp;
  solutionOf(s: StandardFormSolution): LpSolution;
}

/** `lp` solved by the dense simplex method, in HiGHS's conventions; null when it has neither shape above. */
export function solveDense(lp: LinearProgram): LpSolution | null {
  const form = toStandardForm(lp);
  if (!form) return null;
  const s = solveStandardForm(form.lp);
  if (s.status === 'INFEASIBLE' && isFreeShape(lp)) {
    const farkas = solveStandardForm({ ...form.lp, b: new Float64Array(form.lp.rows) });
    const primal = farkas.status === 'UNBOUNDED' ? 'INFEASIBLE' : farkas.status === 'OPTIMAL' ? 'UNBOUNDED' : 'FAILED';
    return { status: primal, objective: NaN, x: new Float64Array(lp.cost.length), rowDual: new Float64Array(lp.rowLower.length) };
  }
  return form.solutionOf(s);
}

/** The standard form of `lp` when it has one of the two shapes above, else null. */
function toStandardForm(lp: LinearProgram): StandardFormOf | null {
  if (isEqualityShape(lp)) return equalityForm(lp);
  if (isFreeShape(lp)) return dualForm(lp);
  return null;
}

/** Columns the standard form of `lp` would have (the dense solver's size measure); Infinity for other shapes. */
export function standardFormColumns(lp: LinearProgram): number {
  if (isEqualityShape(lp)) return lp.cost.length;
  if (isFreeShape(lp)) {
    let n = 0;
    for (let r = 0; r < lp.rowLower.length; r++) n += lp.rowLower[r] === -Infinity ? 1 : 2;
    return n;
  }
  return Infinity;
}

function isEqualityShape(lp: LinearProgram): boolean {
  for (let j = 0; j < lp.cost.length; j++) if (lp.colLower[j] !== 0 || lp.colUpper[j] !== Infinity) return false;
  for (let r = 0; r < lp.rowLower.length; r++) if (lp.rowLower[r] !== lp.rowUpper[r] || !Number.isFinite(lp.rowLower[r]!)) return false;
  return true;
}

function isFreeShape(lp: LinearProgram): boolean {
  for (let j = 0; j < lp.cost.length; j++) if (lp.colLower[j] !== -Infinity || lp.colUpper[j] !== Infinity) return false;
  for (let r = 0; r < lp.rowLower.length; r++) {
    const lower = lp.rowLower[r]!;
    const upper = lp.rowUpper[r]!;
    if (!Number.isFinite(upper) || (lower !== -Infinity && lower !== upper)) return false;
  }
  return true;
}

/** Dense column-major copy of the constraint matrix (rows × cols). */
function dense(lp: LinearProgram): Float64Array {
  const m = lp.rowLower.length;
  const { starts, indices, values } = lp.matrix;
  const a = new Float64Array(m * lp.cost.length);
  for (let j = 0; j < lp.cost.length; j++) for (let p = starts[j]!; p < starts[j + 1]!; p++) a[j * m + indices[p]!] = values[p]!;
  return a;
}

function equalityForm(lp: LinearProgram): StandardFormOf {
  const sign = lp.sense === 'minimize' ? 1 : -1;
  const standard: StandardFormLp = {
    rows: lp.rowLower.length,
    cols: lp.cost.length,
    a: dense(lp),
    b: Float64Array.from(lp.rowLower),
    cost: lp.cost.map((c) => sign * c),
  };
  return {
    lp: standard,
    solutionOf: (s) => ({ status: s.status, objective: sign * s.objective, x: s.x, rowDual: s.y.map((v) => sign * v) }),
  };
}

/**
 * The dual of a "free" program (module docblock): one standard-form row per primal column, one column
 * per ≤ row and two (y⁺, y⁻) per equality row. A minimisation min cᵀμ is solved as −max (−c)ᵀμ.
 */
function dualForm(lp: LinearProgram): StandardFormOf {
  const d = lp.cost.length;
  const rows = lp.rowLower.length;
  const primal = dense(lp); // column k (element) holds a_ik for every row i
  const sign = lp.sense === 'maximize' ? 1 : -1;
  const columnsOf: { row: number; factor: number }[] = [];
  for (let r = 0; r < rows; r++) {
    columnsOf.push({ row: r, factor: 1 });
    if (lp.rowLower[r] !== -Infinity) columnsOf.push({ row: r, factor: -1 });
  }
  const n = columnsOf.length;
  const a = new Float64Array(d * n);
  const cost = new Float64Array(n);
  columnsOf.forEach(({ row, factor }, j) => {
    for (let k = 0; k < d; k++) a[j * d + k] = factor * primal[k * rows + row]!;
    cost[j] = factor * lp.rowUpper[row]!;
  });
  const standard: StandardFormLp = { rows: d, cols: n, a, b: lp.cost.map((c) => sign * c), cost };
  const solutionOf = (s: StandardFormSolution): LpSolution => {
    const rowDual = new Float64Array(rows);
    // an infeasible dual is told apart by solveDense; an unbounded one means an infeasible primal
    const status = s.status === 'UNBOUNDED' ? 'INFEASIBLE' : s.status;
    if (status !== 'OPTIMAL') return { status, objective: NaN, x: new Float64Array(d), rowDual };
    columnsOf.forEach(({ row, factor }, j) => (rowDual[row] = rowDual[row]! + sign * factor * s.x[j]!));
    return { status, objective: sign * s.objective, x: s.y.slice(), rowDual };
  };
  return { lp: standard, solutionOf };
}
