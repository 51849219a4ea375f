import type { Logger } from 'pino';
import type { Services } from '../services/index.js';

/** Per-request context: fresh services (and DataLoaders), a request id for logs, a child logger. */
export interface Context {
  services: Services;
  requestId: string;
  logger: Logger;
  /** Aborts when the request passes its deadline (REQUEST_TIMEOUT_MS) or the client goes away: pass it to long work. */
  signal: AbortSignal;
}
