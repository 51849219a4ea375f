import type { Logger } from 'pino';
import type { Principal } from '../domain/curation/roles.js';
import type { Services } from '../services/index.js';

/** Who sent a request: the peer's IP address and the browser's Origin header (null when none was sent). */
export interface ClientInfo {
  address: string;
  origin: string | null;
  /** The API key the request presents (`Authorization: Bearer <key>` or `X-API-Key`), null when none. */
  apiKey: string | null;
}

/** Per-request context: fresh services (and DataLoaders), a request id for logs, a child logger, the client. */
export interface Context {
  services: Services;
  requestId: string;
  logger: Logger;
  client: ClientInfo;
  /** Aborts when the request passes its deadline (REQUEST_TIMEOUT_MS) or the client goes away: pass it to long work. */
  signal: AbortSignal;
  /**
   * The holder of the request's API key, verified once per request: null when the request presents none.
   * @throws GraphQLError UNAUTHENTICATED when the key is unknown, malformed or revoked
   */
  authenticate: () => Promise<Principal | null>;
}
