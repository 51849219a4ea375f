/** Logging: pino, JSON lines; pretty-printed on an interactive terminal. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    base: { app: 'interphase' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,app' } } } : {}),
  });
}
