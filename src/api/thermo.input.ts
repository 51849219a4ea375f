import { Field, Float, ID, InputType } from 'type-graphql';
import { PhaseEntrySourceEnum } from './enums.js';
import { DIRECTION, NumberRange, sortEnum } from './factList.input.js';
import { SortDirectionEnum } from './query.input.js';

@InputType({ description: "A user's formation energy for a phase; it takes part in every later computation, marked as the user's." })
export class AddPhaseEntryInput {
  @Field(() => String, { description: "Formula, e.g. 'Li3YCl6' (any notation a Material accepts; at most 10 elements)." })
  formula!: string;

  @Field(() => Float, {
    description:
      'Formation energy from the elements, eV/atom, on the scale of the imported data (Materials Project, legacy corrections); ' +
      'between -10 and 10. An elemental entry below 0 moves that element\'s reference.',
  })
  formationEnergyEvPerAtom!: number;

  @Field(() => String, { description: "Who computed it and how, 1–200 characters, e.g. 'J. Doe, r2SCAN, 2026'." })
  label!: string;

  @Field(() => String, { nullable: true, description: 'A free note: functional, corrections, reference (at most 2000 characters).' })
  note!: string | null;
}

@InputType({ description: 'Filters of phase entries; all given must hold. Only the entries readers see (users\' and the active import\'s) are ever listed.' })
export class PhaseEntryWhere {
  @Field(() => String, { nullable: true, description: "Chemical system, elements joined by '-' in any order, e.g. 'Li-P-S'; BAD_USER_INPUT for an unknown symbol or more than 10 elements." })
  chemicalSystem?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'With chemicalSystem: also the entries of its subsystems (Li-S, P, ...).' })
  includeSubsystems?: boolean | null;

  @Field(() => PhaseEntrySourceEnum, { nullable: true, description: 'Only entries of this source (DATASET or USER).' })
  source?: 'DATASET' | 'USER' | null;

  @Field(() => ID, { nullable: true, description: "This entry ('matbench_mp_e_form:Li3P1S4', 'user:<uuid>')." })
  id?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Any of these entries.' })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The entries of this composition: a formula in any notation ('Li6PS5Cl', 'Li₃PS₄') or a material's name, read as every argument " +
      "naming a material reads it ('LPSCl', 'LLZO': its curated formula). BAD_USER_INPUT for a named material without a single composition (LiPON), an ambiguous name or an unreadable formula.",
  })
  composition?: string | null;

  @Field(() => [String], { nullable: true, description: "Compositions containing every one of these elements (and maybe others), e.g. ['Li', 'S']." })
  elements?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Compositions containing none of these elements.' })
  excludeElements?: string[] | null;

  @Field(() => NumberRange, { nullable: true, description: 'Number of elements of the composition in this range (inclusive).' })
  elementCount?: NumberRange | null;

  @Field(() => NumberRange, { nullable: true, description: 'Formation energy from the elements in this range, eV/atom (inclusive).' })
  formationEnergyEvPerAtom?: NumberRange | null;

  @Field(() => String, { nullable: true, description: "Entries imported from this dataset ('matbench_mp_e_form'); its licence, citation and DOI are on `Dataset`." })
  datasetId?: string | null;

  @Field(() => [PhaseEntryWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: PhaseEntryWhere[] | null;

  @Field(() => [PhaseEntryWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: PhaseEntryWhere[] | null;

  @Field(() => PhaseEntryWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: PhaseEntryWhere | null;
}

export const PhaseEntrySortFieldEnum = sortEnum(
  { ID: 'ID', FORMULA: 'FORMULA', CHEMICAL_SYSTEM: 'CHEMICAL_SYSTEM', ELEMENT_COUNT: 'ELEMENT_COUNT', FORMATION_ENERGY: 'FORMATION_ENERGY' } as const,
  'PhaseEntrySortField',
  'What orders phase entries.',
  {
    ID: 'The entry id (the default).',
    FORMULA: "The reduced formula as written ('Li6PS5Cl'; case-sensitive).",
    CHEMICAL_SYSTEM: "The chemical system ('Cl-Li-P-S').",
    ELEMENT_COUNT: 'The number of elements.',
    FORMATION_ENERGY: 'The formation energy, eV/atom.',
  },
);

@InputType({ description: 'The order of a page of phase entries; ties are broken by id, and cursors carry the sort key and the id.' })
export class PhaseEntryOrder {
  @Field(() => PhaseEntrySortFieldEnum, { description: 'What orders the entries.' })
  field!: keyof typeof PhaseEntrySortFieldEnum;

  @Field(() => SortDirectionEnum, DIRECTION)
  direction?: 'ASC' | 'DESC' | null;
}
