import { PositiveIntResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ConductivityContribution } from '../graph/records.js';
import type { PropertyKind } from '../domain/units/properties.js';
import type { Qualifier } from '../domain/values/printedValue.js';
import { ConductivityContributionEnum, MeasuredPropertyEnum, QualifierEnum } from './enums.js';

@ObjectType({ description: 'Crystal structure of the phase the measurement was made on, as the source reports it.' })
export class ReportedStructure {
  @Field(() => String, { nullable: true, description: "Hermann–Mauguin symbol as printed, e.g. 'P 42/n m c'." })
  spaceGroupSymbol!: string | null;

  @Field(() => Int, { nullable: true, description: 'International Tables space-group number (1–230).' })
  spaceGroupNumber!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice parameter a in Å.' })
  a!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice parameter b in Å.' })
  b!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice parameter c in Å.' })
  c!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice angle α in degrees.' })
  alpha!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice angle β in degrees.' })
  beta!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice angle γ in degrees.' })
  gamma!: number | null;

  @Field(() => String, { nullable: true, description: 'ICSD collection code of the structure, where given.' })
  icsdId!: string | null;
}

@ObjectType({ description: 'Where a fact was read: a file and line, and for dataset records the dataset and the record id.' })
export class Source {
  @Field(() => String, { description: "File the fact was read from, e.g. 'all.csv' for OBELiX." })
  file!: string;

  @Field(() => PositiveIntResolver, { nullable: true, description: '1-based line of that file.' })
  line!: number | null;

  @Field(() => String, { nullable: true, description: "The record's id in its dataset (OBELiX's three-character ID)." })
  recordId!: string | null;

  datasetId!: string | null;
}

@ObjectType({
  description:
    'A measured property value of a material, as printed in its source and normalised to the canonical unit of the ' +
    'property (ionic conductivity: S/cm). Bounds are never stored as equalities: read `qualifier` first.',
})
export class Measurement {
  @Field(() => ID, { description: "Stable id, e.g. 'obelix:jqc' (OBELiX record jqc)." })
  id!: string;

  @Field(() => MeasuredPropertyEnum, { description: 'The property measured; it fixes the canonical `unit`.' })
  property!: PropertyKind;

  @Field(() => ConductivityContributionEnum, { description: 'For ionic conductivity: total, bulk or grain-boundary.' })
  contribution!: ConductivityContribution;

  @Field(() => QualifierEnum, { description: 'How to read value/min/max.' })
  qualifier!: Qualifier;

  @Field(() => Float, { nullable: true, description: 'The value in `unit`; null for bounds and ranges.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound or lower end of a range, in `unit`.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound (censored values such as <1E-10) or upper end of a range, in `unit`.' })
  max!: number | null;

  @Field(() => String, { description: "Canonical unit of value/min/max: 'S/cm' for ionic conductivity." })
  unit!: string;

  @Field(() => String, { description: "The value exactly as printed in the source, e.g. '<1E-10' or '1.58489e-06'." })
  printedValue!: string;

  @Field(() => String, { nullable: true, description: "The unit as printed in the source, e.g. 'S cm-1'." })
  printedUnit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Temperature of the measurement in K (room temperature is 298.15 K by convention).' })
  temperatureK!: number | null;

  @Field(() => String, { nullable: true, description: "Temperature as the source states it, e.g. 'room temperature'." })
  temperatureText!: string | null;

  @Field(() => String, { description: 'The formula as printed in this record.' })
  reportedFormula!: string;

  @Field(() => String, { nullable: true, description: 'The composition with explicit site occupancies, where the source gives it (OBELiX: True Composition).' })
  reportedSiteComposition!: string | null;

  @Field(() => ReportedStructure, { nullable: true, description: 'Crystal structure of the measured phase, where the source gives it.' })
  structure!: ReportedStructure | null;

  @Field(() => Source, { description: 'Where this measurement was read.' })
  source!: Source;

  materialId!: string;
  publicationDois!: string[];
}
