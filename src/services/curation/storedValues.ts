/**
 * Checked values of a submission as the graph stores them, shared by additions and corrections
 * (facts.service.ts, corrections.ts): a number of a property in its canonical unit, a potential, a coating's
 * effect and a cell's result. Each pushes the errors of its fields (named by their path) and returns null
 * when one is wrong.
 */
import { checkCount, checkQuantity, checkText, fieldError, MAX_LONG_TEXT, type FieldError } from '../../domain/curation/validation.js';
import { CELL_RESULT } from '../../domain/model/cell.kind.js';
import { COATING_EFFECT } from '../../domain/model/coating.kind.js';
import { canonicalUnit, type PropertyKind } from '../../domain/units/properties.js';
import type { Qualifier } from '../../domain/values/printedValue.js';
import { storedProps } from '../../graph/nodeKinds.js';

/** Most products, evidence, effects, components or results one submission names. */
export const MAX_PARTS = 20;

/** An error when a list names more than MAX_PARTS items. */
export function tooMany(field: string, n: number, what: string): FieldError[] {
  return n > MAX_PARTS ? [fieldError(field, 'TOO_LONG', `names ${n} ${what}; at most ${MAX_PARTS} are accepted`)] : [];
}

/** A value as a quantity node property stores it (flattened under its prefix by storedProps). */
export type StoredValue = {
  qualifier: Qualifier;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  printedValue: string;
  printedUnit: string | null;
  unitAsMeant: null;
  uncertainty: number | null;
  approximate: boolean;
};

/** A value of an effect or a result: a number in `unit` (default the property's canonical unit). */
export interface EffectInput {
  property: PropertyKind;
  propertyText?: string | null;
  before?: number | null;
  after?: number | null;
  value?: number | null;
  unit?: string | null;
  text?: string | null;
}

/** A result of a cell test: a value of a property in `unit`, and the cycle it refers to. */
export interface ResultInput {
  property: PropertyKind;
  propertyText?: string | null;
  value: number;
  unit?: string | null;
  atCycle?: number | null;
  text?: string | null;
}


/** A cell test's conditions as given (temperature in `temperatureUnit`, default K; the rest as printed). */
export interface CellConditionsInput {
  temperature?: number | null;
  temperatureUnit?: string | null;
  currentDensity?: string | null;
  cRate?: string | null;
  stackPressure?: string | null;
  arealLoading?: string | null;
  voltageRange?: string | null;
  conditions?: string | null;
}
/**
 * A number of `property` in `unit` as a stored quantity (EQUAL, in the canonical unit, printed as given), or
 * null (absent, or wrong: then its errors are pushed). `required` makes a missing number an error.
 */
export function storedQuantity(
  fields: { value: string; unit: string },
  property: PropertyKind,
  value: number | null | undefined,
  unit: string | null | undefined,
  errors: FieldError[],
  required = false,
): StoredValue | null {
  if (value == null && !required) return null;
  const q = checkQuantity(fields, property, value, unit);
  errors.push(...q.errors);
  if (q.canonical === null) return null;
  return { qualifier: 'EQUAL', value: q.canonical, min: null, max: null, unit: canonicalUnit(property), printedValue: String(value), printedUnit: unit ?? null, unitAsMeant: null, uncertainty: null, approximate: false };
}

/** A potential as a window or an observation stores it: V vs Li/Li+, printed as given. */
export function storedPotential(volts: number): StoredValue {
  return { qualifier: 'EQUAL', value: volts, min: null, max: null, unit: 'V', printedValue: String(volts), printedUnit: 'V', unitAsMeant: null, uncertainty: null, approximate: false };
}

/** A coating's effect as its CoatingEffect node stores it, or null with the errors of its fields. */
export function storedEffect(e: EffectInput, field: string, errors: FieldError[]): Record<string, unknown> | null {
  const before = errors.length;
  errors.push(...checkText(`${field}.text`, e.text, { max: MAX_LONG_TEXT }), ...checkText(`${field}.propertyText`, e.propertyText));
  if (e.before == null && e.after == null && e.value == null && !e.text?.trim()) {
    errors.push(fieldError(`${field}.value`, 'REQUIRED', 'give a value, values before and after, or the effect in words'));
  }
  const q = (name: 'before' | 'after' | 'value') => storedQuantity({ value: `${field}.${name}`, unit: `${field}.unit` }, e.property, e[name], e.unit, errors);
  const values = { before: q('before'), after: q('after'), value: q('value') };
  // a wrong unit is reported once, not once per value
  const seen = new Set<string>();
  errors.push(...errors.splice(before).filter((x) => !seen.has(`${x.field} ${x.code}`) && !!seen.add(`${x.field} ${x.code}`)));
  if (errors.length > before) return null;
  return storedProps(COATING_EFFECT, { property: e.property, propertyText: e.propertyText ?? null, ...values, text: e.text ?? null });
}

/** A cell's result as its CellResult node stores it, or null with the errors of its fields. */
export function storedResult(r: ResultInput, field: string, errors: FieldError[]): Record<string, unknown> | null {
  errors.push(...checkCount(`${field}.atCycle`, r.atCycle, 'a cycle'), ...checkText(`${field}.text`, r.text, { max: MAX_LONG_TEXT }), ...checkText(`${field}.propertyText`, r.propertyText));
  const q = storedQuantity({ value: `${field}.value`, unit: `${field}.unit` }, r.property, r.value, r.unit, errors, true);
  return q && storedProps(CELL_RESULT, { ...q, property: r.property, propertyText: r.propertyText ?? null, atCycle: r.atCycle ?? null, text: r.text ?? null });
}
