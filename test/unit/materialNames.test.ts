import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/domain/materialNames.js';
import { InvalidArgumentError } from '../../src/services/errors.js';
import { luceneQuery } from '../../src/services/search.service.js';

describe('nameKey: one key for every way a name is written', () => {
  it.each([
    // seed/materials/common.yaml: registry ids and curated names
    ['LiPON', 'lipon'],
    ['Lipon', 'lipon'],
    ['LIPON', 'lipon'],
    ['LLZO', 'llzo'],
    ['llzo', 'llzo'],
    // Greek letters spelled out, as authors write them in plain text (common.yaml: id beta-alumina)
    ['β-Li3PS4', 'beta-li3ps4'],
    ['beta-Li3PS4', 'beta-li3ps4'],
    ['Β-Li₃PS₄', 'beta-li3ps4'],
    ['Na-β-alumina', 'na-beta-alumina'],
    ['beta-alumina', 'beta-alumina'],
    // spaces, hyphens, dashes and minus signs are one separator (common.yaml: id Li2S-P2S5-glass)
    ['Li2S-P2S5 glass', 'li2s-p2s5-glass'],
    ['Li2S–P2S5  glass', 'li2s-p2s5-glass'],
    ['Li2S-P2S5-glass', 'li2s-p2s5-glass'],
    ['  Li metal ', 'li-metal'],
    // NFKC: subscripts and full-width letters
    ['Li₆PS₅Cl', 'li6ps5cl'],
    ['ＬＬＺＯ', 'llzo'],
    ['', ''],
    [' - ', ''],
  ])('%j → %j', (text, key) => {
    expect(nameKey(text)).toBe(key);
  });
});

describe('luceneQuery: the user text is searched literally, never read as Lucene syntax', () => {
  it.each([
    ['LLZTO', '"LLZTO"'],
    ['Li2S-P2S5 glass', '"Li2S-P2S5" AND "glass"'],
    ['Li₆PS₅Cl', '"Li6PS5Cl"'],
    // quotes and backslashes are escaped inside the phrase; operators and wildcards are plain words
    ['"Li6PS5Cl', '"\\"Li6PS5Cl"'],
    ['a\\b', '"a\\\\b"'],
    ['LLZO OR title:x*', '"LLZO" AND "OR" AND "title:x*"'],
    ['(LLZO~2) NOT', '"(LLZO~2)" AND "NOT"'],
    // words without a letter or digit carry no token and are left out
    ['LLZO * ~ ( ) " -', '"LLZO"'],
  ])('%j → %j', (text, query) => {
    expect(luceneQuery(text)).toBe(query);
  });

  it.each([
    ['', /is empty/],
    ['   ', /is empty/],
    ['* ~ " ( )', /no letter or digit/],
    ['x'.repeat(201), /201 characters; at most 200/],
    [Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '), /13 words; at most 12/],
  ])('%j is refused', (text, message) => {
    let error: unknown;
    try {
      luceneQuery(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('text');
    expect((error as Error).message).toMatch(message);
  });
});
