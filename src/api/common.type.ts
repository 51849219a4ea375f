/**
 * The object types every fact shares: a value as printed and parsed (`Quantity`) and where a fact was read
 * (`Source`), their fields declared once in domain/model/.
 */
import { ObjectType } from 'type-graphql';
import { SOURCE } from '../domain/model/fact.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { QUANTITY } from '../domain/model/quantity.kind.js';
import './enums.js';
import { fieldsOf, objectType } from './nodeKinds.js';

@ObjectType({ description: QUANTITY.description })
@objectType('Quantity')
@fieldsOf(QUANTITY)
export class Quantity {}
// the fields as the record type has them (declared once in domain/model/quantity.kind.ts)
export interface Quantity extends RecordOf<typeof QUANTITY> {}

@ObjectType({ description: SOURCE.description })
@objectType('Source')
@fieldsOf(SOURCE)
export class Source {}
// the fields as the record type has them (declared once in domain/model/fact.kind.ts)
export interface Source extends RecordOf<typeof SOURCE> {}
