/**
 * What an export asks for, read from an HTTP query string or command-line options and checked before
 * anything runs: the list (one of the compiled lists of `Query`), the format, the list's `where` and
 * `orderBy` as JSON (the same inputs as in GraphQL), the selected fields as a GraphQL selection
 * (`id value(unit: "mS/cm") material { name }`), and an optional row limit.
 * Errors: ExportRequestError naming the parameter and the problem.
 */

/** Row formats (one row per fact) and citation formats (one entry per publication or dataset behind the rows). */
export const EXPORT_FORMATS = ['csv', 'jsonl', 'bib', 'csl.json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  list: string;
  format: ExportFormat;
  where?: unknown;
  orderBy?: unknown;
  /** A GraphQL selection on the list's node type; the list's default columns when absent. */
  fields?: string;
  /** At most this many rows (or rows read for citations); all when absent. */
  limit?: number;
}

/** A parameter of an export that cannot be used; `parameter` is its name (`where`, `format`, `limit`...). */
export class ExportRequestError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
    this.name = 'ExportRequestError';
  }
}

const PARAMETERS = new Set(['where', 'orderBy', 'fields', 'limit']);
const MAX_JSON_CHARS = 100_000;

/** Splits `measurements.csv` into list and format (`claims.csl.json` → claims, csl.json). */
export function splitExportFile(file: string): { list: string; format: ExportFormat } {
  const dot = file.indexOf('.');
  const list = dot < 0 ? file : file.slice(0, dot);
  const format = dot < 0 ? '' : file.slice(dot + 1);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ExportRequestError('format', `'${format}' is not an export format; accepted: ${EXPORT_FORMATS.join(', ')} (e.g. /export/measurements.csv)`);
  }
  return { list, format: format as ExportFormat };
}

/** The request from its parts; `params` are the query-string parameters (unknown ones are refused). */
export function readExportRequest(list: string, format: ExportFormat, params: Record<string, unknown>): ExportRequest {
  for (const [name, value] of Object.entries(params)) {
    if (!PARAMETERS.has(name)) throw new ExportRequestError(name, `unknown parameter; accepted: ${[...PARAMETERS].join(', ')}`);
    if (typeof value !== 'string') throw new ExportRequestError(name, 'given more than once or not as text');
  }
  const text = params as Record<string, string | undefined>;
  return {
    list,
    format,
    where: json('where', text.where),
    orderBy: json('orderBy', text.orderBy),
    fields: text.fields === undefined || text.fields.trim() === '' ? undefined : text.fields,
    limit: limitOf(text.limit),
  };
}

function json(parameter: string, value: string | undefined): unknown {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.length > MAX_JSON_CHARS) throw new ExportRequestError(parameter, `longer than ${MAX_JSON_CHARS} characters`);
  try {
    return JSON.parse(value) as unknown;
  } catch (e) {
    throw new ExportRequestError(parameter, `not valid JSON (${(e as Error).message})`);
  }
}

function limitOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new ExportRequestError('limit', `'${value}' is not a whole number ≥ 0`);
  return n;
}
