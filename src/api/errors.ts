/**
 * The closed list of error codes clients see, and the mapping of every lower-layer error to one of
 * them. Anything without a known code is masked as INTERNAL_SERVER_ERROR (logged with the request id).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseUnavailableError } from '../graph/errors.js';
import { ForbiddenError, InvalidArgumentError } from '../services/errors.js';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  // produced by Apollo Server / graphql-js before resolvers run:
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // limits on one request (src/api/limits.ts), answered before any resolver runs:
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_ROOT_FIELDS',
  'QUERY_TOO_COMPLEX',
  'RESPONSE_TOO_LARGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class BadUserInputError extends GraphQLError {
  constructor(argumentName: string, problem: string) {
    super(`${argumentName}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
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
  // Apollo wraps validation errors as GRAPHQL_VALIDATION_FAILED; a limit keeps its own code
  const limit = error instanceof GraphQLError && error.originalError instanceof QueryLimitError ? error.originalError : original;
  if (limit instanceof QueryLimitError) {
    return { message: limit.message, locations: formatted.locations, extensions: { code: limit.code } };
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
