import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type GraphDatabase } from '../../src/graph/database.js';
import { DatasetImportStore, type DatasetImportInput } from '../../src/graph/datasetImport.store.js';
import { GraphError } from '../../src/graph/errors.js';
import { compileList } from '../../src/graph/query/compile.js';
import type { Filter } from '../../src/graph/query/plan.js';
import { PublicationStore } from '../../src/graph/publication.store.js';
import { InvalidRecordsError } from '../../src/services/errors.js';
import { loadConfig } from '../../src/server/config.js';
import { ObelixImportService } from '../../src/services/obelix/obelix.import.js';
import { readObelix } from '../../src/services/obelix/obelix.records.js';
import { snapshot } from '../support/graphSnapshot.js';
import { connectTestDatabase, testNeo4j } from '../support/neo4j.js';
import { obelixRows, pymatgenObelix } from '../support/obelixCsv.js';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// globalSetup imported OBELiX once into the throwaway test database.
let db: GraphDatabase;
let importer: ObelixImportService;
const rows = obelixRows();

beforeAll(() => {
  db = connectTestDatabase();
  importer = new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db), loadConfig().obelixMapping);
});
afterAll(async () => db.close());

const COUNT = cypher(
  'test.obelix.counts',
  `MATCH (d:Dataset {id: 'obelix'})
   RETURN COUNT { (:Measurement)-[:FROM_DATASET]->(d) } AS measurements,
          COUNT { (:Material)-[:HAS_MEASUREMENT]->(:Measurement)-[:FROM_DATASET]->(d) } AS materialLinks,
          COUNT { MATCH (m:Material) WHERE EXISTS { (m)-[:HAS_MEASUREMENT]->(:Measurement)-[:FROM_DATASET]->(d) } RETURN m } AS materials,
          COUNT { MATCH (x:Measurement)-[:FROM_DATASET]->(d) MATCH (x)-[:REPORTED_BY]->(p:Publication) RETURN DISTINCT p } AS publications`,
);

describe('OBELiX in Neo4j', () => {
  it('holds every row: one measurement per row plus the separate bulk values, 500 materials, every DOI', async () => {
    const [c] = await db.read(COUNT);
    const bulk = rows.filter((r) => r['IC (Bulk)'] && Number(r['IC (Bulk)']) !== Number(r['Ionic conductivity (S cm-1)'])).length;
    const dois = new Set(rows.flatMap((r) => r.DOI.split('|').map((d) => d.trim().toLowerCase())));
    expect(rows).toHaveLength(599);
    expect(c).toEqual({
      measurements: 599 + bulk,
      materialLinks: 599 + bulk,
      materials: pymatgenObelix.distinctCompositions,
      publications: dois.size,
    });
  });

  it('keeps censored conductivities as upper bounds', async () => {
    const censored = rows.filter((r) => r['Ionic conductivity (S cm-1)']!.startsWith('<'));
    const stored = await db.read(
      cypher(
        'test.obelix.censored',
        `MATCH (x:Measurement)-[:FROM_DATASET]->(:Dataset {id: 'obelix'}) WHERE x.qualifier = 'LESS_THAN'
         RETURN x.id AS id, x.value AS value, x.max AS max, x.printedValue AS printed`,
      ),
    );
    expect(stored.map((s) => s.id).sort()).toEqual(censored.map((r) => `obelix:${r.ID}`).sort());
    for (const s of stored) {
      expect(s.value).toBeNull();
      expect(s.max).toBe(Number(String(s.printed).slice(1)));
    }
  });

  it('importing again leaves the same graph (counts and every property)', async () => {
    const before = await snapshot(db);
    const result = await importer.importFile(testNeo4j().obelixCsv);
    const after = await snapshot(db);
    expect(result).toMatchObject({ rows: 599, materials: pymatgenObelix.distinctCompositions, removedMeasurements: 0, removedOrphans: 0 });
    expect(after).toEqual(before);
  });

  it('converges: importing a changed file and then the original gives the graph of the original', async () => {
    const before = await snapshot(db);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'interphase-obelix-'));
    const file = path.join(dir, 'all.csv');
    const lines = (await readFile(testNeo4j().obelixCsv, 'utf8')).split('\n');
    // drop a row, move a row to a new composition, relabel a family, re-point a DOI
    const changed = [...lines];
    changed.splice(10, 1);
    changed[20] = changed[20]!.replace(/^(\w+),[^,]+,/, '$1,Li9Sc2Br1,');
    changed[30] = changed[30]!.replace(/,(garnet|NASICON|perovskites|argyrodites|LGPS),/, ',Halide,');
    changed[40] = changed[40]!.replace(/,10\.\d{4,9}\/[^,]+,/, ',10.9999/changed-doi,');
    expect(changed.join('\n')).not.toBe(lines.join('\n'));
    await writeFile(file, changed.join('\n'));
    const changedResult = await importer.importFile(file);
    expect(changedResult.removedMeasurements).toBeGreaterThanOrEqual(1);
    expect(await snapshot(db)).not.toEqual(before);
    const back = await importer.importFile(testNeo4j().obelixCsv);
    expect(back.removedOrphans).toBeGreaterThanOrEqual(2); // the material Li9Sc2Br1 and the publication 10.9999/changed-doi
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes nothing when a row is invalid', async () => {
    const before = await snapshot(db);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'interphase-obelix-'));
    const file = path.join(dir, 'all.csv');
    const text = (await readFile(testNeo4j().obelixCsv, 'utf8')).split('\n');
    text[300] = text[300]!.replace(/^(\w+),[^,]+,/, '$1,Li7-xLa3Zr2O12,');
    await writeFile(file, text.join('\n'));
    await expect(importer.importFile(file)).rejects.toThrow(InvalidRecordsError);
    await expect(importer.importFile(file)).rejects.toThrow(/all\.csv:301 \[\w+\]: Reduced Composition: formula 'Li7-xLa3Zr2O12'/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls the whole transaction back when a write fails half-way', async () => {
    const before = await snapshot(db);
    const input: DatasetImportInput = readObelix(
      'ID,Reduced Composition,True Composition,Ionic conductivity (S cm-1),IC (Total),IC (Bulk),Space group,Space group #,a,b,c,alpha,beta,gamma,Family,DOI,ICSD ID\n' +
        'tx1,Li9N3,,1e-3,,,,,,,,,,,,10.9999/rollback,\n',
      'rollback.csv',
    );
    // Corrupt the second half: a measurement whose material is not in the input, so the store must abort.
    const broken: DatasetImportInput = {
      ...input,
      dataset: { ...input.dataset, id: 'rollback-test' },
      measurements: [...input.measurements, { ...input.measurements[0]!, id: 'rollback:2', materialId: 'No1Such1' }],
    };
    await expect(new DatasetImportStore(db).importDataset(broken)).rejects.toThrow(/wrote 1 of 2 measurements/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('maps a broken uniqueness constraint to a ConstraintViolationError and writes nothing', async () => {
    const before = await snapshot(db);
    const dup = cypher('test.duplicateMaterial', `CREATE (:Material {id: 'Ge1Li10P2S12', name: 'duplicate'})`);
    const err = await db.write(dup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).name).toBe('ConstraintViolationError');
    expect((err as GraphError).neo4jCode).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('query plans', () => {
  it('seeks indexes for the id and chemical-system filters of the compiled materials list', async () => {
    const eq = (name: string, value: unknown): Filter => ({ op: 'compare', operand: { kind: 'property', name }, comparison: 'eq', value });
    const plan = async (filter: Filter | null) => {
      const q = compileList({ name: 'test.list', kind: 'Material', filter, order: { key: null, direction: 'ASC' }, after: null, first: 10, totalCount: true, node: null });
      return (await db.explain({ name: q.name, text: q.text }, q.params)).join(' ');
    };
    expect(await plan(eq('id', 'Ge1Li10P2S12'))).toMatch(/NodeUniqueIndexSeek/);
    expect(await plan(eq('chemicalSystem', 'Li-P-S'))).toMatch(/NodeIndexSeek/);
    // unfiltered: no index to seek (the count alone comes from the count store)
    expect(await plan(null)).not.toMatch(/IndexSeek/);
  });
});

describe('schema bootstrap', () => {
  it('created the uniqueness constraints and indexes of schema/neo4j', async () => {
    const constraints = await db.read(cypher('test.showConstraints', 'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *'));
    const byName = Object.fromEntries(constraints.map((c) => [c.name, c]));
    for (const [name, label, prop] of [
      ['material_id', 'Material', 'id'],
      ['measurement_id', 'Measurement', 'id'],
      ['publication_doi', 'Publication', 'doi'],
      ['dataset_id', 'Dataset', 'id'],
    ]) {
      expect(byName[name!], name).toMatchObject({ type: 'UNIQUENESS', labelsOrTypes: [label], properties: [prop] });
    }
    const indexes = await db.read(cypher('test.showIndexes', 'SHOW INDEXES YIELD name, state RETURN *'));
    const online = new Set(indexes.filter((i) => i.state === 'ONLINE').map((i) => i.name));
    expect(online.has('material_chemical_system')).toBe(true);
  });
});
