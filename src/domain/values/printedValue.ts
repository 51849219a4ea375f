/**
 * Numbers as printed in sources, with their qualifier, kept apart from the number itself so that a bound
 * is never read as an equality.
 *
 * Accepted: `1.58489e-06`, `6.7E-8`, `1.2 × 10⁻³`, `1.2x10^-3`, `10⁻⁴`, `<1E-10`, `< 5`, `≤5`, `>100`,
 * `~60`, `≈ 60`, `∼60`, `1–2`, `1 - 2 × 10^-3`, `10⁻⁴–6×10⁻³`, `1 to 2`, `≈ 10⁻³–1` (approximate range),
 * `10⁻⁸–10⁻¹²` (high-to-low, read low-to-high), `7.1 ± 0.3`, `up to 24`, `as high as 99.4`; minus signs `-` or `−`.
 *
 * Shape of the result:
 * - EQUAL / APPROXIMATE: `value` set, `min` = `max` = null;
 * - REPORTED_MAXIMUM ('up to 24', 'as high as 99.4'): the best value the source reports was reached, so
 *   `value` is that number (orderings and statistics use it), `min` = `max` = null; not a censored bound;
 * - LESS_THAN (`<`, `≤`): `max` is the bound, `value` = `min` = null (a censored value);
 * - GREATER_THAN (`>`, `≥`): `min` is the bound, `value` = `max` = null;
 * - RANGE: `min` and `max` set, `value` = null (`approximate` for '≈ a–b');
 * - a ± uncertainty is kept in `uncertainty` beside `value`.
 */
import { InvalidValueError } from '../errors.js';
import { roundSignificant } from '../units/units.js';

export type Qualifier = 'EQUAL' | 'APPROXIMATE' | 'REPORTED_MAXIMUM' | 'LESS_THAN' | 'GREATER_THAN' | 'RANGE';

/** The symbol a qualifier is printed with. */
export const QUALIFIER_SYMBOL: Record<Qualifier, string> = {
  EQUAL: '=',
  APPROXIMATE: '~',
  REPORTED_MAXIMUM: 'up to',
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
  /** The ± uncertainty of `value`, where printed ('7.1 ± 0.3'). */
  readonly uncertainty: number | null;
  /** True for an approximate range ('≈ 10⁻³–1'). */
  readonly approximate: boolean;
}

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+',
};

/** One printed number: '1.2', '1.2e-3', '1.2 × 10^-3', '10^-4'. Groups: mantissa, ×10 exponent, bare power. */
const QUANTITY = String.raw`(?:([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(?:\s*[x×*]\s*10\s*\^?\s*([-+]?\d+))?|10\^([-+]?\d+))`;
const SINGLE = new RegExp(`^${QUANTITY}$`);
const RANGE = new RegExp(`^${QUANTITY}\\s*(?:–|—|-|to)\\s*${QUANTITY}$`);
const PLUS_MINUS = new RegExp(`^${QUANTITY}\\s*(?:±|\\+/-|\\+-)\\s*${QUANTITY}$`);

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
  const q = /^(<=|>=|≤|≥|<|>|~|≈|∼|ca\.|up to(?=\s)|as high as(?=\s))\s*/i.exec(s);
  if (q && /^(up|as)/i.test(q[1]!)) {
    // 'up to 24 mS/cm', 'as high as 99.4 %': a maximum that was reached, read as its value
    s = s.slice(q[0].length);
    const single = SINGLE.exec(s);
    if (!single) throw new InvalidValueError(text, `'${q[1]}' must be followed by one number`);
    const n = quantity(single[1], single[2], single[3]);
    if (!Number.isFinite(n)) throw new InvalidValueError(text, 'is not a finite number');
    return { text, qualifier: 'REPORTED_MAXIMUM', value: n, min: null, max: null, inclusive: false, uncertainty: null, approximate: false };
  }
  if (q) {
    s = s.slice(q[0].length);
    const sym = q[1]!;
    if (sym === '<' || sym === '<=' || sym === '≤') qualifier = 'LESS_THAN';
    else if (sym === '>' || sym === '>=' || sym === '≥') qualifier = 'GREATER_THAN';
    else qualifier = 'APPROXIMATE';
    inclusive = sym === '<=' || sym === '>=' || sym === '≤' || sym === '≥';
  }
  const base = { text, inclusive: false, uncertainty: null, approximate: false };

  const range = RANGE.exec(s);
  if (range && (qualifier === 'EQUAL' || qualifier === 'APPROXIMATE')) {
    // '1–2 × 10^-3': the trailing factor applies to a bare lower end; '10^-4–6 × 10^-3' keeps each its own.
    const hiExp = range[5];
    const loHasOwnExponent = range[2] !== undefined || range[3] !== undefined || /e/i.test(range[1] ?? '');
    const lo = quantity(range[1], loHasOwnExponent ? range[2] : (range[2] ?? hiExp), range[3]);
    const hi = quantity(range[4], hiExp, range[6]);
    // ranges printed high-to-low ('10^-8–10^-12') are read low-to-high; the printed text is kept
    return { ...base, qualifier: 'RANGE', value: null, min: Math.min(lo, hi), max: Math.max(lo, hi), inclusive: true, approximate: qualifier === 'APPROXIMATE' };
  }

  const pm = PLUS_MINUS.exec(s);
  if (pm && (qualifier === 'EQUAL' || qualifier === 'APPROXIMATE')) {
    const value = quantity(pm[1], pm[2], pm[3]);
    const uncertainty = Math.abs(quantity(pm[4], pm[5], pm[6]));
    return { ...base, qualifier, value, min: null, max: null, uncertainty };
  }

  const single = SINGLE.exec(s);
  if (!single) throw new InvalidValueError(text, 'is not a number, a bound (<, >), a range or a value ± uncertainty');
  const n = quantity(single[1], single[2], single[3]);
  if (!Number.isFinite(n)) throw new InvalidValueError(text, 'is not a finite number');
  switch (qualifier) {
    case 'LESS_THAN':
      return { ...base, qualifier, value: null, min: null, max: n, inclusive };
    case 'GREATER_THAN':
      return { ...base, qualifier, value: null, min: n, max: null, inclusive };
    default:
      return { ...base, qualifier, value: n, min: null, max: null };
  }
}

/**
 * A number from its regex groups (mantissa and '× 10^n' exponent, or a bare power '10^n'), built as
 * decimal text ('1.2e-3') so that no binary rounding creeps in (10 ** -4 * 1 is 0.00009999999999999999).
 */
function quantity(mantissa: string | undefined, exponent: string | undefined, power: string | undefined): number {
  if (power !== undefined) return Number(`1e${power}`);
  if (exponent === undefined) return Number(mantissa);
  const [m, e = '0'] = mantissa!.toLowerCase().split('e');
  return Number(`${m}e${Number(e) + Number(exponent)}`);
}

/** Multiplies every number of a parsed value by `factor` (a unit conversion), keeping the qualifier. */
export function scaleParsedValue(v: ParsedValue, factor: number): ParsedValue {
  // rounded like a unit conversion: 0.3 × 1e-3 is 0.0003, not 0.00030000000000000003
  const f = (x: number | null) => (x === null ? null : roundSignificant(x * factor));
  return { ...v, value: f(v.value), min: f(v.min), max: f(v.max), uncertainty: f(v.uncertainty) === null ? null : Math.abs(f(v.uncertainty)!) };
}
