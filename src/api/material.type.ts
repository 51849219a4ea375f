import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import { StructuralFamilyEnum } from './enums.js';

@ObjectType({ description: 'One element of a composition and its amount in atoms per formula unit (may be fractional).' })
export class ElementAmount {
  @Field(() => String, { description: "Element symbol, e.g. 'Li'." })
  element!: string;

  @Field(() => Float, { description: 'Atoms per formula unit.' })
  amount!: number;
}

@ObjectType({
  description:
    'A material: one composition, whatever notation it was reported under (Li10GeP2S12 = Ge1Li10P2S12 = Li20Ge2P4S24). ' +
    'Polymorphs and forms of a composition share it; the structure of each measured phase is on its measurement.',
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

  @Field(() => String, { description: 'The formula as first reported.' })
  formula!: string;

  @Field(() => [String], { description: 'Every notation this composition was reported under, as printed.' })
  reportedFormulas!: string[];

  @Field(() => String, {
    description:
      "Reduced formula, elements by ascending Pauling electronegativity (pymatgen's convention, without polyanion " +
      'grouping); whole-number compositions divided by their greatest common divisor, fractional ones as written.',
  })
  reducedFormula!: string;

  @Field(() => [ElementAmount], { description: 'Parsed composition of `formula`, in the order written.' })
  composition!: ElementAmount[];

  @Field(() => [String], { description: 'Element symbols, alphabetical.' })
  elements!: string[];

  @Field(() => String, { description: "Chemical system: elements alphabetical joined by '-', e.g. 'Ge-Li-P-S'." })
  chemicalSystem!: string;

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
