/**
 * The bulk importer without a database: the mapping schema (unknown keys, units, missing keys) and rows
 * read through it (°C and K, value and log10, several DOIs in a cell, a bound, a family vocabulary, a
 * formula with a variable, a header-less table with a DOI lookup), the plan's ids and its dry-run report.
 * The OBELiX mapping is checked to give the same writes as the OBELiX reader (skipped without the file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { MappingError, parseMapping, type BulkMapping } from '../../src/services/bulk/mapping.js';
import { formatReport, planImport, toInput, type ExistingState } from '../../src/services/bulk/plan.js';
import { readTable } from '../../src/services/bulk/rows.js';
import { InvalidRecordsError } from '../../src/services/errors.js';
import { readLiverpool } from '../../src/services/liverpool/liverpool.records.js';
import { readObelix } from '../../src/services/obelix/obelix.records.js';
import { OBELIX_CSV_PATH } from '../support/obelixCsv.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bulk/${name}`, import.meta.url));
const mappingOf = (name: string) => parseMapping(fixture(name).toString('utf8'), name);
const repoMapping = (name: string) => parseMapping(readFileSync(new URL(`../../mappings/${name}`, import.meta.url), 'utf8'), name);
const NOTHING: ExistingState = { datasetVersion: null, measurementIds: new Set(), materialIds: new Set(), recordedInputHash: null };

function mappingProblems(text: string): string[] {
  try {
    parseMapping(text, 'mapping.yaml');
  } catch (e) {
    if (e instanceof MappingError) return e.message.split('\n');
    throw e;
  }
  return [];
}

const MINIMAL = `
dataset: {id: t, name: T, licence: CC0, licenceUrl: 'https://example.org/l', url: 'https://example.org', citation: C}
view: liverpool
format: csv
columns:
  composition: {column: f}
  value: {column: s}
  temperature: {column: t, unit: K}
  dois: {column: d}
`;

describe('the mapping', () => {
  it('reads a minimal mapping with its defaults', () => {
    const m = parseMapping(MINIMAL, 'mapping.yaml');
    expect(m.header).toBe(true);
    expect(m.columns.value).toMatchObject({ unit: 'S/cm', log10: false });
    expect(m.columns.contribution).toEqual({ constant: 'TOTAL' });
    expect(m.measurementIds).toBe('hash');
  });

  it('names an unknown key, at any depth, as file: path: problem', () => {
    expect(mappingProblems(MINIMAL.replace('dois: {column: d}', 'dois: {column: d, seperator: ";"}'))).toEqual(['mapping.yaml: columns.dois.seperator: unknown key']);
    expect(mappingProblems(`${MINIMAL}colour: red\n`)).toEqual(['mapping.yaml: colour: unknown key']);
  });

  it('rejects units that are not units of their quantity, and missing keys', () => {
    expect(mappingProblems(MINIMAL.replace('unit: K', 'unit: furlong'))).toEqual(["mapping.yaml: columns.temperature.unit: 'furlong' is not a temperature unit (K or °C)"]);
    expect(mappingProblems(MINIMAL.replace('value: {column: s}', 'value: {column: s, unit: eV}'))).toEqual(["mapping.yaml: columns.value.unit: 'eV' is not a unit of ionic conductivity"]);
    expect(mappingProblems(MINIMAL.replace('  dois: {column: d}\n', ''))).toEqual(['mapping.yaml: columns.dois: is required']);
    expect(mappingProblems(MINIMAL.replace('header: true', '').replace('format: csv', 'format: csv\nheader: false'))).toEqual(['mapping.yaml: columnNames: is required when header is false']);
    expect(mappingProblems(MINIMAL.replace('view: liverpool', 'view: elsewhere'))[0]).toMatch(/^mapping\.yaml: view: /);
  });

  it('ships mappings for OBELiX, Liverpool and Laskowski that read', () => {
    for (const name of ['obelix.yaml', 'liverpool.yaml', 'laskowski.yaml']) expect(repoMapping(name).dataset.id).toBe(name.replace('.yaml', ''));
  });
});

describe('rows read through a mapping', () => {
  it('reads °C, several DOIs in one cell, a bound, the family vocabulary and notes; rejects what cannot be read, naming line and column', () => {
    const reading = readTable(mappingOf('celsius.yaml'), fixture('celsius.csv'), 'celsius.csv');
    expect(reading.rowCount).toBe(6);
    const [a1, a2, a3] = reading.rows;
    expect(a1!.measurements[0]!.props).toMatchObject({ temperatureK: 298.15, temperatureText: '25 °C', value: 2.1e-4, qualifier: 'EQUAL', contribution: 'TOTAL' });
    expect(a1!.dois).toEqual(['10.99999/bulk.one', '10.99999/bulk.two']);
    expect(a1!.family).toBe('HALIDE');
    expect(a1!.note).toBe('pressed pellet');
    expect(a2!.measurements[0]!.props.temperatureK).toBe(333.15);
    expect(a3!.measurements[0]!.props).toMatchObject({ qualifier: 'LESS_THAN', value: null, max: 1e-10, printedValue: '<1E-10' });
    expect(a3!.family).toBeNull(); // 'weird' is not in the vocabulary, and otherLabels: none
    const rejected = Object.fromEntries(reading.rejected.map((r) => [r.line, r.problems]));
    expect(Object.keys(rejected)).toEqual(['5', '6', '7']);
    expect(rejected[5]![0]!.column).toBe('formula');
    expect(rejected[5]![0]!.problem).toMatch(/variable stoichiometry/);
    expect(rejected[6]).toEqual([{ column: 'T_C', problem: "'warm' is not a number" }]);
    expect(rejected[7]![0]!.column).toBe('dois');
  });

  it('reads JSON Lines with temperatures in K, log10 values and bounds, and the contribution from a column', () => {
    const reading = readTable(mappingOf('kelvin.yaml'), fixture('kelvin.jsonl'), 'kelvin.jsonl');
    expect(reading.rows.map((r) => r.line)).toEqual([1, 2]);
    expect(reading.rows[0]!.measurements[0]!.props).toMatchObject({ temperatureK: 298.15, value: Number((10 ** -3.5).toPrecision(12)), contribution: 'BULK' });
    expect(reading.rows[1]!.measurements[0]!.props).toMatchObject({ temperatureK: 350, qualifier: 'LESS_THAN', max: 1e-9, contribution: 'TOTAL' });
    expect(reading.rows[1]!.dois).toEqual(['10.99999/bulk.four']);
    expect(reading.rejected).toEqual([{ line: 4, recordId: 'K3', problems: [{ column: 'part', problem: "'sideways' is not in the mapping's contribution map (bulk, total)" }] }]);
  });

  it('reads a table without a header: column names from the mapping, overlines stripped, DOIs looked up, activation energies', () => {
    const lookup = new Map((parse(fixture('refs.csv'), { columns: true }) as Record<string, string>[]).map((r) => [r['ref. number']!, r.DOI!]));
    const reading = readTable(mappingOf('headerless.yaml'), fixture('headerless.csv'), 'headerless.csv', lookup);
    expect(reading.rows).toHaveLength(1);
    const [sigma, ea] = reading.rows[0]!.measurements;
    expect(sigma!.props).toMatchObject({ value: 2.1e-4, printedValue: '2.1E-4', contribution: 'UNSPECIFIED', temperatureText: 'room temperature' });
    expect(ea!.props).toMatchObject({ property: 'ACTIVATION_ENERGY', unit: 'eV', value: 0.35 });
    expect(reading.rows[0]!.structure).toMatchObject({ spaceGroupSymbol: 'P-3m1', spaceGroupNumber: 164, icsdId: '12345' });
    expect(reading.rejected.map((r) => [r.line, r.problems.map((p) => `${p.column}: ${p.problem}`)])).toEqual([
      [2, ["formula: 'Li 2 ZrS 3': a spaced formula"]],
      [3, ["ref: reference '9' is not in refs.csv"]],
    ]);
  });

  it('refuses a file that lacks a mapped column, naming it', () => {
    const csv = 'sample,formula,T_C,sigma,dois,family\nA1,Li2S,25,1e-4,10.99999/x,\n';
    expect(() => readTable(mappingOf('celsius.yaml'), csv, 'c.csv')).toThrow(InvalidRecordsError);
    expect(() => readTable(mappingOf('celsius.yaml'), csv, 'c.csv')).toThrow(/c\.csv:1: remark: column is missing/);
  });

  it('reports an unknown unit in the file as the row problem, not a crash', () => {
    const m: BulkMapping = parseMapping(MINIMAL, 'm.yaml');
    const reading = readTable(m, 'f,s,t,d\nLi2S,1e-4,-5,10.99999/x\n', 'x.csv');
    expect(reading.rejected[0]!.problems).toEqual([{ column: 't', problem: "'-5 K': below absolute zero" }]);
  });
});

describe('the plan', () => {
  const mapping = mappingOf('celsius.yaml');
  const content = fixture('celsius.csv');
  const reading = readTable(mapping, content, 'celsius.csv');

  it('gives measurements ids from what they measure: the same file gives the same ids, a changed value a new one', () => {
    const first = toInput(mapping, reading, content).input;
    const again = toInput(mapping, readTable(mapping, content, 'celsius.csv'), content).input;
    expect(again.measurements.map((m) => m.id)).toEqual(first.measurements.map((m) => m.id));
    const changed = Buffer.from(content.toString('utf8').replace('9.5E-04', '9.6E-04'));
    const ids = toInput(mapping, readTable(mapping, changed, 'celsius.csv'), changed).input.measurements.map((m) => m.id);
    expect(ids.filter((id) => !first.measurements.some((m) => m.id === id))).toHaveLength(1);
    expect(first.measurements.every((m) => m.id.startsWith('test-bulk-celsius:'))).toBe(true);
  });

  it('reports each row ADD, MATCH or REJECT, and a summary', () => {
    const empty = planImport(mapping, reading, content, NOTHING);
    expect(empty.summary).toMatchObject({ rows: 6, add: 3, match: 0, reject: 3, remove: 0, nothingToDo: false });
    const held = planImport(mapping, reading, content, {
      datasetVersion: empty.input.dataset.version,
      measurementIds: new Set([...empty.input.measurements.map((m) => m.id), 'test-bulk-celsius:gone']),
      materialIds: new Set(empty.input.materials.map((m) => m.id)),
      recordedInputHash: empty.inputHash,
    });
    expect(held.summary).toMatchObject({ add: 0, match: 3, reject: 3, remove: 1, newMaterials: 0, nothingToDo: false });
    const report = formatReport(empty);
    expect(report).toContain("celsius.csv:6 [A5]: T_C: 'warm' is not a number");
    expect(report).toMatch(/6 rows: 3 to add, 0 already in the graph, 3 rejected/);
  });
});

describe('the plan of a table without a view (a lab\'s own)', () => {
  const mapping = mappingOf('lab.yaml');
  const content = fixture('lab.csv');
  const reading = readTable(mapping, content, 'lab.csv');
  const known = (ids: string[]): ExistingState => ({ ...NOTHING, materialIds: new Set(ids) });

  it('reads a mapping without view, and writes no material', () => {
    expect(mapping.view).toBeUndefined();
    const plan = planImport(mapping, reading, content, known(['Ge1Li10P2S12', 'Cl1Li6P1S5']));
    expect(plan.input.view).toBeNull();
    expect(plan.input.materials).toEqual([]);
    expect(plan.input.measurements.map((m) => m.materialId)).toEqual(['Ge1Li10P2S12', 'Cl1Li6P1S5']);
    expect(plan.summary).toMatchObject({ rows: 3, add: 2, reject: 1, materials: 2, newMaterials: 0, publications: 1 });
  });

  it('rejects a row whose composition is no material in the graph, at its composition column', () => {
    const plan = planImport(mapping, reading, content, known(['Ge1Li10P2S12']));
    expect(plan.summary).toMatchObject({ add: 1, reject: 2 });
    expect(formatReport(plan).split('\n').slice(0, 2)).toEqual([
      'lab.csv:3 [L2]: composition: no material of this composition in the graph; add it first (addMaterial) or import a table that describes it',
      'lab.csv:4 [L3]: composition: no material of this composition in the graph; add it first (addMaterial) or import a table that describes it',
    ]);
    expect(plan.input.publications.map((p) => p.doi)).toEqual(['10.5555/lab.one']);
  });

  it('a table with a view still writes its materials whether or not the graph knows them', () => {
    const withView = planImport({ ...mapping, view: 'liverpool' }, reading, content, NOTHING);
    expect(withView.summary).toMatchObject({ add: 3, reject: 0, newMaterials: 3 });
  });
});

describe('the shipped mappings against the dataset readers', () => {
  it.skipIf(!existsSync(OBELIX_CSV_PATH))('mappings/obelix.yaml gives the same writes as the OBELiX reader', () => {
    const csv = readFileSync(OBELIX_CSV_PATH);
    const mapping = repoMapping('obelix.yaml');
    const reading = readTable(mapping, csv, 'all.csv');
    expect(reading.rejected).toEqual([]);
    expect(toInput(mapping, reading, csv).input).toEqual(readObelix(csv, 'all.csv'));
  });

  const liverpoolCsv = process.env.LIVERPOOL_IONICS_CSV ?? '../shared/data/liverpool/LiIonDatabase.csv';
  it.skipIf(!existsSync(liverpoolCsv))(
    'mappings/liverpool.yaml gives the Liverpool reader\'s writes except the measurement ids (skipped without LiIonDatabase.csv: set LIVERPOOL_IONICS_CSV)',
    () => {
      const csv = readFileSync(liverpoolCsv);
      const mapping = repoMapping('liverpool.yaml');
      const input = toInput(mapping, readTable(mapping, csv, 'LiIonDatabase.csv'), csv).input;
      const reader = readLiverpool(csv, 'LiIonDatabase.csv').input;
      const withoutIds = (ms: typeof input.measurements) => ms.map(({ id: _id, ...m }) => m);
      expect({ ...input, measurements: withoutIds(input.measurements) }).toEqual({ ...reader, measurements: withoutIds(reader.measurements) });
    },
  );
});
