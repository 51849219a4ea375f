/**
 * The question → answer pairs of test/fixtures/questions/<review>.yaml and the generic checker that decides
 * whether a GraphQL response answers one: it walks the JSON, takes every object that carries `source` as a
 * fact, and calls the question answered when one fact whose `source.line`/`source.lines` holds the expected
 * line contains every expected value and word in its answer part (the fact without its `source` and without
 * the facts nested in it, which are facts of their own). Matching is case-insensitive; spaces, <sub>/<sup>
 * markup and Unicode sub- and superscripts do not matter (formulas), and a value or word must not be part of
 * a longer number or name ('8' is not found in '18', 'Li2S' not in 'Li2SO4'; an all-lowercase word may take
 * an ending: 'carbonate' finds 'carbonates'; qualifiers of values by kind: '≈ 60' finds '~60', 'up to 5' finds '≤5').
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { projectPath } from '../../src/server/paths.js';

export interface Question {
  id: string;
  question: string;
  /** measurement, window, interphase, coating, cell, claim or material (identity of a name). */
  kind: string;
  /** The answer in words, for people. */
  answer: string;
  /** Printed values and words a correct answer contains. */
  expect: { values?: (string | number)[]; words?: (string | number)[] };
  /** The review line that states it. */
  line: number;
  /** The curated record that answers it (traceability only: queries never use it). */
  record: string;
  /** Why the graph cannot hold the answer yet (a proposed record not in the seed): counted as a miss. */
  pending?: string;
  note?: string;
  /** Why the drafted expectation was changed (checked against the seed and the review text). */
  fixed?: string;
  /** The GraphQL query, by names, filters or full-text search (never by record id); fragments of FRAGMENTS. */
  query: string;
  /**
   * A second step where the first only finds what to ask about (a search for a material, then a filter by it):
   * its `variables` are read from the first response's data by dotted paths ('search.edges.0.node.node.id').
   */
  then?: { query: string; variables: Record<string, string> };
  review: string;
}

export const QUESTIONS_DIR = projectPath('test', 'fixtures', 'questions');

/** Every question of every review file, with its review key (the file name). */
export function loadQuestions(dir = QUESTIONS_DIR): Question[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const review = f.replace(/\.yaml$/, '');
      const list = parseYaml(readFileSync(`${dir}/${f}`, 'utf8')) as Omit<Question, 'review'>[];
      return list.map((q) => ({ ...q, review }));
    });
}

const SOURCE = 'source { line lines quote review { key } }';
const NAMED = 'name formula';

/** Fragments a question's query may spread; only those it uses (and theirs) are sent with it. */
export const FRAGMENTS: Record<string, string> = {
  Mat: `fragment Mat on Material { id ${NAMED} reducedFormula family families chemicalClass description aliases { alias review } variants { labels polymorph form } }`,
  Var: 'fragment Var on MaterialVariant { labels polymorph form dopants { element site amount } }',
  M: `fragment M on Measurement { id ${SOURCE} material { ${NAMED} } variant { ...Var } family property propertyText printedValue printedUnit unitAsMeant contribution temperatureText method sampleForm basis atmosphere conditionsOther computed }`,
  W: `fragment W on ReportedStabilityWindow { id ${SOURCE} material { ${NAMED} } variant { ...Var } family scale windowMethod: method methodText reductionLimit { text quantity { printedValue } } oxidationLimit { text quantity { printedValue } } }`,
  I: `fragment I on InterphaseObservation { id ${SOURCE} interface { electrolyte { ${NAMED} } electrolyteFamily counterpart { ${NAMED} } counterpartKind } electrolyteVariant { ...Var } counterpartText potential { printedValue printedUnit } conditions products { ${NAMED} } productsText stabilityClass interphaseType characterText thickness { printedValue printedUnit } evidence { technique text } computed }`,
  C: `fragment C on CoatingApplication { id ${SOURCE} coating { ${NAMED} } coatingVariant { ...Var } role substrate { ${NAMED} } substrateText electrolyte { ${NAMED} } electrolyteVariant { ...Var } coatingMethod: method methodText thickness { printedValue printedUnit } loading effects { property propertyText text before { printedValue printedUnit } after { printedValue printedUnit } value { printedValue printedUnit } } effectText }`,
  B: `fragment B on Cell { id ${SOURCE} cellType components { role text material { ${NAMED} } variant { ...Var } } cellConditions: conditions { temperatureText currentDensity cRate stackPressure arealLoading voltageRange other } results { property propertyText printedValue printedUnit atCycle text } resultText }`,
  S: `fragment S on Claim { id ${SOURCE} kind statement materials { ${NAMED} } families chemicalClasses properties interfaces { electrolyte { ${NAMED} } counterpart { ${NAMED} } } quantities { property propertyText text value { printedValue printedUnit } } }`,
  Any: 'fragment Any on SearchNode { ... on Measurement { ...M } ... on ReportedStabilityWindow { ...W } ... on InterphaseObservation { ...I } ... on CoatingApplication { ...C } ... on Cell { ...B } ... on Claim { ...S } ... on Material { ...Mat } }',
};

/** The query with the fragments it spreads, directly or through another fragment. */
export function withFragments(query: string): string {
  const used = new Set<string>();
  const visit = (text: string) => {
    for (const m of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
      const name = m[1]!;
      if (FRAGMENTS[name] && !used.has(name)) {
        used.add(name);
        visit(FRAGMENTS[name]);
      }
    }
  };
  visit(query);
  return [query, ...[...used].map((n) => FRAGMENTS[n])].join('\n');
}

const SUB: Record<string, string> = {
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', '₊': '+', '₋': '-',
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '-',
  '−': '-', '–': '-', '—': '-', '‐': '-',
};

/**
 * Lower case, no markup, plain digits, one kind of dash, spaces collapsed, and a qualifier before a number
 * written one way per kind of bound: '~' (≈, around, about), '<' (≤, up to, below, less than), '>' (≥, more
 * than, above, at least), so that an answer does not depend on how a curator spelled the qualifier.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/<\/?(sub|sup)>/gi, '')
    .replace(/[₀-₉₊₋⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻−–—‐]/g, (c) => SUB[c] ?? c)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(≈|~|approximately|approx\.|around|about|ca\.) ?(?=[0-9])/g, '~')
    .replace(/(≤|<=|<|up to|below|less than|under) ?(?=[0-9])/g, '<')
    .replace(/(≥|>=|>|more than|above|over|greater than|at least|upwards of) ?(?=[0-9])/g, '>')
    .trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `haystack` contains `needle` (a printed value or a word) in the sense above: both normalised, spaces
 * optional anywhere in the needle; the needle must not continue a number or a name on either side.
 */
export function contains(haystack: string, needle: string | number, kind: 'value' | 'word'): boolean {
  const raw = String(needle);
  const n = normalise(raw).replace(/ /g, '');
  if (!n) return true;
  const alnum = '[a-z0-9]';
  const before = kind === 'value' ? '(?<![0-9.])' : /^[a-z0-9]/.test(n) ? `(?<!${alnum})` : '';
  // a lowercase word (not a formula or acronym) may take an ending: 'carbonate' finds 'carbonates'
  const stem = kind === 'word' && /^[a-z][a-z -]*$/.test(raw.trim());
  const after = kind === 'value' ? '(?![0-9]|\\.[0-9])' : stem || !/[a-z0-9]$/.test(n) ? '' : `(?!${alnum})`;
  const body = [...n].map(escape).join(' ?');
  return new RegExp(`${before}${body}${after}`).test(normalise(haystack));
}

/** The value at a dotted path of a response's data (array indices as numbers), undefined when absent. */
export function at(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

export interface Fact {
  source: { line?: number | null; lines?: number[] | null };
  [key: string]: unknown;
}

/** Every object of a response that carries `source` (a fact), nested facts included. */
export function factsOf(json: unknown): Fact[] {
  const found: Fact[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.source && typeof o.source === 'object') found.push(o as Fact);
      Object.values(o).forEach(walk);
    }
  };
  walk(json);
  return found;
}

/**
 * A fact's answer part: the values (not the keys) of the fact without `source` and without the facts nested
 * in it, joined by ' | '.
 */
export function answerPart(fact: Fact): string {
  const values: string[] = [];
  const walk = (v: unknown, top: boolean) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, false));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (!top && o.source && typeof o.source === 'object') return;
      for (const [k, x] of Object.entries(o)) if (!(top && k === 'source')) walk(x, false);
    } else if (v !== null && v !== undefined) values.push(String(v));
  };
  walk(fact, true);
  return values.join(' | ');
}

const linesOf = (f: Fact) => new Set([...(f.source.lines ?? []), ...(f.source.line != null ? [f.source.line] : [])]);

export interface Verdict {
  answered: boolean;
  why: string;
}

/** Whether `data` answers `q` (see the file's comment); `why` says what was missing when not. */
export function checkAnswer(q: Pick<Question, 'expect' | 'line' | 'pending'>, data: unknown): Verdict {
  const values = (q.expect.values ?? []).map(String);
  const words = (q.expect.words ?? []).map(String);
  const facts = factsOf(data);
  const atLine = facts.filter((f) => linesOf(f).has(q.line));
  const missing = (f: Fact) => {
    const text = answerPart(f);
    return [...values.filter((v) => !contains(text, v, 'value')), ...words.filter((w) => !contains(text, w, 'word'))];
  };
  const hit = atLine.find((f) => missing(f).length === 0);
  if (q.pending) return { answered: false, why: `pending: ${q.pending}${hit ? ' (yet a fact answers it)' : ''}` };
  if (hit) return { answered: true, why: '' };
  if (facts.length === 0) return { answered: false, why: 'no fact in the response' };
  if (atLine.length === 0) {
    const complete = facts.filter((f) => missing(f).length === 0);
    const other = complete.length ? `; ${complete.length} fact(s) elsewhere hold the answer (lines ${[...new Set(complete.flatMap((f) => [...linesOf(f)]))].slice(0, 5).join(', ')})` : '';
    return { answered: false, why: `none of ${facts.length} fact(s) cites line ${q.line}${other}` };
  }
  const best = atLine.map(missing).sort((a, b) => a.length - b.length)[0]!;
  return { answered: false, why: `the fact(s) at line ${q.line} lack ${best.map((x) => JSON.stringify(x)).join(', ')}` };
}
