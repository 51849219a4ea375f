/**
 * The API server the benchmarks measure, started in a process of its own as `npm start` starts it (so that
 * the benchmark's clients do not share its event loop): the environment of this process (NEO4J_URI etc.),
 * `env` on top, a free port, LOG_LEVEL=warn (or `options.logLevel`). `stop()` sends SIGINT and waits for the exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../src/server/localNeo4j.js';
import { projectPath } from '../src/server/paths.js';

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** LOG_LEVEL of the server (default warn). */
  logLevel?: string;
  /** 'pipe' hands its stdout (JSON log lines) to the caller as `child.stdout` (default: inherited). */
  stdout?: 'inherit' | 'pipe';
}

/** Starts the server and waits until /health answers 200 (20 minutes at most: a first start imports the data sets). */
export async function startServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectPath(),
    env: { RATE_LIMIT_PER_MINUTE: '0', ...process.env, ...env, PORT: String(port), LOG_LEVEL: options.logLevel ?? 'warn' },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20 * 60_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('the server was not ready within 20 minutes');
      if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return { base, child, stop };
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
