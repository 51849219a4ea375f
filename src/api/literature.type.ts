import { Field, Float, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import type { PropertyKind } from '../domain/units/properties.js';
import { FACT } from '../domain/model/fact.kind.js';
import { INTERFACE } from '../domain/model/interface.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { Quantity } from './common.type.js';
import { fieldsOf } from './nodeKinds.js';
import {
  CellTypeEnum,
  CoatingRoleEnum,
  ComponentRoleEnum,
  DepositionMethodEnum,
  InterphaseTypeEnum,
  MeasuredPropertyEnum,
  ReferenceScaleEnum,
  StabilityClassEnum,
  StructuralFamilyEnum,
  TechniqueEnum,
  WindowMethodEnum,
} from './enums.js';

/** Fields every fact carries (declared once in domain/model/fact.kind.ts); the fact resolvers add `publication` and `publications`. */
@InterfaceType('Fact', { description: FACT.description })
@fieldsOf(FACT)
export abstract class FactBase {}
export interface FactBase extends RecordOf<typeof FACT> {}

@ObjectType({ description: 'One limit of a stability window: a potential (V vs the reference scale) and/or what the source says.' })
export class WindowLimit {
  @Field(() => Quantity, { nullable: true, description: 'The potential in V vs the window\'s reference scale; null for a qualitative limit.' })
  quantity!: Quantity | null;

  @Field(() => String, { nullable: true, description: "The limit as described, e.g. 'unstable at 0 V (Li3P, Li2S)'." })
  text!: string | null;
}

@ObjectType({
  implements: FactBase,
  description:
    'A reported electrochemical stability window of a solid electrolyte: reduction and/or oxidation limit (one-sided ' +
    'windows are common), the reference scale, and how it was obtained (computed windows are intrinsic; cyclic ' +
    'voltammetry against flat electrodes overestimates).',
})
export class ReportedStabilityWindow extends FactBase {
  @Field(() => WindowLimit, { name: 'reductionLimit', nullable: true, description: 'Reduction (lower) limit; null when not reported.' })
  reduction!: WindowLimit | null;

  @Field(() => WindowLimit, { name: 'oxidationLimit', nullable: true, description: 'Oxidation (upper) limit; null when not reported.' })
  oxidation!: WindowLimit | null;

  @Field(() => ReferenceScaleEnum, { description: 'Reference electrode of the limits (LI: V vs Li/Li+).' })
  scale!: string;

  @Field(() => WindowMethodEnum, { description: 'How the window was obtained.' })
  method!: string;

  @Field(() => String, { nullable: true, description: 'The method as the source describes it.' })
  methodText!: string | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'For a statement about a whole structural family.' })
  family!: StructuralFamily | null;

  materialId!: string | null;
}

@ObjectType({ description: INTERFACE.description })
@fieldsOf(INTERFACE)
export class Interface {}
// the fields as the record type has them (declared once in domain/model/interface.kind.ts)
export interface Interface extends RecordOf<typeof INTERFACE> {}

@ObjectType({ description: 'The technique that gave evidence for an observation, and what the source says it showed.' })
export class Evidence {
  @Field(() => TechniqueEnum, { description: 'The technique.' })
  technique!: string;

  @Field(() => String, { nullable: true, description: 'What it showed, as the source says.' })
  text!: string | null;
}

@ObjectType({
  implements: FactBase,
  description:
    'An interphase observed (or computed) at an interface under given conditions: the products that form, the character ' +
    'of the interphase under both classification schemes, and the evidence. Different conditions are different observations.',
})
export class InterphaseObservation extends FactBase {
  @Field(() => String, { nullable: true, description: "The counterpart as printed, e.g. 'Li metal', 'oxidation above 2.3 V'." })
  counterpartText!: string | null;

  @Field(() => Quantity, { nullable: true, description: 'Applied potential in V, where given.' })
  potential!: Quantity | null;

  @Field(() => String, { nullable: true, description: 'Conditions as stated (state of charge, annealing temperature, cycling...).' })
  conditions!: string | null;

  @Field(() => String, { nullable: true, description: 'The products as printed.' })
  productsText!: string | null;

  @Field(() => StabilityClassEnum, { nullable: true, description: 'Stable / kinetically stabilised / artificially protected / unstable, where the source supports it.' })
  stabilityClass!: string | null;

  @Field(() => InterphaseTypeEnum, { nullable: true, description: 'Type 1 / 2 / 3 interphase (Wenzel et al. 2015), where the source supports it.' })
  interphaseType!: string | null;

  @Field(() => String, { nullable: true, description: 'The character of the interphase in the source\'s words.' })
  characterText!: string | null;

  @Field(() => Quantity, { nullable: true, description: 'Thickness of the interphase in nm, where given.' })
  thickness!: Quantity | null;

  @Field(() => [Evidence], { description: 'Techniques that gave the evidence (XPS, TEM, ToF-SIMS, DFT...).' })
  evidence!: Evidence[];

  @Field(() => Boolean, { nullable: true, description: 'True when the products were computed rather than observed.' })
  computed!: boolean | null;

  interfaceId!: string;
  productIds!: string[];
}

@ObjectType({ description: 'A product of an interphase: a material, and the variant of it where the source names one (e.g. tetragonal LLZO).' })
export class InterphaseProduct {
  materialId!: string;
  variantId!: string | null;
}

@ObjectType({ description: 'A reported effect of a coating: a quantity before and after, or a single value, and/or words.' })
export class CoatingEffect {
  @Field(() => MeasuredPropertyEnum, { description: 'The quantity affected (interfacial resistance, capacity, retention...).' })
  property!: PropertyKind;

  @Field(() => String, { nullable: true, description: 'The quantity as the source names it.' })
  propertyText!: string | null;

  @Field(() => Quantity, { nullable: true, description: 'Without the coating.' })
  before!: Quantity | null;

  @Field(() => Quantity, { nullable: true, description: 'With the coating.' })
  after!: Quantity | null;

  @Field(() => Quantity, { nullable: true, description: 'A single reported value.' })
  value!: Quantity | null;

  @Field(() => String, { nullable: true, description: 'The effect in the source\'s words.' })
  text!: string | null;
}

@ObjectType({
  implements: FactBase,
  description:
    'A coating or interlayer applied on an electrode, particle or electrolyte, with the paired solid electrolyte, the ' +
    'deposition method, thickness and the effect it had (numbers before → after where reported).',
})
export class CoatingApplication extends FactBase {
  @Field(() => CoatingRoleEnum, { description: 'Cathode coating, anode interlayer, electrolyte coating...' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'What it was applied on, as printed.' })
  substrateText!: string | null;

  @Field(() => DepositionMethodEnum, { description: 'How it was applied.' })
  method!: string;

  @Field(() => String, { nullable: true, description: 'The method as the source describes it.' })
  methodText!: string | null;

  @Field(() => Quantity, { nullable: true, description: 'Thickness in nm, where given.' })
  thickness!: Quantity | null;

  @Field(() => String, { nullable: true, description: "Loading as printed, e.g. '2 wt %'." })
  loading!: string | null;

  @Field(() => [CoatingEffect], { description: 'Effects with numbers where reported.' })
  effects!: CoatingEffect[];

  @Field(() => String, { description: 'The effect as the source states it.' })
  effectText!: string;

  coatingId!: string;
  substrateId!: string | null;
  electrolyteId!: string | null;
  cellIds!: string[];
}

@ObjectType({ description: 'A component of a cell: a material in a role (anode, electrolyte, cathode, coating, interlayer...).' })
export class CellComponent {
  @Field(() => ComponentRoleEnum, { description: 'Its role in the cell.' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'The component as printed.' })
  text!: string | null;

  materialId!: string;
  variantId!: string | null;
}

@ObjectType({ description: 'A result of a cell test: a quantity (capacity, retention, cycles, CE, CCD, time to short) and the cycle it refers to.' })
export class CellResult extends Quantity {
  @Field(() => MeasuredPropertyEnum, { description: 'The quantity reported.' })
  property!: PropertyKind;

  @Field(() => String, { nullable: true, description: 'The quantity as the source names it.' })
  propertyText!: string | null;

  @Field(() => Int, { nullable: true, description: 'The cycle the value refers to, where given.' })
  atCycle!: number | null;

  @Field(() => String, { nullable: true, description: 'The result in the source\'s words.' })
  text!: string | null;
}

@ObjectType({ description: 'Test conditions of a cell as printed, with the temperature read in K where possible.' })
export class CellConditions {
  @Field(() => String, { nullable: true, description: "Temperature as printed ('RT', '60 °C')." })
  temperatureText!: string | null;

  @Field(() => Float, { nullable: true, description: 'Temperature in K (room temperature read as 298.15 K).' })
  temperatureK!: number | null;

  @Field(() => String, { nullable: true, description: 'Current density as printed.' })
  currentDensity!: string | null;

  @Field(() => String, { nullable: true, description: 'C-rate as printed.' })
  cRate!: string | null;

  @Field(() => String, { nullable: true, description: 'Stack pressure as printed.' })
  stackPressure!: string | null;

  @Field(() => String, { nullable: true, description: 'Areal loading as printed.' })
  arealLoading!: string | null;

  @Field(() => String, { nullable: true, description: 'Voltage range as printed.' })
  voltageRange!: string | null;

  @Field(() => String, { nullable: true, description: 'Other conditions as printed.' })
  other!: string | null;
}

@ObjectType({
  implements: FactBase,
  description:
    'A cell as reported: its components with their roles, the test conditions, and the results (full or half cells: ' +
    'capacity, retention, cycles, Coulombic efficiency; symmetric cells: critical current density, time to short circuit).',
})
export class Cell extends FactBase {
  @Field(() => CellTypeEnum, { description: 'Full, half or symmetric cell.' })
  cellType!: string;

  @Field(() => [CellComponent], { description: 'Components in the order the source lists them.' })
  components!: CellComponent[];

  @Field(() => CellConditions, { description: 'Test conditions.' })
  conditions!: CellConditions;

  @Field(() => [CellResult], { description: 'Results with numbers (empty when the source reports them only in words).' })
  results!: CellResult[];

  @Field(() => String, { description: 'The results as the source states them.' })
  resultText!: string;

  coatingApplicationIds!: string[];
}
