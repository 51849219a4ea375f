/**
 * Live updates: the API's `factsChanged` subscription (graphql-ws, protocol graphql-transport-ws, on
 * /graphql). Each change set committed by the server calls `onChange` once the burst is over (changes
 * within `quietMs` are one refresh); the socket reconnects by itself after a restart of the server.
 */
import { createClient, type Client } from 'graphql-ws';

export interface FactsChanged {
  changeSetId: string;
  operation: string;
  kinds: string[];
  materialIds: string[];
  at: string;
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

const SUBSCRIPTION = 'subscription Changes { factsChanged { changeSetId operation kinds materialIds at } }';

export function subscribeToChanges(onChange: (changes: FactsChanged[]) => void, onStatus: (s: LiveStatus) => void, quietMs = 300): () => void {
  const url = new URL('/graphql', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let connections = 0;
  const client: Client = createClient({
    url: url.toString(),
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    on: {
      connected: () => {
        onStatus('live');
        // after a reconnection, changes committed while the socket was down were not heard: draw again
        if (connections++ > 0) onChange([]);
      },
      closed: () => onStatus('offline'),
      connecting: () => onStatus('connecting'),
    },
  });
  let pending: FactsChanged[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = client.subscribe<{ factsChanged: FactsChanged }>(
    { query: SUBSCRIPTION },
    {
      next: (msg) => {
        if (!msg.data) return;
        pending.push(msg.data.factsChanged);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const batch = pending;
          pending = [];
          onChange(batch);
        }, quietMs);
      },
      error: () => onStatus('offline'),
      complete: () => onStatus('offline'),
    },
  );
  return () => {
    stop();
    void client.dispose();
  };
}
