import { TECHNIQUE } from '../domain/model/interphaseObservation.kind.js';
import { MATERIAL_FAMILY } from '../domain/model/materialName.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import './enums.js';
import { declaredType } from './nodeKinds.js';

@declaredType(MATERIAL_FAMILY)
export class MaterialFamily {}
// the node's fields as the record type has them (declared once in domain/model/materialName.kind.ts)
export interface MaterialFamily extends RecordOf<typeof MATERIAL_FAMILY> {}

@declaredType(TECHNIQUE)
export class CharacterizationTechnique {}
// the node's fields as the record type has them (declared once in domain/model/interphaseObservation.kind.ts)
export interface CharacterizationTechnique extends RecordOf<typeof TECHNIQUE> {}
