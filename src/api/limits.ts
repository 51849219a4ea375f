/**
 * Limits on what one GraphQL request may cost, checked before any resolver runs, and a cap on the size of
 * the response. Each refusal is a QueryLimitError with its own code (ERROR_CODES) and HTTP status 400:
 * - QUERY_TOO_DEEP: more nested fields than `maxDepth` (graphql-armor's max-depth; fragments measured as if
 *   written inline, the leaf fields included: `{ materials { totalCount } }` is 2 deep);
 * - TOO_MANY_ALIASES: more aliased fields than `maxAliases` (graphql-armor's max-aliases, fragments counted
 *   where they are spread);
 * - TOO_MANY_ROOT_FIELDS: more fields at the top of the operation than `maxRootFields` (fragments expanded);
 * - QUERY_TOO_COMPLEX: an estimated cost above `maxCost` (graphql-query-complexity with `fieldCost`);
 * - RESPONSE_TOO_LARGE: a response whose JSON is larger than `responseMaxBytes` is replaced by this error.
 * The first three are validation rules, the cost a check once the operation and its variables are known.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { Context } from './context.js';
import { QueryLimitError } from './errors.js';

/** The limits of one deployment (README: QUERY_MAX_*, RESPONSE_MAX_BYTES, GRAPHQL_*). */
export interface QueryLimits {
  /** Deepest nesting of selections allowed (QUERY_MAX_DEPTH). */
  maxDepth: number;
  /** Most aliased fields in one operation (QUERY_MAX_ALIASES). */
  maxAliases: number;
  /** Most fields at the top of one operation (QUERY_MAX_ROOT_FIELDS). */
  maxRootFields: number;
  /** Highest estimated cost of one operation, in the points of `fieldCost` (QUERY_MAX_COST). */
  maxCost: number;
  /** Largest response body in bytes of UTF-8 JSON (RESPONSE_MAX_BYTES). */
  responseMaxBytes: number;
  /** Whether `__schema`/`__type` may be queried (GRAPHQL_INTROSPECTION). */
  introspection: boolean;
  /** Whether validation errors suggest field names ("Did you mean ...?", GRAPHQL_SUGGESTIONS). */
  suggestions: boolean;
}

/** Defaults: generous for the queries the API documents, far below what starves the server. */
export const DEFAULT_LIMITS = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 20,
  maxCost: 200_000,
  responseMaxBytes: 16 * 1024 * 1024,
} as const;

/**
 * Points of the work a computed field starts, on top of its one point as a field: the thermodynamics
 * (a phase space and linear programs when not cached). A cold stability window takes tens of
 * milliseconds, as long as resolving some thousand plain fields; an interface reaction (or a prediction,
 * which computes one) about two to three times a window. The default QUERY_MAX_COST admits some 200 windows.
 */
export const COMPUTED_FIELD_COST: Readonly<Record<string, number>> = {
  'Query.stabilityWindow': 1000,
  'Material.stabilityWindow': 1000,
  'StabilityWindow.voltageProfile': 100,
  // a window for each phase a collapsed window decomposes into (two to four), none for any other window
  'StabilityWindow.decompositionWindows': 3000,
  'Query.decomposition': 500,
  'Query.interfaceReaction': 2500,
  'Interface.prediction': 2500,
};

/** How many items a list field without a page size (`first`) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Cost of one field for graphql-query-complexity, in points: 1 for the field, plus the work it starts
 * (COMPUTED_FIELD_COST), plus its selections' cost times the number of items it returns: its `first`
 * argument (the page size, the schema's default when omitted) for a paginated field, ASSUMED_LIST_SIZE
 * for another list of objects, 1 otherwise. The `edges` of a connection are counted by the connection's
 * `first`, not again. A list of scalars costs 1.
 */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const own = 1 + (COMPUTED_FIELD_COST[`${type.name}.${field.name}`] ?? 0);
  return own + itemCount(type.name, field.name, field.type, args) * childComplexity;
}

/** How many items `fieldName` of `parentType` is counted as returning (the multiplier of its selections' cost). */
export function itemCount(parentType: string, fieldName: string, fieldType: ComplexityEstimatorArgs['field']['type'], args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return Math.max(1, args.first);
  if (fieldName === 'edges' && parentType.endsWith('Connection')) return 1;
  const isObjectList = isListType(getNullableType(fieldType)) && isCompositeType(getNamedType(fieldType));
  return isObjectList ? ASSUMED_LIST_SIZE : 1;
}

/** Most fields graphql-query-complexity visits before it gives up on a document (fragments expanded). */
const MAX_COST_NODES = 10_000;

/**
 * The estimated cost of the operation `operationName` (or of every operation in the document when none is
 * named) with these variables. Throws QueryLimitError('QUERY_TOO_COMPLEX') when the document expands to
 * more than MAX_COST_NODES fields; a GraphQLError for variables that do not fit their types.
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string | null): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [fieldCost], maxQueryNodes: MAX_COST_NODES });
  } catch (e) {
    if (e instanceof GraphQLError && /maximum allowed number of nodes/.test(e.message)) {
      throw new QueryLimitError('QUERY_TOO_COMPLEX', `the query expands to more than ${MAX_COST_NODES} fields, the most whose cost is estimated`);
    }
    throw e;
  }
}

/** Reads the value armor found from its message ("... exceeded, found 24."). */
const found = (err: GraphQLError): string => /found (\d+)/.exec(err.message)?.[1] ?? 'more';

function depthRule(max: number): ValidationRule {
  return maxDepthRule({
    n: max,
    flattenFragments: true,
    propagateOnRejection: false,
    onReject: [(ctx, err) => ctx?.reportError(new QueryLimitError('QUERY_TOO_DEEP', `query depth ${found(err)} exceeds the limit of ${max} (QUERY_MAX_DEPTH)`))],
  });
}

function aliasesRule(max: number): ValidationRule {
  return maxAliasesRule({
    n: max,
    propagateOnRejection: false,
    onReject: [(ctx, err) => ctx?.reportError(new QueryLimitError('TOO_MANY_ALIASES', `${found(err)} aliases exceed the limit of ${max} (QUERY_MAX_ALIASES)`))],
  });
}

/** Fields at the top of a selection set, fragments expanded (each fragment once per path). */
export function countRootFields(selectionSet: SelectionSetNode, context: Pick<ValidationContext, 'getFragment'>, seen = new Set<string>()): number {
  let n = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) n += 1;
    else if (s.kind === Kind.INLINE_FRAGMENT) n += countRootFields(s.selectionSet, context, seen);
    else if (!seen.has(s.name.value)) {
      const fragment = context.getFragment(s.name.value);
      if (fragment) n += countRootFields(fragment.selectionSet, context, new Set([...seen, s.name.value]));
    }
  }
  return n;
}

function rootFieldsRule(max: number): ValidationRule {
  return (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const n = countRootFields(operation.selectionSet, context);
      if (n > max) context.reportError(new QueryLimitError('TOO_MANY_ROOT_FIELDS', `${n} root fields exceed the limit of ${max} (QUERY_MAX_ROOT_FIELDS)`));
    },
  });
}

/** Validation rules for Apollo's `validationRules`: depth, aliases, root fields. */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [depthRule(limits.maxDepth), aliasesRule(limits.maxAliases), rootFieldsRule(limits.maxRootFields)];
}

/**
 * Throws QueryLimitError('QUERY_TOO_COMPLEX') when the estimate is above `maxCost`. Variables that do not
 * fit their types leave nothing to estimate: execution refuses them (BAD_USER_INPUT) before any resolver.
 */
function checkCost(maxCost: number, estimate: () => number): void {
  let cost: number;
  try {
    cost = estimate();
  } catch (e) {
    if (e instanceof QueryLimitError) throw e;
    return;
  }
  if (cost > maxCost) {
    throw new QueryLimitError('QUERY_TOO_COMPLEX', `estimated cost ${Math.round(cost)} exceeds the limit of ${maxCost} (QUERY_MAX_COST); ask for smaller pages (first) or fewer nested lists and computed fields`);
  }
}

/**
 * Apollo plugin: refuses an operation whose estimated cost is above `maxCost` once the operation and its
 * variables are known (before execution), and replaces a response larger than `responseMaxBytes` (logged
 * as a warning with the request id).
 */
export function limitsPlugin(limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          checkCost(limits.maxCost, () => estimateCost(schema, document, request.variables, operationName));
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (bytes <= limits.responseMaxBytes) return;
          contextValue.logger.warn({ bytes, limit: limits.responseMaxBytes }, 'response too large: replaced by RESPONSE_TOO_LARGE');
          const error = new QueryLimitError('RESPONSE_TOO_LARGE', `the response of ${bytes} bytes exceeds the limit of ${limits.responseMaxBytes} (RESPONSE_MAX_BYTES); ask for smaller pages (first) or fewer fields`);
          response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions: { code: 'RESPONSE_TOO_LARGE' } }] } };
          response.http.status = 400;
        },
      };
    },
  };
}
