/**
 * GraphQL subscriptions over WebSocket (graphql-ws, protocol graphql-transport-ws) on the HTTP server's
 * /graphql path. Only subscriptions are served there (queries and mutations go through Apollo over HTTP,
 * with their limits and deadlines); each subscription is validated with the same depth, alias and
 * root-field limits. Bounded: WS_MAX_CONNECTIONS sockets, SUBSCRIPTIONS_PER_CONNECTION operations on one
 * socket, 64 KiB per message; a subscriber that falls MAX_QUEUED_EVENTS behind is ended.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ClientInfo, Context } from '../api/context.js';
import { limitValidationRules, type QueryLimits } from '../api/limits.js';

/** Largest message a client may send (bytes). */
const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface SubscriptionOptions {
  schema: GraphQLSchema;
  limits: QueryLimits;
  maxConnections: number;
  perConnection: number;
  /** The context of one subscription (its signal ends it when the socket closes). */
  contextOf: (requestId: string, client: ClientInfo, signal: AbortSignal) => Context;
  clientOf: (req: http.IncomingMessage) => ClientInfo;
}

function refusal(message: string, code: string): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })];
}

/** The document of a subscription message, or the errors that refuse it. */
function readSubscription(schema: GraphQLSchema, limits: QueryLimits, query: string, operationName: string | null | undefined): DocumentNode | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 2000 });
  } catch (e) {
    return refusal((e as Error).message, 'GRAPHQL_PARSE_FAILED');
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) return refusal('the document has no operation of that name (or several operations and no operationName)', 'BAD_REQUEST');
  if (operation.operation !== 'subscription') {
    return refusal(`${operation.operation} operations are served over HTTP (POST /graphql); only subscriptions are served over WebSocket`, 'BAD_REQUEST');
  }
  const errors = validate(schema, document, [...specifiedRules, ...limitValidationRules(limits)]);
  return errors.length > 0 ? [...errors] : document;
}

/** Starts serving subscriptions on `httpServer`; the returned function stops it (closing every socket). */
export function serveSubscriptions(httpServer: http.Server, opts: SubscriptionOptions): () => Promise<void> {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_PAYLOAD_BYTES });
  const aborts = new WeakMap<object, AbortController>();
  const counts = new WeakMap<object, number>();
  wss.on('connection', (socket) => {
    // 1013: try again later (RFC 6455 registry)
    if (wss.clients.size > opts.maxConnections) socket.close(1013, 'too many WebSocket connections (WS_MAX_CONNECTIONS)');
  });
  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      schema: opts.schema,
      onConnect: (ctx) => {
        aborts.set(ctx.extra.socket, new AbortController());
        return true;
      },
      onDisconnect: (ctx) => aborts.get(ctx.extra.socket)?.abort(),
      onClose: (ctx) => aborts.get(ctx.extra.socket)?.abort(),
      onSubscribe: (ctx, _id, payload) => {
        const open = counts.get(ctx.extra.socket) ?? 0;
        if (open >= opts.perConnection) return refusal(`at most ${opts.perConnection} subscriptions on one connection (SUBSCRIPTIONS_PER_CONNECTION)`, 'BAD_REQUEST');
        const document = readSubscription(opts.schema, opts.limits, payload.query, payload.operationName);
        if (Array.isArray(document)) return document;
        counts.set(ctx.extra.socket, open + 1);
        const signal = aborts.get(ctx.extra.socket)?.signal ?? new AbortController().signal;
        return {
          schema: opts.schema,
          document: document as DocumentNode,
          operationName: payload.operationName,
          variableValues: payload.variables ?? undefined,
          contextValue: opts.contextOf(`ws-${randomUUID()}`, opts.clientOf(ctx.extra.request), signal),
        };
      },
      onComplete: (ctx) => {
        counts.set(ctx.extra.socket, Math.max(0, (counts.get(ctx.extra.socket) ?? 1) - 1));
      },
    },
    wss,
  );
  return async () => {
    await cleanup.dispose();
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

