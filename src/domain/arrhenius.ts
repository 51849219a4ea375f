/**
 * The ionic conductivity of a material at a temperature, estimated from reported conductivities with
 * Arrhenius' law (pure; the service chooses the reports).
 *
 * Two forms, both with σ in S/cm, T in K, the activation energy Ea in eV and k_B the Boltzmann constant:
 * - SIGMA:   σ   = A·exp(−Ea/(k_B·T)), prefactor A in S/cm;
 * - SIGMA_T: σ·T = A·exp(−Ea/(k_B·T)), prefactor A in S·K/cm (the usual form for ionic hopping, Nernst–Einstein).
 * With y = σ (SIGMA) or y = σ·T (SIGMA_T): ln y = ln A − (Ea/k_B)·(1/T), a straight line in 1/T.
 *
 * Methods:
 * - FITTED: from at least 2 points at temperatures at least `MIN_SPAN_K` apart, ordinary least squares of ln y
 *   against 1/T (every point one weight): slope b, intercept a = ln A, Ea = −b·k_B. The standard error of Ea is
 *   k_B times the slope's standard error, sqrt(Σ residual² / (n − 2) / Σ (1/T − mean 1/T)²), as
 *   scipy.stats.linregress gives it (`stderr`); null with 2 points (no degree of freedom left).
 * - ANCHORED (points at one temperature, or at temperatures less than `MIN_SPAN_K` apart, and reported
 *   activation energies): Ea = the median of the reported ones; ln A = mean over the points of ln y_i + Ea/(k_B·T_i)
 *   (the line of that slope closest to the points in least squares). Its uncertainty: half the range of the reported
 *   activation energies when there are several, else the one report's stated ± (the caller passes it), else null.
 *
 * k_B = 8.617333262e-5 eV/K (CODATA 2018; exact, since the 2019 SI fixes k and e;
 * Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021), doi:10.1103/RevModPhys.93.025010).
 */
import { InvalidValueError } from './errors.js';
import { quantile } from './consensus.js';

/** The Boltzmann constant in eV/K (CODATA 2018, exact; doi:10.1103/RevModPhys.93.025010). */
export const BOLTZMANN_EV_PER_K = 8.617333262e-5;

/** Points this far apart in temperature (K) or more can be fitted; closer ones count as one temperature. */
export const MIN_SPAN_K = 10;

export const ARRHENIUS_FORMS = {
  SIGMA: 'σ = A·exp(−Ea/(k_B·T))',
  SIGMA_T: 'σ·T = A·exp(−Ea/(k_B·T))',
} as const;
export type ArrheniusForm = keyof typeof ARRHENIUS_FORMS;

/** The unit of the prefactor A of each form (σ in S/cm). */
export const PREFACTOR_UNIT: Record<ArrheniusForm, string> = { SIGMA: 'S/cm', SIGMA_T: 'S·K/cm' };

/** One reported conductivity: σ in S/cm at T in K. */
export interface ArrheniusPoint {
  temperatureK: number;
  conductivity: number;
}

/** A straight line ln y = lnPrefactor − activationEnergyEv/(k_B·T) of one form. */
export interface ArrheniusLine {
  form: ArrheniusForm;
  /** ln A, A in S/cm (SIGMA) or S·K/cm (SIGMA_T). */
  lnPrefactor: number;
  activationEnergyEv: number;
}

export interface ArrheniusFit extends ArrheniusLine {
  /** Standard error of Ea from the slope's (scipy.stats.linregress `stderr`·k_B), eV; null with 2 points. */
  activationEnergyStdErrEv: number | null;
  /** Slope of ln y against 1/T, K. */
  slope: number;
  /** Intercept of ln y against 1/T: ln A. */
  intercept: number;
  pointCount: number;
}

/** How an estimate was made (the GraphQL enum `ConductivityEstimateStatus`). */
export const ESTIMATE_STATUSES = {
  FITTED: `least squares of ln y on 1/T through points at temperatures at least ${MIN_SPAN_K} K apart`,
  ANCHORED_ON_REPORTED_ACTIVATION_ENERGY:
    'points at one temperature (or closer than 10 K) with the slope of the median reported activation energy',
  INSUFFICIENT_DATA: 'no estimate: no point at a stated temperature, or points at one temperature and no activation energy reported',
} as const;
export type EstimateStatus = keyof typeof ESTIMATE_STATUSES;

/** A reported activation energy, eV, with its stated ± where it has one. */
export interface ReportedActivationEnergy {
  value: number;
  uncertainty: number | null;
}

export interface ConductivityEstimate {
  status: EstimateStatus;
  /** Why the data do not suffice (INSUFFICIENT_DATA), or what the anchoring rests on; null for a fit. */
  reason: string | null;
  form: ArrheniusForm;
  temperatureK: number;
  /** σ at `temperatureK`, S/cm; null for INSUFFICIENT_DATA. */
  conductivity: number | null;
  log10Conductivity: number | null;
  activationEnergyEv: number | null;
  activationEnergyUncertaintyEv: number | null;
  /** A in `PREFACTOR_UNIT[form]`. */
  prefactor: number | null;
  pointCount: number;
  minK: number | null;
  maxK: number | null;
  /** Whether `temperatureK` lies within [minK, maxK]; null without points. */
  interpolated: boolean | null;
  /** 0 within [minK, maxK], else the distance to its nearer end, K; null without points. */
  extrapolatedByK: number | null;
}

function checkPoints(points: readonly ArrheniusPoint[]): void {
  for (const p of points) {
    if (!Number.isFinite(p.temperatureK) || p.temperatureK <= 0) throw new InvalidValueError(String(p.temperatureK), 'a temperature must be a finite number of K above 0');
    if (!Number.isFinite(p.conductivity) || p.conductivity <= 0) throw new InvalidValueError(String(p.conductivity), 'a conductivity must be a finite number above 0 (its logarithm is fitted)');
  }
}

/** ln y of a point in `form`: ln σ (SIGMA) or ln(σ·T) (SIGMA_T). */
export function lnY(p: ArrheniusPoint, form: ArrheniusForm): number {
  return form === 'SIGMA' ? Math.log(p.conductivity) : Math.log(p.conductivity) + Math.log(p.temperatureK);
}

/**
 * The least-squares line of ln y against 1/T (see the module's docblock).
 * @throws InvalidValueError for a non-positive or non-finite temperature or conductivity, fewer than 2 points, or
 *   temperatures less than `MIN_SPAN_K` apart.
 */
export function fitArrhenius(points: readonly ArrheniusPoint[], form: ArrheniusForm): ArrheniusFit {
  checkPoints(points);
  if (points.length < 2) throw new InvalidValueError(String(points.length), 'a fit needs at least 2 points');
  const ts = points.map((p) => p.temperatureK);
  if (Math.max(...ts) - Math.min(...ts) < MIN_SPAN_K) throw new InvalidValueError(ts.join(', '), `a fit needs temperatures at least ${MIN_SPAN_K} K apart`);
  const n = points.length;
  const xs = points.map((p) => 1 / p.temperatureK);
  const ys = points.map((p) => lnY(p, form));
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (ys[i]! - (intercept + slope * xs[i]!)) ** 2;
  const slopeStdErr = n > 2 ? Math.sqrt(ssr / (n - 2) / sxx) : null;
  return {
    form,
    slope,
    intercept,
    lnPrefactor: intercept,
    activationEnergyEv: -slope * BOLTZMANN_EV_PER_K,
    activationEnergyStdErrEv: slopeStdErr === null ? null : slopeStdErr * BOLTZMANN_EV_PER_K,
    pointCount: n,
  };
}

/**
 * The line of slope −Ea/k_B through the points (ln A = mean of ln y_i + Ea/(k_B·T_i)).
 * @throws InvalidValueError for no points, a non-positive or non-finite point, or a non-finite activation energy.
 */
export function anchorArrhenius(points: readonly ArrheniusPoint[], activationEnergyEv: number, form: ArrheniusForm): ArrheniusLine {
  checkPoints(points);
  if (points.length === 0) throw new InvalidValueError('0', 'anchoring needs at least 1 point');
  if (!Number.isFinite(activationEnergyEv)) throw new InvalidValueError(String(activationEnergyEv), 'an activation energy must be a finite number of eV');
  const lnA = points.reduce((s, p) => s + lnY(p, form) + activationEnergyEv / (BOLTZMANN_EV_PER_K * p.temperatureK), 0) / points.length;
  return { form, lnPrefactor: lnA, activationEnergyEv };
}

/** ln σ at `temperatureK` on `line` (σ in S/cm). */
export function lnConductivityAt(line: ArrheniusLine, temperatureK: number): number {
  const lnY = line.lnPrefactor - line.activationEnergyEv / (BOLTZMANN_EV_PER_K * temperatureK);
  return line.form === 'SIGMA' ? lnY : lnY - Math.log(temperatureK);
}

const kelvin = (t: number) => `${Number(t.toFixed(2))} K`;

/**
 * The estimate of σ at `temperatureK` from `points` (status and method: the module's docblock); `reported` are the
 * activation energies reported for the same material and contribution, used only when the points cannot be fitted.
 * @throws InvalidValueError for a non-finite or non-positive `temperatureK`, or a bad point (see `fitArrhenius`).
 */
export function estimateConductivity(
  points: readonly ArrheniusPoint[],
  reported: readonly ReportedActivationEnergy[],
  form: ArrheniusForm,
  temperatureK: number,
): ConductivityEstimate {
  if (!Number.isFinite(temperatureK) || temperatureK <= 0) throw new InvalidValueError(String(temperatureK), 'a temperature must be a finite number of K above 0');
  checkPoints(points);
  const ts = points.map((p) => p.temperatureK);
  const minK = points.length ? Math.min(...ts) : null;
  const maxK = points.length ? Math.max(...ts) : null;
  const base: ConductivityEstimate = {
    status: 'INSUFFICIENT_DATA',
    reason: null,
    form,
    temperatureK,
    conductivity: null,
    log10Conductivity: null,
    activationEnergyEv: null,
    activationEnergyUncertaintyEv: null,
    prefactor: null,
    pointCount: points.length,
    minK,
    maxK,
    interpolated: minK === null ? null : temperatureK >= minK && temperatureK <= maxK!,
    extrapolatedByK: minK === null ? null : Math.max(0, minK - temperatureK, temperatureK - maxK!),
  };
  const at = (line: ArrheniusLine) => {
    const ln = lnConductivityAt(line, temperatureK);
    return { conductivity: Math.exp(ln), log10Conductivity: ln / Math.LN10, activationEnergyEv: line.activationEnergyEv, prefactor: Math.exp(line.lnPrefactor) };
  };
  if (points.length === 0) return { ...base, reason: 'no ionic conductivity reported at a stated temperature' };
  if (maxK! - minK! >= MIN_SPAN_K) {
    const fit = fitArrhenius(points, form);
    return { ...base, status: 'FITTED', ...at(fit), activationEnergyUncertaintyEv: fit.activationEnergyStdErrEv };
  }
  const where = minK === maxK ? `one temperature (${kelvin(minK!)})` : `temperatures less than ${MIN_SPAN_K} K apart (${kelvin(minK!)}–${kelvin(maxK!)})`;
  const eas = reported.map((r) => r.value).filter((v) => Number.isFinite(v) && v > 0);
  if (eas.length === 0) return { ...base, reason: `${where} and no activation energy reported` };
  const sorted = [...eas].sort((a, b) => a - b);
  const ea = quantile(sorted, 0.5)!;
  const line = anchorArrhenius(points, ea, form);
  const uncertainty = eas.length > 1 ? (sorted.at(-1)! - sorted[0]!) / 2 : (reported.find((r) => r.value === eas[0])?.uncertainty ?? null);
  return {
    ...base,
    status: 'ANCHORED_ON_REPORTED_ACTIVATION_ENERGY',
    reason: `${where}: the slope from the median of ${eas.length} reported activation energ${eas.length === 1 ? 'y' : 'ies'}`,
    ...at(line),
    activationEnergyUncertaintyEv: uncertainty,
  };
}
