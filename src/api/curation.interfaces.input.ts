/**
 * Inputs of the additions of interface and cell facts (curation.resolver.ts): interphase observations, coating
 * applications and cells. Every field is checked before anything is written (services/curation/facts.service.ts);
 * a wrong one comes back in the payload's `errors`, named by its path ('input.thickness', 'input.results[0].value').
 */
import { Field, Float, InputType, Int } from 'type-graphql';
import type { PropertyKind } from '../domain/units/properties.js';
import type { CellType, CoatingRole, ComponentRole, DepositionMethod, InterphaseType, StabilityClass, Technique } from '../domain/vocabulary.js';
import { ProvenanceInput } from './curation.input.js';
import {
  CellTypeEnum,
  CoatingRoleEnum,
  ComponentRoleEnum,
  DepositionMethodEnum,
  InterphaseTypeEnum,
  MeasuredPropertyEnum,
  StabilityClassEnum,
  TechniqueEnum,
} from './enums.js';

const MATERIAL = "a material of the graph: its id ('Cl1Li6P1S5'), a name or alias ('LPSCl'), or a formula (else add it with addMaterial)";

@InputType({ description: 'A technique that gave evidence for an observation, and what it showed.' })
export class EvidenceInput {
  @Field(() => TechniqueEnum, { description: 'The technique.' })
  technique!: Technique;

  @Field(() => String, { nullable: true, description: 'What it showed, as the publication says (at most 5,000 characters).' })
  text?: string | null;
}

/** What an interphase observation says, shared by additions and corrections (a base class: not a type of the schema). */
@InputType({ description: 'What an interphase observation says.' })
class ObservationFields {
  @Field(() => String, { nullable: true, description: "The counterpart as printed, e.g. 'Li metal' (at most 500 characters)." })
  counterpartText?: string | null;

  @Field(() => String, { nullable: true, description: 'The products as printed.' })
  productsText?: string | null;

  @Field(() => Float, { nullable: true, description: 'Applied potential in V vs Li/Li+ (within −5…10 V).' })
  potential?: number | null;

  @Field(() => Float, { nullable: true, description: 'Thickness of the interphase in `thicknessUnit` (> 0).' })
  thickness?: number | null;

  @Field(() => String, { nullable: true, description: "Unit of `thickness` ('nm' default, 'µm', 'Å'...)." })
  thicknessUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'Conditions as stated: state of charge, annealing temperature, cycling (at most 5,000 characters).' })
  conditions?: string | null;

  @Field(() => StabilityClassEnum, { nullable: true, description: 'Stable, kinetically stabilised, artificially protected or unstable.' })
  stabilityClass?: StabilityClass | null;

  @Field(() => InterphaseTypeEnum, { nullable: true, description: 'Type 1 / 2 / 3 interphase (Wenzel et al. 2015).' })
  interphaseType?: InterphaseType | null;

  @Field(() => String, { nullable: true, description: "The character of the interphase in the publication's words." })
  characterText?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the products were computed rather than observed.' })
  computed?: boolean | null;
}

@InputType({ description: 'An interphase observed (or computed) at the interface of a solid electrolyte and a counterpart material, with its publication.' })
export class AddInterphaseObservationInput extends ObservationFields {
  @Field(() => String, { description: `The solid electrolyte: ${MATERIAL}.` })
  electrolyte!: string;

  @Field(() => String, {
    description: `What it meets (electrode, metal, coating): ${MATERIAL}. The interface '<electrolyte id>|<counterpart id>' is added with the observation when the graph lacks it.`,
  })
  counterpart!: string;

  @Field(() => [String], { nullable: true, description: `The products that form, in the publication's order: each ${MATERIAL} (at most 20).` })
  products?: string[] | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'The techniques that gave the evidence (at most 20).' })
  evidence?: EvidenceInput[] | null;

  @Field(() => ProvenanceInput, { nullable: true, description: 'Where it was published (required: a DOI or a full citation).' })
  provenance?: ProvenanceInput | null;
}

@InputType({ description: 'The fields of an interphase observation to change; those not given keep their value. Its interface, products, evidence and publication cannot change (retract and add instead).' })
export class InterphaseObservationCorrectionInput extends ObservationFields {}

@InputType({ description: 'A reported effect of a coating: values before and after, or one value, in `unit`, and/or words.' })
export class CoatingEffectInput {
  @Field(() => MeasuredPropertyEnum, { description: 'The quantity affected (AREA_SPECIFIC_RESISTANCE, CAPACITY_RETENTION, CRITICAL_CURRENT_DENSITY...).' })
  property!: PropertyKind;

  @Field(() => String, { nullable: true, description: 'The quantity as the publication names it.' })
  propertyText?: string | null;

  @Field(() => Float, { nullable: true, description: 'Without the coating, in `unit` (checked as a measured value: an ASR > 0 Ω cm², a retention within 0…100 %).' })
  before?: number | null;

  @Field(() => Float, { nullable: true, description: 'With the coating, in `unit`.' })
  after?: number | null;

  @Field(() => Float, { nullable: true, description: 'A single value, in `unit`.' })
  value?: number | null;

  @Field(() => String, { nullable: true, description: "The unit of the numbers ('Ω cm2', 'mA/cm2', '%'); default the property's canonical unit." })
  unit?: string | null;

  @Field(() => String, { nullable: true, description: "The effect in the publication's words (at most 5,000 characters)." })
  text?: string | null;
}

/** How a coating was applied and what it did, shared by additions and corrections (a base class: not a type of the schema). */
@InputType({ description: 'How a coating was applied and what it did.' })
class CoatingFields {
  @Field(() => String, { nullable: true, description: 'What it was applied on, as printed.' })
  substrateText?: string | null;

  @Field(() => String, { nullable: true, description: 'The method as the publication describes it (at most 500 characters).' })
  methodText?: string | null;

  @Field(() => Float, { nullable: true, description: 'Thickness in `thicknessUnit` (> 0).' })
  thickness?: number | null;

  @Field(() => String, { nullable: true, description: "Unit of `thickness` ('nm' default)." })
  thicknessUnit?: string | null;

  @Field(() => String, { nullable: true, description: "Loading as printed, e.g. '2 wt %' (at most 100 characters)." })
  loading?: string | null;

  @Field(() => [CoatingEffectInput], { nullable: true, description: 'Effects with numbers (at most 20).' })
  effects?: CoatingEffectInput[] | null;
}

@InputType({ description: 'A coating or interlayer applied on an electrode, particle or electrolyte, paired with a solid electrolyte, with its publication.' })
export class AddCoatingApplicationInput extends CoatingFields {
  @Field(() => String, { description: `The coating or interlayer material: ${MATERIAL}.` })
  coating!: string;

  @Field(() => String, { nullable: true, description: `What it was applied on (the electrode or the electrolyte): ${MATERIAL}.` })
  substrate?: string | null;

  @Field(() => String, { nullable: true, description: `The solid electrolyte it was paired with: ${MATERIAL}.` })
  electrolyte?: string | null;

  @Field(() => CoatingRoleEnum, { description: 'Cathode coating, anode interlayer, electrolyte coating...' })
  role!: CoatingRole;

  @Field(() => DepositionMethodEnum, { description: 'How it was applied.' })
  method!: DepositionMethod;

  @Field(() => String, { description: 'The effect as the publication states it (required, at most 5,000 characters).' })
  effectText!: string;

  @Field(() => ProvenanceInput, { nullable: true, description: 'Where it was published (required: a DOI or a full citation).' })
  provenance?: ProvenanceInput | null;
}

@InputType({ description: 'The fields of a coating application to change; those not given keep their value, and `effects`, when given, replaces every effect. Its coating, substrate, electrolyte and publication cannot change (retract and add instead).' })
export class CoatingApplicationCorrectionInput extends CoatingFields {
  @Field(() => CoatingRoleEnum, { nullable: true, description: 'Cathode coating, anode interlayer, electrolyte coating...' })
  role?: CoatingRole | null;

  @Field(() => DepositionMethodEnum, { nullable: true, description: 'How it was applied.' })
  method?: DepositionMethod | null;

  @Field(() => String, { nullable: true, description: 'The effect as the publication states it (not blank when given; at most 5,000 characters).' })
  effectText?: string | null;
}

@InputType({ description: 'A component of a cell: a material in its role.' })
export class CellComponentInput {
  @Field(() => String, { description: `The component: ${MATERIAL}.` })
  material!: string;

  @Field(() => ComponentRoleEnum, { description: 'Its role in the cell.' })
  role!: ComponentRole;

  @Field(() => String, { nullable: true, description: 'The component as printed (at most 500 characters).' })
  text?: string | null;
}

@InputType({ description: 'A result of a cell test: a value of a property in `unit`, and the cycle it refers to.' })
export class CellResultInput {
  @Field(() => MeasuredPropertyEnum, { description: 'The quantity (SPECIFIC_CAPACITY, CAPACITY_RETENTION, CYCLE_COUNT, COULOMBIC_EFFICIENCY, CRITICAL_CURRENT_DENSITY...).' })
  property!: PropertyKind;

  @Field(() => String, { nullable: true, description: 'The quantity as the publication names it.' })
  propertyText?: string | null;

  @Field(() => Float, {
    description:
      "The value in `unit`, checked as a measured value: a capacity or CCD > 0, a retention within 0…100 % (a fraction in [0, 1]), a number of cycles a non-negative integer.",
  })
  value!: number;

  @Field(() => String, { nullable: true, description: "The unit of `value` ('mAh/g', '%', 'mA/cm2', 'cycles'); default the property's canonical unit." })
  unit?: string | null;

  @Field(() => Int, { nullable: true, description: 'The cycle the value refers to (≥ 0).' })
  atCycle?: number | null;

  @Field(() => String, { nullable: true, description: "The result in the publication's words (at most 5,000 characters)." })
  text?: string | null;
}

/** The conditions and results of a cell test, shared by additions and corrections (a base class: not a type of the schema). */
@InputType({ description: 'The conditions and results of a cell test.' })
class CellConditionFields {
  @Field(() => Float, { nullable: true, description: 'Test temperature in `temperatureUnit` (> 0 K).' })
  temperature?: number | null;

  @Field(() => String, { nullable: true, description: "Unit of `temperature`: 'K' (default) or '°C'." })
  temperatureUnit?: string | null;

  @Field(() => String, { nullable: true, description: "Current density as printed, e.g. '0.1 mA/cm2' (at most 100 characters)." })
  currentDensity?: string | null;

  @Field(() => String, { nullable: true, description: "C-rate as printed, e.g. '0.1C'." })
  cRate?: string | null;

  @Field(() => String, { nullable: true, description: 'Stack pressure as printed.' })
  stackPressure?: string | null;

  @Field(() => String, { nullable: true, description: 'Areal loading as printed.' })
  arealLoading?: string | null;

  @Field(() => String, { nullable: true, description: 'Voltage range as printed.' })
  voltageRange?: string | null;

  @Field(() => String, { nullable: true, description: 'Other conditions as printed (at most 5,000 characters).' })
  conditions?: string | null;

  @Field(() => [CellResultInput], { nullable: true, description: 'Results with numbers (at most 20).' })
  results?: CellResultInput[] | null;
}

@InputType({ description: 'A cell test as reported: its type, components, conditions and results, with its publication.' })
export class AddCellResultInput extends CellConditionFields {
  @Field(() => CellTypeEnum, { description: 'Full, half or symmetric cell.' })
  cellType!: CellType;

  @Field(() => [CellComponentInput], { description: "The components in the publication's order (1 to 20)." })
  components!: CellComponentInput[];

  @Field(() => String, { description: 'The results as the publication states them (required, at most 5,000 characters).' })
  resultText!: string;

  @Field(() => ProvenanceInput, { nullable: true, description: 'Where it was published (required: a DOI or a full citation).' })
  provenance?: ProvenanceInput | null;
}

@InputType({ description: 'The fields of a cell test to change; those not given keep their value, and `results`, when given, replaces every result. Its components and publication cannot change (retract and add instead).' })
export class CellResultCorrectionInput extends CellConditionFields {
  @Field(() => CellTypeEnum, { nullable: true, description: 'Full, half or symmetric cell.' })
  cellType?: CellType | null;

  @Field(() => String, { nullable: true, description: 'The results as the publication states them (not blank when given; at most 5,000 characters).' })
  resultText?: string | null;
}
