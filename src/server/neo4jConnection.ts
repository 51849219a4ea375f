/**
 * Opens the configured Neo4j: the one NEO4J_URI names, or else the bundled local server (started, or
 * reused if it already runs).
 */
import { GraphDatabase } from '../graph/database.js';
import type { Config } from './config.js';
import { startLocalNeo4j, type LocalNeo4j } from './localNeo4j.js';
import type { Logger } from './logger.js';

export interface Neo4jConnection {
  db: GraphDatabase;
  uri: string;
  /** The bundled server, when it is the one in use. */
  local: LocalNeo4j | null;
}

export async function connectNeo4j(config: Config, logger: Logger, signal?: AbortSignal): Promise<Neo4jConnection> {
  const n = config.neo4j;
  if (n.mode === 'external') {
    return { db: GraphDatabase.connect({ ...n, ...timeouts(config) }), uri: n.uri, local: null };
  }
  const local = await startLocalNeo4j({
    home: n.home,
    boltPort: n.boltPort,
    heap: n.heap,
    pageCache: n.pageCache,
    database: n.database,
    signal,
    log: (m) => logger.info(m),
  });
  const db = GraphDatabase.connect({
    uri: local.uri,
    username: local.username,
    password: local.password,
    database: n.database,
    maxTransactionRetryTimeMs: n.maxTransactionRetryTimeMs,
    ...timeouts(config),
  });
  return { db, uri: local.uri, local };
}

function timeouts(config: Config) {
  return { ...config.deadlines.neo4j, healthTimeoutMs: config.deadlines.healthMs };
}
