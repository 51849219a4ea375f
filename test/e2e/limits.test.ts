import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/api/limits.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.js';

// Limits on one request (issue 7, point 0): refused with a coded error before any resolver runs, so no
// query reaches Neo4j; and the response-size cap (point 3).
let dev: TestServer;
let production: TestServer;
beforeAll(async () => {
  dev = await startTestServer();
  production = await startTestServer({ NODE_ENV: 'production', RESPONSE_MAX_BYTES: '2048' });
  await Promise.all([dev.graphReady, production.graphReady]);
});
afterAll(async () => {
  await dev?.stop();
  await production?.stop();
});

/** Sends the query and records the Neo4j queries it caused. */
async function refused(server: TestServer, query: string, variables?: Record<string, unknown>) {
  const queries: string[] = [];
  const stop = server.db.observe((name) => queries.push(name));
  const res = await server.gql(query, variables);
  stop();
  return { res, queries, codes: (res.errors ?? []).map((e) => e.extensions?.code) };
}

/** `materials { edges { node { interfaces { electrolyte { interfaces { counterpart { ... } } } } } } }`, `depth` fields deep. */
function deepQuery(depth: number): string {
  const pattern = ['interfaces', 'electrolyte', 'interfaces', 'counterpart'];
  const fields = ['materials', 'edges', 'node'];
  while (fields.length < depth - 1) fields.push(pattern[(fields.length - 3) % pattern.length]!);
  return `{ ${fields.join(' { ')} { id ${'} '.repeat(fields.length)}}`;
}

const onlyError = (res: GraphQLResponse<unknown>) => {
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  return res.errors![0]!;
};

describe('limits on one request, answered before any work starts', () => {
  it("refuses the issue's depth-24 query with QUERY_TOO_DEEP, naming the limit and the depth found", async () => {
    const query = deepQuery(24);
    expect(query).toMatch(/^\{ materials \{ edges \{ node \{ interfaces \{ electrolyte \{ interfaces \{ counterpart \{ interfaces/);
    const { res, queries } = await refused(dev, query);
    expect(res.status).toBe(400);
    expect(onlyError(res)).toEqual({
      message: `query depth 24 exceeds the limit of ${DEFAULT_LIMITS.maxDepth} (QUERY_MAX_DEPTH)`,
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    expect(queries).toEqual([]);
  });

  it('lets the same query pass the depth limit at its depth, then refuses it by its cost (nested lists multiply)', async () => {
    const atLimit = await refused(dev, deepQuery(DEFAULT_LIMITS.maxDepth));
    expect(atLimit.res.status).toBe(400);
    expect(onlyError(atLimit.res)).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/^estimated cost \d+ exceeds the limit of \d+ \(QUERY_MAX_COST\)/) });
    expect(atLimit.queries).toEqual([]);
    // eight levels of one material's interfaces: within every limit, answered
    const shallow = await dev.gql(deepQuery(8).replace('materials {', 'materials(first: 1) {'));
    expect(shallow.errors).toBeUndefined();
    expect(shallow.data).toHaveProperty('materials.edges');
  });

  it('refuses 500 aliased stability windows (aliases, root fields and cost) without computing one', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `w${i}: stabilityWindow(formula: "Li${i + 1}PS4") { status }`).join(' ')} }`;
    const { res, queries, codes } = await refused(dev, query);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(codes).toContain('TOO_MANY_ALIASES');
    expect(new Set(codes)).toEqual(new Set(['TOO_MANY_ALIASES', 'TOO_MANY_ROOT_FIELDS']));
    expect(res.errors!.map((e) => e.message)).toContain(`500 aliases exceed the limit of ${DEFAULT_LIMITS.maxAliases} (QUERY_MAX_ALIASES)`);
    expect(queries).toEqual([]);
  });

  it('refuses more root fields than QUERY_MAX_ROOT_FIELDS with TOO_MANY_ROOT_FIELDS', async () => {
    const n = DEFAULT_LIMITS.maxRootFields + 1;
    expect(n).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases); // only the root-field limit is crossed
    const { res, queries } = await refused(dev, `{ ${Array.from({ length: n }, (_, i) => `d${i}: datasets { id }`).join(' ')} }`);
    expect(res.status).toBe(400);
    expect(onlyError(res)).toEqual({
      message: `${n} root fields exceed the limit of ${DEFAULT_LIMITS.maxRootFields} (QUERY_MAX_ROOT_FIELDS)`,
      extensions: { code: 'TOO_MANY_ROOT_FIELDS' },
    });
    expect(queries).toEqual([]);
  });

  it('refuses a shallow query of nested lists with a large page size with QUERY_TOO_COMPLEX; the same query with first: 1 and a limit on its deepest list runs', async () => {
    const query = `query($n: Int) { materials(first: $n) { edges { node { id interfaces { electrolyte { interfaces { counterpart {
      measurements { id value unit } } } } } } } } }`;
    const { res, queries } = await refused(dev, query, { n: 100 });
    expect(res.status).toBe(400);
    const e = onlyError(res);
    expect(e.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    const cost = Number(/^estimated cost (\d+) exceeds the limit of (\d+) \(QUERY_MAX_COST\)/.exec(e.message)?.[1]);
    expect(cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(queries).toEqual([]);

    // one material, and its counterparts' measurements limited: the compiled plan costs nested lists with the graph's
    // largest degrees (Li faces 31 interfaces here), so the unlimited query is over the budget even for one row
    const small = await dev.gql<{ materials: { edges: unknown[] } }>(query.replace('measurements {', 'measurements(first: 3) {'), { n: 1 });
    expect(small.errors).toBeUndefined();
    expect(small.data!.materials.edges).toHaveLength(1);
  });

  it('leaves variables that do not fit their types to execution: BAD_USER_INPUT, not an internal error', async () => {
    const res = await dev.gql('query($n: Int) { materials(first: $n) { totalCount } }', { n: 'many' });
    expect(res.status).toBe(400);
    expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^Variable "\$n" got invalid value "many"/) });
  });

  it('keeps the queries of the documented examples under every limit', async () => {
    const res = await dev.gql<{ materials: { totalCount: number; edges: unknown[] } }>(
      '{ materials(first: 100) { totalCount edges { node { id name formula measurements { id value unit publication { doi } } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.materials.edges).toHaveLength(100);
  });
});

describe('introspection and suggestions: on in development, off in production', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it("development answers introspection, also the tools' full introspection query within every limit", async () => {
    const res = await dev.gql<{ __schema: { queryType: { name: string } } }>(introspection);
    expect(res.errors).toBeUndefined();
    expect(res.data!.__schema.queryType.name).toBe('Query');
    const full = await dev.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(full.errors).toBeUndefined();
    expect(full.data!.__schema.types.length).toBeGreaterThan(50);
  });

  it('production refuses introspection before execution', async () => {
    const res = await production.gql(introspection);
    expect(res.status).toBe(400);
    const e = onlyError(res);
    expect(e.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' });
    expect(e.message).toMatch(/introspection is not allowed/i);
  });

  it('development suggests field names; production names the unknown field without suggesting any', async () => {
    const query = '{ materialz { totalCount } }';
    const inDev = onlyError(await dev.gql(query));
    expect(inDev.message).toMatch(/^Cannot query field "materialz" on type "Query"\. Did you mean "materials?"/);
    const inProduction = onlyError(await production.gql(query));
    expect(inProduction).toEqual({ message: 'Cannot query field "materialz" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});

describe('response-size cap (RESPONSE_MAX_BYTES)', () => {
  it('replaces a response over the cap with RESPONSE_TOO_LARGE naming its size and the limit; smaller ones pass', async () => {
    const small = await production.gql<{ materials: { edges: unknown[] } }>('{ materials(first: 2) { edges { node { id } } } }');
    expect(small.errors).toBeUndefined();
    expect(small.data!.materials.edges).toHaveLength(2);

    const query = '{ materials(first: 50) { edges { node { id name formula elements } } } }';
    const full = await dev.gql(query);
    const size = Buffer.byteLength(JSON.stringify({ data: full.data }));
    expect(size).toBeGreaterThan(2048);

    const res = await production.gql(query);
    expect(res.status).toBe(400);
    const e = onlyError(res);
    expect(e.extensions).toEqual({ code: 'RESPONSE_TOO_LARGE' });
    expect(e.message).toBe(`the response of ${size} bytes exceeds the limit of 2048 (RESPONSE_MAX_BYTES); ask for smaller pages (first) or fewer fields`);
  });
});
