/**
 * Relay-style cursor pagination (https://relay.dev/graphql/connections.htm): opaque cursors that encode
 * the sort key of the last item seen, so pages stay stable while data is added.
 */
import { excerpt } from '../domain/errors.js';
import { InvalidArgumentError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}

export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

/** @throws InvalidArgumentError('after') when the cursor was not made by encodeCursor for `kind`. */
export function decodeCursor(kind: string, cursor: string | null | undefined, argument = 'after'): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(`${kind}:`) || text.length === kind.length + 1) {
    throw new InvalidArgumentError(argument, `'${excerpt(cursor)}' is not a ${kind} cursor returned by this API`);
  }
  return text.slice(kind.length + 1);
}

/** @throws InvalidArgumentError('first') unless 0 ≤ first ≤ MAX_PAGE_SIZE. */
export function checkPageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError('first', `must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${n}`);
  }
  return n;
}

/** Builds a connection from up to first+1 items fetched after the cursor. */
export function toConnection<T>(
  kind: string,
  items: T[],
  first: number,
  totalCount: number,
  keyOf: (t: T) => string,
  after: string | null,
): Connection<T> {
  const page = items.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(kind, keyOf(node)), node }));
  return {
    totalCount,
    pageInfo: {
      hasNextPage: items.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
  };
}
