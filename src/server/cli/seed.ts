/**
 * npm run seed [-- --check]: validates the curated seed (seed/) against its schema and the review
 * texts, and (without --check) loads it into the configured Neo4j in one transaction.
 */
import { existsSync } from 'node:fs';
import { InvalidRecordsError } from '../../services/errors.js';
import { readSeed } from '../../services/seed/seed.read.js';
import { seedSummary } from '../../services/seed/seed.load.js';
import { applySchema } from '../../graph/schemaBootstrap.js';
import { loadSeed } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { connectNeo4j } from '../neo4jConnection.js';
import { projectPath } from '../paths.js';

const config = loadConfig();
const check = process.argv.includes('--check');
const textsDir = existsSync(config.seedTextsDir) ? config.seedTextsDir : null;
if (!textsDir) console.warn(`review texts not found at ${config.seedTextsDir}: quotes and lines are not checked`);

try {
  if (check) {
    console.log(seedSummary(await readSeed({ seedDir: config.seedDir, textsDir })));
  } else {
    const logger = createLogger(config.logLevel);
    const { db, local } = await connectNeo4j(config, logger);
    try {
      await applySchema(db, projectPath('schema', 'neo4j'));
      await loadSeed(db, config, logger);
    } finally {
      await db.close();
      await local?.stopIfOwner();
    }
  }
} catch (e) {
  if (e instanceof InvalidRecordsError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
