/**
 * The OBELiX import use case: read the file the configuration names, validate every row, write
 * everything in one transaction. Idempotent.
 */
import { readFile } from 'node:fs/promises';
import { fileReadable } from '../files.js';
import path from 'node:path';
import type { DatasetImportCounts, DatasetImportStore } from '../../graph/datasetImport.store.js';
import type { PublicationStore } from '../../graph/publication.store.js';
import { readMappingFile, readStrictly } from '../bulk/bulkImport.service.js';
import { OBELIX_DATASET, readObelix } from './obelix.records.js';

export interface ObelixImportResult extends DatasetImportCounts {
  file: string;
  version: string;
  rows: number;
}

/** Where to get the file, for messages to users. */
export const OBELIX_SOURCE_HINT =
  'OBELiX (CC BY 4.0) is the file data/downloads/all.csv of https://github.com/NRC-Mila/OBELiX; ' +
  'download it and set OBELIX_CSV to its path';

export class ObelixImportService {
  /**
   * @param mappingFile the bulk-import mapping to read the file through (mappings/obelix.yaml, which gives the
   *   same writes as readObelix: test/unit/bulkImport.test.ts); without it, readObelix reads the file
   */
  constructor(
    private readonly store: DatasetImportStore,
    private readonly publications: PublicationStore,
    private readonly mappingFile: string | null = null,
  ) {}

  /** True when the file exists and is readable. */
  fileAvailable(file: string): Promise<boolean> {
    return fileReadable(file);
  }


  /** Number of measurements already imported through OBELiX (0 when never imported). */
  async importedRecordCount(): Promise<number> {
    const [dataset] = await this.publications.datasetsByIds([OBELIX_DATASET.id]);
    return dataset?.measurementCount ?? 0;
  }

  /**
   * Imports the file. Throws InvalidRecordsError (nothing written) when any row is invalid.
   * @param onProgress called with (measurements written, total) while writing
   */
  async importFile(file: string, onProgress?: (done: number, total: number) => void): Promise<ObelixImportResult> {
    const csv = await readFile(file);
    const input = this.mappingFile ? readStrictly(await readMappingFile(this.mappingFile), csv, path.basename(file)) : readObelix(csv, path.basename(file));
    const counts = await this.store.importDataset(input, onProgress);
    const rows = new Set(input.measurements.map((m) => m.recordId)).size;
    return { ...counts, file, version: input.dataset.version, rows };
  }
}
