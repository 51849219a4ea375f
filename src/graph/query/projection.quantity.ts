/**
 * What every projection table shares: the type of a field's Cypher expression, the expression of a stored
 * property, the fields of a value as printed and parsed (a measurement, a cell's result: qualifier, value
 * or min/max in the canonical unit, the text as printed), and what every fact reads (its source, the
 * publications it credits, its variant).
 */
import { SOURCE } from '../../domain/model/fact.kind.js';
import { QUANTITY } from '../../domain/model/quantity.kind.js';
import { projectionOf, recordMap, type Expr } from '../nodeKinds.js';

export type { Expr };

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
  recordId: (v) => `head(COLLECT { MATCH (${v})-[f:FROM_DATASET]->(:Dataset) RETURN f.recordId })`,
  reviewPublicationKey: (v) => `head(COLLECT { MATCH (${v})-[:ASSERTED_IN]->(r:Review) RETURN r.key })`,
  correctedPublicationKey: (v) => `head(COLLECT { MATCH (${v})-[:CORRECTED_REFERENCE]->(p:Publication) RETURN p.key })`,
  datasetId: (v) => `head(COLLECT { MATCH (${v})-[:FROM_DATASET]->(d:Dataset) RETURN d.id })`,
});
/** The derived fields every fact kind declares (domain/model/fact.kind.ts FACT_PROPERTIES): spread into its `projectionOf`. */
export const FACT_DERIVED = {
  source: (v: string) => recordMap(SOURCE, SOURCE_PROJECTION, v),
  publicationKeys: (v: string) => `COLLECT { MATCH (${v})-[r:REPORTED_BY]->(p:Publication) RETURN p.key ORDER BY r.position }`,
  variantId: (v: string) => `head(COLLECT { MATCH (${v})-[:OF_VARIANT]->(vv:MaterialVariant) RETURN vv.id })`,
} satisfies Record<string, Expr>;
