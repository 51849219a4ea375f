/**
 * The audit trail's GraphQL shapes: change sets (one per committed write: who, when, why), their changes
 * (one entity each, before and after as JSON), and the event the `factsChanged` subscription delivers.
 */
import { JSONResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHANGE_ACTIONS, type ChangeAction } from '../domain/curation/changes.js';

export const ChangeActionEnum = Object.fromEntries(CHANGE_ACTIONS.map((a) => [a, a])) as { [A in ChangeAction]: A };
registerEnumType(ChangeActionEnum, {
  name: 'ChangeAction',
  description: 'What a change did to its entity.',
  valuesConfig: {
    ADD: { description: 'added (visible at once)' },
    PROPOSE: { description: "added as a proposal, invisible to reads until a curator accepts it" },
    ACCEPT: { description: 'a proposal accepted by a curator' },
    REJECT: { description: 'a proposal rejected by a curator (kept, with the reason)' },
    CORRECT: { description: 'corrected: a new version; the previous one is kept in the history' },
    RETRACT: { description: 'retracted: kept with the reason, left out of reads' },
    REMOVE: { description: 'removed (a phase entry by its owner or a curator)' },
    IMPORT: { description: 'a bulk import of a dataset: its measurements, materials and publications' },
    REVERT: { description: 'the inverse of an earlier change set' },
  },
});

@ObjectType({ description: 'One entity changed by a change set: its kind and id, what was done, its state before and after.' })
export class Change {
  @Field(() => ID, { description: 'The change set it belongs to.' }) changeSetId!: string;
  @Field(() => Int, { description: 'Its position in the change set (from 0).' }) seq!: number;
  @Field(() => String, { description: 'When the change set was committed: ISO 8601, UTC.' }) at!: string;
  @Field(() => String, { description: 'The node kind: Material, Measurement, Publication, PhaseEntry, Dataset (a bulk import), ...' }) kind!: string;
  @Field(() => ID, { description: "The entity's id (a Dataset's id for a bulk import)." }) entityId!: string;
  @Field(() => ChangeActionEnum, { description: 'What was done.' }) action!: ChangeAction;
  @Field(() => JSONResolver, { nullable: true, description: 'Its stored properties before the change (null for an addition): values in canonical units.' })
  before!: unknown;
  @Field(() => JSONResolver, { nullable: true, description: 'Its stored properties after the change (null for a removal); a bulk import gives its counts.' })
  after!: unknown;
  @Field(() => [ID], { description: 'The materials the change concerns.' }) materialIds!: string[];
}

@ObjectType({ description: 'One committed write: everything it changed landed together, in one transaction, or nothing did.' })
export class ChangeSet {
  @Field(() => ID, { description: 'Its id (a UUID).' }) id!: string;
  @Field(() => String, { description: 'When it was committed: ISO 8601, UTC.' }) at!: string;
  @Field(() => ID, { description: 'The id of the API key that wrote it (never the key itself).' }) keyId!: string;
  @Field(() => String, { description: 'The operation: a mutation name (addMeasurement, correctMeasurement, ...) or import:<dataset id>.' }) operation!: string;
  @Field(() => String, { nullable: true, description: 'Why, as the writer gave it.' }) reason!: string | null;
  @Field(() => [String], { description: 'The node kinds it changed.' }) kinds!: string[];
  @Field(() => Int, { description: 'How many entities it changed.' }) changeCount!: number;
  @Field(() => ID, { nullable: true, description: 'The change set this one reverts.' }) revertOf!: string | null;
  @Field(() => ID, { nullable: true, description: 'The change set that reverted this one, if any.' }) revertedBy!: string | null;
}

@ObjectType({ description: 'A committed change set, as the factsChanged subscription delivers it (after the commit, never before).' })
export class FactsChanged {
  @Field(() => ID, { description: 'The change set committed.' }) changeSetId!: string;
  @Field(() => String, { description: 'ISO 8601, UTC.' }) at!: string;
  @Field(() => ID, { description: 'The id of the API key that wrote it.' }) keyId!: string;
  @Field(() => String, { description: 'The operation: a mutation name or import:<dataset id>.' }) operation!: string;
  @Field(() => [String], { description: 'The node kinds it changed.' }) kinds!: string[];
  @Field(() => [ID], { description: 'The entities it changed (at most 1,000; a bulk import gives its dataset).' }) entityIds!: string[];
  @Field(() => [ID], { description: 'The materials it concerns (at most 1,000).' }) materialIds!: string[];
}
