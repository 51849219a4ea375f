/**
 * Concurrent writers through the API: the same measurement sent by five writers at once is stored once; the
 * others are answered DUPLICATE naming it (additions take the curation lock and check for a repeat again
 * under it). The addition is reverted at the end: the graph is as before (snapshot without the audit trail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/database.js';
import { createTestKey, type TestKey } from '../support/keys.js';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { startTestServer, type TestServer } from '../support/server.js';

const LGPS = 'Ge1Li10P2S12';
const INPUT = {
  material: LGPS,
  property: 'IONIC_CONDUCTIVITY',
  value: 11.1,
  unit: 'mS/cm',
  temperature: 30,
  temperatureUnit: '°C',
  contribution: 'TOTAL',
  provenance: { doi: '10.5555/interphase-concurrency.1', citation: { authors: 'Doe, J.', title: 'Five writers at once', journal: 'J. Test. Chem.', year: 2026 } },
};
const PUBLICATIONS = cypher('test.concurrency.publications', 'MATCH (p:Publication {doi: $doi}) RETURN count(p) AS n');
const ADD = 'mutation($input: AddMeasurementInput!) { addMeasurement(input: $input) { ok status id duplicateOf changeSetId errors { field code } } }';

let server: TestServer;
let keys: TestKey[];
let before: GraphSnapshot;

beforeAll(async () => {
  server = await startTestServer();
  await server.graphReady;
  keys = [];
  for (let i = 0; i < 5; i++) keys.push(await createTestKey('curator', `concurrency writer ${i}`));
  before = await snapshot(server.db, { withoutAudit: true });
}, 300_000);
afterAll(async () => server?.stop());

type Payload = { ok: boolean; status: string; id: string | null; duplicateOf: string | null; changeSetId: string | null };

describe('concurrent writers', () => {
  it('five writers adding the same measurement at once store it once; the others are told it is a duplicate', async () => {
    const answers = await Promise.all(keys.map((k) => server.gql<{ addMeasurement: Payload }>(ADD, { input: INPUT }, k.key)));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const payloads = answers.map((a) => a.data!.addMeasurement);
    const added = payloads.filter((p) => p.status === 'ADDED');
    expect(added).toHaveLength(1);
    const id = added[0]!.id!;
    expect(payloads.filter((p) => p.status === 'DUPLICATE').map((p) => p.duplicateOf)).toEqual([id, id, id, id]);
    // one measurement of LGPS with that value and temperature, from that publication
    const found = await server.gql<{ measurements: { edges: { node: { id: string } }[] } }>(
      `{ measurements(where: { material: "${LGPS}", property: IONIC_CONDUCTIVITY, value: { min: 11.05, max: 11.15, unit: "mS/cm" }, temperature: { min: 303.1, max: 303.2 } }, first: 100) { edges { node { id } } } }`,
    );
    expect(found.data!.measurements.edges.map((e) => e.node.id)).toEqual([id]);
    const revert = await server.gql<{ revertChangeSet: { ok: boolean } }>(
      'mutation($id: ID!) { revertChangeSet(id: $id, reason: "test clean-up") { ok } }',
      { id: added[0]!.changeSetId },
      keys[0]!.key,
    );
    expect(revert.data!.revertChangeSet.ok).toBe(true);
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });

  it('five writers adding different measurements that credit the same new publication at once: all stored, one publication', async () => {
    const doi = '10.5555/interphase-concurrency.2';
    const inputs = keys.map((_, i) => ({ ...INPUT, value: 5 + i, provenance: { ...INPUT.provenance, doi } }));
    const answers = await Promise.all(keys.map((k, i) => server.gql<{ addMeasurement: Payload }>(ADD, { input: inputs[i] }, k.key)));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const payloads = answers.map((a) => a.data!.addMeasurement);
    expect(payloads.map((p) => p.status)).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED', 'ADDED']);
    const publication = await server.gql<{ publication: { doi: string } | null }>(`{ publication(doi: "${doi}") { doi } }`);
    expect(publication.data!.publication).toEqual({ doi });
    const count = await server.db.read(PUBLICATIONS, { doi });
    expect(count[0]!.n).toBe(1);
    // reverted newest first: the addition that created the publication is reverted last
    const sets = await server.gql<{ changeSets: { id: string }[] }>(`{ changeSets(entityId: "doi:${doi}") { id } }`);
    const creator = sets.data!.changeSets.map((c) => c.id);
    const order = [...payloads.map((p) => p.changeSetId!).filter((id) => !creator.includes(id)), ...creator];
    for (const id of order) {
      const r = await server.gql<{ revertChangeSet: { ok: boolean; errors: unknown[] } }>('mutation($id: ID!) { revertChangeSet(id: $id, reason: "test clean-up") { ok errors { field code problem } } }', { id }, keys[0]!.key);
      expect(r.data!.revertChangeSet, JSON.stringify(r.data)).toMatchObject({ ok: true });
    }
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });
});
