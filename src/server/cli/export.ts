/**
 * npm run export -- <list>.<format> [--where JSON] [--order-by JSON] [--fields SELECTION] [--limit N] [--out FILE]
 *
 * Writes any compiled list of the API as CSV or JSON Lines (one row per fact, provenance columns last),
 * or the citations behind it as BibTeX or CSL-JSON, to FILE or stdout, page by page (memory bounded by
 * one page). The same export as GET /export/<list>.<format> (src/api/export), run in this process against
 * the configured Neo4j (the bundled one started if needed and stopped again if this process started it).
 * Logs go to stderr. Exit code 2 for a bad argument, 1 for other errors.
 * Example: npm run export -- measurements.csv --where '{"material":{"name":"LLZO"}}' --out llzo.csv
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { planExport } from '../../api/export/exportPlan.js';
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

let request;
try {
  if (positionals.length !== 1) throw new ExportRequestError('list', 'give one <list>.<format>, e.g. measurements.csv');
  const { list, format } = splitExportFile(positionals[0]!);
  const params = Object.fromEntries(
    Object.entries({ where: values.where, orderBy: values['order-by'], fields: values.fields, limit: values.limit }).filter(([, v]) => v !== undefined),
  );
  request = readExportRequest(list, format, params);
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
try {
  await app.readRelationDegrees();
  const plan = planExport(app.schema, request);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const { rows } = await writeExport(plan, app.execute, out);
  if (values.out) {
    out.end();
    await finished(out);
  }
  console.error(`${rows} ${request.list} exported as ${request.format}${values.out ? ` to ${values.out}` : ''}`);
} catch (e) {
  console.error(e instanceof ExportRequestError || e instanceof ExportQueryError ? e.message : e);
  process.exitCode = e instanceof ExportRequestError || (e instanceof ExportQueryError && e.code === 'BAD_USER_INPUT') ? 2 : 1;
} finally {
  await app.stop();
  await db.close();
  await local?.stopIfOwner();
}
