/**
 * Filters of the compiled fact lists (reported stability windows, coating applications, cells) and of
 * publications: their `where` inputs turned into plan filters, validated before anything runs (every
 * error names its argument path), material names as references the statement resolves, values
 * converted to the canonical unit of their quantity. AND/OR/NOT nest as in where.ts.
 */
import type { ChemicalClass } from '../../domain/chemicalClass.js';
import { isElementSymbol } from '../../domain/chemistry/elements.js';
import { normalizeDoi } from '../../domain/doi.js';
import { excerpt, InvalidValueError } from '../../domain/errors.js';
import type { StructuralFamily } from '../../domain/families.js';
import { canonicalUnit, type PropertyKind } from '../../domain/units/properties.js';
import type { Filter, Operand, VariantScope } from '../../graph/query/plan.js';
import { InvalidArgumentError } from '../errors.js';
import { materialNameRef, type MaterialIds } from '../materialRef.js';
import {
  all,
  checkReview,
  eq,
  given,
  logical,
  prop,
  range,
  temperatureRange,
  toCanonicalValue,
  type IntRangeInput,
  type ValueRangeInput,
} from './where.js';
import { exists, idIn, namedMaterial } from './filters.js';

interface Logical<T> {
  AND?: T[] | null;
  OR?: T[] | null;
  NOT?: T | null;
}

/** Which facts a material's name selects by their variant (domain/vocabulary.ts VARIANT_SCOPES; AS_NAMED when not given). */
interface ByVariant {
  variants?: VariantScope | null;
}

export interface WindowFilterInput extends Logical<WindowFilterInput>, ByVariant {
  material?: string | null;
  family?: StructuralFamily | null;
  method?: string | null;
  computed?: boolean | null;
  review?: string | null;
  reductionLimit?: ValueRangeInput | null;
  oxidationLimit?: ValueRangeInput | null;
}

export interface CoatingFilterInput extends Logical<CoatingFilterInput>, ByVariant {
  material?: string | null;
  coating?: string | null;
  substrate?: string | null;
  substrateElementsIncludeAll?: string[] | null;
  electrolyte?: string | null;
  electrolyteClass?: ChemicalClass | null;
  role?: string | null;
  method?: string | null;
  review?: string | null;
  thickness?: ValueRangeInput | null;
}

export interface NumberRangeInput {
  min?: number | null;
  max?: number | null;
}

export interface CellFilterInput extends Logical<CellFilterInput>, ByVariant {
  material?: string | null;
  electrolyte?: string | null;
  cathode?: string | null;
  anode?: string | null;
  cellType?: string | null;
  review?: string | null;
  cycles?: NumberRangeInput | null;
  capacityRetention?: ValueRangeInput | null;
  criticalCurrentDensity?: ValueRangeInput | null;
  temperature?: ValueRangeInput | null;
}

export interface PublicationFilterInput extends Logical<PublicationFilterInput> {
  material?: string | null;
  citedBy?: string | null;
  review?: string | null;
  isReview?: boolean | null;
  titleContains?: string | null;
  year?: number | null;
  years?: IntRangeInput | null;
  doi?: string | null;
}

/** Window methods that are computations (the others are experiments or unstated). */
const COMPUTED_METHODS = ['COMPUTED_THERMODYNAMIC', 'COMPUTED_OTHER'];

const anyOf = (items: Filter[]): Filter => ({ op: 'or', items });

/** A range of a quantity of `property` (in `r.unit`, default the canonical unit): values known to lie in it. */
function quantityRange(r: ValueRangeInput, property: PropertyKind, argument: string, prefix?: string): Filter[] {
  const unit = r.unit ?? canonicalUnit(property);
  const c = (v: number) => toCanonicalValue(property, v, unit, `${argument}.unit`);
  const lower: Operand = prefix === undefined ? { kind: 'lowerValue' } : { kind: 'lowerValue', prefix };
  const upper: Operand = prefix === undefined ? { kind: 'upperValue' } : { kind: 'upperValue', prefix };
  return range(
    r.min,
    r.max,
    (v) => ({ op: 'compare', operand: lower, comparison: 'gte', value: c(v) }),
    (v) => ({ op: 'compare', operand: upper, comparison: 'lte', value: c(v) }),
  );
}

function numberRange(r: NumberRangeInput, operand: Operand): Filter[] {
  return range(
    r.min,
    r.max,
    (v) => ({ op: 'compare', operand, comparison: 'gte', value: v }),
    (v) => ({ op: 'compare', operand, comparison: 'lte', value: v }),
  );
}

/** A cell result of `property` in the range. */
function resultRange(r: ValueRangeInput, property: PropertyKind, argument: string): Filter {
  return exists('results', all([eq('property', property), ...quantityRange(r, property, argument)]));
}

function checkElements(list: string[], argument: string): string[] {
  for (const el of list) if (!isElementSymbol(el)) throw new InvalidArgumentError(argument, `'${excerpt(el)}' is not an element symbol`);
  return [...new Set(list)];
}

function checkDoi(text: string, argument: string): string {
  try {
    return normalizeDoi(text);
  } catch (e) {
    if (e instanceof InvalidValueError) throw new InvalidArgumentError(argument, e.message);
    throw e;
  }
}

/** Material names of a filter, as references the statement resolves (compile.names.ts). */
type Names = [text: string | null | undefined, argument: string, plan: (ids: MaterialIds) => Filter][];

export class FactFilterPlanner {

  private async named(names: Names): Promise<Filter[]> {
    const out: Filter[] = [];
    for (const [text, argument, plan] of names) if (given(text)) out.push(plan(materialNameRef(text, argument)));
    return out;
  }

  /** The filter of a `ReportedStabilityWindowWhere` at argument path `path`. */
  window = async (w: WindowFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    if (w.family) out.push(eq('family', w.family));
    if (w.method) out.push(eq('method', w.method));
    if (given(w.computed)) {
      const computed: Filter = { op: 'compare', operand: prop('method'), comparison: 'in', value: COMPUTED_METHODS };
      out.push(w.computed ? computed : { op: 'not', item: computed });
    }
    if (given(w.review)) out.push(eq('review', checkReview(w.review, `${path}.review`)));
    if (w.reductionLimit) out.push(...quantityRange(w.reductionLimit, 'VOLTAGE', `${path}.reductionLimit`, 'reduction'));
    if (w.oxidationLimit) out.push(...quantityRange(w.oxidationLimit, 'VOLTAGE', `${path}.oxidationLimit`, 'oxidation'));
    const nested = await logical(w, path, this.window);
    const names = await this.named([[w.material, `${path}.material`, (ids) => namedMaterial('windowMaterial', ids, w.variants)]]);
    return all([...names, ...out, ...nested]);
  };

  /** The filter of a `CoatingApplicationWhere` at argument path `path`. */
  coating = async (w: CoatingFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    if (w.substrateElementsIncludeAll?.length) {
      const els = checkElements(w.substrateElementsIncludeAll, `${path}.substrateElementsIncludeAll`);
      out.push(exists('substrate', { op: 'compare', operand: prop('elements'), comparison: 'containsAll', value: els }));
    }
    if (w.electrolyteClass) out.push(exists('pairedElectrolyte', eq('chemicalClass', w.electrolyteClass)));
    if (w.role) out.push(eq('role', w.role));
    if (w.method) out.push(eq('method', w.method));
    if (given(w.review)) out.push(eq('review', checkReview(w.review, `${path}.review`)));
    if (w.thickness) out.push(...quantityRange(w.thickness, 'THICKNESS', `${path}.thickness`, 'thickness'));
    const nested = await logical(w, path, this.coating);
    const names = await this.named([
      [w.material, `${path}.material`, (ids) => anyOf((['coatingMaterial', 'coatingSubstrate', 'coatingElectrolyte'] as const).map((r) => namedMaterial(r, ids, w.variants)))],
      [w.coating, `${path}.coating`, (ids) => namedMaterial('coatingMaterial', ids, w.variants)],
      [w.substrate, `${path}.substrate`, (ids) => namedMaterial('coatingSubstrate', ids, w.variants)],
      [w.electrolyte, `${path}.electrolyte`, (ids) => namedMaterial('coatingElectrolyte', ids, w.variants)],
    ]);
    return all([...names, ...out, ...nested]);
  };

  /** The filter of a `CellWhere` at argument path `path`. */
  cell = async (w: CellFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    if (w.cellType) out.push(eq('cellType', w.cellType));
    if (given(w.review)) out.push(eq('review', checkReview(w.review, `${path}.review`)));
    if (w.cycles && (given(w.cycles.min) || given(w.cycles.max))) {
      // a count of cycles run (a CYCLE_COUNT result), or the cycle a result was read at (80 % retention after 500 cycles)
      const counts = all([eq('property', 'CYCLE_COUNT'), ...quantityRange({ ...w.cycles, unit: 'cycles' }, 'CYCLE_COUNT', `${path}.cycles`)])!;
      out.push(exists('results', anyOf([counts, all(numberRange(w.cycles, prop('atCycle')))!])));
    }
    if (w.capacityRetention) out.push(resultRange(w.capacityRetention, 'CAPACITY_RETENTION', `${path}.capacityRetention`));
    if (w.criticalCurrentDensity) out.push(resultRange(w.criticalCurrentDensity, 'CRITICAL_CURRENT_DENSITY', `${path}.criticalCurrentDensity`));
    if (w.temperature) out.push(...temperatureRange(w.temperature, path));
    const nested = await logical(w, path, this.cell);
    const names = await this.named([
      [w.material, `${path}.material`, (ids) => namedMaterial('cellComponent', ids, w.variants)],
      [w.electrolyte, `${path}.electrolyte`, (ids) => namedMaterial('cellElectrolyte', ids, w.variants)],
      [w.cathode, `${path}.cathode`, (ids) => namedMaterial('cellCathode', ids, w.variants)],
      [w.anode, `${path}.anode`, (ids) => namedMaterial('cellAnode', ids, w.variants)],
    ]);
    return all([...names, ...out, ...nested]);
  };

  /** The filter of a `PublicationWhere` at argument path `path`. */
  publication = async (w: PublicationFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    for (const [key, argument] of [
      [w.citedBy, 'citedBy'],
      [w.review, 'review'],
    ] as const) {
      if (given(key)) out.push(exists('citingReviews', eq('reviewKey', checkReview(key, `${path}.${argument}`))));
    }
    if (given(w.isReview)) out.push({ op: 'compare', operand: { kind: 'isReview' }, comparison: 'eq', value: w.isReview });
    const title = w.titleContains?.trim();
    if (title) out.push({ op: 'compare', operand: prop('title'), comparison: 'containsText', value: title });
    if (given(w.year)) out.push(eq('year', w.year));
    if (w.years) out.push(...numberRange(w.years, prop('year')));
    if (given(w.doi)) out.push(eq('doi', checkDoi(w.doi, `${path}.doi`)));
    const nested = await logical(w, path, this.publication);
    const names = await this.named([
      [
        w.material,
        `${path}.material`,
        (ids) => anyOf((['reportedMeasuredMaterial', 'reportedInterfaceMaterial', 'reportedPartMaterial'] as const).map((r) => exists(r, idIn(ids)))),
      ],
    ]);
    return all([...names, ...out, ...nested]);
  };
}
