/**
 * The compiled lists against the real Neo4j on the seeded graph: each filter and order with values worked
 * out by hand from the sources (the review records in seed/facts/<review>/measurements.yaml, their
 * reference lists in seed/references/<review>.yaml, and OBELiX's all.csv read with a plain CSV parser),
 * one Cypher statement per request as rows, pages and nesting grow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { compileList } from '../../src/graph/query/compile.js';
import type { Filter, ListPlan } from '../../src/graph/query/plan.js';
import { obelixRows } from '../support/obelixCsv.js';
import { ids, lister, type Page } from '../support/pages.js';
import { expectBadUserInput, startTestServer, type TestServer, queriesOf as queriesDuring } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const list = lister(() => server);
const measurements = (args: string): Promise<Page<{ id: string; value: number | null }>> => list('measurements', args, 'id value');

/** Queries the server sends to Neo4j while `work` runs, by name. */
const queriesOf = (work: () => Promise<unknown>): Promise<string[]> => queriesDuring(server, work);

// banerjee2020 ionic conductivities ≥ 10 mS/cm (seed/facts/banerjee2020/measurements.yaml, lines 88, 160, 533):
// P1 Li7P3S11 17 mS/cm, P2 LGPS 12 mS/cm, P3 LSiPSCl 25 mS/cm (printed at lines 88 and 160: one fact, which had
// two records, P3 and P5, before), P55 Li10GeP2S11.7O0.3 8.43e-2 S/cm, P56 LGPS 1.12e-2 S/cm. Below: P57/P58 10^-4–6×10^-3 S/cm and everything else of that file.
const B = (id: string) => `banerjee2020:${id}`;
const FAST_B = `review: "banerjee2020", property: IONIC_CONDUCTIVITY, value: { min: 10, unit: "mS/cm" }`;

describe('measurement filters', () => {
  it('a value range in mS/cm, S/m or S/cm is the same range (converted to S/cm before compiling)', async () => {
    const expected = [B('P1'), B('P2'), B('P3'), B('P55'), B('P56')];
    for (const range of ['{ min: 10, unit: "mS/cm" }', '{ min: 1, unit: "S/m" }', '{ min: 0.01 }']) {
      const page = await measurements(`where: { review: "banerjee2020", property: IONIC_CONDUCTIVITY, value: ${range} }, first: 50`);
      expect(page.totalCount).toBe(5);
      expect(ids(page)).toEqual(expected);
    }
  });

  it('OBELiX: conductivities ≥ 10 mS/cm are the CSV rows printing at least 0.01 S/cm (11 rows, no bulk value that high)', async () => {
    const expected = obelixRows()
      .filter((r) => Number(r['Ionic conductivity (S cm-1)']) >= 0.01)
      .map((r) => `obelix:${r.ID}`)
      .sort();
    expect(expected).toHaveLength(11);
    const page = await measurements(`where: { source: DATASET, property: IONIC_CONDUCTIVITY, value: { min: 10, unit: "mS/cm" } }, first: 100`);
    expect(page.totalCount).toBe(11);
    expect(ids(page)).toEqual(expected);
  });

  it('an upper bound: banerjee2020 conductivities ≤ 10^-6 S/cm (P23, P24, P26; P21 10^-7 too)', async () => {
    // P21 t-LLZO 10^-7, P23 LNO 10^-6, P24 Li3Nb4O6 10^-6, P26 LNO 10^-11 S/cm; P25 LNO is 10^-5
    const page = await measurements(`where: { review: "banerjee2020", property: IONIC_CONDUCTIVITY, value: { max: 1, unit: "µS/cm" } }`);
    expect(ids(page)).toEqual([B('P21'), B('P23'), B('P24'), B('P26')]);
  });

  it('OR, NOT and a material name', async () => {
    const or = await measurements(`where: { ${FAST_B}, OR: [{ material: "LGPS" }, { material: "Li7P3S11" }] }`);
    expect(ids(or)).toEqual([B('P1'), B('P2'), B('P56')]);
    const not = await measurements(`where: { ${FAST_B}, NOT: { material: "Li9.54Si1.74P1.44S11.7Cl0.3" } }`);
    expect(ids(not)).toEqual([B('P1'), B('P2'), B('P55'), B('P56')]);
  });

  it('a year range through the cited publications: refs 4 (Mizuno 2005) and 5 (Kamaya 2011); refs 6 and 229 are of 2016', async () => {
    expect(ids(await measurements(`where: { ${FAST_B}, year: { max: 2011 } }`))).toEqual([B('P1'), B('P2')]);
    expect(ids(await measurements(`where: { ${FAST_B}, year: { min: 2016, max: 2016 } }`))).toEqual([B('P3'), B('P55'), B('P56')]);
  });

  it('a temperature range in °C or K: feng2022 conductivities above 200 °C (P113 at 250 °C, P117 at 510 °C, P171/P172 at 350 °C)', async () => {
    const expected = ['feng2022:P113', 'feng2022:P117', 'feng2022:P171', 'feng2022:P172'];
    expect(ids(await measurements(`where: { review: "feng2022", property: IONIC_CONDUCTIVITY, temperature: { min: 200, unit: "°C" } }`))).toEqual(expected);
    expect(ids(await measurements(`where: { review: "feng2022", property: IONIC_CONDUCTIVITY, temperature: { min: 473.15 } }`))).toEqual(expected);
  });

  it("family means the family's materials; aboutFamily the family-level statements (feng2022 P95: argyrodites > 10 mS/cm)", async () => {
    const about = await measurements(`where: { review: "feng2022", property: IONIC_CONDUCTIVITY, aboutFamily: ARGYRODITE }`);
    expect(ids(about)).toEqual(['feng2022:P95']);
    // feng2022's argyrodite materials: P100 Li6PS5I, P101 Li6.6P0.4Ge0.6S5I, P103 Li6.6Si0.6Sb0.4S5I
    const ofMaterials = await measurements(`where: { review: "feng2022", property: IONIC_CONDUCTIVITY, family: ARGYRODITE }`);
    expect(ids(ofMaterials)).not.toContain('feng2022:P95');
    expect(ids(ofMaterials)).toEqual(expect.arrayContaining(['feng2022:P100']));
  });

  it("elementsIncludeAll: OBELiX's conductivities of Na compounds are its rows whose composition holds Na (read with a plain regex)", async () => {
    const expected = obelixRows()
      .filter((r) => new Set(r['Reduced Composition']!.match(/[A-Z][a-z]?/g)).has('Na'))
      .map((r) => r.ID!);
    expect(expected.length).toBeGreaterThan(5);
    const page = await measurements(`where: { source: DATASET, property: IONIC_CONDUCTIVITY, elementsIncludeAll: ["Na"] }, first: 1000`);
    // a row with a bulk value too gives two measurements (obelix:<ID> and obelix:<ID>:bulk)
    expect([...new Set(ids(page).map((id) => id.replace(/^obelix:/, '').replace(/:bulk$/, '')))].sort()).toEqual([...new Set(expected)].sort());
    const bad = await server.gql('{ measurements(where: { elementsIncludeAll: ["Xx"] }) { totalCount } }');
    expectBadUserInput(bad, 'where.elementsIncludeAll', /Xx/);
  });

  it('mobileIon: the first of Li, Na, K, Mg, Ca, Zn, Ag a composition holds (OBELiX rows read with a plain regex); Ca-doped Li conductors are Li', async () => {
    const ions = ['Li', 'Na', 'K', 'Mg', 'Ca', 'Zn', 'Ag'];
    const ionOf = (formula: string) => {
      const els = new Set(formula.match(/[A-Z][a-z]?/g));
      return ions.find((i) => els.has(i)) ?? null;
    };
    for (const ion of ['Li', 'Na']) {
      const expected = new Set(obelixRows().filter((r) => ionOf(r['Reduced Composition']!) === ion).map((r) => r.ID!));
      const page = await measurements(`where: { source: DATASET, property: IONIC_CONDUCTIVITY, mobileIon: "${ion}" }, first: 1000`);
      expect(new Set(ids(page).map((id) => id.replace(/^obelix:/, '').replace(/:bulk$/, '')))).toEqual(expected);
    }
    const ca = await list<{ id: string; elements: string[] }>('materials', 'where: { mobileIon: "Ca" }, first: 1000', 'id elements');
    expect(ca.edges.every((e) => e.node.elements.includes('Ca') && !e.node.elements.some((x) => ['Li', 'Na', 'K', 'Mg'].includes(x)))).toBe(true);
    const caAnywhere = await list<{ id: string }>('materials', 'where: { elementsIncludeAll: ["Ca"] }, first: 1000');
    expect(caAnywhere.totalCount).toBeGreaterThan(ca.totalCount);
    expectBadUserInput(await server.gql('{ materials(where: { mobileIon: "Fe" }) { totalCount } }'), 'where.mobileIon', /'Fe' is not a mobile ion; accepted: Li, Na, K, Mg, Ca, Zn, Ag/);
  });

  it('chemicalClass: the conductivities of halides are those of the materials the materials list calls halides', async () => {
    const halides = await list<{ id: string }>('materials', 'where: { chemicalClass: HALIDE, hasMeasurement: { property: IONIC_CONDUCTIVITY } }, first: 1000', 'id');
    expect(halides.totalCount).toBeGreaterThan(3);
    const ofHalides = await list<{ id: string; material: { id: string } | null }>('measurements', 'where: { property: IONIC_CONDUCTIVITY, chemicalClass: HALIDE }, first: 1000', 'id material { id }');
    expect(new Set(ofHalides.edges.map((e) => e.node.material!.id))).toEqual(new Set(ids(halides)));
    const all = await list<{ id: string; material: { id: string } | null }>('measurements', 'where: { property: IONIC_CONDUCTIVITY }, first: 1000', 'id material { id }');
    const halideIds = new Set(ids(halides));
    expect(ids(ofHalides)).toEqual(all.edges.filter((e) => e.node.material && halideIds.has(e.node.material.id)).map((e) => e.node.id));
  });

  it('a unit that is not one of the property is BAD_USER_INPUT listing the accepted ones', async () => {
    const res = await server.gql('{ measurements(where: { property: IONIC_CONDUCTIVITY, value: { min: 1, unit: "mA" } }) { totalCount } }');
    expectBadUserInput(res, 'where.value.unit', /'mA' is not a unit of ionic conductivity; accepted: 'S\/cm', .*'mS\/cm'/);
  });
});

describe('orders and cursors', () => {
  it('measurements by value, descending, ties by id, across pages with stable cursors', async () => {
    // P55 8.43e-2 S/cm; P3 2.5e-2; P1 1.7e-2; P2 1.2e-2; P56 1.12e-2
    const all = ['P55', 'P3', 'P1', 'P2', 'P56'].map(B);
    const seen: string[] = [];
    let after = '';
    for (let i = 0; i < 3; i++) {
      const page = await measurements(`where: { ${FAST_B} }, orderBy: { field: VALUE, direction: DESC }, first: 2${after}`);
      seen.push(...ids(page));
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
      after = `, after: "${page.pageInfo.endCursor}"`;
    }
    expect(seen).toEqual(all);
    // ties by id: banerjee2020 P4, P45, P47 and P49 are all 10^-3 S/cm (1 mS/cm)
    const tied: string[] = [];
    after = '';
    for (let i = 0; i < 2; i++) {
      const page = await measurements(
        `where: { review: "banerjee2020", property: IONIC_CONDUCTIVITY, value: { min: 1, max: 1, unit: "mS/cm" } }, orderBy: { field: VALUE, direction: DESC }, first: 2${after}`,
      );
      tied.push(...ids(page));
      expect(page.pageInfo.hasNextPage).toBe(i < 1);
      after = `, after: "${page.pageInfo.endCursor}"`;
    }
    expect(tied).toEqual(['P4', 'P45', 'P47', 'P49'].map(B));
  });

  it("materials by their best reported conductivity (MAX), descending", async () => {
    // The four materials of those six measurements, with every conductivity reported for them (reviews and OBELiX):
    // Li10GeP2S11.7O0.3 8.43e-2; LSiPSCl 2.5e-2 (banerjee P3, printed at lines 88 and 160; OBELiX ete); LGPS 2.46e-2 (OBELiX mtn); Li7P3S11 1.7e-2
    // (banerjee P1; OBELiX mdp 3.2e-3, ptg 8.6e-3).
    const key = (f: string) => parseFormula(f).key;
    const res = await server.gql<{ materials: Page<{ id: string }> }>(
      `{ materials(where: { hasMeasurement: { ${FAST_B} } }, orderBy: { field: PROPERTY_VALUE, property: IONIC_CONDUCTIVITY, statistic: MAX, direction: DESC }) {
          totalCount edges { node { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.materials.totalCount).toBe(4);
    expect(ids(res.data!.materials)).toEqual([key('Li10GeP2S11.7O0.3'), key('Li9.54Si1.74P1.44S11.7Cl0.3'), key('Li10GeP2S12'), key('Li7P3S11')]);
  });

  it("nested measurements with their own order and limit: LGPS's best conductivity is OBELiX mtn, 0.0246 S/cm", async () => {
    // LGPS conductivities: banerjee2020 P2 0.012 and P56 0.0112, feng2022 P48 0.012, OBELiX j8q 0.0121, mtn 0.0246,
    // 1hh 0.012, nkr 0.00143, zzr 0.0076 S/cm
    const res = await server.gql<{ materials: Page<{ best: { id: string; value: number }[]; lowest: { id: string }[] }> }>(
      `{ materials(where: { name: "LGPS" }) { edges { node {
          best: measurements(property: IONIC_CONDUCTIVITY, orderBy: { field: VALUE, direction: DESC }, first: 1) { id value }
          lowest: measurements(property: IONIC_CONDUCTIVITY, orderBy: { field: VALUE }, first: 2) { id } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const node = res.data!.materials.edges[0]!.node;
    expect(node.best).toEqual([{ id: 'obelix:mtn', value: 0.0246 }]);
    expect(node.lowest.map((m) => m.id)).toEqual(['obelix:nkr', 'obelix:zzr']);
  });

  it('a cursor of another order is BAD_USER_INPUT', async () => {
    const page = await measurements('first: 1');
    const res = await server.gql(`{ measurements(orderBy: { field: VALUE }, after: "${page.pageInfo.endCursor}") { totalCount } }`);
    expectBadUserInput(res, 'after', /not a cursor of this order/);
  });
});

describe('materials filtered by their facts', () => {
  it('hasMeasurement: the OBELiX compositions with a conductivity ≥ 10 mS/cm (9 compositions of the 11 rows)', async () => {
    const expected = [
      ...new Set(
        obelixRows()
          .filter((r) => Number(r['Ionic conductivity (S cm-1)']) >= 0.01)
          .map((r) => parseFormula(r['Reduced Composition']!).key),
      ),
    ].sort();
    expect(expected).toHaveLength(9);
    const res = await server.gql<{ materials: Page<{ id: string }> }>(
      `{ materials(where: { hasMeasurement: { source: DATASET, property: IONIC_CONDUCTIVITY, value: { min: 1, unit: "S/m" } } }, first: 50) {
          totalCount edges { node { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.materials.totalCount).toBe(9);
    expect(ids(res.data!.materials)).toEqual(expected);
  });

  it('review: materials with a measurement stated in lewis2019 (its one record P1 is on Li7La3Zr2O12)', async () => {
    const res = await server.gql<{ materials: Page<{ id: string }> }>(
      `{ materials(where: { review: "lewis2019", hasMeasurement: { property: IONIC_CONDUCTIVITY } }) { totalCount edges { node { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(ids(res.data!.materials)).toContain(parseFormula('Li7La3Zr2O12').key);
  });
});

describe('one Cypher statement per request', () => {
  // the nested list with a limit: without one, its cost counts the largest number of measurements one material has (83 here)
  const nested = (first: number) =>
    `{ materials(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name composition { element amount }
        measurements(property: IONIC_CONDUCTIVITY, first: 20) { id value unit log10Value source { line recordId quote } material { id name } } } } } }`;

  it('materials with nested measurements and their materials: one statement for 1, 100 and 700 rows (of 736)', async () => {
    for (const first of [1, 100, 700]) {
      let rows = 0;
      const names = await queriesOf(async () => {
        const res = await server.gql<{ materials: Page<unknown> }>(nested(first));
        expect(res.errors).toBeUndefined();
        rows = res.data!.materials.edges.length;
      });
      expect(rows).toBe(first);
      expect(names).toEqual(['materials.list']);
    }
  });

  it('measurements with their material and provenance: one statement for pages of 10 and 500, and for the next page', async () => {
    for (const first of [10, 500]) {
      let cursor = '';
      const names = await queriesOf(async () => {
        const res = await server.gql<{ measurements: Page<unknown> }>(
          `{ measurements(first: ${first}, orderBy: { field: VALUE, direction: DESC }) { totalCount pageInfo { endCursor hasNextPage }
              edges { node { id value structure { a } source { kind file lines referenceNumbers quote recordId } material { id formula aliases { alias } } } } } }`,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.measurements.edges).toHaveLength(first);
        cursor = res.data!.measurements.pageInfo.endCursor!;
      });
      expect(names).toEqual(['measurements.list']);
      const next = await queriesOf(() => server.gql(`{ measurements(first: ${first}, orderBy: { field: VALUE, direction: DESC }, after: "${cursor}") { edges { node { id } } } }`));
      expect(next).toEqual(['measurements.list']);
    }
  });

  it('publications, the dataset, the review of the source, the variant and the products with their variants are compiled into the one statement', async () => {
    const names = await queriesOf(() =>
      server.gql(`{ measurements(first: 1000) { edges { node { id publication { doi } publications { doi } dataset { id name recordCount }
          source { review { key } dataset { license } correctedReference { doi } } } } } }`),
    );
    const withVariant = await queriesOf(() => server.gql('{ measurements(first: 1000) { edges { node { id variant { id material { id } } } } } }'));
    expect(withVariant).toEqual(['measurements.list']);
    // an observation's products with their variants (the variant id is on PRODUCES): compiled, in the order of `products`
    type Obs = { id: string; products: { id: string }[]; productDetails: { material: { id: string }; variant: { id: string; material: { id: string } } | null }[] };
    let obs: { interphaseObservations: { edges: { node: Obs }[] } } | null | undefined;
    const withProducts = await queriesOf(async () => {
      obs = (await server.gql<{ interphaseObservations: { edges: { node: Obs }[] } }>('{ interphaseObservations(first: 1000) { edges { node { id products { id } productDetails { material { id } variant { id material { id } } } } } } }')).data;
    });
    expect(withProducts).toEqual(['interphaseObservations.list']);
    const nodes = obs!.interphaseObservations.edges.map((e) => e.node);
    for (const o of nodes) expect(o.productDetails.map((p) => p.material.id)).toEqual(o.products.map((p) => p.id));
    const withVariants = nodes.flatMap((o) => o.productDetails).filter((p) => p.variant);
    expect(withVariants.length).toBe(Number((await server.db.read({ name: 'test.productVariants', text: 'MATCH (:InterphaseObservation)-[r:PRODUCES]->() WHERE r.variantId IS NOT NULL RETURN count(*) AS n' }))[0]!.n));
    for (const p of withVariants) expect(p.variant!.material.id).toBe(p.material.id);
    // the first 1000 ids run from banerjee2020:… through obelix:… (review statements, then OBELiX records with their dataset)
    expect(names).toEqual(['measurements.list']);
  });

  it('a request whose plan costs more than QUERY_MAX_COST runs nothing (QUERY_TOO_COMPLEX)', async () => {
    let res: Awaited<ReturnType<TestServer['gql']>> | undefined;
    const names = await queriesOf(async () => {
      res = await server.gql('{ materials(first: 1000) { edges { node { id stabilityWindow { reductionLimitV } } } } }');
    });
    expect(res!.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(names).toEqual([]);
  });
});

describe('cost from the graph\'s degrees', () => {
  // independent of degrees.ts: a COUNT {} per parent instead of grouping the relationships
  const maxDegree = async (pattern: string): Promise<number> => {
    const [row] = await server.db.read({ name: 'test.degree', text: `MATCH (a) WITH a, COUNT { MATCH ${pattern} RETURN DISTINCT b } AS d RETURN max(d) AS d` });
    return Number(row!.d);
  };

  it('nested lists without a limit are costed with the largest number one parent has, not a guess of 10', async () => {
    const measurements = await maxDegree('(a)-[:HAS_MEASUREMENT]->(b:Measurement)');
    expect(measurements).toBeGreaterThan(10); // the OBELiX records of one composition, far above the old guess
    // the request limits' estimate (10 rows per unpaged list) lets it through; the plan, with the graph's degree, does not
    const res = await server.gql('{ materials(first: 1000) { edges { node { id measurements { id value unit } } } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // a material's points: id (1) + measurements (1 + D × 3 fields); the list: 1 + 1000 × (1 + material)
    const material = 1 + (1 + measurements * 3);
    expect(res.errors?.[0]?.message).toContain(`estimated cost ${1 + 1000 * (1 + material)} exceeds`);
    // with a limit on the nested list, the limit counts
    const limited = await server.gql('{ materials(first: 1000) { edges { node { id measurements(first: 5) { id value unit } } } } }');
    expect(limited.errors).toBeUndefined();
  });
});

describe('index use', () => {
  const explain = async (plan: Partial<ListPlan> & Pick<ListPlan, 'kind' | 'filter'>) => {
    const q = compileList({ name: 'test.list', order: { key: null, direction: 'ASC' }, after: null, first: 10, totalCount: true, node: null, ...plan });
    return (await server.db.explain({ name: q.name, text: q.text }, q.params)).join(' ');
  };
  const eq = (name: string, value: unknown): Filter => ({ op: 'compare', operand: { kind: 'property', name }, comparison: 'eq', value });

  it('EXPLAIN: a material by formula seeks the unique index on id, a chemical system its index', async () => {
    expect(await explain({ kind: 'Material', filter: eq('id', 'Ge1Li10P2S12') })).toMatch(/NodeUniqueIndexSeek/);
    expect(await explain({ kind: 'Material', filter: eq('chemicalSystem', 'Li-P-S') })).toMatch(/NodeIndexSeek/);
  });

  it('EXPLAIN: measurements of a review seek the index on Fact.review, of a property the index on Measurement.property', async () => {
    expect(await explain({ kind: 'Measurement', filter: eq('review', 'banerjee2020') })).toMatch(/NodeIndexSeek/);
    const byProperty: Filter = {
      op: 'and',
      items: [eq('property', 'IONIC_CONDUCTIVITY'), { op: 'compare', operand: { kind: 'lowerValue' }, comparison: 'gte', value: 0.01 }],
    };
    expect(await explain({ kind: 'Measurement', filter: byProperty })).toMatch(/NodeIndexSeek/);
    expect(await explain({ kind: 'Measurement', filter: null })).not.toMatch(/IndexSeek/);
  });
});
