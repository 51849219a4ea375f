/**
 * npm run import:liverpool [-- <path to LiIonDatabase.csv>]: imports (or re-imports, idempotently) the
 * Liverpool Ionics Dataset into the configured Neo4j (LIVERPOOL_IONICS_CSV when no path is given). Uses the
 * bundled Neo4j when NEO4J_URI is unset (starting it if needed). Rows that cannot be imported are skipped
 * and listed in the log.
 */
import { DatasetImportStore } from '../../graph/datasetImport.store.js';
import { LIVERPOOL_SOURCE_HINT, LiverpoolImportService } from '../../services/liverpool/liverpool.import.js';
import { importLiverpool } from '../bootstrap.js';
import { runImportCli } from './importCli.js';

const importer = (db: ConstructorParameters<typeof DatasetImportStore>[0]) => new LiverpoolImportService(new DatasetImportStore(db));

await runImportCli({
  defaultFile: (config) => config.liverpoolIonicsCsv,
  available: (db, file) => importer(db).fileAvailable(file),
  hint: LIVERPOOL_SOURCE_HINT,
  run: (db, file, logger) => importLiverpool(importer(db), file, logger),
});
