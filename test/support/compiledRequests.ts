/**
 * Unit tests of the query compiler: a GraphQL request executed over stores whose database records each
 * statement it is sent (name, text, parameters) instead of running it, and answers every compiled list
 * with no rows (other statements: `answer`). What a statement returns is tested against the real Neo4j
 * in test/e2e; here only what is sent.
 */
import { execute, parse, type GraphQLError, type GraphQLSchema } from 'graphql';
import { expect } from 'vitest';
import { buildInterphaseSchema } from '../../src/api/schema.js';
import type { GraphDatabase, Row } from '../../src/graph/database.js';
import { createStores } from '../../src/graph/loaders.js';
import { createServices } from '../../src/services/index.js';
import type { ThermoEngine } from '../../src/services/thermo/thermo.engine.js';

export interface Sent {
  name: string;
  text: string;
  params: Record<string, unknown>;
}

export interface CompiledRequest {
  /** Every statement sent, in order. */
  sent: Sent[];
  /** The compiled lists among them (`*.list`). */
  lists: Sent[];
  errors: readonly GraphQLError[] | undefined;
}

let schema: Promise<GraphQLSchema> | undefined;

/** What the material names a statement resolves found: nothing (each name is then read as a formula, as before any data). */
export function nothingFound(text: string): { ids: string[]; names: unknown[] }[] {
  const refs = new Set([...text.matchAll(/\bref(\d+)_ids\b/g)].map((m) => m[1]));
  return [...refs].map(() => ({ ids: [], names: [] }));
}

/** Runs `query` with QUERY_MAX_COST `maxCost`; `answer` gives the rows of a statement other than a compiled list (default none). */
export async function compileRequest(query: string, maxCost = 200_000, answer: (name: string) => Row[] = () => []): Promise<CompiledRequest> {
  schema ??= buildInterphaseSchema();
  const sent: Sent[] = [];
  const db = {
    read: async (q: { name: string; text: string }, params: Record<string, unknown> = {}) => {
      sent.push({ name: q.name, text: q.text, params });
      const rows = q.name.endsWith('.list') ? [{ items: [], totalCount: 0 }] : answer(q.name);
      return rows.map((r) => ({ nameChecks: nothingFound(q.text), ...r }));
    },
  } as unknown as GraphDatabase;
  const services = createServices(createStores(db), {} as ThermoEngine, { maxCost });
  const result = await execute({ schema: await schema, document: parse(query), contextValue: { services } });
  return { sent, lists: sent.filter((s) => s.name.endsWith('.list')), errors: result.errors };
}

/** The one statement a request sends (it must send exactly one, without errors). */
export async function oneStatement(query: string): Promise<Sent> {
  const { sent, errors } = await compileRequest(query);
  expect(errors).toBeUndefined();
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

/** The one compiled list a request sends (other statements aside), without errors. */
export async function oneList(query: string): Promise<Sent> {
  const { lists, errors } = await compileRequest(query);
  expect(errors).toBeUndefined();
  expect(lists).toHaveLength(1);
  return lists[0]!;
}
