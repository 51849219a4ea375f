/**
 * The compiled fields of interfaces and interphase observations, and the relationship fields that lead
 * to them from materials (registered in nodes.ts): which become subqueries of their parent, which keys
 * the fields left to resolvers need, which object fields are compiled as maps.
 */
import type { NodeKind, NodePlan, RelationField } from '../../graph/query/plan.js';
import type { SelectedField } from './selection.js';
import { BY_ID } from './order.js';

/** Keys of the node map that fields left to resolvers read. */
export const INTERFACE_NEEDS: Record<string, string[]> = {
  'Interface.prediction': ['counterpartKind', 'electrolyteId', 'counterpartId', 'electrolyteFamily'],
};

/** Object fields stored on the node (compiled as maps, every sub-field read). */
export const INTERFACE_OBJECT_FIELDS = ['InterphaseObservation.potential', 'InterphaseObservation.thickness', 'InterphaseObservation.evidence'];

/** Facts whose `source`, `publication` and `publications` are compiled as a measurement's are. */
export const INTERFACE_FACT_KINDS: ReadonlySet<string> = new Set(['InterphaseObservation']);

type Build = (f: SelectedField, node: (kind: NodeKind, f: SelectedField) => NodePlan) => RelationField;


/** A relationship field ordered by id (or by position for positional relations), without a limit. */
const related =
  (relation: RelationField['relation'], kind: NodeKind): Build =>
  (f, node) => ({ key: f.key, relation, filter: null, order: BY_ID, limit: null, node: node(kind, f) });

/** Qualified GraphQL field → its relationship subquery. */
export const INTERFACE_RELATION_FIELDS: Record<string, Build> = {
  'Material.interfaces': related('interfaces', 'Interface'),
  'Material.formedInInterphases': related('formedInInterphases', 'InterphaseObservation'),
  'Interface.electrolyte': related('electrolyte', 'Material'),
  'Interface.counterpart': related('counterpart', 'Material'),
  'Interface.observations': related('observations', 'InterphaseObservation'),
  'InterphaseObservation.interface': related('interface', 'Interface'),
  'InterphaseObservation.products': related('products', 'Material'),
  'InterphaseObservation.productDetails': related('productDetails', 'InterphaseProduct'),
};
