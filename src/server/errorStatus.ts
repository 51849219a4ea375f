/**
 * Apollo plugin: a GraphQL response carrying a DATABASE_UNAVAILABLE or REQUEST_TIMEOUT error is sent with
 * HTTP 503 and `Retry-After: 1` (instead of 200), so load balancers, proxies and clients see that the
 * service, not the query, failed. Any partial data stays in the body.
 */
import type { ApolloServerPlugin } from '@apollo/server';

const UNAVAILABLE_CODES = new Set(['DATABASE_UNAVAILABLE', 'REQUEST_TIMEOUT']);

export function unavailableStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => UNAVAILABLE_CODES.has(String(e.extensions?.code)))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}
