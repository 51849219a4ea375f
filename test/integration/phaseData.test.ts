/**
 * The phase data in Neo4j: what globalSetup imported (the formation-energy table named by PHASE_DATA_CSV),
 * re-import, invalid files, an import that fails half-way (readers keep seeing the previous data), a new
 * table replacing it, two imports at once, and the indexed read of a chemical system with its subsystems.
 * The last test re-imports the real table, so the other files find it as globalSetup left it.
 */
import { writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chemicalSubsystems } from '../../src/domain/chemistry/chemicalSystem.js';
import { cypher, type GraphDatabase } from '../../src/graph/database.js';
import { PHASE_QUERIES, PhaseDataStore, type PhaseEntryWrite } from '../../src/graph/phaseData.store.js';
import { compileList } from '../../src/graph/query/compile.js';
import type { Filter, ListPlan, NodePlan } from '../../src/graph/query/plan.js';
import { loadConfig } from '../../src/server/config.js';
import { InvalidRecordsError } from '../../src/services/errors.js';
import { PhaseDataImportService } from '../../src/services/thermo/phaseData.import.js';
import { connectTestDatabase } from '../support/neo4j.js';

const config = loadConfig();
let db: GraphDatabase;
let store: PhaseDataStore;
let importer: PhaseDataImportService;
let dir: string;

beforeAll(async () => {
  db = connectTestDatabase();
  store = new PhaseDataStore(db);
  importer = new PhaseDataImportService(store);
  dir = await mkdtemp(path.join(os.tmpdir(), 'interphase-phases-'));
});
afterAll(async () => {
  await db.write(cypher('test.phases.cleanup', "MATCH (n:Dataset) WHERE n.id STARTS WITH 'phase-data:test' DETACH DELETE n"));
  await db.close();
});

const COUNTS = cypher(
  'test.phases.counts',
  `MATCH (d:Dataset {id: $id})
   RETURN d.rowCount AS rows, d.phaseEntryCount AS entries, d.version AS version,
     COUNT { MATCH (e:PhaseEntry {datasetId: $id}) RETURN e } AS stored,
     COUNT { MATCH (e:PhaseEntry {datasetId: $id}) WHERE e.run = d.phaseRun AND EXISTS { (:PhaseDataRevision {activeRun: d.phaseRun}) } RETURN e } AS visible`,
);

async function csv(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('the formation-energy table in Neo4j', () => {
  it('holds one entry per reduced composition of the 132,752 rows, the lowest polymorph, with its dataset', async () => {
    const [c] = await db.read(COUNTS, { id: 'matbench_mp_e_form' });
    // 95,118: the number of distinct reduced compositions pymatgen finds in the same file (thermo.json)
    expect(c).toMatchObject({ rows: 132752, entries: 95118, stored: 95118, visible: 95118 });
    expect(c!.version).toMatch(/^sha256:90e895635c96447c$/);
    // Cl1Li6P1S5 appears once in the table; LiCoO2 several times (polymorphs): the lowest is kept
    const [lco] = await store.entriesByIds(['matbench_mp_e_form:Co1Li1O2']);
    expect(lco).toMatchObject({ formula: 'LiCoO2', chemicalSystem: 'Co-Li-O', source: 'DATASET' });
    expect(lco!.rows).toBeGreaterThan(1);
    expect(lco!.formationEnergyEvPerAtom).toBeCloseTo(-1.7895072831, 9); // = pymatgen fixture's LiCoO2
  });

  it('returns a chemical system and all its subsystems in one indexed query; the compiled listing of a system uses the index too', async () => {
    const systems = chemicalSubsystems(['Li', 'P', 'S']);
    const entries = await store.entriesOfSystems(systems);
    // the same 26 entries pymatgen's Li3PS4 phase diagram was built from (thermo.json: systemEntries)
    expect(entries).toHaveLength(26);
    expect(new Set(entries.map((e) => e.chemicalSystem))).toEqual(new Set(systems));
    // the compiled list `phaseEntries` (graph/query/compile.phase.ts) of a system with its subsystems: page and count, one statement
    const filter: Filter = { op: 'compare', operand: { kind: 'property', name: 'chemicalSystem' }, comparison: 'in', value: systems };
    const node: NodePlan = { kind: 'PhaseEntry', fields: ['id', 'formula'], sourceFields: [], sourceRelations: [], relations: [], resolverCost: 0 };
    const listed = compileList({ name: 'phaseEntries.list', kind: 'PhaseEntry', filter, order: { key: null, direction: 'ASC' }, after: null, first: 20, totalCount: true, node });
    for (const [q, params] of [
      [PHASE_QUERIES.ENTRIES_OF_SYSTEMS, { systems }],
      [{ name: listed.name, text: listed.text }, listed.params],
    ] as const) {
      const plan = await db.explain(q, params);
      expect(plan.some((op) => op.startsWith('NodeIndexSeek')), `${q.name}: ${plan.join(' ')}`).toBe(true);
      expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan')), `${q.name}: ${plan.join(' ')}`).toBe(false);
    }
  });

  it('the compiled listing of all entries reads the id index in order (first page and after a cursor), a composition its key index', async () => {
    const node: NodePlan = { kind: 'PhaseEntry', fields: ['id'], sourceFields: [], sourceRelations: [], relations: [], resolverCost: 0 };
    const byId = { key: null, direction: 'ASC' } as const;
    const plans: [string, ListPlan, string][] = [
      ['first page', { name: 'phaseEntries.list', kind: 'PhaseEntry', filter: null, order: byId, after: null, first: 20, totalCount: false, node }, 'NodeIndexScan'],
      ['after a cursor', { name: 'phaseEntries.list', kind: 'PhaseEntry', filter: null, order: byId, after: { sortValue: null, id: 'matbench_mp_e_form:Li' }, first: 20, totalCount: false, node }, 'NodeIndexSeekByRange'],
      [
        'a composition',
        { name: 'phaseEntries.list', kind: 'PhaseEntry', filter: { op: 'compare', operand: { kind: 'property', name: 'key' }, comparison: 'eq', value: 'Li3P1S4' }, order: byId, after: null, first: 20, totalCount: true, node },
        'NodeIndexSeek',
      ],
    ];
    for (const [what, listPlan, operator] of plans) {
      const listed = compileList(listPlan);
      const plan = await db.explain({ name: listed.name, text: listed.text }, listed.params);
      expect(plan.some((op) => op.startsWith(operator)), `${what}: ${plan.join(' ')}`).toBe(true);
      expect(plan.some((op) => op.startsWith('NodeByLabelScan') || op.startsWith('AllNodesScan')), `${what}: ${plan.join(' ')}`).toBe(false);
      // in the index's order: no sort of every entry (a partial top-k at most)
      if (what !== 'a composition') expect(plan.some((op) => op.startsWith('Top') || op.startsWith('Sort')), `${what}: ${plan.join(' ')}`).toBe(false);
    }
  });

  it('re-importing the same file writes nothing and leaves the revision', async () => {
    const before = await store.revision();
    const r = await importer.importFile(config.phaseDataCsv);
    expect(r).toMatchObject({ written: false, entries: 95118, revision: before });
    expect(await store.revision()).toBe(before);
  });

  it('rejects a file with invalid rows, naming each, and writes nothing', async () => {
    const before = await store.revision();
    const file = await csv('test_bad.csv', 'formula,target\nLi2S,-1.2\nXx2O,-1\nLi3N,abc\nLi2O,-99\n');
    const err = await importer.importFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidRecordsError);
    const message = (err as Error).message;
    expect(message).toContain("test_bad.csv:3: formula: formula 'Xx2O': unknown element symbol 'Xx'");
    expect(message).toContain("test_bad.csv:4: target: 'abc' is not a number (eV/atom)");
    expect(message).toContain('test_bad.csv:5: target: -99 eV/atom is not a formation energy');
    expect(await store.revision()).toBe(before);
    expect(await db.read(COUNTS, { id: 'phase-data:test-bad' })).toEqual([]);
  });

  it('an import that fails half-way changes nothing readers see, and leaves none of its entries', async () => {
    const [before] = await db.read(COUNTS, { id: 'matbench_mp_e_form' });
    const revision = await store.revision();
    // 6,000 entries: the first transaction of 5,000 commits, the second fails on a map-valued property
    const entries = synthetic('phase-data:test-broken', 6000);
    (entries[5500] as unknown as Record<string, unknown>).formula = { not: 'a primitive' };
    await expect(store.importDataset(dataset('phase-data:test-broken', 'sha256:broken'), entries, 6000)).rejects.toThrow();
    expect((await db.read(COUNTS, { id: 'matbench_mp_e_form' }))[0]).toEqual(before);
    expect(await store.revision()).toBe(revision);
    expect(await db.read(cypher('test.phases.broken', "MATCH (e:PhaseEntry {datasetId: 'phase-data:test-broken'}) RETURN count(e) AS n"))).toEqual([{ n: 0 }]);
  });

  it('a new table replaces the phase data at once (users\' entries stay), two imports at once leave one complete table, and the real one comes back', async () => {
    const revision = await store.revision();
    const v1 = await importer.importFile(await csv('test_small.csv', 'formula,target\nLi2S,-1.5\nLi2S,-1.4\nLiS4,-0.3\n'));
    expect(v1).toMatchObject({ datasetId: 'phase-data:test-small', rows: 3, entries: 2, written: true, revision: revision + 1 });
    expect(v1.removed).toBe(95118); // the previous table's entries
    expect(await store.entriesOfSystems(chemicalSubsystems(['Li', 'S']))).toHaveLength(2);
    const [matbench] = await db.read(COUNTS, { id: 'matbench_mp_e_form' });
    expect(matbench).toMatchObject({ entries: 0, stored: 0, visible: 0 });

    const v2 = await importer.importFile(await csv('test_small.csv', 'formula,target\nLi2S,-1.6\n'));
    expect(v2).toMatchObject({ entries: 1, removed: 2, written: true, revision: revision + 2 });
    const [li2s] = await store.entriesByIds(['phase-data:test-small:Li2S1']);
    expect(li2s!.formationEnergyEvPerAtom).toBe(-1.6);

    // two imports at once (two replicas starting on an empty graph): whichever finishes, readers see one whole table
    const results = await Promise.allSettled([
      store.importDataset(dataset('phase-data:test-a', 'sha256:a'), synthetic('phase-data:test-a', 12000), 12000),
      store.importDataset(dataset('phase-data:test-b', 'sha256:b'), synthetic('phase-data:test-b', 12000), 12000),
    ]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const [state] = await db.read(
      cypher(
        'test.phases.state',
        `MATCH (r:PhaseDataRevision {id: 'phase-data'})
         MATCH (d:Dataset) WHERE d.phaseRun IS NOT NULL
         WITH r, collect(d.id) AS active, sum(d.phaseEntryCount) AS claimed, collect(d.phaseRun) AS runs
         RETURN active, claimed, runs = [r.activeRun] AS consistent,
           COUNT { MATCH (e:PhaseEntry {source: 'DATASET'}) WHERE e.run = r.activeRun RETURN e } AS visible,
           COUNT { MATCH (e:PhaseEntry {source: 'DATASET'}) RETURN e } AS stored`,
      ),
    );
    expect((state!.active as string[]).length).toBe(1);
    // one table, whole, and nothing else stored: the loser deleted its own run
    expect(state).toMatchObject({ claimed: 12000, visible: 12000, consistent: true, stored: 12000 });

    const back = await importer.importFile(config.phaseDataCsv);
    expect(back).toMatchObject({ written: true, entries: 95118 });
    expect((await db.read(COUNTS, { id: 'matbench_mp_e_form' }))[0]).toMatchObject({ rows: 132752, entries: 95118, stored: 95118, visible: 95118 });
    expect(await db.read(cypher('test.phases.left', "MATCH (e:PhaseEntry {source: 'DATASET'}) WHERE e.datasetId <> 'matbench_mp_e_form' RETURN count(e) AS n"))).toEqual([{ n: 0 }]);
  }, 600_000); // three imports of the 132,752-row table on a busy machine
});

function dataset(id: string, version: string) {
  return { id, name: 'test', license: '', licenseUrl: '', url: '', citation: '', doi: null, version, file: `${id}.csv` };
}

/** n distinct Li–S compositions LiₖS (k = 1…n) as dataset entries. */
function synthetic(datasetId: string, n: number): PhaseEntryWrite[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${datasetId}:Li${i + 1}S1`,
    key: `Li${i + 1}S1`,
    formula: `Li${i + 1}S`,
    compositionElements: ['Li', 'S'],
    compositionAmounts: [i + 1, 1],
    chemicalSystem: 'Li-S',
    elementCount: 2,
    formationEnergyEvPerAtom: -0.1,
    rows: 1,
  }));
}
