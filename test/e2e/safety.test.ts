/**
 * The safe defaults, over HTTP against the real server: the operator's MUTATIONS switch in front of the
 * API keys (off: no mutation even with a valid key; loopback: only from 127.0.0.1/::1 without a browser
 * Origin; keys and roles themselves: apiKeys.test.ts), CORS same-origin unless CORS_ORIGINS lists the
 * origin, a per-client rate limit (RATE_LIMIT_PER_MINUTE).
 */
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey, type TestKey } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ADD = `mutation($i: AddPhaseEntryInput!) { addPhaseEntry(input: $i) { id } }`;
const ENTRY = { i: { formula: 'Li3N', formationEnergyEvPerAtom: -0.4, label: 'safety test' } };
const USER_COUNT = '{ phaseEntries(where: { source: USER }, first: 0) { totalCount } }';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(base: string, query: string, variables?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

async function userEntries(s: TestServer): Promise<number> {
  return (await s.gql<{ phaseEntries: { totalCount: number } }>(USER_COUNT)).data!.phaseEntries.totalCount;
}

/** An address of this machine that is not loopback (IPv4), or null when it has none. */
const outsideAddress = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address ?? null;

describe('mutations', () => {
  let off: TestServer;
  let loopback: TestServer;
  let curator: TestKey;
  let auth: Record<string, string>;
  beforeAll(async () => {
    off = await startTestServer({ MUTATIONS: 'off' });
    loopback = await startTestServer({ MUTATIONS: 'loopback', HOST: '0.0.0.0' });
    curator = await createTestKey('curator', 'safety test');
    auth = { authorization: `Bearer ${curator.key}` };
  });
  afterAll(async () => {
    await off?.stop();
    await loopback?.stop();
  });

  it('with MUTATIONS=off (a read-only deployment), FORBIDDEN naming MUTATIONS even with a valid key, HTTP 403, nothing written; queries still answer', async () => {
    const before = await userEntries(off);
    const res = await post(off.base, ADD, ENTRY, auth);
    expect(res.status).toBe(403);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(res.body.errors![0]!.message).toMatch(/MUTATIONS=off/);
    const removal = await post(off.base, 'mutation { removePhaseEntry(id: "user:00000000-0000-0000-0000-000000000000") }', undefined, auth);
    expect(removal.status).toBe(403);
    expect(removal.body.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(await userEntries(off)).toBe(before);
  });

  it('with MUTATIONS=loopback, a loopback client without Origin may add and remove an entry with its key', async () => {
    const added = await post(loopback.base, ADD, ENTRY, auth);
    expect(added.body.errors).toBeUndefined();
    const id = (added.body.data!.addPhaseEntry as { id: string }).id;
    const removed = await post(loopback.base, `mutation { removePhaseEntry(id: "${id}") }`, undefined, auth);
    expect(removed.body).toEqual({ data: { removePhaseEntry: true } });
    expect(await userEntries(loopback)).toBe(0); // no entry left behind for the other files
  });

  it('with MUTATIONS=loopback, a request from a web page (Origin header) is refused even from loopback', async () => {
    const before = await userEntries(loopback);
    const res = await post(loopback.base, ADD, ENTRY, { origin: 'https://some-page.example', ...auth });
    expect(res.status).toBe(403);
    expect(res.body.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(res.body.errors![0]!.message).toMatch(/Origin header.*MUTATIONS=loopback/);
    expect(await userEntries(loopback)).toBe(before);
  });

  it.skipIf(outsideAddress === null)('with MUTATIONS=loopback, a client on another interface is refused; its queries answer', async () => {
    const before = await userEntries(loopback);
    const base = `http://${outsideAddress}:${loopback.port}`;
    const res = await post(base, ADD, ENTRY, auth);
    expect(res.status).toBe(403);
    expect(res.body.errors![0]!.message).toMatch(/only from the loopback interface.*MUTATIONS=loopback/);
    const query = await post(base, USER_COUNT);
    expect(query.body.data).toEqual({ phaseEntries: { totalCount: before } });
  });

  it('imported (dataset) entries can never be removed', async () => {
    const res = await post(loopback.base, 'mutation { removePhaseEntry(id: "matbench_mp_e_form:Li3P1S4") }', undefined, auth);
    expect(res.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(res.body.errors![0]!.message).toMatch(/dataset entries cannot be removed/);
    const entry = await post(loopback.base, '{ phaseEntry(id: "matbench_mp_e_form:Li3P1S4") { id source } }');
    expect(entry.body.data).toEqual({ phaseEntry: { id: 'matbench_mp_e_form:Li3P1S4', source: 'DATASET' } });
  });
});

describe('CORS', () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('is same-origin by default: no Access-Control-Allow-Origin for any page, preflight or request', async () => {
    const s = await startTestServer();
    try {
      expect((await preflight(s.base, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const res = await post(s.base, '{ __typename }', undefined, { origin: 'https://evil.example' });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.stop();
    }
  });

  it('approves only the origins CORS_ORIGINS lists', async () => {
    const s = await startTestServer({ CORS_ORIGINS: 'https://app.example.org,http://localhost:5173' });
    try {
      const listed = await preflight(s.base, 'http://localhost:5173');
      expect(listed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(listed.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect((await preflight(s.base, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      const res = await post(s.base, '{ __typename }', undefined, { origin: 'https://app.example.org' });
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    } finally {
      await s.stop();
    }
  });

  it("allows every origin only when told so explicitly (CORS_ORIGINS='*')", async () => {
    const s = await startTestServer({ CORS_ORIGINS: '*' });
    try {
      expect((await preflight(s.base, 'https://any.example')).headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await s.stop();
    }
  });
});

describe('rate limit', () => {
  it('answers HTTP 429 RATE_LIMITED beyond RATE_LIMIT_PER_MINUTE per client, in GraphQL shape, and leaves /health alone', async () => {
    const s = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i++) expect((await post(s.base, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
      const refused = await post(s.base, '{ __typename }');
      expect(refused.status).toBe(429);
      expect(refused.body.errors).toHaveLength(1);
      expect(refused.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED' });
      expect(refused.body.errors![0]!.message).toMatch(/at most 3 per minute.*RATE_LIMIT_PER_MINUTE/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(`${s.base}/health`)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});
