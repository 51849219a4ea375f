/**
 * One hand-written Cypher query per question of the query benchmark (bench/query.ts), served as root
 * fields of a minimal GraphQL schema by `queryServers.ts cypher`. Each returns the question's rows.
 */
import neo4j from 'neo4j-driver';

export interface CypherQuestion {
  /** GraphQL arguments of the root field, e.g. 'first: Int!'. */
  args?: string;
  cypher: string;
  params(args: Record<string, unknown>): Record<string, unknown>;
}

const none = () => ({});
/** GraphQL Ints arrive as JavaScript numbers, which the driver sends as floats; LIMIT wants an integer. */
const int = (v: unknown) => neo4j.int(v as number);

export const CYPHER_QUESTIONS: Record<string, CypherQuestion> = {
  /** Materials with a measured value of a property at or above a threshold (any temperature): total and the first page by id. */
  materialsWithValueAtLeast: {
    args: 'property: String!, min: Float!, first: Int!',
    cypher: `
MATCH (m:Material)
WHERE EXISTS { (m)-[:HAS_MEASUREMENT]->(x:Measurement) WHERE x.property = $property AND coalesce(x.value, x.min) >= $min }
WITH m ORDER BY m.id
WITH collect(m) AS ms
RETURN size(ms) AS totalCount, [m IN ms[0..$first] | m {.id, .name}] AS materials`,
    params: (a) => ({ property: a.property, min: a.min, first: int(a.first) }),
  },
  /** Count, median and maximum of a property's values per structural family of the measured material. */
  valueStatsByFamily: {
    args: 'property: String!',
    cypher: `
MATCH (m:Material)-[:HAS_MEASUREMENT]->(x:Measurement)
WHERE x.property = $property AND x.value IS NOT NULL AND m.family IS NOT NULL
RETURN m.family AS family, count(x) AS n, percentileCont(x.value, 0.5) AS median, max(x.value) AS max
ORDER BY family`,
    params: (a) => ({ property: a.property }),
  },
  /** Interfaces against one counterpart material with their interphase observations and the observations' sources. */
  interfacesWithObservations: {
    args: 'counterpartId: String!',
    cypher: `
MATCH (i:Interface)-[:COUNTERPART]->(:Material {id: $counterpartId})
RETURN i.id AS id,
  COLLECT { MATCH (i)-[:ELECTROLYTE]->(e:Material) RETURN e.name } AS electrolyte,
  COLLECT { MATCH (o:InterphaseObservation)-[:AT]->(i)
            RETURN o {.id, .interphaseType, publications: COLLECT { MATCH (o)-[:REPORTED_BY]->(p:Publication) RETURN p.key ORDER BY p.key }}
            ORDER BY o.id } AS observations
ORDER BY id`,
    params: (a) => ({ counterpartId: a.counterpartId }),
  },
  /** Publications whose title contains a text, case-insensitively. */
  publicationsByTitle: {
    args: 'text: String!',
    cypher: `
MATCH (p:Publication) WHERE toLower(p.title) CONTAINS toLower($text)
RETURN p.key AS key, p.title AS title, p.year AS year
ORDER BY key`,
    params: (a) => ({ text: a.text }),
  },
  /** The best publications of a full-text search of their titles (the Lucene query as the API builds it), by score then key. */
  publicationsByTitleSearch: {
    args: 'query: String!, first: Int!',
    cypher: `
CALL db.index.fulltext.queryNodes('publication_title', $query) YIELD node, score
RETURN node.key AS key, node.title AS title, node.year AS year, score
ORDER BY score DESC, key LIMIT $first`,
    params: (a) => ({ query: a.query, first: int(a.first) }),
  },
  /** A page of materials by id with their measurements. */
  materialsPage: {
    args: 'first: Int!',
    cypher: `
MATCH (m:Material) WITH m ORDER BY m.id LIMIT $first
RETURN m.id AS id, m.name AS name,
  COLLECT { MATCH (m)-[:HAS_MEASUREMENT]->(x:Measurement) RETURN x {.id, .property, .value, .unit} ORDER BY x.id } AS measurements`,
    params: (a) => ({ first: int(a.first) }),
  },
  /** A material by its name with its measurements, reported stability windows and interfaces. */
  materialByName: {
    args: 'name: String!',
    cypher: `
MATCH (m:Material {name: $name})
RETURN m.id AS id, m.name AS name,
  COLLECT { MATCH (m)-[:HAS_MEASUREMENT]->(x:Measurement) RETURN x {.id, .property, .value} ORDER BY x.id } AS measurements,
  COLLECT { MATCH (m)-[:HAS_WINDOW]->(w:StabilityWindow) RETURN w.id ORDER BY w.id } AS windows,
  COLLECT { MATCH (i:Interface)-[:ELECTROLYTE|COUNTERPART]->(m) RETURN DISTINCT i.id AS id ORDER BY id } AS interfaces`,
    params: (a) => ({ name: a.name }),
  },
  ping: { cypher: 'RETURN 1 AS one', params: none },
};
