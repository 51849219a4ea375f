/**
 * Per-request deadline (REQUEST_TIMEOUT_MS). `withDeadline` wraps the GraphQL handler: a request still
 * running at its deadline is answered at once with HTTP 503 and
 * `{"errors":[{"message":"…","extensions":{"code":"REQUEST_TIMEOUT"}}]}`, and its work is abandoned: the
 * request's AbortSignal (in the GraphQL context as `signal`, and returned by `currentRequestSignal`
 * anywhere below the handler) aborts with a RequestTimeoutError, which resets its open Neo4j transactions.
 * The signal also aborts when the client goes away before the answer.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ClientClosedRequestError, RequestTimeoutError } from '../api/errors.js';

const scope = new AsyncLocalStorage<AbortSignal>();

/** The AbortSignal of the request being served in this async context, or undefined outside a request. */
export function currentRequestSignal(): AbortSignal | undefined {
  return scope.getStore();
}

/** Runs `handler` with a deadline of `ms` milliseconds (see the module comment). */
export function withDeadline(ms: number, handler: RequestHandler): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      const error = new RequestTimeoutError(`REQUEST_TIMEOUT_MS = ${ms} ms`);
      controller.abort(error);
      if (!res.headersSent) res.status(503).set('retry-after', '1').json({ errors: [{ message: error.message, extensions: { code: 'REQUEST_TIMEOUT' } }] });
    }, ms);
    res.once('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished && !controller.signal.aborted) controller.abort(new ClientClosedRequestError());
    });
    try {
      await scope.run(controller.signal, () => handler(req, res, next));
    } catch (e) {
      // the late answer of an abandoned request cannot be sent any more (headers already sent): dropped
      if (!timedOut) throw e;
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Runs `fn` in a deadline scope of its own, as one GraphQL request: its signal aborts with
 * REQUEST_TIMEOUT after `ms` milliseconds, or with `parent`'s reason when `parent` aborts (one page of
 * an export: the export as a whole may take longer than one request, each page may not).
 */
export async function withinDeadline<T>(ms: number, parent: AbortSignal, fn: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new RequestTimeoutError(`REQUEST_TIMEOUT_MS = ${ms} ms`)), ms);
  const onAbort = () => controller.abort(parent.reason);
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  try {
    return await scope.run(controller.signal, fn);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onAbort);
  }
}
