import { Field, ObjectType } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import { TECHNIQUE } from '../domain/model/interphaseObservation.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { StructuralFamilyEnum } from './enums.js';
import { declaredType } from './nodeKinds.js';

@ObjectType({
  description:
    'A structural family of solid electrolytes, the top of the material hierarchy (family → composition → variant), ' +
    'with the statements the reviews make about the family as a whole.',
})
export class MaterialFamily {
  @Field(() => StructuralFamilyEnum, { description: 'The family.' })
  id!: StructuralFamily;

  @Field(() => String, { description: 'What the family comprises, with examples.' })
  description!: string;
}

@declaredType(TECHNIQUE)
export class CharacterizationTechnique {}
// the node's fields as the record type has them (declared once in domain/model/interphaseObservation.kind.ts)
export interface CharacterizationTechnique extends RecordOf<typeof TECHNIQUE> {}
