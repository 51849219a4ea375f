import { ObjectType } from 'type-graphql';
import { CITATION } from '../domain/model/citation.kind.js';
import { DATASET, PUBLICATION } from '../domain/model/publication.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { fieldsOf } from './nodeKinds.js';

@ObjectType({ description: PUBLICATION.description })
@fieldsOf(PUBLICATION)
export class Publication {}
// the fields as the record type has them (declared once in domain/model/publication.kind.ts)
export interface Publication extends RecordOf<typeof PUBLICATION> {}

@ObjectType({ description: CITATION.description })
@fieldsOf(CITATION)
export class Citation {}
// the fields as the record type has them (declared once in domain/model/citation.kind.ts)
export interface Citation extends RecordOf<typeof CITATION> {}

@ObjectType({ description: DATASET.description })
@fieldsOf(DATASET)
export class Dataset {}
export interface Dataset extends RecordOf<typeof DATASET> {}
