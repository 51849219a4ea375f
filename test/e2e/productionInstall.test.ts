/**
 * What the Docker image does, without Docker: the compiled server (tsc, as `npm run build`), the files
 * the Dockerfile copies, and the production dependencies alone (`npm ci --omit=dev`, as the image installs
 * them) in a temporary folder; `node dist/src/server/main.js` with NODE_ENV=production and the image's
 * NODE_OPTIONS must start against the test Neo4j, answer /health and a query. Catches a run-time import
 * of a development dependency (ERR_MODULE_NOT_FOUND). Needs the npm registry (or a warm npm cache).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../../src/server/localNeo4j.js';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../dashboard/build.js';
import { projectPath } from '../../src/server/paths.js';
import { testNeo4j } from '../support/neo4j.js';

const run = promisify(execFile);
const MINUTE = 60_000;
const dockerfile = readFileSync(projectPath('Dockerfile'), 'utf8');
/** The image's NODE_OPTIONS (the heap limit), as the Dockerfile sets it. */
const imageNodeOptions = /^\s*NODE_OPTIONS=(\S+)/m.exec(dockerfile)?.[1];

let dir: string;
let server: ChildProcess | null = null;
let base: string;
const output: string[] = [];
let exited: string | null = null;

async function waitForHealth(deadlineMs: number): Promise<Response> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (exited !== null) throw new Error(`the production server exited (${exited}):\n${output.join('').slice(-4000)}`);
    const res = await fetch(`${base}/health`).catch(() => null);
    if (res?.status === 200) return res;
    if (Date.now() > until) throw new Error(`no /health 200 within ${deadlineMs / 1000} s:\n${output.join('').slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'interphase-production-'));
  await run(process.execPath, [projectPath('node_modules/typescript/bin/tsc'), '-p', projectPath('tsconfig.build.json'), '--outDir', path.join(dir, 'dist')], {
    cwd: projectPath(),
  });
  // what the Dockerfile's final stage copies
  for (const f of ['package.json', 'package-lock.json', 'schema', 'seed']) {
    expect(dockerfile).toMatch(new RegExp(`^COPY (${f} |.* ${f} )`, 'm'));
    cpSync(projectPath(f), path.join(dir, f), { recursive: true });
  }
  // the dashboard's assets, built in the image's build stage
  expect(dockerfile).toMatch(/^COPY --from=build \/app\/dashboard\/dist \.\/dashboard\/dist$/m);
  cpSync(await buildDashboard(), path.join(dir, 'dashboard', 'dist'), { recursive: true });
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env: { ...process.env, NODE_ENV: 'production' } });

  const n = testNeo4j();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['dist/src/server/main.js'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      NODE_OPTIONS: imageNodeOptions,
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_URI: n.uri,
      NEO4J_USERNAME: n.username,
      NEO4J_PASSWORD: n.password,
      NEO4J_DATABASE: n.database,
      IMPORT_ON_START: 'false',
      SEED_ON_START: 'false',
      PHASE_DATA_ON_START: 'false',
      // as test/support/server.ts: a busy CI machine must not turn the first (cold) answer into REQUEST_TIMEOUT
      REQUEST_TIMEOUT_MS: '120000',
      NEO4J_TX_TIMEOUT_MS: '120000',
      THERMO_TASK_TIMEOUT_MS: '110000',
      // every computation in the worker pool (none on the event loop), so that the worker file is loaded from dist/
      THERMO_INLINE_MAX_ENTRIES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  server.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  server.once('exit', (code, signal) => (exited = `code ${code}, signal ${signal}`));
}, 15 * MINUTE);

afterAll(async () => {
  if (server && exited === null) {
    const done = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
    if (exited === null) server.kill('SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 2 * MINUTE);

function pymatgenWindow(formula: string): { reductionLimitV: number; oxidationLimitV: number } {
  const file = path.join(projectPath('test', 'fixtures', 'pymatgen'), 'thermo.json');
  const fixture = JSON.parse(readFileSync(file, 'utf8')) as { compounds: { formula: string; window: { reductionLimitV: number; oxidationLimitV: number } }[] };
  return fixture.compounds.find((c) => c.formula === formula)!.window;
}

describe('the production install (what the Docker image runs)', () => {
  it('holds the production dependencies only, with the heap limit of the image', () => {
    expect(imageNodeOptions).toMatch(/^--max-old-space-size=\d+$/);
    expect(existsSync(path.join(dir, 'node_modules', 'yaml'))).toBe(true);
    for (const dev of ['tsx', 'pino-pretty', 'typescript', 'vitest']) expect(existsSync(path.join(dir, 'node_modules', dev)), dev).toBe(false);
  });

  it('starts against the test Neo4j, answers /health 200 and a query', async () => {
    const health = await waitForHealth(3 * MINUTE);
    expect(await health.json()).toMatchObject({ status: 'ok', neo4j: { reachable: true } });
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // the stability window runs in the thermodynamics worker pool: its worker file must load from dist/ without tsx
      body: JSON.stringify({
        query: '{ phaseEntry(id: "matbench_mp_e_form:Li3P1S4") { id source } stabilityWindow(formula: "Li3PS4") { status reductionLimitV oxidationLimitV } }',
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { phaseEntry: unknown; stabilityWindow: { status: string; reductionLimitV: number; oxidationLimitV: number } } };
    expect(body.data.phaseEntry).toEqual({ id: 'matbench_mp_e_form:Li3P1S4', source: 'DATASET' });
    // pymatgen's window on the same data (test/fixtures/pymatgen/thermo.json), to 0.01 V as in thermo.test.ts
    const reference = pymatgenWindow('Li3PS4');
    expect(body.data.stabilityWindow.status).toBe('COMPUTED');
    expect(body.data.stabilityWindow.reductionLimitV).toBeCloseTo(reference.reductionLimitV, 2);
    expect(body.data.stabilityWindow.oxidationLimitV).toBeCloseTo(reference.oxidationLimitV, 2);
    expect(output.join('')).not.toMatch(/ERR_MODULE_NOT_FOUND/);
  }, 5 * MINUTE);

  it('serves the dashboard\'s page and bundle at /dashboard/', async () => {
    await waitForHealth(3 * MINUTE);
    const page = await fetch(`${base}/dashboard/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="app.js">');
    const bundle = await fetch(`${base}/dashboard/app.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  }, 5 * MINUTE);

  it('creates a key with the compiled keys CLI (as in Docker), and the server accepts a write with it (Argon2 loads without dev dependencies)', async () => {
    await waitForHealth(3 * MINUTE);
    const n = testNeo4j();
    const cliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NEO4J_URI: n.uri, NEO4J_USERNAME: n.username, NEO4J_PASSWORD: n.password, NEO4J_DATABASE: n.database };
    const keys = (...args: string[]) => run(process.execPath, ['dist/src/server/cli/keys.js', ...args], { cwd: dir, env: cliEnv });
    const created = await keys('create', '--name', 'production install test', '--role', 'contributor');
    const id = /^id {4}(\S+)$/m.exec(created.stdout)![1]!;
    const key = /^key {3}(\S+)$/m.exec(created.stdout)![1]!;
    try {
      const gql = async (query: string) => {
        const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query }) });
        return (await res.json()) as { data?: Record<string, { id: string; owner: string } | boolean>; errors?: unknown[] };
      };
      const added = await gql('mutation { addPhaseEntry(input: { formula: "Li3N", formationEnergyEvPerAtom: -0.4, label: "production install test" }) { id owner } }');
      expect(added.errors).toBeUndefined();
      const entry = added.data!.addPhaseEntry as { id: string; owner: string };
      expect(entry.owner).toBe(id);
      expect((await gql(`mutation { removePhaseEntry(id: "${entry.id}") }`)).data).toEqual({ removePhaseEntry: true });
    } finally {
      await keys('revoke', id);
    }
  }, 5 * MINUTE);
});
