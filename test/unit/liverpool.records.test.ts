import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { formatProblem, InvalidRecordsError } from '../../src/services/errors.js';
import { checkLog, LIVERPOOL_DATASET, readLiverpool } from '../../src/services/liverpool/liverpool.records.js';
import { NEW_COMPOSITION, SYNTHETIC_DOI, SYNTHETIC_GOOD, SYNTHETIC_LINES, syntheticLiverpoolCsv } from '../support/liverpoolCsv.js';

const reading = readLiverpool(syntheticLiverpoolCsv(), 'LiIonDatabase.csv');
const byId = new Map(reading.input.measurements.map((m) => [m.recordId, m]));

describe('reading the Liverpool Ionics Dataset (a made-up table in its format)', () => {
  it('reads every row: 12 measurements, 3 rows skipped with file:line [ID], field and why, 1 duplicate merged', () => {
    expect(reading.rows).toBe(16);
    expect(reading.input.measurements).toHaveLength(12);
    expect(reading.duplicateRows).toBe(1);
    expect(reading.skipped.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^LiIonDatabase\\.csv:${SYNTHETIC_LINES.mixture} \\[9013\\]: composition: formula '"\\(Li2O\\)50 \\(B2O3\\)50"'`)),
      expect.stringMatching(new RegExp(`^LiIonDatabase\\.csv:${SYNTHETIC_LINES.badLog} \\[9014\\]: log_target: -3\\.5 is not log10\\(target\\) = -4\\.698970004 .*does not round to target '2\\.00E-05'$`)),
      expect.stringMatching(new RegExp(`^LiIonDatabase\\.csv:${SYNTHETIC_LINES.notDoi} \\[9015\\]: source: 'Some Journal 12 34-56\\. 1970': is not a DOI`)),
    ]);
    expect(reading.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^LiIonDatabase\\.csv:${SYNTHETIC_LINES.rounded} \\[9004\\]: log_target: .*target '1\\.07E-04' is 10\\^log_target = 0\\.000107078 rounded to 3 significant digits, imported as printed$`)),
    ]);
  });

  it('gives each measurement its value in S/cm as printed, its temperature in K, total conductivity, its DOI and its line', () => {
    for (const [id, composition, doi, celsius, target] of SYNTHETIC_GOOD) {
      const m = byId.get(id)!;
      expect(m, id).toBeDefined();
      expect(m.id).toBe(`liverpool:${id}`);
      expect(m.materialId).toBe(parseFormula(composition).key);
      expect(m.dois).toEqual([doi]);
      expect(m.props).toMatchObject({
        property: 'IONIC_CONDUCTIVITY',
        contribution: 'TOTAL',
        qualifier: 'EQUAL',
        value: Number(target),
        printedValue: target,
        unit: 'S/cm',
        temperatureText: `${celsius} °C`,
        reportedFormula: composition,
      });
      expect(m.props.temperatureK).toBeCloseTo(celsius + 273.15, 9);
    }
    expect(byId.get('9005')!.props.temperatureK).toBe(253.15); // −20 °C, no float noise
    expect(byId.get('9007')!.props.temperatureK).toBe(298); // 24.85 °C
    expect(byId.get('9004')!.props.value).toBe(1.07e-4); // as printed, not 10^log_target
  });

  it('merges a row repeating a measurement (same composition in another notation, temperature, DOI in other case, value) into the first', () => {
    const m = byId.get('9007')!;
    expect(m.source).toEqual({ file: 'LiIonDatabase.csv', lines: [SYNTHETIC_LINES.duplicateOf, SYNTHETIC_LINES.duplicate] });
    expect(byId.has('9016')).toBe(false);
  });

  it('describes 3 materials with their families, 3 publications and the dataset with its citation and licence terms', () => {
    const materials = new Map(reading.input.materials.map((m) => [m.id, m]));
    expect([...materials.keys()].sort()).toEqual(['La3Li7O12Zr2', 'Cl1Li6P1S5', NEW_COMPOSITION.key].sort());
    expect(materials.get('La3Li7O12Zr2')).toMatchObject({ family: 'GARNET', familyLabels: ['Garnet'], chemicalClass: 'OXIDE' });
    expect(materials.get('Cl1Li6P1S5')).toMatchObject({ family: 'ARGYRODITE', reportedFormulas: ['Li6PS5Cl', 'Li6P1S5Cl1'] });
    expect(materials.get(NEW_COMPOSITION.key)).toMatchObject({ family: 'OTHER', familyLabels: ['Glass'] });
    expect(reading.input.publications.map((p) => p.doi).sort()).toEqual(Object.values(SYNTHETIC_DOI).sort());
    expect(reading.input.view).toBe('liverpool');
    expect(reading.input.dataset).toMatchObject({
      ...LIVERPOOL_DATASET,
      file: 'LiIonDatabase.csv',
      version: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
    });
    expect(LIVERPOOL_DATASET.doi).toBe('10.1038/s41524-022-00951-z');
    expect(LIVERPOOL_DATASET.license).toMatch(/^not stated; see http/);
  });

  it('gives a measurement whose ID other measurements share an id of its own', () => {
    const csv = syntheticLiverpoolCsv().replace('\r\n9002,', '\r\n9001,');
    const r = readLiverpool(csv, 'LiIonDatabase.csv');
    const ids = r.input.measurements.filter((m) => m.recordId === '9001').map((m) => m.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^liverpool:9001:[0-9a-f]{8}$/);
    expect(r.warnings.map(formatProblem)).toContainEqual(expect.stringMatching(/\[9001\]: ID: the ID is on 2 different measurements \(lines 2, 3\)/));
  });

  it('refuses a file without the columns or without rows (nothing to write)', () => {
    expect(() => readLiverpool('ID,composition,source,temperature,target\r\n1,Li3N,10.1/x,25,1e-3\r\n', 'x.csv')).toThrow(InvalidRecordsError);
    expect(() => readLiverpool('ID,composition,source,temperature,target\r\n1,Li3N,10.1/x,25,1e-3\r\n', 'x.csv')).toThrow(/x\.csv:1: log_target: column is missing/);
    expect(() => readLiverpool('\uFEFFID,composition,source,temperature,target,log_target,family,ChemicalFamily\r\n', 'x.csv')).toThrow(/no records/);
  });

  it('checks log_target against log10(target) within 1e-6, and tells a rounded target from a contradiction', () => {
    expect(checkLog('1.00E-03', 1e-3, -3)).toEqual({ kind: 'agrees' });
    expect(checkLog('1.00E-03', 1e-3, -3.0000009)).toEqual({ kind: 'agrees' });
    expect(checkLog('1.00E-03', 1e-3, -3.000002).kind).toBe('rounded');
    expect(checkLog('1.00E-03', 1e-3, -3.01).kind).toBe('disagrees');
    expect(checkLog('1.31E-13', 1.31e-13, -12.88438949).kind).toBe('disagrees'); // 1.305e-13 rounds to 1.30E-13
  });
});
