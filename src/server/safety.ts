/**
 * What every request passes before any resolver runs, each enforced once: which clients may send
 * mutations at all (MUTATIONS: an operator's switch in front of the API keys, e.g. `off` for a read-only
 * replica; a mutation it lets through still needs a valid key whose role allows it, src/api/auth.ts),
 * which browser origins may call the API (CORS_ORIGINS), and how many requests one client may send
 * (RATE_LIMIT_PER_MINUTE). The request's API key is read here (apiKeyOf) and verified by the first write
 * that asks for it (Context.authenticate, src/server/app.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import type express from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { GraphQLError } from 'graphql';
import type { ClientInfo, Context } from '../api/context.js';
import type { MutationAccess } from './config.js';

/** The client of an HTTP request: the TCP peer's address (never a forwarded header) and its Origin header. */
export function clientOf(req: IncomingMessage): ClientInfo {
  return { address: req.socket.remoteAddress ?? '', origin: headerOf(req, 'origin'), apiKey: apiKeyOf(req) };
}

/** One header's value (the first when repeated), null when absent. Works on Express requests and WebSocket upgrades alike. */
function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The API key of a request: `Authorization: Bearer <key>`, else `X-API-Key: <key>`; null when neither. */
export function apiKeyOf(req: IncomingMessage): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headerOf(req, 'authorization') ?? '');
  if (bearer) return bearer[1]!;
  const header = headerOf(req, 'x-api-key')?.trim();
  return header ? header : null;
}

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x addresses. */
export function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}

/** Why `client` may not run a mutation under `access`, or null when it may. */
export function mutationRefusal(access: MutationAccess, client: ClientInfo): string | null {
  if (access === 'on') return null;
  if (access === 'off') return 'Mutations are switched off on this server (MUTATIONS=off, a read-only deployment); an operator can set MUTATIONS=loopback or MUTATIONS=on.';
  if (!isLoopback(client.address)) return 'Mutations are allowed only from the loopback interface on this server (MUTATIONS=loopback).';
  if (client.origin !== null) return 'Mutations are not allowed from a web page (the request has an Origin header) on this server (MUTATIONS=loopback).';
  return null;
}

/**
 * Apollo plugin refusing every mutation `access` does not allow, after parsing and validation and before
 * any resolver (so before the API key is looked at): FORBIDDEN (HTTP 403) with a message naming MUTATIONS.
 * Nothing is written.
 */
export function mutationGate(access: MutationAccess): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const refusal = mutationRefusal(access, contextValue.client);
          if (refusal) throw new GraphQLError(refusal, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
        },
      };
    },
  };
}

/**
 * CORS for /graphql: no header at all for `[]` (same-origin only), any origin for '*', else only the
 * listed origins get Access-Control-Allow-Origin (a preflight from any other origin is not approved).
 */
export function corsPolicy(origins: string[] | '*'): express.RequestHandler {
  if (origins === '*') return cors({ origin: '*' });
  if (origins.length === 0) return (_req, _res, next) => next();
  return cors({ origin: origins });
}

/** The GraphQL-shaped body of a refused request. */
export function requestErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * At most `perMinute` requests per client IP address (IPv6 by /56) per minute; beyond, HTTP 429 with a
 * RATE_LIMITED error and a Retry-After header. `perMinute` 0 switches the limit off.
 */
export function rateLimitPolicy(perMinute: number): express.RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.socket.remoteAddress ?? ''),
    handler: (_req, res) => {
      res.status(429).json(requestErrorBody(`Too many requests: at most ${perMinute} per minute per client (RATE_LIMIT_PER_MINUTE); retry after the Retry-After seconds.`, 'RATE_LIMITED'));
    },
  });
}
