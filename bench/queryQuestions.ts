/**
 * The questions of the query benchmark (bench/query.ts), one entry each, with how each of the three servers
 * is asked: the API, @neo4j/graphql 7 (`lib`) and one hand-written Cypher query (`cypher`).
 *
 * A way of asking is either one GraphQL request (`request`: its query, variables and how to read the rows
 * from `data`), or what a client must do when the server cannot answer the question in one request
 * (`client`: several requests and client-side filtering or aggregation, labelled with `note`). When the
 * API gains a filter or an aggregation, the question's `api` entry becomes a `request` — nothing else changes.
 *
 * Every way returns the question's rows in the same normalised shape, so that the benchmark can check that
 * the three servers agree before timing them.
 */
import { luceneQuery } from '../src/services/search.service.js';

export type Post = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface RequestWay {
  kind: 'request';
  query: string;
  variables?: Record<string, unknown>;
  /** Normalised rows from the answer's `data`. */
  rows(data: any): unknown;
  /** Set when the client still computes part of the answer from the rows it gets (e.g. a median). */
  note?: string;
}

export interface ClientWay {
  kind: 'client';
  /** What the client must do, printed beside the numbers. */
  note: string;
  run(post: Post): Promise<unknown>;
}

export type Way = RequestWay | ClientWay;

export interface Question {
  id: string;
  title: string;
  api: Way;
  lib: Way;
  cypher: Way;
}

export const SERVERS = ['api', 'lib', 'cypher'] as const;
export type ServerName = (typeof SERVERS)[number];

// --- parameters -------------------------------------------------------------------------------------

const PROPERTY = 'IONIC_CONDUCTIVITY';
/** 1 mS/cm in S/cm, the unit the graph stores conductivities in. */
const MIN_S_PER_CM = 1e-3;
const FIRST = 20;
const COUNTERPART = { apiName: 'Li', id: 'Li1' };
const SEARCH_TEXT = 'interphase';
const MATERIAL_NAME = 'LLZO';
/** q7: the words of a full-text search and how many of the best hits are asked for. */
const FULLTEXT_TEXT = 'interphase';
const FULLTEXT_FIRST = 20;
/** The Lucene query the API builds for FULLTEXT_TEXT (src/services/search.service.ts, luceneQuery), given as is to the other two. */
const FULLTEXT_QUERY = luceneQuery(FULLTEXT_TEXT);
/** The largest page of the API's compiled lists (one Cypher statement each). */
const API_COMPILED_PAGE = 1000;
/**
 * q3's page: interfaces with their observations and sources. The plan's cost counts each interface's
 * observations as the most one interface has (19 in the seeded graph), so 1000 interfaces with this
 * selection exceed QUERY_MAX_COST (234,001 > 200,000) and 500 do not.
 */
const Q3_PAGE = 500;

// --- helpers ----------------------------------------------------------------------------------------

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
/** Numbers to 9 significant digits, so that float sums or unit round trips do not count as differences. */
export const num = (v: unknown): unknown => (typeof v === 'number' ? Number(v.toPrecision(9)) : v);

/** Asks a paginated root field of the API page by page (`after` cursor) and returns every node. */
/** The rows of a connection answered in one page; a marker that differs from every other server's rows when it needed more. */
function onePage<T>(connection: { pageInfo: { hasNextPage: boolean }; edges: { node: any }[] }, rows: (nodes: any[]) => T): T | { incomplete: string } {
  if (connection.pageInfo.hasNextPage) return { incomplete: 'the answer needs more than one page' };
  return rows(connection.edges.map((e) => e.node));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
}

type FamilyValue = { family: string | null; value: number | null };
function statsByFamily(values: FamilyValue[]) {
  const groups = new Map<string, number[]>();
  for (const { family, value } of values) {
    if (family === null || value === null) continue;
    groups.set(family, [...(groups.get(family) ?? []), value]);
  }
  return [...groups.entries()]
    .map(([family, vs]) => ({ family, n: vs.length, median: num(median(vs)), max: num(Math.max(...vs)) }))
    .sort(byKey((r) => r.family));
}

const normMaterials = (total: number, ms: { id: string; name: string }[]) => ({ total, materials: ms.map((m) => ({ id: m.id, name: m.name })) });
const normObservation = (o: { id: string; interphaseType: string | null; publications: string[] }) => ({
  id: o.id,
  interphaseType: o.interphaseType,
  publications: [...o.publications].sort(),
});
const normInterfaces = (rows: { id: string; electrolyte: string[]; observations: any[] }[]) =>
  rows
    .map((r) => ({ id: r.id, electrolyte: [...r.electrolyte].sort(), observations: r.observations.map(normObservation).sort(byKey((o) => o.id)) }))
    .sort(byKey((r) => r.id));
const normPublications = (rows: { key: string; title: string | null; year: number | null }[]) =>
  rows.map((p) => ({ key: p.key, title: p.title, year: p.year })).sort(byKey((p) => p.key));
/** Best hits first; a score kept to 6 significant digits (the three servers read one index). */
const normHits = (rows: { key: string; title: string | null; year: number | null; score: number }[]) =>
  rows.map((p) => ({ key: p.key, title: p.title, year: p.year, score: Number(p.score.toPrecision(6)) }));
const normMeasurements = (xs: any[], fields: string[]) =>
  xs.map((x) => Object.fromEntries(fields.map((f) => [f, num(x[f])]))).sort(byKey((x: any) => x.id));
const normMaterialPage = (ms: { id: string; name: string; measurements: any[] }[]) =>
  ms.map((m) => ({ id: m.id, name: m.name, measurements: normMeasurements(m.measurements, ['id', 'property', 'value', 'unit']) }));
const normMaterialFacts = (ms: { id: string; name: string; measurements: any[]; windows: string[]; interfaces: string[] }[]) =>
  ms.map((m) => ({
    id: m.id,
    name: m.name,
    measurements: normMeasurements(m.measurements, ['id', 'property', 'value']),
    windows: [...m.windows].sort(),
    interfaces: [...new Set(m.interfaces)].sort(),
  }));

// --- the questions ----------------------------------------------------------------------------------

export const QUESTIONS: Question[] = [
  {
    id: 'q1-value-filter',
    title: `materials with an ionic conductivity (value, or lower bound of a range) ≥ 1 mS/cm: total + first ${FIRST} by id`,
    api: {
      kind: 'request',
      query: `query($first: Int) { materials(first: $first, where: { hasMeasurement: { property: ${PROPERTY}, value: { min: 1, unit: "mS/cm" } } }) {
        totalCount edges { node { id name } } } }`,
      variables: { first: FIRST },
      rows: (d) => normMaterials(d.materials.totalCount, d.materials.edges.map((e: any) => e.node)),
    },
    lib: {
      kind: 'request',
      query: `query($property: String!, $min: Float!, $first: Int!) {
        materialsConnection(first: $first, sort: [{ id: ASC }], where: { measurements: { some: { property: { eq: $property }, OR: [{ value: { gte: $min } }, { value: { eq: null }, min: { gte: $min } }] } } }) {
          totalCount edges { node { id name } } } }`,
      variables: { property: PROPERTY, min: MIN_S_PER_CM, first: FIRST },
      rows: (d) => normMaterials(d.materialsConnection.totalCount, d.materialsConnection.edges.map((e: any) => e.node)),
    },
    cypher: {
      kind: 'request',
      query: `query($property: String!, $min: Float!, $first: Int!) { materialsWithValueAtLeast(property: $property, min: $min, first: $first) }`,
      variables: { property: PROPERTY, min: MIN_S_PER_CM, first: FIRST },
      rows: (d) => normMaterials(d.materialsWithValueAtLeast[0].totalCount, d.materialsWithValueAtLeast[0].materials),
    },
  },
  {
    id: 'q2-family-stats',
    title: 'count, median and max ionic conductivity per structural family',
    api: {
      kind: 'request',
      query: `query { measurementStatistics(where: { property: ${PROPERTY} }, groupBy: [MAIN_FAMILY]) {
        groups { key { mainFamily } value { count median max } } } }`,
      // groups without a family (measurements of materials no source places in one) or without a point value are left
      // out, as the other two servers leave them out
      rows: (d) =>
        d.measurementStatistics.groups
          .filter((g: any) => g.key.mainFamily !== null && g.value.count > 0)
          .map((g: any) => ({ family: g.key.mainFamily, n: g.value.count, median: num(g.value.median), max: num(g.value.max) }))
          .sort(byKey((r: { family: string }) => r.family)),
    },
    lib: {
      kind: 'request',
      note: 'one request for the values; median computed client-side (no median among its aggregations)',
      query: `query($property: String!) { measurements(where: { property: { eq: $property } }) { value material { family } } }`,
      variables: { property: PROPERTY },
      rows: (d) => statsByFamily(d.measurements.flatMap((x: any) => x.material.map((m: any) => ({ family: m.family, value: x.value })))),
    },
    cypher: {
      kind: 'request',
      query: `query($property: String!) { valueStatsByFamily(property: $property) }`,
      variables: { property: PROPERTY },
      rows: (d) => d.valueStatsByFamily.map((r: any) => ({ family: r.family, n: r.n, median: num(r.median), max: num(r.max) })),
    },
  },
  {
    id: 'q3-interfaces-nested',
    title: 'interfaces against Li metal → interphase observations → sources',
    api: {
      kind: 'request',
      note: `one compiled page of up to ${Q3_PAGE} interfaces (all of them up to ×10; at ×100 the answer needs more pages and is marked incomplete, so not timed)`,
      query: `query($first: Int, $counterpart: String) { interfaces(where: { counterpart: $counterpart }, first: $first) {
        pageInfo { hasNextPage } edges { node { id electrolyte { name } observations { id interphaseType publications { key } } } } } }`,
      variables: { counterpart: COUNTERPART.apiName, first: Q3_PAGE },
      rows: (d) =>
        onePage(d.interfaces, (nodes) =>
          normInterfaces(
            nodes.map((n: any) => ({
              id: n.id,
              electrolyte: n.electrolyte ? [n.electrolyte.name] : [],
              observations: n.observations.map((o: any) => ({ ...o, publications: o.publications.map((p: any) => p.key) })),
            })),
          ),
        ),
    },
    lib: {
      kind: 'request',
      query: `query($id: ID!) { interfaces(where: { counterpart: { some: { id: { eq: $id } } } }) {
        id electrolyte { name } observations { id interphaseType publications { key } } } }`,
      variables: { id: COUNTERPART.id },
      rows: (d) =>
        normInterfaces(
          d.interfaces.map((i: any) => ({
            id: i.id,
            electrolyte: i.electrolyte.map((e: any) => e.name),
            observations: i.observations.map((o: any) => ({ ...o, publications: o.publications.map((p: any) => p.key) })),
          })),
        ),
    },
    cypher: {
      kind: 'request',
      query: `query($id: String!) { interfacesWithObservations(counterpartId: $id) }`,
      variables: { id: COUNTERPART.id },
      rows: (d) => normInterfaces(d.interfacesWithObservations),
    },
  },
  {
    id: 'q4-search',
    title: `publications whose title contains '${SEARCH_TEXT}' (case-insensitive)`,
    api: {
      kind: 'request',
      note: `one compiled page of up to ${API_COMPILED_PAGE} publications (titleContains); marked incomplete, so not timed, where more pages would be needed`,
      query: `query($first: Int, $text: String) { publications(where: { titleContains: $text }, first: $first) {
        pageInfo { hasNextPage } edges { node { key title year } } } }`,
      variables: { text: SEARCH_TEXT, first: API_COMPILED_PAGE },
      rows: (d) => onePage(d.publications, normPublications),
    },
    lib: {
      kind: 'request',
      query: `query($text: String!) { publications(where: { title: { caseInsensitive: { contains: $text } } }) { key title year } }`,
      variables: { text: SEARCH_TEXT },
      rows: (d) => normPublications(d.publications),
    },
    cypher: {
      kind: 'request',
      query: `query($text: String!) { publicationsByTitle(text: $text) }`,
      variables: { text: SEARCH_TEXT },
      rows: (d) => normPublications(d.publicationsByTitle),
    },
  },
  {
    id: 'q7-fulltext',
    title: `full-text search of publication titles for '${FULLTEXT_TEXT}': the best ${FULLTEXT_FIRST} (score, then key)`,
    api: {
      kind: 'request',
      query: `query($text: String!, $first: Int) { search(text: $text, kinds: [PUBLICATION], first: $first) {
        edges { node { score node { ... on Publication { key title year } } } } } }`,
      variables: { text: FULLTEXT_TEXT, first: FULLTEXT_FIRST },
      rows: (d) => normHits(d.search.edges.map((e: any) => ({ ...e.node.node, score: e.node.score }))),
    },
    lib: {
      kind: 'request',
      query: `query($query: String!, $first: Int) { publicationsTitleSearch(phrase: $query, first: $first, sort: [{ score: DESC }, { node: { key: ASC } }]) {
        edges { score node { key title year } } } }`,
      variables: { query: FULLTEXT_QUERY, first: FULLTEXT_FIRST },
      rows: (d) => normHits(d.publicationsTitleSearch.edges.map((e: any) => ({ ...e.node, score: e.score }))),
    },
    cypher: {
      kind: 'request',
      query: `query($query: String!, $first: Int!) { publicationsByTitleSearch(query: $query, first: $first) }`,
      variables: { query: FULLTEXT_QUERY, first: FULLTEXT_FIRST },
      rows: (d) => normHits(d.publicationsByTitleSearch),
    },
  },
  materialsPageQuestion(50),
  {
    id: 'q6-material-facts',
    title: `material by name ('${MATERIAL_NAME}') with measurements, reported windows, interfaces`,
    api: {
      kind: 'request',
      query: `query($name: String) { materials(where: { name: $name }) { edges { node {
        id name measurements { id property value } reportedStabilityWindows { id } interfaces { id } } } } }`,
      variables: { name: MATERIAL_NAME },
      rows: (d) =>
        normMaterialFacts(
          d.materials.edges.map((e: any) => ({
            ...e.node,
            windows: e.node.reportedStabilityWindows.map((w: any) => w.id),
            interfaces: e.node.interfaces.map((i: any) => i.id),
          })),
        ),
    },
    lib: {
      kind: 'request',
      query: `query($name: String!) { materials(where: { name: { eq: $name } }) {
        id name measurements { id property value } stabilityWindows { id } interfacesAsElectrolyte { id } interfacesAsCounterpart { id } } }`,
      variables: { name: MATERIAL_NAME },
      rows: (d) =>
        normMaterialFacts(
          d.materials.map((m: any) => ({
            ...m,
            windows: m.stabilityWindows.map((w: any) => w.id),
            interfaces: [...m.interfacesAsElectrolyte, ...m.interfacesAsCounterpart].map((i: any) => i.id),
          })),
        ),
    },
    cypher: {
      kind: 'request',
      query: `query($name: String!) { materialByName(name: $name) }`,
      variables: { name: MATERIAL_NAME },
      rows: (d) => normMaterialFacts(d.materialByName),
    },
  },
];

/** A page of `first` materials by id with their measurements (also used to count queries as the page grows). */
export function materialsPageQuestion(first: number): Question {
  return {
    id: `q5-materials-page-${first}`,
    title: `materials page (${first}, by id) with their measurements`,
    api: {
      kind: 'request',
      query: `query($first: Int) { materials(first: $first) { edges { node { id name measurements { id property value unit } } } } }`,
      variables: { first },
      rows: (d) => normMaterialPage(d.materials.edges.map((e: any) => e.node)),
    },
    lib: {
      kind: 'request',
      query: `query($first: Int!) { materials(limit: $first, sort: [{ id: ASC }]) { id name measurements { id property value unit } } }`,
      variables: { first },
      rows: (d) => normMaterialPage(d.materials),
    },
    cypher: {
      kind: 'request',
      query: `query($first: Int!) { materialsPage(first: $first) }`,
      variables: { first },
      rows: (d) => normMaterialPage(d.materialsPage),
    },
  };
}
