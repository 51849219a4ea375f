/**
 * npm run import:phases [-- <path to a formation-energy CSV>]: imports (or re-imports, idempotently) the
 * phase data the thermodynamics computes from into the configured Neo4j (PHASE_DATA_CSV by default).
 * Uses the bundled Neo4j when NEO4J_URI is unset (starting it if needed).
 */
import path from 'node:path';
import { PhaseDataStore } from '../../graph/phaseData.store.js';
import { applySchema } from '../../graph/schemaBootstrap.js';
import { InvalidRecordsError } from '../../services/errors.js';
import { PHASE_DATA_SOURCE_HINT, PhaseDataImportService } from '../../services/thermo/phaseData.import.js';
import { importPhaseData } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { connectNeo4j } from '../neo4jConnection.js';
import { projectPath } from '../paths.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const file = process.argv[2] ? path.resolve(process.argv[2]) : config.phaseDataCsv;
const { db, local } = await connectNeo4j(config, logger);
try {
  const importer = new PhaseDataImportService(new PhaseDataStore(db));
  if (!(await importer.fileAvailable(file))) {
    logger.error(`${file} not found. ${PHASE_DATA_SOURCE_HINT}.`);
    process.exitCode = 1;
  } else {
    await applySchema(db, projectPath('schema', 'neo4j'));
    await importPhaseData(importer, file, logger);
  }
} catch (e) {
  logger.error(e instanceof InvalidRecordsError ? e.message : { err: e });
  process.exitCode = 1;
} finally {
  await db.close();
  await local?.stopIfOwner();
}
