import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { PROJECT_ROOT } from '../../src/server/paths.js';

describe('configuration', () => {
  it('defaults to the bundled Neo4j, port 4000 and OBELiX beside the checkout', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.neo4j).toMatchObject({ mode: 'local', boltPort: 7687, heap: '512m', pageCache: '256m', database: 'neo4j' });
    expect(c.obelixCsv).toBe(path.resolve(PROJECT_ROOT, '../shared/data/obelix/all.csv'));
    expect(c.liverpoolIonicsCsv).toBe(path.resolve(PROJECT_ROOT, '../shared/data/liverpool/LiIonDatabase.csv'));
    expect(loadConfig({ LIVERPOOL_IONICS_CSV: 'data/liv.csv' }).liverpoolIonicsCsv).toBe(path.resolve(PROJECT_ROOT, 'data/liv.csv'));
    expect(c.importOnStart).toBe(true);
    expect(c.phaseDataCsv).toBe(path.resolve(PROJECT_ROOT, '../shared/data/thermo/mp_e_form_matbench.csv'));
    expect(c).toMatchObject({ phaseDataOnStart: true, thermoCacheSystems: 2000, thermoRevisionTtlMs: 1000 });
    expect(c.deadlines).toEqual({
      requestMs: 10_000,
      healthMs: 1000,
      neo4j: {
        transactionTimeoutMs: 10_000,
        backgroundTransactionTimeoutMs: 600_000,
        connectionTimeoutMs: 2000,
        connectionAcquisitionTimeoutMs: 3000,
        unavailableRetryMs: 300,
      },
    });
    expect(c).toMatchObject({ thermoCacheBytes: 256 * 1024 * 1024, thermoPool: { maxQueue: 1000, taskTimeoutMs: 8000 }, thermoInlineMaxEntries: 64, thermoPreload: true });
    expect(c.thermoPool.threads).toBe(Math.max(1, Math.min(os.availableParallelism() - 1, 4))); // a core left to the event loop
    expect(loadConfig({ THERMO_THREADS: '3', THERMO_MAX_QUEUE: '0', THERMO_TASK_TIMEOUT_MS: '50', THERMO_CACHE_MB: '8', THERMO_INLINE_MAX_ENTRIES: '0' })).toMatchObject({
      thermoCacheBytes: 8 * 1024 * 1024,
      thermoInlineMaxEntries: 0,
      thermoPool: { threads: 3, maxQueue: 0, taskTimeoutMs: 50 },
    });
  });

  it('is safe by default, in development too: mutations only with an API key (MUTATIONS on), same-origin only, a rate limit', () => {
    for (const env of [{}, { NODE_ENV: 'production' }, { NODE_ENV: 'development' }]) {
      expect(loadConfig(env)).toMatchObject({ mutations: 'on', corsOrigins: [], rateLimitPerMinute: 600 });
    }
    expect(loadConfig({ MUTATIONS: 'off' }).mutations).toBe('off');
    expect(loadConfig({ MUTATIONS: 'loopback' }).mutations).toBe('loopback');
    expect(loadConfig({ MUTATIONS: 'ON' }).mutations).toBe('on');
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example.org', 'http://localhost:5173']);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
  });

  it('uses an external Neo4j when NEO4J_URI is set', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'graph' });
    expect(c.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      username: 'u',
      password: 'p',
      database: 'graph',
      maxTransactionRetryTimeMs: 3000,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /must be a port number/],
    [{ PORT: '70000' }, 'PORT', /must be a port number/],
    [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' }, 'NEO4J_URI', /must be a Neo4j URI/],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, 'NEO4J_PASSWORD', /is required when NEO4J_URI is set/],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, 'NEO4J_LOCAL_HEAP', /must be a size such as 512m/],
    [{ NEO4J_LOCAL_BOLT_PORT: '-1' }, 'NEO4J_LOCAL_BOLT_PORT', /must be a port number/],
    [{ NEO4J_LOCAL_BOLT_PORT: '0' }, 'NEO4J_LOCAL_BOLT_PORT', /must be a port number 1–65535/],
    [{ NEO4J_DATABASE: 'a b' }, 'NEO4J_DATABASE', /is not a valid database name/],
    [{ IMPORT_ON_START: 'maybe' }, 'IMPORT_ON_START', /must be true or false/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /must be one of/],
    [{ NEO4J_MAX_TRANSACTION_RETRY_MS: '-5' }, 'NEO4J_MAX_TRANSACTION_RETRY_MS', /milliseconds/],
    [{ THERMO_CACHE_SYSTEMS: '0' }, 'THERMO_CACHE_SYSTEMS', /whole number 1–1000000/],
    [{ THERMO_REVISION_TTL_MS: '1.5' }, 'THERMO_REVISION_TTL_MS', /whole number 0–3600000/],
    [{ PHASE_ENTRIES_WRITABLE: 'true' }, 'PHASE_ENTRIES_WRITABLE', /was replaced by MUTATIONS/],
    [{ MUTATIONS: 'yes' }, 'MUTATIONS', /must be one of off, loopback, on/],
    [{ CORS_ORIGINS: 'https://a.example.org/app' }, 'CORS_ORIGINS', /scheme and host, no path/],
    [{ CORS_ORIGINS: 'a.example.org' }, 'CORS_ORIGINS', /comma-separated origins/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE', /whole number 0–1000000/],
    [{ THERMO_CACHE_MB: '0' }, 'THERMO_CACHE_MB', /whole number 1–1000000/],
    [{ THERMO_THREADS: '0' }, 'THERMO_THREADS', /whole number 1–256/],
    [{ THERMO_MAX_QUEUE: '-1' }, 'THERMO_MAX_QUEUE', /whole number 0–1000000/],
    [{ THERMO_TASK_TIMEOUT_MS: 'soon' }, 'THERMO_TASK_TIMEOUT_MS', /whole number 1–3600000/],
    [{ PHASE_DATA_ON_START: '2' }, 'PHASE_DATA_ON_START', /must be true or false/],
    [{ REQUEST_TIMEOUT_MS: '10' }, 'REQUEST_TIMEOUT_MS', /whole number 100–3600000/],
    [{ HEALTH_TIMEOUT_MS: 'soon' }, 'HEALTH_TIMEOUT_MS', /whole number 50–60000/],
    [{ NEO4J_TX_TIMEOUT_MS: '0' }, 'NEO4J_TX_TIMEOUT_MS', /whole number/],
    [{ NEO4J_ACQUISITION_TIMEOUT_MS: '-1' }, 'NEO4J_ACQUISITION_TIMEOUT_MS', /whole number/],
  ])('%j is rejected naming %s', (env, variable, problem) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(problem);
    expect((error as ConfigError).message).toContain(variable);
  });

  it("holds a contributor's additions as proposals only when PROPOSALS_REQUIRED says so", () => {
    expect(loadConfig({}).proposalsRequired).toBe(false);
    expect(loadConfig({ PROPOSALS_REQUIRED: 'true' }).proposalsRequired).toBe(true);
    expect(() => loadConfig({ PROPOSALS_REQUIRED: 'sometimes' })).toThrow(/PROPOSALS_REQUIRED/);
  });
});
