import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { InvalidRecordsError } from '../../src/services/errors.js';
import { readObelix } from '../../src/services/obelix/obelix.records.js';
import { OBELIX_CSV_PATH, obelixRows, pymatgenObelix } from '../support/obelixCsv.js';

const csv = readFileSync(OBELIX_CSV_PATH);
const input = readObelix(csv, 'all.csv');
const rows = obelixRows();
const CONDUCTIVITY = 'Ionic conductivity (S cm-1)';

describe('reading OBELiX all.csv', () => {
  it('reads every one of the 599 rows into one main measurement', () => {
    expect(rows).toHaveLength(599);
    const main = input.measurements.filter((m) => !m.id.endsWith(':bulk'));
    expect(main.map((m) => m.recordId).sort()).toEqual(rows.map((r) => r.ID).sort());
  });

  it('adds a BULK measurement exactly where IC (Bulk) differs from the main value', () => {
    const expected = rows.filter((r) => r['IC (Bulk)'] && Number(r['IC (Bulk)']) !== Number(r[CONDUCTIVITY])).map((r) => `obelix:${r.ID}:bulk`);
    const bulk = input.measurements.filter((m) => m.id.endsWith(':bulk'));
    expect(bulk.map((m) => m.id).sort()).toEqual(expected.sort());
    expect(bulk.every((m) => m.props.contribution === 'BULK')).toBe(true);
  });

  it('keeps the 37 censored values as upper bounds, never as equalities', () => {
    const censored = rows.filter((r) => r[CONDUCTIVITY]!.trim().startsWith('<'));
    expect(censored).toHaveLength(37);
    for (const r of censored) {
      const m = input.measurements.find((x) => x.id === `obelix:${r.ID}`)!;
      expect(m.props).toMatchObject({ qualifier: 'LESS_THAN', value: null, printedValue: r[CONDUCTIVITY] });
      expect(m.props.max).toBeCloseTo(Number(r[CONDUCTIVITY]!.slice(1)), 20);
    }
    const equalities = input.measurements.filter((m) => m.props.qualifier === 'EQUAL');
    expect(equalities.every((m) => typeof m.props.value === 'number' && !String(m.props.printedValue).includes('<'))).toBe(true);
  });

  it('stores values in S/cm equal to the printed numbers (the column is already in S cm-1)', () => {
    for (const r of rows.filter((x) => !x[CONDUCTIVITY]!.includes('<'))) {
      const m = input.measurements.find((x) => x.id === `obelix:${r.ID}`)!;
      expect(m.props.value).toBe(Number(r[CONDUCTIVITY]));
      expect(m.props.unit).toBe('S/cm');
      expect(m.props.temperatureK).toBe(298.15);
    }
  });

  it(`merges notations of one composition into one material, as pymatgen ${pymatgenObelix.pymatgen} groups them`, () => {
    const distinctPrinted = new Set(rows.map((r) => r['Reduced Composition']!.trim()));
    expect(distinctPrinted.size).toBe(pymatgenObelix.distinctPrintedFormulas);
    expect(input.materials).toHaveLength(pymatgenObelix.distinctCompositions);
    const materialOf = new Map(input.measurements.map((m) => [m.recordId, m.materialId]));
    for (const ids of pymatgenObelix.idsSharingACompositionUnderDifferentNotations) {
      expect(new Set(ids.map((id) => materialOf.get(id))).size, ids.join(',')).toBe(1);
    }
    const lgpsLike = input.materials.find((m) => m.id === parseFormula('Li7GePS8').key)!;
    expect(lgpsLike.reportedFormulas.sort()).toEqual(['Li10.5Ge1.5P1.5S12', 'Li7GePS8']);
  });

  it('keeps every family the rows give when they disagree', () => {
    const m = input.materials.find((x) => x.id === parseFormula('Li3.4Ge0.4P0.6S4').key)!;
    expect(m.familyLabels.sort()).toEqual(['LGPS', 'thio-LISICON']);
    expect(m.families.sort()).toEqual(['LGPS', 'THIO_LISICON']);
  });

  it('splits several DOIs joined by | and lower-cases them', () => {
    const m = input.measurements.find((x) => x.recordId === 'mdp')!;
    expect(m.dois).toEqual(['10.1039/c3ee41655k', '10.1016/j.ssi.2007.05.020', '10.1016/j.ssi.2006.04.017']);
    const distinct = new Set(rows.flatMap((r) => r.DOI.split('|').map((d) => d.trim().toLowerCase())));
    expect(input.publications).toHaveLength(distinct.size);
  });

  it('records the source file, line and dataset of every measurement', () => {
    const first = input.measurements.find((m) => m.recordId === rows[0]!.ID)!;
    expect(first).toMatchObject({ line: 2, source: { file: 'all.csv', lines: [2] } });
    expect(input.dataset).toMatchObject({ id: 'obelix', license: 'CC BY 4.0', doi: '10.48550/arXiv.2502.14234' });
    expect(input.dataset.version).toMatch(/^sha256:[0-9a-f]{16}$/);
  });
});

describe('invalid OBELiX rows are all reported, with file, line, ID and column', () => {
  const header = readFileSync(OBELIX_CSV_PATH, 'utf8').split('\n')[0]!;
  const columns = header.split(',');
  const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(',');
  const good = { ID: 'ok1', 'Reduced Composition': 'Li3PS4', [CONDUCTIVITY]: '1e-4', DOI: '10.1000/x' };

  it('rejects the file and names every problem', () => {
    const text = [
      header,
      row(good),
      row({ ...good, ID: 'bd1', 'Reduced Composition': 'Li7-xLa3Zr2O12' }),
      row({ ...good, ID: 'bd2', [CONDUCTIVITY]: 'n/a' }),
      row({ ...good, ID: 'bd3', DOI: 'not a doi' }),
      row({ ...good, ID: 'bd4', [CONDUCTIVITY]: '1e9' }),
      row({ ...good, ID: 'bd5', 'Space group #': '999' }),
      row({ ...good, ID: 'ok1' }),
    ].join('\n');
    let error: unknown;
    try {
      readObelix(text, 'all.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRecordsError);
    const messages = (error as InvalidRecordsError).problems.map((p) => `${p.file}:${p.record}: ${p.field}: ${p.problem}`);
    expect(messages).toEqual([
      "all.csv:3 [bd1]: Reduced Composition: formula 'Li7-xLa3Zr2O12': unexpected '-': variable stoichiometry or a charge is not a composition at position 3",
      "all.csv:4 [bd2]: Ionic conductivity (S cm-1): 'n/a': is not a number, a bound (<, >), a range or a value ± uncertainty",
      "all.csv:5 [bd3]: DOI: 'not a doi': is not a DOI (expected '10.<registrant>/<suffix>')",
      "all.csv:6 [bd4]: Ionic conductivity (S cm-1): '1e9' S/cm is outside the plausible range 1e-25–1000 S/cm",
      "all.csv:7 [bd5]: Space group #: '999' is not a space group number (1–230)",
      'all.csv:8 [ok1]: ID: duplicate of line 2',
    ]);
  });

  it('rejects a file without the columns it needs', () => {
    expect(() => readObelix('ID,Formula\nabc,Li2O\n', 'x.csv')).toThrow(/x\.csv:1: Reduced Composition: column is missing/);
  });
});
