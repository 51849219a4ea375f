/**
 * The compiled lists of interfaces and interphase observations, and the material filters and fields that go
 * through them, against the real Neo4j on the seeded graph. Expected values are read by hand from the
 * curated records: seed/facts/<review>/interphases.yaml (record ids I1…), and the years of the cited papers
 * from seed/references/<review>.yaml (field `year` of reference `n`). One Cypher statement per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { compileList } from '../../src/graph/query/compile.js';
import { ids, lister, type Page } from '../support/pages.js';
import { expectBadUserInput, startTestServer, type TestServer, queriesOf as queriesDuring } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const list = lister(() => server);
const L = (...xs: string[]) => xs.map((x) => `lewis2019:${x}`);
const key = (formula: string) => parseFormula(formula).key;

/** Queries the server sends to Neo4j while `work` runs, by name. */
const queriesOf = (work: () => Promise<unknown>): Promise<string[]> => queriesDuring(server, work);

const observations = (args: string): Promise<Page<{ id: string }>> => list('interphaseObservations', args);
const interfaces = (args: string): Promise<Page<{ id: string }>> => list('interfaces', args);

// lewis2019 has 18 observations, I1–I18 (seed/facts/lewis2019/interphases.yaml); ids sort as text (I10 < I2).
const LEWIS = 'review: "lewis2019"';

describe('interphaseObservations: filters (lewis2019)', () => {
  it('interphase type in either scheme: Wenzel TYPE_3_PASSIVATING (I4–I8, I15), Zhu KINETICALLY_STABILIZED (I4–I8)', async () => {
    const wenzel = await observations(`where: { ${LEWIS}, interphaseType: "TYPE_3_PASSIVATING" }`);
    expect(wenzel.totalCount).toBe(6);
    expect(ids(wenzel)).toEqual(L('I15', 'I4', 'I5', 'I6', 'I7', 'I8'));
    const zhu = await observations(`where: { ${LEWIS}, interphaseType: "KINETICALLY_STABILIZED" }`);
    expect(ids(zhu)).toEqual(L('I4', 'I5', 'I6', 'I7', 'I8'));
  });

  it('product by name: Li3N forms in I15 (nitrides | Li); tetragonal LLZO (a variant of LLZO) in I7 and I8', async () => {
    expect(ids(await observations(`where: { ${LEWIS}, product: "Li3N" }`))).toEqual(L('I15'));
    expect(ids(await observations(`where: { ${LEWIS}, product: "llzo" }`))).toEqual(L('I7', 'I8'));
  });

  it('technique: EELS in I7 and I8; TEM in I7, I9, I10', async () => {
    expect(ids(await observations(`where: { ${LEWIS}, technique: EELS }`))).toEqual(L('I7', 'I8'));
    expect(ids(await observations(`where: { ${LEWIS}, technique: TEM }`))).toEqual(L('I10', 'I7', 'I9'));
  });

  it('counterpart, counterpart kind and electrolyte of the interface', async () => {
    expect(ids(await observations(`where: { ${LEWIS}, counterpart: "NMC" }`))).toEqual(L('I16', 'I17'));
    expect(ids(await observations(`where: { ${LEWIS}, counterpartKind: ENVIRONMENT }`))).toEqual(L('I18'));
    // LAGP: I2, I9, I10, I11, I12
    expect(ids(await observations(`where: { ${LEWIS}, electrolyte: "LAGP" }`))).toEqual(L('I10', 'I11', 'I12', 'I2', 'I9'));
  });

  it('computed vs observed: I15 is the one computed (thermodynamically expected) observation; a missing flag counts as observed', async () => {
    expect(ids(await observations(`where: { ${LEWIS}, computed: true }`))).toEqual(L('I15'));
    expect((await observations(`where: { ${LEWIS}, computed: false }`)).totalCount).toBe(17);
  });

  it('OR and NOT: EELS or Li3N (I7, I8, I15); not XPS (XPS in I1, I2, I5, I13, I14: 18 − 5 = 13)', async () => {
    expect(ids(await observations(`where: { ${LEWIS}, OR: [{ technique: EELS }, { product: "Li3N" }] }`))).toEqual(L('I15', 'I7', 'I8'));
    const not = await observations(`where: { ${LEWIS}, NOT: { technique: XPS } }, first: 50`);
    expect(not.totalCount).toBe(13);
    expect(ids(not)).not.toContain('lewis2019:I5');
  });

  it('NOT is two-valued: not TYPE_3 keeps the untyped observations (18 − I4–I8, I15 = 12, seed/facts/lewis2019/interphases.yaml)', async () => {
    const not = await observations(`where: { ${LEWIS}, NOT: { interphaseType: "TYPE_3_PASSIVATING" } }, first: 50`);
    expect(not.totalCount).toBe(12);
    expect(ids(not)).not.toContain('lewis2019:I15');
    expect(ids(not)).toContain('lewis2019:I1');
  });

  it('an empty string is refused, not ignored', async () => {
    const res = await server.gql(`{ interphaseObservations(where: { interphaseType: "" }) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('where.interphaseType');
  });

  it('review alone: all 18 observations of lewis2019, totalCount without rows', async () => {
    const res = await server.gql<{ interphaseObservations: { totalCount: number } }>(`{ interphaseObservations(where: { ${LEWIS} }) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.interphaseObservations.totalCount).toBe(18);
  });
});

describe('interphaseObservations: orders and cursors', () => {
  it('by the year of the first cited paper: TEM observations I7 (ref 22, 2016), I9 and I10 (ref 15, 2019; tie by id)', async () => {
    const asc = await observations(`where: { ${LEWIS}, technique: TEM }, orderBy: { field: YEAR }`);
    expect(ids(asc)).toEqual(L('I7', 'I10', 'I9'));
    const desc = await observations(`where: { ${LEWIS}, technique: TEM }, orderBy: { field: YEAR, direction: DESC }`);
    expect(ids(desc)).toEqual(L('I10', 'I9', 'I7'));
  });

  it('by review, pages of 3 with cursors: the 8 TYPE_1_STABLE observations (banerjee2020 I112, I157–I161; famprikis2019 I14; feng2022 I31)', async () => {
    const expected = ['banerjee2020:I112', 'banerjee2020:I157', 'banerjee2020:I158', 'banerjee2020:I159', 'banerjee2020:I160', 'banerjee2020:I161', 'famprikis2019:I14', 'feng2022:I31'];
    for (const direction of ['ASC', 'DESC']) {
      const seen: string[] = [];
      let after = '';
      for (let i = 0; i < 3; i++) {
        const page = await observations(`where: { interphaseType: "TYPE_1_STABLE" }, orderBy: { field: REVIEW, direction: ${direction} }, first: 3${after}`);
        expect(page.totalCount).toBe(8);
        expect(page.pageInfo.hasNextPage).toBe(i < 2);
        seen.push(...ids(page));
        after = `, after: "${page.pageInfo.endCursor}"`;
      }
      // within one review, ids ascending (as text) in either direction
      const byReview = direction === 'ASC' ? expected : [...expected.slice(7), ...expected.slice(6, 7), ...expected.slice(0, 6)];
      expect(seen).toEqual(byReview);
    }
  });

  it('by id, pages of 5 over lewis2019 (18 = 5 + 5 + 5 + 3)', async () => {
    const seen: string[] = [];
    let after = '';
    for (let i = 0; i < 4; i++) {
      const page = await observations(`where: { ${LEWIS} }, first: 5${after}`);
      seen.push(...ids(page));
      after = `, after: "${page.pageInfo.endCursor}"`;
    }
    expect(seen).toHaveLength(18);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(18);
  });
});

describe('interfaces: orders', () => {
  it('by counterpart kind, pages of 4: the 10 MATERIAL interfaces of lewis2019 and its one ENVIRONMENT interface (I18 LLZO)', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const seen: string[] = [];
      let after = '';
      for (let i = 0; i < 3; i++) {
        const page = await interfaces(`where: { ${LEWIS} }, orderBy: { field: COUNTERPART_KIND, direction: ${direction} }, first: 4${after}`);
        seen.push(...ids(page));
        expect(page.pageInfo.hasNextPage).toBe(i < 2);
        after = `, after: "${page.pageInfo.endCursor}"`;
      }
      expect(new Set(seen).size).toBe(11);
      const environment = `${key('Li7La3Zr2O12')}|ENVIRONMENT`;
      expect(direction === 'ASC' ? seen[0] : seen[10]).toBe(environment);
      // ties (MATERIAL) by id ascending in either direction
      const materials = seen.filter((id) => id !== environment);
      expect(materials).toEqual([...materials].sort());
    }
  });
});

describe('interfaces: filters', () => {
  it('review: the 11 interfaces of lewis2019 observations (LGPS, LAGP, LiTi2(PO4)3, LLZO, LiPON, Li7P3S11, an unnamed SE and the nitrides against Li; Li7P3S11 and sulfides against NMC; LLZO against its environment)', async () => {
    const page = await interfaces(`where: { ${LEWIS} }, first: 50`);
    expect(page.totalCount).toBe(11);
  });

  it('hasObservation: interfaces with a TYPE_3_PASSIVATING observation in lewis2019 (I4/I7/I8 LLZO | Li, I5 LiPON | Li, I6 Li7P3S11 | Li, I15 nitrides | Li)', async () => {
    const page = await interfaces(`where: { hasObservation: { ${LEWIS}, interphaseType: "TYPE_3_PASSIVATING" } }`);
    expect(page.totalCount).toBe(4);
    expect(ids(page)).toEqual(expect.arrayContaining([`${key('Li7La3Zr2O12')}|Li1`, `${key('Li7P3S11')}|Li1`]));
  });

  it('electrolyte, counterpart, counterpart kind, interphaseType and AND/OR/NOT keep their meaning', async () => {
    const llzo = await interfaces(`where: { electrolyte: "LLZO", ${LEWIS} }`);
    // I4, I7, I8 (LLZO | Li) and I18 (LLZO | environment)
    expect(ids(llzo)).toEqual([`${key('Li7La3Zr2O12')}|ENVIRONMENT`, `${key('Li7La3Zr2O12')}|Li1`]);
    expect(ids(await interfaces(`where: { electrolyte: "LLZO", ${LEWIS}, counterpartKind: ENVIRONMENT }`))).toEqual([`${key('Li7La3Zr2O12')}|ENVIRONMENT`]);
    expect(ids(await interfaces(`where: { electrolyte: "LLZO", ${LEWIS}, NOT: { counterpart: "Li" } }`))).toEqual([`${key('Li7La3Zr2O12')}|ENVIRONMENT`]);
    const or = await interfaces(`where: { ${LEWIS}, OR: [{ electrolyte: "LiPON" }, { electrolyte: "LGPS" }] }`);
    expect(ids(or)).toEqual([`${key('Li10GeP2S12')}|Li1`, 'named:LiPON|Li1']);
    // interface-level interphaseType: any of its observations (any review) of that type
    const typed = await interfaces(`where: { ${LEWIS}, interphaseType: "TYPE_2_MIXED_CONDUCTING", electrolyte: "LGPS" }`);
    expect(ids(typed)).toEqual([`${key('Li10GeP2S12')}|Li1`]);
  });
});

describe('one Cypher statement per request', () => {
  const q3 = `query($first: Int) { interfaces(where: { counterpart: "Li" }, first: $first) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id counterpartKind electrolyteFamily electrolyte { id name } counterpart { id }
        observations { id interphaseType stabilityClass computed thickness { value unit printedValue } evidence { technique text }
          products { id name } source { kind file lines line quote review { key year } } publications { key year doi } } } } } }`;

  it('interfaces against Li metal → observations → products, evidence, sources and publications: one statement, the same rows as through the resolvers', async () => {
    await server.gql('{ interfaces(where: { counterpart: "Li" }, first: 0) { totalCount } }'); // the name lookup is cached after this
    let compiled: any;
    const names = await queriesOf(async () => {
      // 100 rows of this selection cost about 92 000 points (QUERY_MAX_COST 200 000); Li metal faces fewer interfaces
      const res = await server.gql<any>(q3, { first: 100 });
      expect(res.errors).toBeUndefined();
      compiled = res.data.interfaces;
    });
    expect(names).toEqual(['interfaces.list']);
    expect(compiled.pageInfo.hasNextPage).toBe(false);
    expect(compiled.edges.length).toBe(compiled.totalCount);
    expect(compiled.totalCount).toBeGreaterThan(20);
    // the same interfaces through the field resolvers and DataLoaders (Material.interfaces of Li metal, never an electrolyte)
    const res = await server.gql<any>(`{ material(id: "Li1") { interfaces { id counterpartKind electrolyteFamily electrolyte { id name } counterpart { id }
        observations { id interphaseType stabilityClass computed thickness { value unit printedValue } evidence { technique text }
          products { id name } source { kind file lines line quote review { key year } } publications { key year doi } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(compiled.edges.map((e: any) => e.node)).toEqual(res.data.material.interfaces);
  });

  it('the same request for 1 and 5 interfaces and the next page is one statement each', async () => {
    for (const first of [1, 5]) {
      let cursor = '';
      const names = await queriesOf(async () => {
        const res = await server.gql<any>(q3, { first });
        expect(res.errors).toBeUndefined();
        expect(res.data.interfaces.edges).toHaveLength(first);
        cursor = res.data.interfaces.pageInfo.endCursor;
      });
      expect(names).toEqual(['interfaces.list']);
      const next = await queriesOf(() => server.gql(`{ interfaces(where: { counterpart: "Li" }, first: ${first}, after: "${cursor}") { edges { node { id observations { id } } } } }`));
      expect(next).toEqual(['interfaces.list']);
    }
  });

  it('interphaseObservations with their interface, products and publications: one statement', async () => {
    const names = await queriesOf(() =>
      server.gql(`{ interphaseObservations(first: 1000) { totalCount edges { node { id interphaseType potential { value }
          interface { id counterpartKind electrolyte { name } counterpart { name } } products { id name formula } evidence { technique }
          source { quote referenceNumbers } publication { key } publications { key } } } } }`),
    );
    expect(names).toEqual(['interphaseObservations.list']);
  });

  it("a material with its interfaces and the interphases it formed in (bench q6's shape): one statement", async () => {
    await server.gql('{ materials(where: { name: "LLZO" }) { totalCount } }');
    let node: any;
    const names = await queriesOf(async () => {
      const res = await server.gql<any>(`{ materials(where: { name: "LLZO" }) { edges { node { id name measurements { id property value }
          interfaces { id counterpart { name } observations { id } } formedInInterphases { id interface { id } } } } } }`);
      expect(res.errors).toBeUndefined();
      node = res.data.materials.edges[0].node;
    });
    expect(names).toEqual(['materials.list']);
    // lewis2019 I7 and I8: tetragonal LLZO forms at cubic LLZO | Li
    expect(node.formedInInterphases.map((o: any) => o.id)).toEqual(expect.arrayContaining(L('I7', 'I8')));
    expect(node.interfaces.map((i: any) => i.id)).toEqual(expect.arrayContaining([`${key('Li7La3Zr2O12')}|Li1`, `${key('Li7La3Zr2O12')}|ENVIRONMENT`]));
    const viaResolvers = await server.gql<any>(`{ material(id: "${key('Li7La3Zr2O12')}") { interfaces { id counterpart { name } observations { id } } formedInInterphases { id interface { id } } } }`);
    expect(node.interfaces).toEqual(viaResolvers.data.material.interfaces);
    expect(node.formedInInterphases).toEqual(viaResolvers.data.material.formedInInterphases);
  });
});

describe('fields left to resolvers read what the statement returns for them', () => {
  it('lewis2019 I7/I8: product variants (tetragonal LLZO), electrolyte variant (cubic LLZO), as through the resolvers', async () => {
    const fields = 'id productDetails { material { id } variant { id } } electrolyteVariant { id } counterpartVariant { id } interface { id }';
    const res = await server.gql<any>(`{ interphaseObservations(where: { ${LEWIS}, technique: EELS }) { edges { node { ${fields} } } } }`);
    expect(res.errors).toBeUndefined();
    const compiled = res.data.interphaseObservations.edges.map((e: any) => e.node);
    expect(compiled.map((o: any) => o.id)).toEqual(L('I7', 'I8'));
    expect(compiled[0].productDetails[0].material.id).toBe(key('Li7La3Zr2O12'));
    expect(compiled[0].productDetails[0].variant).not.toBeNull();
    expect(compiled[0].electrolyteVariant).not.toBeNull();
    const viaResolvers = await server.gql<any>(`{ material(id: "${key('Li7La3Zr2O12')}") { interfaces { observations { ${fields} } } } }`);
    const all = viaResolvers.data.material.interfaces.flatMap((i: any) => i.observations);
    expect(compiled).toEqual(L('I7', 'I8').map((id) => all.find((o: any) => o.id === id)));
  });

  it('Interface.prediction (thermodynamics) from a compiled interface: LGPS | Li as through the resolvers', async () => {
    const fields = 'prediction { method status common onlyObserved onlyPredicted }';
    const res = await server.gql<any>(`{ interfaces(where: { electrolyte: "LGPS", counterpart: "Li" }) { edges { node { id ${fields} } } } }`);
    expect(res.errors).toBeUndefined();
    const node = res.data.interfaces.edges[0].node;
    expect(node.id).toBe(`${key('Li10GeP2S12')}|Li1`);
    expect(node.prediction.status).toBe('COMPUTED');
    const viaResolvers = await server.gql<any>(`{ material(id: "Li1") { interfaces { id ${fields} } } }`);
    expect(viaResolvers.data.material.interfaces.find((i: any) => i.id === node.id)).toEqual(node);
  });
});

describe('materials filtered through interfaces', () => {
  it('observedForming: Li3N forms at LiPON | Li (famprikis2019 I17) and nitrides | Li (lewis2019 I15): LiPON and Li metal', async () => {
    const res = await server.gql<{ materials: Page<{ id: string }> }>('{ materials(where: { observedForming: "Li3N" }) { totalCount edges { node { id } } } }');
    expect(res.errors).toBeUndefined();
    expect(ids(res.data!.materials)).toEqual(['Li1', 'named:LiPON']);
  });

  it('testedAgainst: electrolytes of interfaces whose counterpart is NMC/NCM', async () => {
    const res = await server.gql<{ materials: Page<{ id: string }> }>('{ materials(where: { testedAgainst: "NMC" }) { totalCount edges { node { id } } } }');
    expect(res.errors).toBeUndefined();
    // counterpart NCM/NMC (one material): banerjee2020 I49 LATP, I50 LPS (Li3PS4 in banerjee2020), I64/I68/I69 LPSCl, I108 Li3PS4;
    // feng2022 I18 Li6.6P0.4Ge0.6S5I, I19 Li6PS5Cl; lewis2019 I16 LPS (Li7P3S11 in lewis2019); the sulfide-family interfaces have no electrolyte material
    const expected: string[] = [];
    for (const name of ['LATP', 'Li3PS4', 'LPSCl', 'Li6.6P0.4Ge0.6S5I', 'Li6PS5Cl', 'Li7P3S11']) {
      const named = await server.gql<{ materials: Page<{ id: string }> }>(`{ materials(where: { name: "${name}" }) { edges { node { id } } } }`);
      expected.push(...ids(named.data!.materials));
    }
    expect(ids(res.data!.materials)).toEqual([...new Set(expected)].sort());
  });
});

describe('index use', () => {
  it('EXPLAIN: observations of a review seek the index on Fact.review', async () => {
    const q = compileList({
      name: 'test.list',
      kind: 'InterphaseObservation',
      filter: { op: 'compare', operand: { kind: 'property', name: 'review' }, comparison: 'eq', value: 'lewis2019' },
      order: { key: null, direction: 'ASC' },
      after: null,
      first: 10,
      totalCount: true,
      node: null,
    });
    expect((await server.db.explain({ name: q.name, text: q.text }, q.params)).join(' ')).toMatch(/NodeIndexSeek/);
  });
});

describe("README's example", () => {
  it('passivating interphases against Li metal containing Li3P: banerjee2020 I138–I142', async () => {
    // I138 Li2S-P2S5 glass, I139 LPSCl, I140 Li6PS5Br, I141 Li6PS5I, I142 sulfides (a family): TYPE_3_PASSIVATING, counterpart Li, Li3P among the products
    const res = await server.gql<any>(`{ interphaseObservations(where: { counterpart: "Li", interphaseType: "TYPE_3_PASSIVATING", product: "Li3P" }) {
        totalCount edges { node { id interface { electrolyte { name } electrolyteFamily } products { formula } evidence { technique } source { line quote } publications { doi } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.interphaseObservations.totalCount).toBe(5);
    const nodes = res.data.interphaseObservations.edges.map((e: any) => e.node);
    expect(nodes.map((o: any) => o.id)).toEqual(['I138', 'I139', 'I140', 'I141', 'I142'].map((x) => `banerjee2020:${x}`));
    expect(nodes[4].interface).toEqual({ electrolyte: null, electrolyteFamily: 'SULFIDE' });
    for (const o of nodes) expect(o.products.map((p: any) => p.formula)).toContain('Li3P');
  });
});

describe('errors: nothing runs', () => {
  it('an interphase type of neither scheme is BAD_USER_INPUT naming its path and listing both schemes', async () => {
    const res = await server.gql('{ interphaseObservations(where: { OR: [{ review: "lewis2019" }, { interphaseType: "TYPE_4" }] }) { totalCount } }');
    expectBadUserInput(res, 'where.OR[1].interphaseType', /'TYPE_4' is not an interphase type; accepted .*TYPE_3_PASSIVATING.*UNSTABLE/);
    const onInterface = await server.gql('{ interfaces(where: { interphaseType: "passivating" }) { totalCount } }');
    expectBadUserInput(onInterface, 'where.interphaseType', /not an interphase type/);
  });

  it('a material that names nothing is BAD_USER_INPUT naming its path', async () => {
    expectBadUserInput(await server.gql('{ interphaseObservations(where: { product: "notamaterial" }) { totalCount } }'), 'where.product', /notamaterial/);
    expectBadUserInput(await server.gql('{ interfaces(where: { hasObservation: { counterpart: "notamaterial" } }) { totalCount } }'), 'where.hasObservation.counterpart', /notamaterial/);
    expectBadUserInput(await server.gql('{ materials(where: { testedAgainst: "notamaterial" }) { totalCount } }'), 'where.testedAgainst', /notamaterial/);
    expectBadUserInput(await server.gql('{ materials(where: { observedForming: "notamaterial" }) { totalCount } }'), 'where.observedForming', /notamaterial/);
  });

  it('a bad cursor, or a cursor of another order, is BAD_USER_INPUT', async () => {
    expectBadUserInput(await server.gql('{ interfaces(after: "nonsense") { totalCount } }'), 'after', /cursor/);
    const page = await observations('first: 1');
    const res = await server.gql(`{ interphaseObservations(orderBy: { field: YEAR }, after: "${page.pageInfo.endCursor}") { totalCount } }`);
    expectBadUserInput(res, 'after', /not a cursor of this order/);
  });

  it('AND/OR/NOT nested deeper than 8 levels is BAD_USER_INPUT', async () => {
    const deep = (n: number): string => (n === 0 ? '{ review: "lewis2019" }' : `{ NOT: ${deep(n - 1)} }`);
    const names = await queriesOf(async () => {
      expectBadUserInput(await server.gql(`{ interphaseObservations(where: ${deep(9)}) { totalCount } }`), 'where.NOT.NOT.NOT.NOT.NOT.NOT.NOT.NOT', /nest deeper than 8/);
      expectBadUserInput(await server.gql(`{ interfaces(where: { hasObservation: ${deep(9)} }) { totalCount } }`), 'where.hasObservation.NOT.NOT.NOT.NOT.NOT.NOT.NOT.NOT', /nest deeper than 8/);
    });
    expect(names).toEqual([]);
  });
});
