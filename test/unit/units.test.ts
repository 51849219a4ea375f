import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../src/domain/errors.js';
import { toCanonical } from '../../src/domain/units/properties.js';
import { readQuantity } from '../../src/domain/values/quantity.js';
import { convert, fromCanonicalUnit, KJ_PER_MOL_PER_EV, readTemperature, ROOM_TEMPERATURE_K, roundToScale, toKelvin, unitsLike } from '../../src/domain/units/units.js';
import { parsePrintedValue, scaleParsedValue } from '../../src/domain/values/printedValue.js';
import { histogramPlan } from '../../src/services/query/aggregate.service.js';

describe('ionic conductivity units to S/cm', () => {
  // Printed notations seen in the reviews and datasets; factors by definition of the SI prefixes.
  it.each([
    ['S/cm', 1],
    ['S cm-1', 1],
    ['S cm^-1', 1],
    ['S cm⁻¹', 1],
    ['S cm−1', 1],
    ['S·cm−1', 1],
    ['mS/cm', 1e-3],
    ['mS cm-1', 1e-3],
    ['µS/cm', 1e-6],
    ['μS cm⁻¹', 1e-6],
    ['S/m', 1e-2],
    ['S m-1', 1e-2],
    ['mS/m', 1e-5],
  ])('1 %s = %d S/cm', (unit, factor) => {
    expect(toCanonical('IONIC_CONDUCTIVITY', 1, unit)).toBeCloseTo(factor, 15);
    expect(toCanonical('IONIC_CONDUCTIVITY', 12, unit) / factor).toBeCloseTo(12, 10);
  });

  it('rejects units of other quantities, naming the property', () => {
    expect(() => toCanonical('IONIC_CONDUCTIVITY', 1, 'mA cm-2')).toThrow(/not a unit of ionic conductivity \(S\/cm\)/);
    expect(() => toCanonical('IONIC_CONDUCTIVITY', 1, 'Ω cm2')).toThrow(InvalidValueError);
  });

  it('rejects unknown units and empty text', () => {
    expect(() => convert(1, 'furlong', 'm')).toThrow(/unknown unit 'furlong'/);
    expect(() => convert(1, '', 'm')).toThrow(/unit is empty/);
    expect(() => convert(1, 'S/cm/s', 'S/cm')).toThrow(/more than one '\/'/);
  });
});

describe('other units', () => {
  it('area-specific resistance: Ω cm² and ohm cm2 agree', () => {
    expect(convert(1, 'Ω cm²', 'ohm cm2')).toBeCloseTo(1, 12);
    expect(convert(1, 'Ω m2', 'Ω cm2')).toBeCloseTo(1e4, 8);
  });
  it('current density mA/cm² to A/m²', () => expect(convert(1, 'mA cm-2', 'A/m2')).toBeCloseTo(10, 12));
  it('energy: meV to eV', () => expect(convert(250, 'meV', 'eV')).toBeCloseTo(0.25, 12));
  it('1 eV per particle is 96.485332 kJ/mol (CODATA 2018: e·N_A/1000)', () => {
    expect(KJ_PER_MOL_PER_EV).toBeCloseTo(96.485332, 5);
    expect(convert(1, 'eV', 'kJ') * 6.02214076e23).toBeCloseTo(96.485332, 5);
  });
});

describe('temperatures', () => {
  it('converts °C and K', () => {
    expect(toKelvin(25, '°C')).toBeCloseTo(298.15, 12);
    expect(toKelvin(25, 'oC')).toBeCloseTo(298.15, 12);
    expect(toKelvin(300, 'K')).toBe(300);
    expect(ROOM_TEMPERATURE_K).toBe(298.15);
  });
  it('rejects other units and temperatures below 0 K', () => {
    expect(() => toKelvin(1, 'eV')).toThrow(/not a temperature unit/);
    expect(() => toKelvin(-300, '°C')).toThrow(/below absolute zero/);
  });
});

describe('units of the other properties', () => {
  it.each([
    ['AREA_SPECIFIC_RESISTANCE', 2600, 'Ω cm²', 2600],
    ['AREA_SPECIFIC_RESISTANCE', 1, 'Ω m2', 1e4],
    ['CRITICAL_CURRENT_DENSITY', 0.1, 'mA cm^-2', 0.1],
    ['CRITICAL_CURRENT_DENSITY', 1, 'A/m2', 0.1],
    ['YOUNGS_MODULUS', 60, 'GPa', 60],
    ['FRACTURE_TOUGHNESS', 1, 'MPa m1/2', 1],
    ['FRACTURE_TOUGHNESS', 1, 'MPa √m', 1],
    ['ACTIVATION_ENERGY', 250, 'meV', 0.25],
    ['ACTIVATION_ENERGY', 96.48533212, 'kJ/mol', 1],
    ['TRANSITION_TEMPERATURE', 260, '°C', 533.15],
    ['LATTICE_PARAMETER', 1.2, 'nm', 12],
    ['SPECIFIC_CAPACITY', 127, 'mAh/g', 127],
    ['SPECIFIC_CAPACITY', 1, 'Ah/kg', 1],
    ['AREAL_CAPACITY', 3.5, 'µAh/cm2', 0.0035],
    ['ENERGY_DENSITY', 0.5, 'kWh/kg', 500],
    ['VOLUMETRIC_ENERGY_DENSITY', 1, 'Wh/cm3', 1000],
    ['CAPACITY_RETENTION', 80, '%', 80],
    ['REACTION_ENERGY', -20, 'meV/atom', -0.02],
    ['THICKNESS', 5, 'µm', 5000],
    ['CYCLE_COUNT', 100, 'cycles', 100],
    ['C_RATE', 18, 'C', 18],
    ['TRANSFERENCE_NUMBER', 1, '', 1],
    ['DIFFUSION_COEFFICIENT', 1e-8, 'cm2 s-1', 1e-8],
  ] as const)('%s: %d %s', (property, value, unit, expected) => {
    expect(toCanonical(property, value, unit)).toBeCloseTo(expected, 9);
  });

  it('names the property when the unit does not fit', () => {
    expect(() => toCanonical('AREA_SPECIFIC_RESISTANCE', 1, 'Ω/cm²')).toThrow(/not a unit of area-specific \(interfacial\) resistance \(Ω cm2\)/);
    expect(() => toCanonical('C_RATE', 1, 'mA')).toThrow(/use 'C'/);
    expect(() => toCanonical('TRANSFERENCE_NUMBER', 1, '%')).toThrow(/dimensionless/);
  });
});

describe('temperatures as printed', () => {
  it.each([
    ['RT', 298.15, null, null, true],
    ['room temperature', 298.15, null, null, true],
    ['25 °C', 298.15, null, null, false],
    ['60°C', 333.15, null, null, false],
    ['−20 °C', 253.15, null, null, false],
    ['300 K', 300, null, null, false],
    ['25–100 °C', null, 298.15, 373.15, false],
    ['> 60 °C', null, 333.15, null, false],
    ['above 150°C', null, 423.15, null, false],
    ['below 0 °C', null, null, 273.15, false],
    ['≤ 400 K', null, null, 400, false],
    ['after annealing', null, null, null, false],
  ] as const)('%s', (text, kelvin, minK, maxK, nominal) => {
    const t = readTemperature(text);
    expect(t.nominal).toBe(nominal);
    for (const [got, want] of [
      [t.kelvin, kelvin],
      [t.minK, minK],
      [t.maxK, maxK],
    ] as const) {
      if (want === null) expect(got).toBeNull();
      else expect(got).toBeCloseTo(want, 9);
    }
  });
});

describe('printed quantities in canonical units', () => {
  it('converts a value with its qualifier and uncertainty (°C uncertainty is a difference)', () => {
    const q = readQuantity('TRANSITION_TEMPERATURE', '260 ± 5', '°C');
    expect(q).toMatchObject({ qualifier: 'EQUAL', unit: 'K', printedValue: '260 ± 5', printedUnit: '°C' });
    expect(q.value).toBeCloseTo(533.15, 9);
    expect(q.uncertainty).toBeCloseTo(5, 9);
  });
  it('keeps a bound a bound in the new unit', () => {
    expect(readQuantity('AREA_SPECIFIC_RESISTANCE', '<5', 'Ω m2')).toMatchObject({ qualifier: 'LESS_THAN', value: null, max: 5e4, unit: 'Ω cm2' });
  });
  it('reads a misprinted unit as the unit meant, keeping both', () => {
    const q = readQuantity('AREA_SPECIFIC_RESISTANCE', '2600', 'Ω/cm²', 'Ω cm²');
    expect(q).toMatchObject({ value: 2600, printedUnit: 'Ω/cm²', unitAsMeant: 'Ω cm²' });
  });
});

describe('no float noise where numbers are computed', () => {
  it('−20 °C is 253.15 K (not 253.14999999999998)', () => {
    expect(toKelvin(-20, '°C')).toBe(253.15);
    expect(readTemperature('−20 °C').kelvin).toBe(253.15);
  });

  it('rounds a sum at the scale of its terms, also next to zero', () => {
    expect(-5 + 53 * 0.1).not.toBe(0.3); // the noise the issue shows: 0.3000000000000007
    expect(roundToScale(-5 + 53 * 0.1, 5)).toBe(0.3);
    expect(roundToScale(-0.3 + 3 * 0.1, 0.3)).toBe(0);
    expect(roundToScale(123.456, 1000)).toBe(123.456);
  });

  it('histogram edges by width are the decimal edges (min −5, width 0.1: edge 53 is 0.3)', () => {
    const { edges } = histogramPlan({ field: 'LOG10_VALUE', min: -5, max: 1, width: 0.1 }, 'IONIC_CONDUCTIVITY', 'histogram');
    expect(edges).toHaveLength(61);
    expect(edges[53]).toBe(0.3);
    expect(edges[50]).toBe(0);
    expect(edges.every((e, i) => e === Number((-5 + i / 10).toFixed(1)))).toBe(true);
  });

  it('a scaled printed value is rounded like a unit conversion', () => {
    expect(1.3 * 1e-3).not.toBe(0.0013); // 0.0013000000000000002
    expect(scaleParsedValue(parsePrintedValue('1.3'), 1e-3).value).toBe(0.0013);
  });
});

describe('numbers given in the unit asked for (fromCanonicalUnit, the `unit` argument of output fields)', () => {
  it('conductivity, energy, potential: by SI factors; eV per particle to kJ/mol through N_A·e (CODATA 2018)', () => {
    expect(fromCanonicalUnit(1.2e-3, 'S/cm', 'mS/cm')).toBe(1.2);
    expect(fromCanonicalUnit(1.2e-3, 'S/cm', 'S/m')).toBe(0.12);
    expect(fromCanonicalUnit(0.25, 'eV', 'meV')).toBe(250);
    expect(fromCanonicalUnit(1, 'eV', 'kJ/mol')).toBeCloseTo(96.485332123, 9);
    expect(fromCanonicalUnit(-0.083, 'eV/atom', 'meV/atom')).toBe(-83);
    expect(fromCanonicalUnit(4.2, 'V', 'mV')).toBe(4200);
    expect(fromCanonicalUnit(12, 'nm', 'µm')).toBe(0.012);
  });
  it('temperatures: a level is offset (25 °C = 298.15 K, 77 °F = 298.15 K), a difference only scaled', () => {
    expect(fromCanonicalUnit(298.15, 'K', '°C')).toBe(25);
    expect(fromCanonicalUnit(298.15, 'K', '°F')).toBe(77);
    expect(fromCanonicalUnit(298.15, 'K', ' ºC ')).toBe(25);
    expect(fromCanonicalUnit(3, 'K', '°C', 'DIFFERENCE')).toBe(3);
    expect(fromCanonicalUnit(5, 'K', '°F', 'DIFFERENCE')).toBe(9);
  });
  it('fractions and percent: 0.42 is 42 %', () => {
    expect(fromCanonicalUnit(0.42, '', '%')).toBe(42);
    expect(fromCanonicalUnit(42, '%', '')).toBe(0.42);
  });
  it('the same unit leaves the number as stored; counts and rates stay in their own unit', () => {
    expect(fromCanonicalUnit(0.1 + 0.2, 'S/cm', 'S/cm')).toBe(0.1 + 0.2);
    expect(() => fromCanonicalUnit(2, 'C', 'mC')).toThrow(/own unit/);
    expect(() => fromCanonicalUnit(100, 'cycles', 'kcycles')).toThrow(/own unit/);
  });
  it('per atom stays per atom (or per mole of atoms): eV/atom is not eV, eV is not meV/atom', () => {
    expect(fromCanonicalUnit(-0.02, 'eV/atom', 'kJ/mol')).toBeCloseTo(-1.92970664246, 9);
    expect(() => fromCanonicalUnit(1, 'eV/atom', 'eV')).toThrow(/differ in basis/);
    expect(() => fromCanonicalUnit(1, 'eV', 'meV/atom')).toThrow(/differ in basis/);
    expect(() => fromCanonicalUnit(1, 'kJ/mol', 'eV/atom')).toThrow(/differ in basis/);
  });
  it('no float noise near 0 °C; a stored unit the core cannot read is given as it is', () => {
    expect(fromCanonicalUnit(273.14, 'K', '°C')).toBe(-0.01);
    expect(fromCanonicalUnit(273.22, 'K', '°C')).toBe(0.07);
    expect(() => fromCanonicalUnit(3, 'wt%', '%')).toThrow(/stored unit cannot be read/);
  });
  it('refuses unreadable units and other dimensions', () => {
    expect(() => fromCanonicalUnit(1, 'S/cm', 'furlong')).toThrow(/unknown unit 'furlong'/);
    expect(() => fromCanonicalUnit(1, 'S/cm', 'eV')).toThrow(/different dimensions/);
    expect(() => fromCanonicalUnit(300, 'K', 'eV')).toThrow(/different dimensions/);
    expect(() => fromCanonicalUnit(0.5, '', 'mS/cm')).toThrow(/different dimensions/);
  });
  it('suggests units of the same dimension for error messages', () => {
    expect(unitsLike('S/cm').slice(0, 3)).toEqual(['S/cm', 'mS/cm', 'µS/cm']);
    expect(unitsLike('S/cm')).toContain('S/m');
    expect(unitsLike('eV')).toEqual(expect.arrayContaining(['eV', 'meV', 'kJ/mol']));
    expect(unitsLike('K')).toEqual(['K', '°C', '°F']);
    expect(unitsLike('GPa')).toEqual(expect.arrayContaining(['GPa', 'MPa', 'kPa']));
    expect(unitsLike('C')).toEqual(['C']);
  });
});
