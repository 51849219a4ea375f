/**
 * The HTTP application: Express 5 with Apollo Server 5 at /graphql and GET /health.
 * Stateless: everything per request lives in the context; only the driver (inside the stores) is shared,
 * so several replicas can serve behind a load balancer.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '../domain/curation/roles.js';
import { UnauthenticatedError } from '../api/auth.js';
import type { ClientInfo, Context } from '../api/context.js';
import { exportableLists } from '../api/export/exportPlan.js';
import { EXPORT_FORMATS } from '../api/export/exportRequest.js';
import type { ExecuteExport } from '../api/export/exportWriter.js';
import { formatError } from '../api/errors.js';
import { requestErrorsPlugin } from '../api/requestErrors.plugin.js';
import { limitValidationRules, limitsPlugin, type QueryLimits } from '../api/limits.js';
import { buildInterphaseSchema } from '../api/schema.js';
import type { GraphDatabase } from '../graph/database.js';
import { DatabaseUnavailableError } from '../graph/errors.js';
import { serveSubscriptions } from './subscriptions.js';
import { ApiKeysService } from '../services/curation/apiKeys.service.js';
import { ChangeEvents } from '../services/curation/changeEvents.js';
import { createStores } from '../graph/loaders.js';
import { createServices } from '../services/index.js';
import { ThermoEngine } from '../services/thermo/thermo.engine.js';
import type { MutationAccess } from './config.js';
import { ThermoPool, type ThermoPoolOptions } from '../services/thermo/thermo.pool.js';
import { currentRequestSignal, withDeadline, withinDeadline } from './deadline.js';
import { dashboardRoute } from './dashboard.route.js';
import { exportRoute } from './export.route.js';
import { unavailableStatusPlugin } from './errorStatus.js';
import type { Logger } from './logger.js';
import { clientOf, corsPolicy, mutationGate, rateLimitPolicy } from './safety.js';

export interface AppOptions {
  db: GraphDatabase;
  logger: Logger;
  production: boolean;
  corsOrigins: string[] | '*';
  version: string;
  /** Computed results the thermodynamics keeps in memory (THERMO_CACHE_SYSTEMS), and their bytes at most (THERMO_CACHE_MB). */
  thermoCacheSystems: number;
  thermoCacheBytes: number;
  /** The worker pool the thermodynamics runs in (THERMO_THREADS, THERMO_MAX_QUEUE, THERMO_TASK_TIMEOUT_MS); stopped with Apollo. */
  thermoPool: ThermoPoolOptions;
  /** Computations small enough to run on the event loop (THERMO_INLINE_MAX_ENTRIES, see ThermoEngine). */
  thermoInlineMaxEntries: number;
  /** How long the phase-data revision read from the graph is trusted (THERMO_REVISION_TTL_MS). */
  thermoRevisionTtlMs: number;
  /** What one request may cost, introspection and suggestions (QUERY_MAX_*, RESPONSE_MAX_BYTES, GRAPHQL_*). */
  limits: QueryLimits;
  /** Who may run mutations (MUTATIONS). */
  mutations: MutationAccess;
  /** A contributor's additions wait for a curator (PROPOSALS_REQUIRED). */
  proposalsRequired?: boolean;
  /** Requests per minute per client on /graphql (RATE_LIMIT_PER_MINUTE); 0 = no limit. */
  rateLimitPerMinute: number;
  /** Deadline of one GraphQL request in ms (REQUEST_TIMEOUT_MS); also of each page of an export. */
  requestTimeoutMs: number;
  /** Exports running at once (EXPORT_MAX_CONCURRENT). */
  exportMaxConcurrent: number;
  /** WebSocket connections for subscriptions (WS_MAX_CONNECTIONS) and subscriptions on one (SUBSCRIPTIONS_PER_CONNECTION). */
  wsMaxConnections: number;
  subscriptionsPerConnection: number;
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /**
   * Stops Apollo (which drains the HTTP server: requests in flight are answered), then the thermodynamics
   * worker pool, so that no computation of an answered request is cut short.
   */
  stop(): Promise<void>;
  /** Reads the phase entries of the current revision into memory (as the first thermodynamic request would). */
  preloadPhaseEntries(): Promise<{ revision: number; entries: number }>;
  /** Reads the graph's relationship degrees, which the compiled lists' cost estimates use (once the data is loaded). */
  readRelationDegrees(): Promise<Readonly<Record<string, number>>>;
  /** The schema served at /graphql. */
  schema: GraphQLSchema;
  /** Runs a GraphQL operation in this process as /graphql would (limits, error codes), for the command line. */
  execute: ExecuteExport;
}

/** How long an idle keep-alive connection stays open on the server's side (ms). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function requestError(message: string) {
  return { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] };
}

export async function createApp(opts: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // An idle keep-alive connection is closed by the client, never by the server first: a server that closes at
  // Node's default 5 s races a client reusing the socket at that moment (ECONNRESET on a busy machine). Clients'
  // idle timeouts are shorter (undici, Node's fetch: 4 s; load balancers: 60 s), so the server waits longer;
  // headersTimeout must exceed keepAliveTimeout (Node http docs, server.keepAliveTimeout).
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  opts.db.useRequestSignals(currentRequestSignal);
  const stores = createStores(opts.db);
  const events = new ChangeEvents();
  const apiKeys = new ApiKeysService(stores.apiKeys);
  const schema = await buildInterphaseSchema();
  // started after everything that may fail before Apollo starts, and stopped if Apollo does not start
  const thermo = new ThermoEngine(opts.thermoCacheSystems, opts.thermoRevisionTtlMs, {
    maxBytes: opts.thermoCacheBytes,
    inlineMaxEntries: opts.thermoInlineMaxEntries,
    pool: new ThermoPool({ ...opts.thermoPool, onWorkerError: (err) => opts.logger.error({ err }, 'thermodynamics worker failed') }),
  });

  const stopSubscriptions = serveSubscriptions(httpServer, {
    schema,
    limits: opts.limits,
    maxConnections: opts.wsMaxConnections,
    perConnection: opts.subscriptionsPerConnection,
    contextOf: (requestId, client, signal) => contextOf(requestId, client, signal),
    clientOf,
  });
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: opts.limits.introspection,
    hideSchemaDetailsFromClientErrors: !opts.limits.suggestions,
    validationRules: limitValidationRules(opts.limits),
    includeStacktraceInErrorResponses: false,
    // main.ts handles SIGINT/SIGTERM and stops Apollo, the driver and the local Neo4j in order
    stopOnTerminationSignals: false,
    // masked errors are logged with the request id by requestErrorsPlugin (formatError sees no request)
    formatError: (formatted, error) => formatError(formatted, error),
    plugins: [
      requestErrorsPlugin(),
      // no cache hints are set: without this, Apollo's cache-control plugin wraps every resolved field
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // the WebSocket server closes its sockets when Apollo stops
      { serverWillStart: async () => ({ drainServer: () => stopSubscriptions() }) },
      limitsPlugin(opts.limits),
      mutationGate(opts.mutations),
      unavailableStatusPlugin(),
      opts.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
  });
  try {
    await apollo.start();
  } catch (e) {
    await thermo.close();
    throw e;
  }

  const contextOf = (requestId: string, client: ClientInfo, signal: AbortSignal = currentRequestSignal() ?? new AbortController().signal): Context => {
    return {
      services: createServices(stores, thermo, { maxCost: opts.limits.maxCost }, events, { proposalsRequired: opts.proposalsRequired ?? false }),
      requestId,
      logger: opts.logger.child({ requestId }),
      client,
      signal,
      authenticate: authenticator(apiKeys, client.apiKey),
    };
  };
  const execute = async (requestId: string, client: ClientInfo, query: string, variables: Record<string, unknown>) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: contextOf(requestId, client) });
    if (response.body.kind !== 'single') throw new Error('an export page answered incrementally');
    return response.body.singleResult;
  };

  // every response carries the request id, /health, 404, 413 and 429 included
  app.use(assignRequestId);

  app.get('/health', async (_req, res) => {
    try {
      const { latencyMs, serverAgent } = await opts.db.ping();
      res.status(200).json({
        status: 'ok',
        version: opts.version,
        neo4j: { reachable: true, database: opts.db.database, serverAgent, latencyMs },
        thermo: { phaseEntries: thermo.phaseTableInfo() },
        subscriptions: { open: events.subscribers },
      });
    } catch (e) {
      const reason = e instanceof DatabaseUnavailableError ? e.message : 'health check failed';
      if (!(e instanceof DatabaseUnavailableError)) opts.logger.error({ err: e }, 'health check failed');
      res.status(503).json({ status: 'degraded', version: opts.version, neo4j: { reachable: false, database: opts.db.database, error: reason } });
    }
  });

  app.get('/', (_req, res) => res.redirect('/graphql'));

  // one rate budget per client for /graphql and /export together
  const rateLimit = rateLimitPolicy(opts.rateLimitPerMinute);
  app.use(
    '/graphql',
    // CORS first: preflights are answered without using the rate budget, and a 429 carries the CORS headers
    corsPolicy(opts.corsOrigins),
    rateLimit,
    express.json({ limit: '1mb' }),
    withDeadline(
      opts.requestTimeoutMs,
      expressMiddleware(apollo, {
        context: async ({ req }) => contextOf(requestIdOf(req), clientOf(req)),
      }),
    ),
  );

  // exports: one GraphQL operation per page, each under the request deadline; CORS and the rate limit as /graphql
  app.get('/export', corsPolicy(opts.corsOrigins), (_req, res) => {
    res.json({ lists: exportableLists(schema), formats: EXPORT_FORMATS, example: '/export/measurements.csv?where={"material":{"name":"LLZO"}}' });
  });
  app.get(
    '/export/:file',
    corsPolicy(opts.corsOrigins),
    rateLimit,
    exportRoute({
      schema,
      logger: opts.logger,
      maxConcurrent: opts.exportMaxConcurrent,
      idleTimeoutMs: opts.requestTimeoutMs + 5_000,
      execute: (req, signal, document, variables) => withinDeadline(opts.requestTimeoutMs, signal, () => execute(requestIdOf(req), clientOf(req), document, variables)),
    }),
  );

  // the dashboard: static assets reading the API above (dashboard/README.md)
  app.use('/dashboard', ...dashboardRoute());

  app.use((_req, res) => res.status(404).json({ error: 'not found; the API is at /graphql' }));

  // Errors raised before Apollo (unreadable or oversized JSON bodies) answer in GraphQL's error shape,
  // never with Express's HTML page and stack trace.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.parse.failed') return res.status(400).json(requestError('The request body is not valid JSON.'));
    if (e.type === 'entity.too.large') return res.status(413).json(requestError('The request body is larger than 1 MB.'));
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return res.status(e.status).json(requestError('Bad request.'));
    opts.logger.error({ err }, 'HTTP request failed');
    return res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  return {
    httpServer,
    apollo,
    stop: async () => {
      await apollo.stop();
      await thermo.close();
    },
    preloadPhaseEntries: () => createServices(stores, thermo).thermo.preloadPhaseEntries(),
    readRelationDegrees: () => stores.lists.refreshDegrees(),
    schema,
    execute: (document, variables) => execute(`cli-${randomUUID()}`, { address: 'command line', origin: null, apiKey: null }, document, variables),
  };
}

/**
 * The request's `authenticate`: verifies `apiKey` at its first call only (one key read, and Argon2 unless
 * this process verified the key within the last minute), then answers every later call from that promise.
 * No key: null. A malformed, unknown, revoked or wrong key: UNAUTHENTICATED (HTTP 401).
 */
function authenticator(apiKeys: ApiKeysService, apiKey: string | null): Context['authenticate'] {
  let principal: Promise<Principal | null> | undefined;
  return () =>
    (principal ??= (async () => {
      if (apiKey === null) return null;
      const found = await apiKeys.verify(apiKey);
      if (!found) throw new UnauthenticatedError('The API key is not valid: it is malformed, unknown or revoked (a key reads ipk_<id>_<secret>; ask an administrator for a new one)');
      return found;
    })());
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

/** The request id: the client's own `x-request-id` when it is 1–128 word characters, dots or dashes, else a new UUID. */
function assignRequestId(req: express.Request, res: express.Response, next: express.NextFunction): void {
  const header = req.header('x-request-id');
  const id = header && REQUEST_ID.test(header) ? header : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  next();
}

function requestIdOf(req: express.Request): string {
  return (req.res?.locals.requestId as string | undefined) ?? randomUUID();
}
