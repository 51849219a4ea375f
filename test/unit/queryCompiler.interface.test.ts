/**
 * The Cypher-generation tier of the compiled interfaces and interphase observations (as
 * queryCompiler.test.ts for materials and measurements): GraphQL in, the one statement and its parameters
 * out, without a database. Name lookups answer nothing, so a material name is read as a formula.
 */
import { describe, expect, it } from 'vitest';
import { compileRequest, oneList } from '../support/compiledRequests.js';

describe('compiled interfaces and interphase observations', () => {
  it('interfaces → observations → products and publications: subqueries of one statement, products and publications in the source order', async () => {
    const q = await oneList('{ interfaces(first: 5) { edges { node { id electrolyte { name } observations { id products { formula } publications { key } } } } } }');
    expect(q.name).toBe('interfaces.list');
    expect(q.text).toMatch(/MATCH \(x0:Interface\)/);
    expect(q.text).toMatch(/rel_electrolyte: head\(COLLECT \{ MATCH \(x0\)-\[:ELECTROLYTE\]->\(x\d+:Material\)/);
    expect(q.text).toMatch(/rel_observations: COLLECT \{ MATCH \(x\d+:InterphaseObservation\)-\[:AT\]->\(x0\)/);
    expect(q.text).toMatch(/\[rx\d+:PRODUCES\]->\(x\d+:Material\)\n\s+WITH DISTINCT x\d+, rx\d+ ORDER BY rx\d+\.position/);
    expect(q.text).not.toMatch(/\{\s*\.\*/);
  });

  it('observation filters: an interphase type of either scheme, product and counterpart through EXISTS, computed false counting a missing flag', async () => {
    const q = await oneList(
      '{ interphaseObservations(where: { interphaseType: "TYPE_3_PASSIVATING", OR: [{ interphaseType: "UNSTABLE" }, { computed: false }], product: "Li3P", counterpart: "Li", technique: XPS }) { totalCount } }',
    );
    expect(q.name).toBe('interphaseObservations.list');
    expect(q.text).toMatch(/MATCH \(x0:InterphaseObservation:Fact\)/);
    expect(q.text).toMatch(/x0\.interphaseType = \$p\d+/);
    expect(q.text).toMatch(/x0\.stabilityClass = \$p\d+/);
    expect(q.text).toMatch(/coalesce\(x0\.computed, false\) = \$p\d+/);
    // a material name is resolved at the statement's start (ref0: an exact id, else a name, else the composition the text reads as)
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[(rx\d+):PRODUCES\]->\(x\d+:Material\) WHERE x\d+\.id IN ref0 AND \(ref0_variants IS NULL OR \1\.variantId IN ref0_variants\) \}/);
    expect(q.text).toMatch(/^WITH COLLECT \{ MATCH \(m:Material \{id: \$p\d+\}\) RETURN m\.id \} AS ref0_ids, COLLECT \{ MATCH \(n:MaterialName \{key: \$p\d+\}\)-\[:NAMES\]->\(m:Material\)/m);
    // the counterpart through the interface, its variant as the name stands for one (the observation stores the counterpart's variant)
    expect(q.text).toMatch(
      /EXISTS \{ MATCH \(x0\)-\[:AT\]->\(:Interface\)-\[:COUNTERPART\]->\(x\d+:Material\) WHERE x\d+\.id IN ref1 AND \(ref1_variants IS NULL OR x0\.counterpartVariantId IN ref1_variants\) \}/,
    );
    expect(q.text).toMatch(/END AS ref1_variant\b/);
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[:EVIDENCE\]->\(x\d+:Technique\) WHERE x\d+\.id = \$p\d+ \}/);
    const values = Object.values(q.params);
    for (const v of ['TYPE_3_PASSIVATING', 'UNSTABLE', false, 'XPS']) expect(values).toContainEqual(v);
    expect(values).toContainEqual(['Li3P1']);
    expect(values).toContainEqual(['Li1']);
    expect(q.text).not.toMatch(/TYPE_3|UNSTABLE|XPS|Li3P/);
  });

  it('materials testedAgainst and observedForming: EXISTS through their interfaces (tested: where something was observed)', async () => {
    const q = await oneList('{ materials(where: { testedAgainst: "Li", observedForming: "Li2S" }) { totalCount } }');
    expect(q.text).toMatch(
      /EXISTS \{ MATCH \(x\d+:Interface\)-\[:ELECTROLYTE\]->\(x0\) WHERE \(EXISTS \{ MATCH \(x\d+\)-\[:COUNTERPART\]->\(x\d+:Material\) WHERE x\d+\.id IN ref\d+ \} AND EXISTS \{ MATCH \(x\d+:InterphaseObservation\)-\[:AT\]->\(x\d+\) \}\)/,
    );
    expect(q.text).toMatch(
      /EXISTS \{ MATCH \(x\d+:Interface\)-\[:ELECTROLYTE\|COUNTERPART\]->\(x0\) WHERE EXISTS \{ MATCH \(x\d+:InterphaseObservation\)-\[:AT\]->\(x\d+\) WHERE EXISTS \{ MATCH \(x\d+\)-\[:PRODUCES\]->/,
    );
    expect(Object.values(q.params)).toEqual(expect.arrayContaining([['Li1'], ['Li2S1']]));
  });

  it('orders observations by the year of their first cited publication, nulls last, with a keyset cursor', async () => {
    const q = await oneList('{ interphaseObservations(orderBy: { field: YEAR, direction: DESC }) { edges { node { id } } } }');
    expect(q.text).toMatch(/coalesce\(head\(COLLECT \{ MATCH \(x0\)-\[r:REPORTED_BY\]->\(p:Publication\) RETURN p\.year ORDER BY r\.position \}\), \$p\d+\) AS sortKey/);
    expect(q.text).toMatch(/ORDER BY sortKey DESC, x0\.id/);
  });
});

describe('cost of the new levels', () => {
  it('multiplies rows through interfaces → observations → products (10 assumed a level): 1 + 1000 × (1 + 1 + (1 + 10 × (1 + 1 + 10 × 1))) = 123 001', async () => {
    const query = '{ interfaces(first: 1000) { edges { node { id observations { id products { id } } } } } }';
    const refused = await compileRequest(query, 123_000);
    expect(refused.errors?.[0]?.message).toMatch(/^estimated cost 123001 exceeds the limit of 123000/);
    expect(refused.lists).toEqual([]);
    const admitted = await compileRequest(query, 123_001);
    expect(admitted.errors).toBeUndefined();
    expect(admitted.lists.map((s) => s.name)).toEqual(['interfaces.list']);
  });
});
