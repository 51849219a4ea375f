/**
 * The Liverpool Ionics Dataset import use case: read the file the configuration (or the command line)
 * names, skip and report the rows that cannot be imported, write the rest in one transaction through the
 * dataset writer OBELiX uses. Idempotent: importing the same file again writes nothing new.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetImportCounts, DatasetImportStore } from '../../graph/datasetImport.store.js';
import type { RecordProblem } from '../errors.js';
import { fileReadable } from '../files.js';
import { LIVERPOOL_DATASET, LIVERPOOL_PAGE, readLiverpool } from './liverpool.records.js';

export interface LiverpoolImportResult extends DatasetImportCounts {
  file: string;
  version: string;
  /** Data rows in the file. */
  rows: number;
  /** Rows merged into an earlier row giving the same measurement. */
  duplicateRows: number;
  skipped: RecordProblem[];
  warnings: RecordProblem[];
  /** Materials of the table that the seed or another dataset also describes (the same composition). */
  sharedMaterials: number;
}

/** Where to get the file, for messages to users. */
export const LIVERPOOL_SOURCE_HINT =
  'the Liverpool Ionics Dataset (licence not stated) is the file data/misc/LiIonDatabase.csv of https://github.com/NRC-Mila/OBELiX ' +
  `(from ${LIVERPOOL_PAGE}); download it and set LIVERPOOL_IONICS_CSV to its path or give the path on the command line`;

export class LiverpoolImportService {
  constructor(private readonly store: DatasetImportStore) {}

  /** True when the file exists and is readable. */
  fileAvailable(file: string): Promise<boolean> {
    return fileReadable(file);
  }

  /**
   * Imports the file; rows that cannot be imported are skipped and listed in the result. Throws
   * InvalidRecordsError (nothing written) when the file lacks a column or has no rows.
   * @param onProgress called with (measurements written, total) while writing
   */
  async importFile(file: string, onProgress?: (done: number, total: number) => void): Promise<LiverpoolImportResult> {
    const csv = await readFile(file);
    const reading = readLiverpool(csv, path.basename(file));
    const counts = await this.store.importDataset(reading.input, onProgress);
    const shared = await this.store.describedByOtherSources(
      reading.input.materials.map((m) => m.id),
      'liverpool',
    );
    return {
      ...counts,
      file,
      version: reading.input.dataset.version,
      rows: reading.rows,
      duplicateRows: reading.duplicateRows,
      skipped: reading.skipped,
      warnings: reading.warnings,
      sharedMaterials: shared.length,
    };
  }

  /** Removes the dataset from the graph (its measurements, its view of the materials, orphans). */
  remove(): Promise<Pick<DatasetImportCounts, 'removedMeasurements' | 'removedOrphans'>> {
    return this.store.removeDataset(LIVERPOOL_DATASET.id, 'liverpool');
  }
}
