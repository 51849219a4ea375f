/**
 * The GraphQL types of materials and their variants, their fields declared once in
 * domain/model/material.kind.ts (field resolvers in material.resolver.ts).
 */
import { DOPANT, ELEMENT_AMOUNT, MATERIAL, MATERIAL_ALIAS, MATERIAL_VARIANT, STOICHIOMETRY_RANGE } from '../domain/model/material.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import './enums.js';
import { declaredType } from './nodeKinds.js';

@declaredType(ELEMENT_AMOUNT)
export class ElementAmount {}
export interface ElementAmount extends RecordOf<typeof ELEMENT_AMOUNT> {}

@declaredType(STOICHIOMETRY_RANGE)
export class StoichiometryRange {}
export interface StoichiometryRange extends RecordOf<typeof STOICHIOMETRY_RANGE> {}

@declaredType(DOPANT)
export class Dopant {}
export interface Dopant extends RecordOf<typeof DOPANT> {}

@declaredType(MATERIAL_VARIANT)
export class MaterialVariant {}
export interface MaterialVariant extends RecordOf<typeof MATERIAL_VARIANT> {}

@declaredType(MATERIAL_ALIAS)
export class MaterialAlias {}
export interface MaterialAlias extends RecordOf<typeof MATERIAL_ALIAS> {}

@declaredType(MATERIAL)
export class Material {}
// the fields as the record type has them (the per-source copies are not fields: the public value is)
export interface Material extends RecordOf<typeof MATERIAL> {}
