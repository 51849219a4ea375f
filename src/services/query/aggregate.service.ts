/**
 * Statistics for dashboards (`measurementStatistics`, `materialStatistics`): validate the arguments, plan
 * the aggregate (the same filters as the compiled lists, the group keys, the statistics and histogram
 * selected), check its estimated cost, and run it as one Cypher statement; the groups come back with
 * their keys named and the bin counts laid out per bin.
 */
import { excerpt, InvalidValueError } from '../../domain/errors.js';
import { MOBILE_IONS } from '../../domain/mobileIon.js';
import { canonicalUnit, type PropertyKind } from '../../domain/units/properties.js';
import { roundSignificant, roundToScale, toKelvin } from '../../domain/units/units.js';
import type { Row } from '../../graph/database.js';
import {
  aggregateCost,
  GROUP_KEY_FIELD,
  type AggregatePlan,
  type HistogramField,
  type HistogramPlan,
  type StatisticName,
  type MaterialGroupKey,
  type MeasurementGroupKey,
  type ObservationGroupKey,
} from '../../graph/query/aggregate.js';
import type { AggregateStore } from '../../graph/query/aggregate.store.js';
import { InvalidArgumentError, QueryTooComplexError } from '../errors.js';
import { checkMaterialNames } from '../materialRef.js';
import { child, type SelectedField } from './selection.js';
import { InterfaceFilterPlanner, type InterphaseObservationFilterInput } from './where.interface.js';
import { toCanonicalValue, FilterPlanner, type MaterialFilterInput, type MeasurementFilterInput } from './where.js';

/** Most bins of a histogram (edges: one more). */
export const MAX_HISTOGRAM_BINS = 200;
export const DEFAULT_GROUPS = 100;
export const MAX_GROUPS = 1000;

export interface HistogramInput {
  field: HistogramField;
  bins?: number[] | null;
  min?: number | null;
  max?: number | null;
  width?: number | null;
  unit?: string | null;
}

export type GroupOrder = 'KEY' | 'COUNT';

export interface StatisticsArgs<W, G extends string> {
  where: W | null | undefined;
  groupBy: G[] | null | undefined;
  histogram: HistogramInput | null | undefined;
  orderBy: GroupOrder | null | undefined;
  first: number | null | undefined;
}

export interface MaterialValueInput {
  property: PropertyKind;
  statistic?: 'MAX' | 'MIN' | 'MEDIAN' | 'LATEST' | null;
}

export interface ValueStatisticsView {
  count: number;
  unit: string | null;
  min: number | null;
  max: number | null;
  mean: number | null;
  standardDeviation: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

export interface HistogramView {
  field: HistogramField;
  unit: string | null;
  edges: number[];
  counts: number[];
  below: number;
  above: number;
  missing: number;
}

export interface GroupView {
  key: Record<string, unknown>;
  count: number;
  value: ValueStatisticsView | null;
  log10Value: ValueStatisticsView | null;
  histogram: HistogramView | null;
}

export interface StatisticsView {
  totalGroups: number;
  groups: GroupView[];
}

export interface AggregateOptions {
  /** Highest estimated cost of one plan (QUERY_MAX_COST). */
  maxCost: number;
}

/** What of a group the request selected. */
interface Wanted {
  value: StatisticName[];
  log10: StatisticName[];
  histogram: boolean;
}

const STATISTIC_OF_FIELD: Record<string, StatisticName> = {
  count: 'count',
  min: 'min',
  max: 'max',
  mean: 'mean',
  standardDeviation: 'sd',
  q1: 'q1',
  median: 'median',
  q3: 'q3',
};

/** The statistics selected under `field` (with the count, which the standard deviation needs), none if not selected. */
function statisticsSelected(field: SelectedField | undefined): StatisticName[] {
  if (!field) return [];
  const names = field.fields.map((f) => STATISTIC_OF_FIELD[f.name]).filter((n): n is StatisticName => n !== undefined);
  return [...new Set<StatisticName>(['count', ...names])];
}

function wanted(selection: SelectedField): Wanted {
  const groups = child(selection, 'groups');
  return { value: statisticsSelected(child(groups, 'value')), log10: statisticsSelected(child(groups, 'log10Value')), histogram: child(groups, 'histogram') !== undefined };
}

export class AggregateService {
  private readonly filters: FilterPlanner;
  private readonly observationFilters: InterfaceFilterPlanner;

  constructor(
    private readonly store: AggregateStore,
    private readonly options: AggregateOptions,
  ) {
    this.filters = new FilterPlanner();
    this.observationFilters = new InterfaceFilterPlanner();
  }

  async measurements(args: StatisticsArgs<MeasurementFilterInput, MeasurementGroupKey>, selection: SelectedField): Promise<StatisticsView> {
    const want = wanted(selection);
    const groupBy = [...new Set(args.groupBy ?? [])];
    const property = args.where?.property ?? null;
    // the bins are checked even when the histogram is not selected; they are compiled only when it is
    const bins = args.histogram ? histogramPlan(args.histogram, property, 'histogram') : null;
    const histogram = want.histogram ? bins : null;
    const valuesAsked = want.value.length > 0 || want.log10.length > 0 || (histogram !== null && isValueField(histogram.field));
    if (valuesAsked && !property && !groupBy.includes('PROPERTY')) {
      throw new InvalidArgumentError(
        'where.property',
        'statistics and histograms of values would mix the units of different properties: give `where.property`, or add PROPERTY to `groupBy` (counts need neither)',
      );
    }
    const common = this.common(args, want, histogram);
    const filter = args.where ? await this.filters.measurement(args.where, 'where') : null;
    const plan: AggregatePlan = { ...common, name: 'measurements.statistics', kind: 'Measurement', filter, groupBy, mobileIons: [...MOBILE_IONS] };
    return this.run(plan, (key) => (property ? canonicalUnit(property) : typeof key.property === 'string' ? canonicalUnit(key.property as PropertyKind) : null), args.histogram);
  }

  async materials(
    args: StatisticsArgs<MaterialFilterInput, MaterialGroupKey> & { value: MaterialValueInput | null | undefined },
    selection: SelectedField,
  ): Promise<StatisticsView> {
    const want = wanted(selection);
    const groupBy = [...new Set(args.groupBy ?? [])];
    const property = args.value?.property ?? null;
    const bins = args.histogram ? histogramPlan(args.histogram, property, 'histogram') : null;
    const histogram = want.histogram ? bins : null;
    if (bins && !isValueField(bins.field)) throw new InvalidArgumentError('histogram.field', 'materials are binned by their value (VALUE or LOG10_VALUE, with `value`)');
    if ((want.value.length > 0 || want.log10.length > 0 || histogram) && !property) {
      throw new InvalidArgumentError('value', 'statistics of materials need the value of each material: give `value: { property: ..., statistic: ... }`');
    }
    const common = this.common(args, want, histogram);
    const filter = args.where ? await this.filters.material(args.where, 'where') : null;
    const materialValue = args.value ? { property: args.value.property, statistic: args.value.statistic ?? 'MAX' } : null;
    const plan: AggregatePlan = { ...common, name: 'materials.statistics', kind: 'Material', filter, groupBy, mobileIons: [...MOBILE_IONS], materialValue };
    return this.run(plan, () => (property ? canonicalUnit(property) : null), args.histogram);
  }

  /** Counts of interphase observations (the filters of `interphaseObservations`), grouped. */
  async observations(args: Omit<StatisticsArgs<InterphaseObservationFilterInput, ObservationGroupKey>, 'histogram'>): Promise<StatisticsView> {
    const common = this.common({ ...args, histogram: null }, { value: [], log10: [], histogram: false }, null);
    const filter = args.where ? await this.observationFilters.observation(args.where, 'where') : null;
    const plan: AggregatePlan = { ...common, name: 'interphaseObservations.statistics', kind: 'InterphaseObservation', filter, groupBy: [...new Set(args.groupBy ?? [])] };
    return this.run(plan, () => null, null);
  }

  private common(args: StatisticsArgs<unknown, string>, want: Wanted, histogram: HistogramPlan | null) {
    const first = args.first ?? DEFAULT_GROUPS;
    if (!Number.isInteger(first) || first < 0 || first > MAX_GROUPS) throw new InvalidArgumentError('first', `must be an integer from 0 to ${MAX_GROUPS}, got ${first}`);
    return { value: want.value, log10: want.log10, histogram, order: args.orderBy ?? 'KEY', first };
  }

  private async run(plan: AggregatePlan, unitOf: (key: Record<string, unknown>) => string | null, histogram: HistogramInput | null | undefined): Promise<StatisticsView> {
    const cost = aggregateCost(plan);
    if (cost > this.options.maxCost) throw new QueryTooComplexError(cost, this.options.maxCost);
    const rows = await this.store.run(plan);
    checkMaterialNames(rows.names);
    return {
      totalGroups: rows.totalGroups,
      groups: rows.groups.map((g) => {
        const key = keyOf(plan.groupBy, g.key as unknown[]);
        const unit = unitOf(key);
        return {
          key,
          count: g.count as number,
          value: g.value ? statisticsOf(g.value as Row, unit) : null,
          log10Value: g.log10Value ? statisticsOf(g.log10Value as Row, unit) : null,
          histogram: plan.histogram ? histogramOf(plan.histogram, histogram!, g) : null,
        };
      }),
    };
  }
}

/** The group keys by name; MATERIAL adds the material's name. */
function keyOf(groupBy: readonly string[], values: unknown[]): Record<string, unknown> {
  const key: Record<string, unknown> = Object.fromEntries(groupBy.map((k, i) => [GROUP_KEY_FIELD[k as MeasurementGroupKey], values[i] ?? null]));
  if (groupBy.includes('MATERIAL')) key.materialName = values[groupBy.length] ?? null;
  return key;
}

function statisticsOf(s: Row, unit: string | null): ValueStatisticsView {
  // the database's mean, standard deviation and interpolated quartiles carry binary noise (the mean of 0.1 and
  // 0.2 is 0.15000000000000002): rounded to 12 significant digits, far below any printed precision
  const n = (k: string) => (typeof s[k] === 'number' ? roundSignificant(s[k] as number) : null);
  const count = n('count') ?? 0;
  return { count, unit, min: n('min'), max: n('max'), mean: n('mean'), standardDeviation: count > 1 ? n('sd') : null, q1: n('q1'), median: n('median'), q3: n('q3') };
}

function histogramOf(plan: HistogramPlan, input: HistogramInput, g: Row): HistogramView {
  const bins = plan.edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (const [b, c] of g.binCounts as [number, number][]) {
    if (b < 0) below = c;
    else if (b >= bins) above = c;
    else counts[b] = c;
  }
  return { field: plan.field, unit: input.unit ?? null, edges: edgesOf(input), counts, below, above, missing: (g.count as number) - (g.binned as number) };
}

const isValueField = (f: HistogramField) => f === 'VALUE' || f === 'LOG10_VALUE';

/** The edges as asked (in the input's unit): `bins`, or from `min` by `width` up to `max`. */
function edgesOf(h: HistogramInput): number[] {
  if (h.bins) return h.bins;
  const n = Math.ceil((h.max! - h.min!) / h.width! - 1e-9);
  // rounded at the scale of the axis: min −5, width 0.1 gives edge 53 = 0.3, not 0.3000000000000007
  const scale = Math.max(Math.abs(h.min!), Math.abs(h.max!), h.width!);
  return Array.from({ length: n + 1 }, (_, i) => roundToScale(h.min! + i * h.width!, scale));
}

/** The histogram's edges validated and converted to the stored unit. @throws InvalidArgumentError naming `path.<argument>`. */
export function histogramPlan(h: HistogramInput, property: PropertyKind | null, path: string): HistogramPlan {
  const byWidth = [h.min, h.max, h.width].some((v) => v !== null && v !== undefined);
  if (h.bins && byWidth) throw new InvalidArgumentError(path, 'give either `bins` (the edges) or `min`, `max` and `width`, not both');
  if (!h.bins && !byWidth) throw new InvalidArgumentError(path, 'give `bins` (ascending edges) or `min`, `max` and `width`');
  if (byWidth) checkWidth(h, path);
  const edges = edgesOf(h);
  if (h.bins) checkEdges(edges, `${path}.bins`);
  return { field: h.field, edges: edges.map(toStored(h, property, path)) };
}

function checkWidth(h: HistogramInput, path: string): void {
  for (const k of ['min', 'max', 'width'] as const) {
    const v = h[k];
    if (v === null || v === undefined) throw new InvalidArgumentError(`${path}.${k}`, 'give `min`, `max` and `width` together');
    if (!Number.isFinite(v)) throw new InvalidArgumentError(`${path}.${k}`, `must be a finite number, got ${v}`);
  }
  if (h.width! <= 0) throw new InvalidArgumentError(`${path}.width`, `must be positive, got ${h.width}`);
  if (h.max! <= h.min!) throw new InvalidArgumentError(`${path}.max`, `must be above min (${h.min}), got ${h.max}`);
  const bins = Math.ceil((h.max! - h.min!) / h.width! - 1e-9);
  if (bins > MAX_HISTOGRAM_BINS) throw new InvalidArgumentError(`${path}.width`, `${bins} bins exceed the limit of ${MAX_HISTOGRAM_BINS}; use a wider width`);
}

function checkEdges(edges: number[], path: string): void {
  if (edges.length < 2) throw new InvalidArgumentError(path, 'give at least two edges (one bin)');
  if (edges.length > MAX_HISTOGRAM_BINS + 1) throw new InvalidArgumentError(path, `${edges.length - 1} bins exceed the limit of ${MAX_HISTOGRAM_BINS}`);
  edges.forEach((e, i) => {
    if (!Number.isFinite(e)) throw new InvalidArgumentError(`${path}[${i}]`, `must be a finite number, got ${e}`);
    if (i > 0 && e <= edges[i - 1]!) throw new InvalidArgumentError(`${path}[${i}]`, `edges must be strictly ascending: ${e} follows ${edges[i - 1]}`);
  });
}

/** An edge in the input's unit → the stored unit (canonical unit of the property, K, or decades of the canonical unit). */
function toStored(h: HistogramInput, property: PropertyKind | null, path: string): (edge: number) => number {
  const unit = h.unit ?? null;
  if (unit === null) return (e) => e;
  const at = `${path}.unit`;
  if (h.field === 'YEAR') throw new InvalidArgumentError(at, 'years have no unit');
  if (h.field === 'TEMPERATURE') {
    return (e) => {
      try {
        return toKelvin(e, unit);
      } catch (err) {
        if (err instanceof InvalidValueError) throw new InvalidArgumentError(at, `'${excerpt(unit)}': ${err.problem}; accepted units: 'K', '°C'`);
        throw err;
      }
    };
  }
  if (!property) throw new InvalidArgumentError(at, 'a unit of values needs one property: give `where.property` (or `value.property`)');
  if (h.field === 'VALUE') return (e) => toCanonicalValue(property, e, unit, at);
  // decades of `unit` → decades of the canonical unit
  const shift = Math.log10(toCanonicalValue(property, 1, unit, at));
  return (e) => e + shift;
}
