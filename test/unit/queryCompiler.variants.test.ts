/**
 * The Cypher-generation tier of a fact list filtered by a material's name with its variant (`variants: AS_NAMED |
 * EXACT | ROLL_UP`): GraphQL in, the one statement out, without a database (test/e2e/variants.test.ts runs them against the
 * seeded graph). Name lookups answer nothing here, so the names are formulas; the statement is the same for any text.
 */
import { describe, expect, it } from 'vitest';
import { oneList } from '../support/compiledRequests.js';

const OWN_VARIANT = String.raw`head\(\[\(x0\)-\[:OF_VARIANT\]->\(fv:MaterialVariant\) \| fv\.id\]\)`;

describe('a material name with its variant in a compiled fact list', () => {
  it('binds the variants the name stands for and their refinements at the start, and carries them into the page', async () => {
    const q = await oneList('{ measurements(where: { material: "Li7La3Zr2O12" }) { totalCount edges { node { id } } } }');
    // every name of the chosen material names a variant, else none (a name of the material itself)
    expect(q.text).toMatch(/WHEN size\(ref0_ids\) = 0 AND size\(ref0\) = 1 AND size\(\[nm IN ref0_names WHERE nm\.materialId = ref0\[0\] \| coalesce\(nm\.variantId, ''\)\]\) > 0 AND NOT '' IN /);
    expect(q.text).toMatch(/END AS ref0_variant\b/);
    // the refinements: the named variants' material's variants with each of their polymorph, form and dopants
    expect(q.text).toMatch(/COLLECT \{ MATCH \(nv:MaterialVariant\) WHERE nv\.id IN ref0_variant MATCH \(nv\)-\[:VARIANT_OF\]->\(nm:Material\) MATCH \(fv:MaterialVariant\)-\[:VARIANT_OF\]->\(nm\) WHERE fv = nv OR /);
    expect(q.text).toMatch(/fv\.dopantElements = nv\.dopantElements/);
    expect(q.text).toMatch(/END AS ref0_variants\b/);
    expect(q.text).toMatch(/CALL \{\n  WITH ref0, ref0_variant, ref0_variants\n/);
  });

  it('AS_NAMED: the fact reaches the material and its variant is among the refinements where the name stands for variants', async () => {
    const q = await oneList('{ measurements(where: { material: "Li7La3Zr2O12" }) { edges { node { id } } } }');
    expect(q.text).toMatch(new RegExp(String.raw`EXISTS \{ MATCH \(x\d+:Material\)-\[:HAS_MEASUREMENT\]->\(x0\) WHERE x\d+\.id IN ref0 AND \(ref0_variants IS NULL OR ${OWN_VARIANT} IN ref0_variants\) \}`));
  });

  it('EXACT: a named variant, or no variant for a material of its own name; ROLL_UP: no condition on the variant', async () => {
    const exact = await oneList('{ measurements(where: { material: "La3Li7O12Zr2", variants: EXACT }) { edges { node { id } } } }');
    expect(exact.text).toMatch(new RegExp(String.raw`\(coalesce\(${OWN_VARIANT} IN ref0_variant, false\) OR \(ref0_variant IS NULL AND ${OWN_VARIANT} IS NULL\)\)`));
    const rollUp = await oneList('{ measurements(where: { material: "Li7La3Zr2O12", variants: ROLL_UP }) { edges { node { id } } } }');
    expect(rollUp.text).toMatch(/EXISTS \{ MATCH \(x\d+:Material\)-\[:HAS_MEASUREMENT\]->\(x0\) WHERE x\d+\.id IN ref0 \}/);
    expect(rollUp.text).not.toMatch(/ref0_variants IS NULL OR/);
  });

  it('a list filtered by one material name is counted from the pattern (the material found first), with the same conditions', async () => {
    const q = await oneList('{ cells(where: { electrolyte: "Li7La3Zr2O12", cellType: FULL }) { totalCount } }');
    expect(q.text).toMatch(
      /COUNT \{ MATCH \(x0:Cell(:Fact)?\) MATCH \(x0\)-\[(rx\d+):HAS_COMPONENT WHERE \2\.role IN \['ELECTROLYTE', 'CATHOLYTE', 'ANOLYTE'\]\]->\(x\d+:Material\) WHERE x\d+\.id IN ref0 AND \(ref0_variants IS NULL OR \2\.variantId IN ref0_variants\) AND x0\.cellType = \$p\d+ RETURN DISTINCT x0 \}/,
    );
  });

  it("the variants of a level reach the AND/OR/NOT items under it; a claim's interface takes none", async () => {
    const nested = await oneList('{ measurements(where: { variants: EXACT, OR: [{ material: "La3Li7O12Zr2" }, { material: "Li7La3Zr2O12", variants: ROLL_UP }] }) { edges { node { id } } } }');
    expect(nested.text).toMatch(/ref0_variant IS NULL AND/);
    expect(nested.text).not.toMatch(/ref1_variant IS NULL AND/);
    const claims = await oneList('{ claims(where: { electrolyte: "Li7La3Zr2O12" }) { edges { node { id } } } }');
    expect(claims.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[:ABOUT_INTERFACE\]->\(:Interface\)-\[:ELECTROLYTE\]->\(x\d+:Material\) WHERE x\d+\.id IN ref0 \}/);
  });
});
