import { describe, expect, it } from 'vitest';
import {
  checkFormula,
  checkFraction,
  checkPotential,
  checkProvenance,
  checkQuantity,
  checkTemperature,
  checkText,
  firstAuthorSurname,
} from '../../src/domain/curation/validation.js';

const Q = { value: 'input.value', unit: 'input.unit' };

describe('curation validation: per-field errors', () => {
  it('a formula parses, or its field is named', () => {
    expect(checkFormula('input.formula', 'Li10GeP2S12').errors).toEqual([]);
    expect(checkFormula('input.formula', 'Li10GeP2S12').composition?.key).toBe('Ge1Li10P2S12');
    const bad = checkFormula('input.formula', 'Li3Xx(');
    expect(bad.composition).toBeNull();
    expect(bad.errors).toMatchObject([{ field: 'input.formula', code: 'MALFORMED' }]);
    expect(checkFormula('input.formula', '').errors).toMatchObject([{ code: 'REQUIRED' }]);
  });

  it('a conductivity converts to S/cm and must be > 0 and ≤ 10³ S/cm', () => {
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', 12, 'mS/cm')).toEqual({ canonical: 0.012, errors: [] });
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', 0, 'S/cm').errors).toMatchObject([{ field: 'input.value', code: 'OUT_OF_RANGE' }]);
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', -1e-3, 'S/cm').errors).toMatchObject([{ field: 'input.value', code: 'OUT_OF_RANGE' }]);
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', 1e5, 'S/cm').errors).toMatchObject([{ field: 'input.value', code: 'OUT_OF_RANGE' }]);
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', 1, 'furlongs').errors).toMatchObject([{ field: 'input.unit', code: 'UNKNOWN_UNIT' }]);
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', 1, 'eV').errors).toMatchObject([{ field: 'input.unit', code: 'UNKNOWN_UNIT' }]);
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', Number.NaN, 'S/cm').errors).toMatchObject([{ field: 'input.value', code: 'MALFORMED' }]);
    expect(checkQuantity(Q, 'IONIC_CONDUCTIVITY', null, 'S/cm').errors).toMatchObject([{ field: 'input.value', code: 'REQUIRED' }]);
  });

  it('fractions lie in [0, 1]; voltages within −5…10 V', () => {
    expect(checkQuantity(Q, 'TRANSFERENCE_NUMBER', 0.99, null).errors).toEqual([]);
    expect(checkQuantity(Q, 'TRANSFERENCE_NUMBER', 1.5, null).errors).toMatchObject([{ field: 'input.value', code: 'OUT_OF_RANGE' }]);
    expect(checkQuantity(Q, 'SITE_OCCUPANCY', 50, '%')).toEqual({ canonical: 0.5, errors: [] });
    expect(checkFraction('input.x', 1.5)).toMatchObject([{ field: 'input.x', code: 'OUT_OF_RANGE' }]);
    expect(checkFraction('input.x', 0)).toEqual([]);
    expect(checkPotential('input.potential', 500)).toMatchObject([{ field: 'input.potential', code: 'OUT_OF_RANGE' }]);
    expect(checkPotential('input.potential', -5.1)).toHaveLength(1);
    expect(checkPotential('input.potential', 4.2)).toEqual([]);
    expect(checkQuantity(Q, 'VOLTAGE', 500, 'V').errors).toHaveLength(1);
  });

  it('a temperature is > 0 K and < 10,000 K, in K or °C', () => {
    expect(checkTemperature('input.temperature', 25, '°C')).toEqual({ kelvin: 298.15, errors: [] });
    expect(checkTemperature('input.temperature', 0, 'K').errors).toMatchObject([{ field: 'input.temperature', code: 'OUT_OF_RANGE' }]);
    expect(checkTemperature('input.temperature', -300, '°C').errors).toMatchObject([{ field: 'input.temperature', code: 'OUT_OF_RANGE' }]);
    expect(checkTemperature('input.temperature', 20_000, 'K').errors).toMatchObject([{ code: 'OUT_OF_RANGE' }]);
    expect(checkTemperature('input.temperature', 300, 'parsecs').errors).toMatchObject([{ field: 'input.temperatureUnit', code: 'UNKNOWN_UNIT' }]);
    expect(checkTemperature('input.temperature', null)).toEqual({ kelvin: null, errors: [] });
  });

  it('provenance: a DOI that normalises, or a full citation', () => {
    expect(checkProvenance('input.provenance', { doi: 'https://doi.org/10.1038/NMAT3066' }, 2026)).toEqual({ doi: '10.1038/nmat3066', errors: [] });
    expect(checkProvenance('input.provenance', { doi: 'not a doi' }, 2026).errors).toMatchObject([{ field: 'input.provenance.doi', code: 'MALFORMED' }]);
    expect(checkProvenance('input.provenance', null, 2026).errors).toMatchObject([{ field: 'input.provenance', code: 'REQUIRED' }]);
    expect(checkProvenance('input.provenance', {}, 2026).errors).toMatchObject([{ field: 'input.provenance', code: 'REQUIRED' }]);
    const partial = checkProvenance('input.provenance', { citation: { authors: 'Kamaya, N.', year: 2011 } }, 2026);
    expect(partial.errors.map((e) => e.field).sort()).toEqual(['input.provenance.citation.journal', 'input.provenance.citation.title']);
    const full = { authors: 'Kamaya, N.; Homma, K.', title: 'A lithium superionic conductor', journal: 'Nat. Mater.', year: 2011 };
    expect(checkProvenance('input.provenance', { citation: full }, 2026)).toEqual({ doi: null, errors: [] });
    expect(checkProvenance('input.provenance', { citation: { ...full, year: 3000 } }, 2026).errors).toMatchObject([{ field: 'input.provenance.citation.year' }]);
  });

  it('strings are length-limited', () => {
    expect(checkText('input.method', 'x'.repeat(100_000))).toMatchObject([{ field: 'input.method', code: 'TOO_LONG' }]);
    expect(checkText('input.method', 'impedance')).toEqual([]);
    expect(checkText('input.method', null, { required: true })).toMatchObject([{ code: 'REQUIRED' }]);
  });

  it('the first author of an author list', () => {
    expect(firstAuthorSurname('Kamaya, N.; Homma, K.')).toBe('Kamaya');
    expect(firstAuthorSurname('N. Kamaya and K. Homma')).toBe('Kamaya');
  });
});
