/**
 * How each compiled field of an interface and of an interphase observation is read (registered in FIELDS
 * of projection.ts): one Cypher expression per field over the node variable, from the declarations of
 * domain/model/ (interface.kind.ts, interphaseObservation.kind.ts). Quantities stored flat with a prefix
 * (`potentialValue`, `thicknessPrintedValue`...) are rebuilt as maps; the evidence as its techniques with
 * what each showed, in the source's order.
 */
import type { InterfaceNodeKind } from './plan.interface.js';
import { INTERFACE } from '../../domain/model/interface.kind.js';
import { EVIDENCE, INTERPHASE_OBSERVATION, INTERPHASE_PRODUCT, TECHNIQUE } from '../../domain/model/interphaseObservation.kind.js';
import { positionOf, projectionOf, propertyOf, recordMap, relationshipOf, throughRelationship } from '../nodeKinds.js';
import { FACT_DERIVED, type Expr } from './projection.quantity.js';

/** An observation's PRODUCES relationships, bound as `r` (INTERPHASE_PRODUCT: position and variant stored on them). */
const PRODUCES = relationshipOf(INTERPHASE_PRODUCT, 'r');
const PRODUCT_POSITION = positionOf(INTERPHASE_PRODUCT)('r');
const PRODUCT_VARIANT = propertyOf(INTERPHASE_PRODUCT, 'variantId')('r');


/** An interface's fields: its stored properties from domain/model/interface.kind.ts, the derived ones read here. */
export const INTERFACE_PROJECTION: Record<string, Expr> = projectionOf(INTERFACE, {
  electrolyteFamily: (v) => `head(COLLECT { MATCH (${v})-[:ELECTROLYTE_FAMILY]->(f:MaterialFamily) RETURN f.id })`,
  // hidden keys the uncompiled field resolvers read (electrolyte, counterpart, prediction)
  electrolyteId: (v) => `head(COLLECT { MATCH (${v})-[:ELECTROLYTE]->(m:Material) RETURN m.id })`,
  counterpartId: (v) => `head(COLLECT { MATCH (${v})-[:COUNTERPART]->(m:Material) RETURN m.id })`,
});

/** What an observation's evidence reads over its EVIDENCE relationship `e`: the technique it leads to; `text` is stored on it. */
export const EVIDENCE_PROJECTION: Record<string, Expr> = projectionOf(EVIDENCE, {
  technique: (e) => `endNode(${e}).id`,
});

/**
 * An interphase observation's fields (domain/model/interphaseObservation.kind.ts): its stored properties
 * (potential and thickness rebuilt from their prefixed properties), what every fact reads, and the derived
 * ones read here.
 */
export const OBSERVATION_PROJECTION: Record<string, Expr> = projectionOf(INTERPHASE_OBSERVATION, {
  ...FACT_DERIVED,
  evidence: (v) =>
    `COLLECT { MATCH (${v})-[${relationshipOf(EVIDENCE, 'e')}]->(:Technique) RETURN ${recordMap(EVIDENCE, EVIDENCE_PROJECTION, 'e')} ORDER BY ${positionOf(EVIDENCE)('e')} }`,
  // hidden keys the uncompiled field resolvers read (interface, productDetails, counterpartVariant)
  interfaceId: (v) => `head(COLLECT { MATCH (${v})-[:AT]->(i:Interface) RETURN i.id })`,
  productIds: (v) => `COLLECT { MATCH (${v})-[${PRODUCES}]->(m:Material) RETURN m.id ORDER BY ${PRODUCT_POSITION} }`,
  productVariantIds: (v) => `COLLECT { MATCH (${v})-[${PRODUCES}]->(m:Material) RETURN ${PRODUCT_VARIANT} ORDER BY ${PRODUCT_POSITION} }`,
});

export const INTERFACE_FIELDS: Record<InterfaceNodeKind, Record<string, Expr>> = {
  Interface: INTERFACE_PROJECTION,
  InterphaseObservation: OBSERVATION_PROJECTION,
  Technique: projectionOf(TECHNIQUE, {}),
  // read through its PRODUCES relationship (bound as r<node variable>); the node is the product material
  InterphaseProduct: throughRelationship(INTERPHASE_PRODUCT, projectionOf(INTERPHASE_PRODUCT, { materialId: (v) => `${v}.id` })),
};

export const INTERFACE_ID_FIELD: Record<InterfaceNodeKind, string> = { Interface: 'id', InterphaseObservation: 'id', Technique: 'id', InterphaseProduct: 'position' };
