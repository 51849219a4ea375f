/**
 * A value as printed and in the canonical unit of its property (the `Quantity` type), declared once: a
 * measurement and a cell's result carry these fields themselves (stored unprefixed on their node), other
 * facts hold them as a `Quantity` stored flat under a prefix (`potentialValue`, `thicknessUnit`...).
 */
import type { Qualifier } from '../values/printedValue.js';
import { QUALIFIER_SYMBOL } from '../values/printedValue.js';
import { flag, float, nodeKind, oneOf, text } from './property.js';

/** The fields of a value as printed and parsed; their order is `QUANTITY_PARTS`. */
export const QUANTITY_PROPERTIES = {
  qualifier: oneOf<Qualifier>('Qualifier', QUALIFIER_SYMBOL, 'How to read value/min/max.'),
  value: float("The value in `unit` (for REPORTED_MAXIMUM the 'up to' value); null for bounds and ranges.").optional(),
  min: float('Lower bound or lower end of a range, in `unit`.').optional(),
  max: float('Upper bound (censored values such as <1E-10) or upper end of a range, in `unit`.').optional(),
  unit: text("Canonical unit of value/min/max (e.g. 'S/cm', 'eV', 'Ω cm2', 'mA/cm2', 'V', 'K'); '' when dimensionless.").orElse(''),
  printedValue: text("The value exactly as printed, e.g. '~60', '<1E-10' or '1.58489e-06'."),
  printedUnit: text("The unit exactly as printed, e.g. 'S cm-1'.").optional(),
  unitAsMeant: text("The unit the printed one was read as, when it was a misprint (e.g. 'Ω cm²' for a printed 'Ω/cm²').").optional(),
  uncertainty: float("± uncertainty of `value` in `unit`, where printed ('7.1 ± 0.3').").optional(),
  approximate: flag("True for an approximate range ('≈ 10⁻³–1').").orElse(false),
};

/**
 * The parts of a value stored flat under a prefix (`potentialValue`, `potentialUnit`...: `.flatUnder`), in
 * their order: the fields of `QUANTITY_PROPERTIES`, so that a part cannot be stored that the type lacks.
 */
export const QUANTITY_PARTS = Object.keys(QUANTITY_PROPERTIES) as readonly QuantityPart[];
export type QuantityPart = keyof typeof QUANTITY_PROPERTIES;

export const QUANTITY = nodeKind(
  'Quantity',
  'A value as printed and in the canonical unit of its property. Read `qualifier` first: bounds and ranges have ' +
    '`value` null and `min`/`max` set.',
  QUANTITY_PROPERTIES,
);
