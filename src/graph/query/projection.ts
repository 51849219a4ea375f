/**
 * How each compiled GraphQL field of a node kind is read: one Cypher expression per field over the node
 * variable, so that a statement reads only the selected properties (never `x {.*}`, never the per-source
 * property copies unless a field needs them). Object-valued fields stored flat on the node (a material's
 * composition and aliases, a measurement's structure) are rebuilt as maps in the statement.
 */
import { CITATION } from '../../domain/model/citation.kind.js';
import { MEASUREMENT as MEASUREMENT_KIND, REPORTED_STRUCTURE } from '../../domain/model/measurement.kind.js';
import { CELL, CELL_COMPONENT, CELL_RESULT } from '../../domain/model/cell.kind.js';
import { CLAIM, CLAIM_QUANTITY } from '../../domain/model/claim.kind.js';
import { COATING_APPLICATION, COATING_EFFECT } from '../../domain/model/coating.kind.js';
import { SOURCE } from '../../domain/model/fact.kind.js';
import { INTERFACE } from '../../domain/model/interface.kind.js';
import { INTERPHASE_OBSERVATION, INTERPHASE_PRODUCT, TECHNIQUE } from '../../domain/model/interphaseObservation.kind.js';
import { MATERIAL, MATERIAL_VARIANT } from '../../domain/model/material.kind.js';
import type { NodeKindSpec } from '../../domain/model/property.js';
import { DATASET, PUBLICATION } from '../../domain/model/publication.kind.js';
import { STABILITY_WINDOW } from '../../domain/model/stabilityWindow.kind.js';
import { outputKeysOf, projectionOf, recordMap, storedNamesOf } from '../nodeKinds.js';
import type { NodeKind } from './plan.js';
import { FACT_DERIVED, SOURCE_PROJECTION, type Expr } from './projection.quantity.js';
import { INTERFACE_FIELDS, INTERFACE_ID_FIELD } from './projection.interface.js';
import { FACT_FIELDS, FACT_ID_FIELD } from './projection.facts.js';
import { DATASET_PROJECTION, MATERIAL_PROJECTION, PUBLICATION_PROJECTION, VARIANT_PROJECTION } from './projection.material.js';
import { PHASE_ENTRY } from '../../domain/model/phaseEntry.kind.js';
import { PHASE_ENTRY_PROJECTION } from './projection.phase.js';

/** A measurement's value read as a number for log plots: the value, else the bound its qualifier names. */
const plotted = (v: string) =>
  `coalesce(${v}.value, CASE ${v}.qualifier WHEN 'LESS_THAN' THEN ${v}.max WHEN 'GREATER_THAN' THEN ${v}.min END)`;

/** A measurement's structure (stored flat on its node), when the node has one of these properties. */
/** A measurement has a structure when any of the structure's stored properties is set. */
const STRUCTURE_PRESENT_IF = [...storedNamesOf(REPORTED_STRUCTURE)];
const STRUCTURE_PROJECTION = projectionOf(REPORTED_STRUCTURE, {});

/** A measurement's fields: its stored properties from domain/model/measurement.kind.ts, the derived ones read here. */
export const MEASUREMENT_PROJECTION: Record<string, Expr> = projectionOf(MEASUREMENT_KIND, {
  ...FACT_DERIVED,
  structure: (v) =>
    `CASE WHEN ${STRUCTURE_PRESENT_IF.map((name) => `${v}.${name} IS NOT NULL`).join(' OR ')} THEN ${recordMap(REPORTED_STRUCTURE, STRUCTURE_PROJECTION, v)} END`,
  // a hidden key the DataLoader reads (fact.store.ts); the compiler follows the material relationship instead
  materialId: (v) => `head(COLLECT { MATCH (m:Material)-[:HAS_MEASUREMENT]->(${v}) RETURN m.id })`,
});

const MEASUREMENT: Record<string, Expr> = {
  ...MEASUREMENT_PROJECTION,
  // the compiled form of the field resolver `log10Value` (measurement.resolver.ts)
  log10Value: (v) => `CASE WHEN ${plotted(v)} > 0 THEN log10(${plotted(v)}) END`,
};

/** GraphQL sub-field of `source` → the keys it needs in the source map. */
export const SOURCE_NEEDS: Record<string, string[]> = {
  // every declared field of Source needs itself (domain/model/fact.kind.ts)
  ...Object.fromEntries(Object.entries(SOURCE.properties).filter(([, p]) => !p.internal).map(([field]) => [field, [field]])),
  // the field resolvers of Source read these
  line: ['lines'],
  referenceNumber: ['referenceNumbers'],
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
  MaterialVariant: VARIANT_PROJECTION,
  PhaseEntry: PHASE_ENTRY_PROJECTION,
};

/** The field that identifies a node of each kind (always read: cursors and resolvers need it). */
export const ID_FIELD: Record<NodeKind, string> = { Material: 'id', Measurement: 'id', Publication: 'key', Dataset: 'id', Citation: 'number', MaterialVariant: 'id', ...INTERFACE_ID_FIELD, ...FACT_ID_FIELD, PhaseEntry: 'id' };

/** The declaration of each compiled node kind (domain/model/); null for a part read only through its relationship. */
export const DECLARATION: Record<NodeKind, NodeKindSpec | null> = {
  Material: MATERIAL,
  MaterialVariant: MATERIAL_VARIANT,
  Measurement: MEASUREMENT_KIND,
  Publication: PUBLICATION,
  Dataset: DATASET,
  Citation: CITATION,
  Interface: INTERFACE,
  InterphaseObservation: INTERPHASE_OBSERVATION,
  Technique: TECHNIQUE,
  InterphaseProduct: INTERPHASE_PRODUCT,
  StabilityWindow: STABILITY_WINDOW,
  CoatingApplication: COATING_APPLICATION,
  Cell: CELL,
  CellComponent: CELL_COMPONENT,
  CellResult: CELL_RESULT,
  CoatingEffect: COATING_EFFECT,
  Claim: CLAIM,
  ClaimQuantity: CLAIM_QUANTITY,
  PhaseEntry: PHASE_ENTRY,
};

const OUTPUT_KEYS = Object.fromEntries(Object.entries(DECLARATION).map(([kind, spec]) => [kind, spec ? outputKeysOf(spec) : {}])) as Record<NodeKind, Record<string, string>>;

/** The key of a compiled field in the node map: the record type's property (`reductionLimit` → `reduction`), else the field name. */
export function outputKey(kind: NodeKind, field: string): string {
  return OUTPUT_KEYS[kind][field] ?? field;
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
