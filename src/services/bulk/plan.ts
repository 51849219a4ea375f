/**
 * The plan of a bulk import: the writes of the table's rows (the DatasetImportInput of
 * graph/datasetImport.store.ts) with deterministic measurement ids, and the dry-run report comparing them
 * with what the graph holds: each row ADD (a measurement not in the graph yet), MATCH when every measurement it
 * gives is already there (same id), or REJECT (and why), the measurements of the dataset the file no
 * longer gives (REMOVE), and whether each row's material is already known.
 */
import { createHash } from 'node:crypto';
import type { DatasetImportInput, MeasurementWrite } from '../../graph/datasetImport.store.js';
import { fileVersion, materialWrites, publicationWrites } from '../datasets/datasetRows.js';
import { formatProblem, type RecordProblem } from '../errors.js';
import type { BulkMapping } from './mapping.js';
import type { ReadRow, RowMeasurement, TableReading } from './rows.js';

export type RowAction = 'ADD' | 'MATCH' | 'REJECT';

export interface RowReport {
  line: number;
  recordId: string | null;
  action: RowAction;
  /** The measurements the row gives (ADD, MATCH). */
  measurementIds: string[];
  /** The material's composition key and whether the graph knows it already (ADD, MATCH). */
  materialId: string | null;
  materialExists: boolean;
  /** REJECT: every problem, `file:line: column: problem`. */
  problems: RecordProblem[];
  /** The earlier line giving the same measurement, when this row repeats one. */
  repeats: number | null;
}

export interface PlanSummary {
  rows: number;
  add: number;
  match: number;
  reject: number;
  /** Measurements of the dataset in the graph that the file no longer gives (removed by the real run). */
  remove: number;
  measurements: number;
  materials: number;
  newMaterials: number;
  publications: number;
  /** True when the real run would change nothing. */
  nothingToDo: boolean;
}

export interface BulkPlan {
  input: DatasetImportInput;
  rows: RowReport[];
  warnings: RecordProblem[];
  summary: PlanSummary;
  /** SHA-256 of the input (what the real run would write), to tell an identical re-import. */
  inputHash: string;
}

/** What the graph holds of the dataset (graph/datasetImport.store.ts `existing`). */
export interface ExistingState {
  datasetVersion: string | null;
  measurementIds: ReadonlySet<string>;
  materialIds: ReadonlySet<string>;
  /** The input hash of the dataset's last recorded bulk import (null when none is recorded). */
  recordedInputHash: string | null;
}

/** The writes of the rows read (rejected rows give none). */
export function toInput(mapping: BulkMapping, reading: TableReading, content: string | Buffer): { input: DatasetImportInput; idsByLine: Map<number, string[]>; repeats: Map<number, number> } {
  const byId = new Map<string, MeasurementWrite>();
  const idsByLine = new Map<number, string[]>();
  const repeats = new Map<number, number>();
  for (const row of reading.rows) {
    const ids: string[] = [];
    for (const m of row.measurements) {
      const id = measurementId(mapping, row, m);
      ids.push(id);
      const earlier = byId.get(id);
      if (earlier) {
        earlier.source.lines.push(row.line);
        repeats.set(row.line, earlier.line);
        continue;
      }
      const source: MeasurementWrite['source'] = { file: reading.fileName, lines: [row.line] };
      if (mapping.columns.notes) source.note = row.note;
      byId.set(id, { id, props: m.props, structure: row.structure, source, materialId: row.composition.key, dois: row.dois, recordId: row.recordId, line: row.line });
    }
    idsByLine.set(row.line, ids);
  }
  const d = mapping.dataset;
  const input: DatasetImportInput = {
    dataset: { id: d.id, name: d.name, license: d.licence, licenseUrl: d.licenceUrl, url: d.url, citation: d.citation, doi: d.doi, version: fileVersion(content), file: reading.fileName },
    view: mapping.view ?? null,
    materials: mapping.view ? materialWrites(reading.rows) : [],
    publications: publicationWrites(reading.rows.flatMap((r) => r.dois)),
    measurements: [...byId.values()],
  };
  return { input, idsByLine, repeats };
}

const SUFFIX: Record<RowMeasurement['kind'], string> = { main: '', bulk: ':bulk', activationEnergy: ':ea' };

/**
 * A measurement's id: `<dataset>:<record id>[:bulk|:ea]` ('record'), or `<dataset>:` + 16 hex digits of
 * SHA-256 over what the measurement is (composition, property, contribution, temperature, value, DOIs), so
 * that the same measurement keeps its id across imports and a changed one gets a new id ('hash').
 */
export function measurementId(mapping: BulkMapping, row: ReadRow, m: RowMeasurement): string {
  if (mapping.measurementIds === 'record') return `${mapping.dataset.id}:${row.recordId}${SUFFIX[m.kind]}`;
  const p = m.props;
  const what = JSON.stringify([row.composition.key, p.property, p.contribution, p.temperatureK, p.qualifier, p.value, p.min, p.max, row.dois]);
  return `${mapping.dataset.id}:${createHash('sha256').update(what).digest('hex').slice(0, 16)}`;
}

/** The plan: the input and, row by row, what the real run would do given what the graph holds. */
export function planImport(mapping: BulkMapping, table: TableReading, content: string | Buffer, existing: ExistingState): BulkPlan {
  const reading = mapping.view ? table : withKnownMaterials(mapping, table, existing.materialIds);
  const { input, idsByLine, repeats } = toInput(mapping, reading, content);
  const inputHash = hashInput(input);
  const rows: RowReport[] = [];
  for (const row of reading.rows) {
    const ids = idsByLine.get(row.line) ?? [];
    const action: RowAction = ids.every((id) => existing.measurementIds.has(id)) ? 'MATCH' : 'ADD';
    rows.push({ line: row.line, recordId: row.recordId, action, measurementIds: ids, materialId: row.composition.key, materialExists: existing.materialIds.has(row.composition.key), problems: [], repeats: repeats.get(row.line) ?? null });
  }
  for (const r of reading.rejected) {
    const problems = r.problems.map((p) => ({ file: reading.fileName, record: recordOf(r.line, r.recordId), field: p.column, problem: p.problem }));
    rows.push({ line: r.line, recordId: r.recordId, action: 'REJECT', measurementIds: [], materialId: null, materialExists: false, problems, repeats: null });
  }
  rows.sort((a, b) => a.line - b.line);
  const ids = new Set(input.measurements.map((m) => m.id));
  const remove = [...existing.measurementIds].filter((id) => !ids.has(id)).length;
  const count = (a: RowAction) => rows.filter((r) => r.action === a).length;
  const add = count('ADD');
  const sameAsRecorded = existing.recordedInputHash !== null ? existing.recordedInputHash === inputHash : existing.datasetVersion === input.dataset.version;
  const summary: PlanSummary = {
    rows: reading.rowCount,
    add,
    match: count('MATCH'),
    reject: count('REJECT'),
    remove,
    measurements: input.measurements.length,
    materials: new Set(input.measurements.map((m) => m.materialId)).size,
    newMaterials: input.materials.filter((m) => !existing.materialIds.has(m.id)).length,
    publications: input.publications.length,
    nothingToDo: add === 0 && remove === 0 && sameAsRecorded,
  };
  return { input, rows, warnings: reading.warnings, summary, inputHash };
}

/** The problem of a row of a table without a view whose composition is no material in the graph. */
export const UNKNOWN_MATERIAL = 'no material of this composition in the graph; add it first (addMaterial) or import a table that describes it';

/**
 * A table without a view (mapping.ts `view` absent) writes no material: its rows whose composition is not a
 * material in the graph are rejected (UNKNOWN_MATERIAL, at the composition column).
 */
function withKnownMaterials(mapping: BulkMapping, reading: TableReading, known: ReadonlySet<string>): TableReading {
  const unknown = reading.rows.filter((r) => !known.has(r.composition.key));
  if (unknown.length === 0) return reading;
  const column = mapping.columns.composition.column;
  return {
    ...reading,
    rows: reading.rows.filter((r) => known.has(r.composition.key)),
    rejected: [...reading.rejected, ...unknown.map((r) => ({ line: r.line, recordId: r.recordId, problems: [{ column, problem: UNKNOWN_MATERIAL }] }))],
  };
}

/** Where a row is, for its problems: `<line>`, or `<line> [<record id>]` when the table gives one (as the dataset readers print it). */
export function recordOf(line: number, recordId: string | null): string {
  return recordId ? `${line} [${recordId}]` : String(line);
}

/** SHA-256 of the input's JSON (its properties in a stable order). */
export function hashInput(input: DatasetImportInput): string {
  return 'sha256:' + createHash('sha256').update(stableJson(input)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The dry-run report as text: one line per rejected problem, then the summary. */
export function formatReport(plan: BulkPlan, options: { everyRow?: boolean } = {}): string {
  const lines: string[] = [];
  for (const row of plan.rows) {
    if (row.action === 'REJECT') lines.push(...row.problems.map(formatProblem));
    else if (options.everyRow) {
      lines.push(`${plan.input.dataset.file}:${row.line}: ${row.action} ${row.measurementIds.join(', ')} (material ${row.materialId}${row.materialExists ? ', known' : ', new'})${row.repeats ? `, repeats line ${row.repeats}` : ''}`);
    }
  }
  for (const w of plan.warnings) lines.push(`warning: ${formatProblem(w)}`);
  const s = plan.summary;
  lines.push(
    `${s.rows} rows: ${s.add} to add, ${s.match} already in the graph, ${s.reject} rejected; ${s.measurements} measurements ` +
      `(${s.remove} to remove), ${s.materials} materials (${s.newMaterials} new), ${s.publications} publications` +
      (s.nothingToDo ? '; nothing to do' : ''),
  );
  return lines.join('\n');
}
