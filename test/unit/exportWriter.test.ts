/**
 * The export writer (src/api/export/exportWriter.ts) with a stand-in for the GraphQL executor (the real one is
 * exercised end to end in test/e2e/export.test.ts): pages in order, a page too costly or too large retried
 * smaller, an error before the first byte thrown with nothing written, CSV cells through lists, unique BibTeX keys.
 */
import { PassThrough } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInterphaseSchema } from '../../src/api/schema.js';
import { planExport } from '../../src/api/export/exportPlan.js';
import { readExportRequest } from '../../src/api/export/exportRequest.js';
import { ExportQueryError, writeExport, type ExecuteExport } from '../../src/api/export/exportWriter.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildInterphaseSchema();
});

const node = (i: number) => ({ id: `m${i}`, publications: i % 2 ? [{ doi: null }, { doi: `10.1/${i}` }] : [], _exportSource: null, _exportPublication: null });

/** A list of `total` nodes served in pages; `refuse(first)` answers an error code for a page size instead. */
function served(total: number, refuse: (first: number) => string | null = () => null): { execute: ExecuteExport; asked: number[] } {
  const asked: number[] = [];
  const execute: ExecuteExport = async (_doc, variables) => {
    const first = variables.first as number;
    asked.push(first);
    const code = refuse(first);
    if (code) return { errors: [{ message: code, extensions: { code } }] };
    const start = variables.after ? Number(variables.after) : 0;
    const nodes = Array.from({ length: Math.max(0, Math.min(first, total - start)) }, (_, k) => node(start + k));
    return { data: { rows: { pageInfo: { hasNextPage: start + nodes.length < total, endCursor: String(start + nodes.length) }, edges: nodes.map((n) => ({ node: n })) } } };
  };
  return { execute, asked };
}

async function run(format: 'csv' | 'bib', execute: ExecuteExport, fields = 'id publications { doi }'): Promise<string> {
  const plan = planExport(schema, readExportRequest('measurements', format, format === 'csv' ? { fields } : {}));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeExport(plan, execute, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('pages', () => {
  it('reads every page in order; a page refused as too large is asked again at a quarter, and the smaller size kept', async () => {
    const { execute, asked } = served(1234, (first) => (first > 125 ? 'RESPONSE_TOO_LARGE' : null));
    const rows = parseCsv(await run('csv', execute), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 1234 }, (_, i) => `m${i}`));
    expect(asked.slice(0, 3)).toEqual([500, 125, 125]);
    expect(rows[1]!['publications.doi']).toBe('; 10.1/1');
    expect(rows[0]!['publications.doi']).toBe('');
  });

  it('an error on the first page is thrown before anything is written', async () => {
    const plan = planExport(schema, readExportRequest('measurements', 'csv', {}));
    const out = new PassThrough();
    let begun = false;
    const refused = writeExport(plan, served(10, () => 'BAD_USER_INPUT').execute, out, () => (begun = true));
    await expect(refused).rejects.toBeInstanceOf(ExportQueryError);
    expect(begun).toBe(false);
    expect(out.read()).toBeNull();
  });
});

describe('a reader that takes nothing', () => {
  it('is given up after idleMs: the stream is destroyed and the export stops without reading further pages', async () => {
    const plan = planExport(schema, readExportRequest('measurements', 'csv', { fields: 'id publications { doi }' }));
    const out = new PassThrough({ highWaterMark: 1024 }); // never read
    const { execute, asked } = served(100_000);
    const result = await writeExport(plan, execute, out, () => {}, 50);
    expect(out.destroyed).toBe(true);
    expect(result.rows).toBeLessThan(100_000);
    expect(asked.length).toBeLessThan(200);
  });
});

describe('citations', () => {
  it('two graph keys that give one BibTeX key get distinct keys', async () => {
    const pub = (key: string, doi: string) => ({ key, doi, authors: 'Gao, Z.', firstAuthor: 'Gao', title: 't', journal: 'j', volume: '1', firstPage: '1', year: 2020, url: null, isReview: false, reviewKey: null });
    const execute: ExecuteExport = async () => ({
      data: {
        rows: {
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [
            { node: { _exportSource: null, _exportPublication: pub('pub:a-b', '10.1/x'), _exportPublications: [pub('pub:a.b', '10.1/y')] } },
          ],
        },
      },
    });
    const bib = parseBibtex(await run('bib', execute));
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.key).sort()).toEqual(['pub_a_b', 'pub_a_b_2']);
  });
});
