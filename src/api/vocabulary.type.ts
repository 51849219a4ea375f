import { Field, ObjectType } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import { StructuralFamilyEnum, TechniqueEnum } from './enums.js';

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

@ObjectType({ description: 'A characterisation or computational technique, and the interphase observations it gave evidence for.' })
export class CharacterizationTechnique {
  @Field(() => TechniqueEnum, { description: 'The technique.' })
  id!: string;

  @Field(() => String, { description: 'What it is and what it reveals.' })
  description!: string;
}
