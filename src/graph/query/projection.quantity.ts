/**
 * What every projection table shares: the type of a field's Cypher expression, the expression of a stored
 * property, the fields of a value as printed and parsed (a measurement, a cell's result: qualifier, value
 * or min/max in the canonical unit, the text as printed), what every fact reads (its source, the
 * publications it credits, its variant), and the lists read in the source's order (`InOrder`), whose
 * relationship type and order come from the relationship's declaration (domain/model/).
 */
import { FROM_DATASET, REPORTED_BY, SOURCE } from '../../domain/model/fact.kind.js';
import type { PositionedKind } from '../../domain/model/property.js';
import { QUANTITY } from '../../domain/model/quantity.kind.js';
import { positionOf, projectionOf, propertyOf, recordMap, relationshipOf, type Expr } from '../nodeKinds.js';

export type { Expr };

/**
 * A relationship field read in the source's order (a fact's publications, a cell's results...): its pattern,
 * which binds the relationship as `rel`, and the order of what it reaches over `to` and `rel`.
 */
export interface InOrder {
  pattern: (from: string, to: string, rel: string) => string;
  order: (to: string, rel: string) => string;
}

/**
 * A relationship field ordered by the `position` its relationship kind declares (domain/model/): `pattern`
 * is given the relationship as `rel:TYPE`, the type named by the declaration.
 */
export function inSourceOrder(kind: PositionedKind, pattern: (from: string, to: string, rel: string) => string): InOrder {
  const position = positionOf(kind);
  return { pattern: (from, to, rel) => pattern(from, to, relationshipOf(kind, rel)), order: (_to, rel) => position(rel) };
}

/** A fact's REPORTED_BY relationships (domain/model/fact.kind.ts): the relationship bound as `r`, and its position. */
const REPORTED = relationshipOf(REPORTED_BY, 'r');
const REPORTED_POSITION = positionOf(REPORTED_BY)('r');
/** The first publication a fact credits, in the source's order: `head(COLLECT { ... RETURN <of p> ORDER BY position })`. */
export const firstReported = (v: string, of: (p: string) => string) => `head(COLLECT { MATCH (${v})-[${REPORTED}]->(p:Publication) RETURN ${of('p')} ORDER BY ${REPORTED_POSITION} })`;

/** A dataset record's id, on its FROM_DATASET relationship (domain/model/fact.kind.ts). */
export const recordIdOf: Expr = propertyOf(FROM_DATASET, 'recordId');
/** The FROM_DATASET relationship of a dataset record, bound as `variable` ('' for none). */
export const fromDataset = (variable = '') => relationshipOf(FROM_DATASET, variable);

/** A stored property read as it is. */
export const direct =
  (name: string): Expr =>
  (v) =>
    `${v}.${name}`;

/** The fields of a parsed value stored unprefixed on its node (domain/model/quantity.kind.ts). */
export const QUANTITY_FIELDS: Readonly<Record<string, Expr>> = projectionOf(QUANTITY, {});

/**
 * The provenance sub-fields of `source` (domain/model/fact.kind.ts), read from the fact's node; the subqueries
 * run only for the sub-fields selected (and `datasetId` when `Measurement.dataset` or `source.dataset` is).
 */
export const SOURCE_PROJECTION: Record<string, Expr> = projectionOf(SOURCE, {
  recordId: (v) => `head(COLLECT { MATCH (${v})-[${fromDataset('f')}]->(:Dataset) RETURN ${recordIdOf('f')} })`,
  reviewPublicationKey: (v) => `head(COLLECT { MATCH (${v})-[:ASSERTED_IN]->(r:Review) RETURN r.key })`,
  correctedPublicationKey: (v) => `head(COLLECT { MATCH (${v})-[:CORRECTED_REFERENCE]->(p:Publication) RETURN p.key })`,
  datasetId: (v) => `head(COLLECT { MATCH (${v})-[${fromDataset()}]->(d:Dataset) RETURN d.id })`,
});
/** The derived fields every fact kind declares (domain/model/fact.kind.ts FACT_PROPERTIES): spread into its `projectionOf`. */
export const FACT_DERIVED = {
  source: (v: string) => recordMap(SOURCE, SOURCE_PROJECTION, v),
  publicationKeys: (v: string) => `COLLECT { MATCH (${v})-[${REPORTED}]->(p:Publication) RETURN p.key ORDER BY ${REPORTED_POSITION} }`,
  variantId: (v: string) => `head(COLLECT { MATCH (${v})-[:OF_VARIANT]->(vv:MaterialVariant) RETURN vv.id })`,
} satisfies Record<string, Expr>;
