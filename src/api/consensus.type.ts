/**
 * What the reports agree on for one property of one material (`Material.consensus`): the GraphQL shape of
 * services/consensus.service.ts. Method and sources: domain/consensus.ts.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ConductivityContribution } from '../domain/model/measurement.kind.js';
import type { PropertyKind } from '../domain/units/properties.js';
import { ConductivityContributionEnum, MeasuredPropertyEnum, SourceKindEnum } from './enums.js';
import { Measurement } from './measurement.type.js';

@ObjectType({ description: 'The reports of one kind of source (review statements, dataset records) within a consensus.' })
export class ConsensusBySource {
  @Field(() => SourceKindEnum, { description: 'The kind of source.' }) source!: string;
  @Field(() => Int, { description: 'Reports of this source with a point value.' }) reports!: number;
  @Field(() => Float, { nullable: true, description: 'Their median, taken on log10 for a property that spans decades and given back in `unit`.' }) median!: number | null;
  @Field(() => String, { description: 'The canonical unit of the property.' }) unit!: string;
}

@ObjectType({ description: "A report beyond Tukey's fences (Q1 − 1.5·IQR, Q3 + 1.5·IQR; on log10 for a property that spans decades)." })
export class ConsensusOutlier {
  @Field(() => Measurement, { description: 'The report (its value, source line and quote, publication).' }) measurement!: Measurement;
  @Field(() => Float, { description: 'Signed distance from the median: in decades for a property that spans decades (ionic conductivity), else in the unit.' })
  deviationFromMedian!: number;
  @Field(() => String, { description: "'BELOW' the lower fence or 'ABOVE' the upper one." }) side!: string;
}

@ObjectType({
  description:
    'What the reports of one material agree on for one property: the point values of its measurements (reviews and datasets; ' +
    'bounds and ranges counted apart, never as values) at a stated temperature band, with counts, median, extremes, quartiles, ' +
    'spread and the outliers named. Quartiles by linear interpolation (Hyndman & Fan type 7, numpy.percentile default; ' +
    "doi:10.1080/00031305.1996.10473566); for a property that spans decades (ionic conductivity) on log10 of the values; outliers by Tukey's fences, " +
    'named from 4 values on when the quartiles differ.',
})
export class PropertyConsensus {
  @Field(() => MeasuredPropertyEnum, { description: 'The property the reports measured.' }) property!: PropertyKind;
  @Field(() => String, {
    description: "Canonical unit of median, min, max, q1, q3, range and bySource.median ('S/cm' for ionic conductivity); each of them takes `unit` to be given in another.",
  })
  unit!: string;
  @Field(() => Float, { nullable: true, description: 'Lower end of the temperature band the reports were measured in, K (null: none).' })
  temperatureMinK!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the temperature band, K (null: none).' }) temperatureMaxK!: number | null;
  @Field(() => [ConductivityContributionEnum], { description: 'The contributions among the counted reports (UNSPECIFIED where not stated).' })
  contributions!: ConductivityContribution[];
  @Field(() => Int, { description: 'Reports with a point value: the ones the statistics are of.' }) reports!: number;
  @Field(() => Int, { description: 'Distinct publications credited by those reports.' }) publications!: number;
  @Field(() => Int, { description: 'Reports left out because they are bounds or ranges.' }) boundsAndRanges!: number;
  @Field(() => Int, { description: 'Point values left out because they are zero or negative (a property that spans decades only).' })
  nonPositive!: number;
  @Field(() => Int, { description: 'Counted reports whose source states no temperature (see includeTemperatureNotStated).' })
  temperatureNotStated!: number;
  @Field(() => Float, { nullable: true, description: 'Median.' }) median!: number | null;
  @Field(() => Float, { nullable: true, description: 'Smallest reported value.' }) min!: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest reported value.' }) max!: number | null;
  @Field(() => Float, { nullable: true, description: 'First quartile.' }) q1!: number | null;
  @Field(() => Float, { nullable: true, description: 'Third quartile.' }) q3!: number | null;
  @Field(() => Float, { nullable: true, description: 'Spread in decades, log10(max/min), for a property that spans decades; else null.' })
  spreadDecades!: number | null;
  @Field(() => Float, { nullable: true, description: 'max − min in `unit`.' }) range!: number | null;
  @Field(() => [ConsensusBySource], { description: 'Per kind of source, by source name.' }) bySource!: ConsensusBySource[];
  @Field(() => [ConsensusOutlier], { description: 'The reports beyond the fences, in ascending value.' }) outliers!: ConsensusOutlier[];
  @Field(() => [Measurement], { description: 'The counted reports, in ascending value.' }) measurements!: Measurement[];
}
