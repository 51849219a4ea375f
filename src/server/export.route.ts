/**
 * GET /export/<list>.<format>: any compiled list of the API as CSV, JSON Lines, BibTeX or CSL-JSON
 * (src/api/export), streamed page by page. Query parameters: `where` and `orderBy` (JSON, as the list's
 * GraphQL arguments), `fields` (a GraphQL selection), `limit`. Each page runs as one GraphQL operation
 * through Apollo (limits, costs, error codes as on /graphql) under its own deadline (REQUEST_TIMEOUT_MS).
 * Errors before the first byte: 400 (BAD_USER_INPUT naming the parameter, or the API's own code), 503
 * (DATABASE_UNAVAILABLE, REQUEST_TIMEOUT); after it, the connection is cut so the download is incomplete.
 */
import type { ExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Request, RequestHandler, Response } from 'express';
import { planExport } from '../api/export/exportPlan.js';
import { ExportRequestError, readExportRequest, splitExportFile } from '../api/export/exportRequest.js';
import { CONTENT_TYPES, ExportQueryError, writeExport } from '../api/export/exportWriter.js';
import type { Logger } from './logger.js';

export interface ExportRouteOptions {
  schema: GraphQLSchema;
  logger: Logger;
  /** Exports running at once in this process; one more is refused with 503 EXPORTS_BUSY. */
  maxConcurrent: number;
  /** A client that reads nothing for this long (its socket buffers full) is disconnected, ms. */
  idleTimeoutMs: number;
  /** One page as a GraphQL operation of this request (its signal aborts when the client leaves). */
  execute: (req: Request, signal: AbortSignal, document: string, variables: Record<string, unknown>) => Promise<ExecutionResult | { data?: unknown; errors?: readonly GraphQLFormattedError[] }>;
}

const UNAVAILABLE = new Set(['DATABASE_UNAVAILABLE', 'REQUEST_TIMEOUT', 'THERMO_BUSY', 'THERMO_TIMEOUT']);

export function exportRoute(opts: ExportRouteOptions): RequestHandler {
  let running = 0;
  return async (req, res) => {
    if (running >= opts.maxConcurrent) {
      res.status(503).set('retry-after', '5').json({ errors: [{ message: `${opts.maxConcurrent} exports are running (EXPORT_MAX_CONCURRENT); retry after the Retry-After seconds.`, extensions: { code: 'EXPORTS_BUSY' } }] });
      return;
    }
    running++;
    const left = new AbortController();
    res.once('close', () => {
      running--;
      if (!res.writableFinished) left.abort(new Error('the client closed the export'));
    });
    try {
      const { list, format } = splitExportFile(String(req.params.file ?? ''));
      const plan = planExport(opts.schema, readExportRequest(list, format, req.query as Record<string, unknown>));
      const begin = () => {
        res.status(200).type(CONTENT_TYPES[format]).setHeader('content-disposition', `inline; filename="${list}.${format}"`);
      };
      // a client that stops reading is disconnected after idleTimeoutMs, and the export stops
      await writeExport(plan, (document, variables) => opts.execute(req, left.signal, document, variables), res, begin, opts.idleTimeoutMs);
      res.end();
    } catch (e) {
      fail(res, e, opts.logger);
    }
  };
}

function fail(res: Response, e: unknown, logger: Logger): void {
  if (res.headersSent) {
    logger.warn({ err: e }, 'export cut short');
    res.destroy(e instanceof Error ? e : undefined);
    return;
  }
  if (e instanceof ExportRequestError) {
    res.status(400).json({ errors: [{ message: e.message, extensions: { code: 'BAD_USER_INPUT', argument: e.parameter } }] });
  } else if (e instanceof ExportQueryError) {
    res.status(UNAVAILABLE.has(e.code) ? 503 : e.code === 'INTERNAL_SERVER_ERROR' ? 500 : 400).json({ errors: e.errors });
  } else {
    logger.error({ err: e }, 'export failed');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
}
