import { Field, InputType, Int } from 'type-graphql';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import type { StructuralFamily } from '../domain/families.js';
import type { PropertyKind } from '../domain/units/properties.js';
import type { VariantScopeKey as VariantScope } from '../domain/vocabulary.js';
import {
  CellTypeEnum,
  ChemicalClassEnum,
  CoatingRoleEnum,
  CounterpartKindEnum,
  DepositionMethodEnum,
  MeasuredPropertyEnum,
  SourceKindEnum,
  StructuralFamilyEnum,
  VariantScopeEnum,
  WindowMethodEnum,
} from './enums.js';
import { TemperatureRange, ValueRange, YearRange } from './query.input.js';
import { INTERPHASE_TYPE, InterphaseObservationWhere, VARIANTS } from './interface.input.js';
import { NumberRange } from './factList.input.js';

export const MATERIAL =
  "A material by id, registry id, curated or display name, alias or abbreviation (case-insensitive: 'LLZO', 'llzo', 'Lipon', 'NCM', " +
  "'β-Li3PS4', 'beta-alumina', 'Li2S-P2S5 glass'; a variant's name such as LLZTO stands for its variant: a filter of facts selects " +
  "that variant's facts (see its `variants`), others its material), or else a formula in any " +
  "notation ('Li6PS5Cl'); a name wins over reading the text as a formula. BAD_USER_INPUT when it names nothing, or a name that means " +
  'different materials in different reviews (the message lists them).';
export const MOBILE_ION =
  "Materials whose mobile ion is this one ('Li', 'Na', 'K', 'Mg', 'Ca', 'Zn' or 'Ag'), as MOBILE_ION groups them: the first of Li, Na, K, Mg, Ca, Zn, Ag " +
  "the material contains (a Ca-doped LLZO is a Li conductor). BAD_USER_INPUT naming the argument for another symbol.";
export const REVIEW = "Only facts stated in this review (its key: famprikis2019, feng2022, pasta2020, banerjee2020, lewis2019).";

@InputType({ description: 'Filters for measurements; all given filters must hold.' })
export class MeasurementWhere {
  @Field(() => String, { nullable: true, description: `The material measured (its variants as \`variants\` says). ${MATERIAL}` })
  material?: string | null;

  @Field(() => MeasuredPropertyEnum, { nullable: true, description: 'Only this property.' })
  property?: PropertyKind | null;

  @Field(() => StructuralFamilyEnum, {
    nullable: true,
    description: 'Measurements of materials any source places in this family (see `Material.families`); statements about the whole family are `aboutFamily`.',
  })
  family?: StructuralFamily | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'Only family-level statements: measurements about this whole family, of no single material.' })
  aboutFamily?: StructuralFamily | null;

  @Field(() => ChemicalClassEnum, { nullable: true, description: "Measurements of materials of this chemical class (as `Material.chemicalClass`, e.g. HALIDE; the same as `materials(where: {chemicalClass})`)." })
  chemicalClass?: ChemicalClass | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Measurements of materials whose elements include all of these symbols, e.g. ['Na'] for sodium conductors (as `materials(where: {elementsIncludeAll})`). " +
      'BAD_USER_INPUT naming `where.elementsIncludeAll` for an unknown element symbol.',
  })
  elementsIncludeAll?: string[] | null;

  @Field(() => String, { nullable: true, description: `Measurements of materials of this mobile ion. ${MOBILE_ION}` })
  mobileIon?: string | null;

  @Field(() => String, { nullable: true, description: REVIEW })
  review?: string | null;

  @Field(() => SourceKindEnum, { nullable: true, description: 'Only dataset records, or only review statements.' })
  source?: 'DATASET' | 'REVIEW' | null;

  @Field(() => ValueRange, {
    nullable: true,
    description:
      'Values known to lie in this range, in any unit of `property` (required beside it): an equality by its value, a lower ' +
      'bound or range by its lower end for `min`, an upper bound or range by its upper end for `max`.',
  })
  value?: ValueRange | null;

  @Field(() => TemperatureRange, { nullable: true, description: 'Measurement temperature in this range (K or °C).' })
  temperature?: TemperatureRange | null;

  @Field(() => YearRange, { nullable: true, description: 'Citing a publication of a year in this range.' })
  year?: YearRange | null;

  @Field(() => VariantScopeEnum, { nullable: true, description: VARIANTS })
  variants?: VariantScope | null;

  @Field(() => [MeasurementWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: MeasurementWhere[] | null;

  @Field(() => [MeasurementWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: MeasurementWhere[] | null;

  @Field(() => MeasurementWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: MeasurementWhere | null;
}

@InputType({ description: 'Filters for stability windows; all given filters must hold.' })
export class ReportedStabilityWindowWhere {
  @Field(() => String, { nullable: true, description: `The electrolyte. ${MATERIAL}` })
  material?: string | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'Only statements about this whole family.' })
  family?: StructuralFamily | null;

  @Field(() => WindowMethodEnum, { nullable: true, description: 'Only windows obtained this way.' })
  method?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only computed windows (COMPUTED_THERMODYNAMIC, COMPUTED_OTHER); false: only the others.' })
  computed?: boolean | null;

  @Field(() => String, { nullable: true, description: REVIEW })
  review?: string | null;

  @Field(() => ValueRange, {
    nullable: true,
    description:
      "Reduction limit in this range, in V ('V' default, 'mV' accepted) vs the window's own scale as stored (see `scale`; no conversion " +
      'between scales): a value by itself, a bound or range by its lower end for `min` and its upper end for `max`. Windows without a ' +
      'numeric reduction limit do not match. BAD_USER_INPUT `where.reductionLimit.unit` for a unit that is not a voltage.',
  })
  reductionLimit?: ValueRange | null;

  @Field(() => ValueRange, { nullable: true, description: 'Oxidation limit in this range; read as `reductionLimit`.' })
  oxidationLimit?: ValueRange | null;

  @Field(() => VariantScopeEnum, { nullable: true, description: VARIANTS })
  variants?: VariantScope | null;

  @Field(() => [ReportedStabilityWindowWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: ReportedStabilityWindowWhere[] | null;

  @Field(() => [ReportedStabilityWindowWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: ReportedStabilityWindowWhere[] | null;

  @Field(() => ReportedStabilityWindowWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: ReportedStabilityWindowWhere | null;
}

@InputType({ description: 'Filters for interfaces; all given filters must hold.' })
export class InterfaceWhere {
  @Field(() => String, { nullable: true, description: `A material on either side. ${MATERIAL}` })
  material?: string | null;

  @Field(() => String, { nullable: true, description: `The electrolyte side. ${MATERIAL}` })
  electrolyte?: string | null;

  @Field(() => String, { nullable: true, description: `The counterpart side (e.g. 'Li' for Li metal). ${MATERIAL}` })
  counterpart?: string | null;

  @Field(() => CounterpartKindEnum, { nullable: true, description: 'Only this kind of counterpart.' })
  counterpartKind?: string | null;

  @Field(() => String, { nullable: true, description: `Interfaces with an observation stated in this review (its key, e.g. 'banerjee2020'). BAD_USER_INPUT for a malformed key.` })
  review?: string | null;

  @Field(() => String, { nullable: true, description: `Interfaces with an observation of this interphase type. ${INTERPHASE_TYPE}` })
  interphaseType?: string | null;

  @Field(() => InterphaseObservationWhere, { nullable: true, description: 'Interfaces with at least one interphase observation matching this filter.' })
  hasObservation?: InterphaseObservationWhere | null;

  @Field(() => [InterfaceWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: InterfaceWhere[] | null;

  @Field(() => [InterfaceWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: InterfaceWhere[] | null;

  @Field(() => InterfaceWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: InterfaceWhere | null;
}

@InputType({ description: 'Filters for coating applications; all given filters must hold.' })
export class CoatingApplicationWhere {
  @Field(() => String, { nullable: true, description: `A material in any part (coating, substrate, electrolyte). ${MATERIAL}` })
  material?: string | null;

  @Field(() => String, { nullable: true, description: `The coating material. ${MATERIAL}` })
  coating?: string | null;

  @Field(() => String, { nullable: true, description: `What was coated. ${MATERIAL}` })
  substrate?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "What was coated contains all these elements: ['Ni', 'Co', 'Mn'] finds every NCM, named or with a composition.",
  })
  substrateElementsIncludeAll?: string[] | null;

  @Field(() => String, { nullable: true, description: `The paired solid electrolyte. ${MATERIAL}` })
  electrolyte?: string | null;

  @Field(() => ChemicalClassEnum, { nullable: true, description: 'The paired electrolyte is of this class (e.g. SULFIDE: any sulfide electrolyte).' })
  electrolyteClass?: ChemicalClass | null;

  @Field(() => CoatingRoleEnum, { nullable: true, description: 'Only cathode coatings, anode interlayers...' })
  role?: string | null;

  @Field(() => DepositionMethodEnum, { nullable: true, description: 'Only this deposition method.' })
  method?: string | null;

  @Field(() => String, { nullable: true, description: REVIEW })
  review?: string | null;

  @Field(() => ValueRange, {
    nullable: true,
    description:
      "Coating thickness in this range, in any length unit ('nm' default, 'µm', 'Å'...): a value by itself, a bound or range by its lower " +
      'end for `min` and its upper end for `max`; applications without a thickness do not match. BAD_USER_INPUT `where.thickness.unit` otherwise.',
  })
  thickness?: ValueRange | null;

  @Field(() => VariantScopeEnum, { nullable: true, description: VARIANTS })
  variants?: VariantScope | null;

  @Field(() => [CoatingApplicationWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: CoatingApplicationWhere[] | null;

  @Field(() => [CoatingApplicationWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: CoatingApplicationWhere[] | null;

  @Field(() => CoatingApplicationWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: CoatingApplicationWhere | null;
}

@InputType({ description: 'Filters for cells; all given filters must hold.' })
export class CellWhere {
  @Field(() => String, { nullable: true, description: `A component in any role. ${MATERIAL}` })
  material?: string | null;

  @Field(() => String, { nullable: true, description: `A solid electrolyte of the cell (separator, catholyte or anolyte). ${MATERIAL}` })
  electrolyte?: string | null;

  @Field(() => String, { nullable: true, description: `The cathode. ${MATERIAL}` })
  cathode?: string | null;

  @Field(() => String, { nullable: true, description: `The anode. ${MATERIAL}` })
  anode?: string | null;

  @Field(() => CellTypeEnum, { nullable: true, description: 'Only full, half or symmetric cells.' })
  cellType?: string | null;

  @Field(() => String, { nullable: true, description: REVIEW })
  review?: string | null;

  @Field(() => NumberRange, {
    nullable: true,
    description:
      'Reports a number of cycles in this range: a CYCLE_COUNT result (its value, a bound by its end on the safe side), or a result read ' +
      "at a cycle in the range (`atCycle`: '80 % retention after 500 cycles').",
  })
  cycles?: NumberRange | null;

  @Field(() => ValueRange, { nullable: true, description: "Reports a capacity retention in this range, in % ('%' only)." })
  capacityRetention?: ValueRange | null;

  @Field(() => ValueRange, {
    nullable: true,
    description: "Reports a critical current density in this range, in any current-density unit ('mA/cm2' default, 'A/cm2', 'mA/cm²'...).",
  })
  criticalCurrentDensity?: ValueRange | null;

  @Field(() => TemperatureRange, { nullable: true, description: "Test temperature in this range (K or °C; 'RT' is stored as 298.15 K)." })
  temperature?: TemperatureRange | null;

  @Field(() => VariantScopeEnum, { nullable: true, description: VARIANTS })
  variants?: VariantScope | null;

  @Field(() => [CellWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: CellWhere[] | null;

  @Field(() => [CellWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: CellWhere[] | null;

  @Field(() => CellWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: CellWhere | null;
}

@InputType({ description: 'Filters for publications; all given filters must hold.' })
export class PublicationWhere {
  @Field(() => String, { nullable: true, description: `Publications that reported a fact about this material. ${MATERIAL}` })
  material?: string | null;

  @Field(() => String, { nullable: true, description: "Cited by this review (its key, e.g. 'banerjee2020'); BAD_USER_INPUT `where.citedBy` for a malformed key." })
  citedBy?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the source reviews, or only the other publications.' })
  isReview?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The title contains this text (case-insensitive).' })
  titleContains?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of publication.' })
  year?: number | null;

  @Field(() => YearRange, { nullable: true, description: 'Year of publication in this range (inclusive); publications without a year do not match.' })
  years?: YearRange | null;

  @Field(() => String, {
    nullable: true,
    description: "Cited by this review (its key, e.g. 'banerjee2020'): the same as `citedBy`, under the name every list's review filter has.",
  })
  review?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "This DOI, in any common form ('10.1038/nmat3066', 'doi:10.1038/NMAT3066', 'https://doi.org/…'). BAD_USER_INPUT `where.doi` if not a DOI.",
  })
  doi?: string | null;

  @Field(() => [PublicationWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: PublicationWhere[] | null;

  @Field(() => [PublicationWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: PublicationWhere[] | null;

  @Field(() => PublicationWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: PublicationWhere | null;
}
