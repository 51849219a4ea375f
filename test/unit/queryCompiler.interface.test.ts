/**
 * The Cypher-generation tier of the compiled interfaces and interphase observations (as
 * queryCompiler.test.ts for materials and measurements): GraphQL in, the one statement and its parameters
 * out, without a database. Name lookups answer nothing, so a material name is read as a formula.
 */
import { execute, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInterphaseSchema } from '../../src/api/schema.js';
import type { GraphDatabase } from '../../src/graph/database.js';
import { createStores } from '../../src/graph/loaders.js';
import { createServices } from '../../src/services/index.js';
import type { ThermoEngine } from '../../src/services/thermo/thermo.engine.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildInterphaseSchema();
});

interface Sent {
  name: string;
  text: string;
  params: Record<string, unknown>;
}

/** Runs a GraphQL request over stores whose database records statements and answers no rows. */
async function compile(query: string, maxCost = 200_000): Promise<{ lists: Sent[]; errors: readonly { message: string }[] | undefined }> {
  const sent: Sent[] = [];
  const db = {
    read: async (q: { name: string; text: string }, params: Record<string, unknown> = {}) => {
      sent.push({ name: q.name, text: q.text, params });
      return q.name.endsWith('.list') ? [{ items: [], totalCount: 0 }] : [];
    },
  } as unknown as GraphDatabase;
  const services = createServices(createStores(db), {} as ThermoEngine, { maxCost });
  const result = await execute({ schema, document: parse(query), contextValue: { services } });
  return { lists: sent.filter((s) => s.name.endsWith('.list')), errors: result.errors };
}

const one = async (query: string): Promise<Sent> => {
  const { lists, errors } = await compile(query);
  expect(errors).toBeUndefined();
  expect(lists).toHaveLength(1);
  return lists[0]!;
};

describe('compiled interfaces and interphase observations', () => {
  it('interfaces → observations → products and publications: subqueries of one statement, products and publications in the source order', async () => {
    const q = await one('{ interfaces(first: 5) { edges { node { id electrolyte { name } observations { id products { formula } publications { key } } } } } }');
    expect(q.name).toBe('interfaces.list');
    expect(q.text).toMatch(/MATCH \(x0:Interface\)/);
    expect(q.text).toMatch(/rel_electrolyte: head\(COLLECT \{ MATCH \(x0\)-\[:ELECTROLYTE\]->\(x\d+:Material\)/);
    expect(q.text).toMatch(/rel_observations: COLLECT \{ MATCH \(x\d+:InterphaseObservation\)-\[:AT\]->\(x0\)/);
    expect(q.text).toMatch(/\[rx\d+:PRODUCES\]->\(x\d+:Material\)\n\s+WITH DISTINCT x\d+, rx\d+ ORDER BY rx\d+\.position/);
    expect(q.text).not.toMatch(/\{\s*\.\*/);
  });

  it('observation filters: an interphase type of either scheme, product and counterpart through EXISTS, computed false counting a missing flag', async () => {
    const q = await one(
      '{ interphaseObservations(where: { interphaseType: "TYPE_3_PASSIVATING", OR: [{ interphaseType: "UNSTABLE" }, { computed: false }], product: "Li3P", counterpart: "Li", technique: XPS }) { totalCount } }',
    );
    expect(q.name).toBe('interphaseObservations.list');
    expect(q.text).toMatch(/MATCH \(x0:InterphaseObservation:Fact\)/);
    expect(q.text).toMatch(/x0\.interphaseType = \$p\d+/);
    expect(q.text).toMatch(/x0\.stabilityClass = \$p\d+/);
    expect(q.text).toMatch(/coalesce\(x0\.computed, false\) = \$p\d+/);
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[:PRODUCES\]->\(x\d+:Material\) WHERE x\d+\.id IN \$p\d+ \}/);
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[:AT\]->\(x\d+:Interface\) WHERE EXISTS \{ MATCH \(x\d+\)-\[:COUNTERPART\]->\(x\d+:Material\)/);
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x0\)-\[:EVIDENCE\]->\(x\d+:Technique\) WHERE x\d+\.id = \$p\d+ \}/);
    const values = Object.values(q.params);
    for (const v of ['TYPE_3_PASSIVATING', 'UNSTABLE', false, 'XPS']) expect(values).toContainEqual(v);
    expect(values).toContainEqual(['Li3P1']);
    expect(values).toContainEqual(['Li1']);
    expect(q.text).not.toMatch(/TYPE_3|UNSTABLE|XPS|Li3P/);
  });

  it('materials testedAgainst and observedForming: EXISTS through their interfaces', async () => {
    const q = await one('{ materials(where: { testedAgainst: "Li", observedForming: "Li2S" }) { totalCount } }');
    expect(q.text).toMatch(/EXISTS \{ MATCH \(x\d+:Interface\)-\[:ELECTROLYTE\]->\(x0\) WHERE EXISTS \{ MATCH \(x\d+\)-\[:COUNTERPART\]->\(x\d+:Material\)/);
    expect(q.text).toMatch(
      /EXISTS \{ MATCH \(x\d+:Interface\)-\[:ELECTROLYTE\|COUNTERPART\]->\(x0\) WHERE EXISTS \{ MATCH \(x\d+:InterphaseObservation\)-\[:AT\]->\(x\d+\) WHERE EXISTS \{ MATCH \(x\d+\)-\[:PRODUCES\]->/,
    );
    expect(Object.values(q.params)).toEqual(expect.arrayContaining([['Li1'], ['Li2S1']]));
  });

  it('orders observations by the year of their first cited publication, nulls last, with a keyset cursor', async () => {
    const q = await one('{ interphaseObservations(orderBy: { field: YEAR, direction: DESC }) { edges { node { id } } } }');
    expect(q.text).toMatch(/coalesce\(head\(COLLECT \{ MATCH \(x0\)-\[r:REPORTED_BY\]->\(p:Publication\) RETURN p\.year ORDER BY r\.position \}\), \$p\d+\) AS sortKey/);
    expect(q.text).toMatch(/ORDER BY sortKey DESC, x0\.id/);
  });
});

describe('cost of the new levels', () => {
  it('multiplies rows through interfaces → observations → products (10 assumed a level): 1 + 1000 × (1 + 1 + (1 + 10 × (1 + 1 + 10 × 1))) = 123 001', async () => {
    const query = '{ interfaces(first: 1000) { edges { node { id observations { id products { id } } } } } }';
    const refused = await compile(query, 123_000);
    expect(refused.errors?.[0]?.message).toMatch(/^estimated cost 123001 exceeds the limit of 123000/);
    expect(refused.lists).toEqual([]);
    const admitted = await compile(query, 123_001);
    expect(admitted.errors).toBeUndefined();
    expect(admitted.lists.map((s) => s.name)).toEqual(['interfaces.list']);
  });
});
