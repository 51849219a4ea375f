/**
 * The relation filters of materials through interfaces and interphase observations (MaterialWhere
 * `testedAgainst`, `observedForming`), as EXISTS {} filters of the compiled statement.
 */
import type { Filter } from '../../graph/query/plan.js';
import { materialNameRef } from '../materialRef.js';
import { exists, idIn } from './filters.js';

/** The material filters that go through interfaces (MaterialWhere). */
export interface MaterialInterfaceFilterInput {
  testedAgainst?: string | null;
  observedForming?: string | null;
}


/**
 * The material filters through interfaces:
 * - `testedAgainst`: the material is the electrolyte of an interface whose counterpart is the material named, where an
 *   interphase observation was reported (an interface only a claim names is not a test);
 * - `observedForming`: the material named is a product of an observation at an interface of the material
 *   (on either side).
 */
export function materialInterfaceFilters(w: MaterialInterfaceFilterInput, path: string): Filter[] {
  const out: Filter[] = [];
  if (w.testedAgainst !== null && w.testedAgainst !== undefined) {
    const ids = materialNameRef(w.testedAgainst, `${path}.testedAgainst`);
    out.push(exists('interfacesAsElectrolyte', { op: 'and', items: [exists('counterpart', idIn(ids)), exists('observations', null)] }));
  }
  if (w.observedForming !== null && w.observedForming !== undefined) {
    const ids = materialNameRef(w.observedForming, `${path}.observedForming`);
    out.push(exists('interfaces', exists('observations', exists('products', idIn(ids)))));
  }
  return out;
}
