/**
 * The small constructors of plan filters every `where.*.ts` uses: a stored property, equality, ids in a
 * list, a relationship EXISTS, and whether an optional input was given (null and undefined are not; an
 * empty string is, and is refused by the check of its argument).
 */
import type { Filter, NamedMaterialRelation, VariantScope } from '../../graph/query/plan.js';
import type { MaterialIds } from '../materialRef.js';

export const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
export const prop = (name: string) => ({ kind: 'property', name }) as const;
export const eq = (name: string, value: unknown): Filter => ({ op: 'compare', operand: prop(name), comparison: 'eq', value });
export const idIn = (ids: MaterialIds): Filter => ({ op: 'compare', operand: prop('id'), comparison: 'in', value: ids });
export const exists = (relation: Extract<Filter, { op: 'exists' }>['relation'], filter: Filter | null): Filter => ({ op: 'exists', relation, filter });

/**
 * The fact reaches a material of `ids` through `relation`, selected by variant as `scope` says (AS_NAMED when not given):
 * a variant's name (LLZTO) its variant's facts, a material's name its own and its variants' (graph/query/compile.variant.ts).
 */
export const namedMaterial = (relation: NamedMaterialRelation, ids: MaterialIds, scope: VariantScope | null | undefined): Filter => ({
  op: 'namedMaterial',
  relation,
  ids,
  scope: scope ?? 'AS_NAMED',
});
