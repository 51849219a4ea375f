import { InterfaceType, ObjectType } from 'type-graphql';
import { CELL, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT } from '../domain/model/cell.kind.js';
import { COATING_APPLICATION, COATING_EFFECT } from '../domain/model/coating.kind.js';
import { FACT } from '../domain/model/fact.kind.js';
import { INTERFACE } from '../domain/model/interface.kind.js';
import { EVIDENCE, INTERPHASE_OBSERVATION } from '../domain/model/interphaseObservation.kind.js';
import { STABILITY_WINDOW, WINDOW_LIMIT } from '../domain/model/stabilityWindow.kind.js';
import type { RecordOf } from '../domain/model/property.js';
// the object types the declarations name (Quantity, Source) and the enums register when these load
import './common.type.js';
import { fieldsOf, objectType } from './nodeKinds.js';
import './enums.js';

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
