/**
 * Checks of what a contributor submits, before anything is written: each returns the problems it finds as
 * per-field errors (`{ field, problem, code }`, the field named by its path in the input, e.g.
 * 'input.value'), never throws for bad input. A submission is written only when all of its checks return [].
 *
 * Plausibility bounds (physical, not editorial): a conductivity is > 0 and at most 10³ S/cm (the best solid
 * electrolytes reach ~10⁻² S/cm; liquid and molten salts stay below 10 S/cm); a temperature is > 0 K and below
 * 10,000 K; a potential vs Li/Li⁺ lies within −5…10 V (Li/Li⁺ is −3.04 V vs SHE, the most oxidising couples
 * are below +3 V vs SHE); a fraction (site occupancy, transference number) lies in [0, 1], a capacity retention
 * within 0…100 %; a thickness, critical current density or capacity is > 0; a number of cycles is a non-negative integer.
 */
import { parseFormula } from '../chemistry/formula.js';
import type { Composition } from '../chemistry/composition.js';
import { normalizeDoi } from '../doi.js';
import { DomainError, excerpt } from '../errors.js';
import { canonicalUnit, toCanonical, type PropertyKind } from '../units/properties.js';
import { toKelvin } from '../units/units.js';

/** Why a field was refused. */
export const FIELD_ERROR_CODES = ['REQUIRED', 'MALFORMED', 'UNKNOWN_UNIT', 'OUT_OF_RANGE', 'TOO_LONG', 'NOT_FOUND', 'CONFLICT'] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** One problem of one field of a submission. */
export interface FieldError {
  /** The field's path in the input, e.g. 'input.temperature'. */
  field: string;
  problem: string;
  code: FieldErrorCode;
}

/** Longest short text (names, units, methods): characters. */
export const MAX_SHORT_TEXT = 500;
/** Longest long text (titles, author lists, quotes, notes, reasons): characters. */
export const MAX_LONG_TEXT = 5_000;

export const CONDUCTIVITY_RANGE_S_PER_CM = { min: 0, max: 1e3 } as const;
export const TEMPERATURE_RANGE_K = { min: 0, max: 10_000 } as const;
export const POTENTIAL_RANGE_V_VS_LI = { min: -5, max: 10 } as const;

export function fieldError(field: string, code: FieldErrorCode, problem: string): FieldError {
  return { field, code, problem };
}

/** A text's problems: required and missing, or longer than `max` characters. */
export function checkText(field: string, value: string | null | undefined, opts: { required?: boolean; max?: number } = {}): FieldError[] {
  const max = opts.max ?? MAX_SHORT_TEXT;
  if (value == null || value.trim() === '') return opts.required ? [fieldError(field, 'REQUIRED', 'is required')] : [];
  if (value.length > max) return [fieldError(field, 'TOO_LONG', `has ${value.length.toLocaleString('en-US')} characters; at most ${max.toLocaleString('en-US')} are accepted`)];
  return [];
}

/** The composition of a formula, or the field's error. */
export function checkFormula(field: string, text: string): { composition: Composition | null; errors: FieldError[] } {
  const long = checkText(field, text, { required: true });
  if (long.length) return { composition: null, errors: long };
  try {
    return { composition: parseFormula(text), errors: [] };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { composition: null, errors: [fieldError(field, 'MALFORMED', e.message)] };
  }
}

/** A finite number within [min, max] (`open` excludes the bounds named). */
export function checkRange(
  field: string,
  value: number | null | undefined,
  range: { min: number; max: number; openMin?: boolean; openMax?: boolean },
  what: string,
): FieldError[] {
  if (value == null) return [];
  if (!Number.isFinite(value)) return [fieldError(field, 'MALFORMED', 'is not a finite number')];
  const low = range.openMin ? value <= range.min : value < range.min;
  const high = range.openMax ? value >= range.max : value > range.max;
  if (low || high) {
    const lo = range.openMin ? `> ${range.min}` : `≥ ${range.min}`;
    const hi = range.openMax ? `< ${range.max}` : `≤ ${range.max}`;
    return [fieldError(field, 'OUT_OF_RANGE', `${what} must be ${lo} and ${hi}; got ${value}`)];
  }
  return [];
}

/** A temperature in `unit` ('K', '°C', 'C') as K, or the field's error: > 0 K and < 10,000 K. */
export function checkTemperature(field: string, value: number | null | undefined, unit = 'K'): { kelvin: number | null; errors: FieldError[] } {
  if (value == null) return { kelvin: null, errors: [] };
  if (!Number.isFinite(value)) return { kelvin: null, errors: [fieldError(field, 'MALFORMED', 'is not a finite number')] };
  try {
    toKelvin(1000, unit);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { kelvin: null, errors: [fieldError(`${field}Unit`, 'UNKNOWN_UNIT', e.message)] };
  }
  let kelvin: number;
  try {
    kelvin = toKelvin(value, unit);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { kelvin: null, errors: [fieldError(field, 'OUT_OF_RANGE', `a temperature must be above 0 K; got ${value} ${unit}`)] };
  }
  const errors = checkRange(field, kelvin, { ...TEMPERATURE_RANGE_K, openMin: true, openMax: true }, 'a temperature in K');
  return { kelvin: errors.length ? null : kelvin, errors };
}

/** A potential vs Li/Li⁺ in V: within −5…10 V. */
export function checkPotential(field: string, volts: number | null | undefined): FieldError[] {
  return checkRange(field, volts, POTENTIAL_RANGE_V_VS_LI, 'a potential vs Li/Li+ in V');
}

/** A fraction: within [0, 1]. */
export function checkFraction(field: string, value: number | null | undefined): FieldError[] {
  return checkRange(field, value, { min: 0, max: 1 }, 'a fraction');
}

/** Properties whose canonical value is a fraction in [0, 1]. */
const FRACTIONS: ReadonlySet<PropertyKind> = new Set(['TRANSFERENCE_NUMBER', 'SITE_OCCUPANCY']);
/** Properties whose value must be > 0 (conductivities, diffusion coefficients, densities...). */
const POSITIVE: ReadonlySet<PropertyKind> = new Set([
  'IONIC_CONDUCTIVITY',
  'ELECTRONIC_CONDUCTIVITY',
  'DIFFUSION_COEFFICIENT',
  'DENSITY',
  'AREA_SPECIFIC_RESISTANCE',
  'RESISTANCE',
  'LATTICE_PARAMETER',
  'TRANSITION_TEMPERATURE',
  'TEMPERATURE',
  'THICKNESS',
  'CRITICAL_CURRENT_DENSITY',
  'SPECIFIC_CAPACITY',
  'AREAL_CAPACITY',
  'TIME_TO_SHORT_CIRCUIT',
]);

/** Properties in % whose value is a fraction of a whole: within 0…100 % (a fraction in [0, 1]). */
const PERCENT_FRACTIONS: ReadonlySet<PropertyKind> = new Set(['CAPACITY_RETENTION', 'CAPACITY_UTILIZATION']);

/** A count of cycles: a non-negative integer. */
export function checkCount(field: string, value: number | null | undefined, what = 'a number of cycles'): FieldError[] {
  if (value == null) return [];
  if (!Number.isInteger(value) || value < 0) return [fieldError(field, 'OUT_OF_RANGE', `${what} must be a non-negative integer; got ${value}`)];
  return [];
}

/**
 * A value of `property` printed in `unit`, in the property's canonical unit, or the errors of the value's
 * and the unit's fields: the unit must convert; the value must be plausible for the property
 * (conductivities in (0, 10³] S/cm, fractions in [0, 1], temperatures in (0, 10⁴) K, voltages within −5…10 V,
 * positive quantities > 0).
 */
export function checkQuantity(
  fields: { value: string; unit: string },
  property: PropertyKind,
  value: number | null | undefined,
  unit: string | null | undefined,
): { canonical: number | null; errors: FieldError[] } {
  if (value == null) return { canonical: null, errors: [fieldError(fields.value, 'REQUIRED', 'is required')] };
  if (!Number.isFinite(value)) return { canonical: null, errors: [fieldError(fields.value, 'MALFORMED', 'is not a finite number')] };
  const unitText = unit ?? canonicalUnit(property);
  const long = checkText(fields.unit, unitText, { max: 50 });
  if (long.length) return { canonical: null, errors: long };
  let canonical: number;
  try {
    canonical = toCanonical(property, value, unitText);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { canonical: null, errors: [fieldError(fields.unit, 'UNKNOWN_UNIT', e.message)] };
  }
  const errors = plausibility(fields.value, property, canonical);
  return { canonical: errors.length ? null : canonical, errors };
}

function plausibility(field: string, property: PropertyKind, v: number): FieldError[] {
  const unit = canonicalUnit(property);
  if (property === 'IONIC_CONDUCTIVITY' || property === 'ELECTRONIC_CONDUCTIVITY') {
    return checkRange(field, v, { ...CONDUCTIVITY_RANGE_S_PER_CM, openMin: true }, 'a conductivity in S/cm');
  }
  if (FRACTIONS.has(property)) return checkFraction(field, v);
  if (property === 'VOLTAGE') return checkPotential(field, v);
  if (property === 'CYCLE_COUNT') return checkCount(field, v);
  if (PERCENT_FRACTIONS.has(property)) return checkRange(field, v, { min: 0, max: 100 }, `a ${property.toLowerCase().replace(/_/g, ' ')} in %`);
  if (unit === 'K') return checkRange(field, v, { ...TEMPERATURE_RANGE_K, openMin: true, openMax: true }, 'a temperature in K');
  if (POSITIVE.has(property)) return checkRange(field, v, { min: 0, max: Number.MAX_VALUE, openMin: true }, `a ${property.toLowerCase().replace(/_/g, ' ')} in ${unit}`);
  if (unit === '%' && property !== 'VOLUME_CHANGE' && property !== 'RESISTANCE_INCREASE') return checkRange(field, v, { min: 0, max: 1000 }, `a percentage`);
  return [];
}

/** A reference to a paper: its DOI, or a full citation. */
export interface ProvenanceInput {
  doi?: string | null;
  citation?: CitationInput | null;
  quote?: string | null;
  note?: string | null;
}

/** A full citation: who, what, where, when. */
export interface CitationInput {
  authors?: string | null;
  title?: string | null;
  journal?: string | null;
  year?: number | null;
  volume?: string | null;
  firstPage?: string | null;
}

/**
 * The normalised DOI of a provenance (null when a citation alone is given), or the errors: a DOI that does
 * not normalise, or neither a DOI nor a full citation (authors, title, journal or venue, year).
 */
export function checkProvenance(field: string, p: ProvenanceInput | null | undefined, thisYear: number): { doi: string | null; errors: FieldError[] } {
  if (!p || (p.doi == null && p.citation == null)) {
    return { doi: null, errors: [fieldError(field, 'REQUIRED', 'give the publication: a DOI, or a full citation (authors, title, journal, year)')] };
  }
  const errors = [...checkText(`${field}.quote`, p.quote, { max: MAX_LONG_TEXT }), ...checkText(`${field}.note`, p.note, { max: MAX_LONG_TEXT })];
  let doi: string | null = null;
  if (p.doi != null) {
    const long = checkText(`${field}.doi`, p.doi, { required: true, max: 300 });
    if (long.length) errors.push(...long);
    else {
      try {
        doi = normalizeDoi(p.doi);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        errors.push(fieldError(`${field}.doi`, 'MALFORMED', e.message));
      }
    }
  }
  if (p.citation != null) errors.push(...checkCitation(`${field}.citation`, p.citation, thisYear, p.doi == null));
  return { doi, errors };
}

/** A citation's errors; `full` requires authors, title, journal and year (when no DOI identifies the paper). */
export function checkCitation(field: string, c: CitationInput, thisYear: number, full: boolean): FieldError[] {
  return [
    ...checkText(`${field}.authors`, c.authors, { required: full, max: MAX_LONG_TEXT }),
    ...checkText(`${field}.title`, c.title, { required: full, max: MAX_LONG_TEXT }),
    ...checkText(`${field}.journal`, c.journal, { required: full }),
    ...(full && c.year == null ? [fieldError(`${field}.year`, 'REQUIRED', 'is required')] : []),
    ...checkRange(`${field}.year`, c.year, { min: 1800, max: thisYear + 1 }, 'a year'),
    ...checkText(`${field}.volume`, c.volume, { max: 50 }),
    ...checkText(`${field}.firstPage`, c.firstPage, { max: 50 }),
  ];
}

/** The surname of the first author of an author list as printed ('Kamaya, N.; Homma, K.' → 'Kamaya'; 'N. Kamaya, K. Homma' → 'Kamaya'). */
export function firstAuthorSurname(authors: string): string {
  const first = authors.split(/;|\band\b|&/)[0]!.trim();
  if (first.includes(',')) return first.split(',')[0]!.trim();
  const words = first.split(/\s+/).filter((w) => !/^[A-Z]\.?(-[A-Z]\.?)?$/.test(w));
  return words[words.length - 1] ?? first;
}

/** A message-safe echo of a submitted text. */
export { excerpt };
