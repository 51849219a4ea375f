/**
 * Aggregates for dashboards: counts, statistics and histograms of a filtered list, grouped, compiled into
 * ONE Cypher statement (the aggregation runs in Neo4j: count, min, max, avg, stDev, percentileCont, and
 * the bin counts of a histogram; no row reaches JavaScript). The filter is the plan `Filter` of the
 * compiled lists, transpiled by `filterText`, so a `where` means the same here as in `measurements`.
 *
 * Shape of a statement:
 *   [WITH ... AS ref0, ...]                                     (material names of the filter: compile.names.ts)
 *   MATCH (x0:Kind) WHERE <filter>
 *   [OPTIONAL MATCH the measured material, `mat`]  [CALL { a material's statistic of a property, `k` }]
 *   [UNWIND <the material's families, or [null]> AS g_family]         (FAMILY: one row per family)
 *   WITH <group keys k0, k1, ...>, <value> AS v, <histogram field> AS h
 *   WITH k0, ..., count(*) AS n, count(v) ..., percentileCont(v, 0.5) ..., collect(<bin index of h>) AS bins
 *   CALL { WITH bins UNWIND bins AS b WITH b, count(*) AS c ORDER BY b RETURN collect([b, c]) AS binCounts }
 *   WITH ... ORDER BY <keys | count DESC>
 *   WITH collect({key: {...}, count: n, ...}) AS groups
 *   RETURN size(groups) AS totalGroups, groups[0..$first] AS groups[, <what the name lookups found> AS nameChecks]
 */
import neo4j from 'neo4j-driver';
import { filterText, namesOf, Scope, statisticCall } from './compile.js';
import type { Filter, MaterialNameRef } from './plan.js';

/** Keys measurements can be grouped by (several: combined groups). */
export type MeasurementGroupKey = 'FAMILY' | 'MAIN_FAMILY' | 'CHEMICAL_CLASS' | 'MOBILE_ION' | 'YEAR' | 'REVIEW' | 'PROPERTY' | 'MATERIAL';
/** Keys materials can be grouped by. */
export type MaterialGroupKey = 'FAMILY' | 'MAIN_FAMILY' | 'CHEMICAL_CLASS' | 'KIND' | 'MOBILE_ION';
export type HistogramField = 'VALUE' | 'LOG10_VALUE' | 'TEMPERATURE' | 'YEAR';
/** A statistic of a group's numbers (`sd`: the sample standard deviation). */
export type StatisticName = 'count' | 'min' | 'max' | 'mean' | 'sd' | 'q1' | 'median' | 'q3';

/** Bins of a histogram: ascending edges in the stored unit; bin i is [edges[i], edges[i+1]), the last one closed. */
export interface HistogramPlan {
  field: HistogramField;
  edges: number[];
}

interface AggregateCommon {
  name: string;
  /** Statistics of the value (canonical unit), and of its log10 (positive values only): those asked for, none when empty. */
  value: StatisticName[];
  log10: StatisticName[];
  histogram: HistogramPlan | null;
  /** Groups by their keys (nulls last), or the largest first. */
  order: 'KEY' | 'COUNT';
  /** Most groups returned (the statement counts them all). */
  first: number;
}

export interface MeasurementAggregatePlan extends AggregateCommon {
  kind: 'Measurement';
  filter: Filter | null;
  groupBy: MeasurementGroupKey[];
  /** Elements read as a material's mobile ion, in order of precedence. */
  mobileIons: string[];
}

export interface MaterialAggregatePlan extends AggregateCommon {
  kind: 'Material';
  filter: Filter | null;
  groupBy: MaterialGroupKey[];
  mobileIons: string[];
  /** The value of a material: a statistic of its reported values of a property (null: counts only). */
  materialValue: { property: string; statistic: 'MAX' | 'MIN' | 'MEDIAN' | 'LATEST' } | null;
}

/** Keys interphase observations can be grouped by. */
export type ObservationGroupKey = 'INTERPHASE_TYPE' | 'STABILITY_CLASS' | 'COUNTERPART_KIND' | 'REVIEW' | 'TECHNIQUE';

/** Counts of interphase observations (the filter of `interphaseObservations`). */
export interface ObservationAggregatePlan extends AggregateCommon {
  kind: 'InterphaseObservation';
  filter: Filter | null;
  groupBy: ObservationGroupKey[];
}

export type AggregatePlan = MeasurementAggregatePlan | MaterialAggregatePlan | ObservationAggregatePlan;

/** The response key of each group key in the `key` map of a group. */
export const GROUP_KEY_FIELD: Record<MeasurementGroupKey | MaterialGroupKey | ObservationGroupKey, string> = {
  INTERPHASE_TYPE: 'interphaseType',
  STABILITY_CLASS: 'stabilityClass',
  COUNTERPART_KIND: 'counterpartKind',
  TECHNIQUE: 'technique',
  FAMILY: 'family',
  MAIN_FAMILY: 'mainFamily',
  CHEMICAL_CLASS: 'chemicalClass',
  MOBILE_ION: 'mobileIon',
  YEAR: 'year',
  REVIEW: 'review',
  PROPERTY: 'property',
  MATERIAL: 'materialId',
  KIND: 'kind',
};

export interface CompiledAggregate {
  name: string;
  text: string;
  params: Record<string, unknown>;
  /** The material names the statement resolves, in the order of the `nameChecks` it returns. */
  nameRefs: MaterialNameRef[];
}

/** The year of a measurement: the earliest year among the publications it cites (null when none has one). */
const measurementYear = (x: string) =>
  `head(COLLECT { MATCH (${x})-[:REPORTED_BY]->(py:Publication) WHERE py.year IS NOT NULL RETURN py.year ORDER BY py.year })`;

const mobileIon = (mat: string, ions: string) => `head([e IN ${ions} WHERE e IN coalesce(${mat}.elements, [])])`;
const FAMILY_ROWS = (mat: string) => `CASE WHEN size(coalesce(${mat}.families, [])) = 0 THEN [null] ELSE ${mat}.families END`;

interface Rows {
  lines: string[];
  keys: string[];
  value: string | null;
  histogram: string | null;
}

/** The rows of a measurement aggregate: one per measurement (per family of its material for FAMILY). */
function measurementRows(plan: MeasurementAggregatePlan, scope: Scope): Rows {
  const x = scope.variable();
  const lines = [`MATCH (${x}:Measurement:Fact)${plan.filter ? ` WHERE ${filterText(plan.filter, 'Measurement', x, scope)}` : ''}`];
  const needsMaterial = plan.groupBy.some((k) => k !== 'YEAR' && k !== 'REVIEW' && k !== 'PROPERTY');
  // a measurement has at most one material (every writer links it from its record's one materialId)
  if (needsMaterial) lines.push(`OPTIONAL MATCH (mat:Material)-[:HAS_MEASUREMENT]->(${x})`);
  if (plan.groupBy.includes('FAMILY')) lines.push(`UNWIND ${FAMILY_ROWS('mat')} AS g_family`);
  const ions = plan.groupBy.includes('MOBILE_ION') ? scope.param(plan.mobileIons) : '';
  const KEY: Record<MeasurementGroupKey, string> = {
    FAMILY: 'g_family',
    MAIN_FAMILY: 'mat.family',
    CHEMICAL_CLASS: 'mat.chemicalClass',
    MOBILE_ION: mobileIon('mat', ions),
    YEAR: measurementYear(x),
    REVIEW: `${x}.review`,
    PROPERTY: `${x}.property`,
    MATERIAL: 'mat.id',
  };
  const keys = plan.groupBy.map((k) => KEY[k]);
  if (plan.groupBy.includes('MATERIAL')) keys.push('mat.name');
  const field: Record<HistogramField, string> = {
    VALUE: `${x}.value`,
    LOG10_VALUE: `CASE WHEN ${x}.value > 0 THEN log10(${x}.value) END`,
    TEMPERATURE: `${x}.temperatureK`,
    YEAR: measurementYear(x),
  };
  return { lines, keys, value: `${x}.value`, histogram: plan.histogram ? field[plan.histogram.field] : null };
}

/** The rows of a material aggregate: one per material (per family for FAMILY), `k` its value if asked. */
function materialRows(plan: MaterialAggregatePlan, scope: Scope): Rows {
  const x = scope.variable();
  const lines = [`MATCH (${x}:Material)${plan.filter ? ` WHERE ${filterText(plan.filter, 'Material', x, scope)}` : ''}`];
  if (plan.materialValue) lines.push(statisticCall({ kind: 'materialPropertyValue', ...plan.materialValue }, x, scope));
  if (plan.groupBy.includes('FAMILY')) lines.push(`UNWIND ${FAMILY_ROWS(x)} AS g_family`);
  const ions = plan.groupBy.includes('MOBILE_ION') ? scope.param(plan.mobileIons) : '';
  const KEY: Record<MaterialGroupKey, string> = {
    FAMILY: 'g_family',
    MAIN_FAMILY: `${x}.family`,
    CHEMICAL_CLASS: `${x}.chemicalClass`,
    KIND: `coalesce(${x}.kind, 'COMPOSITION')`,
    MOBILE_ION: mobileIon(x, ions),
  };
  const value = plan.materialValue ? 'k' : null;
  const histogram = plan.histogram && value ? (plan.histogram.field === 'LOG10_VALUE' ? `CASE WHEN ${value} > 0 THEN log10(${value}) END` : value) : null;
  return { lines, keys: plan.groupBy.map((k) => KEY[k]), value, histogram };
}

/** The rows of an observation count: one per observation (per technique of its evidence for TECHNIQUE). */
function observationRows(plan: ObservationAggregatePlan, scope: Scope): Rows {
  const x = scope.variable();
  const lines = [`MATCH (${x}:InterphaseObservation:Fact)${plan.filter ? ` WHERE ${filterText(plan.filter, 'InterphaseObservation', x, scope)}` : ''}`];
  if (plan.groupBy.includes('TECHNIQUE')) {
    lines.push(`UNWIND CASE WHEN EXISTS { (${x})-[:EVIDENCE]->(:Technique) } THEN COLLECT { MATCH (${x})-[:EVIDENCE]->(t:Technique) RETURN DISTINCT t.id } ELSE [null] END AS g_technique`);
  }
  const KEY: Record<ObservationGroupKey, string> = {
    INTERPHASE_TYPE: `${x}.interphaseType`,
    STABILITY_CLASS: `${x}.stabilityClass`,
    COUNTERPART_KIND: `head(COLLECT { MATCH (${x})-[:AT]->(i:Interface) RETURN i.counterpartKind })`,
    REVIEW: `${x}.review`,
    TECHNIQUE: 'g_technique',
  };
  return { lines, keys: plan.groupBy.map((k) => KEY[k]), value: null, histogram: null };
}

const AGGREGATE: Record<StatisticName, (v: string) => string> = {
  count: (v) => `count(${v})`,
  min: (v) => `min(${v})`,
  max: (v) => `max(${v})`,
  mean: (v) => `avg(${v})`,
  sd: (v) => `stDev(${v})`,
  q1: (v) => `percentileCont(${v}, 0.25)`,
  median: (v) => `percentileCont(${v}, 0.5)`,
  q3: (v) => `percentileCont(${v}, 0.75)`,
};

/** The statistics asked for of `v` (already bound), as `<prefix>_<name>` columns. */
function statistics(v: string, prefix: string, names: StatisticName[]): string[] {
  return names.map((s) => `${AGGREGATE[s](v)} AS ${prefix}_${s}`);
}

const statisticsMap = (prefix: string, names: StatisticName[]) => `{${names.map((s) => `${s}: ${prefix}_${s}`).join(', ')}}`;

/** The bin index of `h`: -1 below the first edge, n above the last, null without a value. */
function binIndex(h: string, edges: number[], scope: Scope): string {
  const e = scope.param(edges);
  const n = edges.length - 1;
  const last = scope.param(edges[n]);
  return (
    `CASE WHEN ${h} IS NULL THEN null WHEN ${h} < ${e}[0] THEN -1 WHEN ${h} > ${last} THEN ${n} WHEN ${h} = ${last} THEN ${n - 1} ` +
    `ELSE size([edge IN ${e} WHERE edge <= ${h}]) - 1 END`
  );
}

/** What one statement aggregates: the group key variables, the statistics of `v` and of `lv`, the histogram field. */
interface Aggregation {
  keyVars: string[];
  value: StatisticName[];
  log10: StatisticName[];
  histogram: HistogramPlan | null;
}

/** The aggregate statement of a plan. */
export function compileAggregate(plan: AggregatePlan): CompiledAggregate {
  const scope = new Scope();
  const rows = plan.kind === 'Measurement' ? measurementRows(plan, scope) : plan.kind === 'Material' ? materialRows(plan, scope) : observationRows(plan, scope);
  const a: Aggregation = {
    keyVars: rows.keys.map((_, i) => `k${i}`),
    value: rows.value !== null ? plan.value : [],
    log10: rows.value !== null ? plan.log10 : [],
    histogram: rows.histogram ? plan.histogram : null,
  };
  const body = [...rows.lines, ...aggregationLines(rows, a, scope), ...groupLines(plan, a, scope)];
  // the material names the filter reads, resolved first; what their lookups found returned with the groups
  const names = namesOf(scope);
  const lines = [...names.prelude, ...body.slice(0, -1), [body[body.length - 1]!, ...names.returns].join(', ')];
  return { name: plan.name, text: `// ${plan.name}\n${lines.join('\n')}`, params: scope.params, nameRefs: names.refs };
}

/** Per row: the keys, `v`, `lv` and `h`; per group: the count, the statistics and the bin counts. */
function aggregationLines(rows: Rows, a: Aggregation, scope: Scope): string[] {
  const lines: string[] = [];
  const carried = rows.keys.map((k, i) => `${k} AS ${a.keyVars[i]}`);
  if (a.value.length > 0 || a.log10.length > 0) carried.push(`${rows.value} AS v`);
  if (a.histogram) carried.push(`${rows.histogram} AS h`);
  lines.push(`WITH ${carried.join(', ') || 'true AS one'}`);
  if (a.log10.length > 0) lines.push(`WITH ${[...a.keyVars, 'v', 'CASE WHEN v > 0 THEN log10(v) END AS lv', ...(a.histogram ? ['h'] : [])].join(', ')}`);
  const aggregates = ['count(*) AS n', ...statistics('v', 'v', a.value), ...statistics('lv', 'lv', a.log10)];
  if (a.histogram) aggregates.push(`collect(${binIndex('h', a.histogram.edges, scope)}) AS bins`);
  lines.push(`WITH ${[...a.keyVars, ...aggregates].join(', ')}`);
  if (a.histogram) lines.push('CALL { WITH bins UNWIND bins AS b WITH b, count(*) AS c ORDER BY b RETURN collect([b, c]) AS binCounts }');
  return lines;
}

/** The groups ordered, collected as maps, counted and cut to `first`. */
function groupLines(plan: AggregatePlan, a: Aggregation, scope: Scope): string[] {
  const columns = [...a.keyVars, 'n', ...a.value.map((s) => `v_${s}`), ...a.log10.map((s) => `lv_${s}`)];
  if (a.histogram) columns.push('binCounts', 'size(bins) AS binned');
  const order = plan.order === 'COUNT' ? ['n DESC', ...a.keyVars] : [...a.keyVars, 'n DESC'];
  const entries = [`key: [${a.keyVars.join(', ')}]`, 'count: n'];
  if (a.value.length > 0) entries.push(`value: ${statisticsMap('v', a.value)}`);
  if (a.log10.length > 0) entries.push(`log10Value: ${statisticsMap('lv', a.log10)}`);
  if (a.histogram) entries.push('binCounts: binCounts', 'binned: binned');
  return [
    `WITH ${columns.join(', ')} ORDER BY ${order.join(', ')}`,
    `WITH collect({${entries.join(', ')}}) AS groups`,
    `RETURN size(groups) AS totalGroups, groups[0..${scope.param(neo4j.int(plan.first))}] AS groups`,
  ];
}

/**
 * The estimated cost of an aggregate, in the points of the request limits: per group returned, its key,
 * count, statistics and bins. The rows scanned are the filtered list's (bounded by the graph and the
 * transaction timeout; not known before the statement runs).
 */
export function aggregateCost(plan: AggregatePlan): number {
  const perGroup =
    1 + plan.groupBy.length + plan.value.length + plan.log10.length + (plan.histogram ? plan.histogram.edges.length + 3 : 0);
  return 1 + Math.max(1, plan.first) * perGroup;
}
