/**
 * A fingerprint of the graph: counts per label and relationship type, and a hash of all properties. The
 * phase data (95k PhaseEntry nodes, imported once and checked by phaseData.test.ts) are left out: no
 * other write touches them, and hashing them would make every snapshot take seconds.
 */
import { createHash } from 'node:crypto';
import { cypher, type GraphDatabase } from '../../src/graph/database.js';

const NODES = cypher(
  'test.snapshot.nodes',
  'MATCH (n) WHERE NOT n:PhaseEntry AND NOT any(l IN labels(n) WHERE l IN $leaveOut) RETURN labels(n) AS labels, properties(n) AS props',
);
const RELS = cypher(
  'test.snapshot.relationships',
  'MATCH (a)-[r]->(b) WHERE NOT a:PhaseEntry AND NOT b:PhaseEntry AND NOT any(l IN labels(a) + labels(b) WHERE l IN $leaveOut) ' +
    'RETURN type(r) AS type, properties(r) AS props, labels(a) AS la, properties(a) AS pa, labels(b) AS lb, properties(b) AS pb',
);

/** The audit trail's and the keys' nodes: what a write records about itself rather than the facts it writes. */
export const AUDIT_LABELS = ['ChangeSet', 'Change', 'ApiKey', 'FactVersion', 'CurationLock'] as const;

export interface SnapshotOptions {
  /** Leave out the audit trail and the API keys (AUDIT_LABELS): compare the facts only, e.g. before an import and after its revert. */
  withoutAudit?: boolean;
}
const KEY = (labels: string[], props: Record<string, unknown>) => `${labels.sort().join(':')}|${String(props.key ?? props.id ?? props.doi ?? '')}`;

export interface GraphSnapshot {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  hash: string;
}

/**
 * `options.withoutAudit` leaves out the audit trail and the keys (AUDIT_LABELS, FactVersion included); a list of
 * labels leaves out those nodes (and their relationships), e.g. ['ChangeSet', 'Change', 'ApiKey', 'FactVersion'].
 */
export async function snapshot(db: GraphDatabase, options: SnapshotOptions | readonly string[] = {}): Promise<GraphSnapshot> {
  const leaveOut = Array.isArray(options) ? [...options] : (options as SnapshotOptions).withoutAudit ? [...AUDIT_LABELS] : [];
  const nodes = await db.read(NODES, { leaveOut });
  const rels = await db.read(RELS, { leaveOut });
  const nodeCounts: Record<string, number> = {};
  const lines: string[] = [];
  for (const n of nodes) {
    const labels = n.labels as string[];
    const label = labels.sort().join(':');
    nodeCounts[label] = (nodeCounts[label] ?? 0) + 1;
    lines.push(`N ${KEY(labels, n.props as Record<string, unknown>)} ${stable(n.props)}`);
  }
  const relCounts: Record<string, number> = {};
  // relationships are fingerprinted by the keys of their ends, not by element ids (which change on re-creation)
  for (const e of rels) {
    relCounts[e.type as string] = (relCounts[e.type as string] ?? 0) + 1;
    lines.push(
      `R ${String(e.type)} ${KEY(e.la as string[], e.pa as Record<string, unknown>)} -> ${KEY(e.lb as string[], e.pb as Record<string, unknown>)} ${stable(e.props)}`,
    );
  }
  lines.sort();
  return { nodes: nodeCounts, relationships: relCounts, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
