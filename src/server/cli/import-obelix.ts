/**
 * npm run import:obelix [-- <path to all.csv>]: imports (or re-imports, idempotently) OBELiX into the
 * configured Neo4j. Uses the bundled Neo4j when NEO4J_URI is unset (starting it if needed).
 */
import { DatasetImportStore } from '../../graph/datasetImport.store.js';
import { PublicationStore } from '../../graph/publication.store.js';
import { OBELIX_SOURCE_HINT, ObelixImportService } from '../../services/obelix/obelix.import.js';
import { importObelix } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { runImportCli } from './importCli.js';

const importer = (db: ConstructorParameters<typeof DatasetImportStore>[0]) =>
  new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db), loadConfig().obelixMapping);

await runImportCli({
  defaultFile: (config) => config.obelixCsv,
  available: (db, file) => importer(db).fileAvailable(file),
  hint: OBELIX_SOURCE_HINT,
  run: (db, file, logger) => importObelix(importer(db), file, logger),
});
