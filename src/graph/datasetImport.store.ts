/**
 * Writes an external dataset (materials, publications, measurements) into the graph in ONE write
 * transaction: all of it lands or none. Re-running with the same input leaves the same graph: nodes are
 * MERGEd on their keys, measurement properties replaced, and measurements of this dataset that are no
 * longer in the input removed.
 */
import { FROM_DATASET, REPORTED_BY, SOURCE } from '../domain/model/fact.kind.js';
import { MEASUREMENT, REPORTED_STRUCTURE } from '../domain/model/measurement.kind.js';
import { cypher, inBatches, type GraphDatabase, type GraphTransaction } from './database.js';
import { num } from './mapping.js';
import { CLEAR_DATASET_VIEW, DESCRIBED_BY_OTHER_SOURCES, REFRESH_MATERIALS, REMOVE_ORPHANS, VIEW_HELD_BY_OTHER_DATASETS } from './materialSources.js';
import { MATERIAL, type MaterialDatasetView } from '../domain/model/material.kind.js';
import type { SourceStoredOf, StoredOf } from '../domain/model/property.js';
import { DATASET, PUBLICATION } from '../domain/model/publication.kind.js';
import { nodeProps, relationshipOf, somePropsOf, sourceProps, storedProps } from './nodeKinds.js';

/** A dataset as written: its stored properties (domain/model/publication.kind.ts; the counts are derived). */
/** A dataset as an import describes it (the phase-data bookkeeping, `phaseEntryCount`, `rowCount`, `phaseRun`, is the phase import's). */
export type DatasetWrite = Omit<StoredOf<typeof DATASET>, 'phaseEntryCount' | 'rowCount' | 'phaseRun'>;

/**
 * The dataset's view of a material: its id and its copy of every property a dataset keeps (its obelix* or
 * liverpool* properties: domain/model/material.kind.ts, materialSources.ts; every dataset keeps the same ones).
 */
export type MaterialWrite = Pick<StoredOf<typeof MATERIAL>, 'id'> & SourceStoredOf<typeof MATERIAL, MaterialDatasetView>;

/** A publication a dataset names: its DOI and link (declared in domain/model/publication.kind.ts). */
export type PublicationWrite = { [F in 'doi' | 'url']: NonNullable<StoredOf<typeof PUBLICATION>[F]> };

export interface MeasurementWrite {
  id: string;
  materialId: string;
  /** Publications credited for the value, in order (the position of REPORTED_BY: domain/model/fact.kind.ts). */
  dois: string[];
  recordId: string;
  line: number;
  /** The measurement's stored properties (domain/model/measurement.kind.ts; its id is `id`). */
  props: Omit<StoredOf<typeof MEASUREMENT>, 'id'>;
  /** The crystal structure the record reports, stored flat on the measurement's node (all null when it gives none). */
  structure: StoredOf<typeof REPORTED_STRUCTURE>;
  /** Where the record was read: the dataset's file and line(s), and the record's note where the table gives one. */
  source: Pick<StoredOf<typeof SOURCE>, 'file' | 'lines'> & Partial<Pick<StoredOf<typeof SOURCE>, 'note'>>;
}

export interface DatasetImportInput {
  dataset: DatasetWrite;
  /**
   * Whose copies of the materials' properties the import writes (`obelix*`, `liverpool*`): one view per dataset.
   * Null: a dataset without a view (a lab's own table) writes no material: each measurement's material must
   * already be in the graph (`materials` is then empty), and removing the dataset leaves every material as it was.
   */
  view: MaterialDatasetView | null;
  materials: MaterialWrite[];
  publications: PublicationWrite[];
  measurements: MeasurementWrite[];
}

export interface DatasetImportCounts {
  materials: number;
  publications: number;
  measurements: number;
  removedMeasurements: number;
  /** Materials and publications removed because nothing refers to them any more. */
  removedOrphans: number;
}

const MERGE_DATASET = cypher(
  'datasetImport.mergeDataset',
  `
MERGE (d:Dataset {id: $id})
SET d += $props`,
);

// The dataset's view is rewritten on every import (not only on creation), so that re-importing converges
// to the same graph whatever was imported before; public properties follow from REFRESH_MATERIALS.
const MERGE_MATERIALS = cypher(
  'datasetImport.mergeMaterials',
  `
UNWIND $materials AS row
MERGE (m:Material {id: row.id})
SET m += row.props
RETURN count(m) AS n`,
);

const MERGE_PUBLICATIONS = cypher(
  'datasetImport.mergePublications',
  `
UNWIND $publications AS row
MERGE (p:Publication {key: 'doi:' + row.doi})
SET p += row.props
RETURN count(p) AS n`,
);

const MERGE_MEASUREMENTS = cypher(
  'datasetImport.mergeMeasurements',
  `
MATCH (d:Dataset {id: $datasetId})
UNWIND $measurements AS row
MATCH (m:Material {id: row.materialId})
MERGE (x:Measurement {id: row.id})
SET x = row.props, x:Fact
MERGE (m)-[:HAS_MEASUREMENT]->(x)
MERGE (x)-[${relationshipOf(FROM_DATASET, 'f')}]->(d)
SET f = row.record
WITH x, m, row
OPTIONAL MATCH (other:Material)-[r:HAS_MEASUREMENT]->(x) WHERE other <> m
DELETE r
WITH DISTINCT x, row
OPTIONAL MATCH (x)-[${relationshipOf(REPORTED_BY, 'q')}]->(old:Publication) WHERE NOT old.doi IN row.dois
DELETE q
WITH DISTINCT x, row
UNWIND row.reported AS reported
MATCH (p:Publication {key: 'doi:' + reported.doi})
MERGE (x)-[${relationshipOf(REPORTED_BY, 'rep')}]->(p)
SET rep = reported.props
WITH x, row, count(p) AS linked
WHERE linked = size(row.dois)
RETURN count(x) AS n`,
);

const DELETE_DATASET = cypher(
  'datasetImport.deleteDataset',
  `
MATCH (d:Dataset {id: $datasetId})
DETACH DELETE d
RETURN count(*) AS n`,
);

const REMOVE_STALE = cypher(
  'datasetImport.removeStaleMeasurements',
  `
MATCH (x:Measurement)-[${relationshipOf(FROM_DATASET)}]->(:Dataset {id: $datasetId})
WHERE NOT x.id IN $ids
DETACH DELETE x
RETURN count(*) AS n`,
);

/** A measurement's row of MERGE_MEASUREMENTS: its node's properties (null ones are not stored) and its links. */
function measurementRow(m: MeasurementWrite) {
  const source = storedProps(SOURCE, {
    kind: 'DATASET',
    file: m.source.file,
    lines: m.source.lines,
    referenceNumbers: [],
    citationConfidence: 'CONFIDENT',
    correctedReferenceNumber: null,
    quote: null,
    places: [],
    seedFile: null,
    note: m.source.note ?? null,
  });
  const props = nodeProps(storedProps(MEASUREMENT, { id: m.id, ...m.props }), storedProps(REPORTED_STRUCTURE, m.structure), source);
  return {
    id: m.id,
    materialId: m.materialId,
    dois: m.dois,
    reported: m.dois.map((doi, position) => ({ doi, props: storedProps(REPORTED_BY, { position }) })),
    record: storedProps(FROM_DATASET, { recordId: m.recordId, line: m.line }),
    props,
  };
}

const EXISTING = cypher(
  'datasetImport.existing',
  `
OPTIONAL MATCH (d:Dataset {id: $datasetId})
OPTIONAL MATCH (x:Measurement)-[${relationshipOf(FROM_DATASET)}]->(d)
WITH d, collect(x.id) AS measurementIds
OPTIONAL MATCH (m:Material) WHERE m.id IN $materialIds
RETURN d.version AS version, measurementIds, collect(m.id) AS materialIds`,
);

/** What the graph holds of a dataset, for a dry run: its version, its measurements' ids, which of some materials exist. */
export interface ExistingDataset {
  /** The Dataset node's version (null when the dataset is not in the graph). */
  version: string | null;
  measurementIds: string[];
  /** Those of the asked material ids that are in the graph. */
  materialIds: string[];
}

/** A step run inside the import's transaction after the writes (e.g. recording the change set). */
export type InTransaction<T> = (tx: GraphTransaction, counts: DatasetImportCounts) => Promise<T>;

const BATCH = 200;

export class DatasetImportStore {
  constructor(private readonly db: GraphDatabase) {}

  /**
   * Writes the whole input in one transaction. `onProgress(done, total)` is called after each batch of
   * measurements. A failure rolls everything back.
   */
  async importDataset(input: DatasetImportInput, onProgress?: (done: number, total: number) => void): Promise<DatasetImportCounts> {
    return (await this.importDatasetWith(input, onProgress, async () => undefined)).counts;
  }

  /**
   * importDataset, then `then(tx, counts)` in the same transaction (the import and what `then` writes land
   * together or not at all).
   */
  async importDatasetWith<T>(
    input: DatasetImportInput,
    onProgress: ((done: number, total: number) => void) | undefined,
    then: InTransaction<T>,
  ): Promise<{ counts: DatasetImportCounts; result: T }> {
    return this.db.writeTransaction('datasetImport', async (tx) => {
      const counts = await this.writeInput(tx, input, onProgress);
      return { counts, result: await then(tx, counts) };
    });
  }

  /**
   * How many materials carry `view` without a measurement of `datasetId`: more than none means another
   * dataset holds the view, and importing `datasetId` with it would overwrite that dataset's copies.
   */
  async viewHeldByOthers(view: MaterialDatasetView, datasetId: string): Promise<number> {
    const [row] = await this.db.read(VIEW_HELD_BY_OTHER_DATASETS[view], { datasetId });
    return row ? num(row, 'n') : 0;
  }

  /** What the graph holds of the dataset (one read). */
  async existing(datasetId: string, materialIds: readonly string[]): Promise<ExistingDataset> {
    const [row] = await this.db.read(EXISTING, { datasetId, materialIds });
    return {
      version: (row?.version as string | null) ?? null,
      measurementIds: (row?.measurementIds as string[] | undefined) ?? [],
      materialIds: (row?.materialIds as string[] | undefined) ?? [],
    };
  }

  private async writeInput(tx: GraphTransaction, input: DatasetImportInput, onProgress?: (done: number, total: number) => void): Promise<DatasetImportCounts> {
    {
      await tx.run(MERGE_DATASET, { id: input.dataset.id, props: storedProps(DATASET, { ...input.dataset, phaseEntryCount: 0, rowCount: null, phaseRun: null }) });
      const view = input.view;
      if (view === null && input.materials.length > 0) throw new Error(`dataset ${input.dataset.id} has no view: it cannot write materials`);
      const materialRows = view === null ? [] : input.materials.map(({ id, ...m }) => ({ id, props: sourceProps(MATERIAL, view, m) }));
      const materials = (await inBatches(tx, MERGE_MATERIALS, materialRows, 'materials', BATCH)).n ?? 0;
      const publications = (await inBatches(tx, MERGE_PUBLICATIONS, input.publications.map((p) => ({ doi: p.doi, props: somePropsOf(PUBLICATION, { doi: p.doi, url: p.url }) })), 'publications', BATCH)).n ?? 0;
      let measurements = 0;
      for (let i = 0; i < input.measurements.length; i += BATCH) {
        const batch = input.measurements.slice(i, i + BATCH).map(measurementRow);
        const [row] = await tx.run(MERGE_MEASUREMENTS, { datasetId: input.dataset.id, measurements: batch });
        measurements += row ? num(row, 'n') : 0;
        onProgress?.(Math.min(i + BATCH, input.measurements.length), input.measurements.length);
      }
      if (measurements !== input.measurements.length) {
        throw new Error(`wrote ${measurements} of ${input.measurements.length} measurements: a material or publication was missing`);
      }
      const [stale] = await tx.run(REMOVE_STALE, { datasetId: input.dataset.id, ids: input.measurements.map((m) => m.id) });
      if (view !== null) {
        const [cleared] = await tx.run(CLEAR_DATASET_VIEW[view], { keep: input.materials.map((m) => m.id) });
        await inBatches(tx, REFRESH_MATERIALS, [...input.materials.map((m) => m.id), ...((cleared?.ids as string[]) ?? [])], 'ids', BATCH);
      }
      const [orphans] = await tx.run(REMOVE_ORPHANS);
      return {
        materials,
        publications,
        measurements,
        removedMeasurements: stale ? num(stale, 'n') : 0,
        removedOrphans: orphans ? num(orphans, 'n') : 0,
      };
    }
  }

  /** Which of the given materials another source (the seed, another dataset) than `view` also describes. */
  async describedByOtherSources(ids: readonly string[], view: MaterialDatasetView): Promise<string[]> {
    const [row] = await this.db.read(DESCRIBED_BY_OTHER_SOURCES[view], { ids });
    return (row?.ids as string[] | undefined) ?? [];
  }

  /**
   * Removes everything an import of the dataset wrote, in one transaction: its measurements, its view of
   * the materials (`view`), the Dataset node, and the materials and publications nothing refers to any
   * more. The graph is then what it would be had the dataset never been imported. A dataset without a view
   * (`view` null) clears no view.
   */
  async removeDataset(datasetId: string, view: MaterialDatasetView | null): Promise<Pick<DatasetImportCounts, 'removedMeasurements' | 'removedOrphans'>> {
    return (await this.removeDatasetWith(datasetId, view, async () => undefined)).counts;
  }

  /** removeDataset, then `then(tx)` in the same transaction. */
  async removeDatasetWith<T>(
    datasetId: string,
    view: MaterialDatasetView | null,
    then: (tx: GraphTransaction) => Promise<T>,
  ): Promise<{ counts: Pick<DatasetImportCounts, 'removedMeasurements' | 'removedOrphans'>; result: T }> {
    return this.db.writeTransaction('datasetImport.remove', async (tx) => {
      const [stale] = await tx.run(REMOVE_STALE, { datasetId, ids: [] });
      if (view !== null) {
        const [cleared] = await tx.run(CLEAR_DATASET_VIEW[view], { keep: [] });
        await inBatches(tx, REFRESH_MATERIALS, (cleared?.ids as string[]) ?? [], 'ids', BATCH);
      }
      await tx.run(DELETE_DATASET, { datasetId });
      const [orphans] = await tx.run(REMOVE_ORPHANS);
      const counts = { removedMeasurements: stale ? num(stale, 'n') : 0, removedOrphans: orphans ? num(orphans, 'n') : 0 };
      return { counts, result: await then(tx) };
    });
  }
}
