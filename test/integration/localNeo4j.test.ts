import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureNeo4jRuntime, freePort, javaMajorVersion, LocalNeo4jError, portIsFree, startLocalNeo4j } from '../../src/server/localNeo4j.js';

// The start script must say clearly what is missing. These run beside the test Neo4j of globalSetup.
describe('the bundled Neo4j says what is missing', () => {
  it('finds Java 17 or newer on this machine', async () => {
    expect(await javaMajorVersion()).toBeGreaterThanOrEqual(17);
  });

  it('names a missing Java', async () => {
    const err = await ensureNeo4jRuntime(() => {}, { java: '/nonexistent/bin/java' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LocalNeo4jError);
    expect((err as Error).message).toMatch(/Java is not installed .* needs Java 17 or 21/);
  });

  it('names a missing Maven when the jars are not there yet', async () => {
    const libRoot = await mkdtemp(path.join(os.tmpdir(), 'interphase-nolib-'));
    try {
      const err = await ensureNeo4jRuntime(() => {}, { mvn: '/nonexistent/bin/mvn', libRoot }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LocalNeo4jError);
      expect((err as Error).message).toMatch(/Maven is not installed .* downloads Neo4j from Maven Central/);
    } finally {
      await rm(libRoot, { recursive: true, force: true });
    }
  });

  it('names a port taken by another program, and starts nothing', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const home = await mkdtemp(path.join(os.tmpdir(), 'interphase-port-'));
    try {
      expect(await portIsFree(port)).toBe(false);
      const err = await startLocalNeo4j({ home, boltPort: port, heap: '256m', pageCache: '64m', log: () => {} }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LocalNeo4jError);
      expect((err as Error).message).toContain(`Port ${port} (127.0.0.1) is taken by another program`);
      expect((err as Error).message).toContain('NEO4J_LOCAL_BOLT_PORT');
    } finally {
      blocker.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});
