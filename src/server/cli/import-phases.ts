/**
 * npm run import:phases [-- <path to a formation-energy CSV>]: imports (or re-imports, idempotently) the
 * phase data the thermodynamics computes from into the configured Neo4j (PHASE_DATA_CSV by default).
 * Uses the bundled Neo4j when NEO4J_URI is unset (starting it if needed).
 */
import { PhaseDataStore } from '../../graph/phaseData.store.js';
import { PHASE_DATA_SOURCE_HINT, PhaseDataImportService } from '../../services/thermo/phaseData.import.js';
import { importPhaseData } from '../bootstrap.js';
import { runImportCli } from './importCli.js';

const importer = (db: ConstructorParameters<typeof PhaseDataStore>[0]) => new PhaseDataImportService(new PhaseDataStore(db));

await runImportCli({
  defaultFile: (config) => config.phaseDataCsv,
  available: (db, file) => importer(db).fileAvailable(file),
  hint: PHASE_DATA_SOURCE_HINT,
  run: (db, file, logger) => importPhaseData(importer(db), file, logger),
});
