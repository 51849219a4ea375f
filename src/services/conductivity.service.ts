/**
 * The ionic conductivity of a material at a temperature (`Material.conductivityAt`): which of the material's
 * reports count, then the Arrhenius estimate of `domain/arrhenius.ts` over them. The reports are chosen as
 * `consensus.service.ts` chooses them: the material's measurements with every variant's (one batched load per
 * request, the DataLoader `measurementsByMaterial`), whole-sample values (TOTAL or not stated) unless
 * `contribution` asks for BULK or GRAIN_BOUNDARY (never mixed), point values only ("up to" maxima count, as in consensus; bounds and ranges apart).
 * Beyond consensus: a point needs a stated numeric temperature and a value above 0; each report left out is
 * listed with why; a report repeating a point already taken (the same value, within 1e-6, from a common publication
 * within 1 K: two datasets copying one measurement) is counted once. Reported activation energies of the same contribution are returned beside a fit for
 * comparison, and anchor the slope only when the points lie at one temperature.
 */
import {
  ARRHENIUS_FORMS,
  estimateConductivity,
  PREFACTOR_UNIT,
  type ArrheniusForm,
  type ConductivityEstimate,
} from '../domain/arrhenius.js';
import type { ConductivityContribution } from '../domain/model/measurement.kind.js';
import type { Loaders } from '../graph/loaders.js';
import type { MeasurementRecord, VariantRecord } from '../graph/records.js';
import { roundSignificant } from '../domain/units/units.js';
import { identified, REPEAT_RULE, withoutRepeats } from './repeats.js';
import { InvalidArgumentError } from './errors.js';
import { kelvinArgument } from './query/where.js';

/** Contributions that are not the whole sample's: left out unless asked for (as in consensus.service.ts). */
const PARTIAL_CONTRIBUTIONS = new Set<ConductivityContribution>(['BULK', 'GRAIN_BOUNDARY']);

export interface ConductivityOptions {
  temperature: number;
  /** 'K' (default) or '°C'. */
  temperatureUnit?: string | null;
  form?: ArrheniusForm | null;
  /** null: the whole sample's (TOTAL or not stated). */
  contribution?: ConductivityContribution | null;
}

export interface ExcludedReport {
  measurement: MeasurementRecord;
  reason: string;
}

export interface ConductivityEstimateView extends ConductivityEstimate {
  formula: string;
  /** The unit of `conductivity`: S/cm. */
  unit: string;
  prefactorUnit: string;
  contribution: ConductivityContribution | null;
  /** The contributions among the points (UNSPECIFIED where not stated). */
  contributions: string[];
  points: MeasurementRecord[];
  reportedActivationEnergies: MeasurementRecord[];
  excludedReports: ExcludedReport[];
  reportCount: number;
  publicationCount: number;
  variants: VariantRecord[];
  /** The variant this estimate is restricted to; null for the material's (its variants rolled up). */
  variantId: string | null;
  /** One estimate per variant with points of its own (empty inside those). */
  byVariant: ConductivityEstimateView[];
}

export class ConductivityService {
  constructor(private readonly loaders: Loaders) {}

  /**
   * The estimate over all the material's reports (its variants rolled up), with one estimate per variant
   * that has points of its own in `byVariant`.
   * @throws InvalidArgumentError naming `temperatureUnit` (not K or °C) or `temperature` (not finite, at or below 0 K).
   */
  async at(materialId: string, options: ConductivityOptions): Promise<ConductivityEstimateView> {
    const temperatureK = temperatureArgument(options.temperature, options.temperatureUnit);
    const form = options.form ?? 'SIGMA_T';
    const contribution = options.contribution ?? null;
    const reports = chooseReports(await this.loaders.related('measurementsByMaterial').load(materialId), contribution);
    const variantIds = [...new Set(reports.points.map((m) => m.variantId).filter((v): v is string => v != null))].sort();
    const byVariant = await Promise.all(
      variantIds.map((id) => {
        const mine = (m: MeasurementRecord) => m.variantId === id;
        const own = { points: reports.points.filter(mine), reported: reports.reported.filter(mine), excluded: reports.excluded.filter((e) => mine(e.measurement)) };
        return this.view(own, { temperatureK, form, contribution }, id, []);
      }),
    );
    return this.view(reports, { temperatureK, form, contribution }, null, byVariant);
  }

  private async view(
    reports: Reports,
    asked: { temperatureK: number; form: ArrheniusForm; contribution: ConductivityContribution | null },
    variantId: string | null,
    byVariant: ConductivityEstimateView[],
  ): Promise<ConductivityEstimateView> {
    const { points, reported } = reports;
    const estimate = estimateConductivity(
      points.map((m) => ({ temperatureK: m.temperatureK!, conductivity: m.value! })),
      reported.map((m) => ({ value: m.value!, uncertainty: m.uncertainty ?? null })),
      asked.form,
      asked.temperatureK,
    );
    const restsOn = estimate.status === 'ANCHORED_ON_REPORTED_ACTIVATION_ENERGY' ? [...points, ...reported] : points;
    const variantIds = [...new Set(restsOn.map((m) => m.variantId).filter((v): v is string => v != null))].sort();
    const variants = (await this.loaders.variantById.loadMany(variantIds)).filter((v): v is VariantRecord => v != null && !(v instanceof Error));
    const r = (x: number | null) => (x === null ? null : roundSignificant(x));
    return {
      ...estimate,
      // 12 significant digits, as consensus gives its numbers: no float noise (1.0000000000000002e-3)
      conductivity: r(estimate.conductivity),
      log10Conductivity: r(estimate.log10Conductivity),
      activationEnergyEv: r(estimate.activationEnergyEv),
      activationEnergyUncertaintyEv: r(estimate.activationEnergyUncertaintyEv),
      prefactor: r(estimate.prefactor),
      extrapolatedByK: r(estimate.extrapolatedByK),
      formula: ARRHENIUS_FORMS[asked.form],
      unit: 'S/cm',
      prefactorUnit: PREFACTOR_UNIT[asked.form],
      contribution: asked.contribution,
      contributions: [...new Set(points.map((m) => m.contribution ?? 'UNSPECIFIED'))].sort(),
      points,
      reportedActivationEnergies: reported,
      excludedReports: reports.excluded,
      reportCount: restsOn.length,
      publicationCount: new Set(restsOn.flatMap((m) => m.publicationKeys)).size,
      variants,
      variantId,
      byVariant,
    };
  }
}

interface Reports {
  points: MeasurementRecord[];
  reported: MeasurementRecord[];
  excluded: ExcludedReport[];
}

/** The points and reported activation energies among a material's measurements, and the reports left out with why. */
function chooseReports(all: MeasurementRecord[], contribution: ConductivityContribution | null): Reports {
  const ofContribution = (m: MeasurementRecord) =>
    contribution ? (m.contribution ?? 'UNSPECIFIED') === contribution : m.contribution == null || !PARTIAL_CONTRIBUTIONS.has(m.contribution);
  const byId = (a: MeasurementRecord, b: MeasurementRecord) => a.id.localeCompare(b.id);
  const excluded: ExcludedReport[] = [];
  const candidates: MeasurementRecord[] = [];
  for (const m of all.filter((x) => x.property === 'IONIC_CONDUCTIVITY' && ofContribution(x)).sort(byId)) {
    const why = whyNotAPoint(m);
    if (why) excluded.push({ measurement: m, reason: why });
    else candidates.push(m);
  }
  const { kept: points, repeats } = withoutRepeats(candidates.map(identified));
  for (const r of repeats) excluded.push({ measurement: r.report.record, reason: `repeats ${r.of.id} (${REPEAT_RULE}): counted once` });
  const sorted = points.map((p) => p.record).sort((a, b) => a.temperatureK! - b.temperatureK! || byId(a, b));
  const reported: MeasurementRecord[] = [];
  for (const m of all.filter((x) => x.property === 'ACTIVATION_ENERGY' && ofContribution(x)).sort(byId)) {
    const why = whyNotAnEnergy(m);
    if (why) excluded.push({ measurement: m, reason: why });
    else reported.push(m);
  }
  return { points: sorted, reported, excluded };
}

/** The temperatures an estimate is given at, K: beyond them exp(−Ea/k_B·T) over- or underflows long before it means anything. */
const MIN_K = 1;
const MAX_K = 10_000;

/** The asked temperature in K. */
function temperatureArgument(value: number, unit: string | null | undefined): number {
  // the unit first, so that its error names `temperatureUnit`
  kelvinArgument(300, unit, 'temperatureUnit');
  if (!Number.isFinite(value)) throw new InvalidArgumentError('temperature', `${value} is not a finite number`);
  const k = kelvinArgument(value, unit, 'temperature');
  if (k <= 0) throw new InvalidArgumentError('temperature', `${value} ${unit ?? 'K'} is at or below absolute zero; an Arrhenius estimate needs T > 0 K`);
  if (k < MIN_K || k > MAX_K) throw new InvalidArgumentError('temperature', `${value} ${unit ?? 'K'} is outside ${MIN_K}–${MAX_K} K, where an estimate is given (an Arrhenius line extrapolated that far means nothing)`);
  return k;
}

function whyNotAPoint(m: MeasurementRecord): string | null {
  if (m.value == null) return `a bound or a range ('${m.printedValue}'), not a value`;
  if (!(m.value > 0) || !Number.isFinite(m.value)) return `not above 0 (${m.value} ${m.unit}): its logarithm is fitted`;
  if (m.temperatureK == null) return m.temperatureText ? `no single temperature in K ('${m.temperatureText}')` : 'no temperature stated';
  return null;
}

function whyNotAnEnergy(m: MeasurementRecord): string | null {
  if (m.value == null) return `an activation energy given as a bound or a range ('${m.printedValue}'), not a value`;
  if (!(m.value > 0) || !Number.isFinite(m.value)) return `an activation energy not above 0 (${m.value} ${m.unit})`;
  return null;
}
