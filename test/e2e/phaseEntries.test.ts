/**
 * The compiled list `phaseEntries` against the real Neo4j on the seeded graph (the formation-energy table globalSetup
 * imports, PHASE_DATA_CSV): each filter, AND/OR/NOT, each order in both directions, keyset paging, totalCount, the
 * dataset and material of an entry, visibility (users' entries and the active import run only), errors naming the
 * argument path, and one Cypher statement per request.
 *
 * Expected rows are computed here without the compiler: from the CSV file itself (csv-parse; one entry per reduced
 * composition, the lowest energy of its rows, as the import documents it) or from plain Cypher written in the test;
 * a few values are checked by hand against rows of the file (the comments give the line).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { cypher } from '../../src/graph/database.js';
import { loadConfig } from '../../src/server/config.js';
import { lister, type Page } from '../support/pages.js';
import { expectBadUserInput, queriesOf as queriesDuring, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const list = lister(() => server);
const queriesOf = (work: () => Promise<unknown>): Promise<string[]> => queriesDuring(server, work);

const DATASET = 'matbench_mp_e_form';

/** One entry as the file defines it: per reduced composition, the lowest energy of its rows and how many rows. */
interface Expected {
  id: string;
  key: string;
  formula: string;
  chemicalSystem: string;
  elements: string[];
  elementCount: number;
  energy: number;
  rows: number;
}

/** The entries of the CSV file, read with csv-parse and grouped by composition here (not by the import's code). */
const fromCsv: Expected[] = (() => {
  const rows = parse(readFileSync(loadConfig().phaseDataCsv), { columns: true, skip_empty_lines: true, bom: true, trim: true }) as { formula: string; target: string }[];
  const byKey = new Map<string, Expected>();
  for (const r of rows) {
    const c = parseFormula(r.formula);
    const energy = Number(r.target);
    const seen = byKey.get(c.key);
    if (seen) {
      seen.rows++;
      if (energy < seen.energy) Object.assign(seen, { energy, formula: c.reducedFormula });
      continue;
    }
    const elements = [...c.elements].sort();
    byKey.set(c.key, {
      id: `${DATASET}:${c.key}`,
      key: c.key,
      formula: c.reducedFormula,
      chemicalSystem: elements.join('-'),
      elements,
      elementCount: elements.length,
      energy,
      rows: 1,
    });
  }
  return [...byKey.values()];
})();

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

/** `xs` sorted by `key` in `direction`, ties by id ascending (the list's order). */
function sorted<T extends { id: string }>(xs: T[], key: (x: T) => string | number, direction: 'ASC' | 'DESC'): T[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return [...xs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : byId(a, b);
  });
}

interface Entry {
  id: string;
  formula: string;
  compositionKey: string;
  chemicalSystem: string;
  formationEnergyEvPerAtom: number;
  source: string;
  polymorphRows: number;
}
const ENTRY = 'id formula compositionKey chemicalSystem formationEnergyEvPerAtom source polymorphRows';

/** Every page of `phaseEntries(args)` of `size`, followed by its cursors; checks hasNextPage and totalCount on the way. */
async function allPages(args: string, size: number): Promise<Entry[]> {
  const out: Entry[] = [];
  let after = '';
  let total = -1;
  for (let i = 0; i < 1000; i++) {
    const page: Page<Entry> = await list<Entry>('phaseEntries', `${args}, first: ${size}${after}`, ENTRY);
    if (total < 0) total = page.totalCount;
    expect(page.totalCount).toBe(total);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(size);
    after = `, after: "${page.pageInfo.endCursor}"`;
  }
  expect(out).toHaveLength(total);
  return out;
}

/** The file's entries of a chemical system and all its subsystems. */
const ofSystem = (elements: string[]) => fromCsv.filter((e) => e.elements.every((el) => elements.includes(el)));

describe('phaseEntries: filters', () => {
  it('a chemical system with its subsystems: the 26 Li-P-S entries of the file, with their energies and polymorph rows', async () => {
    const page = await list<Entry>('phaseEntries', 'where: { chemicalSystem: "S-P-Li", includeSubsystems: true }, first: 100', ENTRY);
    const expected = ofSystem(['Li', 'P', 'S']).sort(byId);
    expect(expected).toHaveLength(26);
    expect(page.totalCount).toBe(26);
    expect(page.edges.map((e) => e.node)).toEqual(
      expected.map((e) => ({ id: e.id, formula: e.formula, compositionKey: e.key, chemicalSystem: e.chemicalSystem, formationEnergyEvPerAtom: e.energy, source: 'DATASET', polymorphRows: e.rows })),
    );
    // without subsystems: the ternaries only
    const ternary = await list<Entry>('phaseEntries', 'where: { chemicalSystem: "Li-P-S" }, first: 100', ENTRY);
    expect(ternary.edges.map((e) => e.node.id)).toEqual(ids(expected.filter((e) => e.chemicalSystem === 'Li-P-S')));
  });

  it('by hand: Li3PS4 has two rows (lines 62958 and 63834, both Li12P4S16), the lower -1.265681590736607 eV/atom; Li2S four rows, lowest on line 69969', async () => {
    const page = await list<Entry>('phaseEntries', 'where: { ids: ["matbench_mp_e_form:Li3P1S4", "matbench_mp_e_form:Li2S1"] }', ENTRY);
    expect(page.edges.map((e) => e.node)).toEqual([
      // lines 66529 (Li8S4 -1.3853849846875), 68435 (Li22S11), 68978 (Li8S4), 69969 (Li2S1 -1.5607607646875001)
      { id: 'matbench_mp_e_form:Li2S1', formula: 'Li2S', compositionKey: 'Li2S1', chemicalSystem: 'Li-S', formationEnergyEvPerAtom: -1.5607607646875001, source: 'DATASET', polymorphRows: 4 },
      { id: 'matbench_mp_e_form:Li3P1S4', formula: 'Li3PS4', compositionKey: 'Li3P1S4', chemicalSystem: 'Li-P-S', formationEnergyEvPerAtom: -1.265681590736607, source: 'DATASET', polymorphRows: 2 },
    ]);
    const one = await list<Entry>('phaseEntries', 'where: { id: "matbench_mp_e_form:Li3P1S4" }', ENTRY);
    expect(one.totalCount).toBe(1);
  });

  it('composition: a formula in any notation or a material name, through the one material resolver', async () => {
    // line 66814: Cl1Li6P1S5,-1.3832709858242587 (its only row)
    for (const text of ['Li6PS5Cl', 'Li₆PS₅Cl', 'LPSCl', 'Cl1Li6P1S5']) {
      const page = await list<Entry>('phaseEntries', `where: { composition: ${JSON.stringify(text)} }`, ENTRY);
      expect(page.edges.map((e) => [e.node.id, e.node.formationEnergyEvPerAtom]), text).toEqual([['matbench_mp_e_form:Cl1Li6P1S5', -1.3832709858242587]]);
    }
    // a polymorph's name stands for its composition
    expect((await list('phaseEntries', 'where: { composition: "β-Li3PS4" }')).edges.map((e) => e.node.id)).toEqual(['matbench_mp_e_form:Li3P1S4']);
  });

  it('elements (all of them), excludeElements, elementCount and formationEnergyEvPerAtom ranges, against the file', async () => {
    const args = 'where: { elements: ["Li", "S"], excludeElements: ["O", "P"], elementCount: { min: 2, max: 3 }, formationEnergyEvPerAtom: { min: -2.5, max: -1.2 }, source: DATASET }';
    const got = await allPages(args, 50);
    const expected = fromCsv
      .filter((e) => e.elements.includes('Li') && e.elements.includes('S') && !e.elements.includes('O') && !e.elements.includes('P'))
      .filter((e) => e.elementCount >= 2 && e.elementCount <= 3 && e.energy >= -2.5 && e.energy <= -1.2)
      .sort(byId);
    expect(expected.length).toBeGreaterThan(10);
    expect(ids(got)).toEqual(ids(expected));
    // Li2S (line 69969, -1.5607607646875001) is one of them; Li3PS4 (has P) is not
    expect(ids(got)).toContain('matbench_mp_e_form:Li2S1');
  });

  it('datasetId and source: every entry of the file is listed under its dataset', async () => {
    const page = await list('phaseEntries', `where: { datasetId: "${DATASET}", source: DATASET }, first: 0`);
    expect(page.totalCount).toBe(fromCsv.length);
    expect(fromCsv.length).toBe(95118);
    expect((await list('phaseEntries', 'where: { datasetId: "no-such-dataset" }, first: 0')).totalCount).toBe(0);
  });

  it('AND, OR, NOT nest: Li-S binaries but not Li2S, or Li3PS4; and an AND of ranges', async () => {
    const page = await list('phaseEntries', 'where: { source: DATASET, OR: [{ chemicalSystem: "Li-S", NOT: { composition: "Li2S" } }, { composition: "Li3PS4" }] }, first: 100');
    const expected = fromCsv.filter((e) => (e.chemicalSystem === 'Li-S' && e.key !== 'Li2S1') || e.key === 'Li3P1S4').sort(byId);
    expect(page.edges.map((e) => e.node.id)).toEqual(ids(expected));
    const and = await list('phaseEntries', 'where: { chemicalSystem: "Li-O", includeSubsystems: true, AND: [{ formationEnergyEvPerAtom: { max: -1 } }, { NOT: { elementCount: { max: 1 } } }] }, first: 100');
    expect(and.edges.map((e) => e.node.id)).toEqual(ids(ofSystem(['Li', 'O']).filter((e) => e.energy <= -1 && e.elementCount > 1).sort(byId)));
  });

  it('matches the plain Cypher count of the entries readers see (users\' included)', async () => {
    const [row] = await server.db.read(
      cypher(
        'test.phaseEntries.visible',
        "OPTIONAL MATCH (r:PhaseDataRevision {id: 'phase-data'}) MATCH (e:PhaseEntry) WHERE e.source = 'USER' OR e.run = r.activeRun RETURN count(e) AS n",
      ),
    );
    expect((await list('phaseEntries', 'first: 0')).totalCount).toBe(Number(row!.n));
  });
});

describe('phaseEntries: visibility', () => {
  it("lists users' entries and the active import run's, never an entry of another run", async () => {
    const write = (text: string) => server.db.write(cypher('test.phaseEntries.write', text));
    const props = "formula: 'Li2S', key: 'Li2S1', chemicalSystem: 'Li-S', compositionElements: ['Li', 'S'], compositionAmounts: [2.0, 1.0], elementCount: 2, formationEnergyEvPerAtom: -1.0, rows: 1";
    await write(`CREATE (:PhaseEntry {uid: 'test-old-run|x', id: 'test:stale', source: 'DATASET', run: '0000-old', datasetId: '${DATASET}', ${props}})`);
    await write(`CREATE (:PhaseEntry {uid: 'user:test-visible', id: 'user:test-visible', source: 'USER', label: 'test', ${props}})`);
    try {
      const page = await list<Entry>('phaseEntries', 'where: { ids: ["test:stale", "user:test-visible"] }', ENTRY);
      expect(page.edges.map((e) => [e.node.id, e.node.source])).toEqual([['user:test-visible', 'USER']]);
      expect(page.totalCount).toBe(1);
      const users = await list('phaseEntries', 'where: { source: USER, composition: "Li2S" }');
      expect(users.edges.map((e) => e.node.id)).toContain('user:test-visible');
    } finally {
      await write("MATCH (e:PhaseEntry) WHERE e.id IN ['test:stale', 'user:test-visible'] DETACH DELETE e");
    }
  });
});

describe('phaseEntries: orders', () => {
  const system = ofSystem(['Li', 'P', 'S', 'O']);
  const keys: Record<string, (e: Expected) => string | number> = {
    ID: (e) => e.id,
    FORMULA: (e) => e.formula,
    CHEMICAL_SYSTEM: (e) => e.chemicalSystem,
    ELEMENT_COUNT: (e) => e.elementCount,
    FORMATION_ENERGY: (e) => e.energy,
  };
  for (const field of Object.keys(keys)) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`${field} ${direction}: the Li-P-S-O system's entries in the file's order, ties by id`, async () => {
        const page = await list<Entry>('phaseEntries', `where: { chemicalSystem: "Li-P-S-O", includeSubsystems: true }, orderBy: { field: ${field}, direction: ${direction} }, first: 1000`, ENTRY);
        expect(page.totalCount).toBe(system.length);
        expect(page.edges.map((e) => e.node.id)).toEqual(ids(sorted(system, keys[field]!, direction)));
      });
    }
  }

  it('by hand over the whole table: lowest La2O19Th8 (line 131806, -4.612092007715515), highest Mg1Os1Y2 (2.49715919125)', async () => {
    const low = await list<Entry>('phaseEntries', 'where: { source: DATASET }, orderBy: { field: FORMATION_ENERGY }, first: 1', ENTRY);
    expect(low.edges.map((e) => [e.node.compositionKey, e.node.formationEnergyEvPerAtom, e.node.polymorphRows])).toEqual([['La2O19Th8', -4.612092007715515, 2]]);
    const high = await list<Entry>('phaseEntries', 'where: { source: DATASET }, orderBy: { field: FORMATION_ENERGY, direction: DESC }, first: 1', ENTRY);
    expect(high.edges.map((e) => [e.node.compositionKey, e.node.formationEnergyEvPerAtom])).toEqual([['Mg1Os1Y2', 2.49715919125]]);
  });

  it('paging a filtered, ordered list with cursors gives every row once, in order (ties by id across page ends)', async () => {
    const where = 'where: { chemicalSystem: "Co-Li-O-P-S", includeSubsystems: true, elements: ["Li"], elementCount: { max: 3 }, source: DATASET }';
    const expected = ofSystem(['Co', 'Li', 'O', 'P', 'S']).filter((e) => e.elements.includes('Li') && e.elementCount <= 3);
    expect(expected.length).toBeGreaterThan(30);
    for (const [field, key, direction] of [
      ['ELEMENT_COUNT', keys.ELEMENT_COUNT!, 'DESC'],
      ['FORMATION_ENERGY', keys.FORMATION_ENERGY!, 'ASC'],
      ['FORMULA', keys.FORMULA!, 'DESC'],
    ] as const) {
      const got = await allPages(`${where}, orderBy: { field: ${field}, direction: ${direction} }`, 7);
      expect(ids(got), field).toEqual(ids(sorted(expected, key, direction)));
      expect(new Set(ids(got)).size).toBe(got.length);
    }
    // the default order (by id), paged
    expect(ids(await allPages(where, 9))).toEqual(ids([...expected].sort(byId)));
  });

  it("a cursor of another order is refused, naming 'after'", async () => {
    const page = await list('phaseEntries', 'where: { chemicalSystem: "Li-S" }, orderBy: { field: FORMULA }, first: 1');
    const res = await server.gql(`{ phaseEntries(where: { chemicalSystem: "Li-S" }, orderBy: { field: FORMATION_ENERGY }, after: "${page.pageInfo.endCursor}") { totalCount } }`);
    expectBadUserInput(res, 'after', /not a cursor of this order/);
  });
});

describe('phaseEntries: dataset, material, one statement', () => {
  it('dataset (by datasetId) and material (by composition key) in the one statement; totalCount alone is a count', async () => {
    const [m] = await server.db.read(cypher('test.phaseEntries.material', "MATCH (m:Material {id: 'Li3P1S4'}) RETURN m.id AS id, m.name AS name"));
    const [d] = await server.db.read(cypher('test.phaseEntries.dataset', `MATCH (d:Dataset {id: '${DATASET}'}) RETURN d.doi AS doi, d.version AS version`));
    let data: { phaseEntries: Page<{ id: string; dataset: unknown; material: unknown }> } | null | undefined;
    const names = await queriesOf(async () => {
      const res = await server.gql<{ phaseEntries: Page<{ id: string; dataset: unknown; material: unknown }> }>(
        '{ phaseEntries(where: { ids: ["matbench_mp_e_form:Li3P1S4", "matbench_mp_e_form:Li1Pd2Zr1"] }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id dataset { id doi version } material { id name } } } } }',
      );
      expect(res.errors).toBeUndefined();
      data = res.data;
    });
    expect(names).toEqual(['phaseEntries.list']);
    expect(data!.phaseEntries.edges.map((e) => e.node)).toEqual([
      // no Material of the composition LiPd2Zr (CSV line 339) in the graph
      { id: 'matbench_mp_e_form:Li1Pd2Zr1', dataset: { id: DATASET, doi: d!.doi, version: d!.version }, material: null },
      { id: 'matbench_mp_e_form:Li3P1S4', dataset: { id: DATASET, doi: d!.doi, version: d!.version }, material: m ? { id: m.id, name: m.name } : null },
    ]);
    expect(m).toBeDefined();
    expect(d!.doi).toBe('10.1063/1.4812323');
    const count = await queriesOf(() => server.gql('{ phaseEntries(where: { chemicalSystem: "Li-S", includeSubsystems: true }, first: 0) { totalCount } }'));
    expect(count).toEqual(['phaseEntries.list']);
  });

  it('a composition by name: the name lookup (cached) and the one list statement', async () => {
    const names = await queriesOf(() => list('phaseEntries', 'where: { composition: "LLZO" }', 'id material { id }'));
    expect(names.filter((n) => n !== 'materials.lookupName')).toEqual(['phaseEntries.list']);
  });
});

describe('phaseEntries: bad input', () => {
  const cases: [string, string, RegExp][] = [
    ['chemicalSystem: "Li-Xx"', 'where.chemicalSystem', /'Xx' is not an element symbol/],
    ['chemicalSystem: "H-He-Li-Be-B-C-N-O-F-Ne-Na"', 'where.chemicalSystem', /at most 10 elements/],
    ['elements: ["Li", "Q"]', 'where.elements', /'Q' is not an element symbol/],
    ['excludeElements: ["Zz"]', 'where.excludeElements', /'Zz' is not an element symbol/],
    ['composition: "LiPON"', 'where.composition', /no single composition/],
    ['composition: "Li3Qq"', 'where.composition', /Qq/],
    ['OR: [{ source: USER }, { composition: "LiPON" }]', 'where.OR[1].composition', /no single composition/],
    ['includeSubsystems: true', 'where.includeSubsystems', /needs chemicalSystem/],
    ['chemicalSystem: ""', 'where.chemicalSystem', /is empty/],
    ['elementCount: { min: 2.5 }', 'where.elementCount.min', /whole number/],
  ];
  for (const [where, argumentName, message] of cases) {
    it(`${where} → BAD_USER_INPUT naming ${argumentName}`, async () => {
      const res = await server.gql(`{ phaseEntries(where: { ${where} }) { totalCount } }`);
      expectBadUserInput(res, argumentName, message);
    });
  }

  it('first beyond 1000 is refused, naming first', async () => {
    expectBadUserInput(await server.gql('{ phaseEntries(first: 1001) { totalCount } }'), 'first', /0 to 1000/);
  });
});
