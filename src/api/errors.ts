/**
 * The closed list of error codes clients see, and the mapping of every lower-layer error to one of
 * them. Anything without a known code is masked as INTERNAL_SERVER_ERROR (logged with the request id).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ECHO_LIMIT, excerpt } from '../domain/errors.js';
import { DatabaseUnavailableError, TransactionTimeoutError } from '../graph/errors.js';
import { InvalidArgumentError, QueryTooComplexError } from '../services/errors.js';
import { ThermoBusyError, ThermoTimeoutError } from '../services/thermo/thermo.pool.js';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  // a write without a valid API key (missing, unknown, malformed or revoked), HTTP 401:
  'UNAUTHENTICATED',
  'DATABASE_UNAVAILABLE',
  'REQUEST_TIMEOUT',
  // never seen by a client (its connection is gone); marks work abandoned for that reason
  'CLIENT_CLOSED_REQUEST',
  'INTERNAL_SERVER_ERROR',
  // produced by Apollo Server / graphql-js before resolvers run:
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // an automatic persisted query whose extensions.persistedQuery.sha256Hash is not the hash of its query:
  'PERSISTED_QUERY_HASH_MISMATCH',
  // limits on one request (src/api/limits.ts), answered before any resolver runs:
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_ROOT_FIELDS',
  'QUERY_TOO_COMPLEX',
  'RESPONSE_TOO_LARGE',
  // refused before Apollo (src/server/safety.ts), HTTP 429:
  'RATE_LIMITED',
  // GET /export/… while EXPORT_MAX_CONCURRENT exports are running (src/server/export.route.ts), HTTP 503:
  'EXPORTS_BUSY',
  // the thermodynamics worker pool (THERMO_MAX_QUEUE, THERMO_TASK_TIMEOUT_MS):
  'THERMO_BUSY',
  'THERMO_TIMEOUT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class BadUserInputError extends GraphQLError {
  constructor(argumentName: string, problem: string) {
    super(`${argumentName}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
  }
}

/** A subscription sent over HTTP (subscriptions are served over WebSocket only): the request's fault. */
export class UnsupportedOperationError extends GraphQLError {
  constructor(operation: string) {
    super(`${operation} operations are not served over HTTP: open a WebSocket to /graphql (protocol graphql-transport-ws, e.g. the graphql-ws client); send queries and mutations over HTTP`, {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
}

/** A request over one of the limits of src/api/limits.ts; the message names the limit and the value found. HTTP 400. */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly code: 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_ROOT_FIELDS' | 'QUERY_TOO_COMPLEX' | 'RESPONSE_TOO_LARGE',
    message: string,
  ) {
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}

export class DatabaseUnavailableGraphQLError extends GraphQLError {
  constructor() {
    super('The database is unavailable; try again later.', { extensions: { code: 'DATABASE_UNAVAILABLE' } });
  }
}

/** The request ran past its deadline (REQUEST_TIMEOUT_MS, or Neo4j's transaction timeout) and was abandoned. */
export class RequestTimeoutError extends GraphQLError {
  constructor(limit: string) {
    super(`The request was abandoned: it took longer than ${limit}; ask for less (smaller pages, fewer fields) or try again later.`, {
      extensions: { code: 'REQUEST_TIMEOUT' },
    });
  }
}

/** The client closed its connection before the answer: the request's work is abandoned. */
export class ClientClosedRequestError extends GraphQLError {
  constructor() {
    super('The client closed the connection before the answer; the request was abandoned.', { extensions: { code: 'CLIENT_CLOSED_REQUEST' } });
  }
}

/** Longest message sent to a client (characters); anything longer is cut with '…'. */
export const MAX_MESSAGE_LENGTH = 1000;

/** Apollo's message when an automatic persisted query's hash is not the SHA-256 of its query. */
const APQ_HASH_MISMATCH = 'provided sha does not match query';

/**
 * Apollo `formatError`: maps known errors to their code, masks the rest. `log` receives the errors that
 * are masked or mean a server-side fault (their original, with its stack) so they can be logged with the
 * request id. Every message is bounded: quoted input in graphql-js messages (field names, values) is cut
 * to ECHO_LIMIT characters, the whole message to MAX_MESSAGE_LENGTH.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (original: unknown) => void = () => undefined,
): GraphQLFormattedError {
  const out = mapError(formatted, error, log);
  return { ...out, message: boundMessage(out.message) };
}

function mapError(formatted: GraphQLFormattedError, error: unknown, log: (original: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof InvalidArgumentError) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', argumentName: original.argument } };
  }
  // Apollo wraps validation errors as GRAPHQL_VALIDATION_FAILED; a limit keeps its own code
  const limit = error instanceof GraphQLError && error.originalError instanceof QueryLimitError ? error.originalError : original;
  if (original instanceof QueryTooComplexError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  if (limit instanceof QueryLimitError) {
    return { message: limit.message, locations: formatted.locations, extensions: { code: limit.code } };
  }
  if (original instanceof ThermoBusyError) return { ...base, message: original.message, extensions: { code: 'THERMO_BUSY' } };
  if (original instanceof ThermoTimeoutError) return { ...base, message: original.message, extensions: { code: 'THERMO_TIMEOUT' } };
  if (original instanceof TransactionTimeoutError) {
    log(original);
    return { ...base, message: new RequestTimeoutError('the database transaction timeout (NEO4J_TX_TIMEOUT_MS)').message, extensions: { code: 'REQUEST_TIMEOUT' } };
  }
  if (original instanceof DatabaseUnavailableError) {
    log(original);
    return { ...base, message: new DatabaseUnavailableGraphQLError().message, extensions: { code: 'DATABASE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && (ERROR_CODES as readonly string[]).includes(code)) {
    // Apollo/graphql-js errors and our GraphQLError subclasses: keep message and code, drop any stack trace.
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const refused = requestRefusal(original);
  if (refused) return { ...base, ...refused };
  log(original);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Apollo's own refusals of a request that carry an HTTP 4xx status but no code (a persisted-query hash
 * that does not match, an unsupported persisted-query version): the client's fault, so coded.
 */
function requestRefusal(original: unknown): Pick<GraphQLFormattedError, 'message' | 'extensions'> | null {
  if (!(original instanceof GraphQLError) || original.path) return null;
  const status = (original.extensions.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (original.message === APQ_HASH_MISMATCH) {
    return {
      message: 'extensions.persistedQuery.sha256Hash: is not the SHA-256 hash (hex) of query; send the hash of the exact query text',
      extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
    };
  }
  return { message: original.message, extensions: { code: 'BAD_REQUEST' } };
}

/** A double-quoted stretch (escapes allowed inside) longer than ECHO_LIMIT characters. */
const LONG_QUOTE = new RegExp(`"((?:[^"\\\\]|\\\\.){${ECHO_LIMIT + 1},}?)"`, 'g');

/** Cuts double-quoted stretches longer than ECHO_LIMIT (graphql-js quotes names and values), then the whole message. */
export function boundMessage(message: string): string {
  const quotedCut = message.replace(LONG_QUOTE, (_all, inner: string) => `"${excerpt(inner)}"`);
  return quotedCut.length <= MAX_MESSAGE_LENGTH ? quotedCut : `${quotedCut.slice(0, MAX_MESSAGE_LENGTH)}…`;
}
