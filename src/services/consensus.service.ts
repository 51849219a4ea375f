/**
 * Consensus per material and property: which of the material's measurements count (property, contribution,
 * temperature band; a measurement two sources copy counted once, see domain/repeatedReports.ts), then the
 * statistics of `domain/consensus.ts` over them. One batched load of the
 * material's measurements per request (the DataLoader `measurementsByMaterial`), no query per material.
 */
import { consensusOf, type Consensus } from '../domain/consensus.js';
import type { ConductivityContribution } from '../domain/model/measurement.kind.js';
import { canonicalUnit, PROPERTIES, type PropertyKind } from '../domain/units/properties.js';
import type { Loaders } from '../graph/loaders.js';
import type { MeasurementRecord } from '../graph/records.js';
import { identified, withoutRepeats } from './repeats.js';
import { InvalidArgumentError } from './errors.js';
import { kelvinArgument } from './query/where.js';

/** Properties that depend strongly on temperature: their consensus defaults to 20–30 °C. */
const TEMPERATURE_DEPENDENT = new Set<PropertyKind>(['IONIC_CONDUCTIVITY', 'ELECTRONIC_CONDUCTIVITY', 'DIFFUSION_COEFFICIENT']);
const ROOM_BAND_K = { min: 293.15, max: 303.15 };
/** Contributions that are not the whole sample's: left out of an ionic-conductivity consensus unless asked for. */
const PARTIAL_CONTRIBUTIONS = new Set<ConductivityContribution>(['BULK', 'GRAIN_BOUNDARY']);

export interface ConsensusOptions {
  temperature?: { min?: number | null; max?: number | null; unit?: string | null } | null;
  contribution?: ConductivityContribution | null;
  includeTemperatureNotStated?: boolean | null;
}

export interface ConsensusView extends Omit<Consensus, 'outliers' | 'countedIds' | 'bySource'> {
  property: PropertyKind;
  unit: string;
  temperatureMinK: number | null;
  temperatureMaxK: number | null;
  contributions: string[];
  temperatureNotStated: number;
  bySource: (Consensus['bySource'][number] & { unit: string })[];
  outliers: { measurement: MeasurementRecord; deviationFromMedian: number; side: string }[];
  measurements: MeasurementRecord[];
}

export class ConsensusService {
  constructor(private readonly loaders: Loaders) {}

  /** @throws InvalidArgumentError naming `temperature` (unit, or min above max). */
  async of(materialId: string, property: PropertyKind, options: ConsensusOptions): Promise<ConsensusView> {
    const band = temperatureBand(property, options.temperature);
    const all = await this.loaders.related('measurementsByMaterial').load(materialId);
    const contributionOk = contributionFilter(property, options.contribution);
    const withNotStated = options.includeTemperatureNotStated ?? true;
    // a measurement two sources copy (the same value from the same publication at the same temperature) counts once
    const chosen = withoutRepeats(
      all.filter((m) => m.property === property && contributionOk(m.contribution ?? null) && inBand(m.temperatureK ?? null, band, withNotStated)).map(identified),
    ).kept.map((r) => r.record);
    const c = consensusOf(
      chosen.map((m) => ({ id: m.id, value: m.value ?? null, sourceKind: m.source.kind, publicationKeys: m.publicationKeys })),
      'logScale' in PROPERTIES[property],
    );
    const byId = new Map(chosen.map((m) => [m.id, m]));
    const unit = canonicalUnit(property);
    return {
      ...c,
      property,
      unit,
      temperatureMinK: band.min,
      temperatureMaxK: band.max,
      contributions: [...new Set(chosen.map((m) => m.contribution ?? 'UNSPECIFIED'))].sort(),
      temperatureNotStated: c.countedIds.filter((id) => byId.get(id)!.temperatureK == null).length,
      bySource: c.bySource.map((g) => ({ ...g, unit })),
      outliers: c.outliers.map((o) => ({ measurement: byId.get(o.id)!, deviationFromMedian: o.deviationFromMedian, side: o.side })),
      measurements: c.countedIds.map((id) => byId.get(id)!),
    };
  }
}

function temperatureBand(property: PropertyKind, t: ConsensusOptions['temperature']): { min: number | null; max: number | null } {
  if (!t || (t.min == null && t.max == null)) return TEMPERATURE_DEPENDENT.has(property) ? ROOM_BAND_K : { min: null, max: null };
  const k = (v: number | null | undefined) => (v == null ? null : kelvinArgument(v, t.unit, 'temperature'));
  const band = { min: k(t.min), max: k(t.max) };
  if (band.min !== null && band.max !== null && band.min > band.max) throw new InvalidArgumentError('temperature', `min (${t.min}) is above max (${t.max})`);
  return band;
}

function inBand(k: number | null, band: { min: number | null; max: number | null }, withNotStated: boolean): boolean {
  if (k === null) return withNotStated;
  return (band.min === null || k >= band.min) && (band.max === null || k <= band.max);
}

function contributionFilter(property: PropertyKind, asked: ConductivityContribution | null | undefined): (c: ConductivityContribution | null) => boolean {
  if (asked) return (c) => (c ?? 'UNSPECIFIED') === asked;
  if (property === 'IONIC_CONDUCTIVITY') return (c) => c === null || !PARTIAL_CONTRIBUTIONS.has(c);
  return () => true;
}
