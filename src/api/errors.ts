/**
 * The closed list of error codes clients see, and the mapping of every lower-layer error to one of
 * them. Anything without a known code is masked as INTERNAL_SERVER_ERROR (logged with the request id).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseUnavailableError, TransactionTimeoutError } from '../graph/errors.js';
import { ForbiddenError, InvalidArgumentError } from '../services/errors.js';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class BadUserInputError extends GraphQLError {
  constructor(argumentName: string, problem: string) {
    super(`${argumentName}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
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

/**
 * Apollo `formatError`: maps known errors to their code, masks the rest. `log` receives errors that
 * were masked (with their stack) so they can be logged with the request id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (original: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof InvalidArgumentError) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', argumentName: original.argument } };
  }
  if (original instanceof ForbiddenError) {
    return { ...base, message: original.message, extensions: { code: 'FORBIDDEN' } };
  }
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
  log(original);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
