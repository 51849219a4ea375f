/**
 * Full-text search through the Neo4j full-text indexes of schema/neo4j/003_names_search.cypher:
 * material names (curated name, formula, description; and every MaterialName: registry id, alias,
 * polymorph name), publication titles, and every text field of every fact (quote, note, the fields
 * kept as printed, and what each technique showed for an interphase observation, on its EVIDENCE
 * relationship). One statement: the indexes of the kinds asked for, the hits of one node merged (its best
 * score), ordered by score (then kind and id, so that pages are stable), one page and (when asked for) the
 * total count; each hit of the page with its text fields and its node's selected fields, compiled as the
 * compiled lists compile a node (graph/query/compile.ts `projection`: relationship fields are subqueries),
 * so that a search is one statement whatever is selected under its hits.
 *
 * The Lucene query is built by the caller from the user's words (each a quoted, escaped phrase:
 * services/search.service.ts); it is a parameter, never part of the Cypher text.
 */
import neo4j from 'neo4j-driver';
import { EVIDENCE } from '../domain/model/interphaseObservation.kind.js';
import { MATERIAL_NAME } from '../domain/model/materialName.kind.js';
import type { GraphDatabase, Row } from './database.js';
import { num, optStr, str } from './mapping.js';
import { projectionOf, propertyOf } from './nodeKinds.js';
import { bindNames, namesOf, projection, Scope, type CompiledQuery } from './query/compile.js';
import { nameChecksOf, type NameCheck } from './query/compile.names.js';
import type { NodeKind, NodePlan } from './query/plan.js';

/** A material name's properties as its declaration stores them (domain/model/materialName.kind.ts). */
const NAME = projectionOf(MATERIAL_NAME, {});
/** What a technique showed, on the EVIDENCE relationship (domain/model/interphaseObservation.kind.ts). */
const EVIDENCE_TEXT = propertyOf(EVIDENCE, 'text');

export const SEARCH_KINDS = ['MATERIAL', 'PUBLICATION', 'MEASUREMENT', 'STABILITY_WINDOW', 'INTERPHASE_OBSERVATION', 'COATING_APPLICATION', 'CELL', 'CLAIM'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The fact labels behind each fact kind of the search. */
const FACT_KIND_CASE = `CASE
    WHEN node:Measurement THEN 'MEASUREMENT'
    WHEN node:StabilityWindow THEN 'STABILITY_WINDOW'
    WHEN node:InterphaseObservation THEN 'INTERPHASE_OBSERVATION'
    WHEN node:CoatingApplication THEN 'COATING_APPLICATION'
    WHEN node:Cell THEN 'CELL'
    WHEN node:Claim THEN 'CLAIM' END`;

/** The text fields of facts that the full-text index `fact_text` covers (and a hit may have matched). */
export const FACT_TEXT_FIELDS = [
  'quote',
  'note',
  'propertyText',
  'methodText',
  'reductionText',
  'oxidationText',
  'counterpartText',
  'conditions',
  'productsText',
  'characterText',
  'substrateText',
  'effectText',
  'resultText',
  'conditionsOther',
  'temperatureText',
] as const;

/**
 * One branch per index: `kind, id, node, score`, `own` (1 when the node's own text fields matched: they are
 * read after the page's cut, `OWN_FIELDS`) and `fields` (the matching text that is not on the node: a material
 * name, what a technique showed), small maps built for the hits of those indexes only.
 */
const BRANCHES = {
  MATERIAL: `
  CALL db.index.fulltext.queryNodes('material_text', $query) YIELD node, score
  RETURN 'MATERIAL' AS kind, node.id AS id, node, score, 1 AS own, [] AS fields
  UNION ALL
  CALL db.index.fulltext.queryNodes('material_name_text', $query) YIELD node AS name, score
  MATCH (name)-[:NAMES]->(node:Material)
  RETURN 'MATERIAL' AS kind, node.id AS id, node, score, 0 AS own,
    [{field: toLower(${NAME.kind!('name')}), text: ${NAME.text!('name')}, review: ${NAME.review!('name')}}] AS fields`,
  PUBLICATION: `
  CALL db.index.fulltext.queryNodes('publication_title', $query) YIELD node, score
  RETURN 'PUBLICATION' AS kind, node.key AS id, node, score, 1 AS own, [] AS fields`,
  FACT: `
  CALL db.index.fulltext.queryNodes('fact_text', $query) YIELD node, score
  WITH node, score, ${FACT_KIND_CASE} AS kind
  WHERE kind IN $factKinds
  RETURN kind, node.id AS id, node, score, 1 AS own, [] AS fields`,
  CLAIM: `
  CALL db.index.fulltext.queryNodes('claim_text', $query) YIELD node, score
  RETURN 'CLAIM' AS kind, node.id AS id, node, score, 1 AS own, [] AS fields`,
  EVIDENCE: `
  CALL db.index.fulltext.queryRelationships('evidence_text', $query) YIELD relationship, score
  WITH startNode(relationship) AS node, ${EVIDENCE_TEXT('relationship')} AS text, score
  RETURN 'INTERPHASE_OBSERVATION' AS kind, node.id AS id, node, score, 0 AS own, [{field: 'evidence', text: text, review: node.review}] AS fields`,
};

/** A branch as the start of the statement: its last RETURN a WITH. */
function inlined(branch: string): string {
  const at = branch.lastIndexOf('RETURN ');
  return `${branch.slice(0, at)}WITH ${branch.slice(at + 'RETURN '.length)}`.trim();
}

/** The node's own text fields the index of its kind covers, read for the hits of a page only (`x`: the node). */
function ownFields(kind: SearchKind, x: string): string {
  if (kind === 'MATERIAL') return `[{field: 'name', text: ${x}.name}, {field: 'formula', text: ${x}.formula}, {field: 'description', text: ${x}.description}]`;
  if (kind === 'PUBLICATION') return `[{field: 'title', text: ${x}.title}]`;
  if (kind === 'CLAIM') return `[{field: 'statement', text: ${x}.statement, review: ${x}.review}] + ${ownFields('MEASUREMENT', x)}`;
  return `[f IN $factFields WHERE ${x}[f] IS NOT NULL | {field: f, text: toString(${x}[f]), review: ${x}.review}]`;
}

/** An expression over the kinds searched, by the hit's `kind` (a CASE only when there are several; equal expressions share one arm). */
function byKind(kinds: readonly SearchKind[], expression: (kind: SearchKind) => string): string {
  const arms = new Map<string, SearchKind[]>();
  for (const k of SEARCH_KINDS.filter((k) => kinds.includes(k))) {
    const e = expression(k);
    arms.set(e, [...(arms.get(e) ?? []), k]);
  }
  if (arms.size === 1) return [...arms.keys()][0]!;
  return `CASE ${[...arms].map(([e, ks]) => `WHEN kind IN [${ks.map((k) => `'${k}'`).join(', ')}] THEN ${e}`).join(' ')} END`;
}

/** What a search reads and returns; built by services/search.service.ts. */
export interface SearchPlan {
  /** The Lucene query (each word a quoted, escaped phrase). */
  query: string;
  kinds: readonly SearchKind[];
  skip: number;
  /** Hits to return after `skip` (one more than the page, to know whether a next page exists). */
  limit: number;
  /** Count every hit (the hits are then collected before the page's cut). */
  totalCount: boolean;
  /** Return each hit's text fields (to show the field that matched). */
  fields: boolean;
  /** The fields of the hit's node to read, by kind (graph/query/compile.ts `projection`); null: none selected. */
  nodes: Partial<Record<SearchKind, NodePlan>> | null;
}

/** The node kind of the compiler behind each search kind. */
export const SEARCH_NODE_KIND: Record<SearchKind, NodeKind> = {
  MATERIAL: 'Material',
  PUBLICATION: 'Publication',
  MEASUREMENT: 'Measurement',
  STABILITY_WINDOW: 'StabilityWindow',
  INTERPHASE_OBSERVATION: 'InterphaseObservation',
  COATING_APPLICATION: 'CoatingApplication',
  CELL: 'Cell',
  CLAIM: 'Claim',
};

/**
 * The search statement of a plan (exported for the tests that read its plan). The hits of one node are
 * merged (best score) only when a node can be hit twice (a material by its text and a name, an observation by
 * its text and its evidence); without `totalCount` the page is cut by ORDER BY ... LIMIT (a top-k, no list of
 * every hit), and the node's fields and text are read for the page's hits only.
 */
export function compileSearch(plan: Omit<SearchPlan, 'query' | 'skip' | 'limit'>): CompiledQuery {
  const kinds = plan.kinds;
  const scope = new Scope();
  const x = scope.variable();
  const branches: string[] = [];
  if (kinds.includes('MATERIAL')) branches.push(BRANCHES.MATERIAL);
  if (kinds.includes('PUBLICATION')) branches.push(BRANCHES.PUBLICATION);
  if (kinds.some((k) => k !== 'MATERIAL' && k !== 'PUBLICATION')) branches.push(BRANCHES.FACT);
  if (kinds.includes('INTERPHASE_OBSERVATION')) branches.push(BRANCHES.EVIDENCE);
  if (kinds.includes('CLAIM')) branches.push(BRANCHES.CLAIM);
  const merged = kinds.includes('MATERIAL') || kinds.includes('INTERPHASE_OBSERVATION') || kinds.includes('CLAIM');
  // material names a filter under a hit reads (`measurements(where: { material: ... })`), bound before the projections that carry them
  bindNames(scope, null, Object.values(plan.nodes ?? {}));
  const hit = [
    'kind: kind',
    'id: id',
    'score: score',
    ...(plan.fields ? [`fields: CASE own WHEN 1 THEN ${byKind(kinds, (k) => ownFields(k, x))} ELSE [] END + fields`] : []),
    ...(plan.nodes ? [`node: ${byKind(kinds, (k) => projection(plan.nodes![k]!, x, scope))}`] : []),
  ];
  const name = `search.${[...kinds].sort().join('+').toLowerCase()}`;
  if (plan.totalCount) {
    // the names resolved once the hits are collected (one row), imported into the page's subquery
    const names = namesOf(scope, ['hits']);
    const lines = [
      ...hitsOf(branches, merged, []),
      'WITH kind, id, node, score, own, fields ORDER BY score DESC, kind, id',
      'WITH collect({kind: kind, id: id, node: node, score: score, own: own, fields: fields}) AS hits',
      ...names.prelude,
      'CALL {',
      `  WITH ${['hits', ...names.variables].join(', ')}`,
      '  UNWIND hits[$skip..($skip + $limit)] AS hit',
      `  WITH ${['hit.kind AS kind', 'hit.id AS id', `hit.node AS ${x}`, 'hit.score AS score', 'hit.own AS own', 'hit.fields AS fields', ...names.variables].join(', ')}`,
      `  RETURN collect({${hit.join(', ')}}) AS items`,
      '}',
      `RETURN ${['size(hits) AS totalCount', 'items', ...names.returns].join(', ')}`,
    ];
    return { name, text: `// ${name}\n${lines.join('\n')}`, params: scope.params, nameRefs: names.refs };
  }
  // the names resolved first and carried through the hits (constant grouping keys of the merge)
  const top = namesOf(scope);
  const lines = [
    ...top.prelude,
    ...hitsOf(branches, merged, top.variables),
    `WITH ${['kind', 'id', `node AS ${x}`, 'score', 'own', 'fields', ...top.variables].join(', ')} ORDER BY score DESC, kind, id SKIP $skip LIMIT $limit`,
    `WITH collect({${hit.join(', ')}}) AS items`,
    `RETURN ${['items', ...top.returns].join(', ')}`,
  ];
  return { name, text: `// ${name}\n${lines.join('\n')}`, params: scope.params, nameRefs: top.refs };
}

/** The hits of the indexes as rows `kind, id, node, score, own, fields` (a node's hits merged when it can be hit twice), keeping `carried`. */
function hitsOf(branches: readonly string[], merged: boolean, carried: readonly string[]): string[] {
  const keep = carried.map((c) => `, ${c}`).join('');
  // one index: its rows as they come (no CALL {} around a single branch, unless variables are carried past it)
  const single = branches.length === 1 && !branches[0]!.includes('UNION') && carried.length === 0;
  const lines = single ? [inlined(branches[0]!)] : [`CALL {${branches.join('\n  UNION ALL')}\n}`];
  if (merged) {
    lines.push(
      `WITH kind, id, node, max(score) AS score, max(own) AS own, collect(fields) AS fieldLists${keep}`,
      `WITH kind, id, node, score, own, reduce(all = [], f IN fieldLists | all + f) AS fields${keep}`,
    );
  }
  return lines;
}

export interface SearchField {
  field: string;
  text: string;
  review: string | null;
}

export interface SearchHitRecord {
  kind: SearchKind;
  /** Material id, publication key or fact id. */
  id: string;
  score: number;
  /** The fields of the node the index covers, non-empty ones, in a fixed order per kind (empty when not asked for). */
  fields: SearchField[];
  /** The node's selected fields, as the compiled lists return them (`rel_<key>` for relationship fields); null when none is selected. */
  node: Row | null;
}

export interface SearchPage {
  /** Null when not asked for. */
  totalCount: number | null;
  /** What the statement found for the material names a filter under a hit reads (services/materialRef.ts checks them). */
  names: NameCheck[];
  items: SearchHitRecord[];
}

export class SearchStore {
  constructor(private readonly db: GraphDatabase) {}

  /** The hits of a plan, best first: `limit` hits after the first `skip`, and their total when asked for. */
  async search(plan: SearchPlan): Promise<SearchPage> {
    const compiled = compileSearch(plan);
    const [row] = await this.db.read({ name: compiled.name, text: compiled.text }, {
      ...compiled.params,
      query: plan.query,
      factKinds: plan.kinds.filter((k) => k !== 'MATERIAL' && k !== 'PUBLICATION'),
      factFields: FACT_TEXT_FIELDS,
      skip: neo4j.int(plan.skip),
      limit: neo4j.int(plan.limit),
    });
    if (!row) throw new Error('search returned no row');
    return {
      totalCount: plan.totalCount ? num(row, 'totalCount') : null,
      names: nameChecksOf(compiled.nameRefs, row.nameChecks),
      items: (row.items as Row[]).map((h) => ({
        kind: str(h, 'kind') as SearchKind,
        id: str(h, 'id'),
        score: num(h, 'score'),
        fields: ((h.fields as Row[] | null) ?? [])
          .filter((f) => typeof f.text === 'string' && f.text.length > 0)
          .map((f) => ({ field: str(f, 'field'), text: str(f, 'text'), review: optStr(f, 'review') })),
        node: (h.node as Row | undefined) ?? null,
      })),
    };
  }
}
