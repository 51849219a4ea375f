/**
 * Inputs of the compiled lists (`materials`, `measurements`): value ranges in any unit of the property,
 * temperature ranges in K or °C, year ranges, orders with their enums, and the page arguments (pages up
 * to 1000 rows: the request's estimated cost is the bound).
 */
import { ArgsType, Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import type { PropertyKind } from '../domain/units/properties.js';
import { MeasuredPropertyEnum } from './enums.js';

@InputType({ description: 'A range of values of a property, in `unit` (converted to the canonical unit before filtering).' })
export class ValueRange {
  @Field(() => Float, { nullable: true, description: 'Lower end, inclusive.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end, inclusive.' })
  max?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Unit of min/max: any unit of the property's dimension ('mS/cm', 'S/m' for ionic conductivity; 'meV', 'kJ/mol' for an " +
      'activation energy). Default: the canonical unit. BAD_USER_INPUT listing accepted units otherwise.',
  })
  unit?: string | null;
}

@InputType({ description: 'A temperature range.' })
export class TemperatureRange {
  @Field(() => Float, { nullable: true, description: 'Lower end, inclusive.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end, inclusive.' })
  max?: number | null;

  @Field(() => String, { nullable: true, description: "'K' (default) or '°C'." })
  unit?: string | null;
}

@InputType({ description: 'A range of years, inclusive at both ends.' })
export class YearRange {
  @Field(() => Int, { nullable: true, description: 'First year.' })
  min?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year.' })
  max?: number | null;
}

export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'Ascending or descending; missing values sort last either way.',
  valuesConfig: { ASC: { description: 'Smallest first (A to Z).' }, DESC: { description: 'Largest first (Z to A).' } },
});

export const MaterialSortFieldEnum = { ID: 'ID', NAME: 'NAME', CHEMICAL_SYSTEM: 'CHEMICAL_SYSTEM', PROPERTY_VALUE: 'PROPERTY_VALUE' } as const;
registerEnumType(MaterialSortFieldEnum, {
  name: 'MaterialSortField',
  description: 'What orders materials.',
  valuesConfig: {
    ID: { description: 'The material id (the default).' },
    NAME: { description: 'The display name.' },
    CHEMICAL_SYSTEM: { description: "The chemical system ('Ge-Li-P-S')." },
    PROPERTY_VALUE: { description: 'A statistic (`statistic`) of the reported values of `property` (equalities and approximations), in its canonical unit.' },
  },
});

export const PropertyStatisticEnum = { MAX: 'MAX', MIN: 'MIN', MEDIAN: 'MEDIAN', LATEST: 'LATEST' } as const;
registerEnumType(PropertyStatisticEnum, {
  name: 'PropertyStatistic',
  description: "Which of a material's reported values of a property orders it.",
  valuesConfig: {
    MAX: { description: 'The best (highest) report.' },
    MIN: { description: 'The lowest report.' },
    MEDIAN: { description: 'The median of the reports (percentileCont 0.5).' },
    LATEST: { description: 'The report citing the most recent publication.' },
  },
});

export const MeasurementSortFieldEnum = { ID: 'ID', VALUE: 'VALUE', TEMPERATURE: 'TEMPERATURE', PROPERTY: 'PROPERTY' } as const;
registerEnumType(MeasurementSortFieldEnum, {
  name: 'MeasurementSortField',
  description: 'What orders measurements.',
  valuesConfig: {
    ID: { description: 'The measurement id (the default).' },
    VALUE: { description: 'The value in the canonical unit (for bounds and ranges: value, else min, else max); mix properties only knowingly.' },
    TEMPERATURE: { description: 'The temperature in K.' },
    PROPERTY: { description: 'The property name.' },
  },
});

@InputType({ description: 'The order of a page of materials; ties are broken by id, and cursors carry the sort key and the id.' })
export class MaterialOrder {
  @Field(() => MaterialSortFieldEnum, { description: 'What orders the materials.' })
  field!: keyof typeof MaterialSortFieldEnum;

  @Field(() => SortDirectionEnum, { nullable: true, defaultValue: 'ASC', description: 'ASC (default) or DESC.' })
  direction?: 'ASC' | 'DESC' | null;

  @Field(() => MeasuredPropertyEnum, { nullable: true, description: 'For PROPERTY_VALUE: the property (required).' })
  property?: PropertyKind | null;

  @Field(() => PropertyStatisticEnum, { nullable: true, description: 'For PROPERTY_VALUE: which report (default MAX).' })
  statistic?: keyof typeof PropertyStatisticEnum | null;
}

@InputType({ description: 'The order of a page of measurements; ties are broken by id, and cursors carry the sort key and the id.' })
export class MeasurementOrder {
  @Field(() => MeasurementSortFieldEnum, { description: 'What orders the measurements.' })
  field!: keyof typeof MeasurementSortFieldEnum;

  @Field(() => SortDirectionEnum, { nullable: true, defaultValue: 'ASC', description: 'ASC (default) or DESC.' })
  direction?: 'ASC' | 'DESC' | null;
}

/** The paging arguments of the compiled lists. */
@ArgsType()
export class CompiledPageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: 'Page size, 0–1000; larger pages are refused as QUERY_TOO_COMPLEX when the estimated cost of the request is over the limit.',
  })
  first!: number;

  @Field(() => String, { nullable: true, description: "Cursor after which the page starts: a previous page's `pageInfo.endCursor` (of the same orderBy)." })
  after!: string | null;
}
