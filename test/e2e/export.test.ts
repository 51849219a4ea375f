/**
 * Exports (issue 10 part 4): GET /export/<list>.<format> and `npm run export` read back with independent
 * parsers (csv-parse, JSON.parse per line, @retorquere/bibtex-parser) and compared with the GraphQL answer
 * to the same list, filter and order, flattened here by hand.
 */
import { runCli as runCliAs } from '../support/cli.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const LLZO = JSON.stringify({ material: 'LLZO', property: 'IONIC_CONDUCTIVITY' });

async function download(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${server.base}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

function url(file: string, params: Record<string, string>): string {
  return `/export/${file}?${new URLSearchParams(params).toString()}`;
}

interface Node {
  id: string;
  printedValue: string;
  value: number | null;
  unit: string;
  temperatureK: number | null;
  material: { name: string } | null;
  publications: { doi: string | null }[];
  source: { review: { key: string; reviewKey: string | null } | null; lines: number[]; quote: string | null; recordId: string | null; dataset: { name: string; license: string } | null };
  publication: { doi: string | null; key: string } | null;
}

/** Every node of the list, page by page through GraphQL (pages of 100, so the export's own pages differ). */
async function graphqlNodes(where: unknown, orderBy?: unknown): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse<{ measurements: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] } }> = await server.gql(
      `query($where: MeasurementWhere, $orderBy: MeasurementOrder, $after: String) { measurements(where: $where, orderBy: $orderBy, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id printedValue value(unit: "mS/cm") unit temperatureK(unit: "°C") material { name } publications { doi }
          source { review { key reviewKey } lines quote recordId dataset { name license } } publication { doi key } } } } }`,
      { where, orderBy, after },
    );
    expect(res.errors).toBeUndefined();
    nodes.push(...res.data!.measurements.edges.map((e) => e.node));
    if (!res.data!.measurements.pageInfo.hasNextPage) return nodes;
    after = res.data!.measurements.pageInfo.endCursor;
  }
}

const FIELDS = 'id printedValue value(unit: "mS/cm") unit temperatureK(unit: "°C") material { name } publications { doi }';
const COLUMNS = ['id', 'printedValue', 'value', 'unit', 'temperatureK', 'material.name', 'publications.doi'];
const PROVENANCE = ['doi', 'publication', 'review', 'reviewLine', 'quote', 'dataset', 'datasetRecord', 'licence'].map((c) => `provenance.${c}`);

/** The row the export should give for a node, built here without the export's code. */
function expectedRow(n: Node): Record<string, string> {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    id: n.id,
    printedValue: n.printedValue,
    value: text(n.value),
    unit: n.unit,
    temperatureK: text(n.temperatureK),
    'material.name': text(n.material?.name),
    'publications.doi': n.publications.map((p) => p.doi ?? '').join('; '),
    'provenance.doi': text(n.publication?.doi),
    'provenance.review': text(n.source.review?.reviewKey),
    'provenance.reviewLine': n.source.lines.join('; '),
    'provenance.quote': text(n.source.quote),
    'provenance.dataset': text(n.source.dataset?.name),
    'provenance.datasetRecord': text(n.source.recordId),
    'provenance.licence': text(n.source.dataset?.license),
  };
}

describe('CSV and JSON Lines over HTTP', () => {
  it('CSV round-trips against the GraphQL answer: same rows, same order, values converted, provenance columns', async () => {
    const expected = await graphqlNodes({ material: 'LLZO', property: 'IONIC_CONDUCTIVITY' });
    expect(expected.length).toBeGreaterThan(10);
    const res = await download(url('measurements.csv', { where: LLZO, fields: FIELDS }));
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/);
    const rows = parseCsv(res.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...COLUMNS, ...PROVENANCE]);
    expect(rows).toHaveLength(expected.length);
    for (const [i, n] of expected.entries()) {
      const { ['provenance.publication']: publication, ...rest } = rows[i]!;
      expect(rest).toEqual(expectedRow(n));
      if (n.publication) expect(publication).not.toBe('');
    }
    // both review facts (line, quote) and dataset facts (OBELiX record and licence) are there
    expect(rows.some((r) => r['provenance.review'] !== '' && r['provenance.quote'] !== '' && r['provenance.reviewLine'] !== '')).toBe(true);
    expect(rows.some((r) => r['provenance.dataset'] === 'OBELiX' && r['provenance.licence'] === 'CC BY 4.0' && r['provenance.datasetRecord'] !== '')).toBe(true);
  });

  it('JSON Lines round-trips with typed values (numbers stay numbers, a field through a list an array with one entry per item)', async () => {
    const order = { field: 'VALUE', direction: 'DESC' };
    const expected = await graphqlNodes({ material: 'LLZO', property: 'IONIC_CONDUCTIVITY' }, order);
    const res = await download(url('measurements.jsonl', { where: LLZO, orderBy: JSON.stringify(order), fields: FIELDS }));
    expect(res.status).toBe(200);
    const lines = res.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(expected.map((n) => n.id));
    for (const [i, n] of expected.entries()) {
      expect(lines[i]!.value).toBe(n.value);
      expect(lines[i]!.temperatureK).toBe(n.temperatureK);
      expect(lines[i]!['publications.doi']).toEqual(n.publications.map((p) => p.doi));
    }
  });

  it('pages through a whole list: every measurement once, in the order of the list', async () => {
    const total = (await server.gql<{ measurements: { totalCount: number } }>('{ measurements { totalCount } }')).data!.measurements.totalCount;
    expect(total).toBeGreaterThan(1000); // more than two of the export's pages
    const res = await download(url('measurements.csv', { fields: 'id' }));
    const ids = (parseCsv(res.text, { columns: true }) as { id: string }[]).map((r) => r.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const limited = await download(url('measurements.csv', { fields: 'id', limit: '7' }));
    expect((parseCsv(limited.text, { columns: true }) as { id: string }[]).map((r) => r.id)).toEqual(ids.slice(0, 7));
  });

  it('default columns give values as printed and in canonical units; phase entries carry their dataset and licence', async () => {
    const res = await download(url('measurements.csv', { where: LLZO, limit: '3' }));
    const header = Object.keys((parseCsv(res.text, { columns: true }) as Record<string, string>[])[0]!);
    expect(header).toEqual(expect.arrayContaining(['printedValue', 'printedUnit', 'value', 'unit', 'temperatureK', 'material.name', ...PROVENANCE]));
    const phases = await download(url('phaseEntries.csv', { limit: '2' }));
    const rows = parseCsv(phases.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!['provenance.licence']).not.toBe('');
  });
});

describe('citations', () => {
  it('BibTeX parses with a BibTeX parser and holds every publication, review and dataset behind the rows', async () => {
    const nodes = await graphqlNodes({ material: 'LLZO', property: 'IONIC_CONDUCTIVITY' });
    const dois = new Set(nodes.flatMap((n) => [...n.publications.map((p) => p.doi), n.publication?.doi]).filter((d): d is string => !!d).map((d) => d.toLowerCase()));
    const reviews = new Set(nodes.map((n) => n.source.review?.reviewKey).filter((k): k is string => !!k));
    const res = await download(url('measurements.bib', { where: LLZO }));
    expect(res.status).toBe(200);
    const bib = parseBibtex(res.text);
    expect(bib.errors).toEqual([]);
    const bibDois = new Set(bib.entries.map((e) => (e.fields.doi as string | undefined)?.toLowerCase()).filter(Boolean));
    for (const doi of dois) expect(bibDois.has(doi)).toBe(true);
    expect(reviews.size).toBeGreaterThan(1);
    for (const review of reviews) expect(bib.entries.some((e) => e.key === review)).toBe(true);
    const obelix = bib.entries.find((e) => e.key === 'dataset_obelix');
    expect(obelix?.fields.note).toMatch(/Licence: CC BY 4\.0/);
    const csl = JSON.parse((await download(url('measurements.csl.json', { where: LLZO }))).text) as { id: string; 'citation-key': string; type: string; DOI?: string }[];
    expect(csl.map((i) => i['citation-key']).sort()).toEqual(bib.entries.map((e) => e.key).sort());
    expect(csl.find((i) => i.id === 'dataset:obelix')?.type).toBe('dataset');
    expect(csl.every((i) => ['article-journal', 'dataset'].includes(i.type))).toBe(true);
  });
});

describe('what can be exported', () => {
  it('GET /export lists the lists and formats', async () => {
    const body = JSON.parse((await download('/export')).text) as { lists: string[]; formats: string[] };
    expect(body.lists).toEqual(expect.arrayContaining(['measurements', 'claims', 'phaseEntries', 'publications']));
    expect(body.formats).toEqual(['csv', 'jsonl', 'bib', 'csl.json']);
  });
});

describe('bad requests: a 400 naming the parameter, nothing streamed', () => {
  const cases: [string, string, RegExp][] = [
    ['an unknown list', '/export/widgets.csv', /list: 'widgets' is not a list; accepted: .*measurements/],
    ['an unknown format', '/export/measurements.xlsx', /format: 'xlsx' is not an export format/],
    ['where that is not JSON', url('measurements.csv', { where: '{material:' }), /where: not valid JSON/],
    ['an unknown parameter', url('measurements.csv', { sort: 'id' }), /sort: unknown parameter/],
    ['a negative limit', url('measurements.csv', { limit: '-1' }), /limit: '-1' is not a whole number/],
    ['a fragment in fields', url('measurements.csv', { fields: '...on Measurement { id }' }), /fields: fragments are not accepted/],
    ['a field that does not exist', url('measurements.csv', { fields: 'id colour' }), /Cannot query field "colour" on type "Measurement"/],
    ['a unit that does not fit', url('measurements.csv', { fields: 'value(unit: "eV")', where: LLZO }), /unit/],
    ['a where field that does not exist', url('measurements.csv', { where: '{"colour":"red"}' }), /colour/],
    ['citations of a list without publications', '/export/materials.bib', /format: materials carry no publication/],
  ];
  for (const [name, path, message] of cases) {
    it(name, async () => {
      const res = await download(path);
      expect(res.status).toBe(400);
      const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.message).toMatch(message);
    });
  }
});

describe('npm run export', () => {
  const runCli = (args: string[]) => runCliAs('export', args);

  it('writes the same rows as the HTTP export to stdout, logs to stderr', async () => {
    const http = await download(url('measurements.jsonl', { where: LLZO, fields: FIELDS }));
    const cli = await runCli(['measurements.jsonl', '--where', LLZO, '--fields', FIELDS]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe(http.text);
    expect(cli.stderr).toMatch(/measurements exported as jsonl/);
  });

  it('exits 2 naming the argument for a bad one', async () => {
    const cli = await runCli(['measurements.csv', '--where', '{oops']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/where: not valid JSON/);
    expect(cli.stdout).toBe('');
  });
});

describe('sharing the server', () => {
  it('/graphql and /export draw on one rate budget per client', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (const path of ['/graphql', '/export/measurements.csv?limit=1', '/graphql', '/export/measurements.csv?limit=1']) {
        const res = path === '/graphql' ? await fetch(`${limited.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }) : await fetch(`${limited.base}${path}`);
        await res.text();
        codes.push(res.status);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('at most EXPORT_MAX_CONCURRENT exports at once: one more is 503 EXPORTS_BUSY; a client that leaves frees its place', async () => {
    const one = await startTestServer({ EXPORT_MAX_CONCURRENT: '1' });
    try {
      // 95,000 phase entries: far more than the socket buffers hold while the body is not read
      const controller = new AbortController();
      const first = await fetch(`${one.base}/export/phaseEntries.csv`, { signal: controller.signal });
      expect(first.status).toBe(200);
      const second = await fetch(`${one.base}/export/measurements.csv?limit=1`);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('5');
      expect(((await second.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('EXPORTS_BUSY');
      controller.abort();
      let status = 0;
      for (let i = 0; i < 120 && status !== 200; i++) {
        const again = await fetch(`${one.base}/export/measurements.csv?limit=1`);
        await again.text();
        status = again.status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
    } finally {
      await one.stop();
    }
  });
});
