/**
 * npm run export -- <list>.<format> [--where JSON] [--order-by JSON] [--fields SELECTION] [--limit N] [--out FILE]
 *
 * Writes any compiled list of the API as CSV or JSON Lines (one row per fact, provenance columns last),
 * or the citations behind it as BibTeX or CSL-JSON, to FILE or stdout, page by page (memory bounded by
 * one page). The same export as GET /export/<list>.<format> (src/api/export), run in this process against
 * the configured Neo4j (the bundled one started if needed and stopped again if this process started it).
 * Logs go to stderr. Exit code 2 for a bad argument (checked before Neo4j is started), 1 for other errors
 * (a failure half-way leaves FILE incomplete, and says so).
 * Example: npm run export -- measurements.csv --where '{"material":{"name":"LLZO"}}' --out llzo.csv
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { parse, validate } from 'graphql';
import { planExport } from '../../api/export/exportPlan.js';
import { buildInterphaseSchema } from '../../api/schema.js';
import { ExportRequestError, readExportRequest, splitExportFile } from '../../api/export/exportRequest.js';
import { ExportQueryError, writeExport } from '../../api/export/exportWriter.js';
import { createApp } from '../app.js';
import { appOptionsOf } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { connectNeo4j } from '../neo4jConnection.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { where: { type: 'string' }, 'order-by': { type: 'string' }, fields: { type: 'string' }, limit: { type: 'string' }, out: { type: 'string' } },
});
const config = loadConfig();
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, Boolean(process.stderr.isTTY), 2);

let plan;
try {
  if (positionals.length !== 1) throw new ExportRequestError('list', 'give one <list>.<format>, e.g. measurements.csv');
  const { list, format } = splitExportFile(positionals[0]!);
  const params = Object.fromEntries(
    Object.entries({ where: values.where, orderBy: values['order-by'], fields: values.fields, limit: values.limit }).filter(([, v]) => v !== undefined),
  );
  // everything that can be checked without the database is, before Neo4j is started
  const schema = await buildInterphaseSchema();
  plan = planExport(schema, readExportRequest(list, format, params));
  const invalid = validate(schema, parse(plan.document));
  if (invalid.length > 0) throw new ExportRequestError('fields', invalid.map((e) => e.message).join('; '));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}

const { db, local } = await connectNeo4j(config, logger);
const app = await createApp(appOptionsOf(config, db, logger)).catch(async (e: unknown) => {
  await db.close();
  await local?.stopIfOwner();
  throw e;
});
const out = values.out ? createWriteStream(values.out) : process.stdout;
// a stream that fails (a folder that does not exist, a closed pipe) ends the export, never the process unhandled
const streamFailed = new Promise<never>((_, reject) => out.once('error', reject));
streamFailed.catch(() => {});
try {
  await app.readRelationDegrees();
  const { rows } = await Promise.race([writeExport(plan, app.execute, out), streamFailed]);
  if (values.out) {
    out.end();
    await Promise.race([finished(out), streamFailed]);
  }
  console.error(`${rows} ${plan.list} exported as ${plan.format}${values.out ? ` to ${values.out}` : ''}`);
} catch (e) {
  if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
    // the reader went away (`| head`): not an error of the export
  } else {
    console.error(e instanceof ExportRequestError || e instanceof ExportQueryError ? e.message : e);
    if (values.out) console.error(`${values.out} is incomplete`);
    process.exitCode = e instanceof ExportQueryError && e.code === 'BAD_USER_INPUT' ? 2 : 1;
  }
} finally {
  await app.stop();
  await db.close();
  await local?.stopIfOwner();
}
