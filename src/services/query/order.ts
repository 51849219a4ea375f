/**
 * Page sizes and orders of the compiled lists (and of the measurements nested under a material): the
 * GraphQL order inputs turned into plan orders.
 */
import type { PropertyKind } from '../../domain/units/properties.js';
import type { Order, SortKey } from '../../graph/query/plan.js';
import { InvalidArgumentError } from '../errors.js';

/** Largest page of a compiled list; the plan's cost is the real bound. */
export const COMPILED_MAX_PAGE_SIZE = 1000;
export const DEFAULT_COMPILED_PAGE_SIZE = 20;

export type MaterialSortField = 'ID' | 'NAME' | 'CHEMICAL_SYSTEM' | 'PROPERTY_VALUE';
export type MeasurementSortField = 'ID' | 'VALUE' | 'TEMPERATURE' | 'PROPERTY';
export type Statistic = 'MAX' | 'MIN' | 'MEDIAN' | 'LATEST';

export interface OrderInput<F extends string> {
  field: F;
  direction?: 'ASC' | 'DESC' | null;
  property?: PropertyKind | null;
  statistic?: Statistic | null;
}

/** @throws InvalidArgumentError('first') unless 0 ≤ first ≤ COMPILED_MAX_PAGE_SIZE. */
export function checkCompiledPageSize(first: number | null | undefined, argument = 'first'): number {
  const n = first ?? DEFAULT_COMPILED_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0 || n > COMPILED_MAX_PAGE_SIZE) {
    throw new InvalidArgumentError(argument, `must be an integer from 0 to ${COMPILED_MAX_PAGE_SIZE}, got ${n}`);
  }
  return n;
}

/** The default order of every list and relationship field: by id, ascending. */
export const BY_ID: Order = { key: null, direction: 'ASC' };

export function materialOrder(o: OrderInput<MaterialSortField> | null | undefined): Order {
  if (!o || (o.field === 'ID' && o.direction !== 'DESC')) return BY_ID;
  const direction = o.direction ?? 'ASC';
  if (o.field === 'PROPERTY_VALUE') {
    if (!o.property) throw new InvalidArgumentError('orderBy.property', 'give the property whose value orders the materials (e.g. IONIC_CONDUCTIVITY)');
    return { key: { kind: 'materialPropertyValue', property: o.property, statistic: o.statistic ?? 'MAX' }, direction };
  }
  const name = ({ ID: 'id', NAME: 'name', CHEMICAL_SYSTEM: 'chemicalSystem' } as const)[o.field];
  return { key: { kind: 'property', name, numeric: false }, direction };
}

export function measurementOrder(o: OrderInput<MeasurementSortField> | null | undefined): Order {
  if (!o || (o.field === 'ID' && o.direction !== 'DESC')) return BY_ID;
  const direction = o.direction ?? 'ASC';
  const keys: Record<MeasurementSortField, SortKey> = {
    ID: { kind: 'property', name: 'id', numeric: false },
    VALUE: { kind: 'measurementValue' },
    TEMPERATURE: { kind: 'property', name: 'temperatureK', numeric: true },
    PROPERTY: { kind: 'property', name: 'property', numeric: false },
  };
  return { key: keys[o.field], direction };
}

