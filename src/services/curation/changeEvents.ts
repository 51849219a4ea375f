/**
 * The change events of one process: every write publishes its committed change set here after the commit
 * (never before, so a subscriber never sees a change that was rolled back); the GraphQL subscription
 * `factsChanged` listens. In-process: a replica publishes the writes it committed itself.
 */
import type { FactsChangedEvent } from '../../domain/curation/changes.js';

/** Events held for a subscriber that does not keep up; beyond, it is ended (its client may resubscribe). */
export const MAX_QUEUED_EVENTS = 1000;

type Listener = (event: FactsChangedEvent) => void;

export class ChangeEvents {
  private readonly listeners = new Set<Listener>();

  /** Publishes a committed change set to every subscriber. */
  publish(event: FactsChangedEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /**
   * The events touching any of `kinds` (every event when `kinds` is empty), until `return()` is called,
   * `signal` aborts, or more than MAX_QUEUED_EVENTS wait unread. `return()` detaches at once.
   */
  subscribe(kinds: readonly string[], signal?: AbortSignal): AsyncIterableIterator<FactsChangedEvent> {
    const queue: FactsChangedEvent[] = [];
    let waiting: ((r: IteratorResult<FactsChangedEvent>) => void) | null = null;
    let done = false;
    const finish = (): IteratorResult<FactsChangedEvent> => {
      done = true;
      this.listeners.delete(listener);
      signal?.removeEventListener('abort', onAbort);
      queue.length = 0;
      waiting?.({ done: true, value: undefined });
      waiting = null;
      return { done: true, value: undefined };
    };
    const listener: Listener = (event) => {
      if (kinds.length > 0 && !event.kinds.some((k) => kinds.includes(k))) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ done: false, value: event });
      } else if (queue.push(event) > MAX_QUEUED_EVENTS) finish();
    };
    const onAbort = () => finish();
    if (signal?.aborted) done = true;
    else {
      this.listeners.add(listener);
      signal?.addEventListener('abort', onAbort, { once: true });
    }
    const iterator: AsyncIterableIterator<FactsChangedEvent> = {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ done: false, value: queue.shift()! });
        if (done) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: () => Promise.resolve(finish()),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Number of open subscriptions. */
  get subscribers(): number {
    return this.listeners.size;
  }
}
