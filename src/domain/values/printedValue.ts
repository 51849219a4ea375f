/**
 * Numbers as printed in sources, with their qualifier, kept apart from the number itself so that a bound
 * is never read as an equality.
 *
 * Accepted: `1.58489e-06`, `6.7E-8`, `1.2 × 10⁻³`, `1.2x10^-3`, `10⁻⁴`, `<1E-10`, `< 5`, `≤5`, `>100`,
 * `~60`, `≈ 60`, `∼60`, `1–2`, `1 - 2 × 10^-3`, `1 to 2`; minus signs `-` or `−`.
 *
 * Shape of the result:
 * - EQUAL / APPROXIMATE: `value` set, `min` = `max` = null;
 * - LESS_THAN (`<`, `≤`): `max` is the bound, `value` = `min` = null (a censored value);
 * - GREATER_THAN (`>`, `≥`): `min` is the bound, `value` = `max` = null;
 * - RANGE: `min` and `max` set, `value` = null.
 */
import { InvalidValueError } from '../errors.js';

export type Qualifier = 'EQUAL' | 'APPROXIMATE' | 'LESS_THAN' | 'GREATER_THAN' | 'RANGE';

/** The symbol a qualifier is printed with. */
export const QUALIFIER_SYMBOL: Record<Qualifier, string> = {
  EQUAL: '=',
  APPROXIMATE: '~',
  LESS_THAN: '<',
  GREATER_THAN: '>',
  RANGE: '–',
};

export interface ParsedValue {
  readonly text: string;
  readonly qualifier: Qualifier;
  readonly value: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** True for ≤ / ≥ (inclusive bound). */
  readonly inclusive: boolean;
}

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+',
};

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const TIMES_TEN = String.raw`\s*[x×*]\s*10\s*\^?\s*([-+]?\d+)`;

/**
 * Reads a printed number with its qualifier.
 * @throws InvalidValueError when the text is empty or is not a number, bound or range.
 */
export function parsePrintedValue(text: string): ParsedValue {
  let s = text.normalize('NFC').trim();
  if (s.length === 0) throw new InvalidValueError(text, 'is empty');
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (m) => '^' + [...m].map((c) => SUPERSCRIPTS[c]).join(''));
  s = s.replace(/−/g, '-');
  // Thousands separators only in strict groups ('1,000', '12,500.5'); any other comma (a decimal comma,
  // '0,001') is ambiguous and rejected rather than misread a thousandfold.
  s = s.replace(/\b[1-9]\d{0,2}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, ''));
  if (s.includes(',')) throw new InvalidValueError(text, "has a comma that is not a thousands separator (write '0.001', not '0,001')");

  let qualifier: Qualifier = 'EQUAL';
  let inclusive = false;
  const q = /^(<=|>=|≤|≥|<|>|~|≈|∼|ca\.)\s*/.exec(s);
  if (q) {
    s = s.slice(q[0].length);
    const sym = q[1]!;
    if (sym === '<' || sym === '<=' || sym === '≤') qualifier = 'LESS_THAN';
    else if (sym === '>' || sym === '>=' || sym === '≥') qualifier = 'GREATER_THAN';
    else qualifier = 'APPROXIMATE';
    inclusive = sym === '<=' || sym === '>=' || sym === '≤' || sym === '≥';
  }

  const range = new RegExp(String.raw`^(${NUMBER}|10\^[-+]?\d+)\s*(?:–|—|-|to)\s*(${NUMBER}|10\^[-+]?\d+)(?:${TIMES_TEN})?$`).exec(s);
  if (range && qualifier === 'EQUAL') {
    const lo = readNumber(range[1]!, range[3]);
    const hi = readNumber(range[2]!, range[3]);
    if (!(lo <= hi)) throw new InvalidValueError(text, `range lower end ${lo} exceeds upper end ${hi}`);
    return { text, qualifier: 'RANGE', value: null, min: lo, max: hi, inclusive: true };
  }

  const single = new RegExp(String.raw`^(${NUMBER}|10\^[-+]?\d+)(?:${TIMES_TEN})?$`).exec(s);
  if (!single) throw new InvalidValueError(text, 'is not a number, a bound (<, >) or a range');
  const n = readNumber(single[1]!, single[2]);
  if (!Number.isFinite(n)) throw new InvalidValueError(text, 'is not a finite number');
  switch (qualifier) {
    case 'LESS_THAN':
      return { text, qualifier, value: null, min: null, max: n, inclusive };
    case 'GREATER_THAN':
      return { text, qualifier, value: null, min: n, max: null, inclusive };
    default:
      return { text, qualifier, value: n, min: null, max: null, inclusive: false };
  }
}

/**
 * A number token, times 10^exponent when a '× 10^n' factor followed it. Built as decimal text
 * ('1.2e-3', '1e-4') so that no binary rounding creeps in (10 ** -4 * 1 is 0.00009999999999999999).
 */
function readNumber(token: string, exponent?: string): number {
  const pow = /^10\^([-+]?\d+)$/.exec(token);
  const mantissaText = pow ? `1e${pow[1]}` : token;
  if (exponent === undefined) return Number(mantissaText);
  const [m, e = '0'] = mantissaText.toLowerCase().split('e');
  return Number(`${m}e${Number(e) + Number(exponent)}`);
}

/** Multiplies every number of a parsed value by `factor` (a unit conversion), keeping the qualifier. */
export function scaleParsedValue(v: ParsedValue, factor: number): ParsedValue {
  const f = (x: number | null) => (x === null ? null : x * factor);
  return { ...v, value: f(v.value), min: f(v.min), max: f(v.max) };
}
