/**
 * Phase entries in the compiler (registered with one line each in the tables of compile.ts): the entries
 * readers see, and the nodes an entry names by id (its dataset, the material of its composition), matched by
 * property, not by a relationship (see compile.variant.ts for the same with variants).
 *
 * Visibility is the one of graph/phaseData.store.ts (`VISIBLE`): a user's entries and those of the active import
 * run, read from the revision node once per statement (`activeRun`) and required of every root row and of the count.
 */
import { PHASE_ENTRY } from '../../domain/model/phaseEntry.kind.js';
import { filterableOf } from '../nodeKinds.js';
import type { NodeKind } from './plan.js';
import type { PhaseRelation } from './plan.phase.js';

export type { PhaseRelation };

export const PHASE_RELATION_PATTERN: Record<PhaseRelation, (from: string, to: string) => string> = {
  phaseDataset: (from, to) => `(${to}:Dataset {id: ${from}.datasetId})`,
  phaseMaterial: (from, to) => `(${to}:Material {id: ${from}.key})`,
};

export const PHASE_RELATION_TARGET: Record<PhaseRelation, NodeKind> = {
  phaseDataset: 'Dataset',
  phaseMaterial: 'Material',
};

/** Both name one node at most. */
export const PHASE_SINGLE: readonly PhaseRelation[] = ['phaseDataset', 'phaseMaterial'];

export const PHASE_FILTERABLE = { PhaseEntry: filterableOf(PHASE_ENTRY) } as const;

export const PHASE_ROOT_LABELS = { PhaseEntry: 'PhaseEntry' } as const;

/**
 * What a root list of a kind reads before its rows, and the condition every row (and the count) must meet:
 * `prelude` binds `binds` once per statement, imported into the page's subquery.
 */
export interface RootScope {
  prelude: string;
  binds: string[];
  condition: (v: string) => string;
  /** The number of rows without a filter, from counts the graph keeps (not a scan of every row). */
  countAll: string;
}

export const PHASE_ROOT_SCOPE: Partial<Record<NodeKind, RootScope>> = {
  PhaseEntry: {
    prelude: "OPTIONAL MATCH (revision:PhaseDataRevision {id: 'phase-data'})\nWITH revision.activeRun AS activeRun",
    binds: ['activeRun'],
    condition: (v) => `(${v}.source = 'USER' OR ${v}.run = activeRun)`,
    // the active import's entries, counted on its Dataset when the run was activated, and the users' (an index seek)
    countAll:
      "(reduce(n = 0, c IN COLLECT { MATCH (d:Dataset) WHERE d.phaseRun = activeRun RETURN coalesce(d.phaseEntryCount, 0) } | n + c) + COUNT { MATCH (u:PhaseEntry) WHERE u.source = 'USER' })",
  },
};
