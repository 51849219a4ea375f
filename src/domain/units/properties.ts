/**
 * The measured properties the graph holds, each with its one canonical unit. Values are stored in the
 * canonical unit beside the text as printed; `toCanonical` is the only way a printed unit is turned into it.
 */
import { InvalidValueError } from '../errors.js';
import { convert } from './units.js';

export const PROPERTIES = {
  IONIC_CONDUCTIVITY: { canonicalUnit: 'S/cm', label: 'ionic conductivity', logScale: true },
} as const;

export type PropertyKind = keyof typeof PROPERTIES;

export function canonicalUnit(property: PropertyKind): string {
  return PROPERTIES[property].canonicalUnit;
}

/**
 * Converts a value printed in `unit` to the canonical unit of `property`.
 * @throws InvalidValueError when the unit is unreadable or not a unit of that property.
 */
export function toCanonical(property: PropertyKind, value: number, unit: string): number {
  const target = canonicalUnit(property);
  try {
    return convert(value, unit, target);
  } catch (e) {
    if (e instanceof InvalidValueError) {
      throw new InvalidValueError(unit, `not a unit of ${PROPERTIES[property].label} (${target}): ${e.problem}`);
    }
    throw e;
  }
}
