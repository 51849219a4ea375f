/**
 * The audit trail through GraphQL (changeSets, changeSet, history) and the factsChanged subscription over a
 * real graphql-ws client. The change sets read here are recorded through the graph layer every writer uses
 * (ChangeSetStore.record inside a write transaction) and removed at the end; the writers' own tests check that
 * each write records its change set.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeWrite } from '../../src/domain/curation/changes.js';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { ChangeSetStore } from '../../src/graph/changeSet.store.js';
import { cypher } from '../../src/graph/database.js';
import { createTestKey } from '../support/keys.js';
import { expectBadUserInput, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const KEY_ID = 'test-audit-key';
const recorded: string[] = [];

async function record(operation: string, changes: ChangeWrite[], reason: string | null = null) {
  const set = await server.db.writeTransaction('test.audit', (tx) => ChangeSetStore.record(tx, { keyId: KEY_ID, operation, reason, changes }));
  recorded.push(set.id);
  return set;
}

const REMOVE = cypher('test.audit.remove', 'MATCH (cs:ChangeSet) WHERE cs.id IN $ids OPTIONAL MATCH (ch:Change)-[:IN_CHANGE_SET]->(cs) DETACH DELETE ch, cs');
const LLZO = 'Li7La3Zr2O12';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.db.write(REMOVE, { ids: recorded });
  await server.stop();
});

const SET_FIELDS = 'id at keyId operation reason kinds changeCount revertOf revertedBy changes { seq kind entityId action before after materialIds }';

describe('change sets through GraphQL', () => {
  it('lists the change sets of the last week, one by id, and the history of one material and one entity', async () => {
    const materialId = parseFormula(LLZO).key;
    expect((await server.gql<{ material: { id: string } | null }>('query($id: ID!) { material(id: $id) { id } }', { id: materialId })).data!.material).toEqual({ id: materialId });
    const add = await record('addMeasurement', [
      { kind: 'Measurement', entityId: 'test-audit-m1', action: 'ADD', before: null, after: { value: 1e-4, unit: 'S/cm' }, materialIds: [materialId] },
    ]);
    const correct = await record(
      'correctMeasurement',
      [{ kind: 'Measurement', entityId: 'test-audit-m1', action: 'CORRECT', before: { value: 1e-4, unit: 'S/cm' }, after: { value: 2e-4, unit: 'S/cm' }, materialIds: [materialId] }],
      'misread exponent',
    );
    const other = await record('addPublication', [{ kind: 'Publication', entityId: 'doi:10.1000/test-audit', action: 'ADD', before: null, after: { doi: '10.1000/test-audit' }, materialIds: [] }]);

    const week = await server.gql<{ changeSets: { id: string; keyId: string; changes: { before: unknown; after: unknown }[] }[] }>(
      `{ changeSets(withinDays: 7, keyId: "${KEY_ID}") { ${SET_FIELDS} } }`,
    );
    expect(week.errors).toBeUndefined();
    expect(week.data!.changeSets.map((s) => s.id)).toEqual([other.id, correct.id, add.id]);

    const one = await server.gql<{ changeSet: Record<string, unknown> }>(`query($id: ID!) { changeSet(id: $id) { ${SET_FIELDS} } }`, { id: correct.id });
    expect(one.data!.changeSet).toMatchObject({
      id: correct.id,
      keyId: KEY_ID,
      operation: 'correctMeasurement',
      reason: 'misread exponent',
      kinds: ['Measurement'],
      changeCount: 1,
      revertOf: null,
      revertedBy: null,
      changes: [{ seq: 0, kind: 'Measurement', entityId: 'test-audit-m1', action: 'CORRECT', before: { value: 1e-4, unit: 'S/cm' }, after: { value: 2e-4, unit: 'S/cm' }, materialIds: [materialId] }],
    });

    // by name: the material's history holds its two changes, newest first, and not the publication's
    const history = await server.gql<{ history: { action: string; changeSetId: string }[] }>(`{ history(material: "${LLZO}") { action changeSetId } }`);
    expect(history.data!.history.filter((c) => recorded.includes(c.changeSetId))).toEqual([
      { action: 'CORRECT', changeSetId: correct.id },
      { action: 'ADD', changeSetId: add.id },
    ]);
    const entity = await server.gql<{ history: { action: string }[] }>('{ history(entityId: "doi:10.1000/test-audit") { action } }');
    expect(entity.data!.history).toEqual([{ action: 'ADD' }]);
  });

  it('answers an unknown change set with null, and bad arguments with BAD_USER_INPUT naming them', async () => {
    expect((await server.gql('{ changeSet(id: "no-such-set") { id } }')).data).toEqual({ changeSet: null });
    expectBadUserInput(await server.gql('{ changeSets(withinDays: 0) { id } }'), 'withinDays', /1 to 3650/);
    expectBadUserInput(await server.gql('{ changeSets(since: "last tuesday") { id } }'), 'since', /ISO 8601/);
    expectBadUserInput(await server.gql('{ changeSets(withinDays: 7, since: "2026-01-01") { id } }'), 'withinDays', /not both/);
    expectBadUserInput(await server.gql('{ changeSets(first: 100000) { id } }'), 'first', /1 to 500/);
    expectBadUserInput(await server.gql('{ history { action } }'), 'material', /exactly one/);
  });

  it('reads the changes of many change sets in one query (no N+1)', async () => {
    const names: string[] = [];
    const stop = server.db.observe((name) => names.push(name));
    try {
      await server.gql(`{ changeSets(keyId: "${KEY_ID}") { id changes { entityId } } }`);
    } finally {
      stop();
    }
    expect(names.filter((n) => n === 'changeSet.changes')).toHaveLength(1);
  });
});

/** Open factsChanged subscriptions on the server (GET /health). */
async function serverSubscribers(): Promise<number> {
  const health = (await (await fetch(`${server.base}/health`)).json()) as { subscriptions: { open: number } };
  return health.subscriptions.open;
}

function wsClient(): Client {
  return createClient({ url: `${server.base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
}

/** The first result (or error) of one operation over WebSocket. */
function firstResult(client: Client, query: string): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve, reject) => {
    const stop = client.subscribe({ query }, {
      next: (value) => {
        stop();
        resolve(value as { data?: unknown });
      },
      error: (e) => (Array.isArray(e) ? resolve({ errors: e as { message: string }[] }) : reject(e as Error)),
      complete: () => undefined,
    });
  });
}

describe('subscriptions over graphql-ws', () => {
  it('refuses queries and mutations over WebSocket, and invalid subscriptions, with coded errors', async () => {
    const client = wsClient();
    try {
      const query = await firstResult(client, '{ __typename }');
      expect(query.errors![0]!.extensions?.code).toBe('BAD_REQUEST');
      expect(query.errors![0]!.message).toMatch(/over HTTP/);
      const invalid = await firstResult(client, 'subscription { factsChanged { noSuchField } }');
      expect(invalid.errors![0]!.message).toMatch(/noSuchField/);
      const unparsable = await firstResult(client, 'subscription {');
      expect(unparsable.errors![0]!.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    } finally {
      await client.dispose();
    }
  });

  it('delivers each committed change set to the subscribers of its kinds, after the commit, and nothing for a refused write', async () => {
    const key = await createTestKey('contributor', 'audit subscription test');
    const client = wsClient();
    const phaseEvents: Record<string, unknown>[] = [];
    const measurementEvents: Record<string, unknown>[] = [];
    const listen = (kinds: string[], into: Record<string, unknown>[]) =>
      client.subscribe(
        { query: 'subscription($k: [String!]) { factsChanged(kinds: $k) { changeSetId keyId operation kinds entityIds materialIds at } }', variables: { k: kinds } },
        { next: (v) => void into.push((v.data as { factsChanged: Record<string, unknown> }).factsChanged), error: () => undefined, complete: () => undefined },
      );
    const stopPhase = listen(['PhaseEntry'], phaseEvents);
    const stopMeasurement = listen(['Measurement'], measurementEvents);
    try {
      // the server has both subscriptions before the write (graphql-ws acknowledges asynchronously)
      await expect.poll(() => serverSubscribers(), { timeout: 60_000 }).toBe(2);
      const refused = await server.gql('mutation($i: AddPhaseEntryInput!) { addPhaseEntry(input: $i) { id } }', { i: { formula: 'Li3Qq', formationEnergyEvPerAtom: -0.4, label: 'refused' } }, key.key);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const added = await server.gql<{ addPhaseEntry: { id: string } }>(
        'mutation($i: AddPhaseEntryInput!) { addPhaseEntry(input: $i) { id } }',
        { i: { formula: 'Li3N', formationEnergyEvPerAtom: -0.4, label: 'audit subscription test' } },
        key.key,
      );
      const id = added.data!.addPhaseEntry.id;
      await expect.poll(() => phaseEvents.length, { timeout: 60_000 }).toBe(1);
      const [event] = phaseEvents;
      expect(event).toMatchObject({ keyId: key.keyId, operation: 'addPhaseEntry', kinds: ['PhaseEntry'], entityIds: [id] });
      const set = await server.gql<{ changeSet: { keyId: string; changes: { action: string; entityId: string }[] } }>(
        `query($id: ID!) { changeSet(id: $id) { keyId changes { action entityId } } }`,
        { id: event!.changeSetId },
      );
      expect(set.data!.changeSet).toEqual({ keyId: key.keyId, changes: [{ action: 'ADD', entityId: id }] });
      const removed = await server.gql(`mutation { removePhaseEntry(id: "${id}") }`, {}, key.key);
      expect(removed.data).toEqual({ removePhaseEntry: true });
      await expect.poll(() => phaseEvents.length, { timeout: 60_000 }).toBe(2);
      expect(phaseEvents[1]).toMatchObject({ operation: 'removePhaseEntry', entityIds: [id] });
      recorded.push(String(phaseEvents[0]!.changeSetId), String(phaseEvents[1]!.changeSetId));
      // a subscriber to other kinds heard nothing
      expect(measurementEvents).toEqual([]);
    } finally {
      stopPhase();
      stopMeasurement();
      await client.dispose();
    }
    await expect.poll(() => serverSubscribers(), { timeout: 60_000 }).toBe(0);
  });
});

