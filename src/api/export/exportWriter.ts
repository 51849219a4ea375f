/**
 * Runs an export: reads the list page by page through the GraphQL API (`execute`: the same schema,
 * limits and error codes as /graphql) and writes each page before the next is read, so memory stays
 * bounded by one page whatever the number of rows. CSV is written by csv-stringify (RFC 4180 quoting;
 * several values in a cell joined by '; '), JSON Lines one JSON object per line; BibTeX and CSL-JSON
 * after the last page, one entry per distinct publication or dataset.
 * Errors: ExportQueryError with the API's formatted errors (thrown before anything is written when the
 * first page fails; later, the output is left incomplete and the error thrown).
 */
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { bibtexOf, datasetItem, publicationItem, type CslItem } from './citations.js';
import type { ExportPlan } from './exportPlan.js';
import { citedBy, columnNames, rowOf, type Cell, type Row } from './rows.js';

/** Runs one page's document with its variables; returns the API's formatted answer. */
export type ExecuteExport = (document: string, variables: Record<string, unknown>) => Promise<ExecutionResult | { data?: unknown; errors?: readonly GraphQLFormattedError[] }>;

export class ExportQueryError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'ExportQueryError';
  }
  get code(): string {
    return String(this.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
}

/** Rows per page (the lists' largest page is 1000); a page refused as too costly or too large is retried at a quarter, down to MIN_PAGE. */
export const EXPORT_PAGE_SIZE = 500;
const MIN_PAGE = 10;
const SMALLER_PAGE_HELPS = new Set(['QUERY_TOO_COMPLEX', 'RESPONSE_TOO_LARGE']);

export const CONTENT_TYPES: Record<ExportPlan['format'], string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  bib: 'application/x-bibtex; charset=utf-8',
  'csl.json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
};

interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Record<string, unknown> }[];
}

/** The pages of a list, in order, at most `plan.limit` nodes. */
export async function* exportPages(plan: ExportPlan, execute: ExecuteExport, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<Record<string, unknown>[]> {
  let after: string | null = null;
  let remaining = plan.limit ?? Number.POSITIVE_INFINITY;
  let size = pageSize;
  while (remaining > 0) {
    const first = Math.min(size, remaining);
    const result = await execute(plan.document, { ...plan.variables, first, after });
    if (result.errors && result.errors.length > 0) {
      const error = new ExportQueryError(result.errors);
      if (SMALLER_PAGE_HELPS.has(error.code) && first > MIN_PAGE) {
        size = Math.max(MIN_PAGE, Math.floor(first / 4));
        continue;
      }
      throw error;
    }
    const rows = (result.data as { rows: Connection } | null)?.rows;
    if (!rows) throw new ExportQueryError([{ message: 'the list answered nothing', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    yield rows.edges.map((e) => e.node);
    remaining -= rows.edges.length;
    if (!rows.pageInfo.hasNextPage || rows.edges.length === 0) return;
    after = rows.pageInfo.endCursor;
  }
}

/**
 * Writes the export to `out`; `begin` is called once the first page has been read, before the first byte
 * (an HTTP response sets its status and headers there). Stops early when `out` is destroyed (the client left).
 */
export async function writeExport(
  plan: ExportPlan,
  execute: ExecuteExport,
  out: Writable,
  begin: () => void = () => {},
  /** A reader that takes nothing for this long is given up: `out` is destroyed and the export stops (ms; none by default). */
  idleMs: number | null = null,
): Promise<{ rows: number }> {
  const put = (chunk: string) => write(out, chunk, idleMs);
  const citations = plan.format === 'bib' || plan.format === 'csl.json';
  const publications = new Map<string, CslItem>();
  const datasets = new Map<string, CslItem>();
  let rows = 0;
  let started = false;
  for await (const page of exportPages(plan, execute)) {
    if (!started) begin();
    if (out.destroyed) return { rows };
    if (citations) {
      for (const node of page) collectCitations(plan, node, publications, datasets);
    } else {
      await put(pageText(plan, page.map((n) => rowOf(plan, n)), !started));
    }
    started = true;
    rows += page.length;
  }
  if (!started) {
    begin();
    if (!citations) await put(pageText(plan, [], true));
  }
  if (citations) await put(citationText(plan, [...publications.values(), ...datasets.values()]));
  return { rows };
}

function collectCitations(plan: ExportPlan, node: Record<string, unknown>, publications: Map<string, CslItem>, datasets: Map<string, CslItem>): void {
  const cited = citedBy(plan, node);
  for (const p of cited.publications) if (!publications.has(p.key)) publications.set(p.key, publicationItem(p));
  for (const d of cited.datasets) if (!datasets.has(d.id)) datasets.set(d.id, datasetItem(d));
}

function citationText(plan: ExportPlan, items: CslItem[]): string {
  const sorted = uniqueKeys(items.sort((a, b) => a.id.localeCompare(b.id)));
  return plan.format === 'bib' ? bibtexOf(sorted) : JSON.stringify(sorted, null, 2) + '\n';
}

/** Citation keys made unique (two graph keys can sanitise to one BibTeX key): the later ones get _2, _3... */
function uniqueKeys(items: CslItem[]): CslItem[] {
  const used = new Set<string>();
  return items.map((item) => {
    let key = item['citation-key'];
    for (let n = 2; used.has(key); n++) key = `${item['citation-key']}_${n}`;
    used.add(key);
    return key === item['citation-key'] ? item : { ...item, 'citation-key': key };
  });
}

function pageText(plan: ExportPlan, rows: Row[], header: boolean): string {
  if (plan.format === 'jsonl') return rows.map((r) => JSON.stringify(r) + '\n').join('');
  const columns = columnNames(plan);
  const body = rows.length > 0 ? stringify(rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)))) : '';
  return (header ? stringify([columns]) : '') + body;
}

function csvCell(cell: Cell): string | number | null {
  if (cell === null) return null;
  if (Array.isArray(cell)) return cell.map((v) => (v === null ? '' : typeof v === 'boolean' ? String(v) : v)).join('; ');
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return cell;
}

async function write(out: Writable, chunk: string, idleMs: number | null): Promise<void> {
  if (chunk === '' || out.destroyed) return;
  if (!out.write(chunk)) await drained(out, idleMs);
}

/** Resolves when `out` drains, closes or fails (or, after `idleMs`, destroys it), and leaves no listener or timer behind. */
function drained(out: Writable, idleMs: number | null): Promise<void> {
  return new Promise((resolve) => {
    const timer = idleMs === null ? null : setTimeout(() => out.destroy(new Error(`the reader took nothing for ${idleMs} ms`)), idleMs);
    const done = () => {
      if (timer) clearTimeout(timer);
      out.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    out.on('drain', done).on('close', done).on('error', done);
  });
}
