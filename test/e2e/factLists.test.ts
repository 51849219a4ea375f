/**
 * The compiled fact lists (reportedStabilityWindows, coatingApplications, cells) and publications against
 * the real Neo4j on the seeded graph: each filter and order with the expected rows worked out by hand from
 * the curated records (seed/facts/<review>/windows.yaml, coatings.yaml, cells.yaml and
 * seed/references/<review>.yaml; the comments name the records), totalCount, keyset paging, errors naming
 * the argument path, and one Cypher statement per request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { cypher } from '../../src/graph/database.js';
import { projectPath } from '../../src/server/paths.js';
import { ids, lister, type Page } from '../support/pages.js';
import { expectBadUserInput, startTestServer, type TestServer, queriesOf as queriesDuring } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const list = lister(() => server);

/**
 * A review reached through field resolvers only (not a compiled list): Li metal as a thermodynamics result's
 * material (a resolver), its interfaces and their observations (resolvers), and the review stating one.
 */
async function resolvedReview<T>(key: string, selection: string): Promise<T> {
  type Review = { key: string } | null;
  const res = await server.gql<{ decomposition: { material: { interfaces: { observations: { source: { review: Review } }[] }[] } } }>(
    `{ decomposition(formula: "Li") { material { interfaces { observations { source { review { key ${selection} } } } } } } }`,
  );
  expect(res.errors).toBeUndefined();
  const reviews = res.data!.decomposition.material.interfaces.flatMap((i) => i.observations.map((o) => o.source.review));
  const review = reviews.find((r) => r?.key === key);
  expect(review, `${key} states an observation at an interface with Li metal`).toBeDefined();
  return review as T;
}
const windows = async (args: string) => ids(await list('reportedStabilityWindows', args));
const coatings = async (args: string) => ids(await list('coatingApplications', args));
const cells = async (args: string) => ids(await list('cells', args));

/** Queries the server sends to Neo4j while `work` runs, by name. */
const queriesOf = (work: () => Promise<unknown>): Promise<string[]> => queriesDuring(server, work);

const P = (id: string) => `pasta2020:${id}`;

describe('reportedStabilityWindows', () => {
  // pasta2020 windows.yaml oxidation limits: W5 4, W6 4.5–5, W7 ~5, W8 4.3, W9 4.6, W10 5.4, W11 ~5.0 (W1/W3 ≈3.6, W2/W4 ≈2.2)
  it('an oxidation limit range in V or mV: pasta2020 windows at 4.5 V or above (a range by its lower end)', async () => {
    const expected = ['W10', 'W11', 'W6', 'W7', 'W9'].map(P);
    for (const range of ['{ min: 4.5 }', '{ min: 4500, unit: "mV" }']) {
      const page = await list<{ id: string }>('reportedStabilityWindows', `where: { review: "pasta2020", oxidationLimit: ${range} }`);
      expect(page.totalCount).toBe(5);
      expect(ids(page)).toEqual(expected);
    }
  });

  it('ordered by the oxidation limit, descending, ties by id, across pages of 2', async () => {
    // 5.4 (W10); 5 (W11 ~5.0, W7 ~5: by id); 4.6 (W9); 4.5 (W6, the range's lower end)
    const expected = ['W10', 'W11', 'W7', 'W9', 'W6'].map(P);
    const seen: string[] = [];
    let after = '';
    for (let i = 0; i < 3; i++) {
      const page = await list<{ id: string }>(
        'reportedStabilityWindows',
        `where: { review: "pasta2020", oxidationLimit: { min: 4.5 } }, orderBy: { field: OXIDATION_LIMIT, direction: DESC }, first: 2${after}`,
      );
      seen.push(...ids(page));
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
      after = `, after: "${page.pageInfo.endCursor}"`;
    }
    expect(seen).toEqual(expected);
  });

  it('a reduction limit at most 0 V: banerjee2020 W27–W30, W34 (≤ 0) and W36–W37 (≈ 0); not W5/W6 (> 0, no upper end)', async () => {
    // W31–W33 and W35 (line 535) repeat W27–W30 (line 130): the same statements, now places of W27–W30
    const expected = ['W27', 'W28', 'W29', 'W30', 'W34', 'W36', 'W37'].map((w) => `banerjee2020:${w}`);
    expect(await windows('where: { review: "banerjee2020", reductionLimit: { max: 0 } }, first: 50')).toEqual(expected);
  });

  it('computed: feng2022 W1, W3, W9, W14 are COMPUTED_THERMODYNAMIC; the other 13 are not', async () => {
    expect(await windows('where: { review: "feng2022", computed: true }')).toEqual(['feng2022:W1', 'feng2022:W14', 'feng2022:W3', 'feng2022:W9']);
    expect((await list('reportedStabilityWindows', 'where: { review: "feng2022", computed: false }')).totalCount).toBe(13);
  });

  it('a material by name, a method, OR and NOT', async () => {
    // banerjee2020 LLZO windows: W9 (0.05 V, printed at lines 140, 679, 539; W13 and W15 were its copies), W10 and W36
    expect(await windows('where: { review: "banerjee2020", material: "LLZO" }')).toEqual(['W10', 'W36', 'W9'].map((w) => `banerjee2020:${w}`));
    // feng2022: W15 CV_BLOCKING_ELECTRODE, W2 CV_CARBON_COMPOSITE
    expect(await windows('where: { review: "feng2022", OR: [{ method: CV_BLOCKING_ELECTRODE }, { method: CV_CARBON_COMPOSITE }] }')).toEqual(['feng2022:W15', 'feng2022:W2']);
    expect(await windows('where: { review: "feng2022", method: CV_BLOCKING_ELECTRODE, NOT: { material: "K2Fe4O7" } }')).toEqual([]);
    // NOT keeps rows: feng2022 windows.yaml W1–W17 but W15 (K2Fe4O7); W16 names no material and stays
    const notK = await list('reportedStabilityWindows', 'where: { review: "feng2022", NOT: { material: "K2Fe4O7" } }, first: 50', 'id');
    expect(notK.totalCount).toBe(16);
    expect(ids(notK)).toContain('feng2022:W16');
    expect(ids(notK)).toContain('feng2022:W13');
    expect(ids(notK)).not.toContain('feng2022:W15');
  });

  it('fields: limits as quantities, the material, the source and publications', async () => {
    const page = await list<Record<string, unknown>>(
      'reportedStabilityWindows',
      'where: { review: "pasta2020", oxidationLimit: { min: 5.4 } }',
      'id scale method reductionLimit { text } oxidationLimit { quantity { value unit printedValue } text } material { name } source { kind lines quote }',
    );
    // pasta2020 W10: PEC-acetate-LiTFSI, 5.4 V, lines 493
    expect(page.edges[0]!.node).toMatchObject({
      id: 'pasta2020:W10',
      scale: 'LI',
      reductionLimit: null,
      oxidationLimit: { quantity: { value: 5.4, unit: 'V' } },
      source: { kind: 'REVIEW' },
    });
  });

  it('a unit that is not a voltage is BAD_USER_INPUT naming where.oxidationLimit.unit', async () => {
    const res = await server.gql('{ reportedStabilityWindows(where: { oxidationLimit: { min: 4, unit: "mA" } }) { totalCount } }');
    expectBadUserInput(res, 'where.oxidationLimit.unit', /'mA' is not a unit of voltage/);
  });
});

describe('coatingApplications', () => {
  // thicknesses of coatings.yaml: feng2022 C18 5 µm, C19 5–10 µm, pasta2020 C6 60 µm, C11 ~5 µm; banerjee2020 C93 100 nm,
  // C87 10 nm, C92 5–10 nm; feng2022 C31 50 nm, C5 5–6 nm, C2/C3/C20 5 nm
  it('a thickness range in µm or nm: at least 1 µm are C18, C19 (by its lower end), C6, C11', async () => {
    const expected = ['feng2022:C18', 'feng2022:C19', 'pasta2020:C11', 'pasta2020:C6'];
    expect(await coatings('where: { thickness: { min: 1, unit: "µm" } }')).toEqual(expected);
    expect(await coatings('where: { thickness: { min: 1000 } }')).toEqual(expected);
  });

  it('at most 5 nm: C2, C20, C3 (a range counts by its upper end: C5 5–6 nm and C92 5–10 nm are out)', async () => {
    expect(await coatings('where: { thickness: { max: 5, unit: "nm" } }')).toEqual(['feng2022:C2', 'feng2022:C20', 'feng2022:C3']);
  });

  it('ordered by thickness, descending, ties by id; applications without a thickness last', async () => {
    const page = await list<{ id: string }>('coatingApplications', 'orderBy: { field: THICKNESS, direction: DESC }, first: 7');
    // 60 µm; 5 µm (C18, C19 by its lower end, C11 ~5: by id); 100 nm; 50 nm; 10 nm
    expect(ids(page)).toEqual(['pasta2020:C6', 'feng2022:C18', 'feng2022:C19', 'pasta2020:C11', 'banerjee2020:C93', 'feng2022:C31', 'banerjee2020:C87']);
  });

  it('the coating material, the deposition method and the fields of effects and materials', async () => {
    // feng2022 C5: Al2O3 by ALD on Li7La3Zr2O12, 5–6 nm
    const page = await list<Record<string, unknown>>(
      'coatingApplications',
      'where: { coating: "Al2O3", method: ALD, thickness: { min: 5, max: 6 } }',
      'id method thickness { min max unit } coating { id } substrate { id } electrolyte { id } effects { property }',
    );
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node).toMatchObject({ id: 'feng2022:C5', method: 'ALD', thickness: { min: 5, max: 6, unit: 'nm' }, coating: { id: 'Al2O3' } });
  });

  it('a thickness unit that is not a length is BAD_USER_INPUT naming where.thickness.unit', async () => {
    const res = await server.gql('{ coatingApplications(where: { OR: [{ thickness: { min: 1, unit: "V" } }] }) { totalCount } }');
    expectBadUserInput(res, 'where.OR[0].thickness.unit', /'V' is not a unit of thickness/);
  });
});

describe('cells', () => {
  it('critical current density in mA/cm² or A/cm²: banerjee2020 B153 0.6, feng2022 B25 0.4 and B26 0.75', async () => {
    const expected = ['banerjee2020:B153', 'feng2022:B25', 'feng2022:B26'];
    expect(await cells('where: { criticalCurrentDensity: { min: 0.4 } }')).toEqual(expected);
    expect(await cells('where: { criticalCurrentDensity: { min: 0.0004, unit: "A/cm2" } }')).toEqual(expected);
    // symmetric cells of feng2022 at most 0.3 mA/cm²: B22 0.2, B28 0.1
    expect(await cells('where: { review: "feng2022", cellType: SYMMETRIC, criticalCurrentDensity: { max: 0.3 } }')).toEqual(['feng2022:B22', 'feng2022:B28']);
  });

  it('capacity retention ≥ 95 %: banerjee2020 B49 95, B78/B80/B110 100, B118 96.8, B128/B130 99 (B107 > 86 is not known to be)', async () => {
    const page = await list<{ id: string }>('cells', 'where: { review: "banerjee2020", capacityRetention: { min: 95 } }');
    expect(page.totalCount).toBe(7);
    expect(ids(page)).toEqual(['B110', 'B118', 'B128', 'B130', 'B49', 'B78', 'B80'].map((b) => `banerjee2020:${b}`));
  });

  it('cycles: a count of cycles or the cycle a result was read at; ≥ 1000 are famprikis2019 B2 (> 10,000), banerjee2020 B78 (at 2000), feng2022 B39 (1,000: Table 3 and the text of L352 and L354, one cell)', async () => {
    expect(await cells('where: { cycles: { min: 1000 } }')).toEqual(['banerjee2020:B78', 'famprikis2019:B2', 'feng2022:B39']);
  });

  it('ordered by cycles and by retention, descending, ties by id', async () => {
    // > 10,000, 2000, 1,000, then banerjee2020 B104 (640) and the first by id of the cells at 500 (banerjee2020 B107, B109, feng2022 B10, ...)
    expect(await cells('orderBy: { field: CYCLES, direction: DESC }, first: 5')).toEqual(['famprikis2019:B2', 'banerjee2020:B78', 'feng2022:B39', 'banerjee2020:B104', 'banerjee2020:B107']);
    // retention 100 % (B110, B78, B80), then 99 % (B128, B130)
    expect(await cells('where: { review: "banerjee2020" }, orderBy: { field: CAPACITY_RETENTION, direction: DESC }, first: 5')).toEqual(
      ['B110', 'B78', 'B80', 'B128', 'B130'].map((b) => `banerjee2020:${b}`),
    );
  });

  it('a temperature range in °C or K: feng2022 cells at 80 °C or above are B8 (100 °C), B67 and B95 (80 °C)', async () => {
    const expected = ['feng2022:B67', 'feng2022:B8', 'feng2022:B95'];
    expect(await cells('where: { review: "feng2022", temperature: { min: 80, unit: "°C" } }')).toEqual(expected);
    expect(await cells('where: { review: "feng2022", temperature: { min: 353.15 } }')).toEqual(expected);
  });

  it('components with their materials, results and conditions', async () => {
    // feng2022 B22 (cells.yaml line 267): Li | tape-cast LLZO film | Li, 35 Ω·cm2, then a short circuit at 0.2 mA/cm2
    const page = await list<Record<string, unknown>>(
      'cells',
      'where: { review: "feng2022", criticalCurrentDensity: { min: 0.2, max: 0.2 } }',
      'id cellType components { role text material { id } } results { property value unit } conditions { temperatureK }',
    );
    expect(page.edges.map((e) => e.node)).toEqual([
      {
        id: 'feng2022:B22',
        cellType: 'SYMMETRIC',
        components: [
          { role: 'ELECTRODE', text: null, material: { id: parseFormula('Li').key } },
          { role: 'ELECTROLYTE', text: 'tape-cast LLZO film, 25–44 μm', material: { id: parseFormula('Li7La3Zr2O12').key } },
        ],
        results: [
          { property: 'AREA_SPECIFIC_RESISTANCE', value: 35, unit: 'Ω cm2' },
          { property: 'CRITICAL_CURRENT_DENSITY', value: 0.2, unit: 'mA/cm2' },
        ],
        conditions: { temperatureK: null },
      },
    ]);
  });

  it('a review key that is not one is BAD_USER_INPUT naming the path', async () => {
    const res = await server.gql('{ cells(where: { AND: [{ review: "not a key" }] }) { totalCount } }');
    expectBadUserInput(res, 'where.AND[0].review', /is not a review key/);
  });
});

describe('publications', () => {
  // seed/references/lewis2019.yaml: 106 references, 32 of 2018 or later, 15 with 'garnet' in the title (refs 5, 12, 40, ...)
  it('cited by a review (review or citedBy), a year range, a title text in any case', async () => {
    expect((await list('publications', 'where: { review: "lewis2019" }', 'key')).totalCount).toBe(106);
    expect((await list('publications', 'where: { citedBy: "lewis2019" }', 'key')).totalCount).toBe(106);
    expect((await list('publications', 'where: { review: "lewis2019", years: { min: 2018 } }', 'key')).totalCount).toBe(32);
    expect((await list('publications', 'where: { review: "lewis2019", titleContains: "GARNET" }', 'key')).totalCount).toBe(15);
  });

  it('ordered by year, descending, ties by key: across pages, exactly the years of the reference list, newest first', async () => {
    const rows: { key: string; year: number }[] = [];
    let after = '';
    for (let i = 0; i < 3; i++) {
      const page = await list<{ key: string; year: number }>('publications', `where: { review: "lewis2019" }, orderBy: { field: YEAR, direction: DESC }, first: 40${after}`, 'key year');
      rows.push(...page.edges.map((e) => e.node));
      after = `, after: "${page.pageInfo.endCursor}"`;
    }
    const years = rows.map((r) => r.year);
    expect(new Set(rows.map((r) => r.key)).size).toBe(106);
    // ties (same year) in ascending key order, on every page boundary too
    for (let i = 1; i < rows.length; i++) if (rows[i]!.year === rows[i - 1]!.year) expect(rows[i]!.key > rows[i - 1]!.key, rows[i]!.key).toBe(true);
    // the years the review's reference list prints (seed/references/lewis2019.yaml: 106 entries, 106 publications), newest first
    const printed = (parseYaml(readFileSync(projectPath('seed', 'references', 'lewis2019.yaml'), 'utf8')) as { references: { year: number }[] }).references;
    expect(years).toEqual(printed.map((r) => r.year).sort((a, b) => b - a));
    expect(years[0]).toBe(2019);
  });

  it("a publication's facts, as a review states them (REVIEW) and as a paper reported them (ORIGINAL), are compiled into the one statement; the same as the resolvers give", async () => {
    const facts = 'measurements { id } reportedStabilityWindows { id } interphaseObservations { id } coatingApplications { id } cells { id }';
    const asReview = facts.replace(/(\w+) \{ id \}/g, 'review_$1: $1(role: REVIEW) { id }');
    const doi = '10.1021/acs.chemrev.0c00101'; // banerjee2020
    type Lists = Record<string, { id: string }[]>;
    let compiled: { publications: Page<Lists> } | null | undefined;
    const names = await queriesOf(async () => {
      compiled = (await server.gql<{ publications: Page<Lists> }>(`{ publications(where: { doi: "${doi}" }) { edges { node { key ${facts} ${asReview} } } } }`)).data;
    });
    expect(names).toEqual(['publications.list']);
    const node = compiled!.publications.edges[0]!.node;
    // every record of the review's seed files, by id (seed/facts/banerjee2020/*.yaml)
    const recordIds = (file: string) =>
      (parseYaml(readFileSync(projectPath('seed', 'facts', 'banerjee2020', `${file}.yaml`), 'utf8')) as { records: { id: string }[] }).records.map((r) => `banerjee2020:${r.id}`).sort();
    expect(node.review_measurements!.map((x) => x.id).sort()).toEqual(recordIds('measurements'));
    expect(node.review_reportedStabilityWindows!.map((x) => x.id).sort()).toEqual(recordIds('windows'));
    expect(node.review_interphaseObservations!.map((x) => x.id).sort()).toEqual(recordIds('interphases'));
    expect(node.review_coatingApplications!.map((x) => x.id).sort()).toEqual(recordIds('coatings'));
    expect(node.review_cells!.map((x) => x.id).sort()).toEqual(recordIds('cells'));
    // through the field resolvers (under a thermodynamics result): the same lists in the same order
    expect(await resolvedReview(node.key as unknown as string, `${facts} ${asReview}`)).toEqual(node);
    // publication(doi:) is one statement too
    let one: { publication: Lists } | null | undefined;
    expect(await queriesOf(async () => void (one = (await server.gql<{ publication: Lists }>(`{ publication(doi: "${doi}") { key ${facts} ${asReview} } }`)).data))).toEqual(['publication.one']);
    expect(one!.publication).toEqual(node);
    // a paper the reviews cite: the facts crediting it (ORIGINAL), compiled for a page of publications = resolved one by one
    const page = await list<Lists & { key: string; doi: string | null }>('publications', 'where: { review: "banerjee2020", years: { min: 2019 } }, first: 5', `key doi ${facts}`);
    expect(page.edges.some((e) => e.node.measurements!.length + e.node.cells!.length > 0)).toBe(true);
    for (const { node: p } of page.edges.filter((e) => e.node.doi)) {
      const one = await server.gql<{ publication: Lists & { key: string; doi: string } }>(`{ publication(doi: "${p.doi}") { key doi ${facts} } }`);
      expect(one.data!.publication).toEqual(p);
    }
  });

  it("a review's references and a paper's citing reviews are compiled into the one statement (number and line from CITES, both ends), the same as the resolvers give", async () => {
    const citations = 'references { number line review { key } publication { key year title } } citedBy { number line review { key reviewKey } publication { key } }';
    const doi = '10.1021/acs.chemrev.0c00101'; // banerjee2020
    type Citation = { number: number; line: number | null; review: { key: string }; publication: { key: string; year?: number } };
    type Node = { key: string; references: Citation[]; citedBy: Citation[] };
    let compiled: { publications: Page<Node> } | null | undefined;
    const names = await queriesOf(async () => {
      compiled = (await server.gql<{ publications: Page<Node> }>(`{ publications(where: { doi: "${doi}" }) { edges { node { key ${citations} } } } }`)).data;
    });
    expect(names).toEqual(['publications.list']);
    const review = compiled!.publications.edges[0]!.node;
    // the reference list as printed (seed/references/banerjee2020.yaml): numbers, lines and years in order
    const printed = (parseYaml(readFileSync(projectPath('seed', 'references', 'banerjee2020.yaml'), 'utf8')) as { references: { n: number; line: number; year: number }[] }).references;
    expect(review.references.map((c) => [c.number, c.line, c.publication.year])).toEqual(printed.map((r) => [r.n, r.line, r.year]));
    expect(new Set(review.references.map((c) => c.review.key))).toEqual(new Set([review.key]));
    expect(await resolvedReview(review.key, citations)).toEqual(review);
    // papers cited by two reviews or more: each citing review, ordered by year, with its own number; the cited end is the paper
    const citedBy = 'citedBy { number line review { key reviewKey } publication { key } }';
    const cited = await list<Node>('publications', 'where: { citedBy: "lewis2019" }, first: 200', `key ${citedBy}`);
    expect(cited.totalCount).toBe(106);
    const shared = cited.edges.map((e) => e.node).filter((p) => p.citedBy.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const p of shared) {
      expect(p.citedBy.every((c) => c.publication.key === p.key)).toBe(true);
      expect(p.citedBy.map((c) => (c.review as { reviewKey?: string }).reviewKey)).toContain('lewis2019');
      if (!p.key.startsWith('doi:')) continue;
      const one = await server.gql<{ publication: Node }>(`{ publication(doi: "${p.key.slice(4)}") { key ${citedBy} } }`);
      expect(one.data!.publication).toEqual(p);
    }
  });

  it('a DOI in any form; the source reviews (isReview); a malformed DOI is BAD_USER_INPUT naming where.doi', async () => {
    const page = await list<{ key: string; isReview: boolean; reviewKey: string }>('publications', 'where: { doi: "https://doi.org/10.1021/ACS.CHEMREV.0C00101" }', 'key isReview reviewKey');
    expect(page.edges.map((e) => e.node)).toEqual([{ key: 'doi:10.1021/acs.chemrev.0c00101', isReview: true, reviewKey: 'banerjee2020' }]);
    expect((await list('publications', 'where: { isReview: true }', 'key')).totalCount).toBe(5);
    expectBadUserInput(await server.gql('{ publications(where: { doi: "abc" }) { totalCount } }'), 'where.doi', /is not a DOI/);
  });
});

describe('one Cypher statement per request', () => {
  const fact = 'source { kind line quote review { key } } publication { key } publications { key year }';
  const requests: Record<string, (first: number) => string> = {
    'reportedStabilityWindows.list': (first) =>
      `{ reportedStabilityWindows(first: ${first}) { totalCount pageInfo { endCursor } edges { cursor node { id scale reductionLimit { quantity { value } } oxidationLimit { text }
          material { id name measurements(property: IONIC_CONDUCTIVITY, first: 2) { id value } } ${fact} } } } }`,
    'coatingApplications.list': (first) =>
      `{ coatingApplications(first: ${first}) { totalCount edges { node { id role thickness { value } effects { property before { value } after { value } }
          coating { id } substrate { id formula } electrolyte { name } cells { id results { property } } ${fact} } } } }`,
    'cells.list': (first) =>
      `{ cells(first: ${first}) { totalCount edges { node { id cellType conditions { temperatureK } components { role text material { id name } }
          results { property value atCycle } coatingApplications { id coating { id } } ${fact} } } } }`,
    'publications.list': (first) => `{ publications(first: ${first}, orderBy: { field: YEAR }) { totalCount edges { node { key year title isReview doi } } } }`,
  };

  for (const [name, request] of Object.entries(requests)) {
    it(`${name}: one statement for pages of 1 and 300 with nested materials, parts and provenance`, async () => {
      for (const first of [1, 300]) {
        let rows = 0;
        const names = await queriesOf(async () => {
          const res = await server.gql<Record<string, Page<unknown>>>(request(first));
          expect(res.errors).toBeUndefined();
          rows = Object.values(res.data!)[0]!.edges.length;
        });
        expect(rows).toBeGreaterThan(0);
        expect(names).toEqual([name]);
      }
    });
  }

  it('totalCount alone reads no rows; a plan over QUERY_MAX_COST runs nothing', async () => {
    const names = await queriesOf(async () => {
      const res = await server.gql<{ cells: Page<unknown> }>('{ cells { totalCount } }');
      expect(res.data!.cells.totalCount).toBe(312); // the cells of the five cells.yaml files: 168 + 11 + 88 + 15 + 30
    });
    expect(names).toEqual(['cells.list']);
    let code: unknown;
    const none = await queriesOf(async () => {
      const res = await server.gql('{ cells(first: 1000) { edges { node { id components { material { measurements(first: 1000) { id value unit } } } } } } }');
      code = res.errors?.[0]?.extensions?.code;
    });
    expect(code).toBe('QUERY_TOO_COMPLEX');
    expect(none).toEqual([]);
  });
});

describe('variants', () => {
  // the records of seed/facts/*/*.yaml that name a variant: measurements 101 (`variant`), windows 2, interphase
  // observations 16 (`electrolyteVariant`), coating applications 11 (`coatingVariant`), cell components 31
  function seedVariants(): Record<string, number> {
    const out: Record<string, number> = { measurements: 0, windows: 0, interphases: 0, coatings: 0, components: 0 };
    for (const review of readdirSync(projectPath('seed', 'facts'))) {
      for (const file of ['measurements', 'windows', 'interphases', 'coatings', 'cells']) {
        const records = (parseYaml(readFileSync(projectPath('seed', 'facts', review, `${file}.yaml`), 'utf8')) as { records: Record<string, unknown>[] }).records;
        for (const r of records) {
          if (file === 'measurements' || file === 'windows') out[file]! += r.variant ? 1 : 0;
          if (file === 'interphases') out.interphases! += r.electrolyteVariant ? 1 : 0;
          if (file === 'coatings') out.coatings! += r.coatingVariant ? 1 : 0;
          if (file === 'cells') out.components! += (r.components as { variant?: unknown }[]).filter((c) => c.variant).length;
        }
      }
    }
    return out;
  }

  it('the variant of every fact is compiled into its list statement: one for every OF_VARIANT link (or variant id) in the graph, at least every variant the seed records name, each a variant of the fact\'s material', async () => {
    const seed = seedVariants();
    // the links as stored, counted by plain Cypher (not through the compiler)
    const stored = async (text: string) => Number((await server.db.read(cypher('test.variantLinks', text)))[0]!.n);
    const variant = 'id polymorph form labels material { id }';
    const read = async <T>(name: string, query: string): Promise<T> => {
      let data: T | null | undefined;
      expect(await queriesOf(async () => void (data = (await server.gql<T>(query)).data)), name).toEqual([name]);
      return data!;
    };
    type V = { id: string; material: { id: string } } | null;
    const m = await read<{ measurements: Page<{ material: { id: string } | null; variant: V }> }>(
      'measurements.list',
      `{ measurements(where: { source: REVIEW }, first: 1000) { edges { node { material { id } variant { ${variant} } } } } }`,
    );
    const withVariant = m.measurements.edges.map((e) => e.node).filter((n) => n.variant);
    expect(withVariant).toHaveLength(await stored("MATCH (x:Measurement)-[:OF_VARIANT]->(:MaterialVariant) WHERE x.sourceKind = 'REVIEW' RETURN count(*) AS n"));
    expect(withVariant.length).toBeGreaterThanOrEqual(seed.measurements!);
    for (const n of withVariant) expect(n.variant!.material.id).toBe(n.material!.id);
    const w = await read<{ reportedStabilityWindows: Page<{ variant: V }> }>('reportedStabilityWindows.list', `{ reportedStabilityWindows(first: 1000) { edges { node { variant { ${variant} } } } } }`);
    const windows = w.reportedStabilityWindows.edges.filter((e) => e.node.variant).length;
    expect(windows).toBe(await stored('MATCH (:StabilityWindow)-[:OF_VARIANT]->(:MaterialVariant) RETURN count(*) AS n'));
    expect(windows).toBeGreaterThanOrEqual(seed.windows!);
    const o = await read<{ interphaseObservations: Page<{ electrolyteVariant: V; counterpartVariant: V; interface: { electrolyte: { id: string } | null } }> }>(
      'interphaseObservations.list',
      `{ interphaseObservations(first: 1000) { edges { node { electrolyteVariant { ${variant} } counterpartVariant { ${variant} } interface { electrolyte { id } } } } } }`,
    );
    const observations = o.interphaseObservations.edges.map((e) => e.node);
    const observed = observations.filter((n) => n.electrolyteVariant);
    expect(observed).toHaveLength(await stored('MATCH (:InterphaseObservation)-[:OF_VARIANT]->(:MaterialVariant) RETURN count(*) AS n'));
    expect(observed.length).toBeGreaterThanOrEqual(seed.interphases!);
    for (const n of observed) expect(n.electrolyteVariant!.material.id).toBe(n.interface.electrolyte!.id);
    expect(observations.filter((n) => n.counterpartVariant)).toHaveLength(await stored('MATCH (o:InterphaseObservation) WHERE o.counterpartVariantId IS NOT NULL RETURN count(*) AS n'));
    const c = await read<{ coatingApplications: Page<{ coatingVariant: V; substrateVariant: V; electrolyteVariant: V; coating: { id: string }; substrate: { id: string } | null }> }>(
      'coatingApplications.list',
      `{ coatingApplications(first: 1000) { edges { node { coating { id } substrate { id } coatingVariant { ${variant} } substrateVariant { ${variant} } electrolyteVariant { id } } } } }`,
    );
    const coatings = c.coatingApplications.edges.map((e) => e.node);
    const coated = coatings.filter((n) => n.coatingVariant);
    expect(coated).toHaveLength(await stored('MATCH (:CoatingApplication)-[:OF_VARIANT]->(:MaterialVariant) RETURN count(*) AS n'));
    expect(coated.length).toBeGreaterThanOrEqual(seed.coatings!);
    for (const n of coated) expect(n.coatingVariant!.material.id).toBe(n.coating.id);
    const substrates = coatings.filter((n) => n.substrateVariant);
    expect(substrates).toHaveLength(await stored('MATCH (:CoatingApplication)-[r:APPLIED_ON]->() WHERE r.variantId IS NOT NULL RETURN count(*) AS n'));
    for (const n of substrates) expect(n.substrateVariant!.material.id).toBe(n.substrate!.id);
    expect(coatings.filter((n) => n.electrolyteVariant)).toHaveLength(await stored('MATCH (:CoatingApplication)-[r:PAIRED_WITH]->() WHERE r.variantId IS NOT NULL RETURN count(*) AS n'));
    const b = await read<{ cells: Page<{ components: { material: { id: string }; variant: V }[] }> }>(
      'cells.list',
      `{ cells(first: 1000) { edges { node { components { material { id } variant { ${variant} } } } } } }`,
    );
    const components = b.cells.edges.flatMap((e) => e.node.components).filter((x) => x.variant);
    expect(components).toHaveLength(await stored('MATCH (:Cell)-[r:HAS_COMPONENT]->() WHERE r.variantId IS NOT NULL RETURN count(*) AS n'));
    expect(components.length).toBeGreaterThanOrEqual(seed.components!);
    for (const x of components) expect(x.variant!.material.id).toBe(x.material.id);
    // feng2022 B22: the LLZO of Li | LLZO | Li is a tape-cast film
    const b22 = await list<{ id: string; components: { role: string; variant: { form: string | null } | null }[] }>('cells', 'where: { review: "feng2022" }, first: 200', 'id components { role variant { form } }');
    expect(b22.edges.find((e) => e.node.id === 'feng2022:B22')!.node.components.find((x) => x.role === 'ELECTROLYTE')!.variant).toEqual({ form: 'tape-cast film' });
  });

  it("a material's variants, compiled, are the same as through the resolvers (a thermodynamics result's material)", async () => {
    const selection = 'id variants { id labels polymorph form dopants { element site amount } material { id name } }';
    const page = await list<{ id: string; variants: unknown[] }>('materials', 'where: { name: "LLZO" }, first: 1', selection);
    const llzo = page.edges[0]!.node;
    expect(llzo.variants.length).toBeGreaterThan(2);
    const res = await server.gql<{ decomposition: { material: { id: string } } }>(`{ decomposition(formula: "Li7La3Zr2O12") { material { ${selection} } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.decomposition.material).toEqual(llzo);
  });
});

describe('materials by their coatings, and the facts under a material', () => {
  it('coatedWith: the substrates and paired electrolytes of the LiNbO3 coatings, as the curated coating records (seed/facts/*/coatings.yaml) name them', async () => {
    // the expected set comes from the seed files, not from the API: every substrate and electrolyte of a record
    // whose coating is LiNbO3 (banerjee2020 C1–C16 on NCA/NCM/LCO with Li6PS5Cl/LGPS; feng2022 C23–C29 on NCM/NCA/LiCoO2 with argyrodites)
    const named = new Set<string>();
    for (const review of readdirSync(projectPath('seed', 'facts'))) {
      const file = projectPath('seed', 'facts', review, 'coatings.yaml');
      const records = (parseYaml(readFileSync(file, 'utf8')) as { records: { coating: string; substrate?: string; electrolyte?: string }[] }).records;
      for (const r of records.filter((x) => x.coating === 'LiNbO3')) for (const part of [r.substrate, r.electrolyte]) if (part) named.add(part);
    }
    expect([...named].sort()).toEqual(['LCO', 'LGPS', 'Li5.7PS4.7Cl1.3', 'Li6.25PS5.25Cl0.75', 'Li6PS5Cl', 'Li6PS5Cl0.3F0.7', 'LiCoO2', 'NCA', 'NCM']);
    const expected = new Set<string>();
    for (const name of named) {
      const one = await list<{ id: string }>('materials', `where: { name: ${JSON.stringify(name)} }, first: 2`);
      expect(ids(one), name).toHaveLength(1);
      expected.add(ids(one)[0]!);
    }
    expect(expected.size).toBe(8); // LCO and LiCoO2 are one material
    const page = await list<{ id: string }>('materials', 'where: { coatedWith: "LiNbO3" }, first: 100');
    expect(new Set(ids(page))).toEqual(expected);
    expect(page.totalCount).toBe(8);
    expectBadUserInput(await server.gql('{ materials(where: { NOT: { coatedWith: "no such material" } }) { totalCount } }'), 'where.NOT.coatedWith', /no such material/);
  });

  it('material(id:) and everything selected under it are one statement, the same as the materials list gives; null for an id the graph lacks', async () => {
    const selection =
      'id name measurements(property: IONIC_CONDUCTIVITY, first: 3) { id value source { line } } reportedStabilityWindows { id } ' +
      'interfaces { id observations { id products { id } } } cells { id } coatingApplications(as: ELECTROLYTE) { id } formedInInterphases { id }';
    const id = parseFormula('Li7La3Zr2O12').key;
    let one: { material: Record<string, unknown> } | null | undefined;
    const names = await queriesOf(async () => void (one = (await server.gql<{ material: Record<string, unknown> }>(`{ material(id: "${id}") { ${selection} } }`)).data));
    expect(names).toEqual(['material.one']);
    const page = await list<Record<string, unknown>>('materials', 'where: { name: "LLZO" }, first: 1', selection);
    expect(one!.material).toEqual(page.edges[0]!.node);
    expect((one!.material.measurements as unknown[]).length).toBe(3);
    expect((await server.gql<{ material: null }>('{ material(id: "Ar1") { id name } }')).data!.material).toBeNull();
    expectBadUserInput(await server.gql('{ material(id: "not an id!") { id } }'), 'id', /./);
  });

  it("a material's reported windows, coating applications and cells are compiled into its statement (bench q6 without interfaces)", async () => {
    // banerjee2020 windows.yaml: LLZO windows W9 (0.05 V, printed at lines 140, 679 and 539: one window), W10, W36
    // (with famprikis2019 W1 and feng2022 W1–W6 of Li7La3Zr2O12)
    const q = `{ materials(where: { formula: "Li7La3Zr2O12" }) { edges { node { id name measurements { id property value }
        reportedStabilityWindows { id method } coatingApplications { id coating { id } } asSubstrate: coatingApplications(as: SUBSTRATE) { id }
        cells { id cellType } } } } }`;
    let node: { reportedStabilityWindows: { id: string }[]; coatingApplications: { id: string }[]; asSubstrate: { id: string }[]; cells: { id: string }[] } | undefined;
    const names = await queriesOf(async () => {
      const res = await server.gql<{ materials: Page<NonNullable<typeof node>> }>(q);
      expect(res.errors).toBeUndefined();
      node = res.data!.materials.edges[0]!.node;
    });
    // the material's name is resolved inside the statement: no other query
    expect(names).toEqual(['materials.list']);
    const windowIds = node!.reportedStabilityWindows.map((w) => w.id);
    for (const w of ['banerjee2020:W9', 'banerjee2020:W10', 'banerjee2020:W36', 'famprikis2019:W1', 'feng2022:W1', 'feng2022:W3']) expect(windowIds).toContain(w);
    // feng2022 C3 (LAO) and C5 (Al2O3) were applied on Li7La3Zr2O12
    for (const c of ['feng2022:C3', 'feng2022:C5']) expect(node!.asSubstrate.map((x) => x.id)).toContain(c);
    expect(node!.coatingApplications.length).toBeGreaterThanOrEqual(node!.asSubstrate.length);
    // feng2022 B22: Li | LLZO | Li
    expect(node!.cells.map((c) => c.id)).toContain('feng2022:B22');
  });

  it('Material.cells(roles:) is compiled (the role is on its HAS_COMPONENT relationship): exactly the cells whose components give it that role; the same as the resolver', async () => {
    type CellRow = { id: string; components: { role: string; material: { id: string } }[] };
    type Node = { id: string; all: CellRow[]; electrolyte: { id: string }[]; electrodes: { id: string }[] };
    const selection = 'id all: cells { id components { role material { id } } } electrolyte: cells(roles: [ELECTROLYTE]) { id } electrodes: cells(roles: [CATHODE, ANODE, ELECTRODE]) { id }';
    for (const formula of ['Li7La3Zr2O12', 'Li6PS5Cl', 'LiCoO2', 'Li']) {
      let page: { materials: Page<Node> } | null | undefined;
      const names = await queriesOf(async () => void (page = (await server.gql<{ materials: Page<Node> }>(`{ materials(where: { formula: "${formula}" }) { edges { node { ${selection} } } } }`)).data));
      expect(names, formula).toEqual(['materials.list']);
      const m = page!.materials.edges[0]!.node;
      const withRole = (roles: string[]) => m.all.filter((c) => c.components.some((x) => x.material.id === m.id && roles.includes(x.role))).map((c) => c.id);
      expect(m.electrolyte.map((c) => c.id), formula).toEqual(withRole(['ELECTROLYTE']));
      expect(m.electrodes.map((c) => c.id), formula).toEqual(withRole(['CATHODE', 'ANODE', 'ELECTRODE']));
      expect(m.electrolyte.length + m.electrodes.length, formula).toBeGreaterThan(0);
      // through the resolver (under a thermodynamics result), which filters the material's cells by role
      const res = await server.gql<{ decomposition: { material: Partial<Node> } }>(`{ decomposition(formula: "${formula}") { material { ${selection} } } }`);
      expect(res.errors, formula).toBeUndefined();
      expect(res.data!.decomposition.material, formula).toEqual(m);
    }
  });
});

describe('structuralFamilies { materials }', () => {
  interface Family {
    id: string;
    materials: Page<{ id: string }>;
  }
  const families = async (args: string) => {
    let out: Family[] = [];
    const names = await queriesOf(async () => {
      const res = await server.gql<{ structuralFamilies: Family[] }>(
        `{ structuralFamilies { id materials(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      out = res.data!.structuralFamilies;
    });
    return { out, names };
  };

  it('every family with a page of its materials in one statement, the same pages as materials(where: {family})', async () => {
    const { out, names } = await families('first: 3');
    expect(names).toEqual(['structuralFamilies.materials']);
    expect(out.length).toBeGreaterThan(10);
    for (const f of out) {
      const alone = await list<{ id: string }>('materials', `where: { family: ${f.id} }, first: 3`);
      expect({ family: f.id, totalCount: f.materials.totalCount, ids: ids(f.materials) }).toEqual({ family: f.id, totalCount: alone.totalCount, ids: ids(alone) });
    }
    // seed/materials: Li6PS5Cl is an argyrodite
    const argyrodite = out.find((f) => f.id === 'ARGYRODITE')!;
    const all = await families('first: 1000');
    expect(ids(all.out.find((f) => f.id === 'ARGYRODITE')!.materials)).toContain(parseFormula('Li6PS5Cl').key);
    expect(argyrodite.materials.totalCount).toBeGreaterThan(3);
  });

  it('the cursor of a family page continues that family (as in materials(where: {family}))', async () => {
    const first = (await families('first: 2')).out.find((f) => f.id === 'ARGYRODITE')!.materials;
    const next = await list<{ id: string }>('materials', `where: { family: ARGYRODITE }, first: 2, after: "${first.pageInfo.endCursor}"`);
    const both = await list<{ id: string }>('materials', 'where: { family: ARGYRODITE }, first: 4');
    expect([...ids(first), ...ids(next)]).toEqual(ids(both));
  });

  it('first out of range is BAD_USER_INPUT naming first', async () => {
    expectBadUserInput(await server.gql('{ structuralFamilies { materials(first: 1001) { totalCount } } }'), 'first', /from 0 to 1000/);
  });
});

describe('Material.measurements(where:)', () => {
  // banerjee2020 measurements.yaml: LGPS conductivities ≥ 10 mS/cm are P2 (12 mS/cm) and P56 (1.12·10⁻² S/cm)
  const where = 'where: { review: "banerjee2020", property: IONIC_CONDUCTIVITY, value: { min: 10, unit: "mS/cm" } }';
  const LGPS = parseFormula('Li10GeP2S12').key;

  it('compiled into the subquery of the material list: one statement', async () => {
    let found: string[] = [];
    const names = await queriesOf(async () => {
      const res = await server.gql<{ materials: Page<{ measurements: { id: string }[] }> }>(
        `{ materials(where: { formula: "LGPS" }) { edges { node { id measurements(${where}) { id value } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      found = res.data!.materials.edges[0]!.node.measurements.map((m) => m.id);
    });
    expect(found).toEqual(['banerjee2020:P2', 'banerjee2020:P56']);
    expect(names).toEqual(['materials.list']);
  });

  it('under material(id:) one statement for the material; errors name the field (alias included)', async () => {
    const res = await server.gql<{ material: { measurements: { id: string }[] } }>(`{ material(id: "${LGPS}") { measurements(${where}) { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.material.measurements.map((m) => m.id)).toEqual(['banerjee2020:P2', 'banerjee2020:P56']);
    const bad = await server.gql('{ materials(first: 1) { edges { node { fast: measurements(where: { value: { min: 1 } }) { id } } } } }');
    expectBadUserInput(bad, 'fast.where.value', /give `property`/);
  });

  it('a material name in a nested filter is resolved by the one statement, under every shape that can hold it', async () => {
    const all = (await server.gql<{ measurements: { edges: { node: { id: string } }[] } }>('{ measurements(where: { material: "LLZTO" }, first: 1000) { edges { node { id } } } }')).data!.measurements.edges.map((e) => e.node.id);
    expect(all.length).toBeGreaterThan(0);
    const nested = 'id measurements(where: { material: "LLZTO" }) { id }';
    type M = { id: string; measurements: { id: string }[] };
    const llzoOf = (ms: M[]) => ms.find((m) => m.measurements.length > 0);
    const asked: [string, (d: any) => M[]][] = [
      [`{ materials(where: { name: "LLZO" }) { edges { node { ${nested} } } } }`, (d) => d.materials.edges.map((e: any) => e.node)],
      [`{ materials(where: { name: "LLZO" }, orderBy: { field: NAME }) { totalCount edges { node { ${nested} } } } }`, (d) => d.materials.edges.map((e: any) => e.node)],
      [`{ material(id: "La3Li7O12Zr2") { ${nested} } }`, (d) => [d.material]],
      [`{ interfaces(where: { electrolyte: "LLZO" }, first: 1) { edges { node { electrolyte { ${nested} } } } } }`, (d) => d.interfaces.edges.map((e: any) => e.node.electrolyte)],
      [`{ search(text: "LLZTO", kinds: [MATERIAL], first: 5) { totalCount edges { node { node { ... on Material { ${nested} } } } } } }`, (d) => d.search.edges.map((e: any) => e.node.node)],
      [`{ search(text: "LLZTO", kinds: [MATERIAL], first: 5) { edges { node { node { ... on Material { ${nested} } } } } } }`, (d) => d.search.edges.map((e: any) => e.node.node)],
    ];
    for (const [query, materials] of asked) {
      const names = await queriesOf(async () => {
        const res = await server.gql<Record<string, unknown>>(query);
        expect(res.errors, query).toBeUndefined();
        expect(llzoOf(materials(res.data!))?.measurements.map((m) => m.id).sort(), query).toEqual([...all].sort());
      });
      expect(names, query).toHaveLength(1);
    }
    // an ambiguous name under a hit is refused, naming the nested argument
    const bad = await server.gql('{ materials(first: 1) { edges { node { m: measurements(where: { material: "LPS" }) { id } } } } }');
    expectBadUserInput(bad, 'm.where.material', /'LPS' names 2 materials: Li3P1S4 \(in banerjee2020\); Li7P3S11 \(in lewis2019\)/);
    // the statistics of a filter by name count what the list counts
    const stats = await server.gql<{ measurementStatistics: { groups: { count: number }[] } }>('{ measurementStatistics(where: { material: "LLZTO" }, groupBy: [PROPERTY]) { groups { count } } }');
    expect(stats.errors).toBeUndefined();
    expect(stats.data!.measurementStatistics.groups.reduce((s, g) => s + g.count, 0)).toBe(all.length);
  });

  it('under the materials of a thermodynamics result: one statement for all of them (batched), each the same as under material(id:)', async () => {
    // Li7PS6 lies above the hull and decomposes into phases the graph holds as materials (Li3PS4, Li2S...)
    const fields = 'id value unit source { line review { key } }';
    type Phase = { compositionKey: string; material: { id: string; measurements: { id: string }[] } | null };
    let phases: Phase[] = [];
    const names = await queriesOf(async () => {
      const res = await server.gql<{ decomposition: { phases: Phase[] } }>(
        `{ decomposition(formula: "Li7PS6") { phases { compositionKey material { id measurements(where: { property: IONIC_CONDUCTIVITY }) { ${fields} } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      phases = res.data!.decomposition.phases;
    });
    const materials = phases.map((p) => p.material).filter((m): m is NonNullable<Phase['material']> => m !== null);
    expect(materials.length).toBeGreaterThan(1);
    expect(materials.some((m) => m.measurements.length > 0)).toBe(true);
    expect(names.filter((n) => n === 'material.measurements')).toEqual(['material.measurements']);
    for (const m of materials) {
      const direct = await server.gql<{ material: { measurements: unknown[] } }>(`{ material(id: "${m.id}") { measurements(where: { property: IONIC_CONDUCTIVITY }) { ${fields} } } }`);
      expect(m.measurements, m.id).toEqual(direct.data!.material.measurements);
    }
  });
});
