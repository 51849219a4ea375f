/**
 * Material names and full-text search over HTTP on the seeded graph: every way a person names a material
 * (composition, registry id, curated name, alias, abbreviation, polymorph name; case, dashes, Greek
 * letters), in filters and in the thermodynamics arguments; ambiguity and named-without-composition
 * errors; the index seek of the name lookup; the full-text search, its ranking, pagination and escaping.
 * Expected values are read from the seed files named in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../../src/graph/database.js';
import { LOOKUP_NAME } from '../../src/graph/material.store.js';
import { compileSearch, type SearchKind } from '../../src/graph/search.store.js';
import { nameKey } from '../../src/domain/materialNames.js';
import { connectTestDatabase } from '../support/neo4j.js';
import { oneStatement as compileWith } from '../support/compiledRequests.js';
import { expectBadUserInput, queriesOf, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let db: GraphDatabase;
beforeAll(async () => {
  server = await startTestServer();
  db = connectTestDatabase();
});
afterAll(async () => {
  await db.close();
  await server.stop();
});

async function materialIds(name: string, field: 'name' | 'formula' = 'name'): Promise<string[]> {
  const res = await server.gql<{ materials: { edges: { node: { id: string } }[] } }>(
    `query($n: String!) { materials(where: { ${field}: $n }) { edges { node { id } } } }`,
    { n: name },
  );
  expect(res.errors, name).toBeUndefined();
  return res.data!.materials.edges.map((e) => e.node.id);
}

describe('one resolver for every way a material is named', () => {
  it.each([
    // seed/materials/common.yaml: { formula: Li7La3Zr2O12, name: LLZO } and the alias LLZO
    ['LLZO', 'La3Li7O12Zr2'],
    ['llzo', 'La3Li7O12Zr2'],
    ['Llzo', 'La3Li7O12Zr2'],
    // common.yaml: the named material LiPON (registry id), any case
    ['LiPON', 'named:LiPON'],
    ['Lipon', 'named:LiPON'],
    ['LIPON', 'named:LiPON'],
    // common.yaml: id beta-alumina, name "Na-β''-alumina (β/β''-Al2O3)"
    ['beta-alumina', 'named:beta-alumina'],
    ['Beta Alumina', 'named:beta-alumina'],
    // pasta2020.yaml alias Na-β-alumina (review line 179: "Na/Na- β -alumina/Na cell"); famprikis2019.yaml
    // alias 'sodium β-alumina' (line 395)
    ['Na-β-alumina', 'named:beta-alumina'],
    ['sodium beta-alumina', 'named:beta-alumina'],
    // common.yaml: id Li2S-P2S5-glass, name "Li2S–P2S5 glass or glass-ceramic (ratio not stated)"
    ['Li2S-P2S5 glass', 'named:Li2S-P2S5-glass'],
    ['Li2S–P2S5 glass or glass-ceramic (ratio not stated)', 'named:Li2S-P2S5-glass'],
    // polymorph variants of Li3PS4: banerjee2020 measurements.yaml line 419 (polymorph β), feng2022
    // measurements.yaml line 633 (polymorph beta)
    ['β-Li3PS4', 'Li3P1S4'],
    ['beta-Li3PS4', 'Li3P1S4'],
    ['β-Li₃PS₄', 'Li3P1S4'],
    // common.yaml: display name of LiCoO2 and its alias LCO
    ['LiCoO2 (LCO)', 'Co1Li1O2'],
    ['lco', 'Co1Li1O2'],
    // banerjee2020.yaml: alias LPSCl (abbreviation list, line 821)
    ['lpscl', 'Cl1Li6P1S5'],
    // variants named by the reviews resolve to their material (feng2022.yaml line 240, pasta2020.yaml line 671;
    // common.yaml Al-LLZO, c-LLZO)
    ['LLZTO', 'La3Li7O12Zr2'],
    ['Al-LLZO', 'La3Li7O12Zr2'],
    ['c-LLZO', 'La3Li7O12Zr2'],
    ['cubic LLZO', 'La3Li7O12Zr2'],
    // aliases added from the review texts: famprikis2019 line 176 "Lithium phosphate oxynitride (LiPON)",
    // feng2022 line 344 "stainless steel (SUS)", lewis2019 line 13 "a lithium metal ... anode"
    ['lithium phosphate oxynitride', 'named:LiPON'],
    ['SUS', 'named:stainless-steel'],
    ['Lithium metal', 'Li1'],
    // a formula in any notation, and ids
    ['Li₁₀GeP₂S₁₂', 'Ge1Li10P2S12'],
    ['Ge1Li10P2S12', 'Ge1Li10P2S12'],
    ['named:LiPON', 'named:LiPON'],
  ])('materials(where: { name: %j }) → %s', async (name, id) => {
    expect(await materialIds(name)).toEqual([id]);
  });

  it('the formula filter takes names too, and a name wins over reading the text as a formula', async () => {
    // 'LLZO' is no formula (L is no element); 'LiPON' would read as the composition Li P O N
    expect(await materialIds('LLZO', 'formula')).toEqual(['La3Li7O12Zr2']);
    expect(await materialIds('LiPON', 'formula')).toEqual(['named:LiPON']);
    expect(await materialIds('Li10GeP2S12', 'formula')).toEqual(['Ge1Li10P2S12']);
  });

  it('fact filters use the same resolver: Lipon, LIPON and LiPON find the same measurements', async () => {
    const count = async (m: string) => {
      const res = await server.gql<{ measurements: { totalCount: number } }>('query($m: String!) { measurements(where: { material: $m }) { totalCount } }', { m });
      expect(res.errors, m).toBeUndefined();
      return res.data!.measurements.totalCount;
    };
    const lipon = await count('LiPON');
    expect(lipon).toBeGreaterThan(0);
    expect(await count('Lipon')).toBe(lipon);
    expect(await count('lithium phosphate oxynitride')).toBe(lipon);
    // the β-Li3PS4 measurement of banerjee2020 (measurements.yaml line 419) is among Li3PS4's
    const res = await server.gql<{ measurements: { edges: { node: { id: string; variant: { polymorph: string } | null } }[] } }>(
      '{ measurements(where: { material: "β-Li3PS4" }, first: 100) { edges { node { id variant { polymorph } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.measurements.edges.some((e) => e.node.variant?.polymorph === 'β')).toBe(true);
  });

  // before the tests that ask computed fields: a reactant's name lookup may still run after an error answered the request
  it('a filter by name is one statement, the name resolved inside it by index seeks (no lookup of its own, no label scan)', async () => {
    for (const [list, where] of [
      ['materials', '{ name: "Lipon" }'],
      ['measurements', '{ material: "LLZTO" }'],
      ['interfaces', '{ counterpart: "Li", electrolyte: "LPSCl" }'],
    ]) {
      const names = await queriesOf(server, async () => expect((await server.gql(`{ ${list}(where: ${where}) { totalCount edges { node { id } } } }`)).errors).toBeUndefined());
      expect(names, list).toEqual([`${list}.list`]);
    }
    // the statement as compiled (a name that also reads as a formula, so that the compiler's fake database raises no error)
    const q = await compileWith('{ materials(where: { name: "LiPON" }) { totalCount edges { node { id } } } }');
    const plan = await db.explain({ name: q.name, text: q.text }, q.params);
    expect(plan.filter((op) => op.startsWith('NodeIndexSeek') || op.startsWith('NodeUniqueIndexSeek')).length, plan.join(' ')).toBeGreaterThanOrEqual(3);
    expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan')), plan.join(' ')).toBe(false);
  });

  it('an ambiguous name is BAD_USER_INPUT listing the options (LPS: banerjee2020.yaml line 820, lewis2019.yaml line 93), in any case', async () => {
    for (const text of ['LPS', 'lps']) {
      const res = await server.gql(`{ materials(where: { name: "${text}" }) { totalCount } }`);
      expectBadUserInput(res, 'where.name', new RegExp(`'${text}' names 2 materials: Li3P1S4 \\(in banerjee2020\\); Li7P3S11 \\(in lewis2019\\)`));
    }
    expectBadUserInput(
      await server.gql('{ interfaceReaction(reactantA: "LPS", reactantB: "LiCoO2") { status } }'),
      'reactantA',
      /names 2 materials: Li3P1S4 \(in banerjee2020\); Li7P3S11 \(in lewis2019\)/,
    );
  });

  it('a text that is no name and no formula says both', async () => {
    expectBadUserInput(await server.gql('{ materials(where: { name: "NZSP" }) { totalCount } }'), 'where.name', /unknown element symbol.*nor is it a material id, name or alias/);
  });

  it('the name lookup is one index seek: MaterialName by key, Material by id, no label scan', async () => {
    const plan = await db.explain(LOOKUP_NAME, { text: 'LLZO', key: nameKey('LLZO') });
    expect(plan.filter((op) => op.startsWith('NodeIndexSeek') || op.startsWith('NodeUniqueIndexSeek')).length, plan.join(' ')).toBeGreaterThanOrEqual(2);
    expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan')), plan.join(' ')).toBe(false);
  });
});

describe('thermodynamics arguments take names', () => {
  const WINDOW = 'formula compositionKey status reductionLimitV oxidationLimitV productsAtReduction { formula amountPerFormulaUnit }';

  it('stabilityWindow(formula: "LLZO") is the window of Li7La3Zr2O12, its curated formula (common.yaml)', async () => {
    const res = await server.gql<{ byName: Record<string, unknown>; lower: Record<string, unknown>; byFormula: Record<string, unknown> }>(
      `{ byName: stabilityWindow(formula: "LLZO") { ${WINDOW} } lower: stabilityWindow(formula: "llzo") { ${WINDOW} }
         byFormula: stabilityWindow(formula: "Li7La3Zr2O12") { ${WINDOW} } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.byName).toMatchObject({ formula: 'Li7La3Zr2O12', compositionKey: 'La3Li7O12Zr2', status: 'COMPUTED' });
    expect(res.data!.byName).toEqual(res.data!.byFormula);
    expect(res.data!.lower).toEqual(res.data!.byFormula);
  });

  it('decomposition and interfaceReaction take aliases (LPSCl: banerjee2020.yaml line 821; LCO: common.yaml)', async () => {
    const res = await server.gql<{ d: { formula: string; compositionKey: string }; r: { reactantA: { formula: string }; reactantB: { formula: string }; status: string } }>(
      '{ d: decomposition(formula: "LGPS") { formula compositionKey } r: interfaceReaction(reactantA: "LPSCl", reactantB: "LCO") { status reactantA { formula } reactantB { formula } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.d).toEqual({ formula: 'Li10GeP2S12', compositionKey: 'Ge1Li10P2S12' });
    expect(res.data!.r).toMatchObject({ status: 'COMPUTED', reactantA: { formula: 'Li6PS5Cl' }, reactantB: { formula: 'LiCoO2' } });
  });

  it.each([
    // PEO and the LATP glass-ceramic (general formula only, banerjee2020.yaml) are named materials without a
    // composition or a representative one: not computed (LiPON, NCM and β-alumina have representative
    // compositions: test/e2e/thermo.test.ts)
    ['{ stabilityWindow(formula: "PEO") { status } }', 'formula', /'PEO' names the material named:PEO .*no single composition/],
    ['{ stabilityWindow(formula: "poly(ethylene oxide)") { status } }', 'formula', /names the material named:PEO/],
    ['{ decomposition(formula: "Li-In") { status } }', 'formula', /named:Li-In .*no single composition/],
    ['{ interfaceReaction(reactantA: "Li3PS4", reactantB: "LATP-Si-glass-ceramic") { status } }', 'reactantB', /named:LATP-Si-glass-ceramic .*no single composition/],
    // LLZTO is the Ta-doped variant (feng2022.yaml line 240): its composition is not Li7La3Zr2O12
    ['{ stabilityWindow(formula: "LLZTO") { status } }', 'formula', /Ta-doped variant of Li7La3Zr2O12 .*give the doped composition as a formula/],
  ])('%s is BAD_USER_INPUT', async (query, argumentName, message) => {
    expectBadUserInput(await server.gql(query), argumentName, message);
  });

  it('a polymorph name computes its composition (the phase data hold the lowest polymorph)', async () => {
    const res = await server.gql<{ w: { formula: string; compositionKey: string; status: string } }>('{ w: stabilityWindow(formula: "c-LLZO") { formula compositionKey status } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.w).toEqual({ formula: 'Li7La3Zr2O12', compositionKey: 'La3Li7O12Zr2', status: 'COMPUTED' });
  });
});

interface Hit {
  kind: string;
  score: number;
  field: string;
  text: string;
  review: string | null;
  node: { __typename: string; id?: string; title?: string; source?: { line: number } };
}
interface SearchPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Hit }[];
}

async function search(text: string, kinds: string[] | null = null, first = 20, after: string | null = null): Promise<SearchPage> {
  const res = await server.gql<{ search: SearchPage }>(
    `query($t: String!, $k: [SearchKind!], $f: Int, $a: String) { search(text: $t, kinds: $k, first: $f, after: $a) {
       totalCount pageInfo { hasNextPage endCursor }
       edges { cursor node { kind score field text review node { __typename
         ... on Material { id } ... on Publication { title } ... on Cell { id source { line } } ... on Measurement { id }
         ... on InterphaseObservation { id } ... on CoatingApplication { id source { line } } ... on ReportedStabilityWindow { id } } } } } }`,
    { t: text, k: kinds, f: first, a: after },
  );
  expect(res.errors, text).toBeUndefined();
  return res.data!.search;
}

describe('full-text search', () => {
  it('finds a material by an alias, in the review where it holds (LLZTO: feng2022.yaml line 240, pasta2020.yaml line 671)', async () => {
    const page = await search('LLZTO', ['MATERIAL']);
    const first = page.edges[0]!.node;
    expect(first).toMatchObject({ kind: 'MATERIAL', field: 'alias', text: 'LLZTO', node: { __typename: 'Material', id: 'La3Li7O12Zr2' } });
    expect(['feng2022', 'pasta2020']).toContain(first.review);
    // pasta2020.yaml: the named material PPC-LLZTO, "poly(propylene carbonate)/LLZTO composite electrolyte"
    expect(page.edges.map((e) => e.node.node.id)).toContain('named:PPC-LLZTO');
  });

  it('finds a material by a new alias from a review text (famprikis2019 line 176)', async () => {
    const page = await search('lithium phosphate oxynitride', ['MATERIAL']);
    expect(page.edges[0]!.node).toMatchObject({ field: 'alias', review: 'famprikis2019', node: { id: 'named:LiPON' } });
  });

  it('finds facts by their quote, typed as their own GraphQL type (feng2022 cells.yaml: B11, line 253, "LLZTO with HCl treating")', async () => {
    const page = await search('LLZTO HCl', ['CELL']);
    expect(page.totalCount).toBeGreaterThanOrEqual(1);
    expect(page.edges[0]!.node).toMatchObject({
      kind: 'CELL',
      field: 'quote',
      text: 'LLZTO with HCl treating',
      review: 'feng2022',
      node: { __typename: 'Cell', id: 'feng2022:B11', source: { line: 253 } },
    });
  });

  it('finds interphase observations by what a technique showed (banerjee2020 interphases.yaml lines 999 and 1010)', async () => {
    const page = await search('cryo-STEM', ['INTERPHASE_OBSERVATION']);
    expect(page.edges.map((e) => [e.node.node.id, e.node.field, e.node.text])).toEqual([
      ['banerjee2020:I92', 'evidence', 'cryo-STEM'],
      ['banerjee2020:I91', 'evidence', 'cryo-FIB lamella, cryo-STEM mapping (Figure 33)'],
    ]);
  });

  it('finds publications by title, every hit holding the word, and pages through them without gaps or repeats', async () => {
    const all = await search('argyrodite', ['PUBLICATION'], 100);
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.edges.every((e) => e.node.kind === 'PUBLICATION' && /argyrodite/i.test(e.node.node.title!))).toBe(true);
    // references/famprikis2019.yaml line 639 (Wenzel et al. 2018)
    expect(all.edges.map((e) => e.node.node.title)).toContain('Interfacial reactivity and interphase growth of argyrodite solid electrolytes at lithium metal electrodes');
    const scores = all.edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = await search('argyrodite', ['PUBLICATION'], 4);
    const second = await search('argyrodite', ['PUBLICATION'], 4, first.pageInfo.endCursor);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect([...first.edges, ...second.edges].map((e) => e.node.node.title)).toEqual(all.edges.slice(0, 8).map((e) => e.node.node.title));
  });

  it('a formula is one word: Li6PS5Cl finds its material first, its facts, and titles that print it', async () => {
    const page = await search('Li6PS5Cl', null, 100);
    expect(page.edges[0]!.node).toMatchObject({ kind: 'MATERIAL', node: { id: 'Cl1Li6P1S5' } });
    const kinds = new Set(page.edges.map((e) => e.node.kind));
    expect(kinds.has('PUBLICATION')).toBe(true);
    expect([...kinds].some((k) => k !== 'MATERIAL' && k !== 'PUBLICATION')).toBe(true);
    // subscripts are read as digits
    expect((await search('Li₆PS₅Cl', null, 100)).totalCount).toBe(page.totalCount);
  });

  it('Lucene syntax in the text is searched literally, never run and never a crash', async () => {
    const plain = await search('Li6PS5Cl');
    // a wildcard or fuzzy suffix is not applied; quotes, parentheses and operators are plain characters
    for (const text of ['Li6PS5Cl*', 'Li6PS5Cl~', '"Li6PS5Cl"', '(Li6PS5Cl)', '\\Li6PS5Cl']) {
      expect((await search(text)).totalCount, text).toBe(plain.totalCount);
    }
    // a boost is not one either: '^4' stays in the phrase as the word '4', which follows Li6PS5Cl nowhere
    expect((await search('Li6PS5Cl^4')).totalCount).toBe(0);
    // OR is a word to find, not an operator: it narrows instead of widening
    expect((await search('LLZTO OR argyrodite')).totalCount).toBeLessThan((await search('argyrodite')).totalCount);
    for (const text of ['title:argyrodite', 'a AND', 'x"y', '(x', 'Li6PS5Cl AND NOT', 'a\\']) await search(text);
    for (const text of ['* ~ ( )', ')(', '{[}]', '"', '\\']) {
      expectBadUserInput(await server.gql('query($t: String!) { search(text: $t) { totalCount } }', { t: text }), 'text', /no letter or digit/);
    }
    expectBadUserInput(await server.gql('{ search(text: "") { totalCount } }'), 'text', /is empty/);
    expectBadUserInput(await server.gql('{ search(text: "LLZO", after: "bm9wZQ") { totalCount } }'), 'after', /not a search cursor/);
  });

  it('a search and the nodes of its hits, whatever their kinds and whatever is nested under them, are one statement; the nodes read as the other paths read them', async () => {
    const materialFields = 'id name formula chemicalSystem family measurements(property: IONIC_CONDUCTIVITY) { id value unit publications { key } } interfaces { id counterpartKind }';
    const measurementFields = 'id property value unit material { id name } source { line review { key } } publications { key year }';
    const query = `{ search(text: "LLZO", first: 60) { totalCount edges { node { kind node {
      __typename
      ... on Material { ${materialFields} }
      ... on Publication { key doi title year }
      ... on Measurement { ${measurementFields} }
      ... on ReportedStabilityWindow { id }
      ... on InterphaseObservation { id interphaseType interface { id } products { id } }
      ... on CoatingApplication { id }
      ... on Cell { id } } } } } }`;
    type Node = Record<string, unknown> & { __typename: string };
    let res: Awaited<ReturnType<typeof server.gql<{ search: { edges: { node: { kind: string; node: Node } }[] } }>>> | undefined;
    const names = await queriesOf(server, async () => {
      res = await server.gql<{ search: { edges: { node: { kind: string; node: Node } }[] } }>(query);
    });
    expect(res!.errors).toBeUndefined();
    expect(names).toEqual([expect.stringMatching(/^search\./)]);
    const nodes = res!.data!.search.edges.map((e) => e.node.node);
    const types = new Set(nodes.map((n) => n.__typename));
    expect(types.has('Material') && types.has('Measurement') && types.has('InterphaseObservation'), [...types].join(', ')).toBe(true);
    const withoutType = ({ __typename, ...fields }: Node) => fields;
    const materials = nodes.filter((n) => n.__typename === 'Material');
    expect(materials.some((m) => (m.measurements as unknown[]).length > 0 && (m.interfaces as unknown[]).length > 0)).toBe(true);
    for (const m of materials) {
      const direct = await server.gql<{ material: Node }>(`query($id: ID!) { material(id: $id) { ${materialFields} } }`, { id: m.id });
      expect(withoutType(m)).toEqual(direct.data!.material);
    }
    // a measurement hit is the same as under its material (family-level statements have none)
    const measured = nodes.filter((n) => n.__typename === 'Measurement' && n.material);
    expect(measured.length).toBeGreaterThan(0);
    for (const x of measured) {
      const direct = await server.gql<{ material: { measurements: Node[] } }>(`query($id: ID!) { material(id: $id) { measurements { ${measurementFields} } } }`, { id: (x.material as Node).id });
      expect(withoutType(x)).toEqual(direct.data!.material.measurements.find((y) => y.id === x.id));
    }
    for (const o of nodes.filter((n) => n.__typename === 'InterphaseObservation')) {
      const review = String(o.id).split(':')[0];
      const direct = await server.gql<{ interphaseObservations: { edges: { node: Node }[] } }>('query($r: String) { interphaseObservations(where: { review: $r }, first: 1000) { edges { node { id interphaseType interface { id } products { id } } } } }', { r: review });
      expect(withoutType(o)).toEqual(direct.data!.interphaseObservations.edges.find((e) => e.node.id === o.id)!.node);
    }
    for (const p of nodes.filter((n) => n.__typename === 'Publication' && n.doi)) {
      const direct = await server.gql<{ publication: Node }>('query($doi: String!) { publication(doi: $doi) { key doi title year } }', { doi: p.doi });
      expect(withoutType(p)).toEqual(direct.data!.publication);
    }
  });

  it('fragments on the Fact interface and aliases of a hit read the same compiled node; one key asked two ways is refused', async () => {
    type Hit = { kind: string; a: Record<string, unknown>; b: Record<string, unknown> };
    let res: Awaited<ReturnType<typeof server.gql<{ search: { edges: { node: Hit }[] } }>>> | undefined;
    const names = await queriesOf(server, async () => {
      res = await server.gql<{ search: { edges: { node: Hit }[] } }>(`{ search(text: "LLZTO HCl", kinds: [CELL, MEASUREMENT], first: 10) { edges { node { kind
        a: node { ... on Fact { id source { line } } ... on Cell { cellType } }
        b: node { ... on Cell { id source { quote } } ... on Measurement { value } } } } } }`);
    });
    expect(res!.errors).toBeUndefined();
    expect(names).toEqual([expect.stringMatching(/^search\./)]);
    // feng2022 cells.yaml B11, line 253: "LLZTO with HCl treating"
    const b11 = res!.data!.search.edges.map((e) => e.node).find((h) => h.a.id === 'feng2022:B11')!;
    expect(b11.a).toEqual({ id: 'feng2022:B11', source: { line: 253 }, cellType: expect.any(String) });
    expect(b11.b).toEqual({ id: 'feng2022:B11', source: { quote: 'LLZTO with HCl treating' } });
    const twoWays = await server.gql('{ search(text: "LLZO", first: 5) { edges { node { a: node { ... on Material { m: measurements(first: 1) { id } } } b: node { ... on Material { m: measurements { id } } } } } } }');
    expectBadUserInput(twoWays, 'search.edges.node.node.m', /asked twice with different fields or arguments/);
  });

  it('without totalCount the same hits in the same order, page after page (the page cut by a top-k instead of a list of every hit)', async () => {
    const pageOf = async (withCount: boolean, after: string | null) => {
      const res = await server.gql<{ search: { totalCount?: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: { kind: string; score: number; field: string; text: string; node: { id?: string; key?: string } } }[] } }>(
        `query($after: String) { search(text: "interphase", first: 7, after: $after) { ${withCount ? 'totalCount' : ''} pageInfo { endCursor hasNextPage } edges { node { kind score field text node { ... on Material { id } ... on Publication { key } ... on Measurement { id } ... on ReportedStabilityWindow { id } ... on InterphaseObservation { id } ... on CoatingApplication { id } ... on Cell { id } } } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.search;
    };
    const walk = async (withCount: boolean) => {
      const hits: unknown[] = [];
      let after: string | null = null;
      for (let i = 0; i < 4; i++) {
        const page = await pageOf(withCount, after);
        hits.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return hits;
    };
    const counted = await walk(true);
    expect(counted.length).toBe(28);
    expect(await walk(false)).toEqual(counted);
    expect((await pageOf(true, null)).totalCount).toBeGreaterThan(28);
  });

  it('each search is one query reading the full-text indexes', async () => {
    const statement = (kinds: SearchKind[], totalCount: boolean) => {
      const c = compileSearch({ kinds, totalCount, fields: true, nodes: null });
      return { name: c.name, text: c.text };
    };
    const params = (kinds: SearchKind[], query: string) => ({ query, factKinds: kinds.filter((k) => k !== 'MATERIAL' && k !== 'PUBLICATION'), factFields: ['quote'], skip: neo4j.int(0), limit: neo4j.int(20) });
    for (const totalCount of [true, false]) {
      const plan = await db.explain(statement(['MATERIAL', 'PUBLICATION', 'CELL'], totalCount), params(['MATERIAL', 'PUBLICATION', 'CELL'], '"LLZTO"'));
      expect(plan.filter((op) => op.startsWith('ProcedureCall')).length, plan.join(' ')).toBe(4);
      expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan')), plan.join(' ')).toBe(false);
      const withEvidence = await db.explain(statement(['INTERPHASE_OBSERVATION'], totalCount), params(['INTERPHASE_OBSERVATION'], '"STEM"'));
      expect(withEvidence.filter((op) => op.startsWith('ProcedureCall')).length, withEvidence.join(' ')).toBe(2);
    }
    // without a total count the page is cut by a top-k sort, not by collecting every hit
    const page = await db.explain(statement(['PUBLICATION'], false), params(['PUBLICATION'], '"interphase"'));
    expect(page.some((op) => op.startsWith('PartialTop') || op.startsWith('Top')), page.join(' ')).toBe(true);
  });
});
