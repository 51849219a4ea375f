/**
 * A printed value with its printed unit, read into the canonical unit of a property, keeping the
 * qualifier: '<5' Ω cm² stays an upper bound of 5 Ω cm²; '260' °C becomes 533.15 K.
 */
import { canonicalUnit, toCanonical, type PropertyKind } from '../units/properties.js';
import { roundToScale } from '../units/units.js';
import { parsePrintedValue, type Qualifier } from './printedValue.js';

export interface CanonicalQuantity {
  property: PropertyKind;
  qualifier: Qualifier;
  /** In `unit`; null for bounds and ranges. */
  value: number | null;
  min: number | null;
  max: number | null;
  /** The canonical unit (for OTHER: the printed unit). */
  unit: string;
  printedValue: string;
  printedUnit: string | null;
  /** The unit the printed one was read as, when it was a misprint. */
  unitAsMeant: string | null;
  /** ± uncertainty of `value`, in `unit`. */
  uncertainty: number | null;
  /** True for an approximate range ('≈ 10⁻³–1'). */
  approximate: boolean;
}

/**
 * @throws InvalidValueError when the value is not a number, bound or range, or the unit does not fit
 *   the property.
 */
export function readQuantity(property: PropertyKind, printedValue: string, printedUnit?: string | null, unitAsMeant?: string | null): CanonicalQuantity {
  const parsed = parsePrintedValue(printedValue);
  const unit = (unitAsMeant ?? printedUnit ?? '').trim();
  const conv = (x: number | null) => (x === null ? null : toCanonical(property, x, unit));
  // an uncertainty is a difference: convert it as one (±5 °C is ±5 K, not ±278 K)
  // (a difference of two converted numbers, rounded at their scale: '7.1 ± 0.3' gives 0.3, not 0.3000000000000007)
  const uncertainty = parsed.uncertainty === null || parsed.value === null ? null : uncertaintyIn(property, parsed.value, parsed.uncertainty, unit);
  return {
    property,
    qualifier: parsed.qualifier,
    value: conv(parsed.value),
    min: conv(parsed.min),
    max: conv(parsed.max),
    unit: property === 'OTHER' ? unit : canonicalUnit(property),
    printedValue: printedValue.trim(),
    printedUnit: printedUnit?.trim() || null,
    unitAsMeant: unitAsMeant?.trim() || null,
    uncertainty,
    approximate: parsed.approximate,
  };
}

function uncertaintyIn(property: PropertyKind, value: number, uncertainty: number, unit: string): number {
  const a = toCanonical(property, value + uncertainty, unit);
  const b = toCanonical(property, value, unit);
  return Math.abs(roundToScale(a - b, Math.max(Math.abs(a), Math.abs(b))));
}

/**
 * A quantity printed as the magnitude of a negative number, stored with its sign: a review that writes a
 * favourable reaction energy as '20 meV per atom' (Famprikis 2019) means −0.020 eV/atom in the convention of
 * REACTION_ENERGY (units/properties.ts). The printed value and unit are kept; a range's ends swap.
 */
export function negatedMagnitude(q: CanonicalQuantity): CanonicalQuantity {
  const neg = (x: number | null) => (x === null ? null : x === 0 ? 0 : -Math.abs(x));
  return { ...q, value: neg(q.value), min: neg(q.max), max: neg(q.min), ...(q.qualifier === 'LESS_THAN' ? { qualifier: 'GREATER_THAN' } : q.qualifier === 'GREATER_THAN' ? { qualifier: 'LESS_THAN' } : {}) };
}
