/**
 * npm run import:obelix [-- <path to all.csv>]: imports (or re-imports, idempotently) OBELiX into the
 * configured Neo4j. Uses the bundled Neo4j when NEO4J_URI is unset (starting it if needed).
 */
import path from 'node:path';
import { DatasetImportStore } from '../../graph/datasetImport.store.js';
import { PublicationStore } from '../../graph/publication.store.js';
import { applySchema } from '../../graph/schemaBootstrap.js';
import { InvalidRecordsError } from '../../services/errors.js';
import { OBELIX_SOURCE_HINT, ObelixImportService } from '../../services/obelix/obelix.import.js';
import { importObelix } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { connectNeo4j } from '../neo4jConnection.js';
import { projectPath } from '../paths.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const file = process.argv[2] ? path.resolve(process.argv[2]) : config.obelixCsv;
const { db, local } = await connectNeo4j(config, logger);
try {
  const importer = new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db));
  if (!(await importer.fileAvailable(file))) {
    logger.error(`${file} not found. ${OBELIX_SOURCE_HINT}.`);
    process.exitCode = 1;
  } else {
    await applySchema(db, projectPath('schema', 'neo4j'));
    await importObelix(importer, file, logger);
  }
} catch (e) {
  logger.error(e instanceof InvalidRecordsError ? e.message : { err: e });
  process.exitCode = 1;
} finally {
  await db.close();
  await local?.stopIfOwner();
}
