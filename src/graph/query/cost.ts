/**
 * The estimated cost of a plan, in the points of the API's request limits (one point per field, the
 * work of computed fields on top): rows per level multiplied through the nesting. Known before the
 * statement runs, so that a request over the limit runs nothing.
 */
import { SINGLE } from './compile.js';
import type { RelationDegrees } from './degrees.js';
import type { ListPlan, NodePlan, RelationField } from './plan.js';

/**
 * Rows a relationship field without a limit is assumed to return per parent while the graph's own degrees
 * are unknown (before `readRelationDegrees` has answered; as for unpaged lists).
 */
export const ASSUMED_RELATION_ROWS = 10;

/** Rows per parent: the field's limit, else the largest number one parent has in this graph (at least 1). */
function relationRows(r: RelationField, degrees: RelationDegrees): number {
  if (SINGLE.has(r.relation)) return 1;
  const known = degrees[r.relation];
  if (known === undefined) return r.limit ?? ASSUMED_RELATION_ROWS;
  return Math.max(1, r.limit === null ? known : Math.min(r.limit, known));
}

/** Points of one row of `node`: its fields, its resolvers' work, its relationship fields' rows. */
export function nodeCost(node: NodePlan, degrees: RelationDegrees = {}): number {
  let points = node.fields.length + node.sourceFields.length + node.resolverCost;
  for (const r of [...node.relations, ...node.sourceRelations]) points += 1 + relationRows(r, degrees) * nodeCost(r.node, degrees);
  for (const i of node.inline ?? []) points += 1 + nodeCost(i.node, degrees);
  return points;
}

/** Points of a root list: the connection, its count, and its page of rows. */
export function planCost(plan: ListPlan, degrees: RelationDegrees = {}): number {
  const rows = Math.max(1, plan.first);
  return 1 + (plan.totalCount ? 1 : 0) + (plan.node ? rows * (1 + nodeCost(plan.node, degrees)) : 0);
}
