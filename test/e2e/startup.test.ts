import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.js';
import { connectTestDatabase, restoreTestGraph, wipeTestDatabase } from '../support/neo4j.js';
import { pymatgenObelix } from '../support/obelixCsv.js';
import { capturingLogger, startTestServer } from '../support/server.js';

// What the server does on start with an empty graph. These tests empty the shared test database; afterAll
// imports OBELiX and the seed again whatever happened (the other files need them).
let db: GraphDatabase;
beforeAll(async () => {
  db = connectTestDatabase();
  await wipeTestDatabase(db);
});
afterAll(async () => {
  await restoreTestGraph(db);
  await db.close();
});

describe('start-up on an empty graph', () => {
  it('without the OBELiX file (and without the seed): serves an empty graph and logs where to get the file', async () => {
    const { logger, lines } = capturingLogger();
    const server = await startTestServer({ OBELIX_CSV: '/nonexistent/obelix/all.csv', SEED_ON_START: 'false' }, logger);
    try {
      const res = await server.gql<{ materials: { totalCount: number } }>('{ materials { totalCount } }');
      expect(res.data!.materials.totalCount).toBe(0);
      const warning = lines.find((l) => l.level === 40 && l.msg.includes('OBELiX not imported'))!;
      expect(warning.msg).toContain('/nonexistent/obelix/all.csv not found');
      expect(warning.msg).toContain('https://github.com/NRC-Mila/OBELiX');
      expect(warning.msg).toContain('OBELIX_CSV');
    } finally {
      await server.stop();
    }
  });

  it('with the file: applies the schema, imports OBELiX, then serves it', async () => {
    const { logger, lines } = capturingLogger();
    const server = await startTestServer({}, logger);
    try {
      const res = await server.gql<{ materials: { totalCount: number }; datasets: { id: string; recordCount: number }[] }>(
        '{ materials(first: 0) { totalCount } datasets { id recordCount } }',
      );
      expect(res.data!.materials.totalCount).toBeGreaterThan(pymatgenObelix.distinctCompositions); // OBELiX and the seed
      expect(res.data!.datasets.find((d) => d.id === 'obelix')!.recordCount).toBe(pymatgenObelix.rows);
      expect(lines.some((l) => /^seed: 5 reviews, \d+ publications/.test(l.msg))).toBe(true);
      expect(lines.some((l) => /^schema: \d+ constraint\/index statements applied/.test(l.msg))).toBe(true);
      expect(lines.some((l) => /^OBELiX sha256:[0-9a-f]{16}: 599 rows → 500 materials/.test(l.msg))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('a second start finds the data and does not import again', async () => {
    const { logger, lines } = capturingLogger();
    const server = await startTestServer({}, logger);
    await server.stop();
    expect(lines.some((l) => /^OBELiX: \d+ measurements already in the graph/.test(l.msg))).toBe(true);
    expect(lines.some((l) => /^seed: \d+ curated facts already in the graph/.test(l.msg))).toBe(true);
    expect(lines.some((l) => l.msg.startsWith('OBELiX sha256'))).toBe(false);
  });
});
