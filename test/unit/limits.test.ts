import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatError, QueryLimitError } from '../../src/api/errors.js';
import { ASSUMED_LIST_SIZE, COMPUTED_FIELD_COST, DEFAULT_LIMITS, estimateCost, limitValidationRules, type QueryLimits } from '../../src/api/limits.js';
import { buildInterphaseSchema } from '../../src/api/schema.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildInterphaseSchema();
});

const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), variables);

describe('cost estimate (one point per field; lists multiply their selections)', () => {
  it('counts one point per field and object', () => {
    expect(cost('{ material(id: "x") { id name } }')).toBe(3);
  });

  it('multiplies a connection by its page size: the given first, else the schema default (20); edges are not counted again', () => {
    // materials 1 + first × (totalCount 1 + edges 1 + node 1 + id 1)
    expect(cost('{ materials(first: 5) { totalCount edges { node { id } } } }')).toBe(1 + 5 * 4);
    expect(cost('{ materials { edges { node { id } } } }')).toBe(1 + 20 * 3);
    expect(cost('query($n: Int) { materials(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 100 * 3);
  });

  it('multiplies an unpaginated list of objects by the assumed list size, a list of scalars not at all', () => {
    expect(cost('{ material(id: "x") { measurements { id } } }')).toBe(1 + (1 + ASSUMED_LIST_SIZE * 1));
    expect(cost('{ material(id: "x") { elements } }')).toBe(2);
  });

  it('multiplies through the nesting', () => {
    const inner = 1 + ASSUMED_LIST_SIZE * 1; // interfaces { id }
    const outer = 1 + ASSUMED_LIST_SIZE * (1 + inner); // interfaces { electrolyte { ... } }
    expect(cost('{ materials(first: 100) { edges { node { interfaces { electrolyte { interfaces { id } } } } } } }')).toBe(1 + 100 * (1 + 1 + outer));
  });

  it('weighs computed fields by the work they start', () => {
    expect(COMPUTED_FIELD_COST['Query.stabilityWindow']).toBeGreaterThan(100);
    const window = 1 + COMPUTED_FIELD_COST['Query.stabilityWindow']!;
    expect(cost('{ stabilityWindow(formula: "Li3PS4") { status } }')).toBe(window + 1);
    expect(cost('{ stabilityWindow(formula: "Li3PS4") { voltageProfile { fromV } } }')).toBe(window + 1 + COMPUTED_FIELD_COST['StabilityWindow.voltageProfile']! + ASSUMED_LIST_SIZE);
    expect(cost('{ interfaces(first: 60) { edges { node { prediction { status } } } } }')).toBe(1 + 60 * (1 + 1 + (1 + COMPUTED_FIELD_COST['Interface.prediction']! + 1)));
    expect(cost('{ interfaceReaction(reactantA: "Li3PS4", reactantB: "LiCoO2") { reactantA } }')).toBe(1 + COMPUTED_FIELD_COST['Query.interfaceReaction']! + 1);
    expect(cost('{ decomposition(formula: "Li3PS4") { formula } }')).toBe(1 + COMPUTED_FIELD_COST['Query.decomposition']! + 1);
  });

  it('throws a GraphQLError (not a limit) for variables that do not fit their types', () => {
    let error: unknown;
    try {
      cost('query($n: Int) { materials(first: $n) { totalCount } }', { n: 'many' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).not.toBeInstanceOf(QueryLimitError);
  });

  it('puts 500 aliased windows and a page of 100 materials with their windows over and under the default limit', () => {
    const aliased = `{ ${Array.from({ length: 500 }, (_, i) => `w${i}: stabilityWindow(formula: "Li${i + 1}PS4") { status }`).join(' ')} }`;
    expect(cost(aliased)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(cost('{ materials(first: 100) { edges { node { id stabilityWindow { status } } } } }')).toBeLessThan(DEFAULT_LIMITS.maxCost);
  });

  it('counts fragments where they are spread and refuses a document that expands beyond what it estimates', () => {
    expect(cost('{ material(id: "x") { ...f ...f } } fragment f on Material { id name }')).toBe(1 + 2 + 2);
    const fragments = Array.from({ length: 16 }, (_, i) => `fragment f${i} on Material { ${i === 15 ? 'id' : `...f${i + 1} ...f${i + 1}`} }`).join(' ');
    let error: unknown;
    try {
      cost(`{ material(id: "x") { ...f0 } } ${fragments}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryLimitError);
    expect(error).toMatchObject({ code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(/more than 10000 fields/) });
  });
});

describe('validation rules', () => {
  const limits: QueryLimits = { ...DEFAULT_LIMITS, maxDepth: 5, maxAliases: 3, maxRootFields: 2, introspection: true, suggestions: true };
  const errors = (query: string) => validate(schema, parse(query), limitValidationRules(limits)).map((e) => ({ code: e.extensions.code, message: e.message }));

  it('accepts a query within every limit', () => {
    expect(errors('{ a: material(id: "x") { id } b: material(id: "y") { id } }')).toEqual([]);
    expect(errors('{ materials { edges { node { interfaces { id } } } } }')).toEqual([]); // depth 5
  });

  it('refuses depth, aliases and root fields with their codes, naming the limit and the value found', () => {
    expect(errors('{ materials { edges { node { interfaces { electrolyte { id } } } } } }')).toEqual([
      { code: 'QUERY_TOO_DEEP', message: 'query depth 6 exceeds the limit of 5 (QUERY_MAX_DEPTH)' },
    ]);
    expect(errors('{ material(id: "x") { a: id b: id c: id d: id } }')).toEqual([
      { code: 'TOO_MANY_ALIASES', message: '4 aliases exceed the limit of 3 (QUERY_MAX_ALIASES)' },
    ]);
    expect(errors('{ datasets { id } techniques { id } ...q } fragment q on Query { structuralFamilies { id } }')).toEqual([
      { code: 'TOO_MANY_ROOT_FIELDS', message: '3 root fields exceed the limit of 2 (QUERY_MAX_ROOT_FIELDS)' },
    ]);
  });

  it('measures the depth through fragments as if they were written inline', () => {
    expect(errors('{ materials { edges { node { ...m } } } } fragment m on Material { interfaces { id } }')).toEqual([]);
    expect(errors('{ materials { edges { node { ...m } } } } fragment m on Material { interfaces { ... on Interface { electrolyte { id } } } }')).toEqual([
      { code: 'QUERY_TOO_DEEP', message: 'query depth 6 exceeds the limit of 5 (QUERY_MAX_DEPTH)' },
    ]);
  });
});

describe('formatError keeps the codes of limits', () => {
  it('unwraps the limit from the GRAPHQL_VALIDATION_FAILED error Apollo wraps it in', () => {
    const limit = new QueryLimitError('QUERY_TOO_DEEP', 'query depth 24 exceeds the limit of 15 (QUERY_MAX_DEPTH)');
    const wrapped = new GraphQLError(limit.message, { originalError: limit, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const logged: unknown[] = [];
    const out = formatError({ message: limit.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapped, (e) => logged.push(e));
    expect(out).toEqual({ message: limit.message, locations: undefined, extensions: { code: 'QUERY_TOO_DEEP' } });
    expect(logged).toEqual([]);
  });

  it('keeps a limit thrown before execution (the cost)', () => {
    const limit = new QueryLimitError('QUERY_TOO_COMPLEX', 'estimated cost 99999 exceeds the limit of 50000 (QUERY_MAX_COST)');
    const out = formatError({ message: limit.message, extensions: { code: 'QUERY_TOO_COMPLEX' } }, limit, () => undefined);
    expect(out.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });
});

describe('configuration of the limits', () => {
  it('defaults: the limits above; introspection and suggestions on in development, off in production', () => {
    expect(loadConfig({}).limits).toEqual({ ...DEFAULT_LIMITS, introspection: true, suggestions: true });
    expect(loadConfig({ NODE_ENV: 'production' }).limits).toEqual({ ...DEFAULT_LIMITS, introspection: false, suggestions: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_SUGGESTIONS: 'on' }).limits).toMatchObject({ introspection: true, suggestions: true });
  });

  it('reads every variable', () => {
    const env = { QUERY_MAX_DEPTH: '8', QUERY_MAX_ALIASES: '0', QUERY_MAX_ROOT_FIELDS: '3', QUERY_MAX_COST: '1000', RESPONSE_MAX_BYTES: '65536', GRAPHQL_INTROSPECTION: 'false', GRAPHQL_SUGGESTIONS: 'no' };
    expect(loadConfig(env).limits).toEqual({ maxDepth: 8, maxAliases: 0, maxRootFields: 3, maxCost: 1000, responseMaxBytes: 65536, introspection: false, suggestions: false });
  });

  it.each([
    ['QUERY_MAX_DEPTH', 'deep', /must be a whole number 2–1000, got 'deep'/],
    ['QUERY_MAX_DEPTH', '1', /must be a whole number 2–1000/],
    ['QUERY_MAX_ALIASES', '-1', /must be a whole number 0–100000/],
    ['QUERY_MAX_ROOT_FIELDS', '0', /must be a whole number 1–100000/],
    ['QUERY_MAX_COST', '1.5', /must be a whole number/],
    ['RESPONSE_MAX_BYTES', '100', /must be a whole number 1024–1073741824/],
    ['GRAPHQL_INTROSPECTION', 'maybe', /must be true or false/],
    ['GRAPHQL_SUGGESTIONS', '2', /must be true or false/],
  ])('%s=%s is refused naming the variable', (variable, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(message);
  });
});
