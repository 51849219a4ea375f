/**
 * The variants of materials in the compiler (registered with one line each in the tables of compile.ts):
 * a material's variants, the variant a fact is about (OF_VARIANT), and the variants recorded on the
 * relationship that names the material (a coating's substrate and paired electrolyte, a cell's component)
 * or on the fact itself (an observation's counterpart). Every variant of a material is VARIANT_OF it.
 */
import { CELL_COMPONENT } from '../../domain/model/cell.kind.js';
import { APPLIED_ON, PAIRED_WITH } from '../../domain/model/coating.kind.js';
import { INTERPHASE_PRODUCT } from '../../domain/model/interphaseObservation.kind.js';
import { propertyOf, relationshipOf } from '../nodeKinds.js';
import type { NodeKind } from './plan.js';
import type { VariantRelation } from './plan.variant.js';

export type { VariantRelation };

/** A variant whose id is stored on `idOf(from)` (a property, or the relationship bound as `r<from>`). */
const variantWithId = (idOf: (from: string) => string) => (from: string, to: string) => `(${to}:MaterialVariant {id: ${idOf(from)}})`;
/** The variant recorded on a relationship of `kind` (its declared `variantId`) from the fact to the material. */
const variantOnRelationship = (kind: typeof APPLIED_ON | typeof PAIRED_WITH) => (from: string, to: string) =>
  `(${from})-[${relationshipOf(kind, `v${to}`)}]->(:Material)<-[:VARIANT_OF]-(${to}:MaterialVariant WHERE ${to}.id = ${propertyOf(kind, 'variantId')(`v${to}`)})`;

/** The variant id a cell component or an interphase product stores on its relationship (both declare it as `variantId`). */
const partVariantId = propertyOf(INTERPHASE_PRODUCT, 'variantId');
if (partVariantId('r') !== propertyOf(CELL_COMPONENT, 'variantId')('r')) throw new Error('a component and a product store their variant under different names');

export const VARIANT_RELATION_PATTERN: Record<VariantRelation, (from: string, to: string) => string> = {
  variants: (from, to) => `(${to}:MaterialVariant)-[:VARIANT_OF]->(${from})`,
  variantMaterial: (from, to) => `(${from})-[:VARIANT_OF]->(${to}:Material)`,
  factVariant: (from, to) => `(${from})-[:OF_VARIANT]->(${to}:MaterialVariant)`,
  counterpartVariant: variantWithId((from) => `${from}.counterpartVariantId`),
  substrateVariant: variantOnRelationship(APPLIED_ON),
  pairedElectrolyteVariant: variantOnRelationship(PAIRED_WITH),
  // a cell component or an interphase product is the material its HAS_COMPONENT / PRODUCES relationship (bound as r<from>) reaches
  partVariant: variantWithId((from) => partVariantId(`r${from}`)),
};

export const VARIANT_RELATION_TARGET: Record<VariantRelation, NodeKind> = {
  variants: 'MaterialVariant',
  variantMaterial: 'Material',
  factVariant: 'MaterialVariant',
  counterpartVariant: 'MaterialVariant',
  substrateVariant: 'MaterialVariant',
  pairedElectrolyteVariant: 'MaterialVariant',
  partVariant: 'MaterialVariant',
};

/** Relationship fields of at most one node. */
export const VARIANT_SINGLE: readonly VariantRelation[] = ['variantMaterial', 'factVariant', 'counterpartVariant', 'substrateVariant', 'pairedElectrolyteVariant', 'partVariant'];

/** `<Type>.<field>` → the relationship it follows (the node kind it returns is the relation's target). */
export const VARIANT_FIELDS: Readonly<Record<string, VariantRelation>> = {
  'Material.variants': 'variants',
  'MaterialVariant.material': 'variantMaterial',
  'Measurement.variant': 'factVariant',
  'StabilityWindow.variant': 'factVariant',
  'InterphaseObservation.electrolyteVariant': 'factVariant',
  'CoatingApplication.coatingVariant': 'factVariant',
  'InterphaseObservation.counterpartVariant': 'counterpartVariant',
  'CoatingApplication.substrateVariant': 'substrateVariant',
  'CoatingApplication.electrolyteVariant': 'pairedElectrolyteVariant',
  'CellComponent.variant': 'partVariant',
  'InterphaseProduct.variant': 'partVariant',
};
