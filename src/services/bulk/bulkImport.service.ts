/**
 * The bulk import use case: a table and its mapping (mapping.ts) → a dry run (what would be added, matched
 * or rejected, and why) or the real run: everything in ONE write transaction through the dataset writer
 * (graph/datasetImport.store.ts), recorded in the same transaction as one change set (kind 'Dataset',
 * action 'IMPORT') that `revert` undoes exactly. Re-importing the same table writes nothing and records
 * nothing; a changed table converges (measurements it no longer gives are removed).
 *
 * Revert needs the dataset's state before the import: each change set of a dataset carries the input then
 * in effect (`payload.input`, null when the dataset is absent); the import's `payload.previous` is the
 * input of the dataset's latest change set before it. A dataset written by another path (the OBELiX
 * start-up import) has no such record: its import is recorded with `previous: 'unrecorded'` and cannot be
 * reverted (BulkRevertError says so).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ChangeSetRecord, ChangeSetWrite, FactsChangedEvent } from '../../domain/curation/changes.js';
import { ChangeSetStore } from '../../graph/changeSet.store.js';
import type { GraphTransaction } from '../../graph/database.js';
import type { DatasetImportCounts, DatasetImportInput, DatasetImportStore } from '../../graph/datasetImport.store.js';
import type { ChangeEvents } from '../curation/changeEvents.js';
import { InvalidRecordsError } from '../errors.js';
import { parseMapping, type BulkMapping } from './mapping.js';
import { hashInput, planImport, recordOf, toInput, type BulkPlan } from './plan.js';
import { readTable } from './rows.js';

/** How many of a dataset's latest change sets a revert looks through for the import still in effect. */
const HISTORY = 1000;

/** The change set operation of a bulk import and of its revert. */
export const BULK_IMPORT_OPERATION = 'bulkImport';
export const BULK_REVERT_OPERATION = 'bulkImport.revert';

/** What a dataset's change set carries to make a revert exact. */
interface DatasetPayload {
  /** The input in effect after the change set (null: the dataset is absent). */
  input: DatasetImportInput | null;
  inputHash: string | null;
  /** IMPORT only: the input in effect before it (null: the dataset was new; 'unrecorded': written by another path). */
  previous?: DatasetImportInput | null | 'unrecorded';
}

/** Reads and checks a mapping file (MappingError naming the key on a problem). */
export async function readMappingFile(file: string): Promise<BulkMapping> {
  return parseMapping(await readFile(file, 'utf8'), path.basename(file));
}

/**
 * The writes of a table in which every row must read (the OBELiX import's rule), without comparing them to
 * the graph and without a change set: for the dataset imports that predate the bulk importer.
 * @throws InvalidRecordsError listing every problem of every rejected row
 */
export function readStrictly(mapping: BulkMapping, content: Buffer, fileName: string): DatasetImportInput {
  if (mapping.columns.dois.lookup) throw new Error('readStrictly reads tables without a DOI lookup');
  const reading = readTable(mapping, content, fileName);
  const problems = reading.rejected.flatMap((r) => r.problems.map((p) => ({ file: fileName, record: recordOf(r.line, r.recordId), field: p.column, problem: p.problem })));
  if (problems.length > 0) throw new InvalidRecordsError(problems);
  return toInput(mapping, reading, content).input;
}

/** The mapping's view of the materials belongs to another dataset in the graph: nothing is read or written. */
export class ViewTakenError extends Error {
  override name = 'ViewTakenError';
}

/** A revert that cannot be done: the change set is unknown, not a bulk import, already reverted, or not the dataset's latest. */
export class BulkRevertError extends Error {
  override name = 'BulkRevertError';
}

export interface BulkRunResult {
  plan: BulkPlan;
  /** Null when there was nothing to do (or when the rejected rows stopped the import). */
  changeSet: ChangeSetRecord | null;
  counts: DatasetImportCounts | null;
}

export interface BulkImportOptions {
  keyId: string;
  reason: string | null;
  onProgress?: (done: number, total: number) => void;
}

export class BulkImportService {
  constructor(
    private readonly store: DatasetImportStore,
    private readonly changeSets: ChangeSetStore,
    private readonly events?: ChangeEvents,
  ) {}

  /**
   * The dry run: the table read through the mapping and compared with the graph (one read). Writes nothing.
   * @throws InvalidRecordsError when the file cannot be read at all (not CSV, a mapped column missing)
   */
  async plan(file: string, mapping: BulkMapping): Promise<BulkPlan> {
    const content = await readFile(file);
    const lookup = mapping.columns.dois.lookup ? await readLookup(path.resolve(path.dirname(file), mapping.columns.dois.lookup.file), mapping) : undefined;
    const reading = readTable(mapping, content, path.basename(file), lookup);
    const materialIds = [...new Set(reading.rows.map((r) => r.composition.key))];
    const [existing, latest, heldByOthers] = await Promise.all([
      this.store.existing(mapping.dataset.id, materialIds),
      this.latestPayload(mapping.dataset.id),
      mapping.view ? this.store.viewHeldByOthers(mapping.view, mapping.dataset.id) : 0,
    ]);
    if (heldByOthers > 0) {
      throw new ViewTakenError(`view '${mapping.view}' is held by another dataset (${heldByOthers} materials carry it without a measurement of '${mapping.dataset.id}'): a view is one dataset's; declare a new one (domain/model/material.kind.ts)`);
    }
    const recordedInputHash = latest && existing.version !== null && latest.payload.input?.dataset.version === existing.version ? latest.payload.inputHash : null;
    return planImport(mapping, reading, content, {
      datasetVersion: existing.version,
      measurementIds: new Set(existing.measurementIds),
      materialIds: new Set(existing.materialIds),
      recordedInputHash,
    });
  }

  /**
   * The real run: all rows that read, in one transaction with its change set; nothing when the plan says
   * there is nothing to do. With `rejectedRows: fail` in the mapping, any rejected row means nothing is
   * written (InvalidRecordsError listing them).
   */
  async run(file: string, mapping: BulkMapping, options: BulkImportOptions): Promise<BulkRunResult> {
    const plan = await this.plan(file, mapping);
    const rejected = plan.rows.filter((r) => r.action === 'REJECT');
    if (mapping.rejectedRows === 'fail' && rejected.length > 0) throw new InvalidRecordsError(rejected.flatMap((r) => r.problems));
    if (plan.summary.nothingToDo) return { plan, changeSet: null, counts: null };
    if (plan.input.measurements.length === 0) throw new InvalidRecordsError([{ file: plan.input.dataset.file, record: '-', field: 'file', problem: 'no row could be imported' }]);
    const input = plan.input;
    const previous = await this.previousInput(input.dataset.id);
    const { counts, result: changeSet } = await this.store.importDatasetWith(input, options.onProgress, (tx, c) =>
      this.record(tx, {
        keyId: options.keyId,
        operation: BULK_IMPORT_OPERATION,
        reason: options.reason,
        changes: [datasetChange(input.dataset.id, 'IMPORT', previous, input, c)],
        payload: { input, inputHash: plan.inputHash, previous } satisfies DatasetPayload,
      }),
    );
    this.publish(changeSet, input);
    return { plan, changeSet, counts };
  }

  /**
   * Undoes a bulk import exactly: a dataset that was new is removed; otherwise the input in effect before
   * the import is written again. Recorded as a change set (revertOf) in the same transaction, the original
   * marked reverted.
   * @throws BulkRevertError when the change set cannot be reverted (and why)
   */
  async revert(changeSetId: string, options: Omit<BulkImportOptions, 'onProgress'>): Promise<ChangeSetRecord> {
    const original = await this.changeSets.byId(changeSetId);
    if (!original) throw new BulkRevertError(`change set ${changeSetId} does not exist`);
    if (original.operation !== BULK_IMPORT_OPERATION) throw new BulkRevertError(`change set ${changeSetId} is a ${original.operation}, not a bulk import`);
    if (original.revertedBy) throw new BulkRevertError(`change set ${changeSetId} was already reverted by ${original.revertedBy}`);
    const payload = original.payload as DatasetPayload;
    const current = payload.input!;
    const datasetId = current.dataset.id;
    const latest = await this.latestRevertable(datasetId);
    if (latest !== changeSetId) throw new BulkRevertError(`change set ${changeSetId} is not the latest change of dataset ${datasetId} still in effect (${latest}): revert that one first`);
    if (payload.previous === 'unrecorded' || payload.previous === undefined) {
      throw new BulkRevertError(`the state of dataset ${datasetId} before change set ${changeSetId} was written by another import and not recorded; re-import the earlier file instead`);
    }
    const previous = payload.previous;
    const write = (tx: GraphTransaction, counts: DatasetImportCounts | null) =>
      this.record(tx, {
        keyId: options.keyId,
        operation: BULK_REVERT_OPERATION,
        reason: options.reason,
        revertOf: changeSetId,
        changes: [datasetChange(datasetId, 'REVERT', current, previous, counts)],
        payload: { input: previous, inputHash: previous ? hashInput(previous) : null } satisfies DatasetPayload,
      }).then(async (record) => {
        await ChangeSetStore.markReverted(tx, changeSetId, record.id);
        return record;
      });
    const record = previous
      ? (await this.store.importDatasetWith(previous, undefined, write)).result
      : (await this.store.removeDatasetWith(datasetId, current.view, (tx) => write(tx, null))).result;
    this.publish(record, previous ?? current);
    return record;
  }

  private record(tx: GraphTransaction, write: ChangeSetWrite): Promise<ChangeSetRecord> {
    return ChangeSetStore.record(tx, write);
  }

  /** The dataset's latest change set and its payload, or null when none is recorded. */
  private async latestPayload(datasetId: string): Promise<{ id: string; payload: DatasetPayload } | null> {
    const [latest] = await this.changeSets.list({ entityId: datasetId, limit: 1 });
    const set = latest && (latest.operation === BULK_IMPORT_OPERATION || latest.operation === BULK_REVERT_OPERATION) ? await this.changeSets.byId(latest.id) : null;
    return set ? { id: set.id, payload: set.payload as DatasetPayload } : null;
  }

  /** The dataset's latest import not reverted yet (its changes since are reverts), or null. */
  private async latestRevertable(datasetId: string): Promise<string | null> {
    const sets = await this.changeSets.list({ entityId: datasetId, limit: HISTORY });
    const found = sets.find((cs) => cs.operation !== BULK_REVERT_OPERATION && !cs.revertedBy);
    return found && found.operation === BULK_IMPORT_OPERATION ? found.id : null;
  }

  /** The input in effect now: the latest change set's, if the graph still holds that version; else unrecorded or absent. */
  private async previousInput(datasetId: string): Promise<DatasetImportInput | null | 'unrecorded'> {
    const [existing, latest] = await Promise.all([this.store.existing(datasetId, []), this.latestPayload(datasetId)]);
    if (existing.version === null) return null;
    const input = latest?.payload.input ?? null;
    return input && input.dataset.version === existing.version ? input : 'unrecorded';
  }

  private publish(record: ChangeSetRecord, input: DatasetImportInput): void {
    const event: FactsChangedEvent = {
      changeSetId: record.id,
      at: record.at,
      keyId: record.keyId,
      operation: record.operation,
      kinds: record.kinds,
      entityIds: [input.dataset.id],
      materialIds: materialIdsOf(input),
    };
    this.events?.publish(event);
  }
}

/** The one change of a dataset import or revert: before and after as counts (the inputs are in the payload). */
function datasetChange(datasetId: string, action: 'IMPORT' | 'REVERT', before: DatasetImportInput | null | 'unrecorded', after: DatasetImportInput | null, counts: DatasetImportCounts | null) {
  const summary = (i: DatasetImportInput | null | 'unrecorded') =>
    i === null ? null : i === 'unrecorded' ? { recorded: false } : { version: i.dataset.version, file: i.dataset.file, measurements: i.measurements.length, materials: i.materials.length, publications: i.publications.length };
  const materialIds = [...new Set([before, after].flatMap((i) => (i && i !== 'unrecorded' ? materialIdsOf(i) : [])))];
  return { kind: 'Dataset', entityId: datasetId, action, before: summary(before), after: after ? { ...summary(after), counts } : null, materialIds };
}

/** The materials an input touches: those it describes (its view) and those its measurements are of (a dataset without a view describes none). */
function materialIdsOf(input: DatasetImportInput): string[] {
  return [...new Set([...input.materials.map((m) => m.id), ...input.measurements.map((m) => m.materialId)])];
}

/** The reference numbers → DOIs of a lookup table (`columns.dois.lookup`). */
async function readLookup(file: string, mapping: BulkMapping): Promise<Map<string, string>> {
  const spec = mapping.columns.dois.lookup!;
  let text: Buffer;
  try {
    text = await readFile(file);
  } catch (e) {
    throw new InvalidRecordsError([{ file: path.basename(file), record: '-', field: 'columns.dois.lookup.file', problem: `cannot be read: ${(e as Error).message}` }]);
  }
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  if (rows.length > 0 && (!(spec.key in rows[0]!) || !(spec.doi in rows[0]!))) {
    throw new InvalidRecordsError([{ file: path.basename(file), record: '1', field: `${spec.key}, ${spec.doi}`, problem: 'column is missing' }]);
  }
  return new Map(rows.map((r) => [String(r[spec.key]).trim(), String(r[spec.doi]).trim()]));
}

