/**
 * `npm start`: starts Interphase (and the bundled Neo4j unless NEO4J_URI is set), stops both on
 * Ctrl-C / SIGTERM.
 */
import { startInterphase, type RunningServer } from './bootstrap.js';
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

// Signals are handled from the first moment: Ctrl-C during start-up (a Maven download, Neo4j booting,
// the import) cancels it and stops what was started; a second Ctrl-C exits at once.
const startup = new AbortController();
let starting: Promise<RunningServer> | null = null;
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) {
    logger.warn(`${signal} again: exiting without waiting`);
    process.exit(130);
  }
  stopping = true;
  logger.info(`${signal}: shutting down`);
  startup.abort();
  try {
    // A cancelled start-up cleans up after itself (startInterphase closes what it opened).
    const server = await starting?.catch(() => null);
    await server?.stop();
  } catch (e) {
    logger.error({ err: e }, 'error while shutting down');
    process.exitCode = 1;
  }
  // pino's pretty transport flushes on exit
  setTimeout(() => process.exit(), 100).unref();
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const started = Date.now();
  starting = startInterphase(config, logger, startup.signal);
  const server = await starting;
  logger.info(`Interphase ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${server.url} (health: ${server.url.replace(/graphql$/, 'health')})`);
} catch (e) {
  if (stopping) {
    logger.info('start-up cancelled');
  } else {
    if (e instanceof LocalNeo4jError) logger.fatal(e.message);
    else logger.fatal({ err: e }, 'start-up failed');
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100);
  }
}
