/**
 * Apollo plugin for what formatError cannot do (Apollo 5's formatError sees no request):
 * - refuses a `subscription` over HTTP (served over WebSocket only, src/server/subscriptions.ts) with
 *   BAD_REQUEST (HTTP 400) before anything runs;
 * - logs every error formatError masks (or that means a server-side fault, e.g. DATABASE_UNAVAILABLE)
 *   at level error through the request's child logger, so the line carries the request id;
 * - answers with the request id in the `x-request-id` response header (the client's own id when it sent
 *   a valid one, else the generated one; the HTTP layer sets it on every response, this keeps it on
 *   Apollo's own answers).
 * Which errors are masked is decided by formatError alone (src/api/errors.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Context } from './context.js';
import { formatError, UnsupportedOperationError } from './errors.js';

export function requestErrorsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          const type = operation?.operation;
          if (type === 'subscription') throw new UnsupportedOperationError(type);
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            formatError(asApolloFormats(error), error, (original) => contextValue.logger.error({ err: original, path: error.path }, 'request failed'));
          }
        },
        async willSendResponse({ response, contextValue }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}

/** The error as Apollo hands it to formatError: an error without a code is INTERNAL_SERVER_ERROR. */
function asApolloFormats(error: GraphQLError): GraphQLFormattedError {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  return { message: error.message, locations: error.locations, path: error.path, extensions: { ...error.extensions, code } };
}
