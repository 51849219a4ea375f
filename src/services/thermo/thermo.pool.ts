/**
 * The bounded pool of worker threads the thermodynamics runs in (piscina), so that linear programs never
 * hold up the event loop: `threads` workers (THERMO_THREADS), at most `maxQueue` tasks waiting for one
 * (THERMO_MAX_QUEUE; one more is refused at once with ThermoBusyError), and a deadline per task counted from its
 * submission, waiting included (THERMO_TASK_TIMEOUT_MS; past it the task is aborted — a running one by
 * terminating its worker, which the pool replaces — and ThermoTimeoutError raised).
 *
 * The worker file is found next to this module: thermo.worker.js in the build (plain node), or
 * thermo.worker.ts when running from the TypeScript sources (tsx, vitest), loaded through tsx.
 */
import { Piscina } from 'piscina';
import type { ThermoTask, ThermoTaskResult } from './thermo.jobs.js';

export interface ThermoPoolOptions {
  /** Worker threads (≥ 1). */
  threads: number;
  /** Tasks that may wait for a free worker (0: none, a task runs at once or is refused). */
  maxQueue: number;
  /** Deadline of one task from its submission, ms. */
  taskTimeoutMs: number;
  /** Told of a worker that fails outside a task (e.g. HiGHS failing to load); piscina replaces it. */
  onWorkerError?: (error: unknown) => void;
}

/** The pool's queue is full: the server is busy with other computations. */
export class ThermoBusyError extends Error {
  override name = 'ThermoBusyError';
}

/** A computation did not finish within its deadline and was aborted. */
export class ThermoTimeoutError extends Error {
  override name = 'ThermoTimeoutError';
}

export interface ThermoPoolStats {
  threads: number;
  /** Tasks running or waiting for a worker. */
  inFlight: number;
  completed: number;
}

export class ThermoPool {
  private readonly piscina: Piscina<ThermoTask, ThermoTaskResult>;
  /** Tasks submitted and not yet settled (running or waiting). */
  private inFlight = 0;

  constructor(readonly options: ThermoPoolOptions) {
    const source = import.meta.url.endsWith('.ts');
    this.piscina = new Piscina({
      filename: new URL(source ? './thermo.worker.ts' : './thermo.worker.js', import.meta.url).href,
      ...(source ? { execArgv: ['--import', 'tsx'] } : {}),
      minThreads: options.threads,
      maxThreads: options.threads,
      // the limit is kept here (inFlight), counted the same whether or not a worker is still starting
      maxQueue: Infinity,
      idleTimeout: 60_000,
    });
    // without a listener, piscina's 'error' event (a worker failing outside any task) would end the process
    this.piscina.on('error', (error: unknown) => options.onWorkerError?.(error));
  }

  /**
   * Runs `task` in a worker. `what` names the computation in error messages (e.g. 'stabilityWindow').
   * @throws ThermoBusyError when the queue is full; ThermoTimeoutError past the deadline.
   */
  async run<R extends ThermoTaskResult>(task: ThermoTask, what: string): Promise<R> {
    if (this.inFlight >= this.options.threads + this.options.maxQueue) {
      throw new ThermoBusyError(
        `${what}: the server is busy with other thermodynamic computations (${this.options.threads} running and ` +
          `${this.options.maxQueue} waiting at most, THERMO_THREADS/THERMO_MAX_QUEUE); try again shortly`,
      );
    }
    const signal = AbortSignal.timeout(this.options.taskTimeoutMs);
    this.inFlight++;
    try {
      return (await this.piscina.run(task, { signal })) as R;
    } catch (e) {
      if (signal.aborted) {
        throw new ThermoTimeoutError(`${what}: the computation did not finish within ${this.options.taskTimeoutMs} ms (THERMO_TASK_TIMEOUT_MS) and was stopped`);
      }
      throw e;
    } finally {
      this.inFlight--;
    }
  }

  stats(): ThermoPoolStats {
    return { threads: this.piscina.threads.length, inFlight: this.inFlight, completed: this.piscina.completed };
  }

  /** Stops the workers; tasks still queued or running are rejected. */
  close(): Promise<void> {
    return this.piscina.destroy();
  }
}
