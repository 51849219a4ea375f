/**
 * Phase data for the thermodynamics: formation energies of phases, one PhaseEntry node per reduced
 * composition of a dataset (its lowest-energy polymorph), plus entries users add.
 *
 *   (:PhaseEntry {uid, id, key, formula, compositionElements, compositionAmounts, chemicalSystem, elementCount,
 *                 formationEnergyEvPerAtom, source: 'DATASET'|'USER', datasetId, datasetVersion, run, rows,
 *                 label, note, createdAt})
 *   (:Dataset {id, ..., phaseEntryCount, rowCount, phaseRun})   (:PhaseDataRevision {id: 'phase-data', revision})
 *
 * A dataset's entries belong to an import run; readers see the run named by the Dataset's phaseRun
 * (and every user entry), so an import becomes visible all at once (see importDataset).
 *
 * `chemicalSystem` ('Li-P-S', alphabetical) is indexed: the entries of a system and all its subsystems
 * come back in one query (`chemicalSystem IN $systems`). Every change (import, user entry added or
 * removed) increments the revision in the same transaction; caches of computed results key on it, so
 * every API replica sees a change at its next request.
 */
import { cypher, type GraphDatabase, type Row } from './database.js';
import { num, optNum, optStr, str, strList } from './mapping.js';

export interface PhaseDataDatasetWrite {
  id: string;
  name: string;
  license: string;
  licenseUrl: string;
  url: string;
  citation: string;
  doi: string | null;
  version: string;
  file: string;
}

export interface PhaseEntryWrite {
  id: string;
  /** Composition key (integer proportions, alphabetical), e.g. 'Cl1Li6P1S5'. */
  key: string;
  /** Reduced formula, e.g. 'Li6PS5Cl'. */
  formula: string;
  compositionElements: string[];
  compositionAmounts: number[];
  chemicalSystem: string;
  elementCount: number;
  /** eV/atom, relative to the elements. */
  formationEnergyEvPerAtom: number;
  /** Rows of the source table this entry stands for (polymorphs of the composition). */
  rows: number;
}

export interface UserPhaseEntryWrite extends PhaseEntryWrite {
  label: string;
  note: string | null;
}

export type PhaseEntryRecordSource = 'DATASET' | 'USER';

export interface PhaseEntryRecord extends PhaseEntryWrite {
  source: PhaseEntryRecordSource;
  datasetId: string | null;
  datasetVersion: string | null;
  label: string | null;
  note: string | null;
  /** ISO date-time the user added it (null for dataset entries). */
  createdAt: string | null;
}

export interface PhaseImportCounts {
  entries: number;
  /** Entries of the previous import removed. */
  removed: number;
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
RETURN d.phaseRun AS run, d.version AS version, coalesce(d.phaseEntryCount, 0) AS entries`,
);

// Entries of runs that never became active (an import that failed or was killed), or of a run replaced.
const DELETE_INACTIVE = cypher(
  'phaseData.deleteInactive',
  `
MATCH (e:PhaseEntry {datasetId: $datasetId})
WHERE $keep IS NULL OR e.run <> $keep
WITH e LIMIT 10000
DETACH DELETE e
RETURN count(*) AS n`,
);

const CREATE_ENTRIES = cypher(
  'phaseData.createEntries',
  `
UNWIND $rows AS row
CREATE (e:PhaseEntry)
SET e = row, e.uid = $run + '|' + row.id, e.source = 'DATASET', e.datasetId = $datasetId, e.datasetVersion = $version, e.run = $run
RETURN count(e) AS n`,
);

// Makes the new run the one every reader sees, in one small transaction.
const ACTIVATE = cypher(
  'phaseData.activate',
  `
MERGE (d:Dataset {id: $dataset.id})
SET d += $dataset, d.rowCount = $rows, d.phaseEntryCount = $entries, d.phaseRun = $run`,
);

/** The entries readers see: users' entries and those of each dataset's active import run. */
const VISIBLE = `(e.source = 'USER' OR e.run IN runs)`;
const RUNS = `OPTIONAL MATCH (d:Dataset) WHERE d.phaseRun IS NOT NULL WITH collect(d.phaseRun) AS runs`;
const PROJECTION = `e {.id, .key, .formula, .compositionElements, .compositionAmounts, .chemicalSystem, .elementCount, .formationEnergyEvPerAtom,
          .rows, .source, .datasetId, .datasetVersion, .label, .note, createdAt: toString(e.createdAt)} AS e`;

const ENTRIES_OF_SYSTEMS = cypher(
  'phaseData.entriesOfSystems',
  `
${RUNS}
MATCH (e:PhaseEntry)
WHERE e.chemicalSystem IN $systems AND ${VISIBLE}
RETURN ${PROJECTION}`,
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
SET e = $entry, e.uid = $entry.id, e.source = 'USER', e.createdAt = datetime()
RETURN ${PROJECTION}`,
);

const DELETE_USER_ENTRY = cypher(
  'phaseData.deleteUserEntry',
  `
MATCH (e:PhaseEntry {id: $id, source: 'USER'})
DETACH DELETE e
RETURN count(*) AS n`,
);

const PAGE = cypher(
  'phaseData.page',
  `
${RUNS}
MATCH (e:PhaseEntry)
WHERE ($systems IS NULL OR e.chemicalSystem IN $systems) AND ($source IS NULL OR e.source = $source)
  AND ($after IS NULL OR e.id > $after) AND ${VISIBLE}
RETURN ${PROJECTION}
ORDER BY e.id
LIMIT toInteger($limit)`,
);

const COUNT = cypher(
  'phaseData.count',
  `
${RUNS}
MATCH (e:PhaseEntry)
WHERE ($systems IS NULL OR e.chemicalSystem IN $systems) AND ($source IS NULL OR e.source = $source) AND ${VISIBLE}
RETURN count(e) AS n`,
);

export interface PhaseEntryFilter {
  /** Chemical systems ('Li-P-S'), any of which an entry's must equal; null: all. */
  systems: string[] | null;
  source: PhaseEntryRecordSource | null;
}

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
    return row && row.run ? num(row, 'entries') : 0;
  }

  /**
   * Replaces a dataset's entries, all or nothing as readers see it. The entries are written as a new
   * import run in transactions of IMPORT_BATCH (the whole table in one transaction would exceed Neo4j's
   * transaction memory on a small server); one last small transaction makes the run the visible one and
   * moves the revision on; the previous run is deleted afterwards. Until then readers see the previous
   * run only; if anything fails, the new run is deleted and the previous one stays. Re-importing the
   * version that is already visible writes nothing. User entries are never touched.
   */
  async importDataset(
    dataset: PhaseDataDatasetWrite,
    entries: readonly PhaseEntryWrite[],
    rows: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<PhaseImportCounts> {
    const [active] = await this.db.read(ACTIVE, { datasetId: dataset.id });
    const activeRun = (active?.run as string | null) ?? null;
    if (activeRun && active!.version === dataset.version && num(active!, 'entries') === entries.length) {
      await this.deleteInactive(dataset.id, activeRun);
      return { entries: entries.length, removed: 0, revision: await this.revision(), written: false };
    }
    // leftovers of an import that never finished
    await this.deleteInactive(dataset.id, activeRun);
    const run = `${dataset.version}@${new Date().toISOString()}#${Math.random().toString(36).slice(2, 8)}`;
    try {
      let written = 0;
      for (let i = 0; i < entries.length; i += IMPORT_BATCH) {
        const batch = entries.slice(i, i + IMPORT_BATCH);
        const [row] = await this.db.write(CREATE_ENTRIES, { rows: batch, run, datasetId: dataset.id, version: dataset.version });
        written += row ? num(row, 'n') : 0;
        onProgress?.(Math.min(i + IMPORT_BATCH, entries.length), entries.length);
      }
      if (written !== entries.length) throw new Error(`phaseData.import: wrote ${written} of ${entries.length} entries`);
      const revision = await this.db.writeTransaction('phaseData.activate', async (tx) => {
        await tx.run(ACTIVATE, { dataset, rows, entries: entries.length, run });
        const [rev] = await tx.run(BUMP_REVISION);
        return num(rev!, 'revision');
      });
      const removed = activeRun ? await this.deleteInactive(dataset.id, run) : 0;
      return { entries: written, removed, revision, written: true };
    } catch (e) {
      await this.deleteRun(dataset.id, run).catch(() => undefined);
      throw e;
    }
  }

  /** Every entry readers see whose chemical system is one of `systems`. */
  async entriesOfSystems(systems: readonly string[]): Promise<PhaseEntryRecord[]> {
    if (systems.length === 0) return [];
    const rows = await this.db.read(ENTRIES_OF_SYSTEMS, { systems: [...systems] });
    return rows.map((r) => toEntry(r.e as Row));
  }

  async entriesByIds(ids: readonly string[]): Promise<(PhaseEntryRecord | null)[]> {
    const rows = await this.db.read(ENTRIES_BY_IDS, { ids: [...ids] });
    const found = new Map(rows.map((r) => toEntry(r.e as Row)).map((e) => [e.id, e]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** Adds a user's entry and bumps the revision, in one transaction; returns the entry and the new revision. */
  async addUserEntry(entry: UserPhaseEntryWrite): Promise<{ entry: PhaseEntryRecord; revision: number }> {
    return this.db.writeTransaction('phaseData.addUserEntry', async (tx) => {
      const [row] = await tx.run(CREATE_USER_ENTRY, { entry: { ...entry, datasetId: null, datasetVersion: null } });
      const [rev] = await tx.run(BUMP_REVISION);
      return { entry: toEntry(row!.e as Row), revision: num(rev!, 'revision') };
    });
  }

  /**
   * Removes a user's entry (dataset entries cannot be removed) and bumps the revision; `removed` is false
   * (and `revision` null) when there is no such user entry.
   */
  async removeUserEntry(id: string): Promise<{ removed: boolean; revision: number | null }> {
    return this.db.writeTransaction('phaseData.removeUserEntry', async (tx) => {
      const [row] = await tx.run(DELETE_USER_ENTRY, { id });
      if (!row || num(row, 'n') === 0) return { removed: false, revision: null };
      const [rev] = await tx.run(BUMP_REVISION);
      return { removed: true, revision: num(rev!, 'revision') };
    });
  }

  /** A page of entries ordered by id, after the id `after`. */
  async page(filter: PhaseEntryFilter, limit: number, after: string | null): Promise<PhaseEntryRecord[]> {
    const rows = await this.db.read(PAGE, { systems: filter.systems, source: filter.source, after, limit });
    return rows.map((r) => toEntry(r.e as Row));
  }

  async count(filter: PhaseEntryFilter): Promise<number> {
    const [row] = await this.db.read(COUNT, { systems: filter.systems, source: filter.source });
    return row ? num(row, 'n') : 0;
  }

  /** Deletes the dataset's entries of every run but `keep` (all of them when null), in batches. */
  private async deleteInactive(datasetId: string, keep: string | null): Promise<number> {
    let removed = 0;
    for (;;) {
      const [row] = await this.db.write(DELETE_INACTIVE, { datasetId, keep });
      const n = row ? num(row, 'n') : 0;
      removed += n;
      if (n === 0) return removed;
    }
  }

  private async deleteRun(datasetId: string, run: string): Promise<void> {
    for (;;) {
      const [row] = await this.db.write(DELETE_RUN, { datasetId, run });
      if (!row || num(row, 'n') === 0) return;
    }
  }
}

const DELETE_RUN = cypher(
  'phaseData.deleteRun',
  `
MATCH (e:PhaseEntry {datasetId: $datasetId})
WHERE e.run = $run
WITH e LIMIT 10000
DETACH DELETE e
RETURN count(*) AS n`,
);

function toEntry(e: Row): PhaseEntryRecord {
  const source = str(e, 'source');
  if (source !== 'DATASET' && source !== 'USER') throw new Error(`phase entry ${String(e.id)}: source '${source}'`);
  return {
    id: str(e, 'id'),
    key: str(e, 'key'),
    formula: str(e, 'formula'),
    compositionElements: strList(e, 'compositionElements'),
    compositionAmounts: (e.compositionAmounts as number[] | null) ?? [],
    chemicalSystem: str(e, 'chemicalSystem'),
    elementCount: num(e, 'elementCount'),
    formationEnergyEvPerAtom: num(e, 'formationEnergyEvPerAtom'),
    rows: optNum(e, 'rows') ?? 1,
    source,
    datasetId: optStr(e, 'datasetId'),
    datasetVersion: optStr(e, 'datasetVersion'),
    label: optStr(e, 'label'),
    note: optStr(e, 'note'),
    createdAt: optStr(e, 'createdAt'),
  };
}
