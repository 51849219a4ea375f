/**
 * The variants of materials in the compiler (registered with one line each in the tables of compile.ts):
 * a material's variants, the variant a fact is about (OF_VARIANT), and the variants recorded on the
 * relationship that names the material (a coating's substrate and paired electrolyte, a cell's component)
 * or on the fact itself (an observation's counterpart). Every variant of a material is VARIANT_OF it.
 *
 * A filter of facts by a material's name (`namedMaterial`) follows the fact's relationship to the material and
 * compares the variant the fact records there with the variant the name stands for (compile.names.ts binds it
 * beside the name's ids), as the filter's `VariantScope` says: `EXISTS { MATCH (x0)-[rx1:APPLIED_ON]->(x1:Material)
 * WHERE x1.id IN ref0 AND (ref0_variants IS NULL OR rx1.variantId IN ref0_variants) }`.
 */
import { CELL_COMPONENT } from '../../domain/model/cell.kind.js';
import { ABOUT } from '../../domain/model/claim.kind.js';
import { APPLIED_ON, PAIRED_WITH } from '../../domain/model/coating.kind.js';
import { INTERPHASE_OBSERVATION, INTERPHASE_PRODUCT } from '../../domain/model/interphaseObservation.kind.js';
import { propertyOf, relationshipOf } from '../nodeKinds.js';
import { refinementsVariable, variantVariable } from './compile.names.js';
import { isMaterialNameRef, type Filter, type MaterialNameRef, type NodeKind } from './plan.js';
import type { NamedMaterialRelation, VariantRelation } from './plan.variant.js';
import { ELECTROLYTE_ROLES } from './projection.facts.js';

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

/** What a filter's text is written with: the statement's scope (compile.ts `Scope`): fresh variables, parameters, name references. */
interface Binder {
  variable(): string;
  param(value: unknown): string;
  nameRef(ref: MaterialNameRef): string;
}

/** How a fact (`from`) reaches the material (`m`, over the relationship `r` where the pattern names it) and the variant id it records there. */
interface NamedMaterialPattern {
  pattern: (from: string, m: string, r: string) => string;
  variantId: (from: string, r: string) => string;
}

/** The variant a fact is about (OF_VARIANT), or null. */
const ownVariant = (from: string) => `head([(${from})-[:OF_VARIANT]->(fv:MaterialVariant) | fv.id])`;
const onRelationship = (kind: typeof APPLIED_ON | typeof PAIRED_WITH | typeof ABOUT) => (_from: string, r: string) => propertyOf(kind, 'variantId')(r);
const componentRole = propertyOf(CELL_COMPONENT, 'role');
const component = (roles: string | null): NamedMaterialPattern => ({
  pattern: (from, m, r) => `(${from})-[${relationshipOf(CELL_COMPONENT, r)}${roles ? ` WHERE ${componentRole(r)} IN ${roles}` : ''}]->(${m}:Material)`,
  variantId: (_from, r) => partVariantId(r),
});

const NAMED_MATERIAL: Record<NamedMaterialRelation, NamedMaterialPattern> = {
  measurementMaterial: { pattern: (from, m) => `(${m}:Material)-[:HAS_MEASUREMENT]->(${from})`, variantId: ownVariant },
  windowMaterial: { pattern: (from, m) => `(${m}:Material)-[:HAS_WINDOW]->(${from})`, variantId: ownVariant },
  // an observation's electrolyte variant is the variant it is about; its counterpart's is stored on it
  observationElectrolyte: { pattern: (from, m) => `(${from})-[:AT]->(:Interface)-[:ELECTROLYTE]->(${m}:Material)`, variantId: ownVariant },
  observationCounterpart: {
    pattern: (from, m) => `(${from})-[:AT]->(:Interface)-[:COUNTERPART]->(${m}:Material)`,
    variantId: (from) => propertyOf(INTERPHASE_OBSERVATION, 'counterpartVariantId')(from),
  },
  // a product's variant is stored on its PRODUCES relationship
  observationProduct: { pattern: (from, m, r) => `(${from})-[${r}:PRODUCES]->(${m}:Material)`, variantId: (_from, r) => partVariantId(r) },
  coatingMaterial: { pattern: (from, m) => `(${from})-[:COATING]->(${m}:Material)`, variantId: ownVariant },
  coatingSubstrate: { pattern: (from, m, r) => `(${from})-[${relationshipOf(APPLIED_ON, r)}]->(${m}:Material)`, variantId: onRelationship(APPLIED_ON) },
  coatingElectrolyte: { pattern: (from, m, r) => `(${from})-[${relationshipOf(PAIRED_WITH, r)}]->(${m}:Material)`, variantId: onRelationship(PAIRED_WITH) },
  cellComponent: component(null),
  cellElectrolyte: component(ELECTROLYTE_ROLES),
  cellCathode: component("['CATHODE']"),
  cellAnode: component("['ANODE']"),
  claimMaterial: { pattern: (from, m, r) => `(${from})-[${relationshipOf(ABOUT, r)}]->(${m}:Material)`, variantId: onRelationship(ABOUT) },
  // a claim about an interface names no variant of its sides
  claimInterfaceElectrolyte: { pattern: (from, m) => `(${from})-[:ABOUT_INTERFACE]->(:Interface)-[:ELECTROLYTE]->(${m}:Material)`, variantId: () => 'null' },
  claimInterfaceCounterpart: { pattern: (from, m) => `(${from})-[:ABOUT_INTERFACE]->(:Interface)-[:COUNTERPART]->(${m}:Material)`, variantId: () => 'null' },
};

/**
 * The pattern and conditions of a `namedMaterial` filter over the fact `v`: the fact reaches a material of the filter's
 * ids, and the variant it records there is, by `scope`, the one the name stands for or none (AS_NAMED: the name's
 * variant or one that refines it, where the name stands for one; EXACT: the name's variant, or no variant for a
 * material's own name; ROLL_UP: any).
 */
export function namedMaterialMatch(filter: Extract<Filter, { op: 'namedMaterial' }>, v: string, scope: Binder): { pattern: string; conditions: string[] } {
  const m = scope.variable();
  const r = `r${m}`;
  const named = NAMED_MATERIAL[filter.relation];
  const ref = isMaterialNameRef(filter.ids) ? scope.nameRef(filter.ids) : null;
  const variant = ref ? variantVariable({ variable: ref }) : null;
  const refinements = ref ? refinementsVariable({ variable: ref }) : null;
  const recorded = named.variantId(v, r);
  const conditions = [`${m}.id IN ${ref ?? scope.param(filter.ids)}`];
  if (filter.scope === 'AS_NAMED' && refinements) conditions.push(`(${refinements} IS NULL OR ${recorded} IN ${refinements})`);
  if (filter.scope === 'EXACT') conditions.push(variant ? `(coalesce(${recorded} IN ${variant}, false) OR (${variant} IS NULL AND ${recorded} IS NULL))` : `${recorded} IS NULL`);
  return { pattern: named.pattern(v, m, r), conditions };
}

/** The WHERE text of a `namedMaterial` filter over the fact `v` (`namedMaterialMatch` in an EXISTS). */
export function namedMaterialText(filter: Extract<Filter, { op: 'namedMaterial' }>, v: string, scope: Binder): string {
  const { pattern, conditions } = namedMaterialMatch(filter, v, scope);
  return `EXISTS { MATCH ${pattern} WHERE ${conditions.join(' AND ')} }`;
}
