import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Two projects:
// - unit: pure tests (domain, parsing, configuration, schema drift, architecture), no database;
// - graph: integration tests and end-to-end tests over HTTP, against a real throwaway Neo4j started once
//   by test/support/globalSetup.ts (files run one after another: they share that database).
export default defineConfig({
  // graphql 16 has no "exports" map: Node loads its CommonJS build (as type-graphql and Apollo do), while
  // Vite would pick its ES build, and two copies of graphql cannot share a schema. Point Vite at the same file.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    projects: [
      {
        extends: true,
        // generous: the CI machine is busy (seed.read.test.ts took 4.98 s against the old 5 s default)
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 300_000 },
      },
      {
        extends: true,
        test: {
          name: 'graph',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false,
          // generous: a busy 2-core machine runs several JVMs and imports; files that start processes set more
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
