import { Field, InputType } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import { ChemicalClassEnum, MaterialKindEnum, StructuralFamilyEnum } from './enums.js';
import { MeasurementWhere, MOBILE_ION } from './literature.input.js';
import { MATERIAL_NAMED } from './interface.input.js';

@InputType({ description: 'Filters for materials; all given filters must hold.' })
export class MaterialWhere {
  @Field(() => String, {
    nullable: true,
    description:
      "A formula in any notation: matches the material of the same composition ('Li10GeP2S12', 'Ge1Li10P2S12', " +
      "'Li₁₀GeP₂S₁₂', 'Li_{10}GeP_2S_{12}' and 'Li20Ge2P4S24' all match LGPS); or any name of a material, which wins over reading " +
      "the text as a formula ('LLZO', 'Lipon', see `name`). Error BAD_USER_INPUT if neither, or an ambiguous name (listing the options).",
  })
  formula?: string | null;

  @Field(() => [String], { nullable: true, description: "Element symbols that must all be present, e.g. ['Li', 'S']." })
  elementsIncludeAll?: string[] | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'Materials that any source places in this family (see `Material.families`).' })
  family?: StructuralFamily | null;

  @Field(() => String, { nullable: true, description: "Exact chemical system, elements in any order: 'Li-P-S' matches Li3PS4 and Li7P3S11." })
  chemicalSystem?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A material id, registry id, curated or display name, alias or abbreviation, or a polymorph's name, case-insensitive and " +
      "whatever the dashes, spaces, subscripts or Greek letters ('LiPON', 'Lipon', 'LLZO', 'llzo', 'NCM', 'LPSCl', 'β-Li3PS4', " +
      "'beta-alumina', 'Li2S-P2S5 glass'); a variant's name (LLZTO, Al-LLZO, c-LLZO) matches its material. Else a formula. " +
      'A name that means different materials (LPS: Li3PS4 in banerjee2020, Li7P3S11 in lewis2019) is BAD_USER_INPUT listing them.',
  })
  name?: string | null;

  @Field(() => MaterialKindEnum, { nullable: true, description: 'Only compositions or only named materials.' })
  kind?: 'COMPOSITION' | 'NAMED' | null;

  @Field(() => ChemicalClassEnum, { nullable: true, description: 'Only sulfides, oxides, halides...' })
  chemicalClass?: ChemicalClass | null;

  @Field(() => String, {
    nullable: true,
    description: "Materials with a measurement stated in this review (its key: famprikis2019, feng2022, pasta2020, banerjee2020, lewis2019).",
  })
  review?: string | null;

  @Field(() => MeasurementWhere, {
    nullable: true,
    description:
      'Materials with at least one measurement matching this filter (of the material or a variant), e.g. ' +
      "`{ property: IONIC_CONDUCTIVITY, value: { min: 1, unit: \"mS/cm\" } }`.",
  })
  hasMeasurement?: MeasurementWhere | null;

  @Field(() => String, { nullable: true, description: MOBILE_ION })
  mobileIon?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Materials tested against this material: the material is the electrolyte of an interface whose counterpart is the ' +
      "material named (e.g. 'Li' for Li metal) and where an interphase observation was reported. " + MATERIAL_NAMED,
  })
  testedAgainst?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Materials at whose interfaces (on either side: as electrolyte or as counterpart) the material named forms: a product of ' +
      "an interphase observation there (e.g. 'Li2S'). " + MATERIAL_NAMED,
  })
  observedForming?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Materials a coating of this material was applied on, or paired with as the solid electrolyte: a coating application whose ' +
      '`coating` is the named material and whose `substrate` or `electrolyte` is this one (`coatedWith: "LiNbO3"` finds NCM, LCO, LGPS...; ' +
      'the coating materials themselves are `coatingApplications(where: {coating: ...})`). The material by id, name, alias or formula in any ' +
      'notation, case-insensitive; BAD_USER_INPUT `where.coatedWith` when it names nothing or is ambiguous.',
  })
  coatedWith?: string | null;

  @Field(() => [MaterialWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: MaterialWhere[] | null;

  @Field(() => [MaterialWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: MaterialWhere[] | null;

  @Field(() => MaterialWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: MaterialWhere | null;
}
