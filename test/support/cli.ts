/**
 * Runs one of the project's command-line tools (src/server/cli/<script>.ts) as a child process against the
 * test Neo4j, and collects its exit code and output.
 */
import { spawn } from 'node:child_process';
import { testNeo4j } from './neo4j.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `script` is the file name under src/server/cli without `.ts` (e.g. 'import'); `env` adds to the test Neo4j's settings. */
export function runCli(script: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const n = testNeo4j();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/server/cli/${script}.ts`, ...args], {
      env: { ...process.env, NEO4J_URI: n.uri, NEO4J_USERNAME: n.username, NEO4J_PASSWORD: n.password, NEO4J_DATABASE: n.database, LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
