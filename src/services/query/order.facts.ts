/**
 * Orders of the compiled fact lists and of publications: the GraphQL order inputs turned into plan
 * orders. Ties are broken by id (a publication's key) and cursors carry the sort key and the id.
 */
import type { Order, SortKey } from '../../graph/query/plan.js';
import { BY_ID } from './order.js';

export type WindowSortField = 'ID' | 'OXIDATION_LIMIT' | 'REDUCTION_LIMIT';
export type CoatingSortField = 'ID' | 'THICKNESS';
export type CellSortField = 'ID' | 'CYCLES' | 'CAPACITY_RETENTION';
export type PublicationSortField = 'KEY' | 'YEAR' | 'TITLE';
export type ClaimSortField = 'ID' | 'KIND' | 'PUBLICATION_YEAR';

export interface SimpleOrderInput<F extends string> {
  field: F;
  direction?: 'ASC' | 'DESC' | null;
}


function orderOf<F extends string>(o: SimpleOrderInput<F> | null | undefined, byId: F, keys: Record<F, SortKey>): Order {
  if (!o || (o.field === byId && o.direction !== 'DESC')) return BY_ID;
  return { key: keys[o.field], direction: o.direction ?? 'ASC' };
}

const ID: SortKey = { kind: 'property', name: 'id', numeric: false };

export function windowOrder(o: SimpleOrderInput<WindowSortField> | null | undefined): Order {
  return orderOf(o, 'ID', {
    ID,
    OXIDATION_LIMIT: { kind: 'quantityValue', prefix: 'oxidation' },
    REDUCTION_LIMIT: { kind: 'quantityValue', prefix: 'reduction' },
  });
}

export function coatingOrder(o: SimpleOrderInput<CoatingSortField> | null | undefined): Order {
  return orderOf(o, 'ID', { ID, THICKNESS: { kind: 'quantityValue', prefix: 'thickness' } });
}

export function cellOrder(o: SimpleOrderInput<CellSortField> | null | undefined): Order {
  return orderOf(o, 'ID', {
    ID,
    CYCLES: { kind: 'cellResult', property: 'CYCLE_COUNT', atCycle: true },
    CAPACITY_RETENTION: { kind: 'cellResult', property: 'CAPACITY_RETENTION', atCycle: false },
  });
}

export function publicationOrder(o: SimpleOrderInput<PublicationSortField> | null | undefined): Order {
  return orderOf(o, 'KEY', {
    KEY: { kind: 'property', name: 'key', numeric: false },
    YEAR: { kind: 'property', name: 'year', numeric: true },
    TITLE: { kind: 'property', name: 'title', numeric: false },
  });
}

export function claimOrder(o: SimpleOrderInput<ClaimSortField> | null | undefined): Order {
  return orderOf(o, 'ID', { ID, KIND: { kind: 'property', name: 'kind', numeric: false }, PUBLICATION_YEAR: { kind: 'publicationYear' } });
}
