/**
 * The object types every fact shares: a value as printed and parsed (`Quantity`) and where a fact was read
 * (`Source`), their fields declared once in domain/model/.
 */
import { SOURCE, SOURCE_PLACE } from '../domain/model/fact.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { QUANTITY } from '../domain/model/quantity.kind.js';
import './enums.js';
import { declaredType } from './nodeKinds.js';

@declaredType(QUANTITY)
export class Quantity {}
// the fields as the record type has them (declared once in domain/model/quantity.kind.ts)
export interface Quantity extends RecordOf<typeof QUANTITY> {}

@declaredType(SOURCE_PLACE)
export class SourcePlace {}
export interface SourcePlace extends RecordOf<typeof SOURCE_PLACE> {}

@declaredType(SOURCE)
export class Source {}
// the fields as the record type has them (declared once in domain/model/fact.kind.ts)
export interface Source extends RecordOf<typeof SOURCE> {}
