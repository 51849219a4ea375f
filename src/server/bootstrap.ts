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
import { formatProblem, InvalidRecordsError } from '../services/errors.js';
import { SeedStore } from '../graph/seed.store.js';
import { SeedService, seedSummary } from '../services/seed/seed.load.js';
import { OBELIX_SOURCE_HINT, ObelixImportService, type ObelixImportResult } from '../services/obelix/obelix.import.js';
import type { LiverpoolImportResult, LiverpoolImportService } from '../services/liverpool/liverpool.import.js';
import { createApp, type AppOptions } from './app.js';
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
    const readyAtStart = await attempt();
    const graphReady: Promise<void> = readyAtStart
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

    const { httpServer, stop: stopApp, preloadPhaseEntries, readRelationDegrees } = await createApp(appOptionsOf(config, db, logger));
    // the cost estimates of the compiled lists read the graph's degrees: before the first request when the graph is ready
    const degrees = () => readRelationDegrees().catch((e: unknown) => logger.warn({ err: e }, 'reading relationship degrees failed; list costs assume 10 rows per nested list'));
    if (readyAtStart) await degrees();
    else void graphReady.then(degrees);
    try {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? portTaken(config.port) : e));
        httpServer.listen(config.port, config.host, resolve);
      });
    } catch (e) {
      await stopApp();
      throw e;
    }
    if (config.thermoPreload) preload(graphReady, preloadPhaseEntries, logger);
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;

    return {
      url,
      port,
      db,
      local,
      graphReady,
      async stop() {
        await stopApp();
        await closeGraph();
      },
    };
  } catch (e) {
    await closeGraph().catch((err: unknown) => logger.error({ err }, 'cleaning up after a failed start'));
    throw e;
  }
}

/** The HTTP application's options from the configuration (the server and the command-line export share them). */
export function appOptionsOf(config: Config, db: GraphDatabase, logger: Logger): AppOptions {
  return {
    db,
    logger,
    production: config.production,
    corsOrigins: config.corsOrigins,
    version: packageVersion(),
    thermoCacheSystems: config.thermoCacheSystems,
    thermoCacheBytes: config.thermoCacheBytes,
    thermoPool: config.thermoPool,
    thermoInlineMaxEntries: config.thermoInlineMaxEntries,
    thermoRevisionTtlMs: config.thermoRevisionTtlMs,
    limits: config.limits,
    mutations: config.mutations,
    proposalsRequired: config.proposalsRequired,
    rateLimitPerMinute: config.rateLimitPerMinute,
    requestTimeoutMs: config.deadlines.requestMs,
    exportMaxConcurrent: config.exportMaxConcurrent,
    wsMaxConnections: config.wsMaxConnections,
    subscriptionsPerConnection: config.subscriptionsPerConnection,
  };
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

function importPhaseDataIfEmpty(db: GraphDatabase, config: Config, logger: Logger): Promise<PhaseDataImportResult | null> {
  const importer = new PhaseDataImportService(new PhaseDataStore(db));
  return importIfEmpty(
    {
      name: 'phase data',
      enabled: config.phaseDataOnStart,
      file: config.phaseDataCsv,
      existing: async () => `${await importer.importedEntryCount(config.phaseDataCsv)} entries`,
      available: () => importer.fileAvailable(config.phaseDataCsv),
      hint: `computed windows answer ELEMENT_WITHOUT_DATA. ${PHASE_DATA_SOURCE_HINT}`,
      run: () => importPhaseData(importer, config.phaseDataCsv, logger),
    },
    logger,
  );
}

/** Imports a formation-energy table with progress and a summary line. */
export function importPhaseData(importer: PhaseDataImportService, file: string, logger: Logger): Promise<PhaseDataImportResult> {
  return withProgress(
    'Importing phase data',
    logger,
    (onProgress) => importer.importFile(file, onProgress),
    (r, ms) =>
      `phase data ${r.datasetId} ${r.version}: ${r.rows} rows → ${r.entries} entries (lowest polymorph per composition)` +
      `${r.written ? '' : ', already imported: nothing written'}${r.removed ? `, ${r.removed} stale entries removed` : ''}` +
      `${r.abandoned ? `, ${r.abandoned} entries of unfinished imports removed` : ''}, revision ${r.revision}, in ${ms} ms`,
  );
}

interface StartImport<R> {
  name: string;
  enabled: boolean;
  file: string;
  /** What of it the graph already holds, e.g. '626 measurements' ('0 …' when nothing). */
  existing(): Promise<string>;
  available(): Promise<boolean>;
  /** What a missing file means and where to get it. */
  hint: string;
  run(): Promise<R>;
}

/**
 * Runs an import on start when it is enabled and the graph holds none of its data and the file is there;
 * a missing file is a warning and invalid records an error in the log, neither stops the server.
 */
async function importIfEmpty<R>(i: StartImport<R>, logger: Logger): Promise<R | null> {
  if (!i.enabled) return null;
  const existing = await i.existing();
  if (!existing.startsWith('0 ')) {
    logger.info(`${i.name}: ${existing} already in the graph`);
    return null;
  }
  if (!(await i.available())) {
    logger.warn(`${i.name} not imported: ${i.file} not found; ${i.hint}.`);
    return null;
  }
  try {
    return await i.run();
  } catch (e) {
    if (!(e instanceof InvalidRecordsError)) throw e;
    logger.error(`${i.name} not imported, the file has invalid records: ${e.message}`);
    return null;
  }
}

/** Runs `work` with a progress line and logs `summary(result, ms)`. */
async function withProgress<R>(label: string, logger: Logger, work: (onProgress: (done: number, total: number) => void) => Promise<R>, summary: (r: R, ms: number) => string): Promise<R> {
  const progress = createProgress(label, logger);
  const started = Date.now();
  try {
    const r = await work((done, total) => progress.update(done, total));
    progress.stop();
    logger.info(summary(r, Date.now() - started));
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

function importObelixIfEmpty(db: GraphDatabase, config: Config, logger: Logger): Promise<ObelixImportResult | null> {
  const importer = new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db), config.obelixMapping);
  return importIfEmpty(
    {
      name: 'OBELiX',
      enabled: config.importOnStart,
      file: config.obelixCsv,
      existing: async () => `${await importer.importedRecordCount()} measurements`,
      available: () => importer.fileAvailable(config.obelixCsv),
      hint: OBELIX_SOURCE_HINT,
      run: () => importObelix(importer, config.obelixCsv, logger),
    },
    logger,
  );
}

export function importObelix(importer: ObelixImportService, file: string, logger: Logger): Promise<ObelixImportResult> {
  return withProgress(
    'Importing OBELiX',
    logger,
    (onProgress) => importer.importFile(file, onProgress),
    (r, ms) =>
      `OBELiX ${r.version}: ${r.rows} rows → ${r.materials} materials, ${r.measurements} measurements, ` +
      `${r.publications} publications${r.removedMeasurements ? `, ${r.removedMeasurements} stale measurements removed` : ''} in ${ms} ms`,
  );
}

/**
 * Imports the Liverpool Ionics Dataset with progress and a summary: rows read, measurements written, rows
 * merged as duplicates, materials shared with other sources, and every skipped row (and warning) with its
 * line and why.
 */
export async function importLiverpool(importer: LiverpoolImportService, file: string, logger: Logger): Promise<LiverpoolImportResult> {
  const r = await withProgress(
    'Importing the Liverpool Ionics Dataset',
    logger,
    (onProgress) => importer.importFile(file, onProgress),
    (r, ms) => {
      const reasons = new Map<string, number>();
      for (const p of r.skipped) reasons.set(p.field, (reasons.get(p.field) ?? 0) + 1);
      return (
        `Liverpool Ionics Dataset ${r.version}: ${r.rows} rows → ${r.measurements} measurements` +
        `${r.duplicateRows ? ` (${r.duplicateRows} duplicate rows merged)` : ''}, ${r.materials} materials ` +
        `(${r.sharedMaterials} also described by the seed or OBELiX, ${r.materials - r.sharedMaterials} only by this dataset), ` +
        `${r.publications} publications; ${r.skipped.length} rows skipped` +
        `${reasons.size ? ` (${[...reasons].map(([field, n]) => `${field}: ${n}`).join(', ')})` : ''}, ${r.warnings.length} warnings` +
        `${r.removedMeasurements ? `, ${r.removedMeasurements} stale measurements removed` : ''} in ${ms} ms`
      );
    },
  );
  if (r.skipped.length > 0) logger.warn(`rows skipped:\n${r.skipped.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  if (r.warnings.length > 0) logger.warn(`rows imported with a warning:\n${r.warnings.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  return r;
}

/**
 * Reads the phase entries into memory once the graph is ready, in the background, so that the first
 * thermodynamic request costs its computation alone (THERMO_PRELOAD); a failure is logged and the first
 * request reads them instead.
 */
function preload(graphReady: Promise<void>, read: () => Promise<{ revision: number; entries: number }>, logger: Logger): void {
  const started = performance.now();
  graphReady
    .then(read)
    .then(
      ({ revision, entries }) => logger.info(`phase entries in memory: ${entries} of revision ${revision}, read in ${Math.round(performance.now() - started)} ms`),
      (err: unknown) => logger.warn({ err }, 'reading the phase entries at start failed; the first thermodynamic request reads them'),
    );
}
