import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { boundMessage, formatError, MAX_MESSAGE_LENGTH } from '../../src/api/errors.js';
import { Neo4jError } from 'neo4j-driver';

const newError = (message: string, code: string) => new Neo4jError(message, code as never, '50N42', 'error: general processing exception');
import { DatabaseUnavailableError, GraphError, mapNeo4jError } from '../../src/graph/errors.js';
import { InvalidArgumentError } from '../../src/services/errors.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../../src/services/pagination.js';

function asResolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['materials'] });
}

describe('formatError', () => {
  const logged: unknown[] = [];
  const log = (e: unknown) => logged.push(e);

  it('maps an invalid argument to BAD_USER_INPUT naming the argument', () => {
    const err = new InvalidArgumentError('where.formula', "formula 'Xx': unknown element symbol 'Xx' at position 0");
    const out = formatError({ message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, asResolverError(err), log);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'where.formula' });
    expect(out.message).toContain("unknown element symbol 'Xx'");
  });

  it('maps Neo4j unavailability to DATABASE_UNAVAILABLE without internals', () => {
    const err = new DatabaseUnavailableError('Neo4j is unavailable (ServiceUnavailable): connect ECONNREFUSED 127.0.0.1:1');
    const out = formatError({ message: err.message }, asResolverError(err), log);
    expect(out).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(out.message).not.toContain('ECONNREFUSED');
  });

  it('masks anything else as INTERNAL_SERVER_ERROR and logs the original', () => {
    logged.length = 0;
    const err = new TypeError("Cannot read properties of undefined (reading 'x')");
    const out = formatError(
      { message: err.message, path: ['materials'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at ...'] } },
      asResolverError(err),
      log,
    );
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, locations: undefined, path: ['materials'] });
    expect(logged).toEqual([err]);
  });

  it('keeps validation errors of graphql-js with their code but drops stack traces', () => {
    const out = formatError(
      { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at ...'] } },
      new GraphQLError('Cannot query field "nope" on type "Query".'),
      log,
    );
    expect(out.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('mapNeo4jError', () => {
  it.each([
    ['ServiceUnavailable', 'Could not perform discovery'],
    ['SessionExpired', 'leader switched'],
    ['Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'Database does not exist.'],
    ['N/A', 'Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 0, Idle conn count = 0.'],
  ])('%s means the database is unavailable', (code, message) => {
    expect(mapNeo4jError(newError(message, code), 'q')).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('keeps other driver errors as GraphErrors with their code, and other errors as they are', () => {
    const e = mapNeo4jError(newError('Invalid input', 'Neo.ClientError.Statement.SyntaxError'), 'materials.page');
    expect(e).toBeInstanceOf(GraphError);
    expect(e).not.toBeInstanceOf(DatabaseUnavailableError);
    expect((e as GraphError).message).toMatch(/^materials\.page failed \(Neo\.ClientError\.Statement\.SyntaxError\)/);
    const plain = new RangeError('x');
    expect(mapNeo4jError(plain, 'q')).toBe(plain);
  });
});

describe('cursors and page sizes', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor('material', encodeCursor('material', 'Ge1Li10P2S12'))).toBe('Ge1Li10P2S12');
    expect(decodeCursor('material', null)).toBeNull();
  });
  it.each(['garbage', 'bWF0ZXJpYWw6', encodeCursor('publication', 'x'), '!!'])('rejects cursor %j naming "after"', (c) => {
    expect(() => decodeCursor('material', c)).toThrow(InvalidArgumentError);
    expect(() => decodeCursor('material', c)).toThrow(/^after: /);
  });
  it('accepts 0..100 and rejects the rest naming "first"', () => {
    expect(checkPageSize(undefined)).toBe(20);
    expect(checkPageSize(0)).toBe(0);
    expect(checkPageSize(100)).toBe(100);
    expect(() => checkPageSize(101)).toThrow(/^first: must be an integer from 0 to 100, got 101/);
    expect(() => checkPageSize(-1)).toThrow(/^first: /);
  });
});

describe('formatError: what clients provoke is coded, and messages are bounded', () => {
  const logged: unknown[] = [];
  const log = (e: unknown) => logged.push(e);
  const apolloRefusal = (message: string) => new GraphQLError(message, { extensions: { http: { status: 400, headers: new Map() } } });

  it("codes Apollo's persisted-query hash mismatch (HTTP 400 without a code) and logs nothing", () => {
    logged.length = 0;
    const out = formatError({ message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, apolloRefusal('provided sha does not match query'), log);
    expect(out.extensions).toEqual({ code: 'PERSISTED_QUERY_HASH_MISMATCH' });
    expect(out.message).toMatch(/^extensions\.persistedQuery\.sha256Hash: /);
    expect(logged).toEqual([]);
  });

  it("codes Apollo's other 4xx refusals as BAD_REQUEST, keeping the message", () => {
    const out = formatError({ message: 'Unsupported persisted query version', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, apolloRefusal('Unsupported persisted query version'), log);
    expect(out).toMatchObject({ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } });
  });

  it('still masks an uncoded error raised in a resolver, even with an HTTP status', () => {
    logged.length = 0;
    const inResolver = new GraphQLError('boom', { path: ['materials'], extensions: { http: { status: 400 } } });
    expect(formatError({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, inResolver, log).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toHaveLength(1);
  });

  it('cuts long quoted input in graphql-js messages to 100 characters and any message to 1,000', () => {
    expect(boundMessage(`Cannot query field "${'x'.repeat(10_000)}" on type "Query".`)).toBe(`Cannot query field "${'x'.repeat(100)}…(+9,900 characters)" on type "Query".`);
    expect(boundMessage(`Variable "$f" got invalid value "${'a\\"'.repeat(60)}"`)).toContain('…(+80 characters)"');
    const long = boundMessage('y '.repeat(5_000));
    expect(long).toHaveLength(MAX_MESSAGE_LENGTH + 1);
    expect(long.endsWith('…')).toBe(true);
    expect(boundMessage('where.formula: short')).toBe('where.formula: short');
  });
});
