/**
 * How each compiled GraphQL field of a node kind is read: one Cypher expression per field over the node
 * variable, so that a statement reads only the selected properties (never `x {.*}`, never the per-source
 * property copies unless a field needs them). Object-valued fields stored flat on the node (a material's
 * composition and aliases, a measurement's structure) are rebuilt as maps in the statement.
 */
import { CITATION } from '../../domain/model/citation.kind.js';
import { projectionOf } from '../nodeKinds.js';
import type { NodeKind } from './plan.js';
import { direct, QUANTITY_FIELDS, SOURCE_PROJECTION, type Expr } from './projection.quantity.js';
import { INTERFACE_FIELDS, INTERFACE_ID_FIELD } from './projection.interface.js';
import { FACT_FIELDS, FACT_ID_FIELD, FACT_OUTPUT_KEY } from './projection.facts.js';
import { DATASET_PROJECTION, MATERIAL_PROJECTION, PUBLICATION_PROJECTION } from './projection.material.js';

/** A measurement's value read as a number for log plots: the value, else the bound its qualifier names. */
const plotted = (v: string) =>
  `coalesce(${v}.value, CASE ${v}.qualifier WHEN 'LESS_THAN' THEN ${v}.max WHEN 'GREATER_THAN' THEN ${v}.min END)`;

const STRUCTURE_PROPS: Record<string, string> = {
  spaceGroupSymbol: 'spaceGroupSymbol',
  spaceGroupNumber: 'spaceGroupNumber',
  a: 'latticeA',
  b: 'latticeB',
  c: 'latticeC',
  alpha: 'latticeAlpha',
  beta: 'latticeBeta',
  gamma: 'latticeGamma',
  icsdId: 'icsdId',
};

const MEASUREMENT: Record<string, Expr> = {
  id: direct('id'),
  property: direct('property'),
  contribution: direct('contribution'),
  ...QUANTITY_FIELDS,
  temperatureK: direct('temperatureK'),
  temperatureText: direct('temperatureText'),
  propertyText: direct('propertyText'),
  family: direct('family'),
  method: direct('method'),
  computed: direct('computed'),
  sampleForm: direct('sampleForm'),
  basis: direct('basis'),
  atmosphere: direct('atmosphere'),
  conditionsOther: direct('conditionsOther'),
  reportedFormula: direct('reportedFormula'),
  reportedSiteComposition: direct('reportedSiteComposition'),
  log10Value: (v) => `CASE WHEN ${plotted(v)} > 0 THEN log10(${plotted(v)}) END`,
  structure: (v) =>
    `CASE WHEN ${v}.spaceGroupSymbol IS NOT NULL OR ${v}.spaceGroupNumber IS NOT NULL OR ${v}.latticeA IS NOT NULL THEN {` +
    Object.entries(STRUCTURE_PROPS)
      .map(([field, stored]) => `${field}: ${v}.${stored}`)
      .join(', ') +
    '} END',
  // hidden keys the uncompiled field resolvers read (variant, publication, publications)
  variantId: (v) => `head(COLLECT { MATCH (${v})-[:OF_VARIANT]->(vv:MaterialVariant) RETURN vv.id })`,
  publicationKeys: (v) => `COLLECT { MATCH (${v})-[r:REPORTED_BY]->(p:Publication) RETURN p.key ORDER BY r.position }`,
};

/** GraphQL sub-field of `source` → the keys it needs in the source map. */
export const SOURCE_NEEDS: Record<string, string[]> = {
  kind: ['kind'],
  file: ['file'],
  lines: ['lines'],
  line: ['lines'],
  referenceNumbers: ['referenceNumbers'],
  referenceNumber: ['referenceNumbers'],
  citationConfidence: ['citationConfidence'],
  correctedReferenceNumber: ['correctedReferenceNumber'],
  quote: ['quote'],
  note: ['note'],
  seedFile: ['seedFile'],
  recordId: ['recordId'],
  review: ['reviewPublicationKey'],
  correctedReference: ['correctedPublicationKey'],
  dataset: ['datasetId'],
};

/** A citation's fields, read from its CITES relationship (bound as `r<node variable>`, the node being the far end). */
const CITATION_PROJECTION: Record<string, Expr> = Object.fromEntries(
  Object.entries(
    projectionOf(CITATION, {
      reviewPublicationKey: (rel) => `startNode(${rel}).key`,
      citedPublicationKey: (rel) => `endNode(${rel}).key`,
    }),
  ).map(([field, expr]) => [field, (v: string) => expr(`r${v}`)]),
);

const FIELDS: Record<NodeKind, Record<string, Expr>> = {
  Material: MATERIAL_PROJECTION,
  Measurement: MEASUREMENT,
  Publication: PUBLICATION_PROJECTION,
  Dataset: DATASET_PROJECTION,
  ...INTERFACE_FIELDS,
  ...FACT_FIELDS,
  Citation: CITATION_PROJECTION,
};

/** The field that identifies a node of each kind (always read: cursors and resolvers need it). */
export const ID_FIELD: Record<NodeKind, string> = { Material: 'id', Measurement: 'id', Publication: 'key', Dataset: 'id', Citation: 'number', ...INTERFACE_ID_FIELD, ...FACT_ID_FIELD };

/** The key of a compiled field in the node map: the record type's property (`reductionLimit` → `reduction`), else the field name. */
export function outputKey(kind: NodeKind, field: string): string {
  return FACT_OUTPUT_KEY[kind]?.[field] ?? field;
}

/** Whether `field` of `kind` is read by the statement (else it is a field resolver's). */
export function isCompiledField(kind: NodeKind, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(FIELDS[kind], field);
}

/** The Cypher expression of a compiled field over node variable `v`. */
export function fieldExpression(kind: NodeKind, field: string, v: string): string {
  const expr = FIELDS[kind][field];
  if (!expr) throw new Error(`${kind}.${field} is not a compiled field`);
  return expr(v);
}

/** The entries of the selected source keys over node variable `v`. */
export function sourceEntries(keys: readonly string[], v: string): string[] {
  const unique = [...new Set(keys)].filter((k) => SOURCE_PROJECTION[k]);
  return unique.map((k) => `${k}: ${SOURCE_PROJECTION[k]!(v)}`);
}
