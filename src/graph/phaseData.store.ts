/**
 * Phase data for the thermodynamics: formation energies of phases, one PhaseEntry node per reduced
 * composition of a dataset (its lowest-energy polymorph), plus entries users add.
 *
 *   (:PhaseEntry {uid, id, key, formula, compositionElements, compositionAmounts, chemicalSystem, elementCount,
 *                 formationEnergyEvPerAtom, source: 'DATASET'|'USER', datasetId, datasetVersion, run, rows,
 *                 label, note, owner, createdAt})
 *   (:Dataset {id, ..., phaseEntryCount, rowCount, phaseRun})
 *   (:PhaseDataRevision {id: 'phase-data', revision, activeRun})
 *
 * A dataset's entries belong to an import run; readers see the revision node's activeRun (and every user
 * entry), so an import becomes visible all at once (see importDataset). One
 * formation-energy table is the phase data at a time: mixing tables computed with different settings
 * would mix energy scales.
 *
 * `chemicalSystem` ('Li-P-S', alphabetical) is indexed: the entries of a system and all its subsystems
 * come back in one query (`chemicalSystem IN $systems`). Every change (import, user entry added or
 * removed) increments the revision in the same transaction; caches of computed results key on it, so
 * every API replica sees a change at its next request.
 */
import { DATASET } from '../domain/model/publication.kind.js';
import { PHASE_ENTRY, type PhaseEntrySource } from '../domain/model/phaseEntry.kind.js';
import type { RecordOf, StoredOf } from '../domain/model/property.js';
import { recordMap, storedProps } from './nodeKinds.js';
import { PHASE_ENTRY_PROJECTION } from './query/projection.phase.js';
import type { ChangeSetRecord, ChangeWrite } from '../domain/curation/changes.js';
import { ChangeSetStore } from './changeSet.store.js';
import { cypher, type GraphDatabase, type NamedQuery, type Row } from './database.js';
import { num, optStr, str, strList } from './mapping.js';

/** The dataset of a formation-energy table, as written: its stored properties (domain/model/publication.kind.ts). */
/** A formation-energy dataset as its import describes it (its entry and row counts and run are set when it is activated). */
export type PhaseDataDatasetWrite = Omit<StoredOf<typeof DATASET>, 'phaseEntryCount' | 'rowCount' | 'phaseRun'>;

/** An entry as an import or a user gives it (its stored properties, domain/model/phaseEntry.kind.ts); the store adds source, run and ids. */
export type PhaseEntryWrite = Pick<
  StoredOf<typeof PHASE_ENTRY>,
  'id' | 'key' | 'formula' | 'compositionElements' | 'compositionAmounts' | 'chemicalSystem' | 'elementCount' | 'formationEnergyEvPerAtom' | 'rows'
>;

/** A user's entry: `owner` is the id of the API key that adds it. */
export type UserPhaseEntryWrite = PhaseEntryWrite & { label: string; note: string | null; owner: string };

/** Who writes, for the change set recorded with the write: the API key's id and the GraphQL operation. */
export interface WriteAuthor {
  keyId: string;
  operation: string;
}

/** The outcome of a removal: removed (with its change set), none such, or refused because another key owns it. */
export type UserEntryRemoval =
  | { removed: true; revision: number; changeSet: ChangeSetRecord; change: ChangeWrite }
  | { removed: false; refusedOwner?: undefined }
  | { removed: false; refusedOwner: string | null };

export type PhaseEntryRecordSource = PhaseEntrySource;

/** An entry as read: domain/model/phaseEntry.kind.ts. */
export type PhaseEntryRecord = RecordOf<typeof PHASE_ENTRY>;

export interface PhaseImportCounts {
  entries: number;
  /** Entries of the previous import removed. */
  removed: number;
  /** Entries of earlier imports that never became active (killed half-way) removed before this one. */
  abandoned: number;
  revision: number;
  /** False when the same version was already imported (nothing written). */
  written: boolean;
}

const REVISION = cypher(
  'phaseData.revision',
  `
OPTIONAL MATCH (r:PhaseDataRevision {id: 'phase-data'})
RETURN coalesce(r.revision, 0) AS revision`,
);

const BUMP_REVISION = cypher(
  'phaseData.bumpRevision',
  `
MERGE (r:PhaseDataRevision {id: 'phase-data'})
SET r.revision = coalesce(r.revision, 0) + 1, r.updatedAt = datetime()
RETURN r.revision AS revision`,
);

const ACTIVE = cypher(
  'phaseData.active',
  `
OPTIONAL MATCH (d:Dataset {id: $datasetId})
OPTIONAL MATCH (r:PhaseDataRevision {id: 'phase-data'})
RETURN d.version AS version, coalesce(d.phaseEntryCount, 0) AS entries, d.phaseRun IS NOT NULL AND d.phaseRun = r.activeRun AS active`,
);

const CREATE_ENTRIES = cypher(
  'phaseData.createEntries',
  `
UNWIND $rows AS row
CREATE (e:PhaseEntry)
SET e = row
RETURN count(e) AS n`,
);

// First step of an activation: takes the write lock on the revision node (activations run one at a time)
// and says which run is active and how much of the new one is there.
const LOCK_FOR_ACTIVATION = cypher(
  'phaseData.lockForActivation',
  `
MERGE (r:PhaseDataRevision {id: 'phase-data'})
SET r.activations = coalesce(r.activations, 0) + 1
WITH r
RETURN r.activeRun AS active, COUNT { MATCH (e:PhaseEntry {run: $run}) RETURN e } AS stored`,
);

// Makes the run the phase data every reader sees; any other dataset stops being phase data.
const ACTIVATE = cypher(
  'phaseData.activate',
  `
MATCH (r:PhaseDataRevision {id: 'phase-data'})
SET r.activeRun = $run, r.revision = coalesce(r.revision, 0) + 1, r.updatedAt = datetime()
MERGE (d:Dataset {id: $dataset.id})
SET d += $datasetProps
WITH r, d
OPTIONAL MATCH (other:Dataset) WHERE other.phaseRun IS NOT NULL AND other.id <> d.id
SET other.phaseRun = null, other.phaseEntryCount = 0
RETURN DISTINCT r.revision AS revision`,
);

// Dataset entries of runs older than the active one: replaced imports and imports that never finished.
// Newer runs may still be being written by another import and are left alone.
const DELETE_OLDER = cypher(
  'phaseData.deleteOlder',
  `
MATCH (r:PhaseDataRevision {id: 'phase-data'})
WITH r.activeRun AS active
MATCH (e:PhaseEntry)
WHERE e.run < active AND e.source = 'DATASET'
WITH e LIMIT 10000
DETACH DELETE e
RETURN count(*) AS n`,
);

// Entries of import runs that are not the active one: runs that never became active (an import killed
// half-way) and runs being written by another import right now (which then fails at its activation: the
// later import wins). Counted first without a lock, so that an import with nothing to clean writes nothing.
const ABANDONED = cypher(
  'phaseData.abandoned',
  `
OPTIONAL MATCH (r:PhaseDataRevision {id: 'phase-data'})
WITH r.activeRun AS active
RETURN COUNT { MATCH (e:PhaseEntry) WHERE e.run IS NOT NULL AND (active IS NULL OR e.run <> active) RETURN e } AS n`,
);

// One batch of the deletion. It first takes the write lock on the revision node (set and removed in the
// same transaction: Neo4j's lost-update idiom, no net change), so it never runs beside an activation and
// reads the active run after any activation has committed: the active run is never touched.
const DELETE_ABANDONED = cypher(
  'phaseData.deleteAbandoned',
  `
MERGE (r:PhaseDataRevision {id: 'phase-data'})
SET r._lock = true
REMOVE r._lock
WITH r.activeRun AS active
MATCH (e:PhaseEntry)
WHERE e.run IS NOT NULL AND e.source = 'DATASET' AND (active IS NULL OR e.run <> active)
WITH e LIMIT 10000
DETACH DELETE e
RETURN count(*) AS n`,
);

const DELETE_RUN = cypher(
  'phaseData.deleteRun',
  `
MATCH (e:PhaseEntry {run: $run})
WITH e LIMIT 10000
DETACH DELETE e
RETURN count(*) AS n`,
);

/** The entries readers see: users' entries and those of the active import run (of one dataset); the compiled list `phaseEntries` requires the same (graph/query/compile.phase.ts). */
const VISIBLE = `(e.source = 'USER' OR e.run = activeRun)`;
const RUNS = `OPTIONAL MATCH (r:PhaseDataRevision {id: 'phase-data'}) WITH r.activeRun AS activeRun`;
const PROJECTION = `${recordMap(PHASE_ENTRY, PHASE_ENTRY_PROJECTION, 'e')} AS e`;

const ENTRIES_OF_SYSTEMS = cypher(
  'phaseData.entriesOfSystems',
  `
${RUNS}
MATCH (e:PhaseEntry)
WHERE e.chemicalSystem IN $systems AND ${VISIBLE}
RETURN ${PROJECTION}`,
);

// Every visible entry, with the revision they make up, in one read (the thermodynamics holds them in
// memory per revision); the columns are the ones a computation needs.
const ALL_ENTRIES = cypher(
  'phaseData.allEntries',
  `
OPTIONAL MATCH (r:PhaseDataRevision {id: 'phase-data'})
WITH r.activeRun AS activeRun, coalesce(r.revision, 0) AS revision
OPTIONAL MATCH (e:PhaseEntry)
WHERE ${VISIBLE}
RETURN revision, e.id AS id, e.chemicalSystem AS chemicalSystem, e.compositionElements AS elements, e.compositionAmounts AS amounts,
       e.formationEnergyEvPerAtom AS energy, e.source AS source, e.datasetId AS datasetId`,
);

const ENTRIES_BY_IDS = cypher(
  'phaseData.entriesByIds',
  `
${RUNS}
UNWIND $ids AS id
MATCH (e:PhaseEntry {id: id})
WHERE ${VISIBLE}
RETURN ${PROJECTION}`,
);

const CREATE_USER_ENTRY = cypher(
  'phaseData.createUserEntry',
  `
CREATE (e:PhaseEntry)
SET e = $props, e.createdAt = datetime()
RETURN ${PROJECTION}`,
);

const USER_ENTRY = cypher(
  'phaseData.userEntry',
  `
MATCH (e:PhaseEntry {id: $id, source: 'USER'})
RETURN ${PROJECTION}`,
);

const DELETE_USER_ENTRY = cypher(
  'phaseData.deleteUserEntry',
  `
MATCH (e:PhaseEntry {id: $id, source: 'USER'})
DETACH DELETE e
RETURN count(*) AS n`,
);

/** One entry as the computations need it (see PhaseDataStore.allEntries). */
export interface PhaseEntryLite {
  id: string;
  chemicalSystem: string;
  elements: string[];
  amounts: number[];
  /** Formation energy, eV/atom. */
  energy: number;
  source: PhaseEntryRecordSource;
  datasetId: string | null;
}

/** Queries whose plans tests check. */
export const PHASE_QUERIES = { ENTRIES_OF_SYSTEMS } as const;

/** Entries per write transaction of an import (keeps each transaction's memory small). */
const IMPORT_BATCH = 5000;

export class PhaseDataStore {
  constructor(private readonly db: GraphDatabase) {}

  /** The current revision of the phase data (0 before anything was imported). */
  async revision(): Promise<number> {
    const [row] = await this.db.read(REVISION);
    return row ? num(row, 'revision') : 0;
  }

  /** Entries of a dataset readers see (0 when never imported). */
  async datasetEntryCount(datasetId: string): Promise<number> {
    const [row] = await this.db.read(ACTIVE, { datasetId });
    return row?.active ? num(row, 'entries') : 0;
  }

  /**
   * Makes `entries` the phase data, all or nothing as readers see it, replacing any earlier import (of
   * this or another dataset; users' entries stay). The entries are written as a new import run in
   * transactions of IMPORT_BATCH (the whole table in one transaction would exceed Neo4j's transaction
   * memory on a small server); one last small transaction checks that the whole run is there, makes it
   * the visible one and moves the revision on; older runs are deleted afterwards. Until then readers see
   * the previous data only; if anything fails, the new run is deleted. Runs are named by their start time
   * and activations take turns on the revision node: a run older than the active one is never activated,
   * and at the end only runs older than the active one are deleted, so of two imports at once the later
   * one wins and readers always see one whole table.
   * Re-importing the version that is visible writes nothing.
   * Every call first removes the entries of runs that are not the active one (removeAbandonedRuns), also
   * when it then writes nothing: an import killed half-way leaves no entries behind past the next import.
   */
  async importDataset(
    dataset: PhaseDataDatasetWrite,
    entries: readonly PhaseEntryWrite[],
    rows: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<PhaseImportCounts> {
    const abandoned = await this.removeAbandonedRuns();
    const [current] = await this.db.read(ACTIVE, { datasetId: dataset.id });
    if (current?.active && current.version === dataset.version && num(current, 'entries') === entries.length) {
      return { entries: entries.length, removed: 0, abandoned, revision: await this.revision(), written: false };
    }
    const run = `${new Date().toISOString()}#${Math.random().toString(36).slice(2, 10)}`;
    try {
      let written = 0;
      for (let i = 0; i < entries.length; i += IMPORT_BATCH) {
        const batch = entries.slice(i, i + IMPORT_BATCH);
        const rows = batch.map((e) =>
          storedProps(PHASE_ENTRY, { ...e, uid: `${run}|${e.id}`, source: 'DATASET', datasetId: dataset.id, datasetVersion: dataset.version, run, label: null, note: null, owner: null }),
        );
        const [row] = await this.db.write(CREATE_ENTRIES, { rows });
        written += row ? num(row, 'n') : 0;
        onProgress?.(Math.min(i + IMPORT_BATCH, entries.length), entries.length);
      }
      if (written !== entries.length) throw new Error(`phaseData.import: wrote ${written} of ${entries.length} entries`);
      const revision = await this.db.writeTransaction('phaseData.activate', async (tx) => {
        const [lock] = await tx.run(LOCK_FOR_ACTIVATION, { run });
        const active = (lock!.active as string | null) ?? null;
        if (active !== null && active > run) throw new Error(`phaseData.import: a newer import (${active}) is already the phase data; this one (${run}) is dropped`);
        if (num(lock!, 'stored') !== entries.length) throw new Error(`phaseData.import: the import run ${run} is incomplete (another import removed part of it); nothing was changed`);
        const datasetProps = storedProps(DATASET, { ...dataset, rowCount: rows, phaseEntryCount: entries.length, phaseRun: run });
        const [row] = await tx.run(ACTIVATE, { dataset, datasetProps, run });
        return num(row!, 'revision');
      });
      const removed = await this.deleteBatches(DELETE_OLDER, { run });
      return { entries: written, removed, abandoned, revision, written: true };
    } catch (e) {
      await this.deleteBatches(DELETE_RUN, { run }).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Deletes, in transactions of at most 10,000 entries, the dataset entries of every import run that is
   * not the active one (runs of imports killed before their activation, or being written by another
   * import at this moment, which then fails at its activation as 'incomplete': the later import wins).
   * Readers never see these entries, so their answers do not change; the active run and users' entries
   * are never touched. Returns how many entries were deleted (0, after one read, when there are none).
   */
  async removeAbandonedRuns(): Promise<number> {
    const [row] = await this.db.read(ABANDONED);
    if (!row || num(row, 'n') === 0) return 0;
    return this.deleteBatches(DELETE_ABANDONED, {});
  }

  /** Every entry readers see whose chemical system is one of `systems`. */
  async entriesOfSystems(systems: readonly string[]): Promise<PhaseEntryRecord[]> {
    if (systems.length === 0) return [];
    const rows = await this.db.read(ENTRIES_OF_SYSTEMS, { systems: [...systems] });
    return rows.map((r) => toEntry(r.e as Row));
  }

  /** Every entry readers see and the revision they make up, read in one query. */
  async allEntries(): Promise<{ revision: number; entries: PhaseEntryLite[] }> {
    const rows = await this.db.read(ALL_ENTRIES);
    const revision = rows[0] ? num(rows[0], 'revision') : 0;
    const entries: PhaseEntryLite[] = [];
    for (const r of rows) {
      if (r.id == null) continue;
      const source = str(r, 'source');
      if (source !== 'DATASET' && source !== 'USER') throw new Error(`phase entry ${String(r.id)}: source '${source}'`);
      entries.push({
        id: str(r, 'id'),
        chemicalSystem: str(r, 'chemicalSystem'),
        elements: strList(r, 'elements'),
        amounts: (r.amounts as number[] | null) ?? [],
        energy: num(r, 'energy'),
        source,
        datasetId: optStr(r, 'datasetId'),
      });
    }
    return { revision, entries };
  }

  async entriesByIds(ids: readonly string[]): Promise<(PhaseEntryRecord | null)[]> {
    const rows = await this.db.read(ENTRIES_BY_IDS, { ids: [...ids] });
    const found = new Map(rows.map((r) => toEntry(r.e as Row)).map((e) => [e.id, e]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * Adds a user's entry, bumps the revision and records the change set (kind PhaseEntry, action ADD, the
   * entry as `after`), in one transaction; returns the entry, the new revision, the change set and its change.
   */
  async addUserEntry(entry: UserPhaseEntryWrite, author: WriteAuthor): Promise<{ entry: PhaseEntryRecord; revision: number; changeSet: ChangeSetRecord; change: ChangeWrite }> {
    return this.db.writeTransaction('phaseData.addUserEntry', async (tx) => {
      const props = storedProps(PHASE_ENTRY, { ...entry, uid: entry.id, source: 'USER', datasetId: null, datasetVersion: null, run: null });
      const [row] = await tx.run(CREATE_USER_ENTRY, { props });
      const [rev] = await tx.run(BUMP_REVISION);
      const added = toEntry(row!.e as Row);
      const change: ChangeWrite = { kind: 'PhaseEntry', entityId: added.id, action: 'ADD', before: null, after: added, materialIds: [added.key] };
      const changeSet = await ChangeSetStore.record(tx, { ...author, reason: null, changes: [change] });
      return { entry: added, revision: num(rev!, 'revision'), changeSet, change };
    });
  }

  /**
   * Removes a user's entry (dataset entries cannot be removed), bumps the revision and records the change
   * set (action REMOVE, the entry as `before`), in one transaction. Unless `anyOwner`, only an entry whose
   * owner is `author.keyId` is removed; another's is refused (`refusedOwner`, nothing written). `removed`
   * is false when there is no such user entry.
   */
  async removeUserEntry(id: string, author: WriteAuthor, anyOwner: boolean): Promise<UserEntryRemoval> {
    return this.db.writeTransaction('phaseData.removeUserEntry', async (tx) => {
      const [found] = await tx.run(USER_ENTRY, { id });
      if (!found) return { removed: false };
      const entry = toEntry(found.e as Row);
      const owner = entry.owner ?? null;
      if (!anyOwner && owner !== author.keyId) return { removed: false, refusedOwner: owner };
      const [row] = await tx.run(DELETE_USER_ENTRY, { id });
      if (!row || num(row, 'n') === 0) return { removed: false };
      const [rev] = await tx.run(BUMP_REVISION);
      const change: ChangeWrite = { kind: 'PhaseEntry', entityId: id, action: 'REMOVE', before: entry, after: null, materialIds: [entry.key] };
      const changeSet = await ChangeSetStore.record(tx, { ...author, reason: null, changes: [change] });
      return { removed: true, revision: num(rev!, 'revision'), changeSet, change };
    });
  }

  /** Runs a deleting query (LIMIT 10000 per transaction) until it deletes nothing; returns how many. */
  private async deleteBatches(query: NamedQuery, params: Record<string, unknown>): Promise<number> {
    let removed = 0;
    for (;;) {
      const [row] = await this.db.write(query, params);
      const n = row ? num(row, 'n') : 0;
      removed += n;
      if (n === 0) return removed;
    }
  }
}

/** A row of PROJECTION (recordMap of the declaration: already shaped as the record). */
function toEntry(e: Row): PhaseEntryRecord {
  return e as PhaseEntryRecord;
}
