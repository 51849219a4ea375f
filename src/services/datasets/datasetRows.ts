/**
 * What the readers of external datasets (OBELiX, the Liverpool Ionics Dataset) share: reading the CSV with
 * its header checked, the version of a file, and the materials and publications a set of rows describes
 * (rows of one composition merged into one material, its family the one most of them give).
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Composition } from '../../domain/chemistry/composition.js';
import { chemicalClass } from '../../domain/chemicalClass.js';
import { doiUrl } from '../../domain/doi.js';
import { DomainError } from '../../domain/errors.js';
import type { StructuralFamily } from '../../domain/families.js';
import type { MaterialWrite, MeasurementWrite, PublicationWrite } from '../../graph/datasetImport.store.js';
import { InvalidRecordsError } from '../errors.js';

/** One record of a CSV file and the line it ends on (1-based, the header being line 1). */
export interface CsvRecord {
  record: Record<string, string>;
  line: number;
}

/**
 * Parses CSV text (a byte-order mark is dropped) into records keyed by the header.
 * @throws InvalidRecordsError when the text is not CSV, has no records, or lacks one of `columns`
 */
export function readCsvRecords(csv: string | Buffer, fileName: string, columns: readonly string[]): CsvRecord[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, { columns: true, info: true, skip_empty_lines: true, bom: true });
  } catch (e) {
    throw new InvalidRecordsError([{ file: fileName, record: 'header', field: 'CSV', problem: (e as Error).message }]);
  }
  if (records.length === 0) throw new InvalidRecordsError([{ file: fileName, record: 'header', field: 'CSV', problem: 'no records' }]);
  const header = Object.keys(records[0]!.record);
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new InvalidRecordsError(missing.map((c) => ({ file: fileName, record: '1', field: c, problem: 'column is missing' })));
  }
  return records.map(({ record, info }) => ({ record, line: info.lines }));
}

/** The version of an imported file: 'sha256:' + the first 16 hex digits of its SHA-256. */
export function fileVersion(csv: string | Buffer): string {
  return 'sha256:' + createHash('sha256').update(csv).digest('hex').slice(0, 16);
}

/** What a row says about its material. */
export interface MaterialRow {
  /** The formula as printed. */
  formula: string;
  composition: Composition;
  /** The family label as printed ('' when none). */
  familyLabel: string;
  family: StructuralFamily | null;
}

/**
 * The materials the rows describe, one per composition key: the formula of the first row, every notation
 * and family label printed, the family most rows give (ties to the one seen first).
 */
export function materialWrites(rows: readonly MaterialRow[]): MaterialWrite[] {
  const byKey = new Map<string, MaterialRow[]>();
  for (const row of rows) {
    const key = row.composition.key;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey].map(([key, group]) => {
    const first = group[0]!;
    const families = group.map((g) => g.family).filter((f): f is StructuralFamily => f !== null);
    const family = mostFrequent(families);
    return {
      id: key,
      formula: first.formula,
      reportedFormulas: distinct(group.map((g) => g.formula)),
      reducedFormula: first.composition.reducedFormula,
      composition: first.composition.entries(),
      elements: first.composition.elements,
      chemicalSystem: first.composition.chemicalSystem,
      elementCount: first.composition.elementCount,
      family,
      chemicalClass: chemicalClass(first.composition, family),
      families: distinct(families),
      familyLabels: distinct(group.map((g) => g.familyLabel).filter(Boolean)),
    };
  });
}

/** The publications of the given (normalized) DOIs, each once. */
export function publicationWrites(dois: readonly string[]): PublicationWrite[] {
  return distinct(dois).map((doi) => ({ doi, url: doiUrl(doi) }));
}

export function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The most frequent value; ties go to the one seen first. */
function mostFrequent<T>(xs: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [x, n] of counts) if (n > bestCount) [best, bestCount] = [x, n];
  return best;
}

/** The message of a domain error (a value that cannot be read); anything else is a bug and is rethrown. */
export function errorText(e: unknown): string {
  if (e instanceof DomainError) return e.message;
  throw e;
}

/**
 * What a dataset's ionic conductivity row never states, declared once for every dataset reader: no review, no
 * uncertainty, no temperature range, no family-level statement, method, sample form or atmosphere.
 */
export const DATASET_CONDUCTIVITY = {
  review: null,
  property: 'IONIC_CONDUCTIVITY',
  propertyText: null,
  unit: 'S/cm',
  unitAsMeant: null,
  uncertainty: null,
  approximate: false,
  temperatureMinK: null,
  temperatureMaxK: null,
  family: null,
  method: null,
  computed: null,
  sampleForm: null,
  basis: null,
  atmosphere: null,
  conditionsOther: null,
} as const satisfies Partial<MeasurementWrite['props']>;
