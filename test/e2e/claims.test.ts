/**
 * Claims (what the reviews state that is not a value) against the real Neo4j on the seeded graph. The expected
 * answers are read from the curated files themselves (seed/facts/<review>/claims.yaml): every record is in the
 * graph with its kind, statement, subjects, quantities and the facts it explains; the filters and the search
 * find what the files say; a page with everything under it is one Cypher statement; bad input names the argument.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectPath } from '../../src/server/paths.js';
import { ids, lister } from '../support/pages.js';
import { expectBadUserInput, queriesOf, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const list = lister(() => server);

interface ClaimYaml {
  id: string;
  kind: string;
  statement: string;
  subjects?: { materials?: string[]; families?: string[]; classes?: string[]; properties?: string[]; interfaces?: { electrolyte: string; counterpart: string }[] };
  quantities?: { property: string; value: string; unit?: string }[];
  explains?: string[];
  source: { line?: number; lines?: number[] };
  quote: string;
}

/** Every curated claim, with its review and full id. */
const CLAIMS: (ClaimYaml & { review: string; fullId: string })[] = readdirSync(projectPath('seed', 'facts')).flatMap((review) => {
  const file = projectPath('seed', 'facts', review, 'claims.yaml');
  if (!existsSync(file)) return [];
  const records = (parseYaml(readFileSync(file, 'utf8')) as { records: ClaimYaml[] }).records;
  return records.map((r) => ({ ...r, review, fullId: `${review}:${r.id}` }));
});

const countBy = <T>(xs: readonly T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});
const total = async (where: string) => (await list('claims', `first: 0, where: { ${where} }`)).totalCount;

describe('claims: every curated record is in the graph', () => {
  it('the five reviews have claims, and each review and kind holds as many as its file', async () => {
    expect(new Set(CLAIMS.map((c) => c.review)).size).toBe(5);
    expect((await list('claims', 'first: 0')).totalCount).toBe(CLAIMS.length);
    const perReviewKind = countBy(CLAIMS, (c) => `${c.review} ${c.kind}`);
    for (const [key, n] of Object.entries(perReviewKind)) {
      const [review, kind] = key.split(' ');
      expect(await total(`review: "${review}", kind: ${kind}`), key).toBe(n);
    }
  });

  it('a claim reads back its kind, statement, quote and line as curated (every claim of one review)', async () => {
    const review = 'lewis2019';
    const curated = CLAIMS.filter((c) => c.review === review);
    type Row = { id: string; kind: string; statement: string; source: { quote: string; lines: number[]; review: { key: string } } };
    const page = await list<Row>('claims', `first: 1000, where: { review: "${review}" }`, 'id kind statement source { quote lines review { key } }');
    const byId = new Map(page.edges.map((e) => [e.node.id, e.node]));
    expect(byId.size).toBe(curated.length);
    for (const c of curated) {
      const got = byId.get(c.fullId)!;
      expect(got.kind, c.fullId).toBe(c.kind);
      expect(got.statement).toBe(c.statement);
      expect(got.source.quote).toBe(c.quote);
      expect(got.source.lines).toEqual(c.source.lines ?? [c.source.line]);
      expect(got.source.review.key).toBe('doi:10.1016/j.trechm.2019.06.013');
    }
  });

  it('families, chemical classes and properties filter as the files name them', async () => {
    for (const [field, key] of [
      ['family', 'families'],
      ['chemicalClass', 'classes'],
      ['property', 'properties'],
    ] as const) {
      const counts = countBy(
        CLAIMS.flatMap((c) => [...new Set(c.subjects?.[key] ?? [])]),
        (x) => x,
      );
      const [value, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
      expect(n, `${key}: the most common value names several claims`).toBeGreaterThan(3);
      expect(await total(`${field}: ${value}`), `${field}: ${value}`).toBe(n);
    }
  });
});

describe('claims: subjects, quantities, explained facts', () => {
  it('a claim about LLZO is found by the material, by an alias and by its formula, and lists LLZO among its materials', async () => {
    const named = CLAIMS.filter((c) => c.subjects?.materials?.includes('LLZO'));
    expect(named.length).toBeGreaterThan(3);
    type Row = { id: string; materials: { id: string }[] };
    const byName = await list<Row>('claims', 'first: 1000, where: { material: "LLZO" }', 'id materials { id }');
    const found = new Set(ids(byName));
    for (const c of named) expect(found.has(c.fullId), c.fullId).toBe(true);
    const llzo = (await list<{ id: string }>('materials', 'where: { name: "LLZO" }')).edges[0]!.node.id;
    expect(ids(await list('claims', 'first: 1000, where: { material: "Li7La3Zr2O12" }'))).toEqual(ids(byName));
    // each claim found is about LLZO itself or an interface it is a side of
    const sides = await list<{ id: string; interfaces: { electrolyte: { id: string } | null; counterpart: { id: string } | null }[] }>(
      'claims',
      'first: 1000, where: { material: "LLZO" }',
      'id interfaces { electrolyte { id } counterpart { id } }',
    );
    for (const [k, e] of byName.edges.entries()) {
      const about = e.node.materials.some((m) => m.id === llzo) || sides.edges[k]!.node.interfaces.some((i) => i.electrolyte?.id === llzo || i.counterpart?.id === llzo);
      expect(about, e.node.id).toBe(true);
    }
  });

  it('Material.claims and Interface.claims are the claims the list finds', async () => {
    const llzo = await list<{ id: string; claims: { id: string }[] }>('materials', 'where: { name: "LLZO" }', 'id claims { id }');
    const direct = CLAIMS.filter((c) => c.subjects?.materials?.includes('LLZO')).map((c) => c.fullId);
    const got = llzo.edges[0]!.node.claims.map((c) => c.id);
    for (const id of direct) expect(got).toContain(id);
    expect(new Set(got).size, 'no claim twice').toBe(got.length);
    // every claim about LLZO itself is among those the list finds (which adds those about its interfaces)
    const listed = new Set(ids(await list('claims', 'first: 1000, where: { material: "LLZO" }')));
    for (const id of got) expect(listed.has(id), id).toBe(true);
    const withInterface = CLAIMS.find((c) => (c.subjects?.interfaces?.length ?? 0) > 0)!;
    const page = await list<{ id: string; interfaces: { id: string; claims: { id: string }[] }[] }>(
      'claims',
      `where: { id: "${withInterface.fullId}" }`,
      'id interfaces { id claims { id } }',
    );
    const interfaces = page.edges[0]!.node.interfaces;
    expect(interfaces.length).toBe(withInterface.subjects!.interfaces!.length);
    for (const i of interfaces) expect(i.claims.map((c) => c.id)).toContain(withInterface.fullId);
  });

  it("quantities come back in the source's order, as printed and in the canonical unit", async () => {
    const c = CLAIMS.find((x) => x.quantities?.some((q) => q.property === 'CRITICAL_CURRENT_DENSITY' && /^\d+(\.\d+)?$/.test(q.value) && /mA/.test(q.unit ?? '')))!;
    expect(c, 'a claim with a plain critical current density in mA/cm²').toBeDefined();
    type Q = { property: string; value: { printedValue: string; value: number | null; unit: string } };
    const page = await list<{ id: string; quantities: Q[] }>('claims', `where: { id: "${c.fullId}" }`, 'id quantities { property value { printedValue value unit } }');
    const got = page.edges[0]!.node.quantities;
    expect(got.map((q) => q.property)).toEqual(c.quantities!.map((q) => q.property));
    const ccd = c.quantities!.findIndex((q) => q.property === 'CRITICAL_CURRENT_DENSITY');
    // mA/cm² is the canonical unit of a current density: the number as printed
    expect(got[ccd]!.value.unit).toBe('mA/cm2');
    expect(got[ccd]!.value.value).toBeCloseTo(Number(c.quantities![ccd]!.value), 12);
  });

  it('explains: the facts of the same review, each as its own type', async () => {
    const c = CLAIMS.find((x) => (x.explains?.length ?? 0) >= 2)!;
    const res = await server.gql<{ claims: { edges: { node: { explains: { __typename: string; id: string }[] } }[] } }>(
      `{ claims(where: { id: "${c.fullId}" }) { edges { node { explains { __typename id ... on Measurement { property } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const got = res.data!.claims.edges[0]!.node.explains;
    expect(got.map((f) => f.id).sort()).toEqual([...new Set(c.explains!)].map((id) => `${c.review}:${id}`).sort());
    expect(new Set(got.map((f) => f.id)).size, 'no fact twice').toBe(got.length);
    const TYPES: Record<string, string> = { P: 'Measurement', W: 'ReportedStabilityWindow', I: 'InterphaseObservation', C: 'CoatingApplication', B: 'Cell', S: 'Claim' };
    for (const f of got) expect(f.__typename, f.id).toBe(TYPES[f.id.split(':')[1]![0]!]);
  });
});

describe('claims: search, one statement, errors', () => {
  it("a search for words of a statement finds the claim, with the field 'statement'", async () => {
    const c = CLAIMS.find((x) => x.review === 'feng2022' && x.statement.split(' ').length > 12)!;
    const words = c.statement.replace(/[^\p{L}\p{N} ]/gu, ' ').split(/\s+/).filter((w) => w.length > 6).slice(0, 4).join(' ');
    const res = await server.gql<{ search: { edges: { node: { kind: string; field: string; node: { id: string } } }[] } }>(
      `{ search(text: ${JSON.stringify(words)}, kinds: [CLAIM], first: 50) { edges { node { kind field node { ... on Claim { id } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const hit = res.data!.search.edges.find((e) => e.node.node.id === c.fullId);
    expect(hit, `'${words}' finds ${c.fullId}`).toBeDefined();
    expect(hit!.node.kind).toBe('CLAIM');
    expect(hit!.node.field).toBe('statement');
  });

  it('a page of claims with materials, interfaces, quantities, publications and source is one statement', async () => {
    const queries = await queriesOf(server, () =>
      list(
        'claims',
        'first: 50, where: { OR: [{ kind: TARGET }, { kind: CRITERION }], NOT: { review: "lewis2019" } }, orderBy: { field: PUBLICATION_YEAR, direction: DESC }',
        'id materials { id claims { id } } interfaces { id } quantities { property value { value } } publications { key } source { line quote }',
      ),
    );
    expect(queries).toEqual(['claims.list']);
  });

  it('statementContains finds the statements that contain the words, case-insensitively', async () => {
    const expected = CLAIMS.filter((c) => c.statement.toLowerCase().includes('dendrite')).map((c) => c.fullId);
    expect(expected.length).toBeGreaterThan(5);
    expect(await total('statementContains: "DENDRITE"')).toBe(expected.length);
  });

  it('bad input names the argument', async () => {
    expectBadUserInput(await server.gql('{ claims(where: { kindIn: [] }) { totalCount } }'), 'where.kindIn', /at least one/);
    expectBadUserInput(await server.gql('{ claims(where: { material: "no such material xyz" }) { totalCount } }'), 'where.material', /./);
    expectBadUserInput(await server.gql('{ claims(where: { review: "Pasta 2020" }) { totalCount } }'), 'where.review', /review key/);
    expectBadUserInput(await server.gql('{ claims(where: { statementContains: "  " }) { totalCount } }'), 'where.statementContains', /empty/);
  });
});
