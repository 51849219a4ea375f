import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/server/config.js';
import { projectPath } from '../../src/server/paths.js';

// No Docker engine runs where the tests run, so the wiring is checked by reading the files.
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(projectPath('docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { neo4j, api } = compose.services as { neo4j: Service; api: Service };

/** Substitutes ${VAR}, ${VAR:-default} and ${VAR:?message} as docker compose does. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => env[name] ?? (op === '-' ? arg! : ''));
}

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 Community with auth, a data volume and a healthcheck', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.healthcheck?.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
  });

  it('builds the API from the Dockerfile and starts it only when Neo4j is healthy', () => {
    expect(api.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(existsSync(projectPath(api.build!.dockerfile))).toBe(true);
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it("points the API at the neo4j service's Bolt port with the same password", () => {
    expect(api.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(neo4j.ports?.some((p) => p.endsWith(':7687'))).toBe(true);
    const pw = (s: string) => /\$\{(NEO4J_PASSWORD)[:}]/.exec(s)?.[1];
    expect(pw(api.environment!.NEO4J_PASSWORD!)).toBe(pw(neo4j.environment!.NEO4J_AUTH!));
  });

  it("publishes the port the API listens on (all interfaces of the container) on the host's loopback interface unless API_BIND says otherwise", () => {
    expect(api.environment?.HOST).toBe('0.0.0.0');
    expect(api.ports).toHaveLength(1);
    const port = api.environment!.PORT;
    expect(interpolate(api.ports![0]!, {})).toBe(`127.0.0.1:${port}:${port}`);
    expect(interpolate(api.ports![0]!, { API_BIND: '0.0.0.0' })).toBe(`0.0.0.0:${port}:${port}`);
  });

  it('leaves the safe defaults in place: no MUTATIONS, CORS_ORIGINS or RATE_LIMIT_PER_MINUTE override (writes need an API key)', () => {
    const env = Object.fromEntries(Object.entries(api.environment!).map(([k, v]) => [k, interpolate(v, { NEO4J_PASSWORD: 'secret', NODE_ENV: 'production' })]));
    expect(loadConfig(env)).toMatchObject({ mutations: 'on', corsOrigins: [], rateLimitPerMinute: 600 });
  });

  it('mounts the OBELiX folder where OBELIX_CSV points', () => {
    const mount = api.volumes!.map((v) => interpolate(v, {})).find((v) => v.includes(':/data/obelix'))!;
    expect(mount).toBe('../shared/data/obelix:/data/obelix:ro');
    expect(api.environment?.OBELIX_CSV?.startsWith('/data/obelix/')).toBe(true);
  });

  it("gives the API an environment its configuration accepts", () => {
    const env = Object.fromEntries(Object.entries(api.environment!).map(([k, v]) => [k, interpolate(v, { NEO4J_PASSWORD: 'secret' })]));
    const config = loadConfig(env);
    expect(config.neo4j).toMatchObject({ mode: 'external', uri: 'bolt://neo4j:7687', password: 'secret' });
    expect(config.port).toBe(4000);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(projectPath('Dockerfile'), 'utf8');
  it('runs the compiled entry point that `npm run build` writes', () => {
    const tsconfig = JSON.parse(readFileSync(projectPath('tsconfig.json'), 'utf8')) as { compilerOptions: { outDir: string } };
    expect(dockerfile).toContain('RUN npm run build');
    expect(dockerfile).toContain(`CMD ["node", "${tsconfig.compilerOptions.outDir}/src/server/main.js"]`);
    expect(existsSync(projectPath('src/server/main.ts'))).toBe(true);
  });
  it("sets Node's heap limit explicitly, as `npm start` does", () => {
    expect(dockerfile).toMatch(/^\s*NODE_OPTIONS=--max-old-space-size=\d+ /m);
    const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toMatch(/--max-old-space-size=\d+/);
  });

  it('ships the Cypher schema files applied at start', () => {
    expect(dockerfile).toContain('COPY schema ./schema');
  });

  it('mounts the review texts and the formation energies where SEED_TEXTS_DIR and PHASE_DATA_CSV point, and the image holds the seed', () => {
    const mounts = api.volumes!.map((v) => interpolate(v, {}));
    expect(mounts).toContain('../shared/seeds:/data/seeds:ro');
    expect(mounts).toContain('../shared/data/thermo:/data/thermo:ro');
    expect(api.environment?.SEED_TEXTS_DIR).toBe('/data/seeds');
    expect(api.environment?.PHASE_DATA_CSV).toBe('/data/thermo/mp_e_form_matbench.csv');
    expect(readFileSync(projectPath('Dockerfile'), 'utf8')).toMatch(/^COPY seed \.\/seed$/m);
  });
});
