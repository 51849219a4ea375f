/**
 * The only place that opens sessions and transactions. Every query is a named constant (`cypher()`);
 * the name travels as transaction metadata, so Neo4j's query log shows which query of which app asked.
 * Reads run in read transactions or, for a single statement, auto-commit reads (routed to followers/read replicas on a cluster or Aura), writes in
 * write transactions; both always name the database and carry a timeout (`deadlines.ts`), and retryable
 * failures are retried here with short back-offs. Driver errors are mapped by `mapNeo4jError`; records
 * are turned into plain objects (`toPlain`) before they leave.
 *
 * All sessions of one process share a bookmark manager (causal consistency): on a cluster a read is served
 * by a member that has caught up with every transaction this process has seen, so a replica reads its
 * own writes, and a read that follows another (the phase-data revision, then the entries of that
 * revision) never sees older data than the first.
 */
import neo4j, { type BookmarkManager, type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { abandonAfter, DEFAULT_NEO4J_TIMEOUTS, retryBudgetMs, type Neo4jTimeouts } from './deadlines.js';
import { DatabaseUnavailableError, mapNeo4jError } from './errors.js';
import { toPlain } from './mapping.js';

/** A Cypher query with its name; the text begins with a comment naming it. */
export interface NamedQuery {
  readonly name: string;
  readonly text: string;
}

/** Declares a named query. Values always travel as parameters, never spliced into `text`. */
export function cypher(name: string, text: string): NamedQuery {
  return { name, text: `// ${name}\n${text.trim()}` };
}

export interface ConnectionSettings extends Partial<Neo4jTimeouts> {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string;
}

export type Row = Record<string, unknown>;

/** A transaction handed to a unit of work: run named queries, get plain rows. */
export interface GraphTransaction {
  run(query: NamedQuery, params?: Record<string, unknown>): Promise<Row[]>;
}

/** Called after every query with its name and duration (for debug logs, metrics and N+1 tests). */
export type QueryObserver = (queryName: string, durationMs: number) => void;

/** The AbortSignal of the request being served, if any (see `useRequestSignals`). */
export type SignalSource = () => AbortSignal | undefined;

export class GraphDatabase {
  private observers: QueryObserver[] = [];
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  private requestSignal: SignalSource = () => undefined;

  private constructor(
    private readonly driver: Driver,
    readonly database: string,
    readonly appName: string,
    readonly timeouts: Neo4jTimeouts,
  ) {}

  /**
   * Ties transactions to the request that started them: `source` returns the current request's signal
   * (from the HTTP layer's request scope). Work started while a request is served has the timeout
   * `transactionTimeoutMs` and is abandoned (its session reset, rolling back) when that signal aborts,
   * rejecting with the signal's reason; work outside any request (imports, start-up) has `backgroundTransactionTimeoutMs`.
   */
  useRequestSignals(source: SignalSource): void {
    this.requestSignal = source;
  }

  /** Registers an observer of executed queries; returns a function that removes it. */
  observe(observer: QueryObserver): () => void {
    this.observers.push(observer);
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
    };
  }

  /**
   * Opens a driver (no connection is made yet). Timeouts not given take `DEFAULT_NEO4J_TIMEOUTS`. The
   * driver's own retries are off: `execute` retries with short back-offs within `retryBudgetMs`, so an
   * unreachable server is reported in well under a second instead of after the driver's 1 s, 2 s, 4 s waits.
   */
  static connect(settings: ConnectionSettings, appName = 'interphase'): GraphDatabase {
    const timeouts: Neo4jTimeouts = { ...DEFAULT_NEO4J_TIMEOUTS, ...definedOnly(settings) };
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
      disableLosslessIntegers: true,
      connectionTimeout: timeouts.connectionTimeoutMs,
      connectionAcquisitionTimeout: timeouts.connectionAcquisitionTimeoutMs,
      maxTransactionRetryTime: 0,
      userAgent: `${appName}/0.1`,
    });
    return new GraphDatabase(driver, settings.database, appName, timeouts);
  }

  /**
   * Runs one named read query as an auto-commit read (same routing, timeout, metadata, bookmarks and
   * retries as a read transaction): one message and one round trip to Neo4j, where an explicit
   * transaction sends three (begin, run, commit) and waits for two.
   */
  async read(query: NamedQuery, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.execute('READ', query.name, (tx) => tx.run(query, params), true);
  }

  /** Runs one named write query in a write transaction. */
  async write(query: NamedQuery, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.writeTransaction(query.name, (tx) => tx.run(query, params));
  }

  /** Runs a unit of work of several reads in one read transaction. */
  async readTransaction<T>(name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.execute('READ', name, work, false);
  }

  /** Runs a unit of work of several writes in one write transaction: all of it commits, or nothing. */
  async writeTransaction<T>(name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.execute('WRITE', name, work, false);
  }

  /** Runs a schema statement (constraint, index) in its own auto-commit transaction. */
  async runSchemaStatement(query: NamedQuery): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(query.text, {}, { metadata: this.metadata(query.name) });
    } catch (e) {
      throw mapNeo4jError(e, query.name);
    } finally {
      await session.close();
    }
  }

  /**
   * Checks that the database answers a trivial read within `timeoutMs` (default `healthTimeoutMs`):
   * resolves to the round-trip time in ms and the server agent string, or rejects with
   * DatabaseUnavailableError (also when the server accepts connections but does not answer in time).
   */
  async ping(timeoutMs = this.timeouts.healthTimeoutMs): Promise<{ latencyMs: number; serverAgent: string }> {
    const started = performance.now();
    const signal = AbortSignal.timeout(timeoutMs);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const close = () => void session.close().catch(() => {});
    try {
      // one auto-commit query: one round trip where an explicit transaction takes three (begin, run,
      // commit); the server agent comes with its summary. No retries: a health check reports what it finds.
      const result = await abandonAfter(session.run(PING.text, {}, { timeout: timeoutMs, metadata: this.metadata(PING.name) }), signal, close);
      return { latencyMs: Math.round((performance.now() - started) * 10) / 10, serverAgent: result.summary.server.agent ?? 'unknown' };
    } catch (e) {
      if (signal.aborted) throw notAnswered('ping', timeoutMs, e);
      throw mapNeo4jError(e, 'ping');
    } finally {
      close();
    }
  }

  /**
   * The operators of the plan Neo4j would run for a read query (EXPLAIN: nothing is executed), e.g.
   * ['ProduceResults@neo4j', 'NodeUniqueIndexSeek@neo4j', ...]. For tests and benchmarks of query plans.
   */
  async explain(query: NamedQuery, params: Record<string, unknown> = {}): Promise<string[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(`EXPLAIN ${query.text}`, params, { metadata: this.metadata(`explain ${query.name}`) });
      const operators: string[] = [];
      const walk = (plan: unknown) => {
        if (!plan || typeof plan !== 'object') return;
        const p = plan as { operatorType?: string; children?: unknown[] };
        if (p.operatorType) operators.push(p.operatorType);
        for (const c of p.children ?? []) walk(c);
      };
      walk(result.summary.plan);
      return operators;
    } catch (e) {
      throw mapNeo4jError(e, query.name);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Runs `work` in a transaction of the given access mode (reads routed to readers on a cluster) with a
   * server-side timeout, retrying retryable failures with short back-offs within their budget. Gives up
   * (resetting the session) when `signal` or the request's signal aborts, or when the server has not
   * answered within the transaction timeout plus a grace period (DatabaseUnavailableError).
   */
  private async execute<T>(mode: 'READ' | 'WRITE', name: string, work: (tx: GraphTransaction) => Promise<T>, autoCommit: boolean, signal?: AbortSignal): Promise<T> {
    const request = this.requestSignal();
    const timeoutMs = request ? this.timeouts.transactionTimeoutMs : this.timeouts.backgroundTransactionTimeoutMs;
    const clientLimit = AbortSignal.timeout(timeoutMs + CLIENT_GRACE_MS);
    const stop = AbortSignal.any([clientLimit, ...(request ? [request] : []), ...(signal ? [signal] : [])]);
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(mode, name, work, autoCommit, timeoutMs, stop);
      } catch (e) {
        if (stop.aborted) throw stop.reason === clientLimit.reason ? notAnswered(name, timeoutMs + CLIENT_GRACE_MS, e) : stop.reason;
        const delay = RETRY_FIRST_DELAY_MS * 2 ** attempt * (0.8 + Math.random() * 0.4);
        if (Date.now() - started + delay > retryBudgetMs(e, this.timeouts)) throw mapNeo4jError(e, name);
        await sleep(delay);
      }
    }
  }

  private async attempt<T>(
    mode: 'READ' | 'WRITE',
    name: string,
    work: (tx: GraphTransaction) => Promise<T>,
    autoCommit: boolean,
    timeoutMs: number,
    stop: AbortSignal,
  ): Promise<T> {
    stop.throwIfAborted();
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const config = { metadata: this.metadata(name), timeout: timeoutMs };
    const observe: QueryObserver = (q, ms) => this.observers.forEach((o) => o(q, ms));
    const running = autoCommit
      ? work(wrap({ run: (text: string, params?: Record<string, unknown>) => session.run(text, params, config) }, observe))
      : // An explicit transaction (the driver's managed ones would add their own retry, 1 s after a refused connection).
        (async () => {
          const tx = session.beginTransaction(config);
          const result = await work(wrap(tx, observe));
          await tx.commit();
          return result;
        })();
    let abandoned = false;
    // Abandoned: the close resets the connection, which rolls the transaction back on the server.
    const abandon = () => {
      abandoned = true;
      void session.close().catch(() => {});
    };
    try {
      return await abandonAfter(running, stop, abandon);
    } finally {
      if (!abandoned) await session.close();
    }
  }

  private metadata(queryName: string): Record<string, string> {
    return { app: this.appName, query: queryName };
  }
}

const PING = cypher('health.ping', 'RETURN 1 AS ok');
/** How long past its own timeout a transaction may go unanswered before the client gives up on the server. */
const CLIENT_GRACE_MS = 2000;
const RETRY_FIRST_DELAY_MS = 50;

function notAnswered(name: string, ms: number, cause: unknown): DatabaseUnavailableError {
  return new DatabaseUnavailableError(`Neo4j did not answer ${name} within ${ms} ms`, undefined, { cause });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function definedOnly(settings: Partial<Neo4jTimeouts>): Partial<Neo4jTimeouts> {
  return Object.fromEntries(Object.entries(settings).filter(([k, v]) => k in DEFAULT_NEO4J_TIMEOUTS && v !== undefined));
}

/**
 * Runs `query` once per batch of `rows` (passed as parameter `param`) in the given transaction and sums
 * the numeric columns of the single row each batch returns (e.g. {n: written, products: linked}).
 */
export async function inBatches(
  tx: GraphTransaction,
  query: NamedQuery,
  rows: readonly unknown[],
  param = 'rows',
  size = 500,
  extra: Record<string, unknown> = {},
): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (let i = 0; i < rows.length; i += size) {
    const [row] = await tx.run(query, { ...extra, [param]: rows.slice(i, i + size) });
    for (const [k, v] of Object.entries(row ?? {})) if (typeof v === 'number') totals[k] = (totals[k] ?? 0) + v;
  }
  return totals;
}

function wrap(tx: { run(text: string, params?: Record<string, unknown>): PromiseLike<{ records: Neo4jRecord[] }> }, observe: QueryObserver): GraphTransaction {
  return {
    async run(query, params = {}) {
      const started = performance.now();
      try {
        const result = await tx.run(query.text, params);
        return result.records.map(recordToRow);
      } catch (e) {
        throw mapNeo4jError(e, query.name);
      } finally {
        observe(query.name, performance.now() - started);
      }
    },
  };
}

function recordToRow(record: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[key as string] = toPlain(record.get(key));
  return row;
}
