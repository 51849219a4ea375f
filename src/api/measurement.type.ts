import { MEASUREMENT, REPORTED_STRUCTURE } from '../domain/model/measurement.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { FactBase } from './literature.type.js';
import { declaredType } from './nodeKinds.js';

@declaredType(REPORTED_STRUCTURE)
export class ReportedStructure {}
// the fields as the record type has them (declared once in domain/model/measurement.kind.ts)
export interface ReportedStructure extends RecordOf<typeof REPORTED_STRUCTURE> {}

@declaredType(MEASUREMENT, { implements: FactBase })
export class Measurement extends FactBase {}
// the fields as the record type has them (declared once in domain/model/measurement.kind.ts)
export interface Measurement extends RecordOf<typeof MEASUREMENT> {}
