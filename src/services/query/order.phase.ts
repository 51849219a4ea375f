/**
 * Orders of `phaseEntries`: the GraphQL order input turned into a plan order over the declaration's filterable
 * properties (domain/model/phaseEntry.kind.ts). Ties are broken by id; cursors carry the sort key and the id.
 */
import type { Order, SortKey } from '../../graph/query/plan.js';
import { BY_ID } from './order.js';

export type PhaseEntrySortField = 'ID' | 'FORMULA' | 'CHEMICAL_SYSTEM' | 'ELEMENT_COUNT' | 'FORMATION_ENERGY';

export interface PhaseEntryOrderInput {
  field: PhaseEntrySortField;
  direction?: 'ASC' | 'DESC' | null;
}

const KEYS: Record<PhaseEntrySortField, SortKey> = {
  ID: { kind: 'property', name: 'id', numeric: false },
  FORMULA: { kind: 'property', name: 'formula', numeric: false },
  CHEMICAL_SYSTEM: { kind: 'property', name: 'chemicalSystem', numeric: false },
  ELEMENT_COUNT: { kind: 'property', name: 'elementCount', numeric: true },
  FORMATION_ENERGY: { kind: 'property', name: 'formationEnergyEvPerAtom', numeric: true },
};

export function phaseEntryOrder(o: PhaseEntryOrderInput | null | undefined): Order {
  if (!o || (o.field === 'ID' && o.direction !== 'DESC')) return BY_ID;
  return { key: KEYS[o.field], direction: o.direction ?? 'ASC' };
}
