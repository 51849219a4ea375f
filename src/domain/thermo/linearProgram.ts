/**
 * Linear programs for the phase-diagram computations, solved by HiGHS (Huangfu & Hall, Math. Program.
 * Comput. 10, 119 (2018), doi:10.1007/s12532-017-0130-5) compiled to WebAssembly (npm `highs`, MIT).
 *
 * Every computation of this folder is a small LP: at most 10 rows or columns on one side and the
 * entries of one chemical system (tens to a few thousand) on the other. HiGHS returns basic (vertex)
 * solutions with row duals, which are the chemical potentials of a hull facet.
 */
import highsPackage from 'highs';
import type { Highs, Model, ModelData } from 'highs';
import { DomainError } from '../errors.js';

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

export interface LinearSolver {
  solve(lp: LinearProgram): LpSolution;
  /** Number of LPs solved so far (for benchmarks). */
  readonly solved: number;
}

/** Raised when the solver fails on a program that should have an optimum (a defect, not bad input). */
export class SolverError extends DomainError {
  override name = 'SolverError';
}

// The package's declarations are read as CommonJS (the loader under `.default`) while Node loads its
// ES module build (the loader is the default export itself); accept both.
type Loader = typeof highsPackage.default;
const loadHighs: Loader = (highsPackage as unknown as { default?: Loader }).default ?? (highsPackage as unknown as Loader);

// HiGHS model status codes (types.d.ts ModelStatusCode)
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const UNBOUNDED = 10;

/**
 * Loads HiGHS once and returns a solver that reuses one native model (JavaScript runs one solve at a
 * time, so one model serves every caller). Presolve is off: on programs this small it costs more than
 * it saves (≈ 10 ms against < 1 ms per solve, measured in bench/thermo.ts). Feasibility tolerances are
 * 1e-10 so that energies and chemical potentials are exact to well below 1 meV.
 */
export async function loadLinearSolver(): Promise<LinearSolver> {
  const highs: Highs = await loadHighs();
  const model: Model = highs.createModel();
  model.options.set({
    output_flag: false,
    presolve: 'off',
    solver: 'simplex',
    primal_feasibility_tolerance: 1e-10,
    dual_feasibility_tolerance: 1e-10,
  });
  let solved = 0;
  const infinity = highs.infinity;
  const finite = (a: Float64Array) => a.map((v) => (v === Infinity ? infinity : v === -Infinity ? -infinity : v));
  return {
    get solved() {
      return solved;
    },
    solve(lp: LinearProgram): LpSolution {
      const numCols = lp.cost.length;
      const numRows = lp.rowLower.length;
      const data: ModelData = {
        numCols,
        numRows,
        sense: lp.sense === 'minimize' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
        colCost: lp.cost,
        colLower: finite(lp.colLower),
        colUpper: finite(lp.colUpper),
        rowLower: finite(lp.rowLower),
        rowUpper: finite(lp.rowUpper),
        matrix: { format: 'csc', numRows, numCols, starts: lp.matrix.starts, indices: lp.matrix.indices, values: lp.matrix.values },
      };
      model.passModel(data);
      model.run();
      solved++;
      const code = model.getModelStatus() as number;
      if (code === OPTIMAL) {
        const s = model.getSolution();
        return { status: 'OPTIMAL', objective: model.getObjectiveValue(), x: s.colValue, rowDual: s.rowDual };
      }
      const status: LpStatus = code === INFEASIBLE ? 'INFEASIBLE' : code === UNBOUNDED || code === UNBOUNDED_OR_INFEASIBLE ? 'UNBOUNDED' : 'FAILED';
      return { status, objective: NaN, x: new Float64Array(numCols), rowDual: new Float64Array(numRows) };
    },
  };
}
