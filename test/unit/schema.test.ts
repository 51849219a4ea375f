import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printInterphaseSchema } from '../../src/api/schema.js';
import { projectPath } from '../../src/server/paths.js';

describe('schema/schema.graphql', () => {
  it('is exactly the schema the code builds (run `npm run schema:emit` after changing types)', async () => {
    const committed = readFileSync(projectPath('schema', 'schema.graphql'), 'utf8');
    expect(await printInterphaseSchema()).toBe(committed);
  });

  it('describes every field of the public types', async () => {
    const sdl = await printInterphaseSchema();
    for (const field of ['value: Float', 'unit: String!', 'printedValue: String!', 'temperatureK: Float', 'qualifier: Qualifier!']) {
      const at = sdl.indexOf(`  ${field}`);
      expect(at, field).toBeGreaterThan(0);
      expect(sdl.slice(Math.max(0, at - 400), at), `${field} has a description`).toMatch(/"""\s*$|"[^"]*"\s*$/);
    }
  });
});
