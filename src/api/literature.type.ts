import { InterfaceType } from 'type-graphql';
import { CELL, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT } from '../domain/model/cell.kind.js';
import { CLAIM, CLAIM_QUANTITY } from '../domain/model/claim.kind.js';
import { COATING_APPLICATION, COATING_EFFECT } from '../domain/model/coating.kind.js';
import { FACT } from '../domain/model/fact.kind.js';
import { INTERFACE } from '../domain/model/interface.kind.js';
import { EVIDENCE, INTERPHASE_OBSERVATION, INTERPHASE_PRODUCT } from '../domain/model/interphaseObservation.kind.js';
import { STABILITY_WINDOW, WINDOW_LIMIT } from '../domain/model/stabilityWindow.kind.js';
import type { RecordOf } from '../domain/model/property.js';
// the object types the declarations name (Quantity, Source) and the enums register when these load
import './common.type.js';
import { declaredType, fieldsOf } from './nodeKinds.js';
import './enums.js';

/**
 * Fields every fact carries (declared once in domain/model/fact.kind.ts); the fact resolvers add `publication` and
 * `publications`. A list of facts of several kinds (what a claim explains) tags each record with its type (`__typename`).
 */
@InterfaceType('Fact', { description: FACT.description, resolveType: (value: { __typename?: string }) => value.__typename })
@fieldsOf(FACT)
export abstract class FactBase {}
export interface FactBase extends RecordOf<typeof FACT> {}

@declaredType(WINDOW_LIMIT)
export class WindowLimit {}
// the fields as the record type has them (declared once in domain/model/stabilityWindow.kind.ts)
export interface WindowLimit extends RecordOf<typeof WINDOW_LIMIT> {}

@declaredType(STABILITY_WINDOW, { implements: FactBase })
export class ReportedStabilityWindow extends FactBase {}
export interface ReportedStabilityWindow extends RecordOf<typeof STABILITY_WINDOW> {}

@declaredType(INTERFACE)
export class Interface {}
// the fields as the record type has them (declared once in domain/model/interface.kind.ts)
export interface Interface extends RecordOf<typeof INTERFACE> {}

@declaredType(EVIDENCE)
export class Evidence {}
export interface Evidence extends RecordOf<typeof EVIDENCE> {}

@declaredType(INTERPHASE_OBSERVATION, { implements: FactBase })
export class InterphaseObservation extends FactBase {}
// the fields as the record type has them (declared once in domain/model/interphaseObservation.kind.ts)
export interface InterphaseObservation extends RecordOf<typeof INTERPHASE_OBSERVATION> {}

@declaredType(INTERPHASE_PRODUCT)
export class InterphaseProduct {}
// the record as the declaration has it (domain/model/interphaseObservation.kind.ts: stored on PRODUCES; material and variant are resolvers)
export interface InterphaseProduct extends RecordOf<typeof INTERPHASE_PRODUCT> {}

@declaredType(COATING_EFFECT)
export class CoatingEffect {}
// the fields as the record type has them (declared once in domain/model/coating.kind.ts)
export interface CoatingEffect extends RecordOf<typeof COATING_EFFECT> {}

@declaredType(COATING_APPLICATION, { implements: FactBase })
export class CoatingApplication extends FactBase {}
export interface CoatingApplication extends RecordOf<typeof COATING_APPLICATION> {}

@declaredType(CELL_COMPONENT)
export class CellComponent {}
// the fields as the record type has them (declared once in domain/model/cell.kind.ts)
export interface CellComponent extends RecordOf<typeof CELL_COMPONENT> {}

@declaredType(CELL_RESULT)
export class CellResult {}
export interface CellResult extends RecordOf<typeof CELL_RESULT> {}

@declaredType(CELL_CONDITIONS)
export class CellConditions {}
export interface CellConditions extends RecordOf<typeof CELL_CONDITIONS> {}

@declaredType(CELL, { implements: FactBase })
export class Cell extends FactBase {}
export interface Cell extends RecordOf<typeof CELL> {}

@declaredType(CLAIM_QUANTITY)
export class ClaimQuantity {}
// the fields as the record type has them (declared once in domain/model/claim.kind.ts)
export interface ClaimQuantity extends RecordOf<typeof CLAIM_QUANTITY> {}

@declaredType(CLAIM, { implements: FactBase })
export class Claim extends FactBase {}
export interface Claim extends RecordOf<typeof CLAIM> {}
