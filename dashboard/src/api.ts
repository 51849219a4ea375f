/**
 * The dashboard's only ways into the data: POST /graphql (one operation per call) and the export URLs of
 * GET /export/<list>.<format>. Every call is counted (`requestCount`), so that each view reports how many
 * API requests it made. The API's coded errors are shown in words (`inWords`), with its own message after.
 */

/** API requests made since the page loaded (GraphQL operations and export downloads started). */
export let requestCount = 0;

/** An error the API answered with: its `extensions.code` and message, shown to the user by `inWords`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly argumentName?: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ApiError';
  }
}

const WORDS: Record<string, string> = {
  BAD_USER_INPUT: 'One of the filters is not accepted',
  GRAPHQL_VALIDATION_FAILED: 'The dashboard sent a question this API does not understand',
  QUERY_TOO_COMPLEX: 'The question is too large for one request; narrow the filters',
  QUERY_TOO_DEEP: 'The question nests too deeply for the API',
  RESPONSE_TOO_LARGE: 'The answer would be too large; narrow the filters',
  DATABASE_UNAVAILABLE: 'The database cannot be reached right now; try again in a moment',
  REQUEST_TIMEOUT: 'The API took too long to answer; try narrower filters',
  THERMO_BUSY: 'The thermodynamics is busy with other computations; try again shortly',
  THERMO_TIMEOUT: 'The thermodynamic computation took too long',
  RATE_LIMITED: 'Too many requests from this browser; wait a minute',
  EXPORTS_BUSY: 'Too many exports are running; try again in a few seconds',
  INTERNAL_SERVER_ERROR: 'The API failed on this question',
  NETWORK: 'The API cannot be reached',
};

/** A sentence for an error: the code in words, then the API's own message (which names the field). */
export function inWords(e: unknown): string {
  if (e instanceof ApiError) {
    const words = WORDS[e.code] ?? `The API answered ${e.code}`;
    const field = e.argumentName ? ` (${e.argumentName})` : '';
    return `${words}${field}. ${e.detail}`;
  }
  return `Something went wrong in the page: ${e instanceof Error ? e.message : String(e)}`;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[];
}

/** Runs one GraphQL operation; throws ApiError for an answer with errors or an HTTP failure. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  requestCount += 1;
  let res: Response;
  try {
    res = await fetch(new URL('/graphql', location.href), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('NETWORK', e instanceof Error ? e.message : String(e));
  }
  let body: GraphQLAnswer<T>;
  try {
    body = (await res.json()) as GraphQLAnswer<T>;
  } catch {
    throw new ApiError(res.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'NETWORK', `HTTP ${res.status} without a GraphQL answer`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message, first.extensions?.argumentName);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', `HTTP ${res.status} without data`);
  return body.data;
}

/** The URL of an export of `list` with the list's own `where` (GET /export/<list>.<format>). */
export function exportUrl(list: string, format: 'csv' | 'bib', where: unknown, fields?: string): string {
  const params = new URLSearchParams({ where: JSON.stringify(where ?? {}) });
  if (fields) params.set('fields', fields);
  return `/export/${list}.${format}?${params.toString()}`;
}
