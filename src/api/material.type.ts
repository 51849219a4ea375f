import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import { ChemicalClassEnum, MaterialKindEnum, StructuralFamilyEnum } from './enums.js';

@ObjectType({ description: 'One element of a composition and its amount in atoms per formula unit (may be fractional).' })
export class ElementAmount {
  @Field(() => String, { description: "Element symbol, e.g. 'Li'." })
  element!: string;

  @Field(() => Float, { description: 'Atoms per formula unit.' })
  amount!: number;
}

@ObjectType({ description: 'An element put on a site of a host material, and how much.' })
export class Dopant {
  @Field(() => String, { description: "Element symbol, e.g. 'Ta'." })
  element!: string;

  @Field(() => String, { nullable: true, description: "The host site it occupies, e.g. 'Zr' (Ta on the Zr site of LLZO)." })
  site!: string | null;

  @Field(() => String, { nullable: true, description: "Amount as printed: a number per formula unit ('0.5') or text ('x = 0.25')." })
  amount!: string | null;
}

@ObjectType({ description: 'A variant of a material: polymorph (cubic/tetragonal), form (glass, thin film), or doped version.' })
export class MaterialVariant {
  @Field(() => ID, { description: "Stable id: the material id and the variant's attributes, e.g. 'La3Li7O12Zr2|polymorph=cubic'." })
  id!: string;

  @Field(() => [String], { description: "Names the sources give it, e.g. ['c-LLZO']." })
  labels!: string[];

  @Field(() => String, { nullable: true, description: "Polymorph, e.g. 'cubic', 'tetragonal', 'β'." })
  polymorph!: string | null;

  @Field(() => String, { nullable: true, description: "Form, e.g. 'glass', 'glass-ceramic', 'thin film', 'single crystal'." })
  form!: string | null;

  @Field(() => [Dopant], { description: 'Dopants with their sites and amounts.' })
  dopants!: Dopant[];

  materialId!: string;
}

@ObjectType({ description: 'A name or abbreviation a material goes by; some mean different materials in different reviews.' })
export class MaterialAlias {
  @Field(() => String, { description: "The alias, e.g. 'LPS'." })
  alias!: string;

  @Field(() => String, { nullable: true, description: "Key of the review where it means this material ('banerjee2020'); null when it does in every review." })
  review!: string | null;

  variantId!: string | null;
}

@ObjectType({
  description:
    'A material: one composition, whatever notation it was reported under (Li10GeP2S12 = Ge1Li10P2S12 = Li20Ge2P4S24), ' +
    'or a named material without one fixed composition (LiPON, NCM, a polymer). Polymorphs, forms and doped versions ' +
    'are its variants; facts about them are facts about the material too.',
})
export class Material {
  @Field(() => ID, {
    description:
      "The composition key: alphabetical elements with their smallest whole-number proportions, e.g. 'Ge1Li10P2S12' " +
      "for Li10GeP2S12, 'La15Li32O60Ta3Zr7' for Li6.4La3Zr1.4Ta0.6O12.",
  })
  id!: string;

  @Field(() => String, { description: 'Display name (the reduced formula unless a common name is curated).' })
  name!: string;

  @Field(() => MaterialKindEnum, { description: 'A composition or a named material.' })
  kind!: 'COMPOSITION' | 'NAMED';

  @Field(() => String, { nullable: true, description: 'What the material is, for named materials.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The formula as curated or first reported; null for named materials.' })
  formula!: string | null;

  @Field(() => [String], { description: 'Every notation this composition was reported under, as printed.' })
  reportedFormulas!: string[];

  @Field(() => String, {
    description:
      "Reduced formula, elements by ascending Pauling electronegativity (pymatgen's convention, without polyanion " +
      'grouping); whole-number compositions divided by their greatest common divisor, fractional ones as written. ' +
      'Null for named materials.',
    nullable: true,
  })
  reducedFormula!: string | null;

  @Field(() => [ElementAmount], { description: 'Parsed composition of `formula`, in the order written.' })
  composition!: ElementAmount[];

  @Field(() => [String], { description: 'Element symbols, alphabetical (for named materials: the elements they always contain).' })
  elements!: string[];

  @Field(() => String, { nullable: true, description: "Chemical system: elements alphabetical joined by '-', e.g. 'Ge-Li-P-S'." })
  chemicalSystem!: string | null;

  @Field(() => ChemicalClassEnum, { nullable: true, description: 'Sulfide, oxide, halide... (from the family, else from the elements).' })
  chemicalClass!: ChemicalClass | null;

  @Field(() => [MaterialAlias], { description: 'Names and abbreviations the reviews use for it.' })
  aliases!: MaterialAlias[];

  @Field(() => StructuralFamilyEnum, {
    nullable: true,
    description: 'Structural family (controlled vocabulary) that most sources give; null when none names one. See `families` when they disagree.',
  })
  family!: StructuralFamily | null;

  @Field(() => [StructuralFamilyEnum], { description: "Every family the sources give, e.g. ['THIO_LISICON', 'LGPS']." })
  families!: StructuralFamily[];

  @Field(() => [String], { description: "The family labels sources printed, e.g. ['garnet', 'garnet-like']." })
  familyLabels!: string[];
}
