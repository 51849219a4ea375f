/**
 * What the reports agree on for one property of one material: counts, median, extremes, spread and outliers
 * of the reported point values (pure; the service chooses the reports).
 *
 * Method: the point values (`value` non-null: stated, approximate, 'up to'; bounds and ranges are counted
 * apart, never as values). Quartiles by linear interpolation between order statistics (Hyndman & Fan type 7,
 * numpy.percentile's default; doi:10.1080/00031305.1996.10473566). For a property whose values span decades
 * (ionic conductivity, diffusion coefficients: `logScale`) every statistic is taken on log10 of the value and
 * given back in the unit, the spread in decades (log10 max/min). Outliers by Tukey's fences (Tukey,
 * Exploratory Data Analysis, 1977): below Q1 − 1.5·IQR or above Q3 + 1.5·IQR (on log10 for logScale), named
 * only with at least 4 values and quartiles apart (IQR > 0). Zero and negative values of a logScale property are
 * counted apart (`nonPositive`).
 */
import { roundSignificant } from './units/units.js';

/** One report of the property: a measurement. */
export interface ConsensusReport {
  id: string;
  /** The point value in the canonical unit; null for a bound or a range. */
  value: number | null;
  sourceKind: string;
  publicationKeys: readonly string[];
}

export interface ConsensusGroup {
  source: string;
  reports: number;
  median: number | null;
}

export interface ConsensusOutlier {
  id: string;
  value: number;
  /** Distance from the median: decades for logScale properties (signed), else in the unit (signed). */
  deviationFromMedian: number;
  /** Which fence it lies beyond: 'BELOW' Q1 − 1.5·IQR or 'ABOVE' Q3 + 1.5·IQR. */
  side: 'BELOW' | 'ABOVE';
}

export interface Consensus {
  /** Reports with a point value (the ones the statistics are of). */
  reports: number;
  /** Reports left out of the statistics because they are bounds or ranges. */
  boundsAndRanges: number;
  /** Point values left out because they are zero or negative, for a property whose statistics are on log10. */
  nonPositive: number;
  /** Distinct publications credited by the counted reports (a report crediting none adds none). */
  publications: number;
  median: number | null;
  min: number | null;
  max: number | null;
  q1: number | null;
  q3: number | null;
  /** log10(max/min) for logScale properties with positive values; else null. */
  spreadDecades: number | null;
  /** max − min in the unit (for every property). */
  range: number | null;
  bySource: ConsensusGroup[];
  outliers: ConsensusOutlier[];
  /** Ids of the reports counted, in ascending value order. */
  countedIds: string[];
}

/** The q-quantile (0–1) of ascending `sorted` by linear interpolation (numpy.percentile, method 'linear'). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const MIN_FOR_OUTLIERS = 4;
const FENCE = 1.5;

/** The consensus of `reports` (see the module's docblock); `logScale` takes the statistics on log10. */
export function consensusOf(reports: readonly ConsensusReport[], logScale: boolean): Consensus {
  const points = reports.filter((r) => r.value !== null && (!logScale || r.value > 0)) as (ConsensusReport & { value: number })[];
  const scale = (v: number) => (logScale ? Math.log10(v) : v);
  const back = (x: number | null) => (x === null ? null : logScale ? 10 ** x : x);
  const sorted = [...points].sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));
  const xs = sorted.map((r) => scale(r.value));
  const q1 = quantile(xs, 0.25);
  const med = quantile(xs, 0.5);
  const q3 = quantile(xs, 0.75);
  const min = sorted[0]?.value ?? null;
  const max = sorted.at(-1)?.value ?? null;
  const r = (x: number | null) => (x === null ? null : roundSignificant(x));
  return {
    reports: sorted.length,
    boundsAndRanges: reports.filter((r) => r.value === null).length,
    nonPositive: logScale ? reports.filter((r) => r.value !== null && r.value <= 0).length : 0,
    publications: new Set(sorted.flatMap((r) => r.publicationKeys)).size,
    median: r(back(med)),
    min,
    max,
    q1: r(back(q1)),
    q3: r(back(q3)),
    spreadDecades: logScale && min !== null && max !== null ? r(Math.log10(max / min)) : null,
    range: min !== null && max !== null ? r(max - min) : null,
    bySource: bySource(sorted, scale, back),
    outliers: outliers(sorted, xs, q1, med, q3),
    countedIds: sorted.map((r) => r.id),
  };
}

function bySource(sorted: (ConsensusReport & { value: number })[], scale: (v: number) => number, back: (x: number | null) => number | null): ConsensusGroup[] {
  const kinds = [...new Set(sorted.map((r) => r.sourceKind))].sort();
  return kinds.map((source) => {
    const xs = sorted.filter((r) => r.sourceKind === source).map((r) => scale(r.value));
    const median = back(quantile(xs, 0.5));
    return { source, reports: xs.length, median: median === null ? null : roundSignificant(median) };
  });
}

function outliers(sorted: (ConsensusReport & { value: number })[], xs: number[], q1: number | null, med: number | null, q3: number | null): ConsensusOutlier[] {
  // with the quartiles equal (several reports of one number) every other value would lie beyond the fences
  if (sorted.length < MIN_FOR_OUTLIERS || q1 === null || q3 === null || med === null || q3 === q1) return [];
  const low = q1 - FENCE * (q3 - q1);
  const high = q3 + FENCE * (q3 - q1);
  const out: ConsensusOutlier[] = [];
  sorted.forEach((r, i) => {
    const x = xs[i]!;
    if (x < low || x > high) out.push({ id: r.id, value: r.value, deviationFromMedian: roundSignificant(x - med), side: x < low ? 'BELOW' : 'ABOVE' });
  });
  return out;
}
