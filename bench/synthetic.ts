/**
 * Grows the benchmark's graph to N times the seeded one with SYNTHETIC data, for the query benchmark only:
 * copy k (1 … N−1) of every seeded material, measurement, reported stability window, interface, interphase
 * observation and publication, so that the counts and distributions (properties per material, facts per
 * interface, families, sources per fact) stay those of the seeded graph.
 *
 * Every synthetic node carries `synthetic: true`, `syntheticOf` (the id or key it copies) and an id or key
 * prefixed `synthetic:<k>:`; names get a ` [synthetic k]` suffix and no aliases. Conductivity values are
 * the seeded value times 10^u with u uniform in ±0.5 (other values ±10 %). A copy's measurements, windows
 * and interfaces hang off the copy of its material; its sources are the copies of the seeded publications;
 * the counterparts, products, techniques, reviews and the dataset stay the seeded ones (Li metal faces
 * N times as many interfaces in an N-times graph). Family-level statements, variants, coatings and cells
 * are not copied.
 *
 * It writes only into a database carrying the benchmark's marker node (`bench/graph.ts` creates it in the
 * throwaway Neo4j it starts), never into the user's.
 */
import type { Driver } from 'neo4j-driver';

export const BENCH_MARKER_LABEL = 'InterphaseBenchDatabase';

const prefix = (k: number) => `synthetic:${k}:`;

const COPY_NODES = [
  // publications (reviews stay the seeded ones)
  `MATCH (p:Publication) WHERE p.synthetic IS NULL AND NOT p:Review
   CREATE (c:Publication) SET c = p {.*, key: $p + p.key, doi: null, synthetic: true, syntheticOf: p.key}`,
  `MATCH (m:Material) WHERE m.synthetic IS NULL
   CREATE (c:Material) SET c = m {.*, id: $p + m.id, name: m.name + ' [synthetic ' + $k + ']',
     aliasTexts: [], aliasVariants: [], aliasReviews: [], seedAliasTexts: null, seedAliasVariants: null,
     seedAliasReviews: null, seedName: null, synthetic: true, syntheticOf: m.id}`,
  `MATCH (m:Material)-[:HAS_MEASUREMENT]->(x:Measurement) WHERE m.synthetic IS NULL
   MATCH (c:Material {id: $p + m.id})
   CREATE (c)-[:HAS_MEASUREMENT]->(y:Measurement:Fact)
   SET y = x {.*, id: $p + x.id, synthetic: true, syntheticOf: x.id}
   SET y.value = CASE WHEN x.value IS NULL THEN null
                    WHEN x.property = 'IONIC_CONDUCTIVITY' THEN x.value * 10 ^ (rand() - 0.5)
                    ELSE x.value * (0.9 + 0.2 * rand()) END
   FOREACH (_ IN CASE WHEN x:SeedRecord THEN [1] ELSE [] END | SET y:SeedRecord)`,
  `MATCH (m:Material)-[:HAS_WINDOW]->(x:StabilityWindow) WHERE m.synthetic IS NULL
   MATCH (c:Material {id: $p + m.id})
   CREATE (c)-[:HAS_WINDOW]->(y:StabilityWindow:Fact:SeedRecord)
   SET y = x {.*, id: $p + x.id, synthetic: true, syntheticOf: x.id}`,
  `MATCH (i:Interface) WHERE i.synthetic IS NULL
   CREATE (j:Interface:SeedRecord) SET j = i {.*, id: $p + i.id, synthetic: true, syntheticOf: i.id}
   WITH i, j
   CALL { WITH i, j MATCH (i)-[:ELECTROLYTE]->(e:Material) MATCH (ce:Material {id: $p + e.id}) CREATE (j)-[:ELECTROLYTE]->(ce) }
   CALL { WITH i, j MATCH (i)-[:ELECTROLYTE_FAMILY]->(f) CREATE (j)-[:ELECTROLYTE_FAMILY]->(f) }
   CALL { WITH i, j MATCH (i)-[:COUNTERPART]->(c) CREATE (j)-[:COUNTERPART]->(c) }`,
  `MATCH (o:InterphaseObservation)-[:AT]->(i:Interface) WHERE o.synthetic IS NULL
   MATCH (j:Interface {id: $p + i.id})
   CREATE (y:InterphaseObservation:Fact:SeedRecord)-[:AT]->(j)
   SET y = o {.*, id: $p + o.id, synthetic: true, syntheticOf: o.id}`,
];

/** Relationships of the copied facts: to the copy of a publication, or to the same node. */
const COPY_FACT_RELATIONSHIPS: { type: string; toPublicationCopy: boolean }[] = [
  { type: 'REPORTED_BY', toPublicationCopy: true },
  { type: 'CORRECTED_REFERENCE', toPublicationCopy: true },
  { type: 'ASSERTED_IN', toPublicationCopy: false },
  { type: 'FROM_DATASET', toPublicationCopy: false },
  { type: 'EVIDENCE', toPublicationCopy: false },
  { type: 'PRODUCES', toPublicationCopy: false },
];

function copyRelationship(type: string, toPublicationCopy: boolean): string {
  return `
   MATCH (y:Fact) WHERE y.id STARTS WITH $p
   MATCH (x:Fact {id: y.syntheticOf})-[r:${type}]->(t)
   ${toPublicationCopy ? 'MATCH (tc:Publication {key: $p + t.key})' : 'WITH y, r, t AS tc'}
   CREATE (y)-[r2:${type}]->(tc) SET r2 = properties(r)`;
}

async function run(driver: Driver, database: string, text: string, params: Record<string, unknown> = {}) {
  return driver.executeQuery(text, params, { database });
}

/** How many synthetic copies the graph holds (0: the seeded graph). */
export async function syntheticCopies(driver: Driver, database: string): Promise<number> {
  const r = await run(driver, database, 'MATCH (m:Material) WHERE m.synthetic RETURN count(m) AS n');
  const s = await run(driver, database, 'MATCH (m:Material) WHERE m.synthetic IS NULL RETURN count(m) AS n');
  return Math.round(Number(r.records[0]!.get('n')) / Math.max(1, Number(s.records[0]!.get('n'))));
}

/** Adds synthetic copies until the graph is `factor` times the seeded one; `log` reports progress. */
export async function growGraph(driver: Driver, database: string, factor: number, log: (m: string) => void): Promise<void> {
  const marked = await run(driver, database, `MATCH (b:${BENCH_MARKER_LABEL}) RETURN count(b) AS n`);
  if (Number(marked.records[0]!.get('n')) !== 1) throw new Error('refusing to write synthetic data: not the benchmark’s own database');
  const have = await syntheticCopies(driver, database);
  const started = Date.now();
  for (let k = have + 1; k < factor; k++) {
    const params = { p: prefix(k), k };
    for (const text of COPY_NODES) await run(driver, database, text, params);
    for (const r of COPY_FACT_RELATIONSHIPS) await run(driver, database, copyRelationship(r.type, r.toPublicationCopy), params);
    if (k % 10 === 0 || k === factor - 1) log(`synthetic copy ${k}/${factor - 1} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}
