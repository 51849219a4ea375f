/**
 * Reading the OBELiX dataset (all.csv of NRC-Mila/OBELiX; Therrien et al., arXiv:2502.14234,
 * doi:10.48550/arXiv.2502.14234; CC BY 4.0) into graph writes.
 *
 * One row gives: a Material (the composition of "Reduced Composition", merged with every other notation
 * of the same composition), a Measurement of ionic conductivity at room temperature in S/cm (censored
 * values such as '<1E-10' kept as upper bounds), a second BULK measurement where the row has an
 * "IC (Bulk)" value differing from the main one, the Publication of the row's DOI, and the link to the
 * Dataset. Every problem is reported as `all.csv:<line> [<ID>]: <column>: <problem>`; any problem means
 * nothing is returned to write.
 */
import { parseFormula } from '../../domain/chemistry/formula.js';
import type { Composition } from '../../domain/chemistry/composition.js';
import { normalizeDoi } from '../../domain/doi.js';
import { familyFromLabel, type StructuralFamily } from '../../domain/families.js';
import { toCanonical } from '../../domain/units/properties.js';
import { ROOM_TEMPERATURE_K } from '../../domain/units/units.js';
import { parsePrintedValue, scaleParsedValue, type ParsedValue } from '../../domain/values/printedValue.js';
import type { DatasetImportInput, MeasurementWrite } from '../../graph/datasetImport.store.js';
import { DATASET_CONDUCTIVITY, distinct, errorText, fileVersion, materialWrites, publicationWrites, readCsvRecords } from '../datasets/datasetRows.js';
import { InvalidRecordsError, type RecordProblem } from '../errors.js';

export const OBELIX_DATASET = {
  id: 'obelix',
  name: 'OBELiX',
  license: 'CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
  url: 'https://github.com/NRC-Mila/OBELiX',
  citation:
    'F. Therrien et al., "OBELiX: A Curated Dataset of Crystal Structures and Experimentally Measured Ionic ' +
    'Conductivities for Lithium Solid-State Electrolytes", arXiv:2502.14234 (2025).',
  doi: '10.48550/arXiv.2502.14234',
} as const;

const COL = {
  id: 'ID',
  formula: 'Reduced Composition',
  trueComposition: 'True Composition',
  conductivity: 'Ionic conductivity (S cm-1)',
  total: 'IC (Total)',
  bulk: 'IC (Bulk)',
  spaceGroup: 'Space group',
  spaceGroupNumber: 'Space group #',
  a: 'a',
  b: 'b',
  c: 'c',
  alpha: 'alpha',
  beta: 'beta',
  gamma: 'gamma',
  family: 'Family',
  doi: 'DOI',
  icsd: 'ICSD ID',
} as const;

/** The unit of the conductivity columns, as the header prints it. */
const PRINTED_UNIT = 'S cm-1';
/** Conductivities outside this range (S/cm) are rejected as misprints: OBELiX spans 4.2e-18 to 2.5e-2. */
const PLAUSIBLE_S_PER_CM: readonly [number, number] = [1e-25, 1e3];
const TEMPERATURE_TEXT = 'room temperature (as reported in OBELiX)';

interface ParsedRow {
  line: number;
  id: string;
  formula: string;
  composition: Composition;
  familyLabel: string;
  family: StructuralFamily | null;
  dois: string[];
  measurements: Omit<MeasurementWrite, 'materialId' | 'dois' | 'recordId' | 'line' | 'source'>[];
}

/** A measurement's stored properties (domain/model/measurement.kind.ts), as the import writes them. */
type MeasurementProps = MeasurementWrite['props'];

/**
 * Parses the CSV text into the writes of one import.
 * @param fileName the file's base name, used in problem messages and as the measurements' source file
 * @throws InvalidRecordsError listing every problem found (nothing is returned then)
 */
export function readObelix(csv: string | Buffer, fileName: string): DatasetImportInput {
  const problems: RecordProblem[] = [];
  const records = readCsvRecords(csv, fileName, Object.values(COL));

  const rows: ParsedRow[] = [];
  const seenIds = new Map<string, number>();
  for (const { record, line } of records) {
    const id = (record[COL.id] ?? '').trim();
    const where = `${line}${id ? ` [${id}]` : ''}`;
    const report = (field: string, problem: string) => problems.push({ file: fileName, record: where, field, problem });
    const row = parseRow(record, line, id, report);
    if (id) {
      const earlier = seenIds.get(id);
      if (earlier !== undefined) report(COL.id, `duplicate of line ${earlier}`);
      else seenIds.set(id, line);
    }
    if (row) rows.push(row);
  }
  if (problems.length > 0) throw new InvalidRecordsError(problems);
  return toWrites(rows, csv, fileName);
}

function parseRow(
  r: Record<string, string>,
  line: number,
  id: string,
  report: (field: string, problem: string) => void,
): ParsedRow | null {
  const before = problemsCounter(report);
  if (!id) before.report(COL.id, 'is empty');

  const formula = (r[COL.formula] ?? '').trim();
  let composition: Composition | null = null;
  try {
    composition = parseFormula(formula);
  } catch (e) {
    before.report(COL.formula, errorText(e));
  }

  // Several DOIs are joined by '|' (e.g. the paper and its correction); ';' and ',' occur inside DOIs.
  const dois: string[] = [];
  for (const part of (r[COL.doi] ?? '').split('|')) {
    try {
      dois.push(normalizeDoi(part));
    } catch (e) {
      before.report(COL.doi, errorText(e));
    }
  }

  const main = readConductivity(r[COL.conductivity] ?? '', COL.conductivity, before.report, true);
  const total = optionalConductivity(r[COL.total], COL.total, before.report);
  const bulk = optionalConductivity(r[COL.bulk], COL.bulk, before.report);
  const structure = readStructure(r, before.report);
  // The main column is the total conductivity where the row gives one (README of OBELiX); a differing
  // IC (Total) would be a second, contradicting value, which OBELiX does not have: report it.
  if (main && total && !sameValue(main, total)) {
    before.report(COL.total, `'${total.text}' differs from ${COL.conductivity} '${main.text}'`);
  }

  if (before.count() > 0 || !composition || !main) return null;

  const base: Omit<MeasurementProps, ValueKey | 'contribution'> = {
    ...DATASET_CONDUCTIVITY,
    printedUnit: PRINTED_UNIT,
    temperatureK: ROOM_TEMPERATURE_K,
    temperatureText: TEMPERATURE_TEXT,
    reportedFormula: formula,
    reportedSiteComposition: (r[COL.trueComposition] ?? '').trim() || null,
  };
  const mainIsBulk = !total && bulk !== null && sameValue(bulk, main);
  const measurements: ParsedRow['measurements'] = [
    { id: `obelix:${id}`, props: { ...base, ...valueProps(main), contribution: total ? 'TOTAL' : mainIsBulk ? 'BULK' : 'TOTAL' }, structure },
  ];
  if (bulk && !mainIsBulk) {
    measurements.push({ id: `obelix:${id}:bulk`, props: { ...base, ...valueProps(bulk), contribution: 'BULK' }, structure });
  }
  const familyLabel = (r[COL.family] ?? '').trim();
  return { line, id, formula, composition, familyLabel, family: familyFromLabel(familyLabel), dois: distinct(dois), measurements };
}

function readConductivity(
  text: string,
  column: string,
  report: (field: string, problem: string) => void,
  required: boolean,
): ParsedValue | null {
  const printed = text.trim();
  if (!printed) {
    if (required) report(column, 'is empty');
    return null;
  }
  try {
    const parsed = parsePrintedValue(printed);
    if (parsed.qualifier !== 'EQUAL' && parsed.qualifier !== 'LESS_THAN' && parsed.qualifier !== 'GREATER_THAN') {
      report(column, `'${printed}': expected a number or a bound ('<1E-10'), got a ${parsed.qualifier.toLowerCase()}`);
      return null;
    }
    const v = scaleParsedValue(parsed, toCanonical('IONIC_CONDUCTIVITY', 1, PRINTED_UNIT));
    const n = v.value ?? v.max ?? v.min ?? NaN;
    if (!(n >= PLAUSIBLE_S_PER_CM[0] && n <= PLAUSIBLE_S_PER_CM[1])) {
      report(column, `'${printed}' S/cm is outside the plausible range ${PLAUSIBLE_S_PER_CM[0]}–${PLAUSIBLE_S_PER_CM[1]} S/cm`);
      return null;
    }
    return v;
  } catch (e) {
    report(column, errorText(e));
    return null;
  }
}

function optionalConductivity(text: string | undefined, column: string, report: (f: string, p: string) => void) {
  return readConductivity(text ?? '', column, report, false);
}

/** Same qualifier and same numbers (a bound is never the same as a value). */
function sameValue(a: ParsedValue, b: ParsedValue): boolean {
  return a.qualifier === b.qualifier && a.value === b.value && a.min === b.min && a.max === b.max;
}

type ValueKey = 'printedValue' | 'qualifier' | 'value' | 'min' | 'max';

function valueProps(v: ParsedValue): Pick<MeasurementProps, ValueKey> {
  return { printedValue: v.text.trim(), qualifier: v.qualifier, value: v.value, min: v.min, max: v.max };
}

function readStructure(r: Record<string, string>, report: (f: string, p: string) => void): MeasurementWrite['structure'] {
  const number = (col: string, check?: (n: number) => string | null): number | null => {
    const t = (r[col] ?? '').trim();
    if (!t) return null;
    const n = Number(t);
    if (!Number.isFinite(n)) {
      report(col, `'${t}' is not a number`);
      return null;
    }
    const problem = check?.(n);
    if (problem) report(col, problem);
    return n;
  };
  const positive = (n: number) => (n > 0 ? null : `must be positive, got ${n}`);
  const sg = number(COL.spaceGroupNumber, (n) => (Number.isInteger(n) && n >= 1 && n <= 230 ? null : `'${n}' is not a space group number (1–230)`));
  const icsd = (r[COL.icsd] ?? '').trim();
  const icsdNumber = icsd ? Number(icsd) : NaN;
  return {
    spaceGroupSymbol: (r[COL.spaceGroup] ?? '').trim() || null,
    spaceGroupNumber: sg,
    a: number(COL.a, positive),
    b: number(COL.b, positive),
    c: number(COL.c, positive),
    alpha: number(COL.alpha, positive),
    beta: number(COL.beta, positive),
    gamma: number(COL.gamma, positive),
    icsdId: icsd ? (Number.isInteger(icsdNumber) ? String(icsdNumber) : icsd) : null,
  };
}

function toWrites(rows: ParsedRow[], csv: string | Buffer, fileName: string): DatasetImportInput {
  const measurements: MeasurementWrite[] = rows.flatMap((row) =>
    row.measurements.map((m) => ({
      ...m,
      source: { file: fileName, lines: [row.line] },
      materialId: row.composition.key,
      dois: row.dois,
      recordId: row.id,
      line: row.line,
    })),
  );
  return {
    dataset: { ...OBELIX_DATASET, version: fileVersion(csv), file: fileName },
    view: 'obelix',
    materials: materialWrites(rows),
    publications: publicationWrites(rows.flatMap((r) => r.dois)),
    measurements,
  };
}

function problemsCounter(report: (field: string, problem: string) => void) {
  let n = 0;
  return {
    report: (field: string, problem: string) => {
      n++;
      report(field, problem);
    },
    count: () => n,
  };
}
