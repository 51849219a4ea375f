/**
 * Starts a real, throwaway Neo4j Community 5.26 for the graph tests (its own temporary home and a free
 * port; jars from Maven Central via neo4j-local/pom.xml, downloaded on first use), applies the schema,
 * marks the database as a test database, imports OBELiX, loads the curated seed and imports the phase data once. Stops it and deletes its folder at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { GraphDatabase } from '../../src/graph/database.js';
import { DatasetImportStore } from '../../src/graph/datasetImport.store.js';
import { PublicationStore } from '../../src/graph/publication.store.js';
import { applySchema } from '../../src/graph/schemaBootstrap.js';
import { PhaseDataStore } from '../../src/graph/phaseData.store.js';
import { SeedStore } from '../../src/graph/seed.store.js';
import { PhaseDataImportService } from '../../src/services/thermo/phaseData.import.js';
import { ObelixImportService } from '../../src/services/obelix/obelix.import.js';
import { SeedService } from '../../src/services/seed/seed.load.js';
import { loadConfig } from '../../src/server/config.js';
import { freePort, startLocalNeo4j, stopLocalNeo4j } from '../../src/server/localNeo4j.js';
import { projectPath } from '../../src/server/paths.js';
import { markAsTestDatabase } from './neo4j.js';
import { requireObelixFile } from './obelixCsv.js';


export default async function setup(project: TestProject) {
  const obelixCsv = requireObelixFile();
  const home = await mkdtemp(path.join(os.tmpdir(), 'interphase-test-neo4j-'));
  const started = Date.now();
  const neo4j = await startOnFreePort(home);
  console.log(`[test neo4j] ready at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const db = GraphDatabase.connect(neo4j);
  try {
    await applySchema(db, projectPath('schema', 'neo4j'));
    await markAsTestDatabase(db);
    const config = loadConfig();
    // through the bulk importer's mapping (mappings/obelix.yaml), as the server imports it
    const importer = new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db), config.obelixMapping);
    await importer.importFile(obelixCsv);
    await new SeedService(new SeedStore(db)).load(config.seedDir, config.seedTextsDir);
    const phases = await new PhaseDataImportService(new PhaseDataStore(db)).importFile(config.phaseDataCsv);
    console.log(`[test neo4j] phase data: ${phases.entries} entries of ${phases.rows} rows`);
  } finally {
    await db.close();
  }
  project.provide('neo4j', {
    uri: neo4j.uri,
    username: neo4j.username,
    password: neo4j.password,
    database: neo4j.database,
    home,
    obelixCsv,
  });
  return async () => {
    // The data is thrown away, so Neo4j gets 2 s to stop before it is killed (its Bolt shutdown takes ~10 s).
    await stopLocalNeo4j(home, 2000);
    await rm(home, { recursive: true, force: true });
  };
}

/**
 * Starts the test Neo4j on a free port; if another program takes the port before Neo4j binds it (a busy
 * shared machine), tries again on another, three times at most.
 */
async function startOnFreePort(home: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startLocalNeo4j({ home, boltPort: await freePort(), heap: '512m', pageCache: '128m', log: (m) => console.log(`[test neo4j] ${m}`) });
    } catch (e) {
      if (attempt >= 3 || !/Address already in use|PortBindException/.test(String(e))) throw e;
      console.log(`[test neo4j] the port was taken before Neo4j bound it; trying another (attempt ${attempt + 1} of 3)`);
    }
  }
}
