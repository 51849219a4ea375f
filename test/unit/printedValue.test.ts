import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../src/domain/errors.js';
import { parsePrintedValue, scaleParsedValue } from '../../src/domain/values/printedValue.js';

describe('printed values keep their qualifier', () => {
  it.each([
    ['1.58489e-06', 'EQUAL', 1.58489e-6, null, null],
    ['6.7E-8', 'EQUAL', 6.7e-8, null, null],
    ['0.012', 'EQUAL', 0.012, null, null],
    ['1.2 × 10⁻³', 'EQUAL', 1.2e-3, null, null],
    ['1.2x10^-3', 'EQUAL', 1.2e-3, null, null],
    ['10⁻⁴', 'EQUAL', 1e-4, null, null],
    ['−0.5', 'EQUAL', -0.5, null, null],
    ['~60', 'APPROXIMATE', 60, null, null],
    ['≈ 60', 'APPROXIMATE', 60, null, null],
    ['∼60', 'APPROXIMATE', 60, null, null],
    ['<1E-10', 'LESS_THAN', null, null, 1e-10],
    ['<1E-8', 'LESS_THAN', null, null, 1e-8],
    ['< 5', 'LESS_THAN', null, null, 5],
    ['≤5', 'LESS_THAN', null, null, 5],
    ['>100', 'GREATER_THAN', null, 100, null],
    ['1–2', 'RANGE', null, 1, 2],
    ['1 - 2 × 10^-3', 'RANGE', null, 1e-3, 2e-3],
    ['10⁻⁴–10⁻²', 'RANGE', null, 1e-4, 1e-2],
    ['5 to 10', 'RANGE', null, 5, 10],
    ['1,000', 'EQUAL', 1000, null, null],
    ['10⁻⁴–6×10⁻³', 'RANGE', null, 1e-4, 6e-3],
    ['10⁻⁸–10⁻¹²', 'RANGE', null, 1e-12, 1e-8],
    ['1.2e-3–2e-3', 'RANGE', null, 1.2e-3, 2e-3],
    ['≈ 10⁻³–1', 'RANGE', null, 1e-3, 1],
    ['7.1 ± 0.3', 'EQUAL', 7.1, null, null],
    ['~60 ± 5', 'APPROXIMATE', 60, null, null],
    ['12,500.5', 'EQUAL', 12500.5, null, null],
    // feng 2022 L294 'ionic conductivity up to 24 mS/cm'; banerjee 2020 L638 'as high as 99.4%'
    ['up to 24', 'REPORTED_MAXIMUM', 24, null, null],
    ['up to 10^-2', 'REPORTED_MAXIMUM', 1e-2, null, null],
    ['as high as 99.4', 'REPORTED_MAXIMUM', 99.4, null, null],
  ] as const)('%s', (text, qualifier, value, min, max) => {
    const v = parsePrintedValue(text);
    expect(v.text).toBe(text);
    expect(v.qualifier).toBe(qualifier);
    for (const [got, want] of [
      [v.value, value],
      [v.min, min],
      [v.max, max],
    ] as const) {
      if (want === null) expect(got).toBeNull();
      else expect(got).toBe(want); // exact: decimal text is converted once, never multiplied by powers of ten
    }
  });

  it('never turns a censored value into an equality', () => {
    const v = parsePrintedValue('<1E-10');
    expect(v.value).toBeNull();
    expect(scaleParsedValue(v, 100)).toMatchObject({ qualifier: 'LESS_THAN', value: null, max: 1e-8 });
  });

  it("reads 'up to X' as a reported maximum with its value, and '≤X' still as a censored bound", () => {
    expect(parsePrintedValue('up to 24')).toMatchObject({ qualifier: 'REPORTED_MAXIMUM', value: 24, min: null, max: null, inclusive: false });
    expect(parsePrintedValue('≤24')).toMatchObject({ qualifier: 'LESS_THAN', value: null, max: 24 });
    expect(() => parsePrintedValue('up to 1–2')).toThrow(/must be followed by one number/);
  });

  it('keeps the ± uncertainty and marks approximate ranges', () => {
    expect(parsePrintedValue('7.1 ± 0.3').uncertainty).toBeCloseTo(0.3, 12);
    expect(parsePrintedValue('2.8 +/- 1.8').uncertainty).toBeCloseTo(1.8, 12);
    expect(parsePrintedValue('7.1').uncertainty).toBeNull();
    expect(parsePrintedValue('≈ 10⁻³–1').approximate).toBe(true);
    expect(parsePrintedValue('10⁻³–1').approximate).toBe(false);
  });

  it('marks inclusive bounds', () => {
    expect(parsePrintedValue('≥ 3').inclusive).toBe(true);
    expect(parsePrintedValue('> 3').inclusive).toBe(false);
  });

  it.each([
    ['', /is empty/],
    ['abc', /is not a number, a bound/],
    ['1.2.3', /is not a number/],
    ['<', /is not a number/],
    ['0,001', /comma that is not a thousands separator/],
    ['1,5', /comma that is not a thousands separator/],
  ])('rejects %j', (text, message) => {
    expect(() => parsePrintedValue(text)).toThrow(InvalidValueError);
    expect(() => parsePrintedValue(text)).toThrow(message);
  });
});
