import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Qualifier } from '../domain/values/printedValue.js';
import type { CitationConfidence } from '../domain/vocabulary.js';
import { CitationConfidenceEnum, QualifierEnum, SourceKindEnum } from './enums.js';

@ObjectType({
  description:
    'A value as printed and in the canonical unit of its property. Read `qualifier` first: bounds and ranges have ' +
    '`value` null and `min`/`max` set.',
})
export class Quantity {
  @Field(() => QualifierEnum, { description: 'How to read value/min/max.' })
  qualifier!: Qualifier;

  @Field(() => Float, { nullable: true, description: 'The value in `unit`; null for bounds and ranges.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound or lower end of a range, in `unit`.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound or upper end of a range, in `unit`.' })
  max!: number | null;

  @Field(() => String, { description: "Canonical unit of value/min/max (e.g. 'S/cm', 'Ω cm2', 'mA/cm2', 'V', 'K'); '' when dimensionless." })
  unit!: string;

  @Field(() => String, { description: "The value exactly as printed, e.g. '~60' or '<5'." })
  printedValue!: string;

  @Field(() => String, { nullable: true, description: 'The unit exactly as printed.' })
  printedUnit!: string | null;

  @Field(() => String, { nullable: true, description: "The unit the printed one was read as, when it was a misprint (e.g. 'Ω cm²' for a printed 'Ω/cm²')." })
  unitAsMeant!: string | null;

  @Field(() => Float, { nullable: true, description: "± uncertainty of `value` in `unit`, where printed ('7.1 ± 0.3')." })
  uncertainty!: number | null;

  @Field(() => Boolean, { description: "True for an approximate range ('≈ 10⁻³–1')." })
  approximate!: boolean;
}

@ObjectType({
  description:
    'Where a fact was read (two-level provenance): for a review statement the review, the file and line of its text, ' +
    'the reference number it prints and an exact quote; for a dataset record the dataset, file, line and record id. ' +
    'The original paper is the fact\'s `publication`.',
})
export class Source {
  @Field(() => SourceKindEnum, { description: 'A review statement or a dataset record.' })
  kind!: 'DATASET' | 'REVIEW';

  @Field(() => String, { description: "File the fact was read from: a review text ('003_9ddcaf3869a721a2.txt') or a dataset file ('all.csv')." })
  file!: string;

  @Field(() => [Int], { description: '1-based lines of that file the fact was read from.' })
  lines!: number[];

  @Field(() => [Int], { description: 'Every reference number the review prints for the statement (empty when it cites none).' })
  referenceNumbers!: number[];

  @Field(() => CitationConfidenceEnum, { description: 'How far the printed reference can be trusted (about one citation in twenty in the reviews is off).' })
  citationConfidence!: CitationConfidence;

  @Field(() => Int, { nullable: true, description: 'The reference number that was meant, when the printed one is wrong.' })
  correctedReferenceNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'The words of the review the fact was read from, exactly as in its text.' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'Curator note: doubts, misprints, contradictions.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: "The curated record file the fact was written down in (seed/…)." })
  seedFile!: string | null;

  @Field(() => String, { nullable: true, description: "The record's id in its dataset (OBELiX's three-character ID)." })
  recordId!: string | null;

  reviewPublicationKey!: string | null;
  correctedPublicationKey!: string | null;
  datasetId!: string | null;
}
