/**
 * Reading the Liverpool Ionics Dataset (LiIonDatabase.csv: Hargreaves, Gaultois, Daniels et al., npj Comput.
 * Mater. 9, 9 (2023), doi:10.1038/s41524-022-00951-z; the copy in NRC-Mila/OBELiX data/misc/) into graph
 * writes, through the same writer as OBELiX (graph/datasetImport.store.ts), with its own view of the
 * materials (`liverpool*`).
 *
 * Columns: ID, composition, source (a DOI), temperature (°C), target (σ in S/cm), log_target (log10 σ),
 * family, ChemicalFamily. One row gives one ionic conductivity measurement at its temperature, of the
 * material of its composition (merged with every other notation of the same composition, OBELiX's and the
 * seed's included), credited to the publication of its DOI.
 *
 * Unlike OBELiX, whose every row is readable (any problem there stops the import), this table has rows that
 * cannot be imported as they stand: mixtures printed in quotes ('"(Li2O)50 (Al2O3)4 (P2O5)46"'), a
 * source that is not a DOI. Such a row is skipped and reported as `<file>:<line> [<ID>]: <column>:
 * <problem>`; the other rows are imported. A file without the columns, or with no rows, imports nothing.
 *
 * Numbers are checked, never corrected: `log_target` must be log10(`target`) within 1e-6. Where it is not,
 * but `target` is 10^`log_target` rounded to the digits `target` prints, the row is imported with `target`
 * as printed and reported as a warning; any other disagreement skips the row. Rows that repeat a
 * measurement (same composition, temperature, DOI and value) are one measurement, read from all their lines.
 */
import { createHash } from 'node:crypto';
import { parseFormula } from '../../domain/chemistry/formula.js';
import type { Composition } from '../../domain/chemistry/composition.js';
import { normalizeDoi } from '../../domain/doi.js';
import { familyFromLabel } from '../../domain/families.js';
import { toCanonical } from '../../domain/units/properties.js';
import { toKelvin } from '../../domain/units/units.js';
import { parsePrintedValue, scaleParsedValue, type ParsedValue } from '../../domain/values/printedValue.js';
import type { DatasetImportInput, MeasurementWrite } from '../../graph/datasetImport.store.js';
import { DATASET_CONDUCTIVITY, errorText, fileVersion, materialWrites, publicationWrites, readCsvRecords, type MaterialRow } from '../datasets/datasetRows.js';
import type { RecordProblem } from '../errors.js';

/** Where the table is published. */
export const LIVERPOOL_PAGE = 'http://pcwww.liv.ac.uk/~msd30/lmds/LiIonDatabase.html';

export const LIVERPOOL_DATASET = {
  id: 'liverpool',
  name: 'Liverpool Ionics Dataset',
  // No licence for the table could be established: the OBELiX repository that redistributes it states none
  // for it (its CC BY 4.0 covers OBELiX's own work), and the dataset's page could not be read when this was
  // written. Recorded as not stated rather than assumed; see the page.
  license: `not stated; see ${LIVERPOOL_PAGE}`,
  licenseUrl: LIVERPOOL_PAGE,
  url: LIVERPOOL_PAGE,
  citation:
    'Hargreaves, Gaultois, Daniels et al., "A database of experimentally measured lithium solid electrolyte ' +
    'conductivities evaluated with machine learning", npj Computational Materials 9, 9 (2023).',
  doi: '10.1038/s41524-022-00951-z',
} as const;

export const LIVERPOOL_COLUMNS = {
  id: 'ID',
  composition: 'composition',
  source: 'source',
  temperature: 'temperature',
  target: 'target',
  logTarget: 'log_target',
  family: 'family',
} as const;
const COL = LIVERPOOL_COLUMNS;

/** The unit of `temperature` (the dataset's documentation; the file prints none). */
const TEMPERATURE_UNIT = '°C';
/** The unit of `target` (the dataset's documentation; the file prints none). */
const CONDUCTIVITY_UNIT = 'S/cm';
/**
 * The contribution the table gives: total conductivity, as the dataset is described (its paper's wording
 * could not be checked when this was written; one constant to change if it says otherwise).
 */
const CONTRIBUTION = 'TOTAL';
/** How far log_target may be from log10(target). */
export const LOG_TOLERANCE = 1e-6;
/** Conductivities outside this range (S/cm) are rejected as misprints (the same range as OBELiX's). */
const PLAUSIBLE_S_PER_CM: readonly [number, number] = [1e-25, 1e3];

type MeasurementProps = MeasurementWrite['props'];

/** A row that gives a measurement. */
interface ReadRow extends MaterialRow {
  line: number;
  id: string;
  doi: string;
  temperatureK: number;
  temperatureText: string;
  value: ParsedValue;
}

export interface LiverpoolReading {
  /** What to write (nothing of the skipped rows). */
  input: DatasetImportInput;
  /** Data rows in the file. */
  rows: number;
  /** Rows that repeat an earlier row's measurement (same composition, temperature, DOI and value), merged into it. */
  duplicateRows: number;
  /** The rows not imported, one problem each (the first found). */
  skipped: RecordProblem[];
  /** Rows imported whose numbers or ids are worth a look (log_target rounded, an ID on several rows). */
  warnings: RecordProblem[];
}

/**
 * Parses the CSV text into the writes of one import, skipping (and reporting) the rows that cannot be
 * imported.
 * @param fileName the file's base name, used in problem messages and as the measurements' source file
 * @throws InvalidRecordsError when the file is not CSV, has no rows or lacks a column (nothing to write)
 */
export function readLiverpool(csv: string | Buffer, fileName: string): LiverpoolReading {
  const records = readCsvRecords(csv, fileName, Object.values(COL));
  const skipped: RecordProblem[] = [];
  const warnings: RecordProblem[] = [];
  const rows: ReadRow[] = [];
  for (const { record, line } of records) {
    const id = (record[COL.id] ?? '').trim();
    const where = `${line}${id ? ` [${id}]` : ''}`;
    const problem = (list: RecordProblem[]) => (field: string, text: string) => list.push({ file: fileName, record: where, field, problem: text });
    const row = readRow(record, line, id, problem(skipped), problem(warnings));
    if (row) rows.push(row);
  }

  // one measurement per composition, temperature, DOI and value; its lines are those of every row giving it
  const byMeasurement = new Map<string, ReadRow[]>();
  for (const row of rows) {
    const key = measurementKey(row);
    byMeasurement.set(key, [...(byMeasurement.get(key) ?? []), row]);
  }
  const idCount = new Map<string, number>();
  for (const [first] of byMeasurement.values()) idCount.set(first!.id, (idCount.get(first!.id) ?? 0) + 1);
  for (const [id, n] of idCount) {
    if (n > 1) {
      const lines = [...byMeasurement.values()].filter(([r]) => r!.id === id).map(([r]) => r!.line);
      warnings.push({ file: fileName, record: `${lines[0]} [${id}]`, field: COL.id, problem: `the ID is on ${n} different measurements (lines ${lines.join(', ')}); their ids carry a hash of what they measure` });
    }
  }

  const measurements: MeasurementWrite[] = [...byMeasurement].map(([key, group]) => {
    const row = group[0]!;
    const props: MeasurementProps = {
      ...DATASET_CONDUCTIVITY,
      contribution: CONTRIBUTION,
      printedValue: row.value.text.trim(),
      qualifier: row.value.qualifier,
      value: row.value.value,
      min: row.value.min,
      max: row.value.max,
      printedUnit: null,
      temperatureK: row.temperatureK,
      temperatureText: row.temperatureText,
      reportedFormula: row.formula,
      reportedSiteComposition: null,
    };
    const shared = (idCount.get(row.id) ?? 0) > 1;
    return {
      id: `liverpool:${row.id}${shared ? `:${createHash('sha256').update(key).digest('hex').slice(0, 8)}` : ''}`,
      materialId: row.composition.key,
      dois: [row.doi],
      recordId: row.id,
      line: row.line,
      props,
      structure: NO_STRUCTURE,
      source: { file: fileName, lines: group.map((r) => r.line) },
    };
  });

  return {
    input: {
      dataset: { ...LIVERPOOL_DATASET, version: fileVersion(csv), file: fileName },
      view: 'liverpool',
      materials: materialWrites(rows),
      publications: publicationWrites(rows.map((r) => r.doi)),
      measurements,
    },
    rows: records.length,
    duplicateRows: rows.length - byMeasurement.size,
    skipped,
    warnings,
  };
}

const NO_STRUCTURE: MeasurementWrite['structure'] = {
  spaceGroupSymbol: null,
  spaceGroupNumber: null,
  a: null,
  b: null,
  c: null,
  alpha: null,
  beta: null,
  gamma: null,
  icsdId: null,
};

/** What makes two rows the same measurement: composition, temperature, DOI and value. */
function measurementKey(r: ReadRow): string {
  return JSON.stringify([r.composition.key, r.temperatureK, r.doi, r.value.qualifier, r.value.value, r.value.min, r.value.max]);
}

/** One row, or null when it cannot be imported (`skip` called with the first problem found). */
function readRow(
  r: Record<string, string>,
  line: number,
  id: string,
  skip: (field: string, problem: string) => void,
  warn: (field: string, problem: string) => void,
): ReadRow | null {
  const fail = (field: string, problem: string): null => {
    skip(field, problem);
    return null;
  };
  if (!id) return fail(COL.id, 'is empty');

  const formula = (r[COL.composition] ?? '').trim();
  let composition: Composition;
  try {
    composition = parseFormula(formula);
  } catch (e) {
    return fail(COL.composition, errorText(e));
  }

  let doi: string;
  try {
    doi = normalizeDoi(r[COL.source] ?? '');
  } catch (e) {
    return fail(COL.source, errorText(e));
  }

  const printedTemperature = (r[COL.temperature] ?? '').trim();
  const celsius = printedTemperature === '' ? NaN : Number(printedTemperature);
  if (!Number.isFinite(celsius)) return fail(COL.temperature, `'${printedTemperature}' is not a number`);
  let temperatureK: number;
  try {
    temperatureK = toKelvin(celsius, TEMPERATURE_UNIT);
  } catch (e) {
    return fail(COL.temperature, errorText(e));
  }

  const printedTarget = (r[COL.target] ?? '').trim();
  let value: ParsedValue;
  try {
    value = scaleParsedValue(parsePrintedValue(printedTarget), toCanonical('IONIC_CONDUCTIVITY', 1, CONDUCTIVITY_UNIT));
  } catch (e) {
    return fail(COL.target, errorText(e));
  }
  const sigma = value.value;
  if (value.qualifier !== 'EQUAL' || sigma === null) return fail(COL.target, `'${printedTarget}': expected a number`);
  if (!(sigma >= PLAUSIBLE_S_PER_CM[0] && sigma <= PLAUSIBLE_S_PER_CM[1])) {
    return fail(COL.target, `'${printedTarget}' S/cm is outside the plausible range ${PLAUSIBLE_S_PER_CM[0]}–${PLAUSIBLE_S_PER_CM[1]} S/cm`);
  }

  const printedLog = (r[COL.logTarget] ?? '').trim();
  const logTarget = printedLog === '' ? NaN : Number(printedLog);
  if (!Number.isFinite(logTarget)) return fail(COL.logTarget, `'${printedLog}' is not a number`);
  const check = checkLog(printedTarget, sigma, logTarget);
  if (check.kind === 'rounded') warn(COL.logTarget, check.message);
  if (check.kind === 'disagrees') return fail(COL.logTarget, check.message);

  const familyLabel = (r[COL.family] ?? '').trim();
  return {
    line,
    id,
    formula,
    composition,
    familyLabel,
    family: familyFromLabel(familyLabel),
    doi,
    temperatureK,
    temperatureText: `${printedTemperature} ${TEMPERATURE_UNIT}`,
    value,
  };
}

type LogCheck = { kind: 'agrees' } | { kind: 'rounded' | 'disagrees'; message: string };

/**
 * Whether log_target is log10(target) within LOG_TOLERANCE; if not, whether target is 10^log_target rounded
 * to the significant digits target prints (then the row's value stands, with a warning).
 */
export function checkLog(printedTarget: string, target: number, logTarget: number): LogCheck {
  const log = Math.log10(target);
  const difference = log - logTarget;
  if (Math.abs(difference) <= LOG_TOLERANCE) return { kind: 'agrees' };
  const fromLog = 10 ** logTarget;
  const digits = significantDigits(printedTarget);
  const rounded = digits !== null && Number(fromLog.toPrecision(digits)) === Number(target.toPrecision(digits));
  const base = `${logTarget} is not log10(target) = ${log.toFixed(9)} (off by ${difference.toExponential(2)})`;
  return rounded
    ? { kind: 'rounded', message: `${base}; target '${printedTarget}' is 10^log_target = ${fromLog.toPrecision(6)} rounded to ${digits} significant digits, imported as printed` }
    : { kind: 'disagrees', message: `${base}, and 10^log_target = ${fromLog.toPrecision(6)} does not round to target '${printedTarget}'` };
}

/** Significant digits of a printed number ('1.07E-04' → 3, '0.00012' → 2); null when it is not a plain number. */
function significantDigits(printed: string): number | null {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE][+-]?\d+)?$/.exec(printed.trim());
  if (!m) return null;
  const digits = ((m[1] ?? '') + (m[2] ?? '')).replace(/^0+/, '');
  return digits.length > 0 ? digits.length : null;
}
