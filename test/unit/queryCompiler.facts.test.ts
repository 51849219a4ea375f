/**
 * The Cypher-generation tier of the compiled fact lists (windows, coatings, cells, publications) and of a family's
 * materials: GraphQL in, the one statement and its parameters out, without a database (the store's `read` records
 * the statement and answers an empty page). Values never enter the text; only the selected fields are read.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { compileRequest, oneStatement } from '../support/compiledRequests.js';

describe('compiled fact lists', () => {
  it('windows: a voltage range in mV becomes V parameters on the prefixed properties; only the selected fields are read', async () => {
    const q = await oneStatement('{ reportedStabilityWindows(where: { oxidationLimit: { min: 4500, unit: "mV" } }) { edges { node { id oxidationLimit { text } } } } }');
    expect(q.name).toBe('reportedStabilityWindows.list');
    expect(q.text).toMatch(/MATCH \(x0:StabilityWindow:Fact\) WHERE x0\.id IS NOT NULL AND \(x0\.oxidationValue >= (\$p\d) OR \(x0\.oxidationValue IS NULL AND x0\.oxidationMin >= \1\)\)/);
    expect(Object.values(q.params)).toContain(4.5);
    expect(q.text).toMatch(/oxidation: CASE WHEN x0\.hasOxidation/);
    expect(q.text).not.toMatch(/\{\s*\.\*|reductionText|methodText|4500/);
  });

  it('cells: the role of a component is part of the pattern, the material ids a parameter; the order by cycles a subquery', async () => {
    const { sent } = await compileRequest('{ cells(where: { cellType: SYMMETRIC, cycles: { min: 100 } }, orderBy: { field: CYCLES, direction: DESC }) { edges { node { id } } } }');
    const q = sent[0]!;
    expect(q.text).toMatch(/x0\.cellType = \$p\d/);
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[:HAS_RESULT\]->\(x\d+:CellResult\) WHERE/);
    expect(q.text).toMatch(/ORDER BY sortKey DESC, x0\.id/);
    expect(Object.values(q.params)).toEqual(expect.arrayContaining(['SYMMETRIC', 'CYCLE_COUNT', 100]));
  });

  it('publications: a title text lower-cased as a parameter, ordered by year with the key as tie-breaker', async () => {
    const q = await oneStatement('{ publications(where: { titleContains: "Garnet", isReview: false }, orderBy: { field: YEAR, direction: DESC }, first: 5) { edges { node { key year } } } }');
    expect(q.text).toMatch(/toLower\(x0\.title\) CONTAINS \$p\d/);
    expect(q.text).toMatch(/\(x0:Review\) = \$p\d/);
    expect(q.text).toMatch(/ORDER BY sortKey DESC, x0\.key LIMIT/);
    expect(Object.values(q.params)).toEqual(expect.arrayContaining(['garnet', false, neo4j.int(6)]));
    expect(q.text).not.toMatch(/Garnet|garnet/);
  });

  it("a family's materials: one UNWIND of the families, a page per family", async () => {
    const q = await oneStatement('{ structuralFamilies { id materials(first: 2) { totalCount edges { node { id } } } } }');
    expect(q.name).toBe('structuralFamilies.materials');
    expect(q.text).toMatch(/^\/\/ structuralFamilies\.materials\nUNWIND \$p\d AS grp\nCALL \{\n  WITH grp\n  MATCH \(x0:Material\) WHERE x0\.id IS NOT NULL AND grp IN x0\.families/);
    expect(q.text).toMatch(/RETURN grp, items, COUNT \{/);
  });

  it('a thickness in a unit that is not a length runs nothing (BAD_USER_INPUT naming the path)', async () => {
    const { sent, errors } = await compileRequest('{ coatingApplications(where: { thickness: { min: 1, unit: "V" } }) { totalCount } }');
    expect(sent).toEqual([]);
    expect(errors?.[0]?.message).toMatch(/^where\.thickness\.unit: 'V' is not a unit of thickness/);
  });
});
