import { Field, InputType } from 'type-graphql';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import type { StructuralFamily } from '../domain/families.js';
import type { PropertyKind } from '../domain/units/properties.js';
import type { ClaimKind, VariantScopeKey as VariantScope } from '../domain/vocabulary.js';
import { ChemicalClassEnum, ClaimKindEnum, MeasuredPropertyEnum, StructuralFamilyEnum, VariantScopeEnum } from './enums.js';
import { VARIANTS } from './interface.input.js';
import { MATERIAL, REVIEW } from './literature.input.js';

@InputType({ description: 'Filters for claims; all given filters must hold.' })
export class ClaimWhere {
  @Field(() => String, { nullable: true, description: "Only the claim of this id ('pasta2020:S12')." })
  id?: string | null;

  @Field(() => ClaimKindEnum, { nullable: true, description: 'Only claims of this kind.' })
  kind?: ClaimKind | null;

  @Field(() => [ClaimKindEnum], { nullable: true, description: 'Only claims of one of these kinds. BAD_USER_INPUT `where.kindIn` for an empty list.' })
  kindIn?: ClaimKind[] | null;

  @Field(() => String, { nullable: true, description: REVIEW })
  review?: string | null;

  @Field(() => String, { nullable: true, description: `About this material (its variants as \`variants\` says), or about an interface it is a side of (an interface names no variant). ${MATERIAL}` })
  material?: string | null;

  @Field(() => String, { nullable: true, description: `About an interface with this solid electrolyte. ${MATERIAL}` })
  electrolyte?: string | null;

  @Field(() => String, { nullable: true, description: `About an interface with this counterpart (electrode, metal, coating). ${MATERIAL}` })
  counterpart?: string | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'About this structural family.' })
  family?: StructuralFamily | null;

  @Field(() => ChemicalClassEnum, { nullable: true, description: 'About this chemical class (sulfide, oxide, halide electrolytes...).' })
  chemicalClass?: ChemicalClass | null;

  @Field(() => MeasuredPropertyEnum, { nullable: true, description: 'About this property.' })
  property?: PropertyKind | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The statement contains this text (case-insensitive, at most 200 characters). For words anywhere in the statement or the ' +
      'quote, ranked by relevance, use `search(kinds: [CLAIM])`. BAD_USER_INPUT `where.statementContains` for an empty or longer text.',
  })
  statementContains?: string | null;

  @Field(() => VariantScopeEnum, { nullable: true, description: VARIANTS })
  variants?: VariantScope | null;

  @Field(() => [ClaimWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: ClaimWhere[] | null;

  @Field(() => [ClaimWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: ClaimWhere[] | null;

  @Field(() => ClaimWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: ClaimWhere | null;
}
