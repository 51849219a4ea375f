import { Field, InterfaceType, ObjectType } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import { CELL, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT } from '../domain/model/cell.kind.js';
import { COATING_APPLICATION, COATING_EFFECT } from '../domain/model/coating.kind.js';
import { FACT } from '../domain/model/fact.kind.js';
import { INTERFACE } from '../domain/model/interface.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { Quantity } from './common.type.js';
import { fieldsOf, objectType } from './nodeKinds.js';
import {
  InterphaseTypeEnum,
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

@ObjectType({ description: COATING_EFFECT.description })
@objectType('CoatingEffect')
@fieldsOf(COATING_EFFECT)
export class CoatingEffect {}
// the fields as the record type has them (declared once in domain/model/coating.kind.ts)
export interface CoatingEffect extends RecordOf<typeof COATING_EFFECT> {}

@ObjectType({ implements: FactBase, description: COATING_APPLICATION.description })
@fieldsOf(COATING_APPLICATION)
export class CoatingApplication extends FactBase {}
export interface CoatingApplication extends RecordOf<typeof COATING_APPLICATION> {}

@ObjectType({ description: CELL_COMPONENT.description })
@objectType('CellComponent')
@fieldsOf(CELL_COMPONENT)
export class CellComponent {}
// the fields as the record type has them (declared once in domain/model/cell.kind.ts)
export interface CellComponent extends RecordOf<typeof CELL_COMPONENT> {}

@ObjectType({ description: CELL_RESULT.description })
@objectType('CellResult')
@fieldsOf(CELL_RESULT)
export class CellResult {}
export interface CellResult extends RecordOf<typeof CELL_RESULT> {}

@ObjectType({ description: CELL_CONDITIONS.description })
@objectType('CellConditions')
@fieldsOf(CELL_CONDITIONS)
export class CellConditions {}
export interface CellConditions extends RecordOf<typeof CELL_CONDITIONS> {}

@ObjectType({ implements: FactBase, description: CELL.description })
@fieldsOf(CELL)
export class Cell extends FactBase {}
export interface Cell extends RecordOf<typeof CELL> {}
