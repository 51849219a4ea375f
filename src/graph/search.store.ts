/**
 * Full-text search through the Neo4j full-text indexes of schema/neo4j/003_names_search.cypher:
 * material names (curated name, formula, description; and every MaterialName: registry id, alias,
 * polymorph name), publication titles, and every text field of every fact (quote, note, the fields
 * kept as printed, and what each technique showed for an interphase observation, on its EVIDENCE
 * relationship). One query: the indexes of the kinds asked for, the hits of one node merged (its best
 * score), ordered by score (then kind and id, so that pages are stable), the total count and one page,
 * each hit with its node's record (the fields the loaders read), so that a search is one statement.
 *
 * The Lucene query is built by the caller from the user's words (each a quoted, escaped phrase:
 * services/search.service.ts); it is a parameter, never part of the Cypher text.
 */
import neo4j from 'neo4j-driver';
import { EVIDENCE } from '../domain/model/interphaseObservation.kind.js';
import { MATERIAL } from '../domain/model/material.kind.js';
import { MATERIAL_NAME } from '../domain/model/materialName.kind.js';
import { PUBLICATION } from '../domain/model/publication.kind.js';
import { cypher, type GraphDatabase, type NamedQuery, type Row } from './database.js';
import { KINDS } from './fact.store.js';
import { num, optStr, str } from './mapping.js';
import { projectionOf, propertyOf, recordMap } from './nodeKinds.js';
import { MATERIAL_PROJECTION, PUBLICATION_PROJECTION } from './query/projection.material.js';

/** A material name's properties as its declaration stores them (domain/model/materialName.kind.ts). */
const NAME = projectionOf(MATERIAL_NAME, {});
/** What a technique showed, on the EVIDENCE relationship (domain/model/interphaseObservation.kind.ts). */
const EVIDENCE_TEXT = propertyOf(EVIDENCE, 'text');

export const SEARCH_KINDS = ['MATERIAL', 'PUBLICATION', 'MEASUREMENT', 'STABILITY_WINDOW', 'INTERPHASE_OBSERVATION', 'COATING_APPLICATION', 'CELL'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The fact labels behind each fact kind of the search. */
const FACT_KIND_CASE = `CASE
    WHEN node:Measurement THEN 'MEASUREMENT'
    WHEN node:StabilityWindow THEN 'STABILITY_WINDOW'
    WHEN node:InterphaseObservation THEN 'INTERPHASE_OBSERVATION'
    WHEN node:CoatingApplication THEN 'COATING_APPLICATION'
    WHEN node:Cell THEN 'CELL' END`;

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

const BRANCHES = {
  MATERIAL: `
  CALL {
    CALL db.index.fulltext.queryNodes('material_text', $query) YIELD node, score
    RETURN node AS m, score,
      [{field: 'name', text: node.name}, {field: 'formula', text: node.formula}, {field: 'description', text: node.description}] AS fields
    UNION ALL
    CALL db.index.fulltext.queryNodes('material_name_text', $query) YIELD node, score
    MATCH (node)-[:NAMES]->(m:Material)
    RETURN m, score, [{field: toLower(${NAME.kind!('node')}), text: ${NAME.text!('node')}, review: ${NAME.review!('node')}}] AS fields
  }
  WITH m, max(score) AS score, collect(fields) AS fieldLists
  RETURN 'MATERIAL' AS kind, m.id AS id, m AS node, score, reduce(all = [], f IN fieldLists | all + f) AS fields`,
  PUBLICATION: `
  CALL db.index.fulltext.queryNodes('publication_title', $query) YIELD node, score
  RETURN 'PUBLICATION' AS kind, node.key AS id, node, score, [{field: 'title', text: node.title}] AS fields`,
  FACT: `
  CALL db.index.fulltext.queryNodes('fact_text', $query) YIELD node, score
  WITH node, score, ${FACT_KIND_CASE} AS kind
  WHERE kind IN $factKinds
  RETURN kind, node.id AS id, node, score, [f IN $factFields WHERE node[f] IS NOT NULL | {field: f, text: toString(node[f]), review: node.review}] AS fields`,
  EVIDENCE: `
  CALL db.index.fulltext.queryRelationships('evidence_text', $query) YIELD relationship, score
  WITH startNode(relationship) AS node, ${EVIDENCE_TEXT('relationship')} AS text, score
  RETURN 'INTERPHASE_OBSERVATION' AS kind, node.id AS id, node, score, [{field: 'evidence', text: text, review: node.review}] AS fields`,
};

/** The record of a hit's node `x` of each kind (as the loaders read it: every declared field). */
const RECORDS: Record<SearchKind, string> = {
  MATERIAL: recordMap(MATERIAL, MATERIAL_PROJECTION, 'x'),
  PUBLICATION: recordMap(PUBLICATION, PUBLICATION_PROJECTION, 'x'),
  MEASUREMENT: KINDS.measurement.projection,
  STABILITY_WINDOW: KINDS.window.projection,
  INTERPHASE_OBSERVATION: KINDS.observation.projection,
  COATING_APPLICATION: KINDS.coating.projection,
  CELL: KINDS.cell.projection,
};

/** The record of a hit's node, by the hit's kind, over the kinds searched only (the others' subqueries are not planned). */
function recordOfHit(kinds: readonly SearchKind[]): string {
  const wanted = SEARCH_KINDS.filter((k) => kinds.includes(k));
  if (wanted.length === 1) return RECORDS[wanted[0]!];
  return `CASE hit.kind\n${wanted.map((k) => `    WHEN '${k}' THEN ${RECORDS[k]}`).join('\n')} END`;
}

/** The search query over the indexes of `kinds` (exported for the tests that read its plan). */
export function searchQuery(kinds: readonly SearchKind[]): NamedQuery {
  const branches: string[] = [];
  if (kinds.includes('MATERIAL')) branches.push(BRANCHES.MATERIAL);
  if (kinds.includes('PUBLICATION')) branches.push(BRANCHES.PUBLICATION);
  if (kinds.some((k) => k !== 'MATERIAL' && k !== 'PUBLICATION')) branches.push(BRANCHES.FACT);
  if (kinds.includes('INTERPHASE_OBSERVATION')) branches.push(BRANCHES.EVIDENCE);
  const name = `search.${[...kinds].sort().join('+').toLowerCase()}`;
  return cypher(
    name,
    `
CALL {${branches.join('\n  UNION ALL')}
}
WITH kind, id, node, max(score) AS score, collect(fields) AS fieldLists
WITH kind, id, node, score, reduce(all = [], f IN fieldLists | all + f) AS fields ORDER BY score DESC, kind, id
WITH collect({kind: kind, id: id, node: node, score: score, fields: fields}) AS hits
CALL {
  WITH hits
  UNWIND hits[$skip..($skip + $limit)] AS hit
  WITH hit, hit.node AS x
  RETURN collect({kind: hit.kind, id: hit.id, score: hit.score, fields: hit.fields, record: ${recordOfHit(kinds)}}) AS items
}
RETURN size(hits) AS totalCount, items`,
  );
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
  /** The fields of the node the index covers, non-empty ones, in a fixed order per kind. */
  fields: SearchField[];
  /** The node's record, as the loaders read it (MaterialRecord, PublicationRecord, MeasurementRecord...). */
  record: Row;
}

export interface SearchPage {
  totalCount: number;
  items: SearchHitRecord[];
}

export class SearchStore {
  constructor(private readonly db: GraphDatabase) {}

  /** Hits of the Lucene `query` among `kinds`, best first: the total and `limit` hits after the first `skip`. */
  async search(query: string, kinds: readonly SearchKind[], skip: number, limit: number): Promise<SearchPage> {
    const [row] = await this.db.read(searchQuery(kinds), {
      query,
      factKinds: kinds.filter((k) => k !== 'MATERIAL' && k !== 'PUBLICATION'),
      factFields: FACT_TEXT_FIELDS,
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    });
    if (!row) throw new Error('search returned no row');
    return {
      totalCount: num(row, 'totalCount'),
      items: (row.items as Row[]).map((h) => ({
        kind: str(h, 'kind') as SearchKind,
        id: str(h, 'id'),
        score: num(h, 'score'),
        fields: ((h.fields as Row[] | null) ?? [])
          .filter((f) => typeof f.text === 'string' && f.text.length > 0)
          .map((f) => ({ field: str(f, 'field'), text: str(f, 'text'), review: optStr(f, 'review') })),
        record: h.record as Row,
      })),
    };
  }
}
