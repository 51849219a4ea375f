/**
 * The one check every write runs first: the request's API key must be valid (else UNAUTHENTICATED, HTTP
 * 401) and its role must allow the write (else FORBIDDEN, HTTP 403). Nothing is written before it passes.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { roleAllows, type Principal, type Role } from '../domain/curation/roles.js';
import type { Context } from './context.js';

/** HTTP 401 with `WWW-Authenticate: Bearer` (RFC 9110 §15.5.2: a 401 names the scheme to use; RFC 6750 for Bearer). */
export class UnauthenticatedError extends GraphQLError {
  constructor(problem: string) {
    super(problem, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="interphase"']]) } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(problem: string) {
    super(problem, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
}

/**
 * The principal of the request when its role includes `needed`.
 * @throws UnauthenticatedError without a key, or with a key that is not valid
 * @throws ForbiddenError when the key's role does not include `needed`
 */
export async function requireRole(ctx: Context, needed: Role, operation: string): Promise<Principal> {
  const principal = await ctx.authenticate();
  if (!principal) throw new UnauthenticatedError(`${operation} needs an API key: send it as "Authorization: Bearer <key>" (keys are created with npm run keys -- create)`);
  if (!roleAllows(principal.role, needed)) {
    throw new ForbiddenError(`${operation} needs the ${needed} role; the key ${principal.keyId} (${principal.name}) has the ${principal.role} role`);
  }
  return principal;
}
