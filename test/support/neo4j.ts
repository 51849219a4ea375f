/**
 * Access to the throwaway test Neo4j that globalSetup started (connection details come through
 * vitest's provide/inject), and the guard that keeps tests from wiping any database not marked as a test one.
 */
import { inject } from 'vitest';
import { cypher, GraphDatabase } from '../../src/graph/database.js';
import { DatasetImportStore } from '../../src/graph/datasetImport.store.js';
import { PublicationStore } from '../../src/graph/publication.store.js';
import { SeedStore } from '../../src/graph/seed.store.js';
import { loadConfig } from '../../src/server/config.js';
import { ObelixImportService } from '../../src/services/obelix/obelix.import.js';
import { SeedService } from '../../src/services/seed/seed.load.js';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  home: string;
  obelixCsv: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

export function connectTestDatabase(): GraphDatabase {
  const n = testNeo4j();
  return GraphDatabase.connect({ uri: n.uri, username: n.username, password: n.password, database: n.database });
}

export const TEST_MARKER_LABEL = 'InterphaseTestDatabase';

const IS_TEST_DB = cypher('test.isTestDatabase', `MATCH (m:${TEST_MARKER_LABEL}) RETURN count(m) AS n`);
const MARK = cypher('test.markTestDatabase', `MERGE (:${TEST_MARKER_LABEL} {createdBy: 'interphase tests'})`);
// The phase data (95k entries, imported once by globalSetup and checked by phaseData.test.ts) are kept:
// nothing else depends on them, and re-importing them for every wipe would cost ~10 s.
const WIPE = cypher(
  'test.wipe',
  `MATCH (n) WHERE NOT n:${TEST_MARKER_LABEL} AND NOT n:PhaseEntry AND NOT n:PhaseDataRevision AND NOT (n:Dataset AND n.phaseRun IS NOT NULL)
   DETACH DELETE n`,
);

export async function markAsTestDatabase(db: GraphDatabase): Promise<void> {
  await db.write(MARK);
}

/** Deletes every node except the marker and the phase data; refuses unless the database carries the test marker. */
export async function wipeTestDatabase(db: GraphDatabase): Promise<void> {
  const [row] = await db.read(IS_TEST_DB);
  if (!row || row.n !== 1) throw new Error('refusing to wipe: this database is not marked as an Interphase test database');
  await db.write(WIPE);
}

/**
 * Brings the test database back to what globalSetup left (OBELiX and the curated seed; both imports are
 * idempotent). Files that wipe it call this in afterAll, so no other file depends on running before or
 * after them, also when one of their tests failed half-way.
 */
export async function restoreTestGraph(db: GraphDatabase): Promise<void> {
  const config = loadConfig({});
  await new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db), config.obelixMapping).importFile(testNeo4j().obelixCsv);
  await new SeedService(new SeedStore(db)).load(config.seedDir, config.seedTextsDir);
}
