import { ObjectType } from 'type-graphql';
import { MEASUREMENT, REPORTED_STRUCTURE } from '../domain/model/measurement.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { FactBase } from './literature.type.js';
import { fieldsOf, objectType } from './nodeKinds.js';

@ObjectType({ description: REPORTED_STRUCTURE.description })
@objectType('ReportedStructure')
@fieldsOf(REPORTED_STRUCTURE)
export class ReportedStructure {}
// the fields as the record type has them (declared once in domain/model/measurement.kind.ts)
export interface ReportedStructure extends RecordOf<typeof REPORTED_STRUCTURE> {}

@ObjectType({ implements: FactBase, description: MEASUREMENT.description })
@fieldsOf(MEASUREMENT)
export class Measurement extends FactBase {}
// the fields as the record type has them (declared once in domain/model/measurement.kind.ts)
export interface Measurement extends RecordOf<typeof MEASUREMENT> {}
