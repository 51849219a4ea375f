/**
 * Reads OBELiX's all.csv (from where the configuration points, by default ../shared/data/obelix beside
 * the checkout; never copied into the repo) with a plain CSV parser, independently of the importer, so
 * tests can compare what the graph serves with what the file says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../../src/server/config.js';
import { OBELIX_SOURCE_HINT } from '../../src/services/obelix/obelix.import.js';

export const OBELIX_CSV_PATH = loadConfig().obelixCsv;

/** Throws with the download hint when the file is missing. */
export function requireObelixFile(file = OBELIX_CSV_PATH): string {
  if (!existsSync(file)) throw new Error(`The tests need OBELiX's all.csv at ${file}. ${OBELIX_SOURCE_HINT}.`);
  return file;
}

export type ObelixRow = Record<string, string> & { ID: string; DOI: string };

export function obelixRows(file = OBELIX_CSV_PATH): ObelixRow[] {
  return parse(readFileSync(requireObelixFile(file)), { columns: true }) as ObelixRow[];
}

/** pymatgen's reading of the same file (test/fixtures/pymatgen/generate_obelix_compositions.py). */
export interface ObelixCompositionsFixture {
  pymatgen: string;
  rows: number;
  distinctPrintedFormulas: number;
  distinctCompositions: number;
  idsSharingACompositionUnderDifferentNotations: string[][];
}

export const pymatgenObelix = JSON.parse(
  readFileSync(new URL('../fixtures/pymatgen/obelix-compositions.json', import.meta.url), 'utf8'),
) as ObelixCompositionsFixture;
