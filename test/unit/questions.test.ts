/**
 * The checker of test/e2e/questions.test.ts against fabricated responses (it must reject a wrong line, a
 * missing word, a number inside a longer number, a formula inside a longer formula, words lent by a nested
 * fact or by a field name), and the question fixtures: enough per review, every fact kind, a quarter claims,
 * queries that parse and never name a record id.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkAnswer, contains, loadQuestions, withFragments } from '../support/questions.js';

const claim = (line: number, statement: string, extra: Record<string, unknown> = {}) => ({
  id: 'x:S1',
  source: { line, lines: [line], quote: 'the printed words', review: { key: 'x' } },
  kind: 'CRITERION',
  statement,
  ...extra,
});
const response = (...nodes: unknown[]) => ({ search: { edges: nodes.map((node) => ({ node: { node } })) } });
const q = (line: number, values: string[], words: string[], pending?: string) => ({ line, expect: { values, words }, pending });

describe('the question checker', () => {
  const data = response(
    claim(584, 'The Monroe–Newman criterion requires a shear modulus above 8 GPa.', { quantities: [{ value: { printedValue: '>8', printedUnit: 'GPa' } }] }),
    claim(600, 'Li<sub>2</sub>SO<sub>4</sub> forms at 18 V.'),
  );

  it('answers when one fact at the expected line holds every value and word', () => {
    expect(checkAnswer(q(584, ['8'], ['Monroe', 'shear modulus']), data)).toEqual({ answered: true, why: '' });
  });

  it('rejects the right answer at a wrong line', () => {
    const v = checkAnswer(q(585, ['8'], ['Monroe']), data);
    expect(v.answered).toBe(false);
    expect(v.why).toMatch(/cites line 585; 1 fact\(s\) elsewhere hold the answer \(lines 584\)/);
  });

  it('rejects a fact that lacks a word or a value, and says which', () => {
    expect(checkAnswer(q(584, ['8'], ['Monroe', 'dendrite']), data)).toEqual({ answered: false, why: 'the fact(s) at line 584 lack "dendrite"' });
    expect(checkAnswer(q(584, ['4'], []), data).answered).toBe(false);
  });

  it('does not find a number inside a longer number, nor a formula inside a longer formula', () => {
    expect(checkAnswer(q(600, ['8'], []), data).answered).toBe(false);
    expect(checkAnswer(q(600, ['18'], ['Li2SO4']), data).answered).toBe(true);
    expect(checkAnswer(q(600, [], ['Li2S']), data).answered).toBe(false);
    expect(contains('Li3PS4 glass', 'Li3P', 'word')).toBe(false);
    expect(contains('0.8 MPa', '8', 'value')).toBe(false);
    expect(contains('10^-4 S/cm', '10', 'value')).toBe(true);
  });

  it('compares formulas without spaces, <sub> markup or Unicode subscripts, and words case-insensitively', () => {
    expect(contains('Li₁₀GeP₂S₁₂', 'Li10GeP2S12', 'word')).toBe(true);
    expect(contains('Li<sub>6</sub>PS<sub>5</sub>Cl', 'li6ps5cl', 'word')).toBe(true);
    expect(contains('2.8 ± 1.8 J/m^2', '2.8±1.8', 'value')).toBe(true);
    expect(contains('grows in carbonates', 'carbonate', 'word')).toBe(true);
    expect(contains('several EV-like', 'ev', 'word')).toBe(true);
    expect(contains('several levels', 'EV', 'word')).toBe(false);
  });

  it('reads a qualifier by the kind of bound it states, not by its spelling', () => {
    expect(contains('≈ 60 GPa', '~60', 'value')).toBe(true);
    expect(contains('up to 5 mA/cm2', '≤5', 'value')).toBe(true);
    expect(contains('more than 10,000 cycles', '>10,000', 'value')).toBe(true);
    expect(contains('~60 GPa', '>60', 'value')).toBe(false);
    expect(contains('<5 Ω cm2', '~5', 'value')).toBe(false);
  });

  it('reads values, not field names, and a nested fact lends nothing to its parent', () => {
    const nested = response(claim(10, 'A sentence.', { explains: [{ id: 'x:P1', source: { line: 11 }, printedValue: '42', property: 'SHEAR_MODULUS' }] }));
    expect(checkAnswer(q(10, ['42'], []), nested).answered).toBe(false);
    expect(checkAnswer(q(11, ['42'], ['SHEAR_MODULUS']), nested).answered).toBe(true);
    expect(checkAnswer(q(10, [], ['statement']), nested).answered).toBe(false);
    expect(checkAnswer(q(10, [], ['kind']), nested).answered).toBe(false);
    expect(checkAnswer(q(10, [], ['quote']), response(claim(10, 'x'))).answered).toBe(false);
  });

  it('counts a pending question as a miss even when a fact answers it, and an empty response as a miss', () => {
    expect(checkAnswer(q(584, ['8'], [], 'missing record M2'), data)).toEqual({ answered: false, why: 'pending: missing record M2 (yet a fact answers it)' });
    expect(checkAnswer(q(584, [], []), { search: { edges: [] } })).toEqual({ answered: false, why: 'no fact in the response' });
  });
});

describe('the question fixtures', () => {
  const questions = loadQuestions();

  it('hold at least 20 questions per review and 120 in all, every fact kind, at least a quarter claims', () => {
    const reviews = ['banerjee2020', 'famprikis2019', 'feng2022', 'lewis2019', 'pasta2020'];
    expect([...new Set(questions.map((x) => x.review))].sort()).toEqual(reviews);
    for (const r of reviews) expect(questions.filter((x) => x.review === r).length, r).toBeGreaterThanOrEqual(20);
    expect(questions.length).toBeGreaterThanOrEqual(120);
    for (const kind of ['measurement', 'window', 'interphase', 'coating', 'cell', 'claim']) {
      expect(questions.filter((x) => x.kind === kind).length, kind).toBeGreaterThan(0);
    }
    expect(questions.filter((x) => x.kind === 'claim').length / questions.length).toBeGreaterThanOrEqual(0.25);
    expect(new Set(questions.map((x) => x.id)).size).toBe(questions.length);
  });

  it('each has a line, something to find, and a query that parses with its fragments and names no record id', () => {
    for (const x of questions) {
      expect(Number.isInteger(x.line) && x.line > 0, x.id).toBe(true);
      expect((x.expect.values ?? []).length + (x.expect.words ?? []).length, x.id).toBeGreaterThan(0);
      for (const query of [x.query, ...(x.then ? [x.then.query] : [])]) {
        expect(() => parse(withFragments(query)), x.id).not.toThrow();
        expect(query, x.id).not.toMatch(/\bid\s*:|[a-z]+20\d\d:[A-Z]+\d+|"[PWICBSM]\d+"/);
      }
    }
  });
});
