/**
 * Filters of interfaces and interphase observations (`InterfaceWhere`, `InterphaseObservationWhere`), and
 * the relation filters of materials through them (`testedAgainst`, `observedForming`), turned into plan
 * filters: material names resolved in the statement (`materialNameRef`), interphase types checked against both
 * classification schemes, every error naming its argument path (`where.OR[1].interphaseType`).
 */
import { excerpt } from '../../domain/errors.js';
import { INTERPHASE_TYPES, STABILITY_CLASSES } from '../../domain/vocabulary.js';
import type { Filter, VariantScope } from '../../graph/query/plan.js';
import { InvalidArgumentError } from '../errors.js';
import { materialNameRef, type MaterialIds } from '../materialRef.js';
import { all, checkReview, logical } from './where.js';
import { eq, exists, given, idIn, namedMaterial } from './filters.js';

export interface InterphaseObservationFilterInput {
  interphaseType?: string | null;
  product?: string | null;
  technique?: string | null;
  counterpart?: string | null;
  counterpartKind?: string | null;
  electrolyte?: string | null;
  computed?: boolean | null;
  review?: string | null;
  variants?: VariantScope | null;
  AND?: InterphaseObservationFilterInput[] | null;
  OR?: InterphaseObservationFilterInput[] | null;
  NOT?: InterphaseObservationFilterInput | null;
}

export interface InterfaceFilterInput {
  material?: string | null;
  electrolyte?: string | null;
  counterpart?: string | null;
  counterpartKind?: string | null;
  review?: string | null;
  interphaseType?: string | null;
  hasObservation?: InterphaseObservationFilterInput | null;
  AND?: InterfaceFilterInput[] | null;
  OR?: InterfaceFilterInput[] | null;
  NOT?: InterfaceFilterInput | null;
}


/**
 * An interphase type of either classification scheme, as stored: Wenzel et al. 2015 (`interphaseType`) or
 * Zhu, He & Mo 2015 (`stabilityClass`).
 * @throws InvalidArgumentError(argument) for a value of neither scheme, listing both.
 */
export function interphaseTypeFilter(value: string, argument: string): Filter {
  if (Object.prototype.hasOwnProperty.call(INTERPHASE_TYPES, value)) return eq('interphaseType', value);
  if (Object.prototype.hasOwnProperty.call(STABILITY_CLASSES, value)) return eq('stabilityClass', value);
  const accepted = [...Object.keys(INTERPHASE_TYPES), ...Object.keys(STABILITY_CLASSES)].join(', ');
  throw new InvalidArgumentError(argument, `'${excerpt(value)}' is not an interphase type; accepted (Wenzel 2015 types, then Zhu 2015 stability classes): ${accepted}`);
}

export class InterfaceFilterPlanner {

  /** The filter of an `InterphaseObservationWhere` at argument path `path`. */
  observation = async (w: InterphaseObservationFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    // the checks that need no database first, so that bad input is refused even while Neo4j is unreachable
    if (given(w.interphaseType)) out.push(interphaseTypeFilter(w.interphaseType, `${path}.interphaseType`));
    if (given(w.review)) out.push(eq('review', checkReview(w.review, `${path}.review`)));
    if (given(w.technique)) out.push(exists('techniques', eq('id', w.technique)));
    if (given(w.counterpartKind)) out.push(exists('interface', eq('counterpartKind', w.counterpartKind)));
    if (w.computed === true || w.computed === false) out.push({ op: 'compare', operand: { kind: 'flag', name: 'computed' }, comparison: 'eq', value: w.computed });
    if (given(w.product)) out.push(namedMaterial('observationProduct', this.ids(w.product, `${path}.product`), w.variants));
    if (given(w.counterpart)) out.push(namedMaterial('observationCounterpart', this.ids(w.counterpart, `${path}.counterpart`), w.variants));
    if (given(w.electrolyte)) out.push(namedMaterial('observationElectrolyte', this.ids(w.electrolyte, `${path}.electrolyte`), w.variants));
    out.push(...(await logical(w, path, this.observation)));
    return all(out);
  };

  /** The filter of an `InterfaceWhere` at argument path `path`. */
  interface = async (w: InterfaceFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    if (given(w.counterpartKind)) out.push(eq('counterpartKind', w.counterpartKind));
    if (given(w.review)) out.push(exists('observations', eq('review', checkReview(w.review, `${path}.review`))));
    if (given(w.interphaseType)) out.push(exists('observations', interphaseTypeFilter(w.interphaseType, `${path}.interphaseType`)));
    if (given(w.material)) {
      const ids = this.ids(w.material, `${path}.material`);
      out.push({ op: 'or', items: [exists('electrolyte', idIn(ids)), exists('counterpart', idIn(ids))] });
    }
    if (given(w.electrolyte)) out.push(exists('electrolyte', idIn(this.ids(w.electrolyte, `${path}.electrolyte`))));
    if (given(w.counterpart)) out.push(exists('counterpart', idIn(this.ids(w.counterpart, `${path}.counterpart`))));
    if (given(w.hasObservation)) out.push(exists('observations', await this.observation(w.hasObservation, `${path}.hasObservation`)));
    out.push(...(await logical(w, path, this.interface)));
    return all(out);
  };

  /** The material a filter names, resolved in the statement (services/materialRef.ts `materialNameRef`). */
  private ids(text: string, argument: string): MaterialIds {
    return materialNameRef(text, argument);
  }
}
