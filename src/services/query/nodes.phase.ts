/**
 * The compiled fields of phase entries, for nodes.ts: `dataset` and `material`, the nodes an entry names by id
 * (graph/query/compile.phase.ts).
 */
import type { NodeKind, PhaseRelation } from '../../graph/query/plan.js';

/** `<Type>.<field>` → the relation it follows and the kind of node it returns. */
export const PHASE_RELATION_FIELDS: Readonly<Record<string, { relation: PhaseRelation; kind: NodeKind }>> = {
  'PhaseEntry.dataset': { relation: 'phaseDataset', kind: 'Dataset' },
  'PhaseEntry.material': { relation: 'phaseMaterial', kind: 'Material' },
};
