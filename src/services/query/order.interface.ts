/** Orders of the compiled lists of interfaces and interphase observations. */
import type { Order } from '../../graph/query/plan.js';
import { BY_ID, type OrderInput } from './order.js';

export type InterfaceSortField = 'ID' | 'COUNTERPART_KIND';
export type InterphaseObservationSortField = 'ID' | 'REVIEW' | 'YEAR';


export function interfaceOrder(o: OrderInput<InterfaceSortField> | null | undefined): Order {
  if (!o || (o.field === 'ID' && o.direction !== 'DESC')) return BY_ID;
  const name = o.field === 'ID' ? 'id' : 'counterpartKind';
  return { key: { kind: 'property', name, numeric: false }, direction: o.direction ?? 'ASC' };
}

export function observationOrder(o: OrderInput<InterphaseObservationSortField> | null | undefined): Order {
  if (!o || (o.field === 'ID' && o.direction !== 'DESC')) return BY_ID;
  const direction = o.direction ?? 'ASC';
  if (o.field === 'YEAR') return { key: { kind: 'publicationYear' }, direction };
  return { key: { kind: 'property', name: o.field === 'ID' ? 'id' : 'review', numeric: false }, direction };
}
