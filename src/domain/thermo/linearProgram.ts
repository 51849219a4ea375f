/**
 * Linear programs for the phase-diagram computations, solved by HiGHS (Huangfu & Hall, Math. Program.
 * Comput. 10, 119 (2018), doi:10.1007/s12532-017-0130-5) compiled to WebAssembly (npm `highs`, MIT),
 * or — the small ones — by this folder's dense simplex method (denseSimplex.ts, standardForm.ts), which
 * spares HiGHS's per-call cost (≈ 0.1–0.2 ms, more than such a solve takes).
 *
 * Every computation of this folder is a small LP: at most 10 rows or columns on one side and the
 * entries of one chemical system (tens to a few thousand) on the other. Both solvers return basic (vertex)
 * solutions with row duals, which are the chemical potentials of a hull facet.
 */
import highsPackage from 'highs';
import type { Highs, Model, ModelData } from 'highs';
import { DomainError } from '../errors.js';
import type { LinearProgram, LpSolution, LpStatus } from './linearProgramTypes.js';
import { solveDense, standardFormColumns } from './standardForm.js';

export type { LinearProgram, LpSolution, LpStatus } from './linearProgramTypes.js';

export interface LinearSolver {
  solve(lp: LinearProgram): LpSolution;
  /** Number of LPs solved so far (for benchmarks). */
  readonly solved: number;
}

export interface LinearSolverOptions {
  /**
   * LPs whose standard form (standardForm.ts) has at most this many columns are solved by the dense
   * simplex method, larger ones by HiGHS; 0: HiGHS alone. Default DENSE_SIMPLEX_MAX_COLUMNS.
   */
  denseMaxColumns?: number;
}

/**
 * Default size limit of the dense simplex. On the LPs of stability windows of 2–8 elements it was 4–8×
 * faster than HiGHS at every size, up to the largest (≈ 3,000 standard-form columns: 0.9 ms against
 * 4.8 ms); above the sizes measured HiGHS takes over.
 */
export const DENSE_SIMPLEX_MAX_COLUMNS = 4000;

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
 * Loads HiGHS once and returns a solver that sends small LPs to the dense simplex method and the others
 * to HiGHS (see LinearSolverOptions); a dense solve that fails (a singular basis, the iteration limit) is
 * repeated by HiGHS. Infeasible and unbounded programs are reported alike by both.
 */
export async function loadLinearSolver(options: LinearSolverOptions = {}): Promise<LinearSolver> {
  const highs = await loadHighsSolver();
  const limit = options.denseMaxColumns ?? DENSE_SIMPLEX_MAX_COLUMNS;
  let solved = 0;
  return {
    get solved() {
      return solved + highs.solved;
    },
    solve(lp: LinearProgram): LpSolution {
      if (limit > 0 && standardFormColumns(lp) <= limit) {
        const s = solveDense(lp);
        if (s && s.status !== 'FAILED') {
          solved++;
          return s;
        }
      }
      return highs.solve(lp);
    },
  };
}

/**
 * Loads HiGHS once and returns a solver that reuses one native model (JavaScript runs one solve at a
 * time, so one model serves every caller). Presolve is off: on programs this small it costs more than
 * it saves (≈ 10 ms against < 1 ms per solve, measured in bench/thermo.ts). Feasibility tolerances are
 * 1e-10 so that energies and chemical potentials are exact to well below 1 meV.
 */
async function loadHighsSolver(): Promise<LinearSolver> {
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
