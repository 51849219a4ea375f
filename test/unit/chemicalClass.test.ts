import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { chemicalClass } from '../../src/domain/chemicalClass.js';

describe('chemical class of a material', () => {
  it.each([
    ['Li6PS5Cl', null, 'SULFIDE'],
    ['Li10GeP2S12', null, 'SULFIDE'],
    ['Li4SnSe4', null, 'SULFIDE'],
    ['Li3.35P0.93S3.5O0.5', null, 'OXYSULFIDE'],
    ['Li7La3Zr2O12', null, 'OXIDE'],
    ['LiNbO3', null, 'OXIDE'],
    ['Li3YCl6', null, 'HALIDE'],
    ['Li3N', null, 'NITRIDE'],
    ['LiBH4', null, 'HYDRIDE'],
    ['Li', null, 'METAL'],
    ['Li3OCl', 'ANTIPEROVSKITE', 'OXIDE'],
    ['Li3OCl', null, 'OXIDE'],
  ] as const)('%s (%s) is %s', (formula, family, cls) => {
    expect(chemicalClass(parseFormula(formula).elements, family)).toBe(cls);
  });

  it('follows the family for a material without a known composition', () => {
    expect(chemicalClass([], 'ARGYRODITE')).toBe('SULFIDE');
    expect(chemicalClass([], null)).toBeNull();
  });
});
