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
