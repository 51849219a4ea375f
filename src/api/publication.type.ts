import { CITATION } from '../domain/model/citation.kind.js';
import { DATASET, PUBLICATION } from '../domain/model/publication.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { declaredType } from './nodeKinds.js';

@declaredType(PUBLICATION)
export class Publication {}
// the fields as the record type has them (declared once in domain/model/publication.kind.ts)
export interface Publication extends RecordOf<typeof PUBLICATION> {}

@declaredType(CITATION)
export class Citation {}
// the fields as the record type has them (declared once in domain/model/citation.kind.ts)
export interface Citation extends RecordOf<typeof CITATION> {}

@declaredType(DATASET)
export class Dataset {}
export interface Dataset extends RecordOf<typeof DATASET> {}
