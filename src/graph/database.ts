/**
 * The only place that opens sessions and transactions. Every query is a named constant (`cypher()`);
 * the name travels as transaction metadata, so Neo4j's query log shows which query of which app asked.
 * Reads use managed read transactions (routed to followers/read replicas on a cluster or Aura), writes
 * managed write transactions; both always name the database. Driver errors are mapped by
 * `mapNeo4jError`; records are turned into plain objects (`toPlain`) before they leave.
 *
 * All sessions of one process share a bookmark manager (causal consistency): on a cluster a read is served
 * by a member that has caught up with every transaction this process has seen, so a replica reads its
 * own writes, and a read that follows another (the phase-data revision, then the entries of that
 * revision) never sees older data than the first.
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { mapNeo4jError } from './errors.js';
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

export interface ConnectionSettings {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string;
  /** Fail a connection attempt after this many ms (default 5000). */
  readonly connectionTimeoutMs?: number;
  /** Give up retrying a transaction on transient errors after this many ms (default 3000). */
  readonly maxTransactionRetryTimeMs?: number;
}

export type Row = Record<string, unknown>;

/** A transaction handed to a unit of work: run named queries, get plain rows. */
export interface GraphTransaction {
  run(query: NamedQuery, params?: Record<string, unknown>): Promise<Row[]>;
}

/** Called after every query with its name and duration (for debug logs, metrics and N+1 tests). */
export type QueryObserver = (queryName: string, durationMs: number) => void;

export class GraphDatabase {
  private observers: QueryObserver[] = [];
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  private constructor(
    private readonly driver: Driver,
    readonly database: string,
    readonly appName: string,
  ) {}

  /** Registers an observer of executed queries; returns a function that removes it. */
  observe(observer: QueryObserver): () => void {
    this.observers.push(observer);
    return () => {
      this.observers = this.observers.filter((o) => o !== observer);
    };
  }

  static connect(settings: ConnectionSettings, appName = 'interphase'): GraphDatabase {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
      disableLosslessIntegers: true,
      connectionTimeout: settings.connectionTimeoutMs ?? 5000,
      connectionAcquisitionTimeout: (settings.connectionTimeoutMs ?? 5000) * 2,
      maxTransactionRetryTime: settings.maxTransactionRetryTimeMs ?? 3000,
      userAgent: `${appName}/0.1`,
    });
    return new GraphDatabase(driver, settings.database, appName);
  }

  /** Runs one named read query in a managed read transaction. */
  async read(query: NamedQuery, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.readTransaction(query.name, (tx) => tx.run(query, params));
  }

  /** Runs one named write query in a managed write transaction. */
  async write(query: NamedQuery, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.writeTransaction(query.name, (tx) => tx.run(query, params));
  }

  /** Runs a unit of work of several reads in one read transaction. */
  async readTransaction<T>(name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.execute('READ', name, work);
  }

  /** Runs a unit of work of several writes in one write transaction: all of it commits, or nothing. */
  async writeTransaction<T>(name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.execute('WRITE', name, work);
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
   * Checks that the database answers a trivial read: resolves to the round-trip time in ms and the server
   * agent string, or rejects with DatabaseUnavailableError.
   */
  async ping(): Promise<{ latencyMs: number; serverAgent: string }> {
    const started = performance.now();
    try {
      const info = await this.driver.getServerInfo({ database: this.database });
      await this.read(PING);
      return { latencyMs: Math.round((performance.now() - started) * 10) / 10, serverAgent: info.agent ?? 'unknown' };
    } catch (e) {
      throw mapNeo4jError(e, 'ping');
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

  private async execute<T>(mode: 'READ' | 'WRITE', name: string, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const unit = (tx: ManagedTransaction) => work(wrap(tx, (q, ms) => this.observers.forEach((o) => o(q, ms))));
    try {
      const config = { metadata: this.metadata(name) };
      return mode === 'READ' ? await session.executeRead(unit, config) : await session.executeWrite(unit, config);
    } catch (e) {
      throw mapNeo4jError(e, name);
    } finally {
      await session.close();
    }
  }

  private metadata(queryName: string): Record<string, string> {
    return { app: this.appName, query: queryName };
  }
}

const PING = cypher('health.ping', 'RETURN 1 AS ok');

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

function wrap(tx: ManagedTransaction, observe: QueryObserver): GraphTransaction {
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
