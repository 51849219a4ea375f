/**
 * The bulk importer against the real test Neo4j: a dry run writes nothing; the real run writes the rows that
 * read, with one change set; re-importing the same file writes nothing; a changed file converges to what
 * importing it alone gives; reverting restores the graph exactly (facts compared without the audit trail);
 * two imports at once of tables sharing a composition and a DOI leave one Material and one Publication.
 * Everything imported is reverted: the graph's facts end as they began (checked last).
 * The dry runs of the real Liverpool and Laskowski tables run when the files are there (LIVERPOOL_IONICS_CSV,
 * LASKOWSKI_CSV with doi_lookup_table.csv beside it), and are skipped with that message otherwise.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChangeSetStore } from '../../src/graph/changeSet.store.js';
import { cypher, type GraphDatabase } from '../../src/graph/database.js';
import { DatasetImportStore } from '../../src/graph/datasetImport.store.js';
import { BulkImportService, BulkRevertError, readMappingFile, ViewTakenError } from '../../src/services/bulk/bulkImport.service.js';
import type { BulkMapping } from '../../src/services/bulk/mapping.js';
import { formatReport } from '../../src/services/bulk/plan.js';
import { ChangeEvents } from '../../src/services/curation/changeEvents.js';
import { runCli as runCliAs } from '../support/cli.js';
import { createTestKey } from '../support/keys.js';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { connectTestDatabase } from '../support/neo4j.js';

const FIXTURES = new URL('../fixtures/bulk/', import.meta.url).pathname;
const fixture = (name: string) => path.join(FIXTURES, name);
const OPTIONS = { keyId: 'test-bulk-curator', reason: 'bulk import test' };
const REMOVE_TEST_KEYS = cypher('test.bulk.removeKeys', 'MATCH (k:ApiKey) WHERE k.id IN $ids DETACH DELETE k');
/** The keys the CLI tests create (their change sets are removed at the end; keys stay, as test/support/keys.ts says). */
const cliKeyIds: string[] = [];

const COUNT_NODES = cypher(
  'test.bulk.countNodes',
  `OPTIONAL MATCH (m:Material {id: $materialId}) WITH count(m) AS materials
   OPTIONAL MATCH (p:Publication {key: 'doi:' + $doi}) WITH materials, count(p) AS publications
   OPTIONAL MATCH (x:Measurement)-[:FROM_DATASET]->(d:Dataset) WHERE d.id IN $datasets
   RETURN materials, publications, count(x) AS measurements`,
);
// the audit trail of these tests (change sets are never deleted by the product; the tests leave no trace)
const REMOVE_TEST_CHANGE_SETS = cypher(
  'test.bulk.removeChangeSets',
  `MATCH (cs:ChangeSet {keyId: $keyId}) OPTIONAL MATCH (ch:Change)-[:IN_CHANGE_SET]->(cs) DETACH DELETE ch, cs`,
);
const CHANGE_SET_OF = cypher('test.bulk.changeSet', 'MATCH (cs:ChangeSet {id: $id}) RETURN cs.revertedBy AS revertedBy, cs.revertOf AS revertOf, cs.operation AS operation');

let db: GraphDatabase;
let service: BulkImportService;
let events: ChangeEvents;
let celsius: BulkMapping;
let kelvin: BulkMapping;
let before: GraphSnapshot;
let beforeWithAudit: GraphSnapshot;
let work: string;

beforeAll(async () => {
  db = connectTestDatabase();
  events = new ChangeEvents();
  service = new BulkImportService(new DatasetImportStore(db), new ChangeSetStore(db), events);
  celsius = await readMappingFile(fixture('celsius.yaml'));
  kelvin = await readMappingFile(fixture('kelvin.yaml'));
  before = await snapshot(db, { withoutAudit: true });
  beforeWithAudit = await snapshot(db);
  work = mkdtempSync(path.join(tmpdir(), 'interphase-bulk-'));
});

afterAll(async () => {
  if (db) {
    for (const keyId of [OPTIONS.keyId, ...cliKeyIds]) await db.write(REMOVE_TEST_CHANGE_SETS, { keyId });
    await db.write(REMOVE_TEST_KEYS, { ids: cliKeyIds });
    expect(await snapshot(db)).toEqual(beforeWithAudit);
  }
  await db?.close();
});

describe('bulk import', () => {
  it('dry run: reports rows ADD and REJECT with file:line: column: problem, and writes nothing', async () => {
    const whole = await snapshot(db);
    const plan = await service.plan(fixture('celsius.csv'), celsius);
    expect(plan.summary).toMatchObject({ rows: 6, add: 3, match: 0, reject: 3, remove: 0, nothingToDo: false });
    expect(formatReport(plan)).toContain("celsius.csv:6 [A5]: T_C: 'warm' is not a number");
    expect(await snapshot(db)).toEqual(whole);
  });

  it('real run: one change set, the rows that read; the same file again writes nothing; revert restores the graph', async () => {
    const publish = vi.spyOn(events, 'publish');
    const first = await service.run(fixture('celsius.csv'), celsius, OPTIONS);
    expect(first.changeSet).not.toBeNull();
    expect(first.counts).toMatchObject({ measurements: 3 });
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish.mock.calls[0]![0]).toMatchObject({ changeSetId: first.changeSet!.id, operation: 'bulkImport', kinds: ['Dataset'], entityIds: ['test-bulk-celsius'] });

    const plan = await service.plan(fixture('celsius.csv'), celsius);
    expect(plan.summary).toMatchObject({ add: 0, match: 3, reject: 3, remove: 0, nothingToDo: true });
    const imported = await snapshot(db);
    const again = await service.run(fixture('celsius.csv'), celsius, OPTIONS);
    expect(again.changeSet).toBeNull();
    expect(await snapshot(db)).toEqual(imported);

    const revert = await service.revert(first.changeSet!.id, OPTIONS);
    expect(revert.revertOf).toBe(first.changeSet!.id);
    const [original] = await db.read(CHANGE_SET_OF, { id: first.changeSet!.id });
    expect(original!.revertedBy).toBe(revert.id);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
    await expect(service.revert(first.changeSet!.id, OPTIONS)).rejects.toThrow(BulkRevertError);
  });

  it('a changed file converges to what importing it alone gives; reverting it restores the earlier import exactly', async () => {
    const changedFile = path.join(work, 'celsius.csv');
    writeFileSync(changedFile, readFileSync(fixture('celsius.csv'), 'utf8').replace('9.5E-04', '9.7E-04').replace(/^A3,.*\n/m, ''));

    const original = await service.run(fixture('celsius.csv'), celsius, OPTIONS);
    const afterOriginal = await snapshot(db, { withoutAudit: true });
    const plan = await service.plan(changedFile, celsius);
    expect(plan.summary).toMatchObject({ add: 1, match: 1, remove: 2 });
    const changed = await service.run(changedFile, celsius, OPTIONS);
    expect(changed.counts).toMatchObject({ measurements: 2, removedMeasurements: 2 });
    const converged = await snapshot(db, { withoutAudit: true });

    await service.revert(changed.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(afterOriginal);
    await service.revert(original.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);

    const alone = await service.run(changedFile, celsius, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(converged);
    await service.revert(alone.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
  });

  it('only the latest change of a dataset can be reverted', async () => {
    const changedFile = path.join(work, 'celsius-2.csv');
    writeFileSync(changedFile, readFileSync(fixture('celsius.csv'), 'utf8').replace('2.1E-04', '2.2E-04'));
    const first = await service.run(fixture('celsius.csv'), celsius, OPTIONS);
    const second = await service.run(changedFile, celsius, OPTIONS);
    await expect(service.revert(first.changeSet!.id, OPTIONS)).rejects.toThrow(/not the latest change/);
    await service.revert(second.changeSet!.id, OPTIONS);
    await service.revert(first.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
  });

  it('two imports at once of tables sharing a composition and a DOI: one Material, one Publication, nothing lost', async () => {
    const [a, b] = await Promise.all([
      service.run(fixture('celsius.csv'), celsius, OPTIONS),
      service.run(fixture('kelvin.jsonl'), kelvin, OPTIONS),
    ]);
    const [row] = await db.read(COUNT_NODES, { materialId: 'Cl63Ho3Li33Yb7', doi: '10.99999/bulk.one', datasets: ['test-bulk-celsius', 'test-bulk-kelvin'] });
    expect(row).toMatchObject({ materials: 1, publications: 1, measurements: 3 + 2 });
    await service.revert(a.changeSet!.id, OPTIONS);
    await service.revert(b.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
  });

  it("refuses a mapping whose view another dataset holds, before reading anything", async () => {
    const first = await service.run(fixture('celsius.csv'), celsius, OPTIONS);
    const intruder = { ...kelvin, view: celsius.view };
    await expect(service.plan(fixture('kelvin.jsonl'), intruder)).rejects.toThrow(ViewTakenError);
    await expect(service.run(fixture('kelvin.jsonl'), intruder, OPTIONS)).rejects.toThrow(/view 'liverpool' is held by another dataset/);
    await service.revert(first.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
  });

  it('a mapping with rejectedRows: fail writes nothing when a row is rejected', async () => {
    const whole = await snapshot(db);
    await expect(service.run(fixture('celsius.csv'), { ...celsius, rejectedRows: 'fail' }, OPTIONS)).rejects.toThrow(/celsius\.csv:6 \[A5\]: T_C: 'warm' is not a number/);
    expect(await snapshot(db)).toEqual(whole);
  });
});

describe("a table without a view (a lab's own): measurements on materials already in the graph", () => {
  const UNKNOWN = 'composition: no material of this composition in the graph; add it first (addMaterial) or import a table that describes it';
  const LAB_MEASUREMENTS = cypher(
    'test.bulk.labMeasurements',
    `MATCH (m:Material)-[:HAS_MEASUREMENT]->(x:Measurement)-[:FROM_DATASET]->(d:Dataset) WHERE d.id IN $datasets
     OPTIONAL MATCH (x)-[:REPORTED_BY]->(p:Publication)
     RETURN d.id AS dataset, m.id AS material, x.value AS value, x.temperatureK AS temperatureK, collect(p.doi) AS dois
     ORDER BY dataset, material`,
  );
  const MATERIALS = cypher('test.bulk.materials', 'MATCH (m:Material) RETURN m ORDER BY m.id');
  let lab: BulkMapping;

  beforeAll(async () => {
    lab = await readMappingFile(fixture('lab.yaml'));
  });

  it('dry run: the row on a composition not in the graph is rejected, the others are ADD on known materials; nothing written', async () => {
    const whole = await snapshot(db);
    const plan = await service.plan(fixture('lab.csv'), lab);
    expect(plan.summary).toMatchObject({ rows: 3, add: 2, match: 0, reject: 1, remove: 0, materials: 2, newMaterials: 0, publications: 1, nothingToDo: false });
    expect(plan.rows.filter((r) => r.action === 'ADD').map((r) => [r.materialId, r.materialExists])).toEqual([
      ['Ge1Li10P2S12', true],
      ['Cl1Li6P1S5', true],
    ]);
    expect(formatReport(plan).split('\n')).toEqual([
      `lab.csv:4 [L3]: ${UNKNOWN}`,
      '3 rows: 2 to add, 0 already in the graph, 1 rejected; 2 measurements (0 to remove), 2 materials (0 new), 1 publications',
    ]);
    expect(await snapshot(db)).toEqual(whole);
  });

  it('real run: two measurements on the existing materials, no material written; the same file again writes nothing; revert restores the graph', async () => {
    const materialsBefore = await db.read(MATERIALS);
    const publish = vi.spyOn(events, 'publish');
    const first = await service.run(fixture('lab.csv'), lab, OPTIONS);
    expect(publish.mock.calls.at(-1)![0]).toMatchObject({ changeSetId: first.changeSet!.id, entityIds: ['test-bulk-lab'], materialIds: ['Ge1Li10P2S12', 'Cl1Li6P1S5'] });
    expect(first.counts).toMatchObject({ materials: 0, publications: 1, measurements: 2, removedMeasurements: 0 });
    expect(await db.read(LAB_MEASUREMENTS, { datasets: ['test-bulk-lab'] })).toEqual([
      { dataset: 'test-bulk-lab', material: 'Cl1Li6P1S5', value: 1.9e-3, temperatureK: 298.15, dois: ['10.5555/lab.one'] },
      { dataset: 'test-bulk-lab', material: 'Ge1Li10P2S12', value: 1.1e-2, temperatureK: 298.15, dois: ['10.5555/lab.one'] },
    ]);
    expect(await db.read(MATERIALS)).toEqual(materialsBefore);

    const imported = await snapshot(db);
    const again = await service.run(fixture('lab.csv'), lab, OPTIONS);
    expect(again.changeSet).toBeNull();
    expect(again.plan.summary).toMatchObject({ add: 0, match: 2, reject: 1, nothingToDo: true });
    expect(await snapshot(db)).toEqual(imported);

    await service.revert(first.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
  });

  it('a changed file converges (the measurement it no longer gives is removed); reverting it restores the earlier import', async () => {
    const changedFile = path.join(work, 'lab.csv');
    writeFileSync(changedFile, readFileSync(fixture('lab.csv'), 'utf8').replace('1.1E-02', '1.2E-02'));
    const original = await service.run(fixture('lab.csv'), lab, OPTIONS);
    const afterOriginal = await snapshot(db, { withoutAudit: true });
    const changed = await service.run(changedFile, lab, OPTIONS);
    expect(changed.counts).toMatchObject({ measurements: 2, removedMeasurements: 1 });
    expect((await db.read(LAB_MEASUREMENTS, { datasets: ['test-bulk-lab'] })).map((r) => r.value)).toEqual([1.9e-3, 1.2e-2]);
    await service.revert(changed.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(afterOriginal);
    await service.revert(original.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
  });

  it('several datasets without a view coexist (no view to hold), each removable alone', async () => {
    const other = { ...lab, dataset: { ...lab.dataset, id: 'test-bulk-lab-two' } };
    const a = await service.run(fixture('lab.csv'), lab, OPTIONS);
    const b = await service.run(fixture('lab.csv'), other, OPTIONS);
    expect(b.counts).toMatchObject({ measurements: 2 });
    const rows = await db.read(LAB_MEASUREMENTS, { datasets: ['test-bulk-lab', 'test-bulk-lab-two'] });
    expect(rows.map((r) => `${r.dataset} ${r.material}`)).toEqual([
      'test-bulk-lab Cl1Li6P1S5',
      'test-bulk-lab Ge1Li10P2S12',
      'test-bulk-lab-two Cl1Li6P1S5',
      'test-bulk-lab-two Ge1Li10P2S12',
    ]);
    await service.revert(a.changeSet!.id, OPTIONS);
    expect((await db.read(LAB_MEASUREMENTS, { datasets: ['test-bulk-lab', 'test-bulk-lab-two'] })).map((r) => r.dataset)).toEqual(['test-bulk-lab-two', 'test-bulk-lab-two']);
    await service.revert(b.changeSet!.id, OPTIONS);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(before);
  });

  it('with rejectedRows: fail, the row on an unknown composition stops the import: nothing written', async () => {
    const whole = await snapshot(db);
    await expect(service.run(fixture('lab.csv'), { ...lab, rejectedRows: 'fail' }, OPTIONS)).rejects.toThrow(`lab.csv:4 [L3]: ${UNKNOWN}`);
    expect(await snapshot(db)).toEqual(whole);
  });
});

describe('npm run import', () => {
  const runCli = (args: string[]) => runCliAs('import', args, { INTERPHASE_API_KEY: '' });

  it('exits 2 naming the key of a bad mapping, and without a key for a real run', async () => {
    const bad = path.join(work, 'bad.yaml');
    writeFileSync(bad, readFileSync(fixture('celsius.yaml'), 'utf8').replace('notes: { column: remark }', 'notes: { column: remark, colour: red }'));
    const mapping = await runCli([fixture('celsius.csv'), '--mapping', bad, '--dry-run']);
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toContain('bad.yaml: columns.notes.colour: unknown key');
    const keyless = await runCli([fixture('celsius.csv'), '--mapping', fixture('celsius.yaml')]);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toMatch(/API key is required/);
  });

  it('dry run prints the rejected rows and the summary (exit 1: rows rejected); the real run and its revert leave the graph as it was', async () => {
    const whole = await snapshot(db, { withoutAudit: true });
    const dry = await runCli([fixture('celsius.csv'), '--mapping', fixture('celsius.yaml'), '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain("celsius.csv:6 [A5]: T_C: 'warm' is not a number");
    expect(dry.stdout).toMatch(/6 rows: 3 to add, 0 already in the graph, 3 rejected/);
    const contributor = await createTestKey('contributor');
    cliKeyIds.push(contributor.keyId);
    const refused = await runCli([fixture('kelvin.jsonl'), '--mapping', fixture('kelvin.yaml'), '--key', contributor.key]);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/FORBIDDEN: importing and reverting need the curator role/)]);
    const forged = await runCli([fixture('kelvin.jsonl'), '--mapping', fixture('kelvin.yaml'), '--key', `${contributor.key.slice(0, -4)}AAAA`]);
    expect([forged.code, forged.stderr]).toEqual([1, expect.stringMatching(/UNAUTHENTICATED/)]);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(whole);
    const curator = await createTestKey('curator');
    cliKeyIds.push(curator.keyId);
    const real = await runCli([fixture('kelvin.jsonl'), '--mapping', fixture('kelvin.yaml'), '--key', curator.key, '--reason', 'cli test']);
    expect(real.stdout).toMatch(/imported 2 measurements/);
    const id = /change set ([0-9a-f-]{36})/.exec(real.stdout)![1]!;
    const again = await runCli([fixture('kelvin.jsonl'), '--mapping', fixture('kelvin.yaml'), '--key', curator.key]);
    expect(again.stdout).toMatch(/nothing to do/);
    const reverted = await runCli(['--revert', id, '--key', curator.key]);
    expect(reverted.code).toBe(0);
    expect(await snapshot(db, { withoutAudit: true })).toEqual(whole);
  });
});

describe('dry runs of the real tables (when their files are there)', () => {
  const liverpool = process.env.LIVERPOOL_IONICS_CSV ?? '../shared/data/liverpool/LiIonDatabase.csv';
  const laskowski = process.env.LASKOWSKI_CSV ?? '../shared/data/laskowski/laskowski_semi-fromatted.csv';

  it.skipIf(!existsSync(liverpool))('Liverpool Ionics Dataset with mappings/liverpool.yaml (skipped without LiIonDatabase.csv: set LIVERPOOL_IONICS_CSV)', async () => {
    const plan = await service.plan(liverpool, await readMappingFile('mappings/liverpool.yaml'));
    console.log(`Liverpool dry run:\n${formatReport(plan).split('\n').slice(-1)[0]}`);
    expect(plan.summary.add + plan.summary.match + plan.summary.reject).toBe(plan.summary.rows);
  });

  it.skipIf(!existsSync(laskowski))(
    'Laskowski et al. table with mappings/laskowski.yaml (skipped without it: set LASKOWSKI_CSV, doi_lookup_table.csv beside it)',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'interphase-laskowski-'));
      copyFileSync(laskowski, path.join(dir, 'laskowski.csv'));
      copyFileSync(path.join(path.dirname(laskowski), 'doi_lookup_table.csv'), path.join(dir, 'doi_lookup_table.csv'));
      const plan = await service.plan(path.join(dir, 'laskowski.csv'), await readMappingFile('mappings/laskowski.yaml'));
      console.log(`Laskowski dry run:\n${formatReport(plan).split('\n').slice(-1)[0]}`);
      expect(plan.summary.add + plan.summary.match + plan.summary.reject).toBe(plan.summary.rows);
    },
  );
});
