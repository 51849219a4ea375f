/**
 * The audit trail: one (:ChangeSet) node per committed write and one (:Change) node per entity it touched,
 * written in the same transaction as the write itself (so a write and its record land together or not at
 * all). `before`/`after` are stored as JSON text. Change sets are never deleted; a revert is a new one.
 */
import { randomUUID } from 'node:crypto';
import type { ChangeSetRecord, ChangeSetWrite, ChangeWrite } from '../domain/curation/changes.js';
import { cypher, type GraphDatabase, type GraphTransaction, type Row } from './database.js';
import { num } from './mapping.js';

const CREATE_CHANGE_SET = cypher(
  'changeSet.create',
  `
CREATE (cs:ChangeSet {id: $id, at: $at, keyId: $keyId, operation: $operation, reason: $reason, kinds: $kinds,
  entityIds: $entityIds, materialIds: $materialIds, changeCount: size($changes), revertOf: $revertOf, payload: $payload})
WITH cs
UNWIND $changes AS c
CREATE (ch:Change {changeSetId: $id, seq: c.seq, kind: c.kind, entityId: c.entityId, action: c.action,
  before: c.before, after: c.after, materialIds: c.materialIds, at: $at})-[:IN_CHANGE_SET]->(cs)
RETURN count(ch) AS n`,
);

const MARK_REVERTED = cypher(
  'changeSet.markReverted',
  `
MATCH (cs:ChangeSet {id: $id})
SET cs.revertedBy = $by
RETURN count(cs) AS n`,
);

const SET_FIELDS = 'cs.id AS id, cs.at AS at, cs.keyId AS keyId, cs.operation AS operation, cs.reason AS reason, cs.kinds AS kinds, cs.changeCount AS changeCount, cs.revertOf AS revertOf, cs.revertedBy AS revertedBy';

const CHANGE_SET_BY_ID = cypher(
  'changeSet.byId',
  `
MATCH (cs:ChangeSet {id: $id})
RETURN ${SET_FIELDS}, cs.payload AS payload`,
);

const CHANGE_SETS = cypher(
  'changeSet.list',
  `
MATCH (cs:ChangeSet)
WHERE ($since IS NULL OR cs.at >= $since) AND ($until IS NULL OR cs.at < $until)
  AND ($keyId IS NULL OR cs.keyId = $keyId) AND ($materialId IS NULL OR $materialId IN cs.materialIds)
  AND ($entityId IS NULL OR $entityId IN cs.entityIds)
RETURN ${SET_FIELDS}
ORDER BY cs.at DESC, cs.id DESC
LIMIT toInteger($limit)`,
);

const CHANGES = cypher(
  'changeSet.changes',
  `
UNWIND $ids AS id
MATCH (ch:Change {changeSetId: id})
WHERE ($entityId IS NULL OR ch.entityId = $entityId) AND ($materialId IS NULL OR $materialId IN ch.materialIds)
RETURN ch.changeSetId AS changeSetId, ch.seq AS seq, ch.kind AS kind, ch.entityId AS entityId, ch.action AS action,
  ch.before AS before, ch.after AS after, ch.materialIds AS materialIds, ch.at AS at
ORDER BY ch.at DESC, ch.changeSetId, ch.seq`,
);

/** A change as read back: `before`/`after` parsed from their JSON. */
export interface ChangeRecord extends ChangeWrite {
  changeSetId: string;
  seq: number;
  at: string;
}

export interface ChangeSetFilter {
  /** ISO 8601 bounds on `at` (inclusive, exclusive). */
  since?: string | null;
  until?: string | null;
  keyId?: string | null;
  materialId?: string | null;
  entityId?: string | null;
  limit: number;
}

function toChangeSet(row: Row): ChangeSetRecord {
  return {
    id: row.id as string,
    at: row.at as string,
    keyId: row.keyId as string,
    operation: row.operation as string,
    reason: (row.reason as string | null) ?? null,
    kinds: (row.kinds as string[]) ?? [],
    changeCount: num(row, 'changeCount'),
    revertOf: (row.revertOf as string | null) ?? null,
    revertedBy: (row.revertedBy as string | null) ?? null,
  };
}

function parseJson(text: unknown): unknown {
  return typeof text === 'string' ? JSON.parse(text) : null;
}

export class ChangeSetStore {
  constructor(private readonly db: GraphDatabase) {}

  /**
   * Records a change set inside the caller's write transaction and returns it. `at` is the server's clock
   * (UTC, millisecond ISO 8601).
   */
  static async record(tx: GraphTransaction, write: ChangeSetWrite): Promise<ChangeSetRecord> {
    const id = randomUUID();
    const at = new Date().toISOString();
    const distinct = (xs: string[]) => [...new Set(xs)];
    const changes = write.changes.map((c, seq) => ({
      seq,
      kind: c.kind,
      entityId: c.entityId,
      action: c.action,
      before: c.before == null ? null : JSON.stringify(c.before),
      after: c.after == null ? null : JSON.stringify(c.after),
      materialIds: c.materialIds,
    }));
    const kinds = distinct(write.changes.map((c) => c.kind));
    await tx.run(CREATE_CHANGE_SET, {
      id,
      at,
      keyId: write.keyId,
      operation: write.operation,
      reason: write.reason,
      kinds,
      entityIds: distinct(write.changes.map((c) => c.entityId)),
      materialIds: distinct(write.changes.flatMap((c) => c.materialIds)),
      revertOf: write.revertOf ?? null,
      payload: write.payload === undefined ? null : JSON.stringify(write.payload),
      changes,
    });
    return { id, at, keyId: write.keyId, operation: write.operation, reason: write.reason, kinds, changeCount: changes.length, revertOf: write.revertOf ?? null, revertedBy: null };
  }

  /** Marks change set `id` as reverted by change set `by`, inside the caller's transaction. */
  static async markReverted(tx: GraphTransaction, id: string, by: string): Promise<void> {
    await tx.run(MARK_REVERTED, { id, by });
  }

  /** One change set with its payload (parsed), or null. */
  async byId(id: string): Promise<(ChangeSetRecord & { payload: unknown }) | null> {
    const [row] = await this.db.read(CHANGE_SET_BY_ID, { id });
    return row ? { ...toChangeSet(row), payload: parseJson(row.payload) } : null;
  }

  /** Change sets, newest first. */
  async list(filter: ChangeSetFilter): Promise<ChangeSetRecord[]> {
    const rows = await this.db.read(CHANGE_SETS, {
      since: filter.since ?? null,
      until: filter.until ?? null,
      keyId: filter.keyId ?? null,
      materialId: filter.materialId ?? null,
      entityId: filter.entityId ?? null,
      limit: filter.limit,
    });
    return rows.map(toChangeSet);
  }

  /** The changes of the given change sets (one query), optionally only those of one entity or material. */
  async changes(changeSetIds: readonly string[], only: { entityId?: string | null; materialId?: string | null } = {}): Promise<ChangeRecord[]> {
    const rows = await this.db.read(CHANGES, { ids: changeSetIds, entityId: only.entityId ?? null, materialId: only.materialId ?? null });
    return rows.map((row) => ({
      changeSetId: row.changeSetId as string,
      seq: num(row, 'seq'),
      at: row.at as string,
      kind: row.kind as string,
      entityId: row.entityId as string,
      action: row.action as ChangeRecord['action'],
      before: parseJson(row.before),
      after: parseJson(row.after),
      materialIds: (row.materialIds as string[]) ?? [],
    }));
  }
}
