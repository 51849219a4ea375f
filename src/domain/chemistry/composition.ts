/**
 * A composition: element symbol → amount (atoms per formula unit, may be fractional), in the order the
 * elements were written. Immutable. Identity across notations is `key` (see below).
 */
import { DomainError } from '../errors.js';
import { getElement } from './elements.js';

/** Amounts are compared and keyed at this resolution (atoms per formula unit). */
export const AMOUNT_RESOLUTION = 1e-6;
const SCALE = Math.round(1 / AMOUNT_RESOLUTION);
/** Largest multiplier tried to turn rational amounts (1/3, 2/3, 1/6) into whole numbers. */
const MAX_SMALL_MULTIPLIER = 1000;

export interface ElementAmount {
  readonly element: string;
  readonly amount: number;
}

export class Composition {
  private readonly amounts: ReadonlyMap<string, number>;
  /** Derived values, computed on first use (the composition is immutable; phase spaces ask for them often). */
  private sortedElements?: string[];
  private proportions?: ElementAmount[];
  private keyText?: string;
  private formulaText?: string;

  constructor(amounts: ReadonlyMap<string, number> | Iterable<readonly [string, number]>) {
    const map = new Map<string, number>();
    for (const [el, amt] of amounts) {
      if (!getElement(el)) throw new DomainError(`unknown element symbol '${el}'`);
      if (!(amt > 0) || !Number.isFinite(amt)) throw new DomainError(`amount of ${el} must be a positive number, got ${amt}`);
      map.set(el, roundAmount((map.get(el) ?? 0) + amt));
    }
    if (map.size === 0) throw new DomainError('a composition needs at least one element');
    this.amounts = map;
  }

  /** Element amounts in the order of first appearance. */
  entries(): ElementAmount[] {
    return [...this.amounts].map(([element, amount]) => ({ element, amount }));
  }

  amountOf(element: string): number {
    return this.amounts.get(element) ?? 0;
  }

  /** Distinct elements, sorted alphabetically. */
  get elements(): string[] {
    this.sortedElements ??= [...this.amounts.keys()].sort();
    return this.sortedElements.slice();
  }

  get elementCount(): number {
    return this.amounts.size;
  }

  /** Atoms per formula unit as written. */
  get totalAtoms(): number {
    let n = 0;
    for (const a of this.amounts.values()) n += a;
    return n;
  }

  /** Elements sorted alphabetically and joined by '-', as pymatgen's `chemical_system`: "Ge-Li-P-S". */
  get chemicalSystem(): string {
    return this.elements.join('-');
  }

  /** True when every amount is a whole number (at AMOUNT_RESOLUTION). */
  get isIntegral(): boolean {
    return [...this.amounts.values()].every((a) => Math.abs(a - Math.round(a)) < AMOUNT_RESOLUTION);
  }

  /**
   * The smallest whole-number composition proportional to this one, elements alphabetical:
   * Li10GeP2S12 → {Ge:1, Li:10, P:2, S:12}; Li6.4La3Zr1.4Ta0.6O12 → {La:15, Li:32, O:60, Ta:3, Zr:7};
   * LiNi1/3Mn1/3Co1/3O2 → {Co:1, Li:3, Mn:1, Ni:1, O:6}. Amounts are first rounded to AMOUNT_RESOLUTION;
   * the smallest multiplier up to 1000 that makes them whole (within that resolution) is used, else 10^6.
   */
  integerProportions(): ElementAmount[] {
    this.proportions ??= this.computeIntegerProportions();
    return this.proportions.slice();
  }

  private computeIntegerProportions(): ElementAmount[] {
    const elements = this.elements;
    const amounts = elements.map((e) => this.amountOf(e));
    // Rational amounts such as 1/3 (stored as 0.333333) need a small multiplier; decimals are exact at 1e6.
    let factor = SCALE;
    for (let k = 1; k <= MAX_SMALL_MULTIPLIER; k++) {
      if (amounts.every((a) => Math.abs(a * k - Math.round(a * k)) <= AMOUNT_RESOLUTION * k)) {
        factor = k;
        break;
      }
    }
    const scaled = amounts.map((a) => Math.round(a * factor));
    const g = scaled.reduce((acc, n) => gcd(acc, n), 0);
    return elements.map((element, i) => ({ element, amount: scaled[i]! / g }));
  }

  /**
   * The identity of this composition across notations and multiples: the integer proportions written
   * alphabetically with every count, e.g. "Ge1Li10P2S12" for Li10GeP2S12, Ge1Li10P2S12 or Li20Ge2P4S24.
   * Used as the Material id.
   */
  get key(): string {
    this.keyText ??= this.integerProportions()
      .map(({ element, amount }) => `${element}${amount}`)
      .join('');
    return this.keyText;
  }

  /**
   * The reduced formula, following pymatgen's `Composition.reduced_formula` without its polyanion
   * grouping: elements in order of ascending Pauling electronegativity (ties by symbol); whole-number
   * compositions divided by the greatest common divisor (Li20Ge2P4S24 → Li10GeP2S12); compositions with
   * fractional amounts kept as written (Li6.4La3Zr1.4Ta0.6O12), as pymatgen does. Amounts of 1 are omitted.
   */
  get reducedFormula(): string {
    this.formulaText ??= this.computeReducedFormula();
    return this.formulaText;
  }

  private computeReducedFormula(): string {
    let factor = 1;
    if (this.isIntegral) {
      factor = [...this.amounts.values()].reduce((acc, a) => gcd(acc, Math.round(a)), 0);
    }
    const ordered = [...this.amounts.keys()].sort(byElectronegativity);
    return ordered.map((el) => el + formatAmount(this.amountOf(el) / factor)).join('');
  }

  /** The formula with elements in order of first appearance and amounts as written. */
  toString(): string {
    return [...this.amounts].map(([el, a]) => el + formatAmount(a)).join('');
  }

  /** Same key: the same composition up to a whole or fractional multiple. */
  sameCompositionAs(other: Composition): boolean {
    return this.key === other.key;
  }
}

/** Amount as written in a formula: 1 → "", 2 → "2", 0.25 → "0.25" (at most 6 decimals). */
export function formatAmount(amount: number): string {
  if (Math.abs(amount - 1) < AMOUNT_RESOLUTION) return '';
  return String(roundAmount(amount));
}

function roundAmount(a: number): number {
  return Math.round(a * SCALE) / SCALE;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

function byElectronegativity(a: string, b: string): number {
  const xa = getElement(a)?.electronegativity ?? Number.POSITIVE_INFINITY;
  const xb = getElement(b)?.electronegativity ?? Number.POSITIVE_INFINITY;
  return xa - xb || (a < b ? -1 : a > b ? 1 : 0);
}
