import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startInterphase } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { freePort, localNeo4jStatus, markManuallyOwned, startLocalNeo4j, stopLocalNeo4j } from '../../src/server/localNeo4j.js';
import { createLogger } from '../../src/server/logger.js';
import { testNeo4j } from '../support/neo4j.js';

// `npm start` without NEO4J_URI, on a home of its own: it starts the bundled Neo4j, reuses one that
// runs, stops the one it started and leaves one started by hand running. Each test starts a JVM and
// imports OBELiX: minutes on a busy machine, so the timeouts are generous (only the seed and the
// 132,752-row phase table, which these tests do not read, are left out).
const MINUTE = 60_000;
const homes: string[] = [];
async function localConfig() {
  const home = await mkdtemp(path.join(os.tmpdir(), 'interphase-lifecycle-'));
  homes.push(home);
  const boltPort = await freePort();
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    NEO4J_LOCAL_HOME: home,
    NEO4J_LOCAL_BOLT_PORT: String(boltPort),
    NEO4J_LOCAL_HEAP: '256m',
    NEO4J_LOCAL_PAGECACHE: '64m',
    OBELIX_CSV: testNeo4j().obelixCsv,
    SEED_ON_START: 'false',
    PHASE_DATA_ON_START: 'false',
  });
  return { home, boltPort, config };
}
afterAll(async () => {
  for (const home of homes) {
    await stopLocalNeo4j(home, 2000);
    await rm(home, { recursive: true, force: true });
  }
}, 5 * MINUTE);

describe('the bundled Neo4j under npm start', { timeout: 8 * MINUTE }, () => {
  it('is started when NEO4J_URI is unset, serves the imported data, and is stopped with the API', async () => {
    const { home, config } = await localConfig();
    const server = await startInterphase(config, createLogger('silent', false));
    expect(server.local).toMatchObject({ reused: false, owned: true });
    const status = await localNeo4jStatus(home);
    expect(status).toMatchObject({ running: true, ownerPid: process.pid });
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ materials(where: { formula: "Li10GeP2S12" }) { totalCount } }' }),
    });
    expect(await res.json()).toEqual({ data: { materials: { totalCount: 1 } } });
    await server.stop();
    expect((await localNeo4jStatus(home)).running).toBe(false);
  });

  it('reuses a server started by hand and leaves it running when the API stops', async () => {
    const { home, boltPort, config } = await localConfig();
    const byHand = await startLocalNeo4j({ home, boltPort, heap: '256m', pageCache: '64m', log: () => {}, ownerPid: 0 });
    await markManuallyOwned(home);
    const server = await startInterphase(config, createLogger('silent', false));
    expect(server.local).toMatchObject({ reused: true, owned: false, pid: byHand.pid });
    await server.stop();
    expect(await localNeo4jStatus(home)).toMatchObject({ running: true, pid: byHand.pid });
  });

  it('refuses a second API on another Bolt port of the same home, naming the port in use', async () => {
    const { home, boltPort } = await localConfig();
    await startLocalNeo4j({ home, boltPort, heap: '256m', pageCache: '64m', log: () => {}, ownerPid: 0 });
    const other = await freePort();
    const err = await startLocalNeo4j({ home, boltPort: other, heap: '256m', pageCache: '64m', log: () => {} }).catch((e: unknown) => e);
    expect(String(err)).toContain(`already runs`);
    expect(String(err)).toContain(`NEO4J_LOCAL_BOLT_PORT=${boltPort}`);
  });
});
