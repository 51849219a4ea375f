/**
 * The open-element uptake profile of a composition: as the electrode potential rises from the metal
 * (0 V vs A/A+), the sequence of grand-potential equilibria the composition passes through, each with
 * its potential range, phases and the alkali atoms taken up (positive) or given up (negative) per
 * formula unit. It is pymatgen's `PhaseDiagram.get_element_profile` (Ong et al., Chem. Mater. 20, 1798
 * (2008), doi:10.1021/cm702327g), computed as follows.
 *
 * The grand potential of the best assemblage, g(μ) = min Σ w_i (E_i − x_{A,i} μ), is concave and
 * piecewise linear in μ, each piece an assemblage with slope −(open-element atoms). Its breakpoints are
 * found by sandwiching: the lines of the assemblages at two potentials meet at μ*; if g(μ*) lies on
 * them μ* is the only breakpoint between, else the assemblage at μ* is a new piece and both halves are
 * refined. That takes about two LPs per breakpoint.
 */
import type { GrandPoint, PhaseAmount, PhaseSpace, TargetPhase } from './phaseSpace.js';

export interface ProfileStep {
  /** Lower end of the potential range, V vs A/A+. */
  fromV: number;
  /** Upper end, V vs A/A+; null for the last step (stable at any higher potential). */
  toV: number | null;
  /** Open-element atoms taken up per formula unit of the target (negative: given up). */
  uptakePerFormulaUnit: number;
  /** The equilibrium phases, amounts in atoms per atom of target (open element included). */
  phases: PhaseAmount[];
}

const TOLERANCE = 1e-9;

interface Piece {
  muLow: number;
  muHigh: number;
  point: GrandPoint;
}

/**
 * The profile of `target` (taking part at its — possibly stabilized — energy; its data phase in
 * `exclude`) with element `open` (index) as the reservoir. Steps are ordered from 0 V upwards.
 */
export function voltageProfile(space: PhaseSpace, target: TargetPhase, open: number, exclude: ReadonlySet<number>): ProfileStep[] {
  const at = (mu: number) => space.grandHull(target.fractions, open, mu, { exclude, extra: [target] });
  const line = (p: GrandPoint, mu: number) => p.energy - p.openAtoms * mu;

  // the lowest potential of interest: where the assemblage holds none of the open element
  let muLow = -2;
  let low = at(muLow);
  while (low.openAtoms > TOLERANCE && muLow > -1e4) {
    muLow *= 2;
    low = at(muLow);
  }
  const high = at(0);

  const pieces: Piece[] = [];
  const refine = (muA: number, a: GrandPoint, muB: number, b: GrandPoint, depth: number) => {
    if (Math.abs(a.openAtoms - b.openAtoms) < TOLERANCE || depth > 200) {
      pieces.push({ muLow: muA, muHigh: muB, point: a });
      return;
    }
    // lines e − n μ meet where e_a − n_a μ = e_b − n_b μ
    let mu = (a.energy - b.energy) / (a.openAtoms - b.openAtoms);
    mu = Math.min(Math.max(mu, muA), muB);
    const p = at(mu);
    if (p.value >= line(a, mu) - TOLERANCE) {
      pieces.push({ muLow: muA, muHigh: mu, point: a }, { muLow: mu, muHigh: muB, point: b });
      return;
    }
    refine(muA, a, mu, p, depth + 1);
    refine(mu, p, muB, b, depth + 1);
  };
  refine(muLow, low, 0, high, 0);

  // drop pieces of zero width (a line that touches the hull at one point only), merge neighbours of the
  // same assemblage (same open-element content), and make the steps meet exactly
  const real = pieces.filter((p) => p.muHigh - p.muLow > TOLERANCE);
  const merged: Piece[] = [];
  for (const piece of (real.length ? real : pieces).sort((x, y) => y.muHigh - x.muHigh)) {
    const prev = merged[merged.length - 1];
    if (prev && Math.abs(prev.point.openAtoms - piece.point.openAtoms) < TOLERANCE) {
      prev.muLow = Math.min(prev.muLow, piece.muLow);
      prev.muHigh = Math.max(prev.muHigh, piece.muHigh);
    } else merged.push({ ...piece });
  }
  for (let i = 1; i < merged.length; i++) merged[i]!.muHigh = merged[i - 1]!.muLow;
  const perFormulaUnit = target.atomsPerFormulaUnit;
  const targetOpen = target.fractions[open]!;
  return merged.map((piece, i) => ({
    fromV: i === 0 ? 0 : -piece.muHigh,
    toV: i === merged.length - 1 ? null : -piece.muLow,
    uptakePerFormulaUnit: (piece.point.openAtoms - targetOpen) * perFormulaUnit,
    phases: piece.point.phases,
  }));
}
