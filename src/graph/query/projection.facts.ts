/**
 * The compiled fact lists beside measurements: reported stability windows, coating applications,
 * cells and claims (projection.claims.ts), with their parts (a cell's components and results, a coating's effects). One Cypher expression
 * per GraphQL field (only the selected fields are read), the relationship patterns their fields and
 * filters follow, and the stored properties their filters and orders may read. Registered in
 * projection.ts (FIELDS) and compile.ts (FILTERABLE, RELATION_PATTERN, RELATION_TARGET) with one line each.
 *
 * Parts read through a relationship in the source's order (components, results, effects) see the
 * relationship as `r<node variable>` (compile.ts names it so): a component's role is a property of its
 * HAS_COMPONENT relationship.
 */
import type { FactListKind, FactRelation, NodeKind } from './plan.js';
import { CELL as CELL_KIND, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT, HAS_RESULT } from '../../domain/model/cell.kind.js';
import { APPLIED_ON, COATING_APPLICATION, COATING_EFFECT, HAS_EFFECT, PAIRED_WITH } from '../../domain/model/coating.kind.js';
import type { PositionedKind } from '../../domain/model/property.js';
import { STABILITY_WINDOW } from '../../domain/model/stabilityWindow.kind.js';
import { filterableOf, positionOf, projectionOf, propertyOf, recordMap, relationshipOf, throughRelationship } from '../nodeKinds.js';
import { FACT_DERIVED, inSourceOrder, type Expr, type InOrder } from './projection.quantity.js';
import { CLAIM_BY_POSITION, CLAIM_FIELDS, CLAIM_FILTERABLE, CLAIM_ID_FIELD, CLAIM_RELATION_PATTERN, CLAIM_RELATION_TARGET } from './projection.claims.js';

/** The position of a part on the relationship that reaches it (declared by `kind`), bound as `r<node variable>`. */
const positionOn = (kind: PositionedKind): Expr => (v) => positionOf(kind)(`r${v}`);
/** The variant recorded on a coating's APPLIED_ON / PAIRED_WITH relationship (domain/model/coating.kind.ts). */
const relVariant = (kind: typeof APPLIED_ON | typeof PAIRED_WITH) => (v: string) =>
  `head(COLLECT { MATCH (${v})-[${relationshipOf(kind, 'r')}]->(:Material) RETURN ${propertyOf(kind, 'variantId')('r')} })`;
/** The parts of `v` reached through relationships of a positioned `kind`, each read as `recordMap(part)`, in the source's order. */
const partsInOrder = (kind: PositionedKind, v: string, part: string, label: string, map: string) =>
  `COLLECT { MATCH (${v})-[${relationshipOf(kind, `r${part}`)}]->(${part}:${label}) RETURN ${map} ORDER BY ${positionOf(kind)(`r${part}`)} }`;
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

/** A coating effect's fields (domain/model/coating.kind.ts); its position is on the HAS_EFFECT relationship. */
const EFFECT: Record<string, Expr> = projectionOf(COATING_EFFECT, { position: positionOn(HAS_EFFECT) });

/** A coating application's fields (domain/model/coating.kind.ts); `effects` as the DataLoader reads them (the compiled lists follow `effects`). */
export const COATING: Record<string, Expr> = projectionOf(COATING_APPLICATION, {
  ...FACT_DERIVED,
  effects: (v) => partsInOrder(HAS_EFFECT, v, `${v}e`, 'CoatingEffect', recordMap(COATING_EFFECT, EFFECT, `${v}e`)),
  // hidden keys the uncompiled field resolvers read (coating, substrate, electrolyte and their variants, cells)
  coatingId: (v) => `head(COLLECT { MATCH (${v})-[:COATING]->(m:Material) RETURN m.id })`,
  substrateId: (v) => `head(COLLECT { MATCH (${v})-[:APPLIED_ON]->(m:Material) RETURN m.id })`,
  substrateVariantId: relVariant(APPLIED_ON),
  electrolyteId: (v) => `head(COLLECT { MATCH (${v})-[:PAIRED_WITH]->(m:Material) RETURN m.id })`,
  electrolyteVariantId: relVariant(PAIRED_WITH),
  cellIds: (v) => `COLLECT { MATCH (${v})-[:TESTED_IN]->(b:Cell) RETURN b.id ORDER BY b.id }`,
});

/** A cell result's fields (domain/model/cell.kind.ts: a value's fields unprefixed); its position is on the HAS_RESULT relationship. */
const RESULT: Record<string, Expr> = projectionOf(CELL_RESULT, { position: positionOn(HAS_RESULT) });

/** A cell component's fields (domain/model/cell.kind.ts), read from its HAS_COMPONENT relationship; the material is the node it reaches. */
const COMPONENT: Record<string, Expr> = throughRelationship(CELL_COMPONENT, projectionOf(CELL_COMPONENT, { materialId: (v) => `${v}.id` }));

/** A cell's conditions, stored on the cell's node (domain/model/cell.kind.ts). */
const CONDITIONS: Record<string, Expr> = projectionOf(CELL_CONDITIONS, {});

/** A cell's fields (domain/model/cell.kind.ts); `components` and `results` as the DataLoader reads them (the compiled lists follow them). */
export const CELL: Record<string, Expr> = projectionOf(CELL_KIND, {
  ...FACT_DERIVED,
  components: (v) => partsInOrder(CELL_COMPONENT, v, `${v}c`, 'Material', recordMap(CELL_COMPONENT, COMPONENT, `${v}c`)),
  conditions: (v) => recordMap(CELL_CONDITIONS, CONDITIONS, v),
  results: (v) => partsInOrder(HAS_RESULT, v, `${v}r`, 'CellResult', recordMap(CELL_RESULT, RESULT, `${v}r`)),
  // hidden key the uncompiled field resolver reads (coatingApplications)
  coatingApplicationIds: (v) => `COLLECT { MATCH (c:CoatingApplication)-[:TESTED_IN]->(${v}) RETURN c.id ORDER BY c.id }`,
});

export const FACT_FIELDS: Record<FactListKind, Record<string, Expr>> = {
  StabilityWindow: WINDOW_PROJECTION,
  CoatingApplication: COATING,
  Cell: CELL,
  CellComponent: COMPONENT,
  CellResult: RESULT,
  CoatingEffect: EFFECT,
  ...CLAIM_FIELDS,
};

/** Parts have no id of their own: their position in the source's list identifies them. */
export const FACT_ID_FIELD: Record<FactListKind, string> = {
  StabilityWindow: 'id',
  CoatingApplication: 'id',
  Cell: 'id',
  CellComponent: 'position',
  CellResult: 'position',
  CoatingEffect: 'position',
  ...CLAIM_ID_FIELD,
};

/** Stored properties that filters and orders of the fact lists may read. */
export const FACT_FILTERABLE: Record<FactListKind, ReadonlySet<string>> = {
  StabilityWindow: filterableOf(STABILITY_WINDOW),
  CoatingApplication: filterableOf(COATING_APPLICATION),
  // a cell's conditions are stored on its node
  Cell: filterableOf(CELL_KIND, [...filterableOf(CELL_CONDITIONS)]),
  CellComponent: filterableOf(CELL_COMPONENT),
  CellResult: filterableOf(CELL_RESULT),
  CoatingEffect: filterableOf(COATING_EFFECT),
  ...CLAIM_FILTERABLE,
};

export const ELECTROLYTE_ROLES = "['ELECTROLYTE', 'CATHOLYTE', 'ANOLYTE']";
const componentRole = propertyOf(CELL_COMPONENT, 'role');
const component = (roles: string | null) => (from: string, to: string) =>
  roles === null
    ? `(${from})-[${relationshipOf(CELL_COMPONENT)}]->(${to}:Material)`
    : `(${from})-[${relationshipOf(CELL_COMPONENT, `c${to}`)} WHERE ${componentRole(`c${to}`)} IN ${roles}]->(${to}:Material)`;
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
  ...CLAIM_RELATION_PATTERN,
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
  ...CLAIM_RELATION_TARGET,
};

/** Lists read in the source's order: the pattern binds the relationship as `rel`, its declared `position` orders them. */
export const FACT_BY_POSITION: Partial<Record<FactRelation, InOrder>> = {
  components: inSourceOrder(CELL_COMPONENT, (from, to, rel) => `(${from})-[${rel}]->(${to}:Material)`),
  results: inSourceOrder(HAS_RESULT, (from, to, rel) => `(${from})-[${rel}]->(${to}:CellResult)`),
  effects: inSourceOrder(HAS_EFFECT, (from, to, rel) => `(${from})-[${rel}]->(${to}:CoatingEffect)`),
  ...CLAIM_BY_POSITION,
};

/** Fields of one object (a window's material, a coating's coating material...). */
export const FACT_SINGLE: ReadonlySet<string> = new Set(['windowMaterial', 'coatingMaterial', 'substrate', 'pairedElectrolyte']);




