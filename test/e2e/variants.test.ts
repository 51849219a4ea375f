/**
 * Dopant and polymorph variants through the compiled fact lists: a variant's name (LLZTO, Al-LLZO, c-LLZO) selects the
 * facts about that variant and the variants that refine it, apart from its material's; a material's name (LLZO) the
 * material's facts with every variant's; `variants: EXACT` only what the name stands for; `variants: ROLL_UP` the whole
 * material whatever the name (domain/vocabulary.ts VARIANT_SCOPES).
 *
 * The expected fact ids are read from the seed files themselves (independently of the loader and the graph): the
 * aliases of Li7La3Zr2O12 with their variants (seed/materials/*.yaml) and every record of seed/facts/<review>/*.yaml that
 * names the material, with the variant it states (merged over its alias's as the seed README says).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/server/config.js';
import { queriesOf, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

// ---------------------------------------------------------------------------- the seed as printed

interface Dopant {
  element: string;
  site?: string;
  amount?: string | number;
}
interface Variant {
  polymorph?: string;
  form?: string;
  dopants?: Dopant[];
  label?: string;
}
type Rec = Record<string, unknown>;

const seedDir = loadConfig().seedDir;
const LLZO = 'Li7La3Zr2O12';

/** Every name of Li7La3Zr2O12 in the seed's materials files, with the variant it stands for (none for the material's own). */
function llzoNames(): Map<string, Variant | null> {
  const names = new Map<string, Variant | null>([[LLZO, null]]);
  for (const file of readdirSync(path.join(seedDir, 'materials'))) {
    const doc = parse(readFileSync(path.join(seedDir, 'materials', file), 'utf8')) as Record<string, Rec[]> | null;
    for (const list of Object.values(doc ?? {})) {
      if (!Array.isArray(list)) continue;
      for (const r of list) {
        if (r.formula === LLZO && typeof r.name === 'string') names.set(r.name, null);
        if (r.material === LLZO && typeof r.alias === 'string') names.set(r.alias, (r.variant as Variant | undefined) ?? null);
      }
    }
  }
  return names;
}

/** A reference that keeps no variant, whatever its name stands for. */
const NO_VARIANT: Variant = {};

/** The seed's merge of a record's variant over its name's (seed.read.ts mergeVariants): the record's keys win, its dopants if given. */
function merged(a: Variant | null, b: Variant | undefined): Variant | null {
  if (b === NO_VARIANT) return null;
  if (!a) return b ?? null;
  if (!b) return a;
  return { ...a, ...b, dopants: b.dopants ?? a.dopants };
}

/** Every reference a fact record makes to a material: the name as written and the variant the record states beside it. */
function refsOf(kind: string, r: Rec): [string, Variant | undefined][] {
  const v = (x: unknown) => x as Variant | undefined;
  switch (kind) {
    case 'measurements':
    case 'windows':
      return [[r.material as string, v(r.variant)]];
    case 'interphases':
      return [[r.electrolyte as string, v(r.electrolyteVariant)]];
    case 'coatings':
      return [
        [r.coating as string, v(r.coatingVariant)],
        [r.substrate as string, v(r.substrateVariant ?? r.variant)],
        [r.electrolyte as string, v(r.electrolyteVariant)],
      ];
    case 'cells':
      return ((r.components as Rec[] | undefined) ?? []).map((c) => [c.material as string, v(c.variant)]);
    case 'claims': {
      const s = (r.subjects as Rec | undefined) ?? {};
      return [
        ...((s.materials as string[] | undefined) ?? []).map((m): [string, Variant | undefined] => [m, undefined]),
        ...((s.variants as Rec[] | undefined) ?? []).map((x): [string, Variant | undefined] => [x.material as string, v(x.variant)]),
        // an interface a claim is about names no variant of its sides (ABOUT_INTERFACE reaches the interface of the materials)
        ...((s.interfaces as Rec[] | undefined) ?? []).flatMap((i): [string, Variant | undefined][] => [
          [i.electrolyte as string, NO_VARIANT],
          [i.counterpart as string, NO_VARIANT],
        ]),
      ];
    }
    default:
      return [];
  }
}

/** The references of one part of a record (a coating's `electrolyte`, a cell's electrolytes, an observation's products). */
const PART_REFS: Record<string, (r: Rec) => [string, Variant | undefined][]> = {
  coatingElectrolyte: (r) => [[r.electrolyte as string, r.electrolyteVariant as Variant | undefined]],
  coatingCoating: (r) => [[r.coating as string, r.coatingVariant as Variant | undefined]],
  cellElectrolyte: (r) =>
    ((r.components as Rec[] | undefined) ?? [])
      .filter((c) => ['ELECTROLYTE', 'CATHOLYTE', 'ANOLYTE'].includes(c.role as string))
      .map((c) => [c.material as string, c.variant as Variant | undefined]),
  products: (r) =>
    ((r.products as (string | Rec)[] | undefined) ?? []).map((p) => (typeof p === 'string' ? [p, undefined] : [p.material as string, p.variant as Variant | undefined])),
};

/** Whether a fact's variant `f` is the named variant `n` or refines it (compile.names.ts `refines`). */
function refines(f: Variant | null, n: Variant): boolean {
  if (!f) return false;
  if (n.polymorph && f.polymorph !== n.polymorph) return false;
  if (n.form && f.form !== n.form) return false;
  const nd = n.dopants ?? [];
  if (nd.length === 0) return Boolean(n.polymorph || n.form);
  const fd = [...(f.dopants ?? [])].sort((a, b) => a.element.localeCompare(b.element));
  const sorted = [...nd].sort((a, b) => a.element.localeCompare(b.element));
  return fd.length === sorted.length && sorted.every((d, i) => fd[i]!.element === d.element && (!d.site || fd[i]!.site === d.site));
}

/** Whether `f` is exactly the variant `n` (no form, polymorph or amount more); a variant known by a label only is one of its own. */
function same(f: Variant | null, n: Variant | null): boolean {
  const key = (x: Variant | null) => {
    if (!x) return 'none';
    if (!(x.polymorph || x.form || x.dopants?.length)) return `label=${x.label ?? 'unspecified'}`;
    return JSON.stringify([x.polymorph ?? null, x.form ?? null, [...(x.dopants ?? [])].sort((a, b) => a.element.localeCompare(b.element)).map((d) => [d.element, d.site ?? null, d.amount ?? null])]);
  };
  return key(f) === key(n);
}

/** The ids (`review:id`) of the records of `kind` whose reference to LLZO (by any of its names; of the part `part`) satisfies `test`. */
function seedIds(kind: string, test: (variant: Variant | null) => boolean, part?: keyof typeof PART_REFS): string[] {
  const names = llzoNames();
  const out: string[] = [];
  for (const review of readdirSync(path.join(seedDir, 'facts'))) {
    const file = path.join(seedDir, 'facts', review, `${kind}.yaml`);
    let doc: { records?: Rec[] };
    try {
      doc = parse(readFileSync(file, 'utf8')) as { records?: Rec[] };
    } catch {
      continue;
    }
    for (const r of doc.records ?? []) {
      const refs = part ? PART_REFS[part]!(r) : refsOf(kind, r);
      const hit = refs.some(([name, variant]) => names.has(name) && test(merged(names.get(name)!, variant)));
      if (hit) out.push(`${review}:${String(r.id)}`);
    }
  }
  return out.sort();
}

// ---------------------------------------------------------------------------- the API

/** The compiled lists a material's name filters, with the seed file of their records and the argument naming the material. */
const LISTS = [
  // the review statements (OBELiX's records of Li7La3Zr2O12 are no seed records)
  ['measurements', 'measurements', 'material', 'source: REVIEW'],
  ['reportedStabilityWindows', 'windows', 'material', ''],
  ['interphaseObservations', 'interphases', 'electrolyte', ''],
  ['coatingApplications', 'coatings', 'material', ''],
  ['cells', 'cells', 'material', ''],
  ['claims', 'claims', 'material', ''],
] as const;

async function idsOf(list: string, argument: string, extra: string, name: string, variants?: string): Promise<{ ids: string[]; totalCount: number }> {
  const scope = `${variants ? `, variants: ${variants}` : ''}${extra ? `, ${extra}` : ''}`;
  const res = await server.gql<Record<string, { totalCount: number; edges: { node: { id: string } }[] }>>(
    `query($n: String!) { ${list}(where: { ${argument}: $n${scope} }, first: 500) { totalCount edges { node { id } } } }`,
    { n: name },
  );
  expect(res.errors, `${list} ${name} ${variants ?? ''}`).toBeUndefined();
  const page = res.data![list]!;
  // the count (counted from the named material's pattern) agrees with the page (filtered by EXISTS)
  expect(page.totalCount, `${list} ${name} ${variants ?? ''} totalCount`).toBe(page.edges.length);
  return { ids: page.edges.map((e) => e.node.id).sort(), totalCount: page.totalCount };
}

const TA_ON_ZR: Variant = { dopants: [{ element: 'Ta', site: 'Zr' }] };
const AL: Variant = { dopants: [{ element: 'Al' }] };
const CUBIC: Variant = { polymorph: 'cubic' };

describe("a variant's name selects its facts, apart from its material's", () => {
  it.each(LISTS)('%s: LLZTO, Al-LLZO and c-LLZO select exactly the records of that variant and its refinements', async (list, kind, argument, extra) => {
    let found = 0;
    for (const [name, variant] of [
      ['LLZTO', TA_ON_ZR],
      ['Al-LLZO', AL],
      ['c-LLZO', CUBIC],
    ] as const) {
      const expected = seedIds(kind, (v) => refines(v, variant));
      const got = await idsOf(list, argument, extra, name);
      expect(got.ids, `${list} ${name}`).toEqual(expected);
      found += expected.length;
    }
    // every list has facts of these variants to select (an empty expectation could not fail)
    expect(found, list).toBeGreaterThan(0);
  });

  it("a refinement is selected by the variant's name but not by EXACT: LLZTO's spray-deposited layer (pasta2020 P70)", async () => {
    const named = await idsOf('measurements', 'material', 'source: REVIEW', 'LLZTO');
    const exact = await idsOf('measurements', 'material', 'source: REVIEW', 'LLZTO', 'EXACT');
    expect(named.ids).toContain('pasta2020:P70');
    expect(exact.ids).not.toContain('pasta2020:P70');
    expect(exact.ids.length).toBeGreaterThan(0);
  });

  it('each part of a coating, a cell\'s electrolytes and an observation\'s products keep their variant apart', async () => {
    for (const [list, argument, kind, part, name, variant] of [
      ['coatingApplications', 'electrolyte', 'coatings', 'coatingElectrolyte', 'LLZTO', TA_ON_ZR],
      ['coatingApplications', 'coating', 'coatings', 'coatingCoating', 'LLZTO', TA_ON_ZR],
      ['cells', 'electrolyte', 'cells', 'cellElectrolyte', 'LLZTO', TA_ON_ZR],
      ['interphaseObservations', 'product', 'interphases', 'products', 't-LLZO', { polymorph: 'tetragonal' }],
    ] as const) {
      const expected = seedIds(kind, (v) => refines(v, variant), part);
      expect(expected.length, `${list} ${argument}`).toBeGreaterThan(0);
      expect((await idsOf(list, argument, '', name)).ids, `${list} ${argument}: ${name}`).toEqual(expected);
      // the whole material under the same part
      expect((await idsOf(list, argument, '', name, 'ROLL_UP')).ids, `${list} ${argument}: ${name} ROLL_UP`).toEqual(seedIds(kind, () => true, part));
    }
  });

  it("a claim's interface names no variant: a variant's name as electrolyte selects its material's interface claims", async () => {
    const ta = await idsOf('claims', 'electrolyte', '', 'LLZTO');
    expect(ta.ids.length).toBeGreaterThan(0);
    expect(ta.ids).toEqual((await idsOf('claims', 'electrolyte', '', 'LLZO')).ids);
  });

  it('a polymorph name stands for every variant printed so (β and beta), and selects their facts only', async () => {
    for (const [name, material, polymorphs] of [
      ['β-Li3PS4', 'Li3PS4', ['β', 'beta']],
      ['tetragonal-Na3PS4', 'Na3PS4', ['tetragonal']],
    ] as const) {
      const query = (where: string) =>
        server.gql<{ measurements: { edges: { node: { id: string; variant: { polymorph: string | null } | null } }[] } }>(
          `{ measurements(where: { ${where} }, first: 500) { edges { node { id variant { polymorph } } } } }`,
        );
      const all = await query(`material: "${material}"`);
      const named = await query(`material: "${name}"`);
      expect(all.errors ?? named.errors).toBeUndefined();
      const expected = all.data!.measurements.edges.filter((e) => (polymorphs as readonly string[]).includes(e.node.variant?.polymorph ?? '')).map((e) => e.node.id);
      expect(expected.length, name).toBeGreaterThan(0);
      expect(expected.length, name).toBeLessThan(all.data!.measurements.edges.length);
      expect(named.data!.measurements.edges.map((e) => e.node.id).sort(), name).toEqual(expected.sort());
    }
  });

  it('the variants of a level hold for the AND/OR/NOT items under it that set none', async () => {
    const res = await server.gql<{ a: { totalCount: number }; b: { totalCount: number } }>(
      '{ a: measurements(where: { variants: EXACT, source: REVIEW, AND: [{ material: "LLZO" }] }) { totalCount } ' +
        'b: measurements(where: { source: REVIEW, material: "LLZO", variants: EXACT }) { totalCount } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.a.totalCount).toBe(seedIds('measurements', (v) => same(v, null)).length);
    expect(res.data!.a.totalCount).toBe(res.data!.b.totalCount);
  });

  it('the facts of each variant are there to be selected: LLZTO, Al-LLZO and c-LLZO have facts in several lists', async () => {
    // a test of the filter that no record exercises could not fail: the seed states facts about each of them
    for (const variant of [TA_ON_ZR, AL, CUBIC]) {
      const total = LISTS.reduce((n, [, kind]) => n + seedIds(kind, (v) => refines(v, variant)).length, 0);
      expect(total).toBeGreaterThanOrEqual(10);
    }
  });

  it.each(LISTS)("%s: EXACT selects exactly what the name stands for: LLZTO's own variant, LLZO's facts that name no variant", async (list, kind, argument, extra) => {
    expect((await idsOf(list, argument, extra, 'LLZTO', 'EXACT')).ids).toEqual(seedIds(kind, (v) => same(v, TA_ON_ZR)));
    expect((await idsOf(list, argument, extra, 'LLZO', 'EXACT')).ids).toEqual(seedIds(kind, (v) => same(v, null)));
  });

  it.each(LISTS)('%s: ROLL_UP selects the whole material whatever the name; a material name rolls its variants up by default', async (list, kind, argument, extra) => {
    const all = seedIds(kind, () => true);
    expect(all.length).toBeGreaterThan(0);
    for (const name of ['LLZTO', 'Al-LLZO', 'LLZO']) expect((await idsOf(list, argument, extra, name, 'ROLL_UP')).ids, name).toEqual(all);
    expect((await idsOf(list, argument, extra, 'LLZO')).ids).toEqual(all);
    expect((await idsOf(list, argument, extra, LLZO, 'AS_NAMED')).ids).toEqual(all);
  });
});

describe('the variant resolved inside the one statement', () => {
  it('a filter by a variant name is one statement, also nested under AND and in statistics', async () => {
    const names = await queriesOf(server, async () => {
      const res = await server.gql('{ measurements(where: { OR: [{ material: "LLZTO" }, { material: "Al-LLZO", variants: EXACT }] }) { totalCount edges { node { id } } } }');
      expect(res.errors).toBeUndefined();
    });
    expect(names).toEqual(['measurements.list']);
    const both = await server.gql<{ measurements: { totalCount: number } }>('{ measurements(where: { OR: [{ material: "LLZTO" }, { material: "Al-LLZO" }] }) { totalCount } }');
    expect(both.data!.measurements.totalCount).toBe(seedIds('measurements', (v) => refines(v, TA_ON_ZR) || refines(v, AL)).length);
  });

  it("a measurement's variant is the one the name stands for, and statistics count the same measurements", async () => {
    const res = await server.gql<{
      measurements: { edges: { node: { variant: { dopants: { element: string; site: string | null }[] } | null } }[] };
      measurementStatistics: { groups: { count: number }[] };
    }>(
      '{ measurements(where: { material: "LLZTO" }, first: 100) { edges { node { variant { dopants { element site } } } } } ' +
        'measurementStatistics(where: { material: "LLZTO" }) { groups { count } } }',
    );
    expect(res.errors).toBeUndefined();
    const edges = res.data!.measurements.edges;
    expect(edges.length).toBe(seedIds('measurements', (v) => refines(v, TA_ON_ZR)).length);
    for (const e of edges) expect(e.node.variant?.dopants).toEqual([{ element: 'Ta', site: 'Zr' }]);
    expect(res.data!.measurementStatistics.groups.reduce((n, g) => n + g.count, 0)).toBe(edges.length);
  });
});
