/**
 * The linear programs of this folder and their solutions, in HiGHS's form (shared by linearProgram.ts,
 * which solves them, and standardForm.ts, which brings the small ones to the dense simplex method).
 */

/** A linear program in HiGHS's form: optimise cᵀx subject to rowLower ≤ Ax ≤ rowUpper, colLower ≤ x ≤ colUpper. */
export interface LinearProgram {
  sense: 'minimize' | 'maximize';
  /** Objective coefficient of each column. */
  cost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Constraint matrix, compressed by column: column j's entries are indices/values[starts[j]..starts[j+1]). */
  matrix: { starts: Int32Array; indices: Int32Array; values: Float64Array };
}

export type LpStatus = 'OPTIMAL' | 'INFEASIBLE' | 'UNBOUNDED' | 'FAILED';

export interface LpSolution {
  status: LpStatus;
  objective: number;
  /** Column values (primal). */
  x: Float64Array;
  /** Row duals: the change of the optimal objective per unit increase of the row bound. */
  rowDual: Float64Array;
}
