/**
 * Inputs of the compiled fact lists and of publications: their orders (with the sort-field enums) and
 * the plain number range of counts (cycles). Value ranges and temperature ranges are query.input.ts's.
 */
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from './query.input.js';

@InputType({ description: 'A range of plain numbers (counts), inclusive at both ends.' })
export class NumberRange {
  @Field(() => Float, { nullable: true, description: 'Lower end, inclusive.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end, inclusive.' })
  max?: number | null;
}

/** The `direction` argument of every order input. */
export const DIRECTION = { nullable: true, defaultValue: 'ASC', description: 'ASC (default) or DESC; missing values sort last either way.' } as const;

/** Registers the sort-field enum of an order input, with a description per value. */
export function sortEnum<T extends Record<string, string>>(values: T, name: string, description: string, docs: Record<keyof T, string>): T {
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries(docs).map(([k, d]) => [k, { description: d }])) as never,
  });
  return values;
}

export const WindowSortFieldEnum = sortEnum({ ID: 'ID', OXIDATION_LIMIT: 'OXIDATION_LIMIT', REDUCTION_LIMIT: 'REDUCTION_LIMIT' } as const, 'ReportedStabilityWindowSortField', 'What orders reported stability windows.', {
  ID: 'The window id (the default).',
  OXIDATION_LIMIT: 'The oxidation limit in V vs the window\'s scale (its value, else the lower end, else the upper end); windows without one last.',
  REDUCTION_LIMIT: 'The reduction limit in V vs the window\'s scale (its value, else the lower end, else the upper end); windows without one last.',
});

export const CoatingSortFieldEnum = sortEnum({ ID: 'ID', THICKNESS: 'THICKNESS' } as const, 'CoatingApplicationSortField', 'What orders coating applications.', {
  ID: 'The coating application id (the default).',
  THICKNESS: 'The thickness in nm (its value, else the lower end, else the upper end); applications without one last.',
});

export const CellSortFieldEnum = sortEnum({ ID: 'ID', CYCLES: 'CYCLES', CAPACITY_RETENTION: 'CAPACITY_RETENTION' } as const, 'CellSortField', 'What orders cells.', {
  ID: 'The cell id (the default).',
  CYCLES: 'The largest number of cycles the cell reports: a CYCLE_COUNT result, or the cycle a result was read at (`atCycle`); cells without one last.',
  CAPACITY_RETENTION: 'The largest capacity retention (%) the cell reports; cells without one last.',
});

export const PublicationSortFieldEnum = sortEnum({ KEY: 'KEY', YEAR: 'YEAR', TITLE: 'TITLE' } as const, 'PublicationSortField', 'What orders publications.', {
  KEY: 'The publication key (the default).',
  YEAR: 'The year of publication; publications without one last.',
  TITLE: 'The title as printed (case-sensitive); publications without one last.',
});

@InputType({ description: 'The order of a page of reported stability windows; ties are broken by id, and cursors carry the sort key and the id.' })
export class ReportedStabilityWindowOrder {
  @Field(() => WindowSortFieldEnum, { description: 'What orders the windows.' })
  field!: keyof typeof WindowSortFieldEnum;

  @Field(() => SortDirectionEnum, DIRECTION)
  direction?: 'ASC' | 'DESC' | null;
}

@InputType({ description: 'The order of a page of coating applications; ties are broken by id, and cursors carry the sort key and the id.' })
export class CoatingApplicationOrder {
  @Field(() => CoatingSortFieldEnum, { description: 'What orders the coating applications.' })
  field!: keyof typeof CoatingSortFieldEnum;

  @Field(() => SortDirectionEnum, DIRECTION)
  direction?: 'ASC' | 'DESC' | null;
}

@InputType({ description: 'The order of a page of cells; ties are broken by id, and cursors carry the sort key and the id.' })
export class CellOrder {
  @Field(() => CellSortFieldEnum, { description: 'What orders the cells.' })
  field!: keyof typeof CellSortFieldEnum;

  @Field(() => SortDirectionEnum, DIRECTION)
  direction?: 'ASC' | 'DESC' | null;
}

@InputType({ description: 'The order of a page of publications; ties are broken by key, and cursors carry the sort key and the key.' })
export class PublicationOrder {
  @Field(() => PublicationSortFieldEnum, { description: 'What orders the publications.' })
  field!: keyof typeof PublicationSortFieldEnum;

  @Field(() => SortDirectionEnum, DIRECTION)
  direction?: 'ASC' | 'DESC' | null;
}

export const ClaimSortFieldEnum = sortEnum({ ID: 'ID', KIND: 'KIND', PUBLICATION_YEAR: 'PUBLICATION_YEAR' } as const, 'ClaimSortField', 'What orders claims.', {
  ID: 'The claim id (the default).',
  KIND: 'The kind of claim (alphabetical).',
  PUBLICATION_YEAR: "The year of the first publication the claim's source cites; claims citing none last.",
});

@InputType({ description: 'The order of a page of claims; ties are broken by id, and cursors carry the sort key and the id.' })
export class ClaimOrder {
  @Field(() => ClaimSortFieldEnum, { description: 'What orders the claims.' })
  field!: keyof typeof ClaimSortFieldEnum;

  @Field(() => SortDirectionEnum, DIRECTION)
  direction?: 'ASC' | 'DESC' | null;
}
