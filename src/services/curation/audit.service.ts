/**
 * Reading the audit trail: change sets in a time window, by key, of one material or entity, and the
 * changes of a change set. Arguments are checked here (each error names its argument); one query per call.
 */
import DataLoader from 'dataloader';
import type { ChangeSetRecord } from '../../domain/curation/changes.js';
import type { ChangeRecord, ChangeSetStore } from '../../graph/changeSet.store.js';
import type { MaterialStore } from '../../graph/material.store.js';
import { InvalidArgumentError } from '../errors.js';
import { resolveMaterial } from '../materialRef.js';

/** At most this many change sets per call. */
export const MAX_CHANGE_SETS = 500;
const DAY_MS = 86_400_000;

export interface ChangeSetQuery {
  since?: string | null;
  until?: string | null;
  /** Change sets of the last `withinDays` days (1–3,650), instead of `since`. */
  withinDays?: number | null;
  keyId?: string | null;
  /** A material by id, name or formula (its history). */
  material?: string | null;
  entityId?: string | null;
  first: number;
}

/** An ISO 8601 date-time (or date) as UTC millisecond ISO text, for comparison with stored `at`. */
function isoInstant(value: string, argument: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw new InvalidArgumentError(argument, `is not an ISO 8601 date or date-time: '${value.slice(0, 40)}'`);
  return new Date(ms).toISOString();
}

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGE_SETS) throw new InvalidArgumentError('first', `must be an integer from 1 to ${MAX_CHANGE_SETS}, got ${first}`);
}

export class AuditService {
  /** Per request: the changes of every change set a response shows, in one query. */
  private readonly changesBySet = new DataLoader<string, ChangeRecord[]>(async (ids) => {
    const all = await this.changeSets.changes(ids);
    return ids.map((id) => all.filter((c) => c.changeSetId === id).sort((a, b) => a.seq - b.seq));
  });

  constructor(
    private readonly changeSets: ChangeSetStore,
    private readonly materials: MaterialStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The changes of one change set, in order (batched across the change sets of a request). */
  changesOfSet(id: string): Promise<ChangeRecord[]> {
    return this.changesBySet.load(id);
  }

  /** Change sets matching the query, newest first. */
  async list(q: ChangeSetQuery): Promise<ChangeSetRecord[]> {
    checkFirst(q.first);
    if (q.withinDays != null && q.since != null) throw new InvalidArgumentError('withinDays', 'give either withinDays or since, not both');
    if (q.withinDays != null && !(q.withinDays >= 1 && q.withinDays <= 3650)) throw new InvalidArgumentError('withinDays', `must be from 1 to 3650 days, got ${q.withinDays}`);
    const since = q.withinDays != null ? new Date(this.now() - q.withinDays * DAY_MS).toISOString() : q.since ? isoInstant(q.since, 'since') : null;
    const until = q.until ? isoInstant(q.until, 'until') : null;
    const materialId = q.material ? (await resolveMaterial(this.materials, q.material, 'material')).materialId : null;
    return this.changeSets.list({ since, until, keyId: q.keyId ?? null, materialId, entityId: q.entityId ?? null, limit: q.first });
  }

  async byId(id: string): Promise<ChangeSetRecord | null> {
    return this.changeSets.byId(id);
  }

  /**
   * The changes of one material (its own and its facts', by id, name or formula) or of one entity, newest
   * first, from the newest `first` change sets that touch it.
   */
  async history(q: { material?: string | null; entityId?: string | null; first: number }): Promise<ChangeRecord[]> {
    if (!q.material === !q.entityId) throw new InvalidArgumentError('material', 'give exactly one of material and entityId');
    const materialId = q.material ? (await resolveMaterial(this.materials, q.material, 'material')).materialId : null;
    checkFirst(q.first);
    const chosen = await this.changeSets.list({ materialId, entityId: q.entityId ?? null, limit: q.first });
    return this.changeSets.changes(chosen.map((s) => s.id), { materialId, entityId: q.entityId ?? null });
  }
}
