/**
 * Inputs of the compiled lists of interfaces and interphase observations: the observation filter (also
 * used by `InterfaceWhere.hasObservation`) and the orders with their enums.
 */
import { Field, InputType, registerEnumType } from 'type-graphql';
import type { VariantScopeKey as VariantScope } from '../domain/vocabulary.js';
import { CounterpartKindEnum, TechniqueEnum, VariantScopeEnum } from './enums.js';
import { SortDirectionEnum } from './query.input.js';

export const MATERIAL_NAMED =
  "A material by id, registry id, curated or display name, alias or abbreviation (case-insensitive: 'LLZO', 'llzo', 'Lipon', " +
  "'β-Li3PS4'; a variant's name such as LLZTO stands for its variant: a filter of facts selects that variant's facts, see its " +
  "`variants`; others its material), or else a formula in any notation ('Li6PS5Cl'); a name wins " +
  'over reading the text as a formula. BAD_USER_INPUT naming the argument when it names nothing and is no formula, or names ' +
  'different materials in different reviews (the message lists them).';

export const VARIANTS =
  "Which facts the material names of this filter select by the variant (dopant, polymorph, form) each fact is about (see " +
  "`VariantScope`): AS_NAMED (the default) a variant's name (LLZTO, Al-LLZO, c-LLZO) that variant's facts and its refinements' " +
  "only, a material's name (LLZO) the material's facts with every variant's; EXACT a material's name only the facts that name " +
  'no variant; ROLL_UP the whole material, whatever the name stands for. Holds at this level and for the AND/OR/NOT items under ' +
  "it that set none. A relationship that records no variant (an interface a claim is about) selects the name's material.";

export const INTERPHASE_TYPE =
  'An interphase type of either classification scheme, as stored: Wenzel et al. 2015 (`InterphaseObservation.interphaseType`: ' +
  'TYPE_1_STABLE, TYPE_2_MIXED_CONDUCTING, TYPE_3_PASSIVATING) or Zhu, He & Mo 2015 (`stabilityClass`: THERMODYNAMICALLY_STABLE, ' +
  'KINETICALLY_STABILIZED, ARTIFICIALLY_PROTECTED, UNSTABLE). BAD_USER_INPUT naming the argument for any other value (listing these).';

const REVIEW = "Only observations stated in this review (its key: famprikis2019, feng2022, pasta2020, banerjee2020, lewis2019); BAD_USER_INPUT for a malformed key.";

@InputType({ description: 'Filters for interphase observations; all given filters must hold.' })
export class InterphaseObservationWhere {
  @Field(() => String, { nullable: true, description: `${INTERPHASE_TYPE}` })
  interphaseType?: string | null;

  @Field(() => String, { nullable: true, description: `A product of the interphase (e.g. 'Li2S', 'Li3P'). ${MATERIAL_NAMED}` })
  product?: string | null;

  @Field(() => TechniqueEnum, { nullable: true, description: 'A technique that gave evidence for it (XPS, TEM, DFT...).' })
  technique?: string | null;

  @Field(() => String, { nullable: true, description: `The counterpart of its interface (e.g. 'Li' for Li metal). ${MATERIAL_NAMED}` })
  counterpart?: string | null;

  @Field(() => CounterpartKindEnum, { nullable: true, description: 'The kind of counterpart of its interface (a material, an applied potential, an environment).' })
  counterpartKind?: string | null;

  @Field(() => String, { nullable: true, description: `The electrolyte of its interface. ${MATERIAL_NAMED}` })
  electrolyte?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only computed products (DFT...); false: only observed ones (a missing value counts as observed).' })
  computed?: boolean | null;

  @Field(() => String, { nullable: true, description: REVIEW })
  review?: string | null;

  @Field(() => VariantScopeEnum, { nullable: true, description: VARIANTS })
  variants?: VariantScope | null;

  @Field(() => [InterphaseObservationWhere], { nullable: true, description: 'Every one of these filters must hold.' })
  AND?: InterphaseObservationWhere[] | null;

  @Field(() => [InterphaseObservationWhere], { nullable: true, description: 'At least one of these filters must hold.' })
  OR?: InterphaseObservationWhere[] | null;

  @Field(() => InterphaseObservationWhere, { nullable: true, description: 'This filter must not hold.' })
  NOT?: InterphaseObservationWhere | null;
}

export const InterfaceSortFieldEnum = { ID: 'ID', COUNTERPART_KIND: 'COUNTERPART_KIND' } as const;
registerEnumType(InterfaceSortFieldEnum, {
  name: 'InterfaceSortField',
  description: 'What orders interfaces.',
  valuesConfig: { ID: { description: 'The interface id (the default).' }, COUNTERPART_KIND: { description: 'The kind of counterpart.' } },
});

export const InterphaseObservationSortFieldEnum = { ID: 'ID', REVIEW: 'REVIEW', YEAR: 'YEAR' } as const;
registerEnumType(InterphaseObservationSortFieldEnum, {
  name: 'InterphaseObservationSortField',
  description: 'What orders interphase observations.',
  valuesConfig: {
    ID: { description: 'The observation id (the default).' },
    REVIEW: { description: 'The key of the review that states it.' },
    YEAR: { description: 'The year of the first publication it cites (in the source\'s order); observations citing none sort last.' },
  },
});

@InputType({ description: 'The order of a page of interfaces; ties are broken by id, and cursors carry the sort key and the id.' })
export class InterfaceOrder {
  @Field(() => InterfaceSortFieldEnum, { description: 'What orders the interfaces.' })
  field!: keyof typeof InterfaceSortFieldEnum;

  @Field(() => SortDirectionEnum, { nullable: true, defaultValue: 'ASC', description: 'ASC (default) or DESC.' })
  direction?: 'ASC' | 'DESC' | null;
}

@InputType({ description: 'The order of a page of interphase observations; ties are broken by id, and cursors carry the sort key and the id.' })
export class InterphaseObservationOrder {
  @Field(() => InterphaseObservationSortFieldEnum, { description: 'What orders the observations.' })
  field!: keyof typeof InterphaseObservationSortFieldEnum;

  @Field(() => SortDirectionEnum, { nullable: true, defaultValue: 'ASC', description: 'ASC (default) or DESC.' })
  direction?: 'ASC' | 'DESC' | null;
}
