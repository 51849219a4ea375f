/** The statistics for dashboards: counts, statistics and histograms of a filtered list, grouped, in one Cypher statement. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from './context.js';
import { InterphaseObservationWhere } from './interface.input.js';
import { MeasurementWhere } from './literature.input.js';
import { MaterialWhere } from './material.input.js';
import { selectionOf } from './selection.js';
import {
  HistogramInput,
  InterphaseObservationGroupByEnum,
  InterphaseObservationStatistics,
  MaterialGroupByEnum,
  MaterialStatistics,
  MaterialValueInput,
  MeasurementGroupByEnum,
  MeasurementStatistics,
  StatisticsOrderEnum,
} from './statistics.type.js';

const ERRORS =
  'Errors: BAD_USER_INPUT naming the argument (a bad filter as in the list, bins not ascending or over 200, a unit that is not ' +
  "one of the property's, `first` out of range); QUERY_TOO_COMPLEX when the estimated cost (groups × fields and bins) is over the limit; DATABASE_UNAVAILABLE.";

@Resolver()
export class StatisticsResolver {
  @Query(() => MeasurementStatistics, {
    description:
      'Counts and statistics of the measurements `where` selects (the same filters as `measurements`), grouped by `groupBy` ' +
      '(none: one group), with an optional histogram; computed in one Cypher statement (count, min, max, avg, stDev, ' +
      'percentileCont), never by reading rows. Statistics of values (`value`, `log10Value`, histograms of VALUE and LOG10_VALUE) ' +
      "are in the property's canonical unit (S/cm for ionic conductivity) and need one property: `where.property`, or PROPERTY " +
      'in `groupBy` (else BAD_USER_INPUT naming `where.property`); counts need neither. ' +
      ERRORS,
  })
  measurementStatistics(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => MeasurementWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: MeasurementWhere | null,
    @Arg('groupBy', () => [MeasurementGroupByEnum], { nullable: true, description: 'Group keys (none: one group of everything).' })
    groupBy: (keyof typeof MeasurementGroupByEnum)[] | null,
    @Arg('histogram', () => HistogramInput, { nullable: true, description: 'The bins of `groups.histogram`.' }) histogram: HistogramInput | null,
    @Arg('orderBy', () => StatisticsOrderEnum, { nullable: true, defaultValue: 'KEY', description: 'The order of the groups.' }) orderBy: 'KEY' | 'COUNT',
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'At most this many groups, 0–1000 (default 100).' }) first: number,
  ) {
    return ctx.services.statistics.measurements({ where, groupBy, histogram, orderBy, first }, selectionOf(info));
  }

  @Query(() => MaterialStatistics, {
    description:
      'Counts of the materials `where` selects (the same filters as `materials`), grouped by `groupBy`; with `value`, statistics ' +
      "across materials of each material's value of a property (e.g. the distribution of the best ionic conductivity per " +
      'material, per family) and an optional histogram of them; one Cypher statement. ' +
      ERRORS,
  })
  materialStatistics(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => MaterialWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: MaterialWhere | null,
    @Arg('groupBy', () => [MaterialGroupByEnum], { nullable: true, description: 'Group keys (none: one group of everything).' })
    groupBy: (keyof typeof MaterialGroupByEnum)[] | null,
    @Arg('value', () => MaterialValueInput, {
      nullable: true,
      description: 'The value of each material the statistics are of (required by `value`, `log10Value` and `histogram`, else BAD_USER_INPUT naming `value`).',
    })
    value: MaterialValueInput | null,
    @Arg('histogram', () => HistogramInput, { nullable: true, description: "The bins of `groups.histogram` (VALUE or LOG10_VALUE of the materials' values)." })
    histogram: HistogramInput | null,
    @Arg('orderBy', () => StatisticsOrderEnum, { nullable: true, defaultValue: 'KEY', description: 'The order of the groups.' }) orderBy: 'KEY' | 'COUNT',
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'At most this many groups, 0–1000 (default 100).' }) first: number,
  ) {
    return ctx.services.statistics.materials({ where, groupBy, histogram, orderBy, first, value }, selectionOf(info));
  }

  @Query(() => InterphaseObservationStatistics, {
    description:
      'Counts of the interphase observations `where` selects (the same filters as `interphaseObservations`), grouped by ' +
      '`groupBy` (interphase type, stability class, counterpart kind, review, technique), in one Cypher statement. Errors: ' +
      'BAD_USER_INPUT naming the argument (a bad filter as in the list, `first` out of range); DATABASE_UNAVAILABLE.',
  })
  interphaseObservationStatistics(
    @Ctx() ctx: Context,
    @Arg('where', () => InterphaseObservationWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: InterphaseObservationWhere | null,
    @Arg('groupBy', () => [InterphaseObservationGroupByEnum], { nullable: true, description: 'Group keys (none: one group of everything).' })
    groupBy: (keyof typeof InterphaseObservationGroupByEnum)[] | null,
    @Arg('orderBy', () => StatisticsOrderEnum, { nullable: true, defaultValue: 'KEY', description: 'The order of the groups.' }) orderBy: 'KEY' | 'COUNT',
    @Arg('first', () => Int, { nullable: true, defaultValue: 100, description: 'At most this many groups, 0–1000 (default 100).' }) first: number,
  ) {
    return ctx.services.statistics.observations({ where, groupBy, orderBy, first });
  }
}
