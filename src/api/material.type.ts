/**
 * The GraphQL types of materials and their variants, their fields declared once in
 * domain/model/material.kind.ts (field resolvers in material.resolver.ts).
 */
import { ObjectType } from 'type-graphql';
import { DOPANT, ELEMENT_AMOUNT, MATERIAL, MATERIAL_ALIAS, MATERIAL_VARIANT } from '../domain/model/material.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import './enums.js';
import { fieldsOf, objectType } from './nodeKinds.js';

@ObjectType({ description: ELEMENT_AMOUNT.description })
@objectType('ElementAmount')
@fieldsOf(ELEMENT_AMOUNT)
export class ElementAmount {}
export interface ElementAmount extends RecordOf<typeof ELEMENT_AMOUNT> {}

@ObjectType({ description: DOPANT.description })
@objectType('Dopant')
@fieldsOf(DOPANT)
export class Dopant {}
export interface Dopant extends RecordOf<typeof DOPANT> {}

@ObjectType({ description: MATERIAL_VARIANT.description })
@fieldsOf(MATERIAL_VARIANT)
export class MaterialVariant {}
export interface MaterialVariant extends RecordOf<typeof MATERIAL_VARIANT> {}

@ObjectType({ description: MATERIAL_ALIAS.description })
@objectType('MaterialAlias')
@fieldsOf(MATERIAL_ALIAS)
export class MaterialAlias {}
export interface MaterialAlias extends RecordOf<typeof MATERIAL_ALIAS> {}

@ObjectType({ description: MATERIAL.description })
@fieldsOf(MATERIAL)
export class Material {}
// the fields as the record type has them (the per-source copies are not fields: the public value is)
export interface Material extends RecordOf<typeof MATERIAL> {}
