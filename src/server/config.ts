/**
 * Configuration: the only reader of process.env. Read and validated once at start-up; a missing or
 * malformed setting stops the server with a message naming the variable. See the README's table.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, type QueryLimits } from '../api/limits.js';
import type { Neo4jTimeouts } from '../graph/deadlines.js';
import { PROJECT_ROOT } from './paths.js';

export type Neo4jConfig =
  | {
      /** An existing Neo4j 5 server, cluster (neo4j://) or Aura (neo4j+s://). */
      mode: 'external';
      uri: string;
      username: string;
      password: string;
      database: string;
      /** Retry transient failures of a transaction for at most this long (ms). */
      maxTransactionRetryTimeMs: number;
    }
  | {
      /** The bundled Neo4j Community from Maven Central, started and stopped by the API. */
      mode: 'local';
      boltPort: number;
      home: string;
      heap: string;
      pageCache: string;
      database: string;
      maxTransactionRetryTimeMs: number;
    };

/**
 * Which clients may send GraphQL mutations at all (MUTATIONS): nobody, loopback clients without a browser
 * Origin, everyone. In front of the API keys: a mutation that passes still needs a key with the right role.
 */
export type MutationAccess = 'off' | 'loopback' | 'on';

export interface Config {
  port: number;
  host: string;
  production: boolean;
  logLevel: string;
  /** Browser origins allowed to call /graphql (CORS_ORIGINS): [] = same-origin only, '*' = any page. */
  corsOrigins: string[] | '*';
  /** Which clients may send mutations (MUTATIONS, default on: every write still needs an API key with a role). */
  mutations: MutationAccess;
  /** A contributor's additions are held as proposals until a curator accepts them (PROPOSALS_REQUIRED, default false). */
  proposalsRequired: boolean;
  /** Requests per minute one client (IP address) may send to /graphql and /export together (RATE_LIMIT_PER_MINUTE); 0 = no limit. */
  rateLimitPerMinute: number;
  /** Exports (GET /export/…) running at once in this process (EXPORT_MAX_CONCURRENT); one more is refused with 503 EXPORTS_BUSY. */
  exportMaxConcurrent: number;
  /** WebSocket connections for subscriptions at once (WS_MAX_CONNECTIONS); one more is closed with 1013. */
  wsMaxConnections: number;
  /** Subscriptions on one WebSocket connection (SUBSCRIPTIONS_PER_CONNECTION). */
  subscriptionsPerConnection: number;
  neo4j: Neo4jConfig;
  /** Path of OBELiX's all.csv (absolute). */
  obelixCsv: string;
  /** The bulk-import mapping OBELiX is read through (absolute; mappings/obelix.yaml of the project). */
  obelixMapping: string;
  /** Path of the Liverpool Ionics Dataset's LiIonDatabase.csv (absolute; imported by `npm run import:liverpool` only). */
  liverpoolIonicsCsv: string;
  /** Import OBELiX on start when the graph holds none of it. */
  importOnStart: boolean;
  /** The API key a command-line tool acts with (INTERPHASE_API_KEY; `npm run import`), null when unset. */
  cliApiKey: string | null;
  /** The curated seed folder (absolute). */
  seedDir: string;
  /** The review texts the seed cites (absolute; ../shared/seeds by default). */
  seedTextsDir: string;
  /** Load the seed on start when the graph holds none of it. */
  seedOnStart: boolean;
  /** The formation-energy table the thermodynamics works from (absolute; CSV `formula,target` in eV/atom). */
  phaseDataCsv: string;
  /** Import the phase data on start when the graph holds none of it. */
  phaseDataOnStart: boolean;
  /** Largest number of computed thermodynamic results kept in memory. */
  thermoCacheSystems: number;
  /** Bytes (estimated) of computed thermodynamic results kept in memory at most (THERMO_CACHE_MB). */
  thermoCacheBytes: number;
  /** The thermodynamics worker pool: threads, tasks that may wait, deadline of a task (ms). */
  thermoPool: { threads: number; maxQueue: number; taskTimeoutMs: number };
  /** Computations whose chemical system holds at most this many phase entries run on the event loop (THERMO_INLINE_MAX_ENTRIES; 0: none). */
  thermoInlineMaxEntries: number;
  /** How long (ms) a replica trusts the phase-data revision it read before reading it again. */
  thermoRevisionTtlMs: number;
  /** Read the phase entries into memory once the graph is ready, before any request asks (THERMO_PRELOAD). */
  thermoPreload: boolean;
  /** What one request may cost (depth, aliases, root fields, estimated cost, response size), introspection and suggestions. */
  limits: QueryLimits;
  /** Time limits (ms): of one GraphQL request, of /health, and of everything Neo4j is asked. */
  deadlines: Deadlines;
}

export interface Deadlines {
  /** A GraphQL request not answered within this is answered REQUEST_TIMEOUT and its work abandoned. */
  requestMs: number;
  /** /health answers 503 when Neo4j does not answer its ping within this. */
  healthMs: number;
  neo4j: Omit<Neo4jTimeouts, 'maxTransactionRetryTimeMs' | 'healthTimeoutMs'>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`configuration: ${variable} ${problem}`);
  }
}

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const port = (name: string, fallback: number, min = 0): number => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > 65535) throw new ConfigError(name, `must be a port number ${min}–65535, got '${v}'`);
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = get(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw new ConfigError(name, `must be true or false, got '${v}'`);
  };
  const count = (name: string, fallback: number, min: number, max: number): number => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `must be a whole number ${min}–${max}, got '${v}'`);
    return n;
  };
  const memory = (name: string, fallback: string): string => {
    const v = get(name) ?? fallback;
    if (!/^\d+[kmg]$/i.test(v)) throw new ConfigError(name, `must be a size such as 512m or 1g, got '${v}'`);
    return v;
  };
  const database = get('NEO4J_DATABASE') ?? 'neo4j';
  const retryMs = get('NEO4J_MAX_TRANSACTION_RETRY_MS') ?? '3000';
  const maxTransactionRetryTimeMs = Number(retryMs);
  if (!Number.isInteger(maxTransactionRetryTimeMs) || maxTransactionRetryTimeMs < 0 || maxTransactionRetryTimeMs > 600_000) {
    throw new ConfigError('NEO4J_MAX_TRANSACTION_RETRY_MS', `must be a number of milliseconds 0–600000, got '${retryMs}'`);
  }
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    throw new ConfigError('NEO4J_DATABASE', `is not a valid database name: '${database}'`);
  }

  let neo4j: Neo4jConfig;
  const uri = get('NEO4J_URI');
  if (uri !== undefined) {
    const scheme = /^([a-z0-9+]+):\/\/[^/\s]+/.exec(uri)?.[1];
    if (!scheme || !URI_SCHEMES.includes(scheme)) {
      throw new ConfigError('NEO4J_URI', `must be a Neo4j URI (${URI_SCHEMES.join('://, ')}://host:port), got '${uri}'`);
    }
    const password = get('NEO4J_PASSWORD');
    if (password === undefined) throw new ConfigError('NEO4J_PASSWORD', 'is required when NEO4J_URI is set');
    neo4j = { mode: 'external', uri, username: get('NEO4J_USERNAME') ?? 'neo4j', password, database, maxTransactionRetryTimeMs };
  } else {
    neo4j = {
      mode: 'local',
      boltPort: port('NEO4J_LOCAL_BOLT_PORT', 7687, 1),
      home: path.resolve(PROJECT_ROOT, get('NEO4J_LOCAL_HOME') ?? '.neo4j/local'),
      heap: memory('NEO4J_LOCAL_HEAP', '512m'),
      pageCache: memory('NEO4J_LOCAL_PAGECACHE', '256m'),
      database,
      maxTransactionRetryTimeMs,
    };
  }

  const logLevel = get('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
  if (get('PHASE_ENTRIES_WRITABLE') !== undefined) {
    throw new ConfigError('PHASE_ENTRIES_WRITABLE', 'was replaced by MUTATIONS (off, loopback or on); remove it');
  }

  return {
    port: port('PORT', 4000),
    host: get('HOST') ?? '127.0.0.1',
    production: get('NODE_ENV') === 'production',
    logLevel,
    corsOrigins: corsOrigins(get('CORS_ORIGINS')),
    mutations: mutationAccess(get('MUTATIONS')),
    proposalsRequired: bool('PROPOSALS_REQUIRED', false),
    rateLimitPerMinute: count('RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    exportMaxConcurrent: count('EXPORT_MAX_CONCURRENT', 4, 1, 1_000),
    wsMaxConnections: count('WS_MAX_CONNECTIONS', 200, 1, 100_000),
    subscriptionsPerConnection: count('SUBSCRIPTIONS_PER_CONNECTION', 10, 1, 1_000),
    neo4j,
    obelixCsv: path.resolve(PROJECT_ROOT, get('OBELIX_CSV') ?? '../shared/data/obelix/all.csv'),
    obelixMapping: path.join(PROJECT_ROOT, 'mappings', 'obelix.yaml'),
    liverpoolIonicsCsv: path.resolve(PROJECT_ROOT, get('LIVERPOOL_IONICS_CSV') ?? '../shared/data/liverpool/LiIonDatabase.csv'),
    importOnStart: bool('IMPORT_ON_START', true),
    cliApiKey: get('INTERPHASE_API_KEY') ?? null,
    seedDir: path.resolve(PROJECT_ROOT, get('SEED_DIR') ?? 'seed'),
    seedTextsDir: path.resolve(PROJECT_ROOT, get('SEED_TEXTS_DIR') ?? '../shared/seeds'),
    seedOnStart: bool('SEED_ON_START', true),
    phaseDataCsv: path.resolve(PROJECT_ROOT, get('PHASE_DATA_CSV') ?? '../shared/data/thermo/mp_e_form_matbench.csv'),
    phaseDataOnStart: bool('PHASE_DATA_ON_START', true),
    thermoCacheSystems: count('THERMO_CACHE_SYSTEMS', 2000, 1, 1_000_000),
    thermoRevisionTtlMs: count('THERMO_REVISION_TTL_MS', 1000, 0, 3_600_000),
    thermoPreload: bool('THERMO_PRELOAD', true),
    // schema details (introspection, "Did you mean ...?") for development tools only, unless configured on
    limits: {
      maxDepth: count('QUERY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 1000),
      maxAliases: count('QUERY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 100_000),
      maxRootFields: count('QUERY_MAX_ROOT_FIELDS', DEFAULT_LIMITS.maxRootFields, 1, 100_000),
      maxCost: count('QUERY_MAX_COST', DEFAULT_LIMITS.maxCost, 1, 1_000_000_000),
      responseMaxBytes: count('RESPONSE_MAX_BYTES', DEFAULT_LIMITS.responseMaxBytes, 1024, 1_073_741_824),
      introspection: bool('GRAPHQL_INTROSPECTION', get('NODE_ENV') !== 'production'),
      suggestions: bool('GRAPHQL_SUGGESTIONS', get('NODE_ENV') !== 'production'),
    },
    thermoCacheBytes: count('THERMO_CACHE_MB', 256, 1, 1_000_000) * 1024 * 1024,
    thermoPool: {
      // one core is left to the event loop (HTTP, /health, GraphQL), at most 4 threads by default
      threads: count('THERMO_THREADS', Math.max(1, Math.min(availableParallelism() - 1, 4)), 1, 256),
      maxQueue: count('THERMO_MAX_QUEUE', 1000, 0, 1_000_000),
      // below REQUEST_TIMEOUT_MS' default, so that a slow computation is answered THERMO_TIMEOUT on its own field
      taskTimeoutMs: count('THERMO_TASK_TIMEOUT_MS', 8000, 1, 3_600_000),
    },
    thermoInlineMaxEntries: count('THERMO_INLINE_MAX_ENTRIES', 64, 0, 1000),
    deadlines: {
      requestMs: count('REQUEST_TIMEOUT_MS', 10_000, 100, 3_600_000),
      healthMs: count('HEALTH_TIMEOUT_MS', 1000, 50, 60_000),
      neo4j: {
        transactionTimeoutMs: count('NEO4J_TX_TIMEOUT_MS', 10_000, 100, 3_600_000),
        backgroundTransactionTimeoutMs: count('NEO4J_BACKGROUND_TX_TIMEOUT_MS', 600_000, 1000, 86_400_000),
        connectionTimeoutMs: count('NEO4J_CONNECTION_TIMEOUT_MS', 2000, 100, 600_000),
        connectionAcquisitionTimeoutMs: count('NEO4J_ACQUISITION_TIMEOUT_MS', 3000, 100, 600_000),
        unavailableRetryMs: count('NEO4J_UNAVAILABLE_RETRY_MS', 300, 0, 600_000),
      },
    },
  };
}

const MUTATION_ACCESS: readonly MutationAccess[] = ['off', 'loopback', 'on'];

function mutationAccess(value: string | undefined): MutationAccess {
  const v = (value ?? 'on').toLowerCase();
  if (!(MUTATION_ACCESS as readonly string[]).includes(v)) throw new ConfigError('MUTATIONS', `must be one of ${MUTATION_ACCESS.join(', ')}, got '${value}'`);
  return v as MutationAccess;
}

/** CORS_ORIGINS: unset = same-origin only; '*' = any origin; else comma-separated origins such as https://app.example.org. */
function corsOrigins(value: string | undefined): string[] | '*' {
  if (value === undefined) return [];
  if (value === '*') return '*';
  const origins = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) {
      throw new ConfigError('CORS_ORIGINS', `must be '*' or comma-separated origins like https://app.example.org (scheme and host, no path), got '${o.slice(0, 100)}'`);
    }
  }
  return origins;
}
