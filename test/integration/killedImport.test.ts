/**
 * Imports killed half-way (SIGKILL of the CLI process, as when a container is stopped hard or runs out of
 * memory): readers see nothing of them, and the next run leaves exactly the table.
 * - phase data: written in batches as a new import run and activated at the end; a killed run's entries
 *   stay invisible until the next import (even one that writes nothing) removes them;
 * - OBELiX and the seed: one transaction each, rolled back by Neo4j when the process dies.
 * Each test leaves the graph as it found it (the phase data re-imported from the file globalSetup used).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chemicalSubsystems } from '../../src/domain/chemistry/chemicalSystem.js';
import { cypher, type GraphDatabase } from '../../src/graph/database.js';
import { PhaseDataStore } from '../../src/graph/phaseData.store.js';
import { loadConfig } from '../../src/server/config.js';
import { projectPath } from '../../src/server/paths.js';
import { snapshot } from '../support/graphSnapshot.js';
import { connectTestDatabase, testNeo4j } from '../support/neo4j.js';

const config = loadConfig();
const KILLED_ID = 'phase-data:killed-import';
let db: GraphDatabase;
let store: PhaseDataStore;
let dir: string;

beforeAll(async () => {
  db = connectTestDatabase();
  store = new PhaseDataStore(db);
  dir = await mkdtemp(path.join(os.tmpdir(), 'interphase-killed-'));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** The phase data as stored: the active dataset's counts and every dataset entry, visible or not. */
const PHASE_STATE = cypher(
  'test.killed.phaseState',
  `MATCH (r:PhaseDataRevision {id: 'phase-data'})
   MATCH (d:Dataset {phaseRun: r.activeRun})
   RETURN r.revision AS revision, d.id AS dataset, d.phaseEntryCount AS entries, d.rowCount AS rows,
     COUNT { MATCH (e:PhaseEntry {source: 'DATASET'}) WHERE e.run = r.activeRun RETURN e } AS visible,
     COUNT { MATCH (e:PhaseEntry {source: 'DATASET'}) WHERE e.run <> r.activeRun RETURN e } AS invisible`,
);
const KILLED_ENTRIES = cypher('test.killed.entries', 'MATCH (e:PhaseEntry {datasetId: $id}) RETURN count(e) AS n');

interface Cli {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts an import CLI of src/server/cli against the test Neo4j, logging JSON lines at info. */
function startCli(script: string, args: string[] = [], env: Record<string, string> = {}): Cli {
  const n = testNeo4j();
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src', 'server', 'cli', script), ...args], {
    cwd: projectPath(),
    env: {
      ...process.env,
      NEO4J_URI: n.uri,
      NEO4J_USERNAME: n.username,
      NEO4J_PASSWORD: n.password,
      NEO4J_DATABASE: n.database,
      OBELIX_CSV: n.obelixCsv,
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

/** Polls `check` every 50 ms until it is true; fails when the process ends first. */
async function until(cli: Cli, check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  let ended = false;
  void cli.exit.then(() => (ended = true));
  for (;;) {
    if (await check()) return;
    if (ended) throw new Error(`the import ended before ${what}:\n${cli.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function killed(cli: Cli): Promise<void> {
  cli.child.kill('SIGKILL');
  expect(await cli.exit).toEqual({ code: null, signal: 'SIGKILL' });
}

async function finished(cli: Cli): Promise<string> {
  const exit = await cli.exit;
  expect(exit, cli.output()).toEqual({ code: 0, signal: null });
  return cli.output();
}

/** What a reader of the phase data gets: the entries of Li–P–S and its subsystems, in id order. */
async function liPS(): Promise<string> {
  const entries = await store.entriesOfSystems(chemicalSubsystems(['Li', 'P', 'S']));
  return JSON.stringify(entries.sort((a, b) => a.id.localeCompare(b.id)));
}

describe('an import killed half-way', () => {
  it('phase data: readers see nothing of it; re-running the active file writes nothing but removes its entries', async () => {
    const [before] = await db.read(PHASE_STATE);
    expect(before).toMatchObject({ dataset: 'matbench_mp_e_form', entries: 95118, rows: 132752, visible: 95118, invisible: 0 });
    const graph = await snapshot(db);
    const reader = await liPS();
    expect(JSON.parse(reader)).toHaveLength(26);

    // the same table under another name: a new dataset, so all 95,118 entries are written as a new run
    const copy = path.join(dir, 'killed_import.csv');
    await copyFile(config.phaseDataCsv, copy);
    const cli = startCli('import-phases.ts', [copy]);
    let seen = 0;
    // while it writes, readers keep getting the active table (checked at every poll)
    await until(
      cli,
      async () => {
        expect(await liPS()).toBe(reader);
        expect((await db.read(PHASE_STATE))[0]).toMatchObject({ revision: before!.revision, dataset: 'matbench_mp_e_form', visible: 95118 });
        const [row] = await db.read(KILLED_ENTRIES, { id: KILLED_ID });
        seen = row!.n as number;
        return seen >= 20_000;
      },
      '20,000 entries were written',
    );
    await killed(cli);
    const [left] = await db.read(KILLED_ENTRIES, { id: KILLED_ID });
    const orphans = left!.n as number;
    expect(orphans).toBeGreaterThanOrEqual(seen);
    expect(orphans).toBeLessThan(95_118); // killed half-way, not after the end
    expect((await db.read(PHASE_STATE))[0]).toEqual({ ...before, invisible: orphans });
    expect(await liPS()).toBe(reader);
    expect(await snapshot(db)).toEqual(graph);

    // re-running the active table: nothing to write, but the killed run's entries go
    const rerun = await finished(startCli('import-phases.ts', [config.phaseDataCsv]));
    expect(rerun).toContain('already imported: nothing written');
    expect(rerun).toContain(`${orphans} entries of unfinished imports removed`);
    expect((await db.read(PHASE_STATE))[0]).toEqual(before);
    expect(await db.read(KILLED_ENTRIES, { id: KILLED_ID })).toEqual([{ n: 0 }]);
    expect(await liPS()).toBe(reader);
    expect(await snapshot(db)).toEqual(graph);

    // and a run with nothing left to clean says nothing about it and changes nothing
    const again = await finished(startCli('import-phases.ts', [config.phaseDataCsv]));
    expect(again).toContain('already imported: nothing written');
    expect(again).not.toContain('unfinished imports');
    expect(await snapshot(db)).toEqual(graph);
  }, 600_000);

  it('OBELiX (one transaction): nothing of it lands, and the re-run leaves the same graph', async () => {
    const graph = await snapshot(db);
    const cli = startCli('import-obelix.ts');
    await until(cli, () => /Importing OBELiX: [1-9]\d*\/626/.test(cli.output()), 'its first batch of measurements was written');
    await killed(cli);
    expect(await snapshot(db)).toEqual(graph);
    await finished(startCli('import-obelix.ts'));
    expect(await snapshot(db)).toEqual(graph);
  }, 600_000);

  it('the seed (one transaction): nothing of it lands, and the re-run leaves the same graph', async () => {
    const graph = await snapshot(db);
    const cli = startCli('seed.ts');
    await until(cli, () => /Loading the seed: [1-9]\d*\/\d+/.test(cli.output()), 'its first records were written');
    await killed(cli);
    expect(await snapshot(db)).toEqual(graph);
    await finished(startCli('seed.ts'));
    expect(await snapshot(db)).toEqual(graph);
  }, 600_000);
});
