/**
 * The audit trail's vocabulary: every write is one change set (who, when, why, which operation) made of
 * changes (one entity each: its kind, id, what was done, and its state before and after as plain JSON).
 */

/** What a change did to its entity. */
export const CHANGE_ACTIONS = ['ADD', 'PROPOSE', 'ACCEPT', 'REJECT', 'CORRECT', 'RETRACT', 'REMOVE', 'IMPORT', 'REVERT'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One entity's change: `before` is null for an addition, `after` null for a removal. */
export interface ChangeWrite {
  /** The node kind (Material, Measurement, Publication, ... or Dataset for a bulk import). */
  kind: string;
  entityId: string;
  action: ChangeAction;
  before: unknown;
  after: unknown;
  /** The materials the change concerns (for a material's history). */
  materialIds: string[];
}

/** A change set as a write describes it; `payload` is what a revert needs beyond the changes (JSON). */
export interface ChangeSetWrite {
  keyId: string;
  operation: string;
  reason: string | null;
  changes: ChangeWrite[];
  /** The change set this one reverts, if any. */
  revertOf?: string | null;
  payload?: unknown;
}

/** A recorded change set, as read back (counts, not its changes). */
export interface ChangeSetRecord {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  keyId: string;
  operation: string;
  reason: string | null;
  kinds: string[];
  changeCount: number;
  revertOf: string | null;
  revertedBy: string | null;
}

/** The event every committed change set publishes (GraphQL subscription `factsChanged`). */
export interface FactsChangedEvent {
  changeSetId: string;
  at: string;
  keyId: string;
  operation: string;
  kinds: string[];
  entityIds: string[];
  materialIds: string[];
}

/** At most this many entity and material ids in one event (a bulk import names its dataset instead). */
export const EVENT_ID_LIMIT = 1000;

/** The event of a committed change set. */
export function factsChangedEvent(set: Pick<ChangeSetRecord, 'id' | 'at' | 'keyId' | 'operation' | 'kinds'>, changes: readonly ChangeWrite[]): FactsChangedEvent {
  const distinct = (xs: string[]) => [...new Set(xs)].slice(0, EVENT_ID_LIMIT);
  return {
    changeSetId: set.id,
    at: set.at,
    keyId: set.keyId,
    operation: set.operation,
    kinds: set.kinds,
    entityIds: distinct(changes.map((c) => c.entityId)),
    materialIds: distinct(changes.flatMap((c) => c.materialIds)),
  };
}
