/**
 * Payloads of the writes of facts: what the write did (`status`), the record written or matched (read back
 * as every list reads it), or the problems of each field (nothing written).
 */
import { Field, ID, ObjectType } from 'type-graphql';
import type { FieldErrorCode } from '../domain/curation/validation.js';
import { FACT_VERSION } from '../domain/model/curation.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import type { CurationStatus } from '../services/curation/facts.service.js';
import { CurationStatusEnum, FieldErrorCodeEnum } from './enums.js';
import { Material, MaterialVariant } from './material.type.js';
import { Cell, Claim, CoatingApplication, InterphaseObservation, ReportedStabilityWindow } from './literature.type.js';
import { Measurement } from './measurement.type.js';
import { declaredType } from './nodeKinds.js';
import { Publication } from './publication.type.js';

@ObjectType({ description: 'A field of a submission that was refused, and why.' })
export class FieldError {
  @Field(() => String, { description: "The field's path in the arguments, e.g. 'input.value', 'input.provenance.doi', 'reason'." })
  field!: string;

  @Field(() => String, { description: 'What is wrong, in words (the submitted text is echoed at most 100 characters long).' })
  problem!: string;

  @Field(() => FieldErrorCodeEnum, { description: 'Why, as a code.' })
  code!: FieldErrorCode;
}

@declaredType(FACT_VERSION)
export class FactVersion {}
// the fields as the record type has them (declared once in domain/model/curation.kind.ts)
export interface FactVersion extends RecordOf<typeof FACT_VERSION> {}

/** The fields every payload has (a base class: not a type of the schema). */
@ObjectType({ description: 'The fields every payload of a write of facts has.' })
abstract class CurationPayload {
  @Field(() => Boolean, { description: 'True when the write was done (ADDED, PROPOSED, CORRECTED, RETRACTED, ACCEPTED, REJECTED, REVERTED).' })
  ok!: boolean;

  @Field(() => CurationStatusEnum, { description: 'What the write did.' })
  status!: CurationStatus;

  @Field(() => ID, { nullable: true, description: "The entity written or matched: a fact's id, a publication's key, a material's id, a reverted change set's id; null when INVALID." })
  id!: string | null;

  @Field(() => [FieldError], { description: 'Every refused field (INVALID); empty otherwise. Nothing is written while any field is wrong.' })
  errors!: FieldError[];

  @Field(() => ID, { nullable: true, description: 'For DUPLICATE: the entity the submission repeats (nothing was written).' })
  duplicateOf!: string | null;

  @Field(() => ID, { nullable: true, description: 'The change set the write was recorded in (the audit trail); null when nothing was written.' })
  changeSetId!: string | null;
}

@ObjectType({ description: 'The answer of addPublication.' })
export class PublicationPayload extends CurationPayload {
  @Field(() => Publication, { nullable: true, description: 'The publication added, or the one the submission repeats.' })
  record!: Publication | null;
}

@ObjectType({ description: 'The answer of addMaterial.' })
export class MaterialPayload extends CurationPayload {
  @Field(() => Material, { nullable: true, description: 'The material added, or the one the submission repeats.' })
  record!: Material | null;
}

@ObjectType({ description: 'The answer of addVariant.' })
export class MaterialVariantPayload extends CurationPayload {
  @Field(() => MaterialVariant, { nullable: true, description: 'The variant added, or the one the submission repeats.' })
  record!: MaterialVariant | null;
}

@ObjectType({ description: 'The answer of addMeasurement and correctMeasurement.' })
export class MeasurementPayload extends CurationPayload {
  @Field(() => Measurement, { nullable: true, description: 'The measurement as every list now reads it (its current version); null for a proposal (read by no list until accepted) and when INVALID.' })
  record!: Measurement | null;
}

@ObjectType({ description: 'The answer of addReportedWindow.' })
export class ReportedStabilityWindowPayload extends CurationPayload {
  @Field(() => ReportedStabilityWindow, { nullable: true, description: 'The window as every list now reads it; null for a proposal and when INVALID.' })
  record!: ReportedStabilityWindow | null;
}

@ObjectType({ description: 'The answer of addClaim.' })
export class ClaimPayload extends CurationPayload {
  @Field(() => Claim, { nullable: true, description: 'The claim as every list now reads it; null for a proposal and when INVALID.' })
  record!: Claim | null;
}

@ObjectType({ description: 'The answer of addInterphaseObservation.' })
export class InterphaseObservationPayload extends CurationPayload {
  @Field(() => InterphaseObservation, { nullable: true, description: 'The observation as every list now reads it; null for a proposal and when INVALID.' })
  record!: InterphaseObservation | null;
}

@ObjectType({ description: 'The answer of addCoatingApplication.' })
export class CoatingApplicationPayload extends CurationPayload {
  @Field(() => CoatingApplication, { nullable: true, description: 'The coating application as every list now reads it; null for a proposal and when INVALID.' })
  record!: CoatingApplication | null;
}

@ObjectType({ description: 'The answer of addCellResult.' })
export class CellPayload extends CurationPayload {
  @Field(() => Cell, { nullable: true, description: 'The cell as every list now reads it; null for a proposal and when INVALID.' })
  record!: Cell | null;
}

@ObjectType({ description: 'The answer of retractFact, acceptProposal, rejectProposal and revertChangeSet.' })
export class CurationChangePayload extends CurationPayload {
  @Field(() => [FactVersion], { description: "For a fact: its versions after the write, oldest first (the current one last); empty for a revert." })
  history!: FactVersion[];
}

