/**
 * Filters of the compiled lists: the `where` inputs of `materials` and `measurements` turned into plan
 * filters, validated (the argument's path in every error), material names as references the statement resolves, values converted to
 * the canonical unit of their property before anything is compiled.
 */
import { isElementSymbol } from '../../domain/chemistry/elements.js';
import { excerpt, InvalidValueError } from '../../domain/errors.js';
import type { ChemicalClass } from '../../domain/chemicalClass.js';
import type { StructuralFamily } from '../../domain/families.js';
import { MOBILE_IONS } from '../../domain/mobileIon.js';
import { canonicalUnit, PROPERTIES, toCanonical, type PropertyKind } from '../../domain/units/properties.js';
import { toKelvin } from '../../domain/units/units.js';
import { REVIEW_KEY } from '../../domain/vocabulary.js';
import type { Filter, VariantScope } from '../../graph/query/plan.js';
import { InvalidArgumentError } from '../errors.js';
import type { MaterialWhereInput } from '../material.service.js';
import { materialNameRef, type MaterialIds } from '../materialRef.js';
import { materialInterfaceFilters, type MaterialInterfaceFilterInput } from './where.relations.js';
import { eq, given, namedMaterial, prop } from './filters.js';
export { eq, given, prop } from './filters.js';

export interface ValueRangeInput {
  min?: number | null;
  max?: number | null;
  unit?: string | null;
}

export interface IntRangeInput {
  min?: number | null;
  max?: number | null;
}

export interface MeasurementFilterInput {
  material?: string | null;
  property?: PropertyKind | null;
  family?: StructuralFamily | null;
  aboutFamily?: StructuralFamily | null;
  chemicalClass?: ChemicalClass | null;
  elementsIncludeAll?: string[] | null;
  mobileIon?: string | null;
  review?: string | null;
  source?: 'DATASET' | 'REVIEW' | null;
  value?: ValueRangeInput | null;
  temperature?: ValueRangeInput | null;
  year?: IntRangeInput | null;
  variants?: VariantScope | null;
  AND?: MeasurementFilterInput[] | null;
  OR?: MeasurementFilterInput[] | null;
  NOT?: MeasurementFilterInput | null;
}

export interface MaterialFilterInput extends MaterialWhereInput, MaterialInterfaceFilterInput {
  mobileIon?: string | null;
  review?: string | null;
  hasMeasurement?: MeasurementFilterInput | null;
  coatedWith?: string | null;
  AND?: MaterialFilterInput[] | null;
  OR?: MaterialFilterInput[] | null;
  NOT?: MaterialFilterInput | null;
}


/** Joins filters with AND; null when there are none. */
export function all(items: Filter[]): Filter | null {
  if (items.length === 0) return null;
  return items.length === 1 ? items[0]! : { op: 'and', items };
}

/** AND/OR/NOT of nested inputs, each planned by `plan` at its own argument path. */
export async function logical<T extends { AND?: T[] | null; OR?: T[] | null; NOT?: T | null }>(
  w: T,
  path: string,
  plan: (w: T, path: string) => Promise<Filter | null>,
): Promise<Filter[]> {
  checkNesting(w, path);
  const out: Filter[] = [];
  const items = (list: T[]) => list.map((item) => inherited(w, item));
  if (w.AND?.length) out.push({ op: 'and', items: await planEach(items(w.AND), `${path}.AND`, plan) });
  if (w.OR?.length) out.push({ op: 'or', items: await planEach(items(w.OR), `${path}.OR`, plan) });
  if (given(w.NOT)) out.push({ op: 'not', item: (await plan(inherited(w, w.NOT), `${path}.NOT`)) ?? { op: 'and', items: [] } });
  return out;
}

/** An AND/OR/NOT item with the `variants` of the level above where it sets none (a fact filter's variant scope holds below it). */
function inherited<T>(parent: T, item: T): T {
  const scope = (parent as { variants?: unknown }).variants;
  return given(scope) && !given((item as { variants?: unknown }).variants) ? { ...item, variants: scope } : item;
}

/** Deepest nesting of AND/OR/NOT, and most items in one AND/OR: bounds on what one filter may compile to. */
export const MAX_FILTER_NESTING = 8;
export const MAX_FILTER_ITEMS = 50;

export function checkNesting(w: { AND?: unknown[] | null; OR?: unknown[] | null; NOT?: unknown }, path: string): void {
  const depth = (path.match(/\.(AND|OR|NOT)\b/g) ?? []).length;
  const nested = Boolean(w.AND?.length || w.OR?.length || w.NOT);
  if (nested && depth >= MAX_FILTER_NESTING) throw new InvalidArgumentError(path, `AND/OR/NOT nest deeper than ${MAX_FILTER_NESTING} levels`);
  for (const op of ['AND', 'OR'] as const) {
    const n = w[op]?.length ?? 0;
    if (n > MAX_FILTER_ITEMS) throw new InvalidArgumentError(`${path}.${op}`, `${n} filters exceed the limit of ${MAX_FILTER_ITEMS}`);
  }
}

async function planEach<T>(items: T[], path: string, plan: (w: T, path: string) => Promise<Filter | null>): Promise<Filter[]> {
  const out: Filter[] = [];
  for (const [i, w] of items.entries()) out.push((await plan(w, `${path}[${i}]`)) ?? { op: 'and', items: [] });
  return out;
}

export function checkReview(key: string, argument: string): string {
  if (!REVIEW_KEY.test(key)) throw new InvalidArgumentError(argument, `'${excerpt(key)}' is not a review key (e.g. 'banerjee2020')`);
  return key;
}

/** Units a user may give for a property's values, for the error message: the canonical unit and its common prefixes. */
export function acceptedUnits(property: PropertyKind): string[] {
  const canonical = canonicalUnit(property);
  const candidates = [canonical, ...['k', 'm', 'µ', 'n', 'M', 'G'].map((p) => p + canonical), canonical.replace('/cm', '/m'), canonical.replace('cm', 'mm')];
  return [...new Set(candidates)].filter((u) => {
    try {
      toCanonical(property, 1, u);
      return true;
    } catch {
      return false;
    }
  });
}

export function toCanonicalValue(property: PropertyKind, value: number, unit: string, argument: string): number {
  try {
    return toCanonical(property, value, unit);
  } catch (e) {
    if (!(e instanceof InvalidValueError)) throw e;
    const accepted = acceptedUnits(property).map((u) => `'${u}'`).join(', ');
    throw new InvalidArgumentError(argument, `'${excerpt(unit)}' is not a unit of ${PROPERTIES[property].label}; accepted: ${accepted} (or another unit of the same dimension)`);
  }
}

export function range(min: number | null | undefined, max: number | null | undefined, lower: (v: number) => Filter, upper: (v: number) => Filter): Filter[] {
  const out: Filter[] = [];
  if (given(min)) out.push(lower(min));
  if (given(max)) out.push(upper(max));
  return out;
}

/** A value range of a measurement: values known to lie in it (the value, or a bound on the safe side). */
function valueRange(r: ValueRangeInput, property: PropertyKind | null | undefined, path: string): Filter[] {
  if (!property) throw new InvalidArgumentError(`${path}.value`, 'give `property` beside a value range: the unit of the values depends on it');
  const unit = r.unit ?? canonicalUnit(property);
  const c = (v: number) => toCanonicalValue(property, v, unit, `${path}.value.unit`);
  return range(
    r.min,
    r.max,
    (v) => ({ op: 'compare', operand: { kind: 'lowerValue' }, comparison: 'gte', value: c(v) }),
    (v) => ({ op: 'compare', operand: { kind: 'upperValue' }, comparison: 'lte', value: c(v) }),
  );
}

/**
 * A temperature a user gave (in `unit`, default K) in K.
 * @throws InvalidArgumentError naming `argument` for a unit other than K or °C, or below 0 K.
 */
export function kelvinArgument(v: number, unit: string | null | undefined, argument: string): number {
  try {
    return toKelvin(v, unit ?? 'K');
  } catch (e) {
    if (e instanceof InvalidValueError) throw new InvalidArgumentError(argument, `${e.problem}; accepted units: 'K', '°C'`);
    throw e;
  }
}

export function temperatureRange(r: ValueRangeInput, path: string): Filter[] {
  const k = (v: number) => kelvinArgument(v, r.unit, `${path}.temperature`);
  return range(
    r.min,
    r.max,
    (v) => ({ op: 'compare', operand: prop('temperatureK'), comparison: 'gte', value: k(v) }),
    (v) => ({ op: 'compare', operand: prop('temperatureK'), comparison: 'lte', value: k(v) }),
  );
}

export function yearRange(r: IntRangeInput): Filter[] {
  const years = range(
    r.min,
    r.max,
    (v) => ({ op: 'compare', operand: prop('year'), comparison: 'gte', value: v }),
    (v) => ({ op: 'compare', operand: prop('year'), comparison: 'lte', value: v }),
  );
  return years.length ? [{ op: 'exists', relation: 'publications', filter: all(years) }] : [];
}

export class FilterPlanner {

  /** The filter of a `MeasurementWhere` at argument path `path` (e.g. 'where'). */
  measurement = async (w: MeasurementFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    if (w.property) out.push(eq('property', w.property));
    if (w.family) out.push({ op: 'exists', relation: 'material', filter: { op: 'compare', operand: prop('families'), comparison: 'contains', value: w.family } });
    if (w.aboutFamily) out.push(eq('family', w.aboutFamily));
    if (w.chemicalClass) out.push({ op: 'exists', relation: 'material', filter: eq('chemicalClass', w.chemicalClass) });
    if (w.elementsIncludeAll?.length) {
      const els = elements(w.elementsIncludeAll, `${path}.elementsIncludeAll`);
      out.push({ op: 'exists', relation: 'material', filter: { op: 'compare', operand: prop('elements'), comparison: 'containsAll', value: els } });
    }
    if (given(w.mobileIon)) out.push({ op: 'exists', relation: 'material', filter: mobileIonFilter(w.mobileIon, `${path}.mobileIon`) });
    if (w.review) out.push(eq('review', checkReview(w.review, `${path}.review`)));
    if (w.source) out.push({ op: 'compare', operand: { kind: 'sourceKind' }, comparison: 'eq', value: w.source });
    if (w.value) out.push(...valueRange(w.value, w.property, path));
    if (w.temperature) out.push(...temperatureRange(w.temperature, path));
    if (w.year) out.push(...yearRange(w.year));
    // the material's name first among the conditions (a reference the statement resolves: compile.names.ts)
    if (w.material) {
      const ids = materialNameRef(w.material, `${path}.material`);
      out.unshift(namedMaterial('measurementMaterial', ids, w.variants));
    }
    out.push(...(await logical(w, path, this.measurement)));
    return all(out);
  };

  /** The filter of a `MaterialWhere` at argument path `path`. */
  material = async (w: MaterialFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    // checked before anything runs; names become references the statement resolves
    const system = given(w.chemicalSystem) ? chemicalSystem(w.chemicalSystem, `${path}.chemicalSystem`) : null;
    const els = w.elementsIncludeAll?.length ? elements(w.elementsIncludeAll, `${path}.elementsIncludeAll`) : null;
    const review = w.review ? checkReview(w.review, `${path}.review`) : null;
    // a formula in any notation, or a name (a name wins over reading the text as a formula: 'LiPON', 'LLZO')
    if (given(w.formula)) out.push({ op: 'compare', operand: prop('id'), comparison: 'in', value: materialNameRef(w.formula, `${path}.formula`) });
    if (given(w.name)) out.push({ op: 'compare', operand: prop('id'), comparison: 'in', value: materialNameRef(w.name, `${path}.name`) });
    if (w.family) out.push({ op: 'compare', operand: prop('families'), comparison: 'contains', value: w.family });
    if (w.kind) out.push(eq('kind', w.kind));
    if (w.chemicalClass) out.push(eq('chemicalClass', w.chemicalClass));
    if (given(w.mobileIon)) out.push(mobileIonFilter(w.mobileIon, `${path}.mobileIon`));
    if (system !== null) out.push(eq('chemicalSystem', system));
    if (els !== null) out.push({ op: 'compare', operand: prop('elements'), comparison: 'containsAll', value: els });
    if (review !== null) out.push({ op: 'exists', relation: 'measurements', filter: eq('review', review) });
    if (w.hasMeasurement) out.push({ op: 'exists', relation: 'measurements', filter: await this.measurement(w.hasMeasurement, `${path}.hasMeasurement`) });
    out.push(...materialInterfaceFilters(w, path));
    if (given(w.coatedWith)) out.push(coatedWith(materialNameRef(w.coatedWith, `${path}.coatedWith`)));
    out.push(...(await logical(w, path, this.material)));
    return all(out);
  };
}

/** Materials a coating of one of `coatingIds` was applied on or paired with (EXISTS (c)-[:APPLIED_ON|PAIRED_WITH]->(this), (c)-[:COATING]->(coating)). */
function coatedWith(coatingIds: MaterialIds): Filter {
  return { op: 'exists', relation: 'coatedWith', filter: { op: 'exists', relation: 'coatingMaterial', filter: { op: 'compare', operand: prop('id'), comparison: 'in', value: coatingIds } } };
}

/**
 * Materials whose mobile ion is `ion`, as MOBILE_ION groups them (domain/mobileIon.ts): they contain it and
 * none of the ions before it in MOBILE_IONS (a Ca-doped LLZO is a Li conductor, not a Ca one).
 * @throws InvalidArgumentError naming `argument` for another symbol.
 */
function mobileIonFilter(ion: string, argument: string): Filter {
  const at = (MOBILE_IONS as readonly string[]).indexOf(ion.trim());
  if (at < 0) throw new InvalidArgumentError(argument, `'${excerpt(ion)}' is not a mobile ion; accepted: ${MOBILE_IONS.join(', ')}`);
  const has = (e: string): Filter => ({ op: 'compare', operand: prop('elements'), comparison: 'contains', value: e });
  return all([has(MOBILE_IONS[at]!), ...MOBILE_IONS.slice(0, at).map((e): Filter => ({ op: 'not', item: has(e) }))])!;
}

function elements(list: string[], argument: string): string[] {
  for (const el of list) if (!isElementSymbol(el)) throw new InvalidArgumentError(argument, `'${excerpt(el)}' is not an element symbol`);
  return [...new Set(list)];
}

function chemicalSystem(text: string, argument: string): string {
  const parts = text.split('-').map((s) => s.trim());
  const bad = parts.find((p) => !isElementSymbol(p));
  if (bad !== undefined) throw new InvalidArgumentError(argument, `'${excerpt(bad)}' is not an element symbol; write systems as 'Li-P-S'`);
  return [...new Set(parts)].sort().join('-');
}
