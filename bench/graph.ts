/**
 * A throwaway Neo4j for the query benchmark (never the user's database): a temporary home and a free port,
 * started by the bundled Neo4j machinery as the tests do, with the schema applied, OBELiX imported and the
 * curated seed loaded, and marked as the benchmark's (`synthetic.ts` writes only there) (no phase data: no question of the benchmark computes windows). `stop()` stops it and
 * deletes its folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cypher, GraphDatabase } from '../src/graph/database.js';
import { DatasetImportStore } from '../src/graph/datasetImport.store.js';
import { PublicationStore } from '../src/graph/publication.store.js';
import { applySchema } from '../src/graph/schemaBootstrap.js';
import { SeedStore } from '../src/graph/seed.store.js';
import { loadConfig } from '../src/server/config.js';
import { freePort, startLocalNeo4j, stopLocalNeo4j } from '../src/server/localNeo4j.js';
import { projectPath } from '../src/server/paths.js';
import { ObelixImportService } from '../src/services/obelix/obelix.import.js';
import { SeedService } from '../src/services/seed/seed.load.js';
import { BENCH_MARKER_LABEL } from './synthetic.js';

export interface BenchNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Pid of the Neo4j JVM (for its CPU time). */
  pid: number;
  /** The environment that points an API process at this Neo4j (and keeps it from importing phase data). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(log: (m: string) => void = (m) => console.error(`[bench neo4j] ${m}`)): Promise<BenchNeo4j> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'interphase-bench-neo4j-'));
  const neo4j = await startLocalNeo4j({ home, boltPort: await freePort(), heap: '768m', pageCache: '256m', log });
  const stop = async () => {
    await stopLocalNeo4j(home, 5000);
    await rm(home, { recursive: true, force: true });
  };
  try {
    const db = GraphDatabase.connect(neo4j, 'interphase-bench');
    try {
      await applySchema(db, projectPath('schema', 'neo4j'));
      await db.write(cypher('bench.mark', `MERGE (:${BENCH_MARKER_LABEL} {createdBy: 'interphase query benchmark'})`));
      const config = loadConfig();
      await new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db)).importFile(config.obelixCsv);
      await new SeedService(new SeedStore(db)).load(config.seedDir, config.seedTextsDir);
    } finally {
      await db.close();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    uri: neo4j.uri,
    username: neo4j.username,
    password: neo4j.password,
    database: neo4j.database,
    pid: neo4j.pid,
    env: {
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      PHASE_DATA_ON_START: 'false',
    },
    stop,
  };
}
