/**
 * The compiled fact lists beside measurements: reported stability windows, coating applications and
 * cells, with their parts (a cell's components and results, a coating's effects). One Cypher expression
 * per GraphQL field (only the selected fields are read), the relationship patterns their fields and
 * filters follow, and the stored properties their filters and orders may read. Registered in
 * projection.ts (FIELDS) and compile.ts (FILTERABLE, RELATION_PATTERN, RELATION_TARGET) with one line each.
 *
 * Parts read through a relationship in the source's order (components, results, effects) see the
 * relationship as `r<node variable>` (compile.ts names it so): a component's role is a property of its
 * HAS_COMPONENT relationship.
 */
import type { FactListKind, FactRelation, NodeKind } from './plan.js';
import { STABILITY_WINDOW } from '../../domain/model/stabilityWindow.kind.js';
import { filterableOf, outputKeysOf, projectionOf } from '../nodeKinds.js';
import { direct, FACT_DERIVED, QUANTITY_FIELDS, type Expr } from './projection.quantity.js';


const onRel = (name: string): Expr => (v) => `r${v}.${name}`;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** A quantity stored flat under `prefix` (seed.store.ts quantityProps) as a `Quantity` map; null without a printed value. */
export function quantityMap(v: string, prefix: string): string {
  const k = (name: string) => `${v}.${prefix ? prefix + cap(name) : name}`;
  return (
    `CASE WHEN ${k('printedValue')} IS NULL THEN null ELSE {qualifier: ${k('qualifier')}, value: ${k('value')}, min: ${k('min')}, ` +
    `max: ${k('max')}, unit: coalesce(${k('unit')}, ''), printedValue: ${k('printedValue')}, printedUnit: ${k('printedUnit')}, ` +
    `unitAsMeant: ${k('unitAsMeant')}, uncertainty: ${k('uncertainty')}, approximate: coalesce(${k('approximate')}, false)} END`
  );
}

const variantOf = (v: string) => `head(COLLECT { MATCH (${v})-[:OF_VARIANT]->(vv:MaterialVariant) RETURN vv.id })`;
const relVariant = (rel: string) => (v: string) => `head(COLLECT { MATCH (${v})-[r:${rel}]->(:Material) RETURN r.variantId })`;
/**
 * A reported stability window's fields (domain/model/stabilityWindow.kind.ts): its stored properties, what
 * every fact reads, its material, and each limit rebuilt from the properties it is stored as (a potential
 * flat under the side's name, a text, and the flag that tells a qualitative limit from none).
 */
export const WINDOW_PROJECTION: Record<string, Expr> = projectionOf(STABILITY_WINDOW, {
  ...FACT_DERIVED,
  reduction: (v) => limit(v, 'reductionQuantity', 'reductionText', 'hasReduction'),
  oxidation: (v) => limit(v, 'oxidationQuantity', 'oxidationText', 'hasOxidation'),
  // hidden key the uncompiled field resolver reads (material)
  materialId: (v) => `head(COLLECT { MATCH (m:Material)-[:HAS_WINDOW]->(${v}) RETURN m.id })`,
});

type WindowKey = keyof typeof STABILITY_WINDOW.properties;

/** A limit of a window over node variable `v`, from the window's stored parts of it (null when the window has none). */
function limit(v: string, quantity: WindowKey, text: WindowKey, has: WindowKey): string {
  const part = (key: string) => WINDOW_PROJECTION[key]!(v);
  return `CASE WHEN ${part(has)} THEN {quantity: ${part(quantity)}, text: ${part(text)}} END`;
}

const COATING: Record<string, Expr> = {
  id: direct('id'),
  role: direct('role'),
  substrateText: direct('substrateText'),
  method: direct('method'),
  methodText: direct('methodText'),
  thickness: (v) => quantityMap(v, 'thickness'),
  loading: direct('loading'),
  effectText: direct('effectText'),
  variantId: variantOf,
  substrateVariantId: relVariant('APPLIED_ON'),
  electrolyteVariantId: relVariant('PAIRED_WITH'),
};

const EFFECT: Record<string, Expr> = {
  position: onRel('position'),
  property: direct('property'),
  propertyText: direct('propertyText'),
  before: (v) => quantityMap(v, 'before'),
  after: (v) => quantityMap(v, 'after'),
  value: (v) => quantityMap(v, 'value'),
  text: direct('text'),
};


const RESULT: Record<string, Expr> = {
  position: onRel('position'),
  ...QUANTITY_FIELDS,
  property: direct('property'),
  propertyText: direct('propertyText'),
  atCycle: direct('atCycle'),
  text: direct('text'),
};

const COMPONENT: Record<string, Expr> = {
  position: onRel('position'),
  role: onRel('role'),
  text: onRel('text'),
  variantId: onRel('variantId'),
};

const CONDITIONS: Record<string, string> = {
  temperatureText: 'temperatureText',
  temperatureK: 'temperatureK',
  currentDensity: 'currentDensity',
  cRate: 'cRate',
  stackPressure: 'stackPressure',
  arealLoading: 'arealLoading',
  voltageRange: 'voltageRange',
  other: 'conditionsOther',
};

const CELL: Record<string, Expr> = {
  id: direct('id'),
  cellType: direct('cellType'),
  conditions: (v) => `{${Object.entries(CONDITIONS).map(([field, stored]) => `${field}: ${v}.${stored}`).join(', ')}}`,
  resultText: direct('resultText'),
  variantId: variantOf,
};

export const FACT_FIELDS: Record<FactListKind, Record<string, Expr>> = {
  StabilityWindow: WINDOW_PROJECTION,
  CoatingApplication: COATING,
  Cell: CELL,
  CellComponent: COMPONENT,
  CellResult: RESULT,
  CoatingEffect: EFFECT,
};

/** Parts have no id of their own: their position in the source's list identifies them. */
export const FACT_ID_FIELD: Record<FactListKind, string> = {
  StabilityWindow: 'id',
  CoatingApplication: 'id',
  Cell: 'id',
  CellComponent: 'position',
  CellResult: 'position',
  CoatingEffect: 'position',
};

/** GraphQL fields whose value sits under another key of the record type (`reductionLimit` is the property `reduction`). */
export const FACT_OUTPUT_KEY: Partial<Record<NodeKind, Record<string, string>>> = {
  StabilityWindow: outputKeysOf(STABILITY_WINDOW),
};

/** Stored properties that filters and orders of the fact lists may read. */
export const FACT_FILTERABLE: Record<FactListKind, ReadonlySet<string>> = {
  StabilityWindow: filterableOf(STABILITY_WINDOW),
  CoatingApplication: new Set(['id', 'method', 'role', 'review']),
  Cell: new Set(['id', 'cellType', 'review', 'temperatureK']),
  CellComponent: new Set([]),
  CellResult: new Set(['property', 'atCycle']),
  CoatingEffect: new Set(['property']),
};

const ELECTROLYTE_ROLES = "['ELECTROLYTE', 'CATHOLYTE', 'ANOLYTE']";
const component = (roles: string | null) => (from: string, to: string) =>
  roles === null
    ? `(${from})-[:HAS_COMPONENT]->(${to}:Material)`
    : `(${from})-[c${to}:HAS_COMPONENT WHERE c${to}.role IN ${roles}]->(${to}:Material)`;
const REPORTED = (from: string) => `(${from})<-[:REPORTED_BY|CORRECTED_REFERENCE|ASSERTED_IN]-(:Fact)`;

/** Relationship patterns (without a relationship variable: filters, and fields read by id). */
export const FACT_RELATION_PATTERN: Record<FactRelation, (from: string, to: string) => string> = {
  windowMaterial: (from, to) => `(${to}:Material)-[:HAS_WINDOW]->(${from})`,
  coatingMaterial: (from, to) => `(${from})-[:COATING]->(${to}:Material)`,
  substrate: (from, to) => `(${from})-[:APPLIED_ON]->(${to}:Material)`,
  pairedElectrolyte: (from, to) => `(${from})-[:PAIRED_WITH]->(${to}:Material)`,
  coatingCells: (from, to) => `(${from})-[:TESTED_IN]->(${to}:Cell)`,
  cellCoatings: (from, to) => `(${to}:CoatingApplication)-[:TESTED_IN]->(${from})`,
  components: component(null),
  electrolyteComponents: component(ELECTROLYTE_ROLES),
  cathodeComponents: component("['CATHODE']"),
  anodeComponents: component("['ANODE']"),
  results: (from, to) => `(${from})-[:HAS_RESULT]->(${to}:CellResult)`,
  effects: (from, to) => `(${from})-[:HAS_EFFECT]->(${to}:CoatingEffect)`,
  citingReviews: (from, to) => `(${to}:Review)-[:CITES]->(${from})`,
  reportedMeasuredMaterial: (from, to) => `${REPORTED(from)}<-[:HAS_MEASUREMENT|HAS_WINDOW]-(${to}:Material)`,
  reportedInterfaceMaterial: (from, to) => `${REPORTED(from)}-[:AT]->(:Interface)-[:ELECTROLYTE|COUNTERPART]->(${to}:Material)`,
  reportedPartMaterial: (from, to) => `${REPORTED(from)}-[:COATING|APPLIED_ON|PAIRED_WITH|HAS_COMPONENT|PRODUCES]->(${to}:Material)`,
  materialWindows: (from, to) => `(${from})-[:HAS_WINDOW]->(${to}:StabilityWindow)`,
  materialCoatings: (from, to) => `(${to}:CoatingApplication)-[:COATING|APPLIED_ON|PAIRED_WITH]->(${from})`,
  materialCells: (from, to) => `(${to}:Cell)-[:HAS_COMPONENT]->(${from})`,
  materialCoatingsAsCoating: (from, to) => `(${to}:CoatingApplication)-[:COATING]->(${from})`,
  materialCoatingsAsSubstrate: (from, to) => `(${to}:CoatingApplication)-[:APPLIED_ON]->(${from})`,
  materialCoatingsAsElectrolyte: (from, to) => `(${to}:CoatingApplication)-[:PAIRED_WITH]->(${from})`,
  coatedWith: (from, to) => `(${to}:CoatingApplication)-[:APPLIED_ON|PAIRED_WITH]->(${from})`,
};

/** The node kind at the far end of each pattern (what a filter on it reads). */
export const FACT_RELATION_TARGET: Record<FactRelation, NodeKind> = {
  windowMaterial: 'Material',
  coatingMaterial: 'Material',
  substrate: 'Material',
  pairedElectrolyte: 'Material',
  coatingCells: 'Cell',
  cellCoatings: 'CoatingApplication',
  components: 'Material',
  electrolyteComponents: 'Material',
  cathodeComponents: 'Material',
  anodeComponents: 'Material',
  results: 'CellResult',
  effects: 'CoatingEffect',
  citingReviews: 'Publication',
  reportedMeasuredMaterial: 'Material',
  reportedInterfaceMaterial: 'Material',
  reportedPartMaterial: 'Material',
  materialWindows: 'StabilityWindow',
  materialCoatings: 'CoatingApplication',
  materialCells: 'Cell',
  materialCoatingsAsCoating: 'CoatingApplication',
  materialCoatingsAsSubstrate: 'CoatingApplication',
  materialCoatingsAsElectrolyte: 'CoatingApplication',
  coatedWith: 'CoatingApplication',
};

/** Lists read in the source's order: the pattern binds the relationship as `rel` (its `position` orders them). */
export const FACT_BY_POSITION: Partial<Record<FactRelation, (from: string, to: string, rel: string) => string>> = {
  components: (from, to, rel) => `(${from})-[${rel}:HAS_COMPONENT]->(${to}:Material)`,
  results: (from, to, rel) => `(${from})-[${rel}:HAS_RESULT]->(${to}:CellResult)`,
  effects: (from, to, rel) => `(${from})-[${rel}:HAS_EFFECT]->(${to}:CoatingEffect)`,
};

/** Fields of one object (a window's material, a coating's coating material...). */
export const FACT_SINGLE: ReadonlySet<string> = new Set(['windowMaterial', 'coatingMaterial', 'substrate', 'pairedElectrolyte']);




