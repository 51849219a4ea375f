/**
 * Time limits of the graph layer: how long a connection, a transaction and a health ping may take, how
 * long failures are retried, and `abandonAfter`, which stops waiting for a driver call when a signal aborts.
 */
import { Neo4jError, isRetryableError } from 'neo4j-driver';

/** All in milliseconds. */
export interface Neo4jTimeouts {
  /** A TCP/TLS connection to Neo4j must be established within this (driver `connectionTimeout`). */
  readonly connectionTimeoutMs: number;
  /** Getting a connection from the pool, opening one if needed, must succeed within this (driver `connectionAcquisitionTimeout`). */
  readonly connectionAcquisitionTimeoutMs: number;
  /** Server-side timeout of a transaction started while a request is served (driver `TransactionConfig.timeout`). */
  readonly transactionTimeoutMs: number;
  /** Server-side timeout of a transaction started outside any request (imports, start-up). */
  readonly backgroundTransactionTimeoutMs: number;
  /** Transient server errors (deadlocks, leader changes) are retried for at most this long. */
  readonly maxTransactionRetryTimeMs: number;
  /** An unreachable server (connection refused or lost) is retried for at most this long before DatabaseUnavailableError. */
  readonly unavailableRetryMs: number;
  /** The default deadline of `GraphDatabase.ping`. */
  readonly healthTimeoutMs: number;
}

export const DEFAULT_NEO4J_TIMEOUTS: Neo4jTimeouts = {
  connectionTimeoutMs: 2000,
  connectionAcquisitionTimeoutMs: 3000,
  transactionTimeoutMs: 10_000,
  backgroundTransactionTimeoutMs: 600_000,
  maxTransactionRetryTimeMs: 3000,
  unavailableRetryMs: 300,
  healthTimeoutMs: 1000,
};

const CONNECTIVITY_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * How long a failure may be retried: `unavailableRetryMs` for a lost or refused connection,
 * `maxTransactionRetryTimeMs` for other retryable server errors, 0 for the rest (and for timeouts and
 * terminated transactions, which a retry would only repeat). Looks through mapped errors to their cause.
 */
export function retryBudgetMs(error: unknown, timeouts: Neo4jTimeouts): number {
  let e: unknown = error;
  while (e instanceof Error && !(e instanceof Neo4jError) && e.cause !== undefined) e = e.cause;
  if (!(e instanceof Neo4jError) || !isRetryableError(e)) return 0;
  if (CONNECTIVITY_CODES.has(e.code)) return timeouts.unavailableRetryMs;
  if (/TimedOut|Terminated/.test(e.code)) return 0;
  return timeouts.maxTransactionRetryTimeMs;
}

/**
 * Settles like `work`, unless `signal` aborts first: then calls `onAbandon` (e.g. to reset the session)
 * and rejects with the signal's reason. A later rejection of `work` is ignored.
 */
export function abandonAfter<T>(work: Promise<T>, signal: AbortSignal, onAbandon: () => void): Promise<T> {
  work.catch(() => {});
  if (signal.aborted) {
    onAbandon();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbandon();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
