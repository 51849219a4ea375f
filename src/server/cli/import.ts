/**
 * npm run import -- <file> --mapping <mapping.yaml> [--dry-run] [--every-row] [--reason "..."] [--key <api key>]
 * npm run import -- --revert <change set id> [--reason "..."] [--key <api key>]
 *
 * The bulk importer (services/bulk): a CSV or JSON Lines table read through its column mapping (mappings/
 * holds those of OBELiX, the Liverpool Ionics Dataset and the Laskowski et al. table).
 * - `--dry-run` writes nothing: each rejected row as `file:line: column: problem` (every row with
 *   `--every-row`: ADD, MATCH or REJECT), warnings, and a summary.
 * - the real run writes every row that reads in one transaction (with a progress bar), recorded as one
 *   change set that `--revert <id>` undoes; re-importing the same file writes nothing ("nothing to do").
 * The real run and a revert need a curator's key: `--key` or INTERPHASE_API_KEY.
 *
 * Exit codes: 0 done, no row rejected; 1 some rows were rejected (the real run still imports the others when
 * the mapping says `rejectedRows: skip`) or the import failed; 2 a bad argument, mapping or file (nothing read
 * from or written to Neo4j).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { roleAllows, type Principal } from '../../domain/curation/roles.js';
import { ApiKeyStore } from '../../graph/apiKey.store.js';
import { ApiKeysService } from '../../services/curation/apiKeys.service.js';
import { ChangeSetStore } from '../../graph/changeSet.store.js';
import type { GraphDatabase } from '../../graph/database.js';
import { DatasetImportStore } from '../../graph/datasetImport.store.js';
import { applySchema } from '../../graph/schemaBootstrap.js';
import { BulkImportService, BulkRevertError, readMappingFile, ViewTakenError } from '../../services/bulk/bulkImport.service.js';
import { MappingError, type BulkMapping } from '../../services/bulk/mapping.js';
import { formatReport } from '../../services/bulk/plan.js';
import { InvalidRecordsError } from '../../services/errors.js';
import { fileReadable } from '../../services/files.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { connectNeo4j } from '../neo4jConnection.js';
import { projectPath } from '../paths.js';
import { createProgress } from '../progress.js';

const USAGE = 'usage: npm run import -- <file> --mapping <mapping.yaml> [--dry-run] [--every-row] [--reason "..."] [--key <api key>] | --revert <change set id>';

let args: ReturnType<typeof readArgs>;
try {
  args = readArgs();
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, Boolean(process.stderr.isTTY), 2);
const key = args.key ?? config.cliApiKey;
if (!args.dryRun && !key) {
  console.error(`a curator's API key is required to write: --key <key> or INTERPHASE_API_KEY (a dry run needs none)\n${USAGE}`);
  process.exit(2);
}

// the mapping is read and checked before Neo4j is started
let mapping: BulkMapping | null = null;
if (args.mapping) {
  try {
    mapping = await readMappingFile(args.mapping);
  } catch (e) {
    console.error(e instanceof MappingError ? e.message : `${args.mapping}: ${(e as Error).message}`);
    process.exit(2);
  }
}

if (args.file && !(await fileReadable(args.file))) {
  console.error(`${args.file}: cannot be read (mappings/README.md says where to get each table)`);
  process.exit(2);
}

const { db, local } = await connectNeo4j(config, logger);
try {
  await applySchema(db, projectPath('schema', 'neo4j'));
  const service = new BulkImportService(new DatasetImportStore(db), new ChangeSetStore(db));
  process.exitCode = args.revert ? await revert(service, db, args.revert) : await importFile(service, db, args.file!, mapping!);
} catch (e) {
  if (e instanceof InvalidRecordsError || e instanceof BulkRevertError || e instanceof MappingError || e instanceof ViewTakenError) console.error(e.message);
  else logger.error({ err: e }, 'import failed');
  process.exitCode = e instanceof InvalidRecordsError && e.problems.some((p) => p.record === 'header' || p.record === '1') ? 2 : 1;
} finally {
  await db.close();
  await local?.stopIfOwner();
}

async function importFile(service: BulkImportService, db: GraphDatabase, file: string, m: BulkMapping): Promise<number> {
  if (args.dryRun) {
    const plan = await service.plan(file, m);
    console.log(formatReport(plan, { everyRow: args.everyRow }));
    return plan.summary.reject > 0 ? 1 : 0;
  }
  const principal = await curator(db);
  const progress = createProgress(`Importing ${path.basename(file)}`, logger);
  try {
    const result = await service.run(file, m, { keyId: principal.keyId, reason: args.reason ?? null, onProgress: (done, total) => progress.update(done, total) });
    progress.stop();
    console.log(formatReport(result.plan, { everyRow: args.everyRow }));
    if (result.changeSet && result.counts) {
      const c = result.counts;
      console.log(
        `imported ${c.measurements} measurements (${c.removedMeasurements} removed), ${c.materials} materials, ${c.publications} publications; ` +
          `change set ${result.changeSet.id} (revert: npm run import -- --revert ${result.changeSet.id})`,
      );
    } else console.log('nothing to do: the graph already holds this file');
    return result.plan.summary.reject > 0 ? 1 : 0;
  } finally {
    progress.stop();
  }
}

async function revert(service: BulkImportService, db: GraphDatabase, id: string): Promise<number> {
  const principal = await curator(db);
  const record = await service.revert(id, { keyId: principal.keyId, reason: args.reason ?? null });
  console.log(`reverted ${id}: change set ${record.id}`);
  return 0;
}

/**
 * The curator the write is recorded under: the key (`--key` or INTERPHASE_API_KEY) verified as the API
 * verifies it, with a role that includes curator.
 * @throws BulkRevertError naming the problem (not a valid key; not a curator's)
 */
async function curator(db: GraphDatabase): Promise<Principal> {
  const principal = await new ApiKeysService(new ApiKeyStore(db)).verify(key!);
  if (!principal) throw new BulkRevertError('UNAUTHENTICATED: the API key is not valid (unknown, malformed or revoked)');
  if (!roleAllows(principal.role, 'curator')) {
    throw new BulkRevertError(`FORBIDDEN: importing and reverting need the curator role; the key ${principal.keyId} (${principal.name}) has the ${principal.role} role`);
  }
  return principal;
}

function readArgs() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'every-row': { type: 'boolean', default: false },
      reason: { type: 'string' },
      key: { type: 'string' },
      revert: { type: 'string' },
    },
  });
  if (values.revert) {
    if (positionals.length > 0 || values.mapping) throw new Error('--revert takes a change set id and no file or mapping');
  } else {
    if (positionals.length !== 1) throw new Error('give one file to import');
    if (!values.mapping) throw new Error('--mapping <mapping.yaml> is required');
  }
  return {
    file: positionals[0] ? path.resolve(positionals[0]) : null,
    mapping: values.mapping ? path.resolve(values.mapping) : null,
    dryRun: values['dry-run'],
    everyRow: values['every-row'],
    reason: values.reason ?? null,
    key: values.key ?? null,
    revert: values.revert ?? null,
  };
}
