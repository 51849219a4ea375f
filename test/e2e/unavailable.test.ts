import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/server/localNeo4j.js';
import { startTestServer, type TestServer } from '../support/server.js';

// A server whose Neo4j does not answer (nothing listens on its Bolt port).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`,
    NEO4J_PASSWORD: 'irrelevant',
    NEO4J_MAX_TRANSACTION_RETRY_MS: '300',
  });
});
afterAll(async () => server.stop());

describe('Neo4j unreachable', () => {
  it('answers DATABASE_UNAVAILABLE with HTTP 503 and nothing else leaks', async () => {
    const res = await server.gql('{ materials { totalCount } }');
    expect(res.status).toBe(503);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ message: 'The database is unavailable; try again later.', extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|at .*\.ts|stack/);
  });

  it('says so on /health with HTTP 503', async () => {
    const res = await fetch(`${server.base}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', neo4j: { reachable: false } });
  });

  it('stays up: later requests are answered the same way', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await server.gql('{ material(id: "Ge1Li10P2S12") { id } }');
      expect(res.status).toBe(503);
      expect(res.errors![0]!.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    }
    expect((await fetch(`${server.base}/health`)).status).toBe(503);
  });

  it('still validates input before touching the database', async () => {
    // (a formula or name needs the database: any text may be a material's name, which wins over the formula)
    const res = await server.gql('{ materials(where: { formula: "Li2S", elementsIncludeAll: ["Qq"] }) { totalCount } }');
    expect(res.status).toBe(200);
    expect(res.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'where.elementsIncludeAll' });
  });
});
