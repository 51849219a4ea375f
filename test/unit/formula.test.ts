import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { InvalidFormulaError } from '../../src/domain/errors.js';

interface PymatgenRecord {
  formula: string;
  amounts: Record<string, number>;
  chemicalSystem: string;
  atomicFractions: Record<string, number>;
  reducedFormula: string;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/pymatgen/formulas.json', import.meta.url), 'utf8')) as {
  pymatgen: string;
  records: PymatgenRecord[];
};

// Independent reference: pymatgen's Composition (fixture written by generate_formula_fixtures.py).
describe(`formulas read as pymatgen ${fixture.pymatgen} reads them (tolerance 1e-6 atoms)`, () => {
  it.each(fixture.records.map((r) => [r.formula, r] as const))('%s', (_f, r) => {
    const c = parseFormula(r.formula);
    expect(Object.keys(Object.fromEntries(c.entries().map((e) => [e.element, 1]))).sort()).toEqual(Object.keys(r.amounts).sort());
    for (const [el, amount] of Object.entries(r.amounts)) expect(c.amountOf(el)).toBeCloseTo(amount, 6);
    expect(c.chemicalSystem).toBe(r.chemicalSystem);
    const total = c.totalAtoms;
    for (const [el, x] of Object.entries(r.atomicFractions)) expect(c.amountOf(el) / total).toBeCloseTo(x, 6);
    expect(c.reducedFormula).toBe(r.reducedFormula);
  });
});

describe('one composition, many notations', () => {
  const lgps = parseFormula('Li10GeP2S12').key;
  it.each([
    'Ge1Li10P2S12',
    'Li20Ge2P4S24',
    'Li₁₀GeP₂S₁₂',
    'Li_{10}GeP_2S_{12}',
    '$\\text{Li}_{10}\\text{GeP}_2\\text{S}_{12}$',
    ' Li10 Ge P2 S12 ',
    'Li5Ge0.5PS6',
  ])('%s is LGPS', (f) => {
    expect(parseFormula(f).key).toBe(lgps);
  });

  it('gives LGPS the key Ge1Li10P2S12', () => expect(lgps).toBe('Ge1Li10P2S12'));

  it('keys fractional compositions by their smallest whole-number proportions', () => {
    expect(parseFormula('Li6.4La3Zr1.4Ta0.6O12').key).toBe('La15Li32O60Ta3Zr7');
    expect(parseFormula('Li3.4Ge0.4P0.6S4').key).toBe(parseFormula('Li10.2Ge1.2P1.8S12').key);
    expect(parseFormula('Li10.5Ge1.5P1.5S12').key).toBe(parseFormula('Li7GePS8').key);
  });

  it('tells different compositions apart', () => {
    expect(parseFormula('Li3PS4').key).not.toBe(parseFormula('Li7P3S11').key);
    expect(parseFormula('Li6.4La3Zr1.4Ta0.6O12').key).not.toBe(parseFormula('Li6.5La3Zr1.5Ta0.5O12').key);
  });
});

describe('groups, hydrates and fractional amounts', () => {
  it('multiplies nested groups', () => {
    const c = parseFormula('Li3(Mo8S8O8(OH)8(HWO5(H2O)))*(H2O)18');
    expect(c.amountOf('H')).toBe(8 + 1 + 2 + 36);
    expect(c.amountOf('O')).toBe(8 + 8 + 5 + 1 + 18);
    expect(c.amountOf('W')).toBe(1);
  });

  it('reads adducts with a leading count', () => {
    const c = parseFormula('Li2SO4·2H2O');
    expect(c.amountOf('H')).toBe(4);
    expect(c.amountOf('O')).toBe(6);
  });

  it('scales fractional groups', () => {
    const c = parseFormula('(Ag0.33Li0.67)0.27La0.57TiO3');
    expect(c.amountOf('Ag')).toBeCloseTo(0.0891, 9);
    expect(c.amountOf('Li')).toBeCloseTo(0.1809, 9);
  });

  it('reads amounts written as fractions', () => {
    const c = parseFormula('LiNi1/3Mn1/3Co1/3O2');
    expect(c.amountOf('Ni')).toBeCloseTo(1 / 3, 6);
    expect(c.key).toBe(parseFormula('Li3Ni1Mn1Co1O6').key);
    expect(() => parseFormula('LiNi1/0O2')).toThrow(/division by zero/);
  });

  it('keeps the written order and amounts in toString', () => {
    expect(parseFormula('Li1.3Al0.3Ti1.7(PO4)3').toString()).toBe('Li1.3Al0.3Ti1.7P3O12');
  });

  it('tells Co from C + O', () => {
    expect(parseFormula('LiCoO2').elements).toEqual(['Co', 'Li', 'O']);
    expect(parseFormula('CO2').elements).toEqual(['C', 'O']);
  });
});

describe('bad formulas are rejected with the problem and its position', () => {
  const cases: [string, RegExp, number | undefined][] = [
    ['', /is empty/, undefined],
    ['   ', /is empty/, undefined],
    ['Li7-xLa3Zr2-xTaxO12', /'-': variable stoichiometry or a charge is not a composition at position 3/, 3],
    ['Li7La3Zr2O12x', /'x': variable stoichiometry/, 12],
    ['Xx2O', /unknown element symbol 'Xx' at position 0/, 0],
    ['LiQ', /unknown element symbol 'Q' at position 2/, 2],
    ['Li2(SO4', /unclosed '\(' at position 3/, 3],
    ['Li2SO4)', /unexpected '\)' without a matching opening bracket at position 6/, 6],
    ['Li2(SO4]', /unexpected '\]' \(expected '\)'\)/, 7],
    ['Li()O', /empty group at position 2/, 2],
    ['Li0O', /amount must be positive, got 0 at position 2/, 2],
    ['LiCO3.', /malformed number '3\.'/, 5],
    ['li2O', /unexpected 'l' at position 0/, 0],
    ['2Li2O', /unexpected number '2'/, 0],
    ['Li2O+', /'\+'/, 4],
  ];
  it.each(cases)('%j', (text, message, position) => {
    let error: unknown;
    try {
      parseFormula(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidFormulaError);
    expect((error as InvalidFormulaError).message).toMatch(message);
    expect((error as InvalidFormulaError).message).toContain(`formula '${text}'`);
    if (position !== undefined) expect((error as InvalidFormulaError).position).toBe(position);
  });
});

describe('hostile formulas: deep nesting and long text', () => {
  const nested = (depth: number, inner: string, close = ')') => `${'('.repeat(depth)}${inner}${close.repeat(depth)}`;

  it('reads 12,000 and 200,000 nested parentheses without recursion (the recursive reader overflowed the stack)', () => {
    expect(parseFormula(nested(12_000, 'Li2O')).toString()).toBe('Li2O');
    expect(parseFormula(nested(200_000, 'LiCl')).toString()).toBe('LiCl');
    // each level multiplies: 2 levels of ×2 on O2
    expect(parseFormula('((O2)2)2').toString()).toBe('O8');
  });

  it('names the innermost unclosed bracket of a deep formula, and the message repeats at most 100 characters of it', () => {
    const text = `${'('.repeat(12_000)}Li`;
    let error: unknown;
    try {
      parseFormula(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidFormulaError);
    expect((error as InvalidFormulaError).position).toBe(11_999);
    expect((error as InvalidFormulaError).message).toBe(`formula '${'('.repeat(100)}…(+11,902 characters)': unclosed '(' at position 11999`);
  });

  it('reads a 200,000-character formula in one pass, and cuts a 10 KB one in its error message', () => {
    expect(parseFormula('LiCl'.repeat(50_000)).toString()).toBe('Li50000Cl50000');
    const long = `${'Li'.repeat(5_000)}Xq`;
    const message = (() => {
      try {
        parseFormula(long);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/^formula 'LiLi.*…\(\+9,902 characters\)': unknown element symbol 'Xq' at position 10000$/);
    expect(message.length).toBeLessThan(200);
  });
});
