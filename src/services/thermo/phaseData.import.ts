/**
 * The phase-data import use case: read the formation-energy table the configuration names
 * (PHASE_DATA_CSV), validate every row (any problem: nothing written), then make it the phase data
 * (PhaseDataStore.importDataset: written in batches, visible all at once, replacing any earlier table;
 * users' entries stay). Every import first removes what imports killed half-way left behind (entries of
 * runs that never became active), even when it then writes nothing. Re-importing the version already
 * visible writes nothing else and leaves the revision;
 * a new table moves the revision on, so cached results are recomputed.
 */
import { readFile } from 'node:fs/promises';
import { fileReadable } from '../files.js';
import type { PhaseDataStore } from '../../graph/phaseData.store.js';
import { phaseDatasetId, readPhaseData } from './phaseData.read.js';

export interface PhaseDataImportResult {
  file: string;
  datasetId: string;
  version: string;
  rows: number;
  entries: number;
  removed: number;
  /** Entries of earlier imports that never became active (killed half-way), removed first. */
  abandoned: number;
  revision: number;
  /** False when this version was already imported (nothing written). */
  written: boolean;
}

/** Where to get the development table, for messages to users. */
export const PHASE_DATA_SOURCE_HINT =
  'The formation-energy table (Materials Project via matbench v0.1, CC BY 4.0) is data/matbench/mp_e_form.csv of ' +
  'https://github.com/anthony-wang/CrabNet (commit 457b4d4835737ecbe4dd33e53174bd818bd82143); download it and set PHASE_DATA_CSV to its path';

export class PhaseDataImportService {
  constructor(private readonly store: PhaseDataStore) {}

  /** True when the file exists and is readable. */
  fileAvailable(file: string): Promise<boolean> {
    return fileReadable(file);
  }


  /** Entries of this file's dataset already in the graph (0 when never imported). */
  importedEntryCount(file: string): Promise<number> {
    return this.store.datasetEntryCount(phaseDatasetId(file));
  }

  /** Imports the file; throws InvalidRecordsError (nothing written) when any row is invalid. */
  async importFile(file: string, onProgress?: (done: number, total: number) => void): Promise<PhaseDataImportResult> {
    const input = readPhaseData(await readFile(file), file);
    const counts = await this.store.importDataset(input.dataset, input.entries, input.rows, onProgress);
    return { file, datasetId: input.dataset.id, version: input.dataset.version, rows: input.rows, ...counts };
  }
}
