import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { CHEMICAL_CLASSES, chemicalClass } from '../../src/domain/chemicalClass.js';
import { familyFromLabel, STRUCTURAL_FAMILIES } from '../../src/domain/families.js';
import { obelixRows } from '../support/obelixCsv.js';

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
    // borohydride–halides are complex hydrides, not halides (Feng et al. 2022, Table 1: "3LiBH4•LiI")
    ['LiBr•3LiBH4', null, 'HYDRIDE'],
    ['LiCl•3LiBH4', null, 'HYDRIDE'],
    ['(LiBH4)3LiI', null, 'HYDRIDE'],
    ['LiBr•3LiBH4', 'HYDRIDE', 'HYDRIDE'],
    ['Na2B12H12', null, 'HYDRIDE'],
    ['NaH', null, 'HYDRIDE'],
    ['H2S', null, 'SULFIDE'],
    // molecular organics: succinonitrile is not a nitride, triglyme not an oxide
    ['C4H4N2', null, 'ORGANIC'],
    ['C8H18O4', null, 'ORGANIC'],
    ['Na2MnFe(CN)6', null, 'OTHER'],
    ['Li2CO3', null, 'OXIDE'],
    ['Li2.3C0.7B0.3O3', null, 'OXIDE'],
    // sulfates are oxides; O-substituted sulfides stay oxysulfides, with or without their family
    ['Li2SO4', null, 'OXIDE'],
    ['Na2SO4', null, 'OXIDE'],
    ['Li6PS4.7O0.3Br', 'ARGYRODITE', 'OXYSULFIDE'],
    ['Li10GeP2S11.7O0.3', 'LGPS', 'OXYSULFIDE'],
    ['Li3.06P0.98Zn0.02S3.98O0.02', 'SULFIDE', 'OXYSULFIDE'],
    // water of crystallisation is not an oxide anion
    ['Na3SbS4·8H2O', null, 'SULFIDE'],
    // phosphides
    ['Li3P', null, 'PHOSPHIDE'],
    ['Na3P', null, 'PHOSPHIDE'],
    ['Li3P7', null, 'PHOSPHIDE'],
    ['Li3P', 'PHOSPHIDE', 'PHOSPHIDE'],
    // single elements: a metal or Si is METAL, a non-metal OTHER
    ['S', null, 'OTHER'],
    ['O2', null, 'OTHER'],
    ['C', null, 'OTHER'],
    ['Si', null, 'METAL'],
    ['Ge', null, 'METAL'],
    ['Li15Ge4', null, 'METAL'],
    ['Na3Sb', null, 'METAL'],
    ['Na3PS4', 'NA3PS4', 'SULFIDE'],
    ['Na3PSe4', 'NA3PS4', 'SULFIDE'],
  ] as const)('%s (%s) is %s', (formula, family, cls) => {
    expect(chemicalClass(parseFormula(formula), family)).toBe(cls);
  });

  it('lets the elements overrule a family they contradict (OBELiX labels)', () => {
    // OBELiX files these under "phosphates" and "argyrodites": the elements say otherwise
    expect(chemicalClass(parseFormula('Li3P'), 'PHOSPHATE')).toBe('PHOSPHIDE');
    expect(chemicalClass(parseFormula('Li8SiP4'), 'PHOSPHATE')).toBe('PHOSPHIDE');
    expect(chemicalClass(parseFormula('Li6SiO4Cl2'), 'ARGYRODITE')).toBe('OXIDE');
    expect(chemicalClass(parseFormula('Li6PO5Cl'), 'ARGYRODITE')).toBe('OXIDE');
    expect(chemicalClass(parseFormula('LiCe(BH4)3Cl'), 'ARGYRODITE')).toBe('HYDRIDE');
  });

  it('reads a named material by its elements alone (no amounts)', () => {
    expect(chemicalClass(['Li', 'Ni', 'Co', 'Mn', 'O'], null)).toBe('OXIDE');
    expect(chemicalClass(['Li', 'Si'], null)).toBe('METAL');
    expect(chemicalClass(['Li', 'P', 'S', 'O'], 'SULFIDE')).toBe('OXYSULFIDE');
  });

  it('follows the family for a material without a known composition', () => {
    expect(chemicalClass([], 'ARGYRODITE')).toBe('SULFIDE');
    expect(chemicalClass([], 'POLYMER')).toBe('POLYMER');
    expect(chemicalClass([], 'COMPOSITE')).toBe('COMPOSITE');
    expect(chemicalClass([], null)).toBeNull();
  });

  it('gives every family a class, and describes every class', () => {
    for (const family of Object.keys(STRUCTURAL_FAMILIES) as (keyof typeof STRUCTURAL_FAMILIES)[]) {
      if (family === 'OTHER') continue;
      expect(chemicalClass([], family), family).not.toBeNull();
    }
    for (const d of Object.values(CHEMICAL_CLASSES)) expect(d.length).toBeGreaterThan(10);
  });

  /**
   * Every OBELiX row: the class its family gives agrees with its elements, except these rows, whose
   * printed family the composition contradicts (the class then follows the elements).
   */
  const OBELIX_FAMILY_CONTRADICTED: Record<string, string> = {
    '11b': 'Li3P labelled "phosphates": a phosphide',
    rwr: 'Li8GeP4 labelled "phosphates": a phosphide',
    '240': 'Li8GeP4 labelled "phosphates": a phosphide',
    pql: 'Li8SiP4 labelled "phosphates": a phosphide',
    an2: 'Li6SiO4Cl2 labelled "argyrodite": no S, an oxide (oxychloride)',
    jy6: 'Li6PO5Cl labelled "argyrodites": no S, an oxide (oxychloride)',
    ga9: 'LiCe(BH4)3Cl labelled "argyrodites": a borohydride',
  };
  it("agrees with OBELiX's family column except for the documented rows", () => {
    const disagreeing: string[] = [];
    for (const r of obelixRows()) {
      const family = familyFromLabel(r.Family);
      if (!family || family === 'OTHER') continue;
      let c;
      try {
        c = parseFormula(r['Reduced Composition']!);
      } catch {
        continue;
      }
      const cls = chemicalClass(c, family);
      const familyClass = chemicalClass([], family);
      // a sulfide family with some O is an oxysulfide: the family still agrees
      if (cls !== familyClass && !(familyClass === 'SULFIDE' && cls === 'OXYSULFIDE')) disagreeing.push(r.ID);
    }
    expect(disagreeing.sort()).toEqual(Object.keys(OBELIX_FAMILY_CONTRADICTED).sort());
  });
});
