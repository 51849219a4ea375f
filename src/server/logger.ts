/**
 * Logging: pino, JSON lines; pretty-printed on an interactive terminal when pino-pretty (a development
 * dependency) is installed, JSON lines otherwise (e.g. a production install started by hand).
 */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';

export type { Logger };

/** Whether `pkg` can be loaded from here (false for a development dependency absent after `npm ci --omit=dev`). */
export function isInstalled(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

/** A logger writing to `fd` (1: stdout, the server's; 2: stderr, for a command whose stdout is its output). */
export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY), fd: 1 | 2 = 1): Logger {
  const options = { level, base: { app: 'interphase' } };
  if (pretty && isInstalled('pino-pretty')) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,app', destination: fd } } });
  }
  return pino(options, pino.destination(fd));
}
