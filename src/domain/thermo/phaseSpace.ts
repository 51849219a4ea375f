/**
 * The phases of one chemical system and the linear programs on them (THERMODYNAMICS.md in the design
 * notes; the grand-potential method of Ong et al., Chem. Mater. 20, 1798 (2008),
 * doi:10.1021/cm702327g, written as LPs so that no n-dimensional convex hull is needed).
 *
 * Conventions: compositions are atom-fraction vectors over the system's elements (alphabetical);
 * energies are formation energies in eV/atom relative to the lowest-energy phase of each element
 * (the elemental references, 0 eV/atom; an element without any entry gets a virtual reference at 0);
 * chemical potentials μ are in eV/atom relative to the same references. Of several entries with the
 * same reduced composition only the lowest in energy takes part (polymorphs).
 */
import { Composition } from '../chemistry/composition.js';
import { DomainError } from '../errors.js';
import { SolverError, type LinearProgram, type LinearSolver } from './linearProgram.js';
import { formulaUnitMultiple, phaseFormula } from './phaseFormula.js';

export type PhaseEntrySource = 'DATASET' | 'USER' | 'ELEMENT_REFERENCE';

/** A phase and its formation energy: what the computations start from. */
export interface PhaseEntry {
  /** Stable id, e.g. 'matbench_mp_e_form:Cl1Li6P1S5' or 'user:…'; 'element:Li' for a virtual reference. */
  id: string;
  composition: Composition;
  /** Formation energy from the elements, eV/atom. */
  formationEnergyEvPerAtom: number;
  source: PhaseEntrySource;
  /** The dataset the entry comes from (null for user entries and virtual references). */
  datasetId: string | null;
}

/** A phase inside a space: the entry that represents its composition, with its vector and energy. */
export interface Phase {
  entry: PhaseEntry;
  /** Composition key (integer proportions, alphabetical; see Composition.key). */
  key: string;
  /** The formula the phase is known by (phaseFormula.ts): 'Li2O2', 'O2', 'Li2S8'; else the reduced formula, e.g. 'Li3PS4'. */
  formula: string;
  /** Reduced formula, e.g. 'LiO' for Li2O2. */
  reducedFormula: string;
  /** Atom fractions over the space's elements. */
  fractions: Float64Array;
  /** Atoms per formula unit of `formula` (4 for Li2O2). */
  atomsPerFormulaUnit: number;
  /** Energy relative to the elemental references, eV/atom. */
  energy: number;
  /** Entries of the same composition that were set aside because this one is lower in energy. */
  polymorphsSetAside: number;
}

/** A phase and how much of it: atoms of the phase per atom of the target (or of the mixture). */
export interface PhaseAmount {
  phase: Phase | TargetPhase;
  atoms: number;
}

/** The target of a computation when it takes part as a phase of its own (with a possibly shifted energy). */
export interface TargetPhase {
  entry: null;
  key: string;
  /** The formula as asked, reduced. */
  formula: string;
  reducedFormula: string;
  fractions: Float64Array;
  atomsPerFormulaUnit: number;
  energy: number;
}

export interface HullPoint {
  /** Energy of the lower convex hull at the composition, eV/atom. */
  energy: number;
  /** The stable phases the composition decomposes into, with atom fractions summing to 1. */
  phases: PhaseAmount[];
  /** Chemical potentials of a hull facet through the point (LP duals), eV/atom, per element of the space. */
  chemicalPotentials: Float64Array;
}

export interface GrandPoint {
  /** Grand potential Φ = Σ w_i (E_i − x_{A,i} μ_A), eV per atom of the target composition. */
  value: number;
  /** Σ w_i E_i: the energy part of Φ. */
  energy: number;
  /** Atoms of the open element in the assemblage per atom of the target. */
  openAtoms: number;
  phases: PhaseAmount[];
  /** Row duals: grand-potential chemical potentials of the elements other than the open one (order of `elements` without it), eV/atom. */
  chemicalPotentials: Float64Array;
}

/** Entries below this formation energy (eV/atom) can lie on the hull; the others never can (pymatgen's formation_energy_tol). */
const ON_HULL_CANDIDATE = -1e-11;
/** Phase amounts below this (atoms per atom of target) are numerical noise of the LP, not products. */
export const AMOUNT_TOLERANCE = 1e-8;

export class PhaseSpace {
  /** Alphabetical. */
  readonly elements: readonly string[];
  readonly phases: readonly Phase[];
  /** Indices of the phases the hull is built from: negative formation energy, or an elemental reference. */
  readonly candidates: readonly number[];
  /** Elements of the space without any entry (given a virtual reference at 0 eV/atom). */
  readonly elementsWithoutData: readonly string[];
  /** Energy of each element's reference phase on the entries' scale, eV/atom (0 for formation energies). */
  readonly referenceEnergies: Float64Array;
  private readonly byKey: Map<string, number>;

  private constructor(
    private readonly solver: LinearSolver,
    elements: string[],
    phases: Phase[],
    elementsWithoutData: string[],
    referenceEnergies: Float64Array,
  ) {
    this.referenceEnergies = referenceEnergies;
    this.elements = elements;
    this.phases = phases;
    this.elementsWithoutData = elementsWithoutData;
    this.byKey = new Map(phases.map((p, i) => [p.key, i]));
    this.candidates = phases.flatMap((p, i) => (p.energy < ON_HULL_CANDIDATE || p.entry.composition.elementCount === 1 ? [i] : []));
  }

  /**
   * The space of `elements` from every entry whose elements all belong to it (others are ignored).
   * Energies are re-referenced to the lowest entry of each element, so that a user entry for an
   * elemental phase below the dataset's moves the reference (and the voltage scale) with it.
   */
  static build(solver: LinearSolver, elements: Iterable<string>, entries: Iterable<PhaseEntry>): PhaseSpace {
    const els = [...new Set(elements)].sort();
    if (els.length === 0) throw new DomainError('a chemical system needs at least one element');
    const index = new Map(els.map((e, i) => [e, i]));
    const lowest = new Map<string, { entry: PhaseEntry; others: number }>();
    for (const entry of entries) {
      if (!entry.composition.elements.every((e) => index.has(e))) continue;
      if (!Number.isFinite(entry.formationEnergyEvPerAtom)) throw new DomainError(`entry ${entry.id}: formation energy is not a number`);
      const key = entry.composition.key;
      const seen = lowest.get(key);
      if (!seen) lowest.set(key, { entry, others: 0 });
      else if (entry.formationEnergyEvPerAtom < seen.entry.formationEnergyEvPerAtom) lowest.set(key, { entry, others: seen.others + 1 });
      else seen.others++;
    }
    const missing: string[] = [];
    for (const el of els) {
      const key = new Composition([[el, 1]]).key;
      if (!lowest.has(key)) {
        missing.push(el);
        lowest.set(key, {
          entry: { id: `element:${el}`, composition: new Composition([[el, 1]]), formationEnergyEvPerAtom: 0, source: 'ELEMENT_REFERENCE', datasetId: null },
          others: 0,
        });
      }
    }
    const reference = new Float64Array(els.length);
    for (const el of els) reference[index.get(el)!] = lowest.get(new Composition([[el, 1]]).key)!.entry.formationEnergyEvPerAtom;
    const phases: Phase[] = [];
    for (const [key, { entry, others }] of lowest) {
      const fractions = fractionVector(entry.composition, els, index);
      let shift = 0;
      for (let k = 0; k < els.length; k++) shift += fractions[k]! * reference[k]!;
      const reduced = entry.composition.integerProportions();
      const reducedFormula = entry.composition.reducedFormula;
      phases.push({
        entry,
        key,
        formula: phaseFormula(reducedFormula),
        reducedFormula,
        fractions,
        atomsPerFormulaUnit: atomsOfReducedFormula(entry.composition, reduced) * formulaUnitMultiple(reducedFormula),
        energy: entry.formationEnergyEvPerAtom - shift,
        polymorphsSetAside: others,
      });
    }
    phases.sort((a, b) => a.key.localeCompare(b.key));
    return new PhaseSpace(solver, els, phases, missing, reference);
  }

  /** The phase with this composition key, if the space holds one. */
  phaseOf(key: string): Phase | undefined {
    const i = this.byKey.get(key);
    return i === undefined ? undefined : this.phases[i];
  }

  indexOf(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** Atom-fraction vector of a composition over this space's elements (throws if it has other elements). */
  fractionsOf(c: Composition): Float64Array {
    const index = new Map(this.elements.map((e, i) => [e, i]));
    for (const e of c.elements) if (!index.has(e)) throw new DomainError(`${e} is not an element of the system ${this.elements.join('-')}`);
    return fractionVector(c, this.elements, index);
  }

  /** Index of an element in the vectors. */
  elementIndex(element: string): number {
    const i = this.elements.indexOf(element);
    if (i < 0) throw new DomainError(`${element} is not an element of the system ${this.elements.join('-')}`);
    return i;
  }

  /** A target that takes part in the LPs as a phase of its own, at energy `energy` (eV/atom). */
  targetPhase(c: Composition, energy: number): TargetPhase {
    return {
      entry: null,
      key: c.key,
      formula: c.reducedFormula,
      reducedFormula: c.reducedFormula,
      fractions: this.fractionsOf(c),
      atomsPerFormulaUnit: atomsOfReducedFormula(c, c.integerProportions()),
      energy,
    };
  }

  /**
   * Lower convex hull at composition `x`: min Σ w_i E_i subject to Σ w_i x_i = x, w ≥ 0, over the
   * candidate phases except `exclude` (indices), plus `extra` phases. The row duals are the chemical
   * potentials of a facet through the point.
   */
  hull(x: Float64Array, options: { exclude?: ReadonlySet<number>; extra?: readonly TargetPhase[] } = {}): HullPoint {
    const columns = this.columns(options.exclude, options.extra, () => true);
    const d = this.elements.length;
    const lp = program(
      'minimize',
      columns.map((c) => c.energy),
      columns.map((c) => c.fractions),
      d,
      [...x],
    );
    const s = this.solver.solve(lp);
    if (s.status !== 'OPTIMAL') throw new SolverError(`hull LP in ${this.elements.join('-')}: ${s.status}`);
    let energy = 0;
    const phases: PhaseAmount[] = [];
    columns.forEach((c, j) => {
      const w = s.x[j]!;
      if (w > AMOUNT_TOLERANCE) {
        phases.push({ phase: c, atoms: w });
        energy += w * c.energy;
      }
    });
    return { energy, phases: normalise(phases), chemicalPotentials: s.rowDual.slice() };
  }

  /**
   * Grand-potential hull with element `open` (index) at chemical potential `mu` (eV/atom): the assemblage
   * of minimum Φ = Σ w_i (E_i − x_{A,i} μ) with Σ w_i x_{k,i} = x_k for every element k ≠ A. Phases of
   * the open element alone are left out (they are the reservoir).
   */
  grandHull(x: Float64Array, open: number, mu: number, options: { exclude?: ReadonlySet<number>; extra?: readonly TargetPhase[] } = {}): GrandPoint {
    const columns = this.columns(options.exclude, options.extra, (f) => f[open]! < 1 - 1e-12);
    const d = this.elements.length;
    const rows = [...Array(d).keys()].filter((k) => k !== open);
    const lp = program(
      'minimize',
      columns.map((c) => c.energy - c.fractions[open]! * mu),
      columns.map((c) => Float64Array.from(rows, (k) => c.fractions[k]!)),
      rows.length,
      rows.map((k) => x[k]!),
    );
    const s = this.solver.solve(lp);
    if (s.status !== 'OPTIMAL') throw new SolverError(`grand-potential LP in ${this.elements.join('-')} at μ = ${mu}: ${s.status}`);
    let value = 0;
    let energy = 0;
    let openAtoms = 0;
    const phases: PhaseAmount[] = [];
    columns.forEach((c, j) => {
      const w = s.x[j]!;
      if (w > AMOUNT_TOLERANCE) {
        phases.push({ phase: c, atoms: w });
        value += w * (c.energy - c.fractions[open]! * mu);
        energy += w * c.energy;
        openAtoms += w * c.fractions[open]!;
      }
    });
    return { value, energy, openAtoms, phases, chemicalPotentials: s.rowDual.slice() };
  }

  /**
   * The range of the chemical potential of element `open` over which `target` is on the hull:
   * optimise ±μ_A over μ ∈ R^n subject to x_i·μ ≤ E_i for every candidate phase except `exclude`,
   * and x_T·μ = E_T (Zhu, He & Mo, ACS Appl. Mater. Interfaces 7, 23685 (2015), doi:10.1021/acsami.5b07517).
   * Returns null when the target is not on the hull (the equality cannot hold). `atMax`/`atMin` are the
   * chemical potentials of every element at the optimum (a vertex of the target's stability region, as
   * pymatgen's get_chempot_range_stability_phase reports them).
   */
  chemicalPotentialRange(target: TargetPhase, open: number, exclude: ReadonlySet<number>): { max: number; min: number; atMax: Float64Array; atMin: Float64Array } | null {
    const rows = this.candidates.filter((i) => !exclude.has(i)).map((i) => this.phases[i]!);
    const d = this.elements.length;
    const m = rows.length + 1;
    const starts = new Int32Array(d + 1);
    const indices = new Int32Array(m * d);
    const values = new Float64Array(m * d);
    let nz = 0;
    for (let k = 0; k < d; k++) {
      starts[k] = nz;
      for (let r = 0; r < m; r++) {
        const v = r < rows.length ? rows[r]!.fractions[k]! : target.fractions[k]!;
        if (v !== 0) {
          indices[nz] = r;
          values[nz] = v;
          nz++;
        }
      }
    }
    starts[d] = nz;
    const rowLower = new Float64Array(m).fill(-Infinity);
    const rowUpper = new Float64Array(m);
    rows.forEach((p, r) => (rowUpper[r] = p.energy));
    rowLower[m - 1] = target.energy;
    rowUpper[m - 1] = target.energy;
    const solveFor = (sense: 'minimize' | 'maximize') => {
      const cost = new Float64Array(d);
      cost[open] = 1;
      return this.solver.solve({
        sense,
        cost,
        colLower: new Float64Array(d).fill(-Infinity),
        colUpper: new Float64Array(d).fill(Infinity),
        rowLower,
        rowUpper,
        matrix: { starts, indices: indices.subarray(0, nz), values: values.subarray(0, nz) },
      });
    };
    const hi = solveFor('maximize');
    if (hi.status === 'INFEASIBLE') return null;
    const lo = solveFor('minimize');
    if (hi.status !== 'OPTIMAL' || lo.status !== 'OPTIMAL') throw new SolverError(`chemical-potential LP in ${this.elements.join('-')}: ${hi.status}/${lo.status}`);
    return { max: hi.objective, min: lo.objective, atMax: hi.x.slice(), atMin: lo.x.slice() };
  }

  private columns(exclude: ReadonlySet<number> | undefined, extra: readonly TargetPhase[] | undefined, keep: (f: Float64Array) => boolean): (Phase | TargetPhase)[] {
    const out: (Phase | TargetPhase)[] = [];
    for (const i of this.candidates) if (!exclude?.has(i) && keep(this.phases[i]!.fractions)) out.push(this.phases[i]!);
    for (const t of extra ?? []) if (keep(t.fractions)) out.push(t);
    return out;
  }
}

/** Phase amounts rescaled to sum to exactly 1 (they do up to LP tolerance). */
function normalise(phases: PhaseAmount[]): PhaseAmount[] {
  const total = phases.reduce((s, p) => s + p.atoms, 0);
  return phases.map((p) => ({ phase: p.phase, atoms: p.atoms / total }));
}

/**
 * Atom fractions from the composition's integer proportions, so that amounts written as fractions
 * (LiNi1/3Mn1/3Co1/3O2, stored to 1e-6) give exact vectors.
 */
function fractionVector(c: Composition, elements: readonly string[], index: Map<string, number>): Float64Array {
  const v = new Float64Array(elements.length);
  const proportions = c.integerProportions();
  const total = proportions.reduce((sum, p) => sum + p.amount, 0);
  for (const { element, amount } of proportions) v[index.get(element)!] = amount / total;
  return v;
}

/** Atoms per reduced formula unit: integral compositions divided by their gcd, fractional ones as written (Composition.reducedFormula). */
function atomsOfReducedFormula(c: Composition, reduced: { amount: number }[]): number {
  if (c.isIntegral) return reduced.reduce((s, r) => s + r.amount, 0);
  return c.totalAtoms;
}

/** An LP with equality rows Σ_j a_kj w_j = b_k and w ≥ 0 (columns given as dense vectors of length `rows`). */
function program(sense: 'minimize' | 'maximize', cost: number[], columns: Float64Array[], rows: number, b: number[]): LinearProgram {
  const n = columns.length;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(n * rows);
  const values = new Float64Array(n * rows);
  let nz = 0;
  for (let j = 0; j < n; j++) {
    starts[j] = nz;
    const col = columns[j]!;
    for (let k = 0; k < rows; k++) {
      const v = col[k]!;
      if (v !== 0) {
        indices[nz] = k;
        values[nz] = v;
        nz++;
      }
    }
  }
  starts[n] = nz;
  const rhs = Float64Array.from(b);
  return {
    sense,
    cost: Float64Array.from(cost),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(Infinity),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { starts, indices: indices.subarray(0, nz), values: values.subarray(0, nz) },
  };
}
