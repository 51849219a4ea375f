/**
 * Start-up and shut-down, in order: Neo4j (the bundled local server unless NEO4J_URI is set) → driver →
 * schema constraints and indexes → curated seed, OBELiX and phase data, each when the graph holds none of it → HTTP.
 * If Neo4j is unreachable the API still starts (requests answer DATABASE_UNAVAILABLE, /health says so)
 * and the graph preparation is retried until it succeeds.
 */
import type { AddressInfo } from 'node:net';
import type { GraphDatabase } from '../graph/database.js';
import { DatasetImportStore } from '../graph/datasetImport.store.js';
import { DatabaseUnavailableError } from '../graph/errors.js';
import { PhaseDataStore } from '../graph/phaseData.store.js';
import { PublicationStore } from '../graph/publication.store.js';
import { PHASE_DATA_SOURCE_HINT, PhaseDataImportService, type PhaseDataImportResult } from '../services/thermo/phaseData.import.js';
import { applySchema } from '../graph/schemaBootstrap.js';
import { InvalidRecordsError } from '../services/errors.js';
import { SeedStore } from '../graph/seed.store.js';
import { SeedService, seedSummary } from '../services/seed/seed.load.js';
import { OBELIX_SOURCE_HINT, ObelixImportService, type ObelixImportResult } from '../services/obelix/obelix.import.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { portIsFree, type LocalNeo4j } from './localNeo4j.js';
import type { Logger } from './logger.js';
import { connectNeo4j } from './neo4jConnection.js';
import { packageVersion, projectPath } from './paths.js';
import { createProgress } from './progress.js';

export interface RunningServer {
  url: string;
  port: number;
  db: GraphDatabase;
  local: LocalNeo4j | null;
  /** Resolves when schema and data are in place (never rejects; retries while Neo4j is unavailable). */
  graphReady: Promise<void>;
  stop(): Promise<void>;
}

const RETRY_MS = 15_000;

/**
 * Starts everything; on failure (or when `signal` aborts during start-up) it closes what it opened,
 * including the bundled Neo4j it started, before rethrowing.
 */
export async function startInterphase(config: Config, logger: Logger, signal?: AbortSignal): Promise<RunningServer> {
  // Fail before starting Neo4j if the HTTP port is already taken.
  if (config.port !== 0 && !(await portIsFree(config.port, config.host))) throw portTaken(config.port);
  const { db, uri, local } = await connectNeo4j(config, logger, signal);
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const closeGraph = async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await db.close();
    if (local && (await local.stopIfOwner())) logger.info('stopped the local Neo4j');
  };
  try {
    db.observe((query, ms) => logger.debug({ query, ms: Math.round(ms * 10) / 10 }, 'cypher'));
    logger.info({ uri, database: db.database }, 'Neo4j');

    /** One attempt: true when the graph is ready, false when Neo4j is unavailable (other errors throw). */
    const attempt = async (): Promise<boolean> => {
      try {
        await prepareGraph(db, config, logger);
        return true;
      } catch (e) {
        if (!(e instanceof DatabaseUnavailableError)) throw e;
        logger.warn(`Neo4j is unavailable (${e.message}); requests answer DATABASE_UNAVAILABLE; retrying in ${RETRY_MS / 1000} s`);
        return false;
      }
    };
    // The first attempt is awaited, so a reachable graph is ready before the first request.
    const graphReady: Promise<void> = (await attempt())
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const tick = async () => {
            if (stopped) return;
            const ok = await attempt().catch((e: unknown) => {
              logger.error({ err: e }, 'preparing the graph failed');
              return false;
            });
            if (ok) resolve();
            else if (!stopped) retry = setTimeout(() => void tick(), RETRY_MS);
          };
          retry = setTimeout(() => void tick(), RETRY_MS);
        });
    signal?.throwIfAborted();

    const { httpServer, apollo } = await createApp({
      db,
      logger,
      production: config.production,
      corsOrigins: config.corsOrigins,
      version: packageVersion(),
      thermoCacheSystems: config.thermoCacheSystems,
      thermoRevisionTtlMs: config.thermoRevisionTtlMs,
      phaseEntriesWritable: config.phaseEntriesWritable,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? portTaken(config.port) : e));
        httpServer.listen(config.port, config.host, resolve);
      });
    } catch (e) {
      await apollo.stop();
      throw e;
    }
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;

    return {
      url,
      port,
      db,
      local,
      graphReady,
      async stop() {
        await apollo.stop();
        await closeGraph();
      },
    };
  } catch (e) {
    await closeGraph().catch((err: unknown) => logger.error({ err }, 'cleaning up after a failed start'));
    throw e;
  }
}

function portTaken(port: number): Error {
  return new Error(`PORT ${port} is taken by another program; set PORT to a free port`);
}

/**
 * Applies the schema, loads the curated seed when the graph holds none of it, and imports OBELiX when the
 * graph holds none of it and the file is there. Invalid seed or dataset records are logged, not fatal.
 */
export async function prepareGraph(db: GraphDatabase, config: Config, logger: Logger): Promise<void> {
  const schema = await applySchema(db, projectPath('schema', 'neo4j'));
  logger.info(`schema: ${schema.statements} constraint/index statements applied from ${schema.files.join(', ')}`);
  if (config.seedOnStart) {
    const seed = new SeedService(new SeedStore(db));
    const existing = await seed.loadedFactCount();
    if (existing > 0) logger.info(`seed: ${existing} curated facts already in the graph`);
    else {
      try {
        await loadSeed(db, config, logger);
      } catch (e) {
        if (!(e instanceof InvalidRecordsError)) throw e;
        logger.error(`seed not loaded, it has invalid records: ${e.message}`);
      }
    }
  }
  await importObelixIfEmpty(db, config, logger);
  await importPhaseDataIfEmpty(db, config, logger);
}

async function importPhaseDataIfEmpty(db: GraphDatabase, config: Config, logger: Logger): Promise<PhaseDataImportResult | null> {
  if (!config.phaseDataOnStart) return null;
  const importer = new PhaseDataImportService(new PhaseDataStore(db));
  const existing = await importer.importedEntryCount(config.phaseDataCsv);
  if (existing > 0) {
    logger.info(`phase data: ${existing} entries already in the graph`);
    return null;
  }
  if (!(await importer.fileAvailable(config.phaseDataCsv))) {
    logger.warn(`phase data not imported: ${config.phaseDataCsv} not found; computed windows answer ELEMENT_WITHOUT_DATA. ${PHASE_DATA_SOURCE_HINT}.`);
    return null;
  }
  try {
    return await importPhaseData(importer, config.phaseDataCsv, logger);
  } catch (e) {
    if (!(e instanceof InvalidRecordsError)) throw e;
    logger.error(`phase data not imported, the file has invalid rows: ${e.message}`);
    return null;
  }
}

/** Imports a formation-energy table with progress and a summary line. */
export async function importPhaseData(importer: PhaseDataImportService, file: string, logger: Logger): Promise<PhaseDataImportResult> {
  const progress = createProgress('Importing phase data', logger);
  const started = Date.now();
  try {
    const r = await importer.importFile(file, (done, total) => progress.update(done, total));
    progress.stop();
    logger.info(
      `phase data ${r.datasetId} ${r.version}: ${r.rows} rows → ${r.entries} entries (lowest polymorph per composition)${r.written ? "" : ", already imported: nothing written"}` +
        `${r.removed ? `, ${r.removed} stale entries removed` : ''}, revision ${r.revision}, in ${Date.now() - started} ms`,
    );
    return r;
  } finally {
    progress.stop();
  }
}

/** Validates and loads the curated seed in one transaction, with progress and a summary. */
export async function loadSeed(db: GraphDatabase, config: Config, logger: Logger): Promise<void> {
  const progress = createProgress('Loading the seed', logger);
  const started = Date.now();
  try {
    const { bundle, counts } = await new SeedService(new SeedStore(db)).load(config.seedDir, config.seedTextsDir, (d, t) => progress.update(d, t));
    progress.stop();
    logger.info(`${seedSummary(bundle)}\n  written in ${Date.now() - started} ms (${counts.removedPreviousRecords} records of the previous load replaced)`);
  } finally {
    progress.stop();
  }
}

async function importObelixIfEmpty(db: GraphDatabase, config: Config, logger: Logger): Promise<ObelixImportResult | null> {
  if (!config.importOnStart) return null;
  const importer = new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db));
  const existing = await importer.importedRecordCount();
  if (existing > 0) {
    logger.info(`OBELiX: ${existing} measurements already in the graph`);
    return null;
  }
  if (!(await importer.fileAvailable(config.obelixCsv))) {
    logger.warn(`OBELiX not imported: ${config.obelixCsv} not found. ${OBELIX_SOURCE_HINT}.`);
    return null;
  }
  try {
    return await importObelix(importer, config.obelixCsv, logger);
  } catch (e) {
    if (!(e instanceof InvalidRecordsError)) throw e;
    logger.error(`OBELiX not imported, the file has invalid records: ${e.message}`);
    return null;
  }
}

export async function importObelix(importer: ObelixImportService, file: string, logger: Logger): Promise<ObelixImportResult> {
  const progress = createProgress('Importing OBELiX', logger);
  const started = Date.now();
  try {
    const r = await importer.importFile(file, (done, total) => progress.update(done, total));
    progress.stop();
    logger.info(
      `OBELiX ${r.version}: ${r.rows} rows → ${r.materials} materials, ${r.measurements} measurements, ` +
        `${r.publications} publications${r.removedMeasurements ? `, ${r.removedMeasurements} stale measurements removed` : ''} ` +
        `in ${Date.now() - started} ms`,
    );
    return r;
  } finally {
    progress.stop();
  }
}
