/**
 * The audit trail through GraphQL (`changeSets`, `changeSet`, `history`) and the live change events
 * (`factsChanged`, a subscription over graphql-ws at /graphql). Reading needs no key.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { FactsChangedEvent } from '../domain/curation/changes.js';
import type { ChangeRecord } from '../graph/changeSet.store.js';
import { MAX_CHANGE_SETS } from '../services/curation/audit.service.js';
import { Change, ChangeSet, FactsChanged } from './audit.type.js';
import type { Context } from './context.js';

@Resolver(() => ChangeSet)
export class ChangeSetResolver {
  @Query(() => [ChangeSet], {
    description:
      'Change sets, newest first: those committed in a window (`withinDays`, e.g. 7 for the last week, or `since`/`until` as ISO 8601), ' +
      'by one key (`keyId`), touching one material (`material`: id, name or formula) or one entity (`entityId`). ' +
      `BAD_USER_INPUT naming the argument for a bad date, a window outside 1–3650 days, both withinDays and since, or first outside 1–${MAX_CHANGE_SETS}.`,
  })
  changeSets(
    @Ctx() ctx: Context,
    @Arg('withinDays', () => Int, { nullable: true, description: 'The last N days (1–3650).' }) withinDays: number | null,
    @Arg('since', () => String, { nullable: true, description: 'Committed at or after (ISO 8601).' }) since: string | null,
    @Arg('until', () => String, { nullable: true, description: 'Committed before (ISO 8601).' }) until: string | null,
    @Arg('keyId', () => ID, { nullable: true, description: 'Written with this API key (its id).' }) keyId: string | null,
    @Arg('material', () => String, { nullable: true, description: 'A material by id, name or formula.' }) material: string | null,
    @Arg('entityId', () => ID, { nullable: true, description: 'Touching this entity (a measurement id, a publication key, a dataset id, ...).' }) entityId: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most this many (1–${MAX_CHANGE_SETS}).` }) first: number,
  ) {
    return ctx.services.audit.list({ withinDays, since, until, keyId, material, entityId, first });
  }

  @Query(() => ChangeSet, { nullable: true, description: 'One change set by id; null when there is none.' })
  changeSet(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The change set id (a UUID).' }) id: string) {
    return ctx.services.audit.byId(id);
  }

  @Query(() => [Change], {
    description:
      "The history of one material (its own changes and its facts', by id, name or formula) or of one entity (`entityId`: a " +
      'measurement, publication, ...), newest first, from the newest `first` change sets that touch it. Give exactly one of the two.',
  })
  history(
    @Ctx() ctx: Context,
    @Arg('material', () => String, { nullable: true, description: 'A material by id, name or formula.' }) material: string | null,
    @Arg('entityId', () => ID, { nullable: true, description: 'An entity by id (a measurement id, a publication key, ...).' }) entityId: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `Change sets to look through (1–${MAX_CHANGE_SETS}).` }) first: number,
  ): Promise<ChangeRecord[]> {
    return ctx.services.audit.history({ material, entityId, first });
  }

  @FieldResolver(() => [Change], { description: 'Its changes, in order (one query for every change set of the response).' })
  changes(@Root() set: ChangeSet, @Ctx() ctx: Context): Promise<ChangeRecord[]> {
    return ctx.services.audit.changesOfSet(set.id);
  }

  @Subscription(() => FactsChanged, {
    description:
      'Every change set committed by this server from now on, as it commits (over WebSocket, protocol graphql-transport-ws, at /graphql): ' +
      'those that change any of `kinds` (Material, Measurement, Publication, PhaseEntry, Dataset, ...), or all when `kinds` is empty or absent.',
    subscribe: ({ args, context }) => (context as Context).services.events.subscribe((args.kinds as string[] | null) ?? [], (context as Context).signal),
  })
  factsChanged(@Root() event: FactsChangedEvent, @Arg('kinds', () => [String], { nullable: true, description: 'Node kinds to hear about (Material, Measurement, ...); all when absent or empty.' }) _kinds: string[] | null): FactsChangedEvent {
    return event;
  }
}
