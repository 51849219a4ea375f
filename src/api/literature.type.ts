import { Field, Float, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { PropertyKind } from '../domain/units/properties.js';
import { FACT } from '../domain/model/fact.kind.js';
import { INTERFACE } from '../domain/model/interface.kind.js';
import { EVIDENCE, INTERPHASE_OBSERVATION } from '../domain/model/interphaseObservation.kind.js';
import { STABILITY_WINDOW, WINDOW_LIMIT } from '../domain/model/stabilityWindow.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { Quantity } from './common.type.js';
import { fieldsOf, objectType } from './nodeKinds.js';
import {
  CellTypeEnum,
  CoatingRoleEnum,
  ComponentRoleEnum,
  DepositionMethodEnum,
  MeasuredPropertyEnum,
} from './enums.js';

/** Fields every fact carries (declared once in domain/model/fact.kind.ts); the fact resolvers add `publication` and `publications`. */
@InterfaceType('Fact', { description: FACT.description })
@fieldsOf(FACT)
export abstract class FactBase {}
export interface FactBase extends RecordOf<typeof FACT> {}

@ObjectType({ description: WINDOW_LIMIT.description })
@objectType('WindowLimit')
@fieldsOf(WINDOW_LIMIT)
export class WindowLimit {}
// the fields as the record type has them (declared once in domain/model/stabilityWindow.kind.ts)
export interface WindowLimit extends RecordOf<typeof WINDOW_LIMIT> {}

@ObjectType({ implements: FactBase, description: STABILITY_WINDOW.description })
@fieldsOf(STABILITY_WINDOW)
export class ReportedStabilityWindow extends FactBase {}
export interface ReportedStabilityWindow extends RecordOf<typeof STABILITY_WINDOW> {}

@ObjectType({ description: INTERFACE.description })
@fieldsOf(INTERFACE)
export class Interface {}
// the fields as the record type has them (declared once in domain/model/interface.kind.ts)
export interface Interface extends RecordOf<typeof INTERFACE> {}

@ObjectType({ description: EVIDENCE.description })
@objectType('Evidence')
@fieldsOf(EVIDENCE)
export class Evidence {}
export interface Evidence extends RecordOf<typeof EVIDENCE> {}

@ObjectType({ implements: FactBase, description: INTERPHASE_OBSERVATION.description })
@fieldsOf(INTERPHASE_OBSERVATION)
export class InterphaseObservation extends FactBase {}
// the fields as the record type has them (declared once in domain/model/interphaseObservation.kind.ts)
export interface InterphaseObservation extends RecordOf<typeof INTERPHASE_OBSERVATION> {}

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
