/**
 * The change events of one process: every write publishes its committed change set here after the commit
 * (never before, so a subscriber never sees a change that was rolled back); the GraphQL subscription
 * `factsChanged` listens. In-process: a replica publishes the writes it committed itself.
 */
import { EventEmitter, on } from 'node:events';
import type { FactsChangedEvent } from '../../domain/curation/changes.js';

const EVENT = 'factsChanged';

export class ChangeEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // one listener per open subscription: no fixed ceiling (the WebSocket server bounds connections)
    this.emitter.setMaxListeners(0);
  }

  /** Publishes a committed change set to every subscriber. */
  publish(event: FactsChangedEvent): void {
    this.emitter.emit(EVENT, event);
  }

  /**
   * The events touching any of `kinds` (every event when `kinds` is empty), until `signal` aborts.
   */
  async *subscribe(kinds: readonly string[], signal?: AbortSignal): AsyncGenerator<FactsChangedEvent> {
    try {
      for await (const [event] of on(this.emitter, EVENT, { signal })) {
        const e = event as FactsChangedEvent;
        if (kinds.length === 0 || e.kinds.some((k) => kinds.includes(k))) yield e;
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') throw e;
    }
  }

  /** Number of open subscriptions (for tests and /health). */
  get subscribers(): number {
    return this.emitter.listenerCount(EVENT);
  }
}
