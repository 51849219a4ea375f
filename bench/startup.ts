/**
 * Start-up benchmark: times `npm start`'s work (bundled Neo4j + API) from process start until /health
 * answers 200, for a first start on an empty data folder (schema + OBELiX import) and a later start on
 * the same folder, and reports the resident memory of Neo4j and of the API after start.
 *
 *   npx tsx bench/startup.ts            # jars already downloaded
 *   npx tsx bench/startup.ts --cold     # also download Neo4j from Maven Central into a fresh Maven repository
 *
 * Prints a table; writes nothing into the repository except the git-ignored .neo4j/ jars.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/server/localNeo4j.js';
import { projectPath } from '../src/server/paths.js';

const cold = process.argv.includes('--cold');

function rssMiB(pid: number): number {
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim());
  return Math.round((kb / 1024) * 10) / 10;
}

interface Run {
  label: string;
  readyS: number;
  apiRssMiB: number;
  neo4jRssMiB: number;
  stopS: number;
}

async function startOnce(label: string, home: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectPath(),
    env: { ...process.env, ...env, PORT: String(port), NEO4J_LOCAL_HOME: home, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: the server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${label}: not ready within 15 minutes`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyS = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2000)); // let both settle before reading memory
  const neo4jPid = Number((await readFile(path.join(home, 'run', 'neo4j.pid'), 'utf8')).trim());
  const run = { label, readyS, apiRssMiB: rssMiB(child.pid!), neo4jRssMiB: rssMiB(neo4jPid), stopS: 0 };
  const stopping = performance.now();
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  run.stopS = (performance.now() - stopping) / 1000;
  return run;
}

const home = await mkdtemp(path.join(os.tmpdir(), 'interphase-bench-neo4j-'));
const env: NodeJS.ProcessEnv = {};
let mavenRepo: string | null = null;
try {
  if (cold) {
    for (const d of await readdir(projectPath('.neo4j')).catch(() => [] as string[])) {
      if (d.startsWith('lib-')) await rm(projectPath('.neo4j', d), { recursive: true, force: true });
    }
    mavenRepo = await mkdtemp(path.join(os.tmpdir(), 'interphase-bench-m2-'));
    env.MAVEN_OPTS = `${process.env.MAVEN_OPTS ?? ''} -Dmaven.repo.local=${mavenRepo}`.trim();
  }
  const runs = [
    await startOnce(cold ? 'first start (Maven download, empty graph, OBELiX import)' : 'first start (empty graph, OBELiX import)', home, env),
    await startOnce('later start (data present)', home, env),
  ];
  console.log('\n| run | ready (s) | API RSS (MiB) | Neo4j RSS (MiB) | stop (s) |\n| --- | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    console.log(`| ${r.label} | ${r.readyS.toFixed(1)} | ${r.apiRssMiB} | ${r.neo4jRssMiB} | ${r.stopS.toFixed(1)} |`);
  }
  console.log(`\nmachine: ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}`);
} finally {
  await rm(home, { recursive: true, force: true });
  if (mavenRepo) await rm(mavenRepo, { recursive: true, force: true });
}
