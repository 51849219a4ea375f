/**
 * The Cypher-generation tier of the compiled lists: GraphQL in (executed against the real schema), the
 * one statement and its parameters out, without a database. The store's `read` is replaced by a
 * recorder that answers an empty page; every statement a request would send is recorded.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { compileRequest, oneStatement } from '../support/compiledRequests.js';

describe('compiled materials list', () => {
  it('reads only the selected properties (no x {.*}), and no count unless totalCount is selected', async () => {
    const q = await oneStatement('{ materials(first: 5) { edges { node { id name composition { element amount } } } } }');
    expect(q.name).toBe('materials.list');
    expect(q.text).not.toMatch(/\{\s*\.\*/);
    expect(q.text).not.toMatch(/COUNT \{/);
    expect(q.text).toMatch(/name: x0\.name/);
    expect(q.text).toMatch(/composition: \[i IN range/);
    expect(q.text).not.toMatch(/aliasTexts|reportedFormulas|familyLabels/);
    expect(q.params).toEqual({ p0: neo4j.int(6) });
  });

  it('counts with COUNT {} only when totalCount is selected, and reads no rows for totalCount alone', async () => {
    const q = await oneStatement('{ materials(where: { family: ARGYRODITE }) { totalCount } }');
    expect(q.text).toMatch(/RETURN \[\] AS items, COUNT \{ MATCH \(x0:Material\) WHERE \$p0 IN x0\.families \} AS totalCount/);
    expect(q.text).not.toMatch(/CALL/);
    expect(q.params).toEqual({ p0: 'ARGYRODITE' });
  });

  it('compiles Material.measurements(property:) into a subquery with its own filter, and Measurement.material into another', async () => {
    const q = await oneStatement('{ materials { edges { node { id m: measurements(property: IONIC_CONDUCTIVITY) { value material { name } } } } } }');
    expect(q.text).toMatch(/rel_m: COLLECT \{ MATCH \(x0\)-\[:HAS_MEASUREMENT\]->\(x1:Measurement\) WHERE x1\.property = \$p1/);
    expect(q.text).toMatch(/rel_material: head\(COLLECT \{ MATCH \(x2:Material\)-\[:HAS_MEASUREMENT\]->\(x1\)/);
    expect(q.params.p1).toBe('IONIC_CONDUCTIVITY');
  });

  it('gives nested measurements their own order and limit inside their subquery', async () => {
    const q = await oneStatement('{ materials { edges { node { best: measurements(property: IONIC_CONDUCTIVITY, orderBy: { field: VALUE, direction: DESC }, first: 1) { value } } } } }');
    expect(q.text).toMatch(/rel_best: COLLECT \{ MATCH \(x0\)-\[:HAS_MEASUREMENT\]->\(x1:Measurement\) WHERE x1\.property = \$p1\n\s*WITH DISTINCT x1 ORDER BY coalesce\(coalesce\(x1\.value, x1\.min, x1\.max\), \$p2\) DESC, x1\.id LIMIT \$p3/);
    expect(q.params).toMatchObject({ p1: 'IONIC_CONDUCTIVITY', p2: -1e308, p3: neo4j.int(1) });
  });

  it('filters by facts with EXISTS {} and a value converted to S/cm: 1 mS/cm → 0.001 (the value, else the lower bound, in a form the indexes answer)', async () => {
    const q = await oneStatement(
      '{ materials(where: { hasMeasurement: { property: IONIC_CONDUCTIVITY, value: { min: 1, unit: "mS/cm" } } }) { edges { node { id } } } }',
    );
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[:HAS_MEASUREMENT\]->\(x1:Measurement\) WHERE \(x1\.property = \$p0 AND \(x1\.value >= \$p1 OR \(x1\.value IS NULL AND x1\.min >= \$p1\)\)\) \}/);
    expect(q.params).toEqual({ p0: 'IONIC_CONDUCTIVITY', p1: 0.001, p2: neo4j.int(21) });
  });

  it('pages in id order on the id itself (the index order, not a sort of every match), and counts one fact condition from the fact side', async () => {
    const q = await oneStatement(
      '{ materials(where: { hasMeasurement: { property: IONIC_CONDUCTIVITY, value: { min: 1, unit: "mS/cm" } } }) { totalCount edges { node { id } } } }',
    );
    expect(q.text).toMatch(/MATCH \(x0:Material\) WHERE x0\.id IS NOT NULL AND EXISTS \{[^]*\}\n\s*WITH x0 ORDER BY x0\.id ASC LIMIT \$p2\n/);
    // the page and the count read the same parameters
    expect(q.text).toMatch(
      /COUNT \{ MATCH \(x0:Material\) MATCH \(x0\)-\[:HAS_MEASUREMENT\]->\(x2:Measurement\) WHERE \(x2\.property = \$p0 AND \(x2\.value >= \$p1 OR \(x2\.value IS NULL AND x2\.min >= \$p1\)\)\) RETURN DISTINCT x0 \} AS totalCount/,
    );
    expect(Object.keys(q.params)).toEqual(['p0', 'p1', 'p2']);
    // two fact conditions: counted with EXISTS {} as the page filters
    const two = await oneStatement(
      '{ materials(where: { AND: [{ hasMeasurement: { property: IONIC_CONDUCTIVITY } }, { hasMeasurement: { property: ACTIVATION_ENERGY } }] }) { totalCount } }',
    );
    expect(two.text).toMatch(/COUNT \{ MATCH \(x0:Material\) WHERE \(EXISTS \{[^]*\} AND EXISTS \{[^]*\}\) \} AS totalCount/);
  });

  it('counts with EXISTS {} what is not one fact condition: under NOT, under OR', async () => {
    const plain = /RETURN \[\] AS items, COUNT \{ MATCH \(x0:Material\) WHERE [^]*EXISTS \{[^]*\} AS totalCount$/;
    for (const where of [
      'NOT: { hasMeasurement: { property: IONIC_CONDUCTIVITY } }',
      'OR: [{ hasMeasurement: { property: IONIC_CONDUCTIVITY } }, { family: GARNET }]',
    ]) {
      const q = await oneStatement(`{ materials(where: { ${where} }) { totalCount } }`);
      expect(q.text, where).toMatch(plain);
      expect(q.text, where).not.toMatch(/RETURN DISTINCT/);
    }
  });

  it('compiles AND/OR/NOT with parameters, never spliced values', async () => {
    const q = await oneStatement(`{ materials(where: { OR: [{ family: GARNET }, { chemicalSystem: "S-P-Li" }], NOT: { kind: NAMED } }) { totalCount } }`);
    expect(q.text).toMatch(/\(\(\$p0 IN x0\.families OR x0\.chemicalSystem = \$p1\) AND NOT coalesce\(\(x0\.kind = \$p2\), false\)\)/);
    expect(q.params).toEqual({ p0: 'GARNET', p1: 'Li-P-S', p2: 'NAMED' });
    expect(q.text).not.toMatch(/GARNET|Li-P-S|NAMED/);
  });

  it("orders by a material's best report of a property, nulls last, ties by id", async () => {
    const q = await oneStatement('{ materials(orderBy: { field: PROPERTY_VALUE, property: IONIC_CONDUCTIVITY, direction: DESC }) { edges { node { id } } } }');
    expect(q.text).toMatch(/CALL \{ WITH x0 OPTIONAL MATCH \(x0\)-\[:HAS_MEASUREMENT\]->\(m:Measurement\) WHERE m\.property = \$p0/);
    expect(q.text).toMatch(/RETURN max\(s\.value\) AS k \}/);
    expect(q.text).toMatch(/WITH x0, coalesce\(k, \$p1\) AS sortKey\n\s*WITH x0, sortKey ORDER BY sortKey DESC, x0\.id LIMIT \$p2/);
    expect(q.params.p1).toBe(-1e308);
  });
});

describe('compiled measurements list', () => {
  it('runs the provenance subqueries only for the source fields selected', async () => {
    const bare = await oneStatement('{ measurements { edges { node { id value unit } } } }');
    expect(bare.text).not.toMatch(/ASSERTED_IN|FROM_DATASET|REPORTED_BY|CORRECTED_REFERENCE|OF_VARIANT/);
    const withLine = await oneStatement('{ measurements { edges { node { id source { line } } } } }');
    expect(withLine.text).toMatch(/source: \{lines: /);
    expect(withLine.text).not.toMatch(/ASSERTED_IN|FROM_DATASET|REPORTED_BY/);
    const withDataset = await oneStatement('{ measurements { edges { node { id source { recordId } } } } }');
    expect(withDataset.text).toMatch(/FROM_DATASET/);
    expect(withDataset.text).not.toMatch(/ASSERTED_IN|REPORTED_BY/);
  });

  it("compiles the publications a fact cites in the source's order (REPORTED_BY position), the first one for publication", async () => {
    const q = await oneStatement('{ measurements { edges { node { id publication { doi } publications { year citedBy { number } } } } } }');
    expect(q.text).toMatch(/rel_publication: head\(COLLECT \{ MATCH \(x0\)-\[rx1:REPORTED_BY\]->\(x1:Publication\)\n\s*WITH DISTINCT x1, rx1 ORDER BY rx1\.position LIMIT 1/);
    expect(q.text).toMatch(/rel_publications: COLLECT \{ MATCH \(x0\)-\[rx2:REPORTED_BY\]->\(x2:Publication\)\n\s*WITH DISTINCT x2, rx2 ORDER BY rx2\.position\n\s*RETURN \{key: x2\.key, year: x2\.year, rel_citedBy: /);
    // a publication's citing reviews, read through CITES (the number is the relationship's), by year, key, number
    expect(q.text).toMatch(/rel_citedBy: COLLECT \{ MATCH \(x3:Review\)-\[rx3:CITES\]->\(x2\)\n\s*WITH DISTINCT x3, rx3 ORDER BY x3\.year, x3\.key, rx3\.number\n\s*RETURN \{number: rx3\.number\} \}/);
  });

  it('compiles the dataset and the provenance objects (review, corrected reference, dataset) inside the source map', async () => {
    const q = await oneStatement('{ measurements { edges { node { id dataset { name recordCount } source { line review { key } dataset { id } } } } } }');
    expect(q.text).toMatch(/\}, rel_dataset: head\(COLLECT \{ MATCH \(x0\)-\[:FROM_DATASET\]->\(x3:Dataset\)[^]*recordCount: coalesce\(x3\.rowCount/);
    expect(q.text).toMatch(/source: \{lines: coalesce\(x0\.lines, \[\]\), rel_review: head\(COLLECT \{ MATCH \(x0\)-\[:ASSERTED_IN\]->\(x1:Publication\)/);
  });

  it('reads a temperature range given in °C in K, and a year range through the publications', async () => {
    const q = await oneStatement('{ measurements(where: { temperature: { min: 200, unit: "°C" }, year: { max: 2011 } }) { edges { node { id } } } }');
    expect(q.text).toMatch(/x0\.temperatureK >= \$p0 AND EXISTS \{ MATCH \(x0\)-\[:REPORTED_BY\|CORRECTED_REFERENCE\]->\(x1:Publication\) WHERE x1\.year <= \$p1 \}/);
    expect(q.params).toEqual({ p0: 473.15, p1: 2011, p2: neo4j.int(21) });
  });

  it("means by family the measurements of the family's materials, by aboutFamily the family-level statements", async () => {
    const q = await oneStatement('{ measurements(where: { family: ARGYRODITE }) { edges { node { id } } } }');
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x1:Material\)-\[:HAS_MEASUREMENT\]->\(x0\) WHERE \$p0 IN x1\.families \}/);
    const about = await oneStatement('{ measurements(where: { aboutFamily: ARGYRODITE }) { totalCount } }');
    expect(about.text).toMatch(/WHERE x0\.family = \$p0 \}/);
  });

  it('orders by value with a keyset cursor on (sort key, id)', async () => {
    const first = await oneStatement('{ measurements(orderBy: { field: VALUE, direction: DESC }, first: 2) { edges { cursor } } }');
    expect(first.text).toMatch(/WITH x0, coalesce\(coalesce\(x0\.value, x0\.min, x0\.max\), \$p0\) AS sortKey\n/);
    const cursor = Buffer.from(`measurement:${JSON.stringify({ o: JSON.stringify([{ kind: 'measurementValue' }, 'DESC']), k: 0.025, i: 'obelix:4p7' })}`).toString('base64url');
    const next = await oneStatement(`{ measurements(orderBy: { field: VALUE, direction: DESC }, first: 2, after: "${cursor}") { edges { cursor } } }`);
    expect(next.text).toMatch(/AS sortKey WHERE \(sortKey < \$p2 OR \(sortKey = \$p2 AND x0\.id > \$p1\)\)/);
    expect(next.params).toMatchObject({ p1: 'obelix:4p7', p2: 0.025 });
  });

  it('refuses a cursor of another order, a unit of another property (listing accepted ones), a value range without property', async () => {
    const idCursor = Buffer.from('measurement:obelix:4p7').toString('base64url');
    const wrong = await compileRequest(`{ measurements(orderBy: { field: VALUE }, after: "${idCursor}") { totalCount } }`);
    expect(wrong.errors?.[0]?.message).toMatch(/^after: .* not a cursor of this order/);
    const unit = await compileRequest('{ measurements(where: { property: IONIC_CONDUCTIVITY, value: { min: 1, unit: "eV" } }) { totalCount } }');
    expect(unit.errors?.[0]?.message).toMatch(/^where\.value\.unit: 'eV' is not a unit of ionic conductivity; accepted: 'S\/cm', .*'mS\/cm'/);
    expect(unit.sent).toEqual([]);
    const noProperty = await compileRequest('{ measurements(where: { value: { min: 1 } }) { totalCount } }');
    expect(noProperty.errors?.[0]?.message).toMatch(/^where\.value: give `property`/);
  });
});

describe('cost from the plan', () => {
  it('refuses a plan over the limit before anything is sent (QUERY_TOO_COMPLEX), and admits pages above 100 under it', async () => {
    const big = '{ materials(first: 1000) { edges { node { id measurements { id value source { quote } } } } } }';
    const refused = await compileRequest(big, 20_000);
    expect(refused.errors?.[0]?.message).toMatch(/^estimated cost \d+ exceeds the limit of 20000/);
    expect(refused.sent).toEqual([]);
    const admitted = await compileRequest(big, 200_000);
    expect(admitted.errors).toBeUndefined();
    expect(admitted.sent.map((s) => s.name)).toEqual(['materials.list']);
  });

  it('costs a search by its page and what is nested under its hits: refused before anything is sent, else one statement', async () => {
    const nested = '{ search(text: "LLZO", first: 100) { edges { node { node { ... on Material { id measurements { id value publications { key title } } } ... on Cell { id } } } } } }';
    const noHits = () => [{ items: [] }];
    const refused = await compileRequest(nested, 2_000, noHits);
    expect(refused.errors?.[0]?.message).toMatch(/^estimated cost \d+ exceeds the limit of 2000/);
    expect(refused.sent).toEqual([]);
    const flat = await compileRequest('{ search(text: "LLZO", first: 100) { edges { node { node { ... on Material { id } } } } } }', 2_000, noHits);
    expect(flat.errors).toBeUndefined();
    const admitted = await compileRequest(nested, 200_000, noHits);
    expect(admitted.errors).toBeUndefined();
    expect(admitted.sent.map((s) => s.name)).toEqual(['search.cell+claim+coating_application+interphase_observation+material+measurement+publication+stability_window']);
    // the material's measurements and their publications are subqueries of the hit's projection; nothing is counted unless asked
    expect(admitted.sent[0]!.text).toMatch(/WHEN kind IN \['MATERIAL'\] THEN \{id: x0\.id, rel_measurements: COLLECT \{ MATCH \(x0\)-\[:HAS_MEASUREMENT\]->/);
    expect(admitted.sent[0]!.text).toMatch(/REPORTED_BY/);
    expect(admitted.sent[0]!.text).not.toMatch(/totalCount|size\(hits\)/);
    expect(admitted.sent[0]!.text).toMatch(/ORDER BY score DESC, kind, id SKIP \$skip LIMIT \$limit/);
  });

  it('weighs computed fields as the request limits do (a stability window: 1000 points a row)', async () => {
    const refused = await compileRequest('{ materials(first: 30) { edges { node { id stabilityWindow { reductionLimitV } } } } }', 20_000);
    expect(refused.errors?.[0]?.message).toMatch(/^estimated cost 3\d{4} exceeds/);
    expect(refused.sent).toEqual([]);
  });
});

describe('bounds on filters', () => {
  it('refuses AND/OR/NOT nested deeper than 8 levels, naming the path', async () => {
    const nested = (n: number): string => (n === 0 ? '{ kind: NAMED }' : `{ NOT: ${nested(n - 1)} }`);
    const ok = await compileRequest(`{ materials(where: ${nested(8)}) { totalCount } }`);
    expect(ok.errors).toBeUndefined();
    const refused = await compileRequest(`{ materials(where: ${nested(9)}) { totalCount } }`);
    expect(refused.errors?.[0]?.message).toMatch(/^where(\.NOT){8}: AND\/OR\/NOT nest deeper than 8 levels/);
    expect(refused.sent).toEqual([]);
  });
});
