/**
 * What every projection table shares: the type of a field's Cypher expression, the expression of a stored
 * property, and the fields of a value as printed and parsed (a measurement, a cell's result, a coating's
 * effect: qualifier, value or min/max in the canonical unit, the text as printed).
 */

/** A compiled field: its Cypher expression over the node variable `v`. */
export type Expr = (v: string) => string;

/** A stored property read as it is. */
export const direct =
  (name: string): Expr =>
  (v) =>
    `${v}.${name}`;

/** The fields of a parsed value stored flat on its node. */
export const QUANTITY_FIELDS: Readonly<Record<string, Expr>> = {
  qualifier: direct('qualifier'),
  value: direct('value'),
  min: direct('min'),
  max: direct('max'),
  unit: (v) => `coalesce(${v}.unit, '')`,
  printedValue: direct('printedValue'),
  printedUnit: direct('printedUnit'),
  unitAsMeant: direct('unitAsMeant'),
  uncertainty: direct('uncertainty'),
  approximate: (v) => `coalesce(${v}.approximate, false)`,
};
