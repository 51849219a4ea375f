import { Field, Float, InputType } from 'type-graphql';
import { PhaseEntrySourceEnum } from './enums.js';

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

@InputType({ description: 'Filters of phase entries; all given must hold.' })
export class PhaseEntryWhere {
  @Field(() => String, { nullable: true, description: "Chemical system, elements joined by '-' in any order, e.g. 'Li-P-S'." })
  chemicalSystem!: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'With chemicalSystem: also the entries of its subsystems (Li-S, P, ...).' })
  includeSubsystems!: boolean | null;

  @Field(() => PhaseEntrySourceEnum, { nullable: true, description: 'Only entries of this source (DATASET or USER).' })
  source!: 'DATASET' | 'USER' | null;
}
