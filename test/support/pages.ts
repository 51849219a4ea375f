/**
 * A page of a compiled root list as the tests read it, and one function to fetch one (checking that the
 * request had no errors), shared by the e2e tests of the query layer.
 */
import { expect } from 'vitest';
import type { TestServer } from './server.js';

export interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/** The ids of a page, in its order. */
export const ids = (p: Page<{ id: string }>): string[] => p.edges.map((e) => e.node.id);

/** `list(field, args, node)`: one page of the root list `field` with arguments `args` and node selection `node`. */
export function lister(server: () => TestServer) {
  return async function list<T = { id: string }>(field: string, args: string, node = 'id'): Promise<Page<T>> {
    const open = args ? `(${args})` : '';
    const res = await server().gql<Record<string, Page<T>>>(`{ ${field}${open} { totalCount pageInfo { hasNextPage endCursor } edges { node { ${node} } } } }`);
    expect(res.errors).toBeUndefined();
    return res.data![field]!;
  };
}
