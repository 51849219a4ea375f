/**
 * `npm start`: starts Interphase (and the bundled Neo4j unless NEO4J_URI is set), stops both on
 * Ctrl-C / SIGTERM.
 */
import { startInterphase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { LocalNeo4jError } from './localNeo4j.js';
import { createLogger } from './logger.js';

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
const logger = createLogger(config.logLevel);

try {
  const started = Date.now();
  const server = await startInterphase(config, logger);
  logger.info(`Interphase ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${server.url} (health: ${server.url.replace(/graphql$/, 'health')})`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    try {
      await server.stop();
    } catch (e) {
      logger.error({ err: e }, 'error while shutting down');
      process.exitCode = 1;
    }
    // pino's pretty transport flushes on exit
    setTimeout(() => process.exit(), 100).unref();
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (e) {
  if (e instanceof LocalNeo4jError) logger.fatal(e.message);
  else logger.fatal({ err: e }, 'start-up failed');
  setTimeout(() => process.exit(1), 100);
}
