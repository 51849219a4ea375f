/**
 * The worked example of the README's Curation section, step by step, against the real server and the real
 * CLI: a curator's key; a dry run and the real import of a lab's small CSV through its mapping
 * (test/fixtures/curation/my-lab.*); a value corrected with a reason; the history of the measurement and of
 * the material; the correction and the import reverted; the graph exactly as before (snapshot without the
 * audit trail, which keeps every change set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey, type TestKey } from '../support/keys.js';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { runCli } from '../support/cli.js';
import { startTestServer, type TestServer } from '../support/server.js';

const CSV = 'test/fixtures/curation/my-lab.csv';
const MAPPING = 'test/fixtures/curation/my-lab.yaml';

let server: TestServer;
let curator: TestKey;
let before: GraphSnapshot;

beforeAll(async () => {
  server = await startTestServer();
  await server.graphReady;
  curator = await createTestKey('curator', 'worked example curator');
  before = await snapshot(server.db, { withoutAudit: true });
}, 300_000);
afterAll(async () => server?.stop());

const importCli = (args: string[]) => runCli('import', args, { INTERPHASE_API_KEY: '' });

const FIND = `{ measurements(where: { material: "Li6PS5Cl", property: IONIC_CONDUCTIVITY, source: DATASET, value: { min: 2, max: 2.5, unit: "mS/cm" } }, first: 100) {
  edges { node { id value(unit: "mS/cm") temperatureK dataset { id } } } } }`;

describe('the README worked example', () => {
  it('dry run, import, correct, history, revert: the graph ends as it began', async () => {
    const dry = await importCli([CSV, '--mapping', MAPPING, '--dry-run']);
    expect(dry.stdout).toContain("my-lab.csv:5 [S4]: T_C: 'hot' is not a number");
    expect(dry.stdout).toMatch(/4 rows: 3 to add, 0 already in the graph, 1 rejected/);
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);

    const real = await importCli([CSV, '--mapping', MAPPING, '--key', curator.key, '--reason', 'lab notebook 12, pp. 3-5']);
    expect(real.stdout, real.stderr).toMatch(/imported 3 measurements/);
    const importSet = /change set ([0-9a-f-]{36})/.exec(real.stdout)![1]!;

    type Found = { measurements: { edges: { node: { id: string; value: number; temperatureK: number; dataset: { id: string } | null } }[] } };
    const found = (await server.gql<Found>(FIND)).data!.measurements.edges.map((e) => e.node).filter((m) => m.dataset?.id === 'my-lab-2026');
    expect(found).toEqual([{ id: expect.any(String), value: 2.1, temperatureK: 298.15, dataset: { id: 'my-lab-2026' } }]);
    const id = found[0]!.id;

    const corrected = await server.gql<{ correctMeasurement: { ok: boolean; changeSetId: string } }>(
      'mutation($id: ID!) { correctMeasurement(id: $id, changes: { value: 2.4, unit: "mS/cm" }, reason: "transcription error: 2.4, not 2.1") { ok changeSetId } }',
      { id },
      curator.key,
    );
    expect(corrected.data!.correctMeasurement.ok).toBe(true);
    const value = await server.gql<{ measurements: { edges: { node: { id: string; value: number } }[] } }>(
      `{ measurements(where: { material: "Li6PS5Cl", property: IONIC_CONDUCTIVITY, source: DATASET, value: { min: 2.35, max: 2.45, unit: "mS/cm" } }, first: 100) { edges { node { id value(unit: "mS/cm") } } } }`,
    );
    expect(value.errors).toBeUndefined();
    expect(value.data!.measurements.edges.map((e) => e.node)).toContainEqual({ id, value: 2.4 });

    const history = await server.gql<{ factHistory: { version: number; props: string; reason: string | null }[]; history: { action: string; changeSetId: string }[] }>(
      `query($id: ID!) { factHistory(id: $id) { version props reason } history(material: "Li6PS5Cl", first: 5) { action changeSetId } }`,
      { id },
    );
    // both versions, in S/cm (the canonical unit): the imported 2.1 mS/cm and the corrected 2.4 mS/cm
    expect(history.data!.factHistory.map((v) => [v.version, JSON.parse(v.props).value])).toEqual([
      [1, 0.0021],
      [2, 0.0024],
    ]);
    expect(history.data!.factHistory[1]!.reason).toBe('transcription error: 2.4, not 2.1');
    expect(history.data!.history[0]).toEqual({ action: 'CORRECT', changeSetId: corrected.data!.correctMeasurement.changeSetId });

    const undo = await server.gql<{ revertChangeSet: { ok: boolean } }>(
      'mutation($id: ID!) { revertChangeSet(id: $id, reason: "the 2.1 was right after all") { ok } }',
      { id: corrected.data!.correctMeasurement.changeSetId },
      curator.key,
    );
    expect(undo.data!.revertChangeSet.ok).toBe(true);
    const reverted = await importCli(['--revert', importSet, '--key', curator.key, '--reason', 'example done']);
    expect(reverted.code, reverted.stderr).toBe(0);
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });
});
