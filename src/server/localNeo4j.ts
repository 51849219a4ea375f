/**
 * A real Neo4j Community 5.26 server without Docker: its jars come from Maven Central through
 * `neo4j-local/pom.xml` (once, then cached), and it is run by Neo4j's own boot loader
 * (`org.neo4j.server.startup.Neo4jCommand start|stop`, the class behind the distribution's `bin/neo4j`),
 * bound to 127.0.0.1 with authentication on and a password generated locally
 * (`org.neo4j.cli.AdminTool dbms set-initial-password`, before the first start).
 *
 * Layout of a home folder (git-ignored, default `.neo4j/local`):
 *   conf/neo4j.conf  generated on every start     data/  logs/  run/neo4j.pid
 *   password         the generated password (mode 0600)
 *   run/owner.json   pid of the API process that started the server (it stops it on exit)
 * The jars live in `.neo4j/lib-<version>` and are shared by every home (tests use throwaway homes).
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';
import { GraphDatabase } from '../graph/database.js';
import { projectPath } from './paths.js';

const execFileAsync = promisify(execFile);

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  home: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  /** Name of the database to create on first start (default 'neo4j'). */
  database?: string;
  /** Aborting stops a start in progress (a Maven download, a server still booting). */
  signal?: AbortSignal;
  /** Progress messages for the user. */
  log: (message: string) => void;
  /** How long to wait for Bolt to answer after start (default 180 s). */
  startTimeoutMs?: number;
  /** Who owns the server: it is stopped by `stopIfOwner` of the same owner (default this process). */
  ownerPid?: number;
}

export interface LocalNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  pid: number;
  /** True when a server this home already ran was reused. */
  reused: boolean;
  /** True when this process owns the server and will stop it. */
  owned: boolean;
  home: string;
  /** Stops the server if this process owns it (SIGKILL after `timeoutMs`, default 60 s); resolves true if it stopped it. */
  stopIfOwner(timeoutMs?: number): Promise<boolean>;
}

const ENTRY_BOOT = 'org.neo4j.server.startup.Neo4jCommand';
const ENTRY_ADMIN = 'org.neo4j.cli.AdminTool';
const USERNAME = 'neo4j';
const DEFAULT_DATABASE = 'neo4j';

/** The Neo4j version the pom pins (property neo4j.version). */
export async function pinnedNeo4jVersion(): Promise<string> {
  const pom = await readFile(projectPath('neo4j-local', 'pom.xml'), 'utf8');
  const v = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
  if (!v) throw new LocalNeo4jError('neo4j-local/pom.xml has no <neo4j.version> property');
  return v;
}

/** Java major version of `java` on PATH, or null when there is no java. */
export async function javaMajorVersion(javaCmd = javaCommand()): Promise<number | null> {
  try {
    const { stderr, stdout } = await execFileAsync(javaCmd, ['-version']);
    const m = /version "(\d+)(?:\.(\d+))?/.exec(stderr + stdout);
    if (!m) return null;
    return m[1] === '1' ? Number(m[2]) : Number(m[1]);
  } catch {
    return null;
  }
}

/** `java` from PATH; Neo4j's boot loader itself also honours JAVA_HOME. */
function javaCommand(): string {
  return 'java';
}

async function commandWorks(cmd: string, args: string[]): Promise<boolean> {
  try {
    await execFileAsync(cmd, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure Java 17+ is installed and the Neo4j jars are present, downloading them with Maven the
 * first time. Resolves to the folder of jars.
 * @throws LocalNeo4jError saying what is missing (no Java, old Java, no Maven, download failed)
 */
export async function ensureNeo4jRuntime(
  log: (m: string) => void,
  options: { java?: string; mvn?: string; libRoot?: string; signal?: AbortSignal } = {},
): Promise<string> {
  const commands = { java: options.java ?? javaCommand(), mvn: options.mvn ?? 'mvn' };
  const java = await javaMajorVersion(commands.java);
  if (java === null) {
    throw new LocalNeo4jError(
      'Java is not installed (or not on PATH). The bundled Neo4j 5.26 needs Java 17 or 21: install a JDK ' +
        "(Debian/Ubuntu: 'sudo apt-get install openjdk-17-jre-headless'), or set NEO4J_URI to an existing Neo4j.",
    );
  }
  if (java < 17) {
    throw new LocalNeo4jError(`Java ${java} found; Neo4j 5.26 needs Java 17 or 21. Install a newer JDK or set JAVA_HOME.`);
  }
  const version = await pinnedNeo4jVersion();
  const lib = path.join(options.libRoot ?? projectPath('.neo4j'), `lib-${version}`);
  const marker = path.join(lib, '.complete');
  if (existsSync(marker)) return lib;

  if (!(await commandWorks(commands.mvn, ['-v']))) {
    throw new LocalNeo4jError(
      'Maven is not installed (or not on PATH); it downloads Neo4j from Maven Central the first time. Install it ' +
        "(Debian/Ubuntu: 'sudo apt-get install maven'), or set NEO4J_URI to an existing Neo4j, or use docker compose.",
    );
  }
  log(`Downloading Neo4j Community ${version} from Maven Central (about 125 MB, once; cached in ~/.m2) ...`);
  const staging = `${lib}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const started = Date.now();
  const result = await run(commands.mvn, [
    '-B',
    '-q',
    '-f',
    projectPath('neo4j-local', 'pom.xml'),
    'dependency:copy-dependencies',
    `-DoutputDirectory=${staging}`,
  ], undefined, options.signal);
  if (result.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    options.signal?.throwIfAborted();
    throw new LocalNeo4jError(`Maven could not download Neo4j ${version} (exit ${result.code}):\n${tail(result.output, 30)}`);
  }
  const jars = (await readdir(staging)).filter((f) => f.endsWith('.jar'));
  if (!jars.includes(`neo4j-${version}.jar`)) throw new LocalNeo4jError(`Maven finished but neo4j-${version}.jar is missing in ${staging}`);
  await writeFile(path.join(staging, '.complete'), `${version}\n${jars.length} jars\n`);
  await rm(lib, { recursive: true, force: true });
  await rename(staging, lib);
  log(`Neo4j ${version}: ${jars.length} jars ready in ${Math.round((Date.now() - started) / 1000)} s.`);
  return lib;
}

/**
 * Starts the local server of `home`, or reuses it if it already runs. Waits until Bolt answers with
 * the generated credentials.
 * @throws LocalNeo4jError when Java/Maven are missing, the port is taken by another program, or the
 *   server does not come up (with the end of its log).
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const ownerPid = opts.ownerPid ?? process.pid;
  const lib = await ensureNeo4jRuntime(opts.log, { signal: opts.signal });
  const home = opts.home;
  await mkdir(path.join(home, 'run'), { recursive: true });
  // One process at a time sets a home up and starts its server; the others wait, then reuse it.
  const release = await lockfile.lock(home, { retries: { retries: 600, minTimeout: 200, maxTimeout: 1000 }, stale: 60_000 });
  try {
    return await startLocked(opts, lib, ownerPid);
  } finally {
    await release();
  }
}

async function startLocked(opts: LocalNeo4jOptions, lib: string, ownerPid: number): Promise<LocalNeo4j> {
  const home = opts.home;
  const uri = `bolt://127.0.0.1:${opts.boltPort}`;
  const database = opts.database ?? DEFAULT_DATABASE;
  const timeoutMs = opts.startTimeoutMs ?? 180_000;

  const running = await runningPid(home);
  if (running !== null) {
    const port = await configuredBoltPort(home);
    if (port !== null && port !== opts.boltPort) {
      throw new LocalNeo4jError(
        `The local Neo4j of ${home} already runs (pid ${running}) on port ${port}, not ${opts.boltPort}: ` +
          `set NEO4J_LOCAL_BOLT_PORT=${port}, or stop it first (npm run neo4j -- stop).`,
      );
    }
    const password = await readPassword(home);
    await waitForBolt(uri, password, database, running, home, timeoutMs, opts.signal);
    const owner = await readOwner(home);
    const owned = owner === null || owner === ownerPid || !isAlive(owner);
    if (owned) await writeOwner(home, ownerPid);
    opts.log(`Reusing the local Neo4j already running (pid ${running}) at ${uri}.`);
    return handle({ uri, password, database, pid: running, reused: true, owned, home, ownerPid });
  }

  if (!(await portIsFree(opts.boltPort))) {
    throw new LocalNeo4jError(
      `Port ${opts.boltPort} (127.0.0.1) is taken by another program, so the local Neo4j cannot listen there. ` +
        'Set NEO4J_LOCAL_BOLT_PORT to a free port, or point NEO4J_URI at the Neo4j that runs there.',
    );
  }

  await writeConfig(home, lib, { ...opts, database });
  const password = await ensurePassword(home, lib);
  opts.signal?.throwIfAborted();
  opts.log(`Starting Neo4j on ${uri} (data in ${path.relative(process.cwd(), home) || home}) ...`);
  const boot = await run(javaCommand(), ['-cp', path.join(lib, '*'), ENTRY_BOOT, 'start'], neo4jEnv(home));
  if (boot.code !== 0) {
    throw new LocalNeo4jError(`Neo4j did not start (exit ${boot.code}):\n${tail(boot.output, 20)}\n${await logTail(home)}`);
  }
  const pid = await runningPid(home);
  if (pid === null) throw new LocalNeo4jError(`Neo4j exited right after start.\n${await logTail(home)}`);
  await writeOwner(home, ownerPid);
  try {
    await waitForBolt(uri, password, database, pid, home, timeoutMs, opts.signal);
  } catch (e) {
    await stopLocalNeo4j(home, 5000); // it never became usable (or the start was cancelled): do not leave it running
    throw e;
  }
  return handle({ uri, password, database, pid, reused: false, owned: true, home, ownerPid });
}

/** Stops the server of `home` if it runs: SIGTERM, then SIGKILL after `timeoutMs`. Resolves true if it was running. */
export async function stopLocalNeo4j(home: string, timeoutMs = 60_000): Promise<boolean> {
  const pid = await runningPid(home);
  if (pid === null) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(path.join(home, 'run', 'neo4j.pid'), { force: true });
  await rm(path.join(home, 'run', 'owner.json'), { force: true });
  return true;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid: number | null;
  ownerPid: number | null;
}

export async function localNeo4jStatus(home: string): Promise<LocalNeo4jStatus> {
  const pid = await runningPid(home);
  return { running: pid !== null, pid, ownerPid: pid === null ? null : await readOwner(home) };
}

/** Marks `home`'s server as started by hand (npm run neo4j start): API processes reuse it and never stop it. */
export async function markManuallyOwned(home: string): Promise<void> {
  await writeOwner(home, 0);
}

function handle(h: {
  uri: string;
  password: string;
  database: string;
  pid: number;
  reused: boolean;
  owned: boolean;
  home: string;
  ownerPid: number;
}): LocalNeo4j {
  return {
    uri: h.uri,
    username: USERNAME,
    password: h.password,
    database: h.database,
    pid: h.pid,
    reused: h.reused,
    owned: h.owned,
    home: h.home,
    async stopIfOwner(timeoutMs?: number) {
      if (!h.owned) return false;
      const owner = await readOwner(h.home);
      if (owner !== null && owner !== h.ownerPid) return false;
      return stopLocalNeo4j(h.home, timeoutMs);
    },
  };
}

async function writeConfig(home: string, lib: string, opts: LocalNeo4jOptions & { database: string }): Promise<void> {
  for (const d of ['conf', 'data', 'logs', 'run', 'plugins', 'import']) await mkdir(path.join(home, d), { recursive: true });
  const conf = [
    '# Generated by Interphase (src/server/localNeo4j.ts) on every start; edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=:${opts.boltPort}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    `initial.dbms.default_database=${opts.database}`,
    `server.directories.lib=${lib}`,
    `server.directories.data=${path.join(home, 'data')}`,
    `server.directories.logs=${path.join(home, 'logs')}`,
    `server.directories.run=${path.join(home, 'run')}`,
    `server.directories.plugins=${path.join(home, 'plugins')}`,
    `server.directories.import=${path.join(home, 'import')}`,
    `server.memory.heap.initial_size=${opts.heap}`,
    `server.memory.heap.max_size=${opts.heap}`,
    `server.memory.pagecache.size=${opts.pageCache}`,
    'db.tx_log.rotation.retention_policy=1 files',
    // JVM flags of the distribution's default neo4j.conf
    'server.jvm.additional=-XX:+UseG1GC',
    'server.jvm.additional=-XX:-OmitStackTraceInFastThrow',
    'server.jvm.additional=-XX:+UnlockExperimentalVMOptions',
    'server.jvm.additional=-XX:+TrustFinalNonStaticFields',
    'server.jvm.additional=-XX:+DisableExplicitGC',
    'server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024',
    'server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true',
    'server.jvm.additional=-Djdk.tls.ephemeralDHKeySize=2048',
    'server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED',
    'server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED',
    'server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    'server.jvm.additional=-Dlog4j2.disable.jmx=true',
    '',
  ].join('\n');
  await writeFile(path.join(home, 'conf', 'neo4j.conf'), conf);
}

/** The generated password; set as the initial password before the first start. */
async function ensurePassword(home: string, lib: string): Promise<string> {
  const file = path.join(home, 'password');
  const initialized = existsSync(path.join(home, 'data', 'databases')) || existsSync(path.join(home, 'data', 'dbms', 'auth.ini'));
  if (existsSync(file)) {
    const password = (await readFile(file, 'utf8')).trim();
    if (!initialized) await setInitialPassword(home, lib, password);
    return password;
  }
  if (initialized) {
    throw new LocalNeo4jError(
      `${home} holds a database but its password file is gone. Delete ${home} to start afresh (its data is lost), ` +
        'or put the password into that file.',
    );
  }
  // hex: never starts with '-', which the admin tool would read as an option
  const password = randomBytes(24).toString('hex');
  // Written first: if we stop between the two steps, the next start finds the file and sets it again.
  await writeFile(file, password + '\n', { mode: 0o600 });
  await chmod(file, 0o600);
  await setInitialPassword(home, lib, password);
  return password;
}

async function setInitialPassword(home: string, lib: string, password: string): Promise<void> {
  const r = await run(javaCommand(), ['-cp', path.join(lib, '*'), ENTRY_ADMIN, 'dbms', 'set-initial-password', password], neo4jEnv(home));
  if (r.code !== 0) throw new LocalNeo4jError(`could not set the initial Neo4j password (exit ${r.code}):\n${tail(r.output, 20)}`);
}

async function readPassword(home: string): Promise<string> {
  try {
    return (await readFile(path.join(home, 'password'), 'utf8')).trim();
  } catch {
    throw new LocalNeo4jError(`Neo4j runs from ${home} but its password file is missing; stop it (npm run neo4j stop) and retry.`);
  }
}

function neo4jEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') };
}

/** Pid of the server of `home` when its pid file names a live Neo4j process, else null. */
async function runningPid(home: string): Promise<number | null> {
  let pid: number;
  try {
    pid = Number((await readFile(path.join(home, 'run', 'neo4j.pid'), 'utf8')).trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'command=', '-p', String(pid)]);
    return stdout.includes('org.neo4j') ? pid : null;
  } catch {
    return null;
  }
}

/** The Bolt port written in `home`'s neo4j.conf, or null. */
async function configuredBoltPort(home: string): Promise<number | null> {
  try {
    const conf = await readFile(path.join(home, 'conf', 'neo4j.conf'), 'utf8');
    const m = /^server\.bolt\.listen_address=.*:(\d+)\s*$/m.exec(conf);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function readOwner(home: string): Promise<number | null> {
  try {
    const o = JSON.parse(await readFile(path.join(home, 'run', 'owner.json'), 'utf8')) as { pid?: unknown };
    return typeof o.pid === 'number' ? o.pid : null;
  } catch {
    return null;
  }
}

async function writeOwner(home: string, pid: number): Promise<void> {
  await writeFile(path.join(home, 'run', 'owner.json'), JSON.stringify({ pid }) + '\n');
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return pid === 0; // 0 = started by hand: treated as a live owner
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when nothing listens on host:port (default 127.0.0.1). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/**
 * A port free on 127.0.0.1 for a server that binds it later (a Neo4j takes seconds to start): chosen at
 * random below the OS's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range, 32768–60999 by
 * default), where the outgoing connections of other programs never take it between this check and the
 * bind; the OS's own choice (port 0) if 100 draws find none free.
 */
export async function freePort(): Promise<number> {
  const low = 15_000;
  const high = Math.max(low + 1000, ephemeralRangeStart()) - 1;
  for (let i = 0; i < 100; i++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await portIsFree(port)) return port;
  }
  return osChosenPort();
}

function ephemeralRangeStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > 16_000 ? first : 32_768;
  } catch {
    return 32_768; // not Linux: the IANA range starts at 49152, so 15000–32767 stays outside it too
  }
}

function osChosenPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForBolt(
  uri: string,
  password: string,
  database: string,
  pid: number,
  home: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const db = GraphDatabase.connect({ uri, username: USERNAME, password, database, connectionTimeoutMs: 2000, maxTransactionRetryTimeMs: 0, healthTimeoutMs: 5000 });
  try {
    let last: unknown = null;
    while (Date.now() < deadline) {
      signal?.throwIfAborted();
      if (!isAlive(pid)) throw new LocalNeo4jError(`Neo4j (pid ${pid}) stopped while starting.\n${await logTail(home)}`);
      try {
        await db.ping();
        return;
      } catch (e) {
        last = e;
        await sleep(500);
      }
    }
    throw new LocalNeo4jError(`Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s: ${String(last)}\n${await logTail(home)}`);
  } finally {
    await db.close();
  }
}

async function logTail(home: string): Promise<string> {
  try {
    const text = await readFile(path.join(home, 'logs', 'neo4j.log'), 'utf8');
    return `last lines of ${path.join(home, 'logs', 'neo4j.log')}:\n${tail(text, 20)}`;
  } catch {
    return '(no Neo4j log written)';
  }
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], signal });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (e) => resolve({ code: (e as NodeJS.ErrnoException).code === 'ABORT_ERR' ? 130 : 127, output: output + String(e) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
