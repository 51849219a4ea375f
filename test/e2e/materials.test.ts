import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { obelixRows } from '../support/obelixCsv.js';
import { expectBadUserInput, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const rows = obelixRows();
const CONDUCTIVITY = 'Ionic conductivity (S cm-1)';

const MEASUREMENT_FIELDS = `id property value min max unit qualifier printedValue printedUnit temperatureK contribution
  log10Value reportedFormula publication { doi url } publications { doi } dataset { id name license citation }
  source { file line recordId dataset { id } } structure { spaceGroupSymbol spaceGroupNumber a }`;

interface M {
  id: string;
  value: number | null;
  max: number | null;
  unit: string;
  qualifier: string;
  printedValue: string;
  temperatureK: number;
  contribution: string;
  log10Value: number | null;
  publication: { doi: string; url: string };
  publications: { doi: string }[];
  dataset: { id: string; license: string; citation: string };
  source: { file: string; line: number; recordId: string; dataset: { id: string } };
}

describe('Li10GeP2S12 over HTTP', () => {
  it("returns OBELiX's values, unit and DOIs for LGPS, each traced to its line of all.csv", async () => {
    const res = await server.gql<{ materials: { totalCount: number; edges: { node: { id: string; measurements: M[] } }[] } }>(
      `query($f: String!) { materials(where: { formula: $f }) { totalCount edges { node { id name formula elements chemicalSystem family
         measurements { ${MEASUREMENT_FIELDS} } } } } }`,
      { f: 'Li10GeP2S12' },
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const node = res.data!.materials.edges[0]!.node;
    expect(res.data!.materials.totalCount).toBe(1);
    expect(node).toMatchObject({ id: 'Ge1Li10P2S12', chemicalSystem: 'Ge-Li-P-S', family: 'LGPS', elements: ['Ge', 'Li', 'P', 'S'] });

    // Independent source: the CSV rows that print this composition.
    const expected = rows
      .map((r, i) => ({ r, line: i + 2 }))
      .filter(({ r }) => r['Reduced Composition']!.trim() === 'Li10GeP2S12');
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const main = node.measurements.filter((m) => m.id.startsWith('obelix:') && !m.id.endsWith(':bulk'));
    expect(main).toHaveLength(expected.length);
    for (const { r, line } of expected) {
      const m = main.find((x) => x.source.recordId === r.ID)!;
      expect(m.value).toBe(Number(r[CONDUCTIVITY]));
      expect(m.printedValue).toBe(r[CONDUCTIVITY]);
      expect(m).toMatchObject({ unit: 'S/cm', qualifier: 'EQUAL', temperatureK: 298.15, source: { file: 'all.csv', line, dataset: { id: 'obelix' } } });
      expect(m.publications.map((p) => p.doi)).toEqual(r.DOI.split('|').map((d) => d.toLowerCase()));
      expect(m.publication.url).toBe(`https://doi.org/${r.DOI.split('|')[0]!.toLowerCase()}`);
      expect(m.dataset).toMatchObject({ id: 'obelix', license: 'CC BY 4.0' });
      expect(m.log10Value).toBeCloseTo(Math.log10(Number(r[CONDUCTIVITY])), 12);
    }
    // Kato et al. 2011 (doi:10.1038/nmat3066): 12 mS/cm at room temperature for LGPS.
    expect(main.find((m) => m.publication.doi === '10.1038/nmat3066')?.value).toBe(0.012);
  });

  it.each(['Ge1Li10P2S12', 'Li₁₀GeP₂S₁₂', 'Li_{10}GeP_2S_{12}', 'Li20Ge2P4S24'])('finds the same material for %s', async (f) => {
    const res = await server.gql<{ materials: { edges: { node: { id: string } }[] } }>(
      'query($f: String!) { materials(where: { formula: $f }) { edges { node { id } } } }',
      { f },
    );
    expect(res.data!.materials.edges.map((e) => e.node.id)).toEqual(['Ge1Li10P2S12']);
  });
});

describe('materials connection', () => {
  it('pages through every material with stable cursors, OBELiX compositions among them', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 30; page++) {
      const res: Awaited<ReturnType<typeof server.gql<{ materials: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { cursor: string; node: { id: string } }[] } }>>> =
        await server.gql('query($after: String) { materials(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }', { after });
      const c = res.data!.materials;
      total = c.totalCount;
      ids.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect([...ids].sort()).toEqual(ids);
    const obelixKeys = new Set(rows.map((r) => parseFormula(r['Reduced Composition']!).key));
    expect(obelixKeys.size).toBe(500);
    expect([...obelixKeys].filter((k) => !ids.includes(k))).toEqual([]);
    expect(total).toBeGreaterThan(500); // the curated seed adds materials OBELiX does not have
  });

  it('filters by elements, family and chemical system, with counts that match the file', async () => {
    const res = await server.gql<{ a: { totalCount: number }; b: { totalCount: number; edges: { node: { family: string; elements: string[] } }[] }; c: { totalCount: number } }>(`{
      a: materials(where: { elementsIncludeAll: ["Li", "S", "Cl"] }, first: 0) { totalCount }
      b: materials(where: { family: ARGYRODITE, elementsIncludeAll: ["Cl"] }, first: 100) { totalCount edges { node { family elements } } }
      c: materials(where: { chemicalSystem: "S-P-Li" }, first: 0) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    for (const e of res.data!.b.edges) {
      expect(e.node.family).toBe('ARGYRODITE');
      expect(e.node.elements).toContain('Cl');
    }
    expect(res.data!.b.totalCount).toBe(res.data!.b.edges.length);
    expect(res.data!.b.totalCount).toBeGreaterThan(5);
    // Every OBELiX composition with those elements is found (element sets read with a plain regex);
    // the curated seed may add more.
    const symbols = (f: string) => new Set(f.match(/[A-Z][a-z]?/g));
    const keysWith = (pred: (s: Set<string>) => boolean) =>
      new Set(rows.filter((r) => pred(symbols(r['Reduced Composition']!))).map((r) => parseFormula(r['Reduced Composition']!).key));
    const liSCl = keysWith((s) => ['Li', 'S', 'Cl'].every((e) => s.has(e)));
    const lips = keysWith((s) => s.size === 3 && ['Li', 'P', 'S'].every((e) => s.has(e)));
    expect(res.data!.a.totalCount).toBeGreaterThanOrEqual(liSCl.size);
    expect(res.data!.c.totalCount).toBeGreaterThanOrEqual(lips.size);
    const check = await server.gql<{ a: { edges: { node: { id: string } }[] }; c: { edges: { node: { id: string } }[] } }>(`{
      a: materials(where: { elementsIncludeAll: ["Li", "S", "Cl"] }, first: 100) { edges { node { id } } }
      c: materials(where: { chemicalSystem: "S-P-Li" }, first: 100) { edges { node { id } } }
    }`);
    const a = new Set(check.data!.a.edges.map((e) => e.node.id));
    const c = new Set(check.data!.c.edges.map((e) => e.node.id));
    expect([...liSCl].filter((k) => !a.has(k))).toEqual([]);
    expect([...lips].filter((k) => !c.has(k))).toEqual([]);
    expect(res.data!.c.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('serves a censored value as an upper bound', async () => {
    const censored = rows.find((r) => r[CONDUCTIVITY] === '<1E-10')!;
    const res = await server.gql<{ materials: { edges: { node: { measurements: M[] } }[] } }>(
      `query($f: String!) { materials(where: { formula: $f }) { edges { node { measurements { ${MEASUREMENT_FIELDS} } } } } }`,
      { f: censored['Reduced Composition']! },
    );
    const m = res.data!.materials.edges[0]!.node.measurements.find((x) => x.source.recordId === censored.ID)!;
    expect(m).toMatchObject({ qualifier: 'LESS_THAN', value: null, max: 1e-10, printedValue: '<1E-10', log10Value: -10 });
  });
});

describe('publication and material by id', () => {
  it('finds a publication by any DOI form, with what it reports', async () => {
    const res = await server.gql<{ publication: { doi: string; measurements: { id: string; material: { id: string } }[] } }>(
      '{ publication(doi: "https://doi.org/10.1038/NMAT3066") { doi measurements { id material { id } } } }',
    );
    expect(res.data!.publication.doi).toBe('10.1038/nmat3066');
    const expected = rows.filter((r) => r.DOI.toLowerCase().split('|').includes('10.1038/nmat3066')).map((r) => `obelix:${r.ID}`);
    expect(res.data!.publication.measurements.map((m) => m.id).filter((id) => !id.endsWith(':bulk')).sort()).toEqual(expected.sort());
    expect(res.data!.publication.measurements.some((m) => m.material.id === 'Ge1Li10P2S12')).toBe(true);
  });

  it('returns null for an unknown publication or material', async () => {
    const res = await server.gql('{ publication(doi: "10.1234/unknown") { doi } material(id: "Md1") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ publication: null, material: null });
  });

  it('gets a material by id with its composition as written', async () => {
    const res = await server.gql<{ material: { formula: string; reducedFormula: string; composition: { element: string; amount: number }[] } }>(
      '{ material(id: "La15Li32O60Ta3Zr7") { formula reducedFormula composition { element amount } } }',
    );
    expect(res.data!.material.formula).toBe('Li6.4La3Zr1.4Ta0.6O12');
    expect(res.data!.material.composition).toEqual([
      { element: 'Li', amount: 6.4 },
      { element: 'La', amount: 3 },
      { element: 'Zr', amount: 1.4 },
      { element: 'Ta', amount: 0.6 },
      { element: 'O', amount: 12 },
    ]);
  });

  it('gives a named material its general formula with the ranges printed, its representative composition and their sources', async () => {
    const res = await server.gql<{ m: Record<string, unknown>; c: Record<string, unknown> }>(
      `{ m: material(id: "named:NASICON-Na") { kind family chemicalClass generalFormula stoichiometryRanges { variable min max } generalFormulaSource
           representativeFormula representativeFormulaSource }
         c: material(id: "Na3O12P1Si2Zr2") { generalFormula stoichiometryRanges { variable } representativeFormula } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.m).toMatchObject({
      kind: 'NAMED',
      family: 'NASICON',
      chemicalClass: 'OXIDE',
      generalFormula: 'Na1+xZr2P3-xSixO12',
      stoichiometryRanges: [{ variable: 'x', min: 0, max: 3 }],
      representativeFormula: 'Na3Zr2Si2PO12',
    });
    expect(res.data!.m.generalFormulaSource).toMatch(/^feng2022 line 431: /);
    expect(res.data!.m.representativeFormulaSource).toMatch(/^feng2022 line 107: /);
    // the representative composition is a material of its own, with its family (seed/materials/classification.yaml)
    expect(res.data!.c).toEqual({ generalFormula: null, stoichiometryRanges: [], representativeFormula: null });
  });

  it('lists the datasets with licence, citation and counts', async () => {
    const res = await server.gql<{ datasets: { id: string; license: string; recordCount: number; measurementCount: number; phaseEntryCount: number; doi: string }[] }>(
      '{ datasets { id license recordCount measurementCount phaseEntryCount doi } }',
    );
    const bulk = rows.filter((r) => r['IC (Bulk)'] && Number(r['IC (Bulk)']) !== Number(r[CONDUCTIVITY])).length;
    expect(res.data!.datasets).toEqual([
      // the formation energies of the thermodynamics (test/integration/phaseData.test.ts checks them)
      { id: 'matbench_mp_e_form', license: 'CC BY 4.0', recordCount: 132752, measurementCount: 0, phaseEntryCount: 95118, doi: '10.1063/1.4812323' },
      { id: 'obelix', license: 'CC BY 4.0', recordCount: 599, measurementCount: 599 + bulk, phaseEntryCount: 0, doi: '10.48550/arXiv.2502.14234' },
    ]);
  });
});

describe('bad input is BAD_USER_INPUT naming the argument, without stack traces', () => {
  it.each([
    ['{ materials(where: { formula: "Li7-xLa3Zr2O12" }) { totalCount } }', 'where.formula', /variable stoichiometry/],
    ['{ materials(where: { formula: "" }) { totalCount } }', 'where.formula', /is empty/],
    ['{ materials(where: { elementsIncludeAll: ["Li", "Xx"] }) { totalCount } }', 'where.elementsIncludeAll', /'Xx' is not an element symbol/],
    ['{ materials(where: { chemicalSystem: "Li-Q" }) { totalCount } }', 'where.chemicalSystem', /'Q' is not an element symbol/],
    ['{ materials(first: 1001) { totalCount } }', 'first', /from 0 to 1000, got 1001/],
    ['{ materials(after: "nonsense") { totalCount } }', 'after', /is not a material cursor/],
    ['{ material(id: "Li10GeP2S12") { id } }', 'id', /the id of that composition is 'Ge1Li10P2S12'/],
    ['{ material(id: "hello") { id } }', 'id', /is not a material id/],
    ['{ publication(doi: "nature paper") { doi } }', 'doi', /is not a DOI/],
  ])('%s', async (query, argumentName, message) => {
    expectBadUserInput(await server.gql(query), argumentName, message);
  });

  it('rejects unknown enum values and fields in validation, with the code', async () => {
    const res = await server.gql('{ materials(where: { family: SPINEL }) { totalCount } }');
    expect(res.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('HTTP surface', () => {
  it('answers /health with Neo4j reachability', async () => {
    const res = await fetch(`${server.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', neo4j: { reachable: true, database: 'neo4j', serverAgent: expect.stringMatching(/^Neo4j\/5\.26/) } });
  });

  it.each([
    ['{bad', 400, /not valid JSON/],
    [JSON.stringify({ query: `{ materials(where: { formula: "${'Li'.repeat(600_000)}" }) { totalCount } }` }), 413, /larger than 1 MB/],
  ])('answers a malformed or oversized body in JSON without a stack trace (%#)', async (body, status, message) => {
    const res = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    expect(text).not.toMatch(/at .*node_modules|SyntaxError|<html/i);
    const json = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(json.errors[0]!.message).toMatch(message);
  });

  it('serves Apollo Sandbox as the landing page in development', async () => {
    const res = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/sandbox/i);
  });

  it('answers a nested query with one statement for the list and one batched query per field left to resolvers (no N+1)', async () => {
    const queries: string[] = [];
    const stop = server.db.observe((name) => queries.push(name));
    const res = await server.gql<{ materials: { edges: unknown[] } }>(
      `{ materials(first: 100) { edges { node { id measurements(first: 10) { id publication { doi } publications { doi } dataset { id }
          source { dataset { id } } material { id } } } } } }`,
    );
    stop();
    expect(res.errors).toBeUndefined();
    expect(res.data!.materials.edges).toHaveLength(100);
    // materials, their measurements, each measurement's material, publications and dataset: one compiled statement
    expect(queries).toEqual(['materials.list']);
  });
});
