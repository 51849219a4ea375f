/**
 * Types and inputs of the statistics for dashboards (`measurementStatistics`, `materialStatistics`):
 * groups with their keys, counts, statistics of the values and of their log10 (decades), histograms.
 */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import type { StructuralFamily } from '../domain/families.js';
import { MOBILE_IONS } from '../domain/mobileIon.js';
import type { PropertyKind } from '../domain/units/properties.js';
import { ChemicalClassEnum, CounterpartKindEnum, InterphaseTypeEnum, MaterialKindEnum, MeasuredPropertyEnum, StabilityClassEnum, StructuralFamilyEnum, TechniqueEnum } from './enums.js';
import { PropertyStatisticEnum } from './query.input.js';

const MOBILE_ION_RULE = `derived from the elements: the first of ${MOBILE_IONS.join(', ')} the material contains (null for none)`;
const FAMILY_RULE =
  'each family any source gives (`Material.families`): a material in two families counts in both groups, so the groups may add up to more than the total; null for a material without a family';

export const MeasurementGroupByEnum = {
  FAMILY: 'FAMILY',
  MAIN_FAMILY: 'MAIN_FAMILY',
  CHEMICAL_CLASS: 'CHEMICAL_CLASS',
  MOBILE_ION: 'MOBILE_ION',
  YEAR: 'YEAR',
  REVIEW: 'REVIEW',
  PROPERTY: 'PROPERTY',
  MATERIAL: 'MATERIAL',
} as const;
registerEnumType(MeasurementGroupByEnum, {
  name: 'MeasurementGroupBy',
  description: 'What measurements are grouped by; several keys form combined groups. Measurements of no single material (family-level statements) have null material keys.',
  valuesConfig: {
    FAMILY: { description: `The measured material's structural family: ${FAMILY_RULE}.` },
    MAIN_FAMILY: { description: "The measured material's main family (`Material.family`, one per material)." },
    CHEMICAL_CLASS: { description: "The measured material's chemical class (sulfide, oxide, halide...)." },
    MOBILE_ION: { description: `The measured material's mobile ion, ${MOBILE_ION_RULE}.` },
    YEAR: { description: 'The earliest year among the publications the measurement cites (null when none has a year, e.g. most dataset records).' },
    REVIEW: { description: 'The review that states it (null for dataset records).' },
    PROPERTY: { description: 'The property measured (lets statistics mix properties: each group has one).' },
    MATERIAL: { description: 'The measured material (key.materialId, key.materialName).' },
  },
});

export const MaterialGroupByEnum = { FAMILY: 'FAMILY', MAIN_FAMILY: 'MAIN_FAMILY', CHEMICAL_CLASS: 'CHEMICAL_CLASS', KIND: 'KIND', MOBILE_ION: 'MOBILE_ION' } as const;
registerEnumType(MaterialGroupByEnum, {
  name: 'MaterialGroupBy',
  description: 'What materials are grouped by; several keys form combined groups.',
  valuesConfig: {
    FAMILY: { description: `Structural family: ${FAMILY_RULE}.` },
    MAIN_FAMILY: { description: 'The main family (`Material.family`, one per material).' },
    CHEMICAL_CLASS: { description: 'Chemical class (sulfide, oxide, halide...).' },
    KIND: { description: 'A composition or a named material.' },
    MOBILE_ION: { description: `The mobile ion, ${MOBILE_ION_RULE}.` },
  },
});

export const HistogramFieldEnum = { VALUE: 'VALUE', LOG10_VALUE: 'LOG10_VALUE', TEMPERATURE: 'TEMPERATURE', YEAR: 'YEAR' } as const;
registerEnumType(HistogramFieldEnum, {
  name: 'HistogramField',
  description: 'What a histogram bins.',
  valuesConfig: {
    VALUE: { description: 'The value (`Measurement.value`; for materials the value of `value`), in `unit` or the canonical unit.' },
    LOG10_VALUE: { description: 'log10 of a positive value: decades of `unit` (default: of the canonical unit, e.g. log10 σ in S/cm).' },
    TEMPERATURE: { description: "The measurement temperature, in `unit` ('K', default, or '°C')." },
    YEAR: { description: 'The year of the measurement (as MeasurementGroupBy.YEAR).' },
  },
});

export const StatisticsOrderEnum = { KEY: 'KEY', COUNT: 'COUNT' } as const;
registerEnumType(StatisticsOrderEnum, {
  name: 'StatisticsOrder',
  description: 'The order of the groups.',
  valuesConfig: { KEY: { description: 'By the group keys, in the order of `groupBy`, ascending, nulls last (the default).' }, COUNT: { description: 'Largest groups first, ties by key.' } },
});

@InputType({
  description:
    'The bins of a histogram: `bins` (ascending edges, at most 201, i.e. 200 bins) or `min`, `max` and `width` (at most 200 bins; the last ' +
    'edge is the first of min + i·width at or above max). Bin i holds edges[i] ≤ x < edges[i+1], the last bin also x = its upper edge. ' +
    'Errors: BAD_USER_INPUT naming `histogram.bins[i]` (not finite, not strictly ascending), `histogram.bins` (fewer than 2 or too many), ' +
    '`histogram.width`, `histogram.min`, `histogram.max`, `histogram.unit` (not a unit of the property).',
})
export class HistogramInput {
  @Field(() => HistogramFieldEnum, { description: 'What is binned.' })
  field!: keyof typeof HistogramFieldEnum;

  @Field(() => [Float], { nullable: true, description: 'Ascending edges, e.g. [-8, -7, -6, -5, -4, -3, -2, -1] for log10 σ in S/cm.' })
  bins?: number[] | null;

  @Field(() => Float, { nullable: true, description: 'First edge (with max and width).' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end (with min and width).' })
  max?: number | null;

  @Field(() => Float, { nullable: true, description: 'Bin width (with min and max).' })
  width?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Unit of the edges: for VALUE any unit of the property ('mS/cm'), for LOG10_VALUE the unit whose decades the edges are, for " +
      "TEMPERATURE 'K' or '°C'. Default: the canonical unit (K). Needs `where.property` for values.",
  })
  unit?: string | null;
}

@InputType({ description: "Which value of each material the statistics are of: a statistic of the material's reported values of a property." })
export class MaterialValueInput {
  @Field(() => MeasuredPropertyEnum, { description: 'The property (values in its canonical unit, e.g. S/cm for IONIC_CONDUCTIVITY).' })
  property!: PropertyKind;

  @Field(() => PropertyStatisticEnum, { nullable: true, defaultValue: 'MAX', description: 'Which report: MAX (the best, default), MIN, MEDIAN, LATEST.' })
  statistic?: keyof typeof PropertyStatisticEnum | null;
}

@ObjectType({ description: 'Statistics of numbers, computed in the database (Neo4j avg, stDev, percentileCont).' })
export class ValueStatistics {
  @Field(() => Int, { description: 'How many numbers the statistics are of (for values: measurements with a point value; ranges and bounds are not counted).' })
  count!: number;

  @Field(() => String, {
    nullable: true,
    description: "The canonical unit of the property ('S/cm' for ionic conductivity); for log10Value, the unit whose decades these are.",
  })
  unit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Smallest; null when count is 0.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest.' })
  max!: number | null;

  @Field(() => Float, { nullable: true, description: 'Arithmetic mean (of log10Value: the log10 of the geometric mean).' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sample standard deviation (n − 1); null for fewer than 2.' })
  standardDeviation!: number | null;

  @Field(() => Float, { nullable: true, description: 'First quartile: percentileCont 0.25 (linear interpolation, as numpy.percentile by default).' })
  q1!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median: percentileCont 0.5.' })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: 'Third quartile: percentileCont 0.75.' })
  q3!: number | null;
}

@ObjectType({ description: 'Counts per bin of a histogram, with what fell outside.' })
export class Histogram {
  @Field(() => HistogramFieldEnum, { description: 'What was binned.' })
  field!: keyof typeof HistogramFieldEnum;

  @Field(() => String, { nullable: true, description: 'The unit of the edges as asked (null: the canonical unit, K, or years).' })
  unit!: string | null;

  @Field(() => [Float], { description: 'The edges, as asked (one more than counts).' })
  edges!: number[];

  @Field(() => [Int], { description: 'Items per bin: counts[i] has edges[i] ≤ x < edges[i+1] (the last bin includes its upper edge).' })
  counts!: number[];

  @Field(() => Int, { description: 'Items below the first edge.' })
  below!: number;

  @Field(() => Int, { description: 'Items above the last edge.' })
  above!: number;

  @Field(() => Int, { description: 'Items without the binned number (no point value, a non-positive value for LOG10_VALUE, no temperature, no year).' })
  missing!: number;
}

@ObjectType({ description: 'The keys of a group of measurements: those of `groupBy`, the others null.' })
export class MeasurementGroupKey {
  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'FAMILY.' })
  family!: StructuralFamily | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'MAIN_FAMILY.' })
  mainFamily!: StructuralFamily | null;

  @Field(() => ChemicalClassEnum, { nullable: true, description: 'CHEMICAL_CLASS.' })
  chemicalClass!: ChemicalClass | null;

  @Field(() => String, { nullable: true, description: "MOBILE_ION: an element symbol ('Li', 'Na')." })
  mobileIon!: string | null;

  @Field(() => Int, { nullable: true, description: 'YEAR.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'REVIEW: the review key.' })
  review!: string | null;

  @Field(() => MeasuredPropertyEnum, { nullable: true, description: 'PROPERTY.' })
  property!: PropertyKind | null;

  @Field(() => String, { nullable: true, description: 'MATERIAL: the material id.' })
  materialId!: string | null;

  @Field(() => String, { nullable: true, description: 'MATERIAL: the material display name.' })
  materialName!: string | null;
}

@ObjectType({ description: 'The keys of a group of materials: those of `groupBy`, the others null.' })
export class MaterialGroupKey {
  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'FAMILY.' })
  family!: StructuralFamily | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'MAIN_FAMILY.' })
  mainFamily!: StructuralFamily | null;

  @Field(() => ChemicalClassEnum, { nullable: true, description: 'CHEMICAL_CLASS.' })
  chemicalClass!: ChemicalClass | null;

  @Field(() => MaterialKindEnum, { nullable: true, description: 'KIND.' })
  kind!: 'COMPOSITION' | 'NAMED' | null;

  @Field(() => String, { nullable: true, description: "MOBILE_ION: an element symbol ('Li', 'Na')." })
  mobileIon!: string | null;
}

@ObjectType({ description: 'One group of measurements.' })
export class MeasurementGroup {
  @Field(() => MeasurementGroupKey, { description: 'The keys of the group.' })
  key!: MeasurementGroupKey;

  @Field(() => Int, { description: 'Measurements in the group (points, ranges and bounds).' })
  count!: number;

  @Field(() => ValueStatistics, { nullable: true, description: "Statistics of `Measurement.value` (point values only), in the property's canonical unit." })
  value!: ValueStatistics | null;

  @Field(() => ValueStatistics, {
    nullable: true,
    description: 'Statistics in decades: of log10 of each positive point value in the canonical unit (e.g. median log10 σ in S/cm); non-positive values are left out.',
  })
  log10Value!: ValueStatistics | null;

  @Field(() => Histogram, { nullable: true, description: 'The histogram asked for by `histogram`; null without it.' })
  histogram!: Histogram | null;
}

@ObjectType({ description: 'One group of materials.' })
export class MaterialGroup {
  @Field(() => MaterialGroupKey, { description: 'The keys of the group.' })
  key!: MaterialGroupKey;

  @Field(() => Int, { description: 'Materials in the group.' })
  count!: number;

  @Field(() => ValueStatistics, { nullable: true, description: "Statistics across the group's materials of each material's `value` (materials without one are not counted)." })
  value!: ValueStatistics | null;

  @Field(() => ValueStatistics, { nullable: true, description: "The same in decades: log10 of each material's positive value." })
  log10Value!: ValueStatistics | null;

  @Field(() => Histogram, { nullable: true, description: "Histogram of the materials' values (VALUE or LOG10_VALUE); null without `histogram`." })
  histogram!: Histogram | null;
}

@ObjectType({ description: 'Groups of measurements with their counts and statistics.' })
export class MeasurementStatistics {
  @Field(() => Int, { description: 'Groups the filter yields (the page `groups` may hold fewer: `first`).' })
  totalGroups!: number;

  @Field(() => [MeasurementGroup], { description: 'The first `first` groups in the order asked.' })
  groups!: MeasurementGroup[];
}

@ObjectType({ description: 'Groups of materials with their counts and statistics.' })
export class MaterialStatistics {
  @Field(() => Int, { description: 'Groups the filter yields (the page `groups` may hold fewer: `first`).' })
  totalGroups!: number;

  @Field(() => [MaterialGroup], { description: 'The first `first` groups in the order asked.' })
  groups!: MaterialGroup[];
}

export const InterphaseObservationGroupByEnum = {
  INTERPHASE_TYPE: 'INTERPHASE_TYPE',
  STABILITY_CLASS: 'STABILITY_CLASS',
  COUNTERPART_KIND: 'COUNTERPART_KIND',
  REVIEW: 'REVIEW',
  TECHNIQUE: 'TECHNIQUE',
} as const;
registerEnumType(InterphaseObservationGroupByEnum, {
  name: 'InterphaseObservationGroupBy',
  description: 'What interphase observations are grouped by; several keys form combined groups.',
  valuesConfig: {
    INTERPHASE_TYPE: { description: 'The interphase type (null where the source does not say).' },
    STABILITY_CLASS: { description: 'The stability class of the interface.' },
    COUNTERPART_KIND: { description: 'What the electrolyte meets: a material, an applied potential, an environment.' },
    REVIEW: { description: 'The review that states it.' },
    TECHNIQUE: { description: 'Each technique of its evidence: an observation with several techniques counts in each group (null: none named).' },
  },
});

@ObjectType({ description: 'The keys of a group of interphase observations: those of `groupBy`, the others null.' })
export class InterphaseObservationGroupKey {
  @Field(() => InterphaseTypeEnum, { nullable: true, description: 'INTERPHASE_TYPE.' })
  interphaseType!: string | null;

  @Field(() => StabilityClassEnum, { nullable: true, description: 'STABILITY_CLASS.' })
  stabilityClass!: string | null;

  @Field(() => CounterpartKindEnum, { nullable: true, description: 'COUNTERPART_KIND.' })
  counterpartKind!: string | null;

  @Field(() => String, { nullable: true, description: 'REVIEW: the review key.' })
  review!: string | null;

  @Field(() => TechniqueEnum, { nullable: true, description: 'TECHNIQUE.' })
  technique!: string | null;
}

@ObjectType({ description: 'One group of interphase observations.' })
export class InterphaseObservationGroup {
  @Field(() => InterphaseObservationGroupKey, { description: 'The keys of the group.' })
  key!: InterphaseObservationGroupKey;

  @Field(() => Int, { description: 'Observations in the group.' })
  count!: number;
}

@ObjectType({ description: 'Groups of interphase observations with their counts.' })
export class InterphaseObservationStatistics {
  @Field(() => Int, { description: 'Groups (the page `groups` may hold fewer: `first`).' })
  totalGroups!: number;

  @Field(() => [InterphaseObservationGroup], { description: 'The first `first` groups in the order asked.' })
  groups!: InterphaseObservationGroup[];
}
