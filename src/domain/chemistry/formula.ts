/**
 * Reading chemical formulas as printed in papers, datasets and PDF conversions into compositions.
 *
 * Accepted notations (all give the same composition):
 * - plain: `Li10GeP2S12`, `Ge1Li10P2S12`, `Li6.4La3Zr1.4Ta0.6O12` (fractional amounts), `LiNi1/3Mn1/3Co1/3O2`
 *   (amounts as fractions);
 * - groups with multipliers, nested: `Li1.3Al0.3Ti1.7(PO4)3`, `Li0.6[Li0.2Sn0.8S2]`,
 *   `(Ag0.33Li0.67)0.27La0.57TiO3`, braces `{}` likewise;
 * - adducts / hydrates joined by `·`, `•`, `⋅`, `∙` or `*`, with an optional leading count:
 *   `LiOH·H2O`, `Li2SO4·2H2O`, `Li3(...)*(H2O)18`;
 * - Unicode subscript digits (`Li₁₀GeP₂S₁₂`) and LaTeX-like subscripts (`Li_{10}GeP_2S_{12}`,
 *   `$\text{Li}_7\text{La}_3\text{Zr}_2\text{O}_{12}$`), whitespace anywhere.
 *
 * Not a composition, and rejected with the position: variable stoichiometry (`Li7−xLa3Zr2−xTaxO12`),
 * unknown symbols (`Xx`), unbalanced brackets, empty groups, zero amounts, charges.
 * Every symbol must be an element of `elements.ts`; nothing is expanded as an abbreviation.
 */
import { excerpt, InvalidFormulaError } from '../errors.js';
import { Composition } from './composition.js';
import { isElementSymbol } from './elements.js';

const SUBSCRIPT_DIGITS: Record<string, string> = {
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
};
const ADDUCT_SEPARATORS = new Set(['·', '•', '⋅', '∙', '*']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
const VARIABLE_SYMBOLS = new Set(['x', 'y', 'z', 'δ', 'n']);
/** Sticky: match at `lastIndex` only, so reading never copies the rest of the text. */
const NUMBER = /(\d+(?:\.\d+)?|\.\d+)(?:\/(\d+))?/y;
const NUMBER_TEXT = /[\d.]+/y;

/** A group being read: its elements so far, its brackets and where it opened. */
interface OpenGroup {
  acc: Map<string, number>;
  opener: string;
  closer: string | null;
  at: number;
}

/**
 * Turns the notations of PDF conversions and LaTeX into the plain one: subscript digits become digits,
 * `$`, `\text{..}`/`\mathrm{..}` wrappers and `_{..}` subscripts are unwrapped, `\cdot` becomes `·`,
 * whitespace is dropped. Braces that remain are read as groups.
 */
export function normalizeFormulaNotation(text: string): string {
  let s = text.normalize('NFC');
  s = s.replace(/\\cdot/g, '·');
  s = s.replace(/\\(?:text|mathrm|mathit|textrm)\s*\{([^{}]*)\}/g, '$1');
  s = s.replace(/\\(?:rm|mathrm|text)\s*/g, '');
  s = s.replace(/\$/g, '');
  s = s.replace(/_\{([^{}]*)\}/g, '$1');
  s = s.replace(/_(\d)/g, '$1');
  s = s.replace(/[₀-₉]/g, (d) => SUBSCRIPT_DIGITS[d] ?? d);
  s = s.replace(/\s+/g, '');
  return s;
}

/**
 * Parses a formula (any notation above) into a Composition whose element order is the order of first
 * appearance and whose amounts are atoms per formula unit as written (not reduced).
 *
 * @throws InvalidFormulaError naming the problem and its position: empty text, unknown element symbol,
 *   variable stoichiometry, unbalanced or empty brackets, malformed or zero amounts.
 */
export function parseFormula(text: string): Composition {
  const source = normalizeFormulaNotation(text);
  if (source.length === 0) throw new InvalidFormulaError(text, 'is empty');
  const parser = new FormulaReader(text, source);
  return parser.readFormula();
}

class FormulaReader {
  private pos = 0;

  constructor(
    private readonly original: string,
    private readonly s: string,
  ) {}

  readFormula(): Composition {
    const total = new Map<string, number>();
    let first = true;
    while (this.pos < this.s.length) {
      let multiplier = 1;
      if (!first) {
        const sep = this.s[this.pos]!;
        if (!ADDUCT_SEPARATORS.has(sep)) this.fail(`unexpected '${sep}'`);
        this.pos++;
        multiplier = this.readNumber() ?? 1;
      }
      const start = this.pos;
      const part = this.readSequence();
      if (part.size === 0) this.fail('expected an element or a group', start);
      addScaled(total, part, multiplier);
      first = false;
    }
    return new Composition(total);
  }

  /**
   * Reads items until the end or an adduct separator outside brackets. Iterative: open groups are kept
   * on an explicit stack (innermost last), so nesting depth is bounded by memory, not the call stack.
   */
  private readSequence(): Map<string, number> {
    const stack: OpenGroup[] = [{ acc: new Map(), opener: '', closer: null, at: -1 }];
    while (this.pos < this.s.length) {
      const group = stack[stack.length - 1]!;
      const c = this.s[this.pos]!;
      if (ADDUCT_SEPARATORS.has(c) && group.closer === null) break;
      if (CLOSERS.has(c)) {
        if (c !== group.closer) this.fail(`unexpected '${c}'${group.closer ? ` (expected '${group.closer}')` : ' without a matching opening bracket'}`);
        if (group.acc.size === 0) this.fail('empty group', group.at);
        stack.pop();
        this.pos++; // the closer
        addScaled(stack[stack.length - 1]!.acc, group.acc, this.readAmount());
        continue;
      }
      if (c in OPENERS) {
        stack.push({ acc: new Map(), opener: c, closer: OPENERS[c]!, at: this.pos });
        this.pos++;
        continue;
      }
      this.readItem(c, group.acc);
    }
    const unclosed = stack[stack.length - 1]!;
    if (unclosed.closer !== null) this.fail(`unclosed '${unclosed.opener}'`, unclosed.at);
    return stack[0]!.acc;
  }

  /** Reads an element with its amount into `acc`, or fails on what stands at `c`. */
  private readItem(c: string, acc: Map<string, number>): void {
    if (c >= 'A' && c <= 'Z') {
      const symbol = this.readSymbol();
      const m = this.readAmount();
      acc.set(symbol, (acc.get(symbol) ?? 0) + m);
      return;
    }
    if (VARIABLE_SYMBOLS.has(c) || c === '−' || c === '-' || c === '+') {
      this.fail(`unexpected '${c}': variable stoichiometry or a charge is not a composition`);
    }
    if ((c >= '0' && c <= '9') || c === '.') this.fail(`unexpected number '${this.peekNumberText()}'`);
    this.fail(`unexpected '${c}'`);
  }

  private readSymbol(): string {
    const start = this.pos;
    const upper = this.s[this.pos]!;
    const next = this.s[this.pos + 1];
    if (next !== undefined && next >= 'a' && next <= 'z') {
      const two = upper + next;
      if (isElementSymbol(two)) {
        this.pos += 2;
        return two;
      }
      this.fail(`unknown element symbol '${two}'`, start);
    }
    if (!isElementSymbol(upper)) this.fail(`unknown element symbol '${upper}'`, start);
    this.pos += 1;
    return upper;
  }

  /** An amount after a symbol or group: absent means 1; must be positive. */
  private readAmount(): number {
    const start = this.pos;
    const n = this.readNumber();
    if (n === null) return 1;
    if (n === 0) this.fail('amount must be positive, got 0', start);
    return n;
  }

  /** A decimal ('0.5', '.5') or a fraction ('1/3'); null when none starts here. */
  private readNumber(): number | null {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.s);
    if (!m) {
      if (this.s[this.pos] === '.') this.fail("malformed number: '.' without digits");
      return null;
    }
    const start = this.pos;
    this.pos += m[0].length;
    if (this.s[this.pos] === '.' || this.s[this.pos] === '/') this.fail(`malformed number '${excerpt(m[0] + this.s[this.pos]!)}'`);
    if (m[2] === undefined) return Number(m[1]);
    if (Number(m[2]) === 0) this.fail(`division by zero in '${excerpt(m[0])}'`, start);
    return Number(m[1]) / Number(m[2]);
  }

  private peekNumberText(): string {
    NUMBER_TEXT.lastIndex = this.pos;
    return excerpt(NUMBER_TEXT.exec(this.s)?.[0] ?? '');
  }

  private fail(problem: string, at: number = this.pos): never {
    const where = this.s === this.original ? `at position ${at}` : `at position ${at} of '${excerpt(this.s)}'`;
    throw new InvalidFormulaError(this.original, `${problem} ${where}`, at);
  }
}

function addScaled(into: Map<string, number>, part: ReadonlyMap<string, number>, factor: number): void {
  for (const [el, amt] of part) into.set(el, (into.get(el) ?? 0) + amt * factor);
}
