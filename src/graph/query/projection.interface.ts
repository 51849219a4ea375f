/**
 * How each compiled field of an interface and of an interphase observation is read (registered in FIELDS
 * of projection.ts): one Cypher expression per field over the node variable. Quantities stored flat with
 * a prefix (seed.store.ts quantityProps: `potentialValue`, `thicknessPrintedValue`...) are rebuilt as maps;
 * the evidence as its techniques with what each showed, in the source's order.
 */
import type { InterfaceNodeKind } from './plan.interface.js';
import { INTERFACE } from '../../domain/model/interface.kind.js';
import { projectionOf } from '../nodeKinds.js';
import { direct, type Expr } from './projection.quantity.js';



/** A quantity stored with `prefix` (null when it has no printed value), as the `Quantity` type reads it. */
const quantity =
  (prefix: string): Expr =>
  (v) => {
    const k = (name: string) => `${v}.${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`;
    return (
      `CASE WHEN ${k('printedValue')} IS NULL THEN null ELSE {qualifier: ${k('qualifier')}, value: ${k('value')}, min: ${k('min')}, ` +
      `max: ${k('max')}, unit: coalesce(${k('unit')}, ''), printedValue: ${k('printedValue')}, printedUnit: ${k('printedUnit')}, ` +
      `unitAsMeant: ${k('unitAsMeant')}, uncertainty: ${k('uncertainty')}, approximate: coalesce(${k('approximate')}, false)} END`
    );
  };

/** An interface's fields: its stored properties from domain/model/interface.kind.ts, the derived ones read here. */
export const INTERFACE_PROJECTION: Record<string, Expr> = projectionOf(INTERFACE, {
  electrolyteFamily: (v) => `head(COLLECT { MATCH (${v})-[:ELECTROLYTE_FAMILY]->(f:MaterialFamily) RETURN f.id })`,
  // hidden keys the uncompiled field resolvers read (electrolyte, counterpart, prediction)
  electrolyteId: (v) => `head(COLLECT { MATCH (${v})-[:ELECTROLYTE]->(m:Material) RETURN m.id })`,
  counterpartId: (v) => `head(COLLECT { MATCH (${v})-[:COUNTERPART]->(m:Material) RETURN m.id })`,
});

const OBSERVATION: Record<string, Expr> = {
  id: direct('id'),
  counterpartText: direct('counterpartText'),
  potential: quantity('potential'),
  conditions: direct('conditions'),
  productsText: direct('productsText'),
  stabilityClass: direct('stabilityClass'),
  interphaseType: direct('interphaseType'),
  characterText: direct('characterText'),
  thickness: quantity('thickness'),
  computed: direct('computed'),
  evidence: (v) => `COLLECT { MATCH (${v})-[e:EVIDENCE]->(t:Technique) RETURN {technique: t.id, text: e.text} ORDER BY e.position }`,
  // hidden keys the uncompiled field resolvers read (interface, productDetails, electrolyteVariant, counterpartVariant, publications)
  interfaceId: (v) => `head(COLLECT { MATCH (${v})-[:AT]->(i:Interface) RETURN i.id })`,
  productIds: (v) => `COLLECT { MATCH (${v})-[r:PRODUCES]->(m:Material) RETURN m.id ORDER BY r.position }`,
  productVariantIds: (v) => `COLLECT { MATCH (${v})-[r:PRODUCES]->(m:Material) RETURN r.variantId ORDER BY r.position }`,
  variantId: (v) => `head(COLLECT { MATCH (${v})-[:OF_VARIANT]->(vv:MaterialVariant) RETURN vv.id })`,
  counterpartVariantId: direct('counterpartVariantId'),
  publicationKeys: (v) => `COLLECT { MATCH (${v})-[r:REPORTED_BY]->(p:Publication) RETURN p.key ORDER BY r.position }`,
};

export const INTERFACE_FIELDS: Record<InterfaceNodeKind, Record<string, Expr>> = {
  Interface: INTERFACE_PROJECTION,
  InterphaseObservation: OBSERVATION,
  Technique: { id: direct('id') },
};

export const INTERFACE_ID_FIELD: Record<InterfaceNodeKind, string> = { Interface: 'id', InterphaseObservation: 'id', Technique: 'id' };
