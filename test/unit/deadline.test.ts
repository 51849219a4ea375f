import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientClosedRequestError, RequestTimeoutError } from '../../src/api/errors.js';
import { abandonAfter, retryBudgetMs, DEFAULT_NEO4J_TIMEOUTS } from '../../src/graph/deadlines.js';
import { DatabaseUnavailableError } from '../../src/graph/errors.js';
import { currentRequestSignal, withDeadline } from '../../src/server/deadline.js';
import { ThermoEngine } from '../../src/services/thermo/thermo.engine.js';
import { Neo4jError } from 'neo4j-driver';

// withDeadline around a handler, served over HTTP on 127.0.0.1: a handler that outlives the deadline is
// answered REQUEST_TIMEOUT with 503, its signal aborts, and its late answer is dropped without an error.
let server: http.Server | null = null;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(null));
  server = null;
});

async function serve(ms: number, handler: RequestHandler): Promise<string> {
  const app = express();
  const errors: unknown[] = [];
  app.post('/graphql', withDeadline(ms, handler));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    errors.push(err);
    res.status(500).end();
  });
  server = http.createServer(app);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  lateErrors = errors;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}
let lateErrors: unknown[] = [];

describe('request deadline', () => {
  it('answers REQUEST_TIMEOUT with 503 at the deadline, aborts the signal and drops the late answer', async () => {
    let seen: AbortSignal | undefined;
    let finishedLate!: () => void;
    const late = new Promise<void>((r) => (finishedLate = r));
    const url = await serve(100, async (_req, res) => {
      seen = currentRequestSignal();
      await new Promise((r) => seen!.addEventListener('abort', r));
      await new Promise((r) => setTimeout(r, 50));
      try {
        res.setHeader('content-type', 'application/json'); // what Apollo's handler does when it finally answers
      } finally {
        finishedLate();
      }
    });
    const res = await fetch(url, { method: 'POST' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('REQUEST_TIMEOUT');
    expect(body.errors[0]!.message).toMatch(/REQUEST_TIMEOUT_MS = 100 ms/);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(RequestTimeoutError);
    await late;
    await new Promise((r) => setTimeout(r, 20));
    expect(lateErrors).toEqual([]);
  });

  it('abandons the work of a request whose client went away', async () => {
    let reason: unknown;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const abandoned = new Promise<void>((resolve) => {
      void serve(5000, async () => {
        const signal = currentRequestSignal()!;
        signal.addEventListener('abort', () => {
          reason = signal.reason;
          resolve();
        });
        started();
        await new Promise(() => {}); // never answers by itself
      }).then((url) => {
        const client = new AbortController();
        fetch(url, { method: 'POST', signal: client.signal }).catch(() => {});
        void running.then(() => client.abort());
      });
    });
    await abandoned;
    expect(reason).toBeInstanceOf(ClientClosedRequestError);
  });

  it('leaves a request that ends in time alone', async () => {
    let seen: AbortSignal | undefined;
    const url = await serve(5000, (_req, res) => {
      seen = currentRequestSignal();
      res.json({ data: { ok: true } });
    });
    const res = await fetch(url, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(seen).toBeDefined();
    expect(seen!.aborted).toBe(false);
    expect(currentRequestSignal()).toBeUndefined();
  });
});

describe('graph deadlines', () => {
  it('abandonAfter rejects with the reason and calls onAbandon when the signal aborts first', async () => {
    const controller = new AbortController();
    let abandoned = 0;
    const pending = abandonAfter(new Promise(() => {}), controller.signal, () => abandoned++);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(abandoned).toBe(1);
    await expect(abandonAfter(Promise.resolve(7), new AbortController().signal, () => abandoned++)).resolves.toBe(7);
    expect(abandoned).toBe(1);
  });

  it('retries a lost connection briefly, transient errors longer, timeouts and other errors not at all', () => {
    const t = { ...DEFAULT_NEO4J_TIMEOUTS, unavailableRetryMs: 300, maxTransactionRetryTimeMs: 3000 };
    const error = (code: string) => new Neo4jError('x', code, 'x', 'x');
    expect(retryBudgetMs(error('ServiceUnavailable'), t)).toBe(300);
    expect(retryBudgetMs(new DatabaseUnavailableError('mapped', 'ServiceUnavailable', { cause: error('ServiceUnavailable') }), t)).toBe(300);
    expect(retryBudgetMs(error('Neo.TransientError.Transaction.DeadlockDetected'), t)).toBe(3000);
    expect(retryBudgetMs(error('Neo.TransientError.Transaction.TransactionTimedOut'), t)).toBe(0);
    expect(retryBudgetMs(error('Neo.ClientError.Statement.SyntaxError'), t)).toBe(0);
    expect(retryBudgetMs(new Error('plain'), t)).toBe(0);
  });
});

describe('work shared across requests', () => {
  it('runs outside the async context (and so the deadline) of the request that started it', async () => {
    const engine = new ThermoEngine(10);
    const requestScope = new AsyncLocalStorage<string>();
    const computed = await requestScope.run('request A', () => engine.cached(1, 'Li3PS4', () => requestScope.getStore()));
    const revisionRead = await requestScope.run('request A', () => engine.currentRevision(async () => (requestScope.getStore() ? 1 : 2)));
    expect(computed).toBeUndefined();
    expect(revisionRead).toBe(2);
  });
});
