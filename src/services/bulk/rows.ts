/**
 * Reading a table (CSV with or without a header, or JSON Lines) through a bulk-import mapping (mapping.ts):
 * each data row gives its normalized measurement(s) (ionic conductivity in S/cm, temperature in K, DOIs
 * normalized, composition parsed) or is rejected with every problem found, `<file>:<line>: <column>: <problem>`.
 * Pure: the caller reads the files.
 */
import { parse } from 'csv-parse/sync';
import { parseFormula } from '../../domain/chemistry/formula.js';
import type { Composition } from '../../domain/chemistry/composition.js';
import { normalizeDoi } from '../../domain/doi.js';
import { familyFromLabel, type StructuralFamily } from '../../domain/families.js';
import { toCanonical } from '../../domain/units/properties.js';
import { toKelvin } from '../../domain/units/units.js';
import { parsePrintedValue, scaleParsedValue, type ParsedValue } from '../../domain/values/printedValue.js';
import type { MeasurementWrite } from '../../graph/datasetImport.store.js';
import { DATASET_CONDUCTIVITY, distinct, errorText, type MaterialRow } from '../datasets/datasetRows.js';
import { InvalidRecordsError, type RecordProblem } from '../errors.js';
import { checkLog } from '../liverpool/liverpool.records.js';
import { mappedColumns, type BulkMapping } from './mapping.js';

type MeasurementProps = MeasurementWrite['props'];

/** One problem of one row: the column and what is wrong. */
export interface RowProblem {
  column: string;
  problem: string;
}

/** A measurement a row gives, before it has an id: `kind` says which of the row's values it is. */
export interface RowMeasurement {
  kind: 'main' | 'bulk' | 'activationEnergy';
  props: MeasurementProps;
}

/** A row that gives measurements. */
export interface ReadRow extends MaterialRow {
  line: number;
  recordId: string;
  dois: string[];
  note: string | null;
  structure: MeasurementWrite['structure'];
  measurements: RowMeasurement[];
}

export interface RejectedRow {
  line: number;
  recordId: string | null;
  problems: RowProblem[];
}

export interface TableReading {
  fileName: string;
  /** Data rows in the file. */
  rowCount: number;
  rows: ReadRow[];
  rejected: RejectedRow[];
  /** Warnings on rows that were read (e.g. a log10 column rounded). */
  warnings: RecordProblem[];
}

/** One data record: its cells by column name and the line it ends on. */
interface RawRecord {
  cells: Record<string, string>;
  line: number;
}

/**
 * Reads every row of the table.
 * @param doiLookup the reference numbers → DOIs of `columns.dois.lookup`, when the mapping has one
 * @throws InvalidRecordsError when the file cannot be read at all (not CSV/JSON, no rows, a mapped column missing)
 */
export function readTable(mapping: BulkMapping, content: string | Buffer, fileName: string, doiLookup?: ReadonlyMap<string, string>): TableReading {
  const records = mapping.format === 'csv' ? csvRecords(mapping, content, fileName) : jsonlRecords(content, fileName);
  if (records.length === 0) throw new InvalidRecordsError([{ file: fileName, record: '1', field: 'file', problem: 'no records' }]);
  if (mapping.format === 'csv' && mapping.header) {
    const header = Object.keys(records[0]!.cells);
    const missing = distinct(mappedColumns(mapping).map(([, c]) => c)).filter((c) => !header.includes(c));
    if (missing.length > 0) throw new InvalidRecordsError(missing.map((c) => ({ file: fileName, record: '1', field: c, problem: 'column is missing' })));
  }
  const strip = (text: string) => mapping.stripCharacters.reduce((t, ch) => t.split(ch).join(''), text);
  const reading: TableReading = { fileName, rowCount: records.length, rows: [], rejected: [], warnings: [] };
  const seenIds = new Map<string, number>();
  for (const { cells, line } of records) {
    const cell = (name: string | undefined) => (name === undefined ? '' : strip(cells[name] ?? '').trim());
    const problems: RowProblem[] = [];
    const rowWarnings: RecordProblem[] = [];
    const warn = (column: string, problem: string) => rowWarnings.push({ file: fileName, record: String(line), field: column, problem });
    const row = readRow(mapping, cell, line, problems, warn, doiLookup);
    if (mapping.measurementIds === 'record' && row) {
      const earlier = seenIds.get(row.recordId);
      if (earlier !== undefined) problems.push({ column: mapping.columns.recordId!, problem: `duplicate of line ${earlier}` });
      else seenIds.set(row.recordId, line);
    }
    if (row && problems.length === 0) {
      reading.rows.push(row);
      reading.warnings.push(...rowWarnings);
    } else reading.rejected.push({ line, recordId: cell(mapping.columns.recordId) || null, problems });
  }
  return reading;
}

function csvRecords(mapping: BulkMapping, content: string | Buffer, fileName: string): RawRecord[] {
  try {
    const records: { record: Record<string, string>; info: { lines: number } }[] = parse(content, {
      columns: mapping.header ? true : mapping.columnNames!,
      info: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
    });
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (e) {
    throw new InvalidRecordsError([{ file: fileName, record: 'header', field: 'CSV', problem: (e as Error).message }]);
  }
}

function jsonlRecords(content: string | Buffer, fileName: string): RawRecord[] {
  const records: RawRecord[] = [];
  const problems: RecordProblem[] = [];
  String(content)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((text, i) => {
      if (!text.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        problems.push({ file: fileName, record: String(i + 1), field: 'JSON', problem: (e as Error).message });
        return;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ file: fileName, record: String(i + 1), field: 'JSON', problem: 'is not an object' });
        return;
      }
      const cells: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) cells[k] = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v);
      records.push({ cells, line: i + 1 });
    });
  if (problems.length > 0) throw new InvalidRecordsError(problems);
  return records;
}

/** One row, or null; its problems are pushed onto `problems` (all of them, not only the first). */
function readRow(
  mapping: BulkMapping,
  cell: (name: string | undefined) => string,
  line: number,
  problems: RowProblem[],
  warn: (column: string, problem: string) => void,
  doiLookup: ReadonlyMap<string, string> | undefined,
): ReadRow | null {
  const c = mapping.columns;
  const report = (column: string, problem: string) => problems.push({ column, problem });
  const recordId = c.recordId ? cell(c.recordId) : String(line);
  if (!recordId) report(c.recordId!, 'is empty');

  const formula = cell(c.composition.column);
  let composition: Composition | null = null;
  const distrusted = c.composition.rejectPatterns.find((r) => new RegExp(r.pattern, 'u').test(formula));
  if (distrusted) report(c.composition.column, `'${formula}': ${distrusted.reason}`);
  else {
    try {
      composition = parseFormula(formula);
    } catch (e) {
      report(c.composition.column, errorText(e));
    }
  }

  const dois = readDois(mapping, cell(c.dois.column), report, doiLookup);
  const temperature = readTemperature(mapping, cell, report);
  const main = readConductivity(mapping, cell(c.value.column), c.value.column, report, true);
  const total = c.value.totalColumn ? readConductivity(mapping, cell(c.value.totalColumn), c.value.totalColumn, report, false) : null;
  const bulk = c.value.bulkColumn ? readConductivity(mapping, cell(c.value.bulkColumn), c.value.bulkColumn, report, false) : null;
  if (main && total && !sameValue(main, total)) report(c.value.totalColumn!, `'${total.text}' differs from ${c.value.column} '${main.text}'`);
  if (main && c.value.log10CheckColumn) checkLogColumn(cell(c.value.log10CheckColumn), c.value.log10CheckColumn, main, report, warn);
  const contribution = readContribution(mapping, cell, report);
  const activationEnergy = readActivationEnergy(mapping, cell, report);
  const structure = readStructure(mapping, cell, report);
  const { family, familyLabel } = readFamily(mapping, cell);

  if (problems.length > 0 || !composition || !main || !temperature || !contribution) return null;
  const base = {
    ...DATASET_CONDUCTIVITY,
    printedUnit: c.value.log10 && c.value.printedUnit ? `log10(${c.value.printedUnit})` : c.value.printedUnit,
    temperatureK: temperature.kelvin,
    temperatureText: temperature.text,
    reportedFormula: formula,
    reportedSiteComposition: c.composition.siteColumn ? cell(c.composition.siteColumn) || null : null,
  };
  // as OBELiX documents its columns: the main value is the total conductivity where a total is given; where
  // only a bulk value is, and it is the main value, the main value is the bulk conductivity
  const mainIsBulk = !total && bulk !== null && sameValue(bulk, main);
  const measurements: RowMeasurement[] = [
    { kind: 'main', props: { ...base, ...valueProps(main), contribution: total ? contribution : mainIsBulk ? 'BULK' : contribution } },
  ];
  if (bulk && !mainIsBulk) measurements.push({ kind: 'bulk', props: { ...base, ...valueProps(bulk), contribution: 'BULK' } });
  if (activationEnergy) {
    measurements.push({
      kind: 'activationEnergy',
      props: { ...base, ...valueProps(activationEnergy), property: 'ACTIVATION_ENERGY', unit: 'eV', printedUnit: c.activationEnergy!.unit, contribution },
    });
  }
  return { line, recordId, formula, composition, familyLabel, family, dois, note: c.notes ? cell(c.notes.column) || null : null, structure, measurements };
}

function readDois(mapping: BulkMapping, text: string, report: (c: string, p: string) => void, lookup: ReadonlyMap<string, string> | undefined): string[] {
  const spec = mapping.columns.dois;
  const parts = (spec.separator ? text.split(spec.separator) : [text]).map((p) => p.trim()).filter((p, i, all) => p !== '' || all.length === 1);
  const dois: string[] = [];
  for (const part of parts) {
    let doi = part;
    if (spec.lookup) {
      const found = lookup?.get(part);
      if (!found) {
        report(spec.column, part ? `reference '${part}' is not in ${spec.lookup.file}` : 'is empty');
        continue;
      }
      doi = found;
    }
    try {
      dois.push(normalizeDoi(doi));
    } catch (e) {
      report(spec.column, errorText(e));
    }
  }
  return distinct(dois);
}

function readTemperature(mapping: BulkMapping, cell: (n: string) => string, report: (c: string, p: string) => void): { kelvin: number; text: string } | null {
  const t = mapping.columns.temperature;
  if ('constantK' in t) return { kelvin: t.constantK, text: t.text };
  const printed = cell(t.column);
  const n = printed === '' ? NaN : Number(printed);
  if (!Number.isFinite(n)) {
    report(t.column, printed ? `'${printed}' is not a number` : 'is empty');
    return null;
  }
  try {
    return { kelvin: toKelvin(n, t.unit), text: `${printed} ${t.unit}` };
  } catch (e) {
    report(t.column, errorText(e));
    return null;
  }
}

/** A conductivity in S/cm (a value or a bound), or null (reported when required or unreadable). */
function readConductivity(mapping: BulkMapping, printed: string, column: string, report: (c: string, p: string) => void, required: boolean): ParsedValue | null {
  const spec = mapping.columns.value;
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
    const factor = toCanonical('IONIC_CONDUCTIVITY', 1, spec.unit);
    const v = spec.log10 ? fromLog10(parsed, factor) : scaleParsedValue(parsed, factor);
    const n = v.value ?? v.max ?? v.min ?? NaN;
    const [lo, hi] = spec.range;
    if (!(n >= lo && n <= hi)) {
      report(column, `'${printed}'${spec.log10 ? ' (log10)' : ''} is ${n} S/cm, outside the plausible range ${lo}–${hi} S/cm`);
      return null;
    }
    return v;
  } catch (e) {
    report(column, errorText(e));
    return null;
  }
}

/** A log10 value (or bound) as the value it is the logarithm of, times the unit's factor. */
function fromLog10(v: ParsedValue, factor: number): ParsedValue {
  const f = (x: number | null) => (x === null ? null : Number((10 ** x * factor).toPrecision(12)));
  return { ...v, value: f(v.value), min: f(v.min), max: f(v.max), uncertainty: null };
}

function checkLogColumn(printed: string, column: string, main: ParsedValue, report: (c: string, p: string) => void, warn: (c: string, p: string) => void) {
  const log = printed === '' ? NaN : Number(printed);
  if (!Number.isFinite(log)) return report(column, printed ? `'${printed}' is not a number` : 'is empty');
  if (main.qualifier !== 'EQUAL' || main.value === null) return;
  const check = checkLog(main.text, main.value, log);
  if (check.kind === 'rounded') warn(column, check.message);
  if (check.kind === 'disagrees') report(column, check.message);
}

function readContribution(mapping: BulkMapping, cell: (n: string) => string, report: (c: string, p: string) => void): MeasurementProps['contribution'] | null {
  const spec = mapping.columns.contribution;
  if ('constant' in spec) return spec.constant;
  const label = cell(spec.column);
  const found = Object.entries(spec.map).find(([k]) => k.toLowerCase() === label.toLowerCase());
  if (!found) {
    report(spec.column, `'${label}' is not in the mapping's contribution map (${Object.keys(spec.map).join(', ')})`);
    return null;
  }
  return found[1];
}

function readActivationEnergy(mapping: BulkMapping, cell: (n: string) => string, report: (c: string, p: string) => void): ParsedValue | null {
  const spec = mapping.columns.activationEnergy;
  if (!spec) return null;
  const printed = cell(spec.column);
  if (!printed) return null;
  try {
    const parsed = parsePrintedValue(printed);
    const v = scaleParsedValue(parsed, toCanonical('ACTIVATION_ENERGY', 1, spec.unit));
    const n = v.value ?? v.max ?? v.min ?? NaN;
    if (!(n > 0 && n < 10)) {
      report(spec.column, `'${printed}' is ${n} eV, outside the plausible range 0–10 eV`);
      return null;
    }
    return v;
  } catch (e) {
    report(spec.column, errorText(e));
    return null;
  }
}

function readFamily(mapping: BulkMapping, cell: (n: string) => string): { family: StructuralFamily | null; familyLabel: string } {
  const spec = mapping.columns.family;
  if (!spec) return { family: null, familyLabel: '' };
  const familyLabel = cell(spec.column);
  const own = Object.entries(spec.vocabulary).find(([k]) => k.toLowerCase() === familyLabel.toLowerCase());
  if (own) return { family: own[1], familyLabel };
  return { family: spec.otherLabels === 'labels' ? familyFromLabel(familyLabel) : null, familyLabel };
}

function readStructure(mapping: BulkMapping, cell: (n: string) => string, report: (c: string, p: string) => void): MeasurementWrite['structure'] {
  const s = mapping.columns.structure ?? {};
  const number = (col: string | undefined, check?: (n: number) => string | null): number | null => {
    const t = col ? cell(col) : '';
    if (!t) return null;
    const n = Number(t);
    if (!Number.isFinite(n)) {
      report(col!, `'${t}' is not a number`);
      return null;
    }
    const problem = check?.(n);
    if (problem) report(col!, problem);
    return n;
  };
  const positive = (n: number) => (n > 0 ? null : `must be positive, got ${n}`);
  const icsd = s.icsdId ? cell(s.icsdId) : '';
  const icsdNumber = icsd ? Number(icsd) : NaN;
  return {
    spaceGroupSymbol: (s.spaceGroupSymbol ? cell(s.spaceGroupSymbol) : '') || null,
    spaceGroupNumber: number(s.spaceGroupNumber, (n) => (Number.isInteger(n) && n >= 1 && n <= 230 ? null : `'${n}' is not a space group number (1–230)`)),
    a: number(s.a, positive),
    b: number(s.b, positive),
    c: number(s.c, positive),
    alpha: number(s.alpha, positive),
    beta: number(s.beta, positive),
    gamma: number(s.gamma, positive),
    icsdId: icsd ? (Number.isInteger(icsdNumber) ? String(icsdNumber) : icsd) : null,
  };
}

/** Same qualifier and same numbers (a bound is never the same as a value). */
function sameValue(a: ParsedValue, b: ParsedValue): boolean {
  return a.qualifier === b.qualifier && a.value === b.value && a.min === b.min && a.max === b.max;
}

function valueProps(v: ParsedValue): Pick<MeasurementProps, 'printedValue' | 'qualifier' | 'value' | 'min' | 'max'> {
  return { printedValue: v.text.trim(), qualifier: v.qualifier, value: v.value, min: v.min, max: v.max };
}
