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

export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    base: { app: 'interphase' },
    ...(pretty && isInstalled('pino-pretty') ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,app' } } } : {}),
  });
}
