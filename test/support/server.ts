import { pino } from 'pino';
import { expect } from 'vitest';
/** Starts the real server in-process on a free port (HTTP on 127.0.0.1) for end-to-end tests. */
import { startInterphase, type RunningServer } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger, type Logger } from '../../src/server/logger.js';
import { testNeo4j } from './neo4j.js';

export interface TestServer extends RunningServer {
  base: string;
  /** POSTs one operation to /graphql; with `key`, as `Authorization: Bearer <key>` (test/support/keys.ts). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string): Promise<GraphQLResponse<T>>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/**
 * `env` overrides the configuration (by default: the test Neo4j, port 0, silent logs, no rate limit,
 * mutations off as in the shipped defaults); `logger` replaces
 * the configured one (e.g. to capture log lines).
 */
export async function startTestServer(env: Record<string, string> = {}, logger?: Logger): Promise<TestServer> {
  const n = testNeo4j();
  const config = loadConfig({
    NEO4J_URI: n.uri,
    NEO4J_USERNAME: n.username,
    NEO4J_PASSWORD: n.password,
    NEO4J_DATABASE: n.database,
    PORT: '0',
    LOG_LEVEL: 'silent',
    OBELIX_CSV: n.obelixCsv,
    // the suite sends many requests from one address; test/e2e/safety.test.ts sets a limit to test it
    RATE_LIMIT_PER_MINUTE: '0',
    // a busy CI machine must not turn a slow answer into REQUEST_TIMEOUT; deadline tests set their own
    REQUEST_TIMEOUT_MS: '120000',
    NEO4J_TX_TIMEOUT_MS: '120000',
    THERMO_TASK_TIMEOUT_MS: '110000',
    // nor a slow ping of a busy Neo4j into /health 503 (tests of an unreachable Neo4j are refused at once)
    HEALTH_TIMEOUT_MS: '30000',
    // most tests count the queries of their own requests; test/e2e/thermoPool.test.ts turns the preload on
    THERMO_PRELOAD: 'false',
    ...env,
  });
  const server = await startInterphase(config, logger ?? createLogger(config.logLevel, false));
  const base = `http://127.0.0.1:${server.port}`;
  return {
    ...server,
    base,
    async gql(query, variables, key) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
  };
}

/** A pino logger that keeps every line it writes, for assertions on log output. */
export function capturingLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

/** Asserts one BAD_USER_INPUT error naming `argumentName`, its message starting with the name and matching `message`. */
export function expectBadUserInput(res: GraphQLResponse<unknown>, argumentName: string, message: RegExp): void {
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0]!;
  expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName });
  expect(e.message).toMatch(message);
  expect(e.message.startsWith(`${argumentName}: `)).toBe(true);
}

/** The queries `server` sends to Neo4j while `work` runs, by name (for one-statement and N+1 checks). */
export async function queriesOf(server: Pick<TestServer, 'db'>, work: () => Promise<unknown>): Promise<string[]> {
  const names: string[] = [];
  const stop = server.db.observe((name) => names.push(name));
  try {
    await work();
  } finally {
    stop();
  }
  return names;
}
