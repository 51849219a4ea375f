/**
 * The Liverpool Ionics Dataset import against the test Neo4j. CI has no copy of the real table, so the
 * import runs on a small made-up table in its format (test/support/liverpoolCsv.ts), written to a
 * temporary folder; the whole real table is imported too when LIVERPOOL_IONICS_CSV points to it.
 *
 * The test database is shared by every graph test file (which count what it holds): each test here
 * removes what it imported (the store's removeDataset), and checks that the graph is then exactly what it
 * was before (a fingerprint of every node, relationship and property).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type GraphDatabase } from '../../src/graph/database.js';
import { DatasetImportStore } from '../../src/graph/datasetImport.store.js';
import { PublicationStore } from '../../src/graph/publication.store.js';
import { loadConfig } from '../../src/server/config.js';
import { LiverpoolImportService } from '../../src/services/liverpool/liverpool.import.js';
import { LIVERPOOL_DATASET } from '../../src/services/liverpool/liverpool.records.js';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { NEW_COMPOSITION, SYNTHETIC_DOI, SYNTHETIC_LINES, syntheticLiverpoolCsv } from '../support/liverpoolCsv.js';
import { connectTestDatabase } from '../support/neo4j.js';

let db: GraphDatabase;
let importer: LiverpoolImportService;
let dir: string;
let file: string;
let before: GraphSnapshot;

// the real table, when the environment names one (the tests' own reading of the variable; src/ reads it in config.ts)
const realFile = process.env.LIVERPOOL_IONICS_CSV ? loadConfig().liverpoolIonicsCsv : null;
const haveRealFile = realFile !== null && existsSync(realFile);

beforeAll(async () => {
  db = connectTestDatabase();
  importer = new LiverpoolImportService(new DatasetImportStore(db));
  dir = await mkdtemp(path.join(os.tmpdir(), 'interphase-liverpool-'));
  file = path.join(dir, 'LiIonDatabase.csv');
  await writeFile(file, syntheticLiverpoolCsv());
  before = await snapshot(db);
});

afterAll(async () => {
  // whatever a failed test left behind goes, so that the files after this one see the graph they expect
  await importer.remove();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const MEASUREMENTS = cypher(
  'test.liverpool.measurements',
  `MATCH (m:Material)-[:HAS_MEASUREMENT]->(x:Measurement)-[f:FROM_DATASET]->(:Dataset {id: 'liverpool'})
   MATCH (x)-[:REPORTED_BY]->(p:Publication)
   RETURN f.recordId AS record, m.id AS material, x.value AS value, x.printedValue AS printed, x.temperatureK AS kelvin,
          x.temperatureText AS temperature, x.contribution AS contribution, x.property AS property, x.lines AS lines,
          collect(p.doi) AS dois
   ORDER BY record`,
);

const MATERIAL = cypher(
  'test.liverpool.material',
  `MATCH (m:Material {id: $id})
   RETURN m.family AS family, m.families AS families, m.familyLabels AS labels, m.liverpoolFormula AS liverpoolFormula,
          m.obelixFormula AS obelixFormula, m.seedKind AS seedKind, m.reportedFormulas AS formulas`,
);

const COUNTS = cypher(
  'test.liverpool.counts',
  `RETURN COUNT { MATCH (n) RETURN n } AS nodes, COUNT { MATCH ()-[r]->() RETURN r } AS relationships`,
);

describe('the Liverpool Ionics Dataset (a made-up table in its format)', () => {
  it('imports the rows that give measurements, skips and reports the others, and is idempotent; removing it restores the graph', async () => {
    expect((await db.read(MATERIAL, { id: NEW_COMPOSITION.key })).length).toBe(0); // a composition no other source has
    const [llzoBefore] = await db.read(MATERIAL, { id: 'La3Li7O12Zr2' });
    expect(llzoBefore).toMatchObject({ liverpoolFormula: null });
    const [countsBefore] = await db.read(COUNTS);

    const first = await importer.importFile(file);
    expect(first).toMatchObject({ rows: 16, measurements: 12, duplicateRows: 1, materials: 3, publications: 3, sharedMaterials: 2, removedMeasurements: 0, removedOrphans: 0 });
    expect(first.skipped.map((p) => [p.record, p.field])).toEqual([
      [`${SYNTHETIC_LINES.mixture} [9013]`, 'composition'],
      [`${SYNTHETIC_LINES.badLog} [9014]`, 'log_target'],
      [`${SYNTHETIC_LINES.notDoi} [9015]`, 'source'],
    ]);
    expect(first.warnings.map((p) => [p.record, p.field])).toEqual([[`${SYNTHETIC_LINES.rounded} [9004]`, 'log_target']]);

    const rows = await db.read(MEASUREMENTS);
    expect(rows).toHaveLength(12);
    const byRecord = new Map(rows.map((r) => [r.record as string, r]));
    expect(byRecord.get('9001')).toEqual({
      record: '9001', material: 'La3Li7O12Zr2', value: 2.1e-4, printed: '2.10E-04', kelvin: 298.15, temperature: '25 °C',
      contribution: 'TOTAL', property: 'IONIC_CONDUCTIVITY', lines: [2], dois: [SYNTHETIC_DOI.garnet],
    });
    expect(byRecord.get('9004')).toMatchObject({ value: 1.07e-4, kelvin: 373.15 });
    expect(byRecord.get('9005')).toMatchObject({ material: 'Cl1Li6P1S5', kelvin: 253.15, temperature: '-20 °C', dois: [SYNTHETIC_DOI.argyrodite] });
    expect(byRecord.get('9007')).toMatchObject({ kelvin: 298, lines: [SYNTHETIC_LINES.duplicateOf, SYNTHETIC_LINES.duplicate] });
    expect(byRecord.get('9010')).toMatchObject({ material: NEW_COMPOSITION.key, kelvin: 373.65, value: 1e-6, dois: [SYNTHETIC_DOI.made] });
    // four temperatures per composition
    const temperatures = new Map<string, number[]>();
    for (const r of rows) temperatures.set(r.material as string, [...(temperatures.get(r.material as string) ?? []), r.kelvin as number]);
    expect([...temperatures.values()].map((t) => new Set(t).size)).toEqual([4, 4, 4]);

    // the existing LLZO and Li6PS5Cl are the same nodes, now with this dataset's view too; the new composition is its own
    const [llzo] = await db.read(MATERIAL, { id: 'La3Li7O12Zr2' });
    expect(llzo).toMatchObject({ liverpoolFormula: 'Li7La3Zr2O12', family: llzoBefore!.family, seedKind: llzoBefore!.seedKind });
    expect(llzo!.labels).toContain('Garnet');
    const [made] = await db.read(MATERIAL, { id: NEW_COMPOSITION.key });
    expect(made).toMatchObject({ family: 'OTHER', families: ['OTHER'], labels: ['Glass'], obelixFormula: null, seedKind: null, formulas: [NEW_COMPOSITION.formula] });

    const [dataset] = await new PublicationStore(db).datasetsByIds(['liverpool']);
    expect(dataset).toMatchObject({
      ...LIVERPOOL_DATASET,
      file: 'LiIonDatabase.csv',
      version: first.version,
      measurementCount: 12,
      recordCount: 12,
    });
    expect(dataset!.license).toBe('not stated; see http://pcwww.liv.ac.uk/~msd30/lmds/LiIonDatabase.html');
    expect(dataset!.citation).toMatch(/^Hargreaves, Gaultois, Daniels et al\., "A database of experimentally measured lithium solid electrolyte conductivities evaluated with machine learning", npj Computational Materials 9, 9 \(2023\)\.$/);

    // importing again writes nothing new: the same counts, the same properties
    const imported = await snapshot(db);
    const [countsImported] = await db.read(COUNTS);
    const again = await importer.importFile(file);
    expect(again).toMatchObject({ measurements: 12, materials: 3, removedMeasurements: 0, removedOrphans: 0 });
    expect(await db.read(COUNTS)).toEqual([countsImported]);
    expect(await snapshot(db)).toEqual(imported);

    // removing it takes exactly what it added: the measurements, the new material, the publications, the dataset, its view of LLZO
    const removed = await importer.remove();
    expect(removed).toEqual({ removedMeasurements: 12, removedOrphans: 4 }); // 3 publications + the new material
    expect(await db.read(COUNTS)).toEqual([countsBefore]);
    expect(await snapshot(db)).toEqual(before);
  });

  it.skipIf(!haveRealFile)(
    `imports the whole real table where LIVERPOOL_IONICS_CSV points (skipped when it does not point to a file${haveRealFile ? '' : ': it does not here'})`,
    async () => {
      const r = await importer.importFile(realFile!);
      expect(r.rows).toBeGreaterThan(800);
      // every row is a measurement, a duplicate merged into one, or skipped with a reason
      expect(r.measurements + r.duplicateRows + r.skipped.length).toBe(r.rows);
      const [dataset] = await new PublicationStore(db).datasetsByIds(['liverpool']);
      expect(dataset!.measurementCount).toBe(r.measurements);
      const again = await importer.importFile(realFile!);
      expect(again).toMatchObject({ measurements: r.measurements, removedMeasurements: 0, removedOrphans: 0 });
      await importer.remove();
      expect(await snapshot(db)).toEqual(before);
    },
  );
});
