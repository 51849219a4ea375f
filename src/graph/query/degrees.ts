/**
 * The largest number of nodes one parent reaches through each list relationship of the compiler (a
 * material's measurements, an interface's observations, a cell's components...), read from the graph in
 * one statement. The plan's cost (cost.ts) multiplies rows through the nesting with these instead of a
 * fixed guess, so a request whose nested lists are large in this graph is refused before it runs.
 */
import type { GraphDatabase } from '../database.js';
import { BY_POSITION, RELATION_PATTERN, SINGLE } from './compile.js';

/** Relation name → the largest number of distinct nodes one parent reaches through it. */
export type RelationDegrees = Readonly<Record<string, number>>;

/** The list relationships whose degree is read: one hop each (multi-hop patterns are filters only). */
function listRelations(): [string, string][] {
  const out = new Map<string, string>();
  for (const [name, pattern] of Object.entries(RELATION_PATTERN)) out.set(name, pattern('a', 'b'));
  for (const [name, positional] of Object.entries(BY_POSITION)) if (positional) out.set(name, positional.pattern('a', 'b', 'r'));
  return [...out].filter(([name, pattern]) => !SINGLE.has(name) && (pattern.match(/-\[/g) ?? []).length === 1);
}

/** One statement: a CALL per relationship, `max` over parents of the distinct nodes each reaches. */
export function degreesStatement(): { text: string; names: string[] } {
  const relations = listRelations();
  const calls = relations.map(([, pattern], i) => `CALL { MATCH ${pattern} WITH a, count(DISTINCT b) AS d RETURN coalesce(max(d), 0) AS d${i} }`);
  const returns = relations.map((_, i) => `d${i}`).join(', ');
  return { text: `// query.relationDegrees\n${calls.join('\n')}\nRETURN ${returns}`, names: relations.map(([name]) => name) };
}

export async function readRelationDegrees(db: GraphDatabase): Promise<RelationDegrees> {
  const { text, names } = degreesStatement();
  const [row] = await db.read({ name: 'query.relationDegrees', text });
  return Object.fromEntries(names.map((name, i) => [name, Number(row?.[`d${i}`] ?? 0)]));
}
