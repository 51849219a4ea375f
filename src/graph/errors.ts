/**
 * The graph layer's own errors. Driver and server errors are mapped here, in one place, so that no
 * neo4j-driver type travels further up.
 */
import { Neo4jError, isRetryableError } from 'neo4j-driver';

export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    message: string,
    readonly neo4jCode?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Neo4j cannot be reached, refused our credentials, or has no such database. */
export class DatabaseUnavailableError extends GraphError {
  override name = 'DatabaseUnavailableError';
}

/** Neo4j ended a transaction at its timeout (NEO4J_TX_TIMEOUT_MS): the work asked for took too long. */
export class TransactionTimeoutError extends GraphError {
  override name = 'TransactionTimeoutError';
}

/** A write broke a uniqueness or existence constraint. */
export class ConstraintViolationError extends GraphError {
  override name = 'ConstraintViolationError';
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Maps any error thrown by the driver to a GraphError; other errors pass unchanged. */
export function mapNeo4jError(error: unknown, queryName: string): unknown {
  if (error instanceof GraphError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code;
    if (code.includes('TransactionTimedOut')) {
      return new TransactionTimeoutError(`${queryName} was ended by Neo4j at its transaction timeout (${code})`, code, { cause: error });
    }
    // Connection-pool timeouts come without a server code ('N/A'): they too mean the server is out of reach.
    const poolTimeout = code === 'N/A' && /connection acquisition|acquire a connection|connection.*timed out/i.test(error.message);
    if (UNAVAILABLE_CODES.has(code) || poolTimeout || (isRetryableError(error) && code.startsWith('Neo.TransientError'))) {
      return new DatabaseUnavailableError(`Neo4j is unavailable (${code}): ${error.message}`, code, { cause: error });
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConstraintViolationError(`${queryName}: ${error.message}`, code, { cause: error });
    }
    return new GraphError(`${queryName} failed (${code}): ${error.message}`, code, { cause: error });
  }
  return error;
}
