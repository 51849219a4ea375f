/**
 * What the import CLIs share: configuration, the configured Neo4j (the bundled one started if needed
 * and stopped again if this process started it), the schema, and errors reported as one log line with a
 * non-zero exit code.
 */
import path from 'node:path';
import type { GraphDatabase } from '../../graph/database.js';
import { applySchema } from '../../graph/schemaBootstrap.js';
import { InvalidRecordsError } from '../../services/errors.js';
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { connectNeo4j } from '../neo4jConnection.js';
import { projectPath } from '../paths.js';

export interface ImportCli {
  /** The file when no path is given on the command line. */
  defaultFile(config: Config): string;
  available(db: GraphDatabase, file: string): Promise<boolean>;
  /** Where to get the file, for the message when it is missing. */
  hint: string;
  run(db: GraphDatabase, file: string, logger: Logger): Promise<unknown>;
}

export async function runImportCli(cli: ImportCli): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const file = process.argv[2] ? path.resolve(process.argv[2]) : cli.defaultFile(config);
  const { db, local } = await connectNeo4j(config, logger);
  try {
    if (!(await cli.available(db, file))) {
      logger.error(`${file} not found. ${cli.hint}.`);
      process.exitCode = 1;
    } else {
      await applySchema(db, projectPath('schema', 'neo4j'));
      await cli.run(db, file, logger);
    }
  } catch (e) {
    logger.error(e instanceof InvalidRecordsError ? e.message : { err: e });
    process.exitCode = 1;
  } finally {
    await db.close();
    await local?.stopIfOwner();
  }
}
