/**
 * API keys and roles over HTTP against the real server (MUTATIONS at its default, on): reading needs no
 * key; a write without a valid key (none, malformed, unknown id, wrong secret, revoked) is UNAUTHENTICATED
 * (HTTP 401) and writes nothing; a role or owner that does not allow it is FORBIDDEN (HTTP 403). Users'
 * phase entries record their owner; the owner or a curator removes them, each write with its change set.
 * Keys are stored hashed (Argon2id) and never listed with their hash; `npm run keys` creates, lists and
 * revokes them (run as a child process against the test Neo4j).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cypher } from '../../src/graph/database.js';
import { ApiKeyStore } from '../../src/graph/apiKey.store.js';
import { ChangeSetStore } from '../../src/graph/changeSet.store.js';
import { createStores } from '../../src/graph/loaders.js';
import type { FactsChangedEvent } from '../../src/domain/curation/changes.js';
import { ChangeEvents } from '../../src/services/curation/changeEvents.js';
import { createServices } from '../../src/services/index.js';
import { ThermoEngine } from '../../src/services/thermo/thermo.engine.js';
import { ApiKeysService, parseApiKey } from '../../src/services/curation/apiKeys.service.js';
import { createTestKey, revokeTestKey, type TestKey } from '../support/keys.js';
import { testNeo4j } from '../support/neo4j.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.js';

const run = promisify(execFile);

const ADD = `mutation($i: AddPhaseEntryInput!) { addPhaseEntry(input: $i) { id owner source } }`;
const ENTRY = { i: { formula: 'Li3N', formationEnergyEvPerAtom: -0.4, label: 'apiKeys test' } };
const remove = (id: string) => `mutation { removePhaseEntry(id: "${id}") }`;

const COUNTS = cypher('test.apiKeys.counts', 'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships');
const STORED_KEY = cypher('test.apiKeys.stored', 'MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS props');

let server: TestServer;
let contributor: TestKey;
let otherContributor: TestKey;
let curator: TestKey;
let revoked: TestKey;
/** Entries added here and not yet removed (removed in afterAll so no other file sees them). */
const leftover = new Set<string>();

beforeAll(async () => {
  server = await startTestServer();
  [contributor, otherContributor, curator, revoked] = await Promise.all([
    createTestKey('contributor', 'apiKeys test A'),
    createTestKey('contributor', 'apiKeys test B'),
    createTestKey('curator', 'apiKeys test curator'),
    createTestKey('admin', 'apiKeys test revoked'),
  ]);
  await revokeTestKey(revoked.keyId);
});

afterAll(async () => {
  for (const id of leftover) await server.gql(remove(id), undefined, curator.key);
  await server?.stop();
});

async function counts(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await server.db.read(COUNTS);
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

async function add(key: TestKey): Promise<string> {
  const res = await server.gql<{ addPhaseEntry: { id: string; owner: string; source: string } }>(ADD, ENTRY, key.key);
  expect(res.errors).toBeUndefined();
  const entry = res.data!.addPhaseEntry;
  leftover.add(entry.id);
  expect(entry).toMatchObject({ owner: key.keyId, source: 'USER' });
  return entry.id;
}

async function post(headers: Record<string, string>, query: string, variables?: unknown): Promise<GraphQLResponse<Record<string, unknown>>> {
  const res = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as object) };
}

function expectCode(res: GraphQLResponse<unknown>, code: string, status: number): void {
  expect(res.status).toBe(status);
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toEqual({ code });
}

describe('a write without a valid key', () => {
  const forgedSecret = () => `ipk_${contributor.keyId}_${randomBytes(32).toString('base64url')}`;
  const cases: [string, () => Record<string, string>][] = [
    ['no key', () => ({})],
    ['a malformed key', () => ({ authorization: 'Bearer not-a-key' })],
    ['a key of the right shape whose id is unknown', () => ({ authorization: `Bearer ipk_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}` })],
    ["a real key's id with a forged secret", () => ({ authorization: `Bearer ${forgedSecret()}` })],
    ['a forged secret in X-API-Key', () => ({ 'x-api-key': forgedSecret() })],
    ['a revoked key', () => ({ authorization: `Bearer ${revoked.key}` })],
    ['a valid key cut short by one character', () => ({ authorization: `Bearer ${contributor.key.slice(0, -1)}` })],
  ];

  it.each(cases)('%s: UNAUTHENTICATED (HTTP 401), and nothing is written', async (_label, headers) => {
    const before = await counts();
    const res = await post(headers(), ADD, ENTRY);
    expectCode(res, 'UNAUTHENTICATED', 401);
    expect(res.data ?? null).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('without a key, the message says how to send one, and the 401 names the Bearer scheme', async () => {
    const res = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ADD, variables: ENTRY }) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="interphase"');
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/addPhaseEntry needs an API key.*Authorization: Bearer/);
  });

  it('a removal with a forged key is UNAUTHENTICATED, not FORBIDDEN, and the entry stays', async () => {
    const id = await add(contributor);
    const before = await counts();
    const res = await post({ authorization: `Bearer ${forgedSecret()}` }, remove(id));
    expectCode(res, 'UNAUTHENTICATED', 401);
    expect(await counts()).toEqual(before);
    const entry = await server.gql<{ phaseEntry: { id: string } | null }>(`{ phaseEntry(id: "${id}") { id } }`);
    expect(entry.data!.phaseEntry).toEqual({ id });
  });

  it('reading stays open: a query answers without a key, and with a wrong one', async () => {
    const variants: Record<string, string>[] = [{}, { authorization: `Bearer ${forgedSecret()}` }, { authorization: 'Bearer junk' }];
    for (const headers of variants) {
      const res = await post(headers, '{ phaseEntry(id: "matbench_mp_e_form:Li3P1S4") { id } }');
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ phaseEntry: { id: 'matbench_mp_e_form:Li3P1S4' } });
    }
  });
});

describe("users' phase entries and their owners", () => {
  const changeSets = () => new ChangeSetStore(server.db);

  it('adding records the owner and a change set (PhaseEntry, ADD, the entry as after) in the same write', async () => {
    const id = await add(contributor);
    const [cs] = await changeSets().list({ entityId: id, limit: 10 });
    expect(cs).toMatchObject({ keyId: contributor.keyId, operation: 'addPhaseEntry', kinds: ['PhaseEntry'], changeCount: 1 });
    const [change] = await changeSets().changes([cs!.id]);
    expect(change).toMatchObject({ kind: 'PhaseEntry', entityId: id, action: 'ADD', before: null, materialIds: ['Li3N1'] });
    expect(change!.after).toMatchObject({ id, owner: contributor.keyId, formula: 'Li3N', source: 'USER', label: 'apiKeys test' });
  });

  it("another contributor may not remove it: FORBIDDEN (HTTP 403) naming the owner, nothing written", async () => {
    const id = await add(contributor);
    const before = await counts();
    const res = await server.gql(remove(id), undefined, otherContributor.key);
    expectCode(res, 'FORBIDDEN', 403);
    expect(res.errors![0]!.message).toContain(`belongs to the key ${contributor.keyId}`);
    expect(await counts()).toEqual(before);
    expect(await changeSets().list({ entityId: id, limit: 10 })).toHaveLength(1); // its addition only
  });

  it('its owner removes it, with a change set (REMOVE, the entry as before)', async () => {
    const id = await add(contributor);
    const res = await server.gql<{ removePhaseEntry: boolean }>(remove(id), undefined, contributor.key);
    expect(res.errors).toBeUndefined();
    expect(res.data!.removePhaseEntry).toBe(true);
    leftover.delete(id);
    const [latest] = await changeSets().list({ entityId: id, limit: 10 });
    expect(latest).toMatchObject({ keyId: contributor.keyId, operation: 'removePhaseEntry' });
    const [change] = await changeSets().changes([latest!.id]);
    expect(change).toMatchObject({ action: 'REMOVE', after: null, before: { id, owner: contributor.keyId } });
  });

  it('publishes each committed addition and removal (FactsChangedEvent), and nothing for a refused removal', async () => {
    const events = new ChangeEvents();
    const services = createServices(createStores(server.db), new ThermoEngine(10), undefined, events);
    const seen: FactsChangedEvent[] = [];
    const stop = new AbortController();
    const listening = (async () => {
      for await (const e of events.subscribe(['PhaseEntry'], stop.signal)) seen.push(e);
    })();
    const owner = { keyId: contributor.keyId, name: 'apiKeys test A', role: 'contributor' as const };
    const entry = await services.thermo.addPhaseEntry({ formula: 'Li3N', formationEnergyEvPerAtom: -0.4, label: 'apiKeys test', note: null }, owner);
    leftover.add(entry.id);
    const refused = await services.thermo.removePhaseEntry(entry.id, { ...owner, keyId: otherContributor.keyId });
    expect(refused).toEqual({ removed: false, refusedOwner: contributor.keyId });
    expect(await services.thermo.removePhaseEntry(entry.id, owner)).toEqual({ removed: true });
    leftover.delete(entry.id);
    await vi.waitFor(() => expect(seen).toHaveLength(2)); // delivered before the subscription ends
    stop.abort();
    await listening;
    const sets = await changeSets().list({ entityId: entry.id, limit: 10 });
    expect(seen).toEqual(
      ['addPhaseEntry', 'removePhaseEntry'].map((operation) => ({
        changeSetId: sets.find((cs) => cs.operation === operation)!.id,
        at: sets.find((cs) => cs.operation === operation)!.at,
        keyId: contributor.keyId,
        operation,
        kinds: ['PhaseEntry'],
        entityIds: [entry.id],
        materialIds: ['Li3N1'],
      })),
    );
  });

  it("a curator removes anyone's entry", async () => {
    const id = await add(otherContributor);
    const res = await server.gql<{ removePhaseEntry: boolean }>(remove(id), undefined, curator.key);
    expect(res.errors).toBeUndefined();
    expect(res.data!.removePhaseEntry).toBe(true);
    leftover.delete(id);
    const again = await server.gql<{ removePhaseEntry: boolean }>(remove(id), undefined, curator.key);
    expect(again.data!.removePhaseEntry).toBe(false);
  });
});

describe('keys at rest', () => {
  it('stores an Argon2id hash of the key, never the key or its secret', async () => {
    const [row] = await server.db.read(STORED_KEY, { id: contributor.keyId });
    const props = row!.props as Record<string, unknown>;
    const { secret } = parseApiKey(contributor.key)!;
    expect(Object.keys(props).sort()).toEqual(['createdAt', 'createdBy', 'hash', 'id', 'name', 'role']);
    expect(props.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    for (const value of Object.values(props)) {
      expect(String(value)).not.toContain(secret);
      expect(String(value)).not.toBe(contributor.key);
    }
  });

  it('lists keys without any hash', async () => {
    const keys = await new ApiKeysService(new ApiKeyStore(server.db)).list();
    const mine = keys.find((k) => k.id === revoked.keyId)!;
    expect(mine).toMatchObject({ name: 'apiKeys test revoked', role: 'admin', revokedBy: 'tests' });
    expect(mine.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    for (const k of keys) {
      expect(Object.keys(k).sort()).toEqual(['createdAt', 'createdBy', 'id', 'name', 'revokedAt', 'revokedBy', 'role']);
      expect(JSON.stringify(k)).not.toContain('$argon2');
    }
  });
});

describe('npm run keys', () => {
  async function keys(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const n = testNeo4j();
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/server/cli/keys.ts', ...args], {
        env: { ...process.env, NEO4J_URI: n.uri, NEO4J_USERNAME: n.username, NEO4J_PASSWORD: n.password, NEO4J_DATABASE: n.database, LOG_LEVEL: 'warn' },
      });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
    }
  }

  it('creates a key shown once, lists it (never a hash), and revokes it: it stops working at once', { timeout: 300_000 }, async () => {
    const created = await keys('create', '--name', 'apiKeys CLI test', '--role', 'curator');
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/shown only this once/);
    const id = /^id {4}([0-9a-f]{16})$/m.exec(created.stdout)![1]!;
    const key = /^key {3}(ipk_\S+)$/m.exec(created.stdout)![1]!;
    expect(created.stdout).toMatch(/^role {2}curator$/m);
    expect(parseApiKey(key)?.id).toBe(id);

    // the key works, with its role: a curator removes another key's entry
    const entry = await add(contributor);
    const removed = await server.gql<{ removePhaseEntry: boolean }>(remove(entry), undefined, key);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removePhaseEntry).toBe(true);
    leftover.delete(entry);

    const listed = await keys('list');
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.startsWith(id))!;
    expect(line).toMatch(/curator .* - .*apiKeys CLI test$/);
    expect(listed.stdout).not.toContain('$argon2');
    expect(listed.stdout).not.toContain(key);

    const revokedNow = await keys('revoke', id);
    expect(revokedNow.code).toBe(0);
    expect(revokedNow.stdout).toMatch(new RegExp(`revoked ${id} \\(apiKeys CLI test, curator\\)`));
    // verified a moment ago (remembered by the server), and still refused at its next request
    const before = await counts();
    const refused = await server.gql(ADD, ENTRY, key);
    expectCode(refused, 'UNAUTHENTICATED', 401);
    expect(await counts()).toEqual(before);
    const relisted = await keys('list');
    expect(relisted.stdout.split('\n').find((l) => l.startsWith(id))).toMatch(/curator +\S+ +\d{4}-\d\d-\d\dT\S+ +apiKeys CLI test$/);
  });

  it.each([
    [['create', '--name', 'x', '--role', 'owner'], /--role: must be one of contributor, curator, admin, got 'owner'/],
    [['create', '--role', 'curator'], /--name/],
    [['list', '--role', 'admin'], /belong to create/],
    [['revoke'], /is not a command/],
    [['rotate'], /'rotate' is not a command/],
    [['create', '--name', 'x', '--role', 'curator', '--admin'], /Unknown option '--admin'/],
  ])('%j exits 2 naming the problem, with the usage', async (args, message) => {
    const res = await keys(...args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(/usage:/);
    expect(res.stdout).toBe('');
  });

  it('revoking a malformed id exits 2; an unknown id exits 1', { timeout: 300_000 }, async () => {
    expect((await keys('revoke', 'nope')).code).toBe(2);
    const unknown = await keys('revoke', 'ffffffffffffffff');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no key has the id ffffffffffffffff/);
  });
});
