/**
 * Reads OBELiX's all.csv (from ../shared/data/obelix, never copied into the repo) with a plain CSV parser,
 * independently of the importer, so tests can compare what the graph serves with what the file says.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectPath } from '../../src/server/paths.js';

export const OBELIX_CSV_PATH = projectPath('..', 'shared', 'data', 'obelix', 'all.csv');

export type ObelixRow = Record<string, string> & { ID: string; DOI: string };

export function obelixRows(file = OBELIX_CSV_PATH): ObelixRow[] {
  return parse(readFileSync(file), { columns: true }) as ObelixRow[];
}
