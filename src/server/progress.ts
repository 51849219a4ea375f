/**
 * Progress of long writes on the terminal: a cli-progress bar when stderr is a terminal, otherwise a
 * log line at every quarter.
 */
import cliProgress from 'cli-progress';
import type { Logger } from './logger.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function createProgress(label: string, logger: Logger, interactive = Boolean(process.stderr.isTTY)): Progress {
  if (interactive) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastQuarter = -1;
  return {
    update(done, total) {
      const quarter = Math.floor((4 * done) / Math.max(total, 1));
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        logger.info(`${label}: ${done}/${total}`);
      }
    },
    stop() {},
  };
}
