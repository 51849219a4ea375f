/**
 * Hostile and malformed requests over HTTP: each is answered with a code other than
 * INTERNAL_SERVER_ERROR, nothing is logged at level error for them, messages repeat at most a bounded
 * excerpt of the input; masked errors are logged with the request id, which every response carries.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger, startTestServer, type TestServer } from '../support/server.js';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let server: TestServer;
const log = capturingLogger();

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'info' }, log.logger);
  await server.graphReady;
});
afterAll(async () => server.stop());

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

async function get(params: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.base}/graphql?${new URLSearchParams(params).toString()}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const deep = (depth: number, inner: string) => `${'('.repeat(depth)}${inner}${')'.repeat(depth)}`;
const TEN_KB = 'Li'.repeat(5_000);

const MATERIALS_BY_FORMULA = 'query($f: String!) { materials(where: { formula: $f }) { totalCount } }';
const WINDOW = 'query($f: String!) { stabilityWindow(formula: $f, openElement: "Li") { status } }';

/** [what, request, expected code (or the codes either of which is right)] */
const HOSTILE: [string, () => Promise<Answer>, string | string[]][] = [
  ['a subscription over HTTP (served over WebSocket only)', () => post({ query: 'subscription { factsChanged { changeSetId } }' }), 'BAD_REQUEST'],
  [
    'a persisted query whose hash is not that of its query',
    () => post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ something else }') } } }),
    'PERSISTED_QUERY_HASH_MISMATCH',
  ],
  ['a persisted query of an unsupported version', () => post({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: sha256('{ __typename }') } } }), 'BAD_REQUEST'],
  ['a persisted-query hash never registered', () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ unknown }') } } }), 'PERSISTED_QUERY_NOT_FOUND'],
  ['an Int literal beyond 32 bits', () => post({ query: '{ materials(first: 99999999999999999999) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED'],
  ['an Int variable beyond 32 bits', () => post({ query: 'query($n: Int) { materials(first: $n) { totalCount } }', variables: { n: 1e20 } }), 'BAD_USER_INPUT'],
  ['a Float literal beyond double range', () => post({ query: '{ interfaceReaction(reactantA: "Li3PS4", reactantB: "Li", openElement: "Li", voltageV: 1e400) { kinks { mixingRatio } } }' }), ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']],
  ['a variable of the wrong type', () => post({ query: MATERIALS_BY_FORMULA, variables: { f: { nested: [1, 2] } } }), 'BAD_USER_INPUT'],
  ['a missing required variable', () => post({ query: MATERIALS_BY_FORMULA }), 'BAD_USER_INPUT'],
  ['variables that are not an object', () => post({ query: MATERIALS_BY_FORMULA, variables: 'f=Li' }), 'BAD_REQUEST'],
  ['an unknown operationName', () => post({ query: 'query A { __typename }', operationName: 'B' }), 'OPERATION_RESOLUTION_FAILURE'],
  ['two operations without operationName', () => post({ query: 'query A { __typename } query B { __typename }' }), 'OPERATION_RESOLUTION_FAILURE'],
  ['a mutation sent with GET', () => get({ query: 'mutation { __typename }' }, { 'apollo-require-preflight': '1' }), 'BAD_REQUEST'],
  ['a GET without a CSRF-safe header', () => get({ query: '{ __typename }' }), 'BAD_REQUEST'],
  ['a batched array of operations', () => post([{ query: '{ __typename }' }, { query: '{ __typename }' }]), 'BAD_REQUEST'],
  ['a query that is not a string', () => post({ query: 5 }), 'BAD_REQUEST'],
  ['a body without a query', () => post({}), 'BAD_REQUEST'],
  ['a body that is not JSON', () => post('{"query": '), 'BAD_REQUEST'],
  ['a text/plain body', () => post('{ __typename }', { 'content-type': 'text/plain' }), 'BAD_REQUEST'],
  ['unparsable GraphQL', () => post({ query: '{ materials { ' }), 'GRAPHQL_PARSE_FAILED'],
  ['an unknown field of 10 KB', () => post({ query: `{ ${'x'.repeat(10_000)} }` }), 'GRAPHQL_VALIDATION_FAILED'],
  ['a formula 12,000 parentheses deep, unbalanced', () => post({ query: MATERIALS_BY_FORMULA, variables: { f: `${'('.repeat(12_000)}Li` } }), 'BAD_USER_INPUT'],
  ['a window of a formula 12,000 parentheses deep, unbalanced', () => post({ query: WINDOW, variables: { f: `${'('.repeat(12_000)}Li2O` } }), 'BAD_USER_INPUT'],
  ['a 10 KB formula', () => post({ query: MATERIALS_BY_FORMULA, variables: { f: `${TEN_KB}Qq` } }), 'BAD_USER_INPUT'],
  ['a 10 KB material id', () => post({ query: 'query($id: ID!) { material(id: $id) { id } }', variables: { id: `${TEN_KB}-` } }), 'BAD_USER_INPUT'],
  ['a 10 KB cursor', () => post({ query: 'query($a: String) { materials(after: $a) { totalCount } }', variables: { a: 'x'.repeat(10_000) } }), 'BAD_USER_INPUT'],
  ['a 10 KB search text', () => post({ query: 'query($t: String!) { search(text: $t) { totalCount } }', variables: { t: `${TEN_KB}` } }), 'BAD_USER_INPUT'],
  ['a search text of Lucene syntax only', () => post({ query: 'query($t: String!) { search(text: $t) { totalCount } }', variables: { t: '*:* ~ ( ) " \\' } }), 'BAD_USER_INPUT'],
  ['a 10 KB search cursor', () => post({ query: 'query($a: String) { search(text: "LLZO", after: $a) { totalCount } }', variables: { a: 'x'.repeat(10_000) } }), 'BAD_USER_INPUT'],
  ['a 10 KB DOI', () => post({ query: 'query($d: String!) { publication(doi: $d) { doi } }', variables: { d: 'x'.repeat(10_000) } }), 'BAD_USER_INPUT'],
  // graphql-js parses recursively: a deep document is refused by the parser or fails validation, never a crash
  ['a selection set 20,000 levels deep', () => post({ query: `${'{ a '.repeat(20_000)}${'}'.repeat(20_000)}` }), ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']],
  ['a list literal 20,000 levels deep', () => post({ query: `{ materials(where: { elementsIncludeAll: ${'['.repeat(20_000)}${']'.repeat(20_000)} }) { totalCount } }` }), ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']],
  [
    'a variable nested 20,000 levels deep',
    () => post(`{"query": "query($e: [String!]) { materials(where: { elementsIncludeAll: $e }) { totalCount } }", "variables": {"e": ${'['.repeat(20_000)}${']'.repeat(20_000)}}}`),
    ['BAD_USER_INPUT', 'BAD_REQUEST'],
  ],
  ['a 10 KB string where an enum is expected', () => post({ query: 'query($p: MeasuredProperty) { materials(first: 1) { edges { node { measurements(property: $p) { value } } } } }', variables: { p: 'X'.repeat(10_000) } }), 'BAD_USER_INPUT'],
];

describe('hostile input', () => {
  it.each(HOSTILE)('%s: a coded error, no stack, a bounded message, nothing logged at error level', async (_what, send, code) => {
    const before = log.lines.length;
    const res = await send();
    expect(res.body.errors, JSON.stringify(res.body).slice(0, 500)).toBeDefined();
    const codes = res.body.errors!.map((e) => e.extensions?.code);
    expect(codes.some((c) => (Array.isArray(code) ? code : [code]).includes(c as string)), JSON.stringify(res.body).slice(0, 500)).toBe(true);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    for (const e of res.body.errors!) {
      expect(e.message.length, e.message.slice(0, 300)).toBeLessThan(400);
      expect(JSON.stringify(e)).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+/);
    }
    expect(res.status).toBeLessThan(500);
    const errorsLogged = log.lines.slice(before).filter((l) => l.level >= 50);
    expect(errorsLogged).toEqual([]);
  });

  it('cuts echoed input: the 10 KB formula appears as 100 characters and a count', async () => {
    const res = await post({ query: MATERIALS_BY_FORMULA, variables: { f: `${TEN_KB}Qq` } });
    const e = res.body.errors![0]!;
    expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'where.formula' });
    expect(e.message).toBe(`where.formula: formula '${'Li'.repeat(50)}…(+9,902 characters)': unknown element symbol 'Qq' at position 10000`);
  });

  it('cuts echoed names in graphql-js messages too', async () => {
    const res = await post({ query: `{ ${'x'.repeat(10_000)} }` });
    expect(res.body.errors![0]!.message).toBe(`Cannot query field "${'x'.repeat(100)}…(+9,900 characters)" on type "Query".`);
  });

  it('reads a formula 12,000 parentheses deep (balanced) as its composition', async () => {
    const res = await post({ query: WINDOW, variables: { f: deep(12_000, 'Li3PS4') } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ stabilityWindow: { status: 'COMPUTED' } });
  });
});

describe('request ids', () => {
  it('every response carries the request id: the client\'s own, or a generated one', async () => {
    const own = await post({ query: '{ __typename }' }, { 'x-request-id': 'client-chosen.id-1' });
    expect(own.headers.get('x-request-id')).toBe('client-chosen.id-1');
    const refused = await post({ query: 'subscription { factsChanged { changeSetId } }' }, { 'x-request-id': 'refused-1' });
    expect(refused.headers.get('x-request-id')).toBe('refused-1');
    const generated = await post({ query: '{ __typename }' }, { 'x-request-id': 'not valid!' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // answers made before GraphQL runs: unreadable JSON (400), an unknown path (404), /health
    const unreadable = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad-json-1' }, body: '{' });
    expect([unreadable.status, unreadable.headers.get('x-request-id')]).toEqual([400, 'bad-json-1']);
    const missing = await fetch(`${server.base}/nothing-here`, { headers: { 'x-request-id': 'missing-1' } });
    expect([missing.status, missing.headers.get('x-request-id')]).toEqual([404, 'missing-1']);
    const health = await fetch(`${server.base}/health`);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a masked error is logged once, at level error, with the request id and the original stack', async () => {
    const db = server.db as unknown as { read: (...args: unknown[]) => Promise<unknown> };
    const read = db.read;
    db.read = () => Promise.reject(new TypeError('a bug in a store'));
    const before = log.lines.length;
    try {
      const res = await post({ query: '{ materials { totalCount } }' }, { 'x-request-id': 'masked-1' });
      expect(res.body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(res.headers.get('x-request-id')).toBe('masked-1');
    } finally {
      db.read = read;
    }
    const errors = log.lines.slice(before).filter((l) => l.level >= 50) as unknown as { requestId?: string; msg: string; err?: { message: string; stack: string } }[];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId: 'masked-1', msg: 'request failed', err: { message: 'a bug in a store' } });
    expect(errors[0]!.err!.stack).toMatch(/TypeError: a bug in a store/);
  });
});
