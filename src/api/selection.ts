/**
 * Reads the selection of a resolved field (graphql-parse-resolve-info: aliases, arguments with variables
 * and defaults applied, fragments merged) into the plain `SelectedField` tree the planner of the
 * compiled lists takes, each computed field weighted as the request limits weigh it.
 */
import { getNamedType, isObjectType, isInterfaceType, isUnionType, type GraphQLResolveInfo, type GraphQLSchema, type GraphQLUnionType } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { SelectedField } from '../services/query/selection.js';
import { COMPUTED_FIELD_COST, itemCount } from './limits.js';
import { convertsFromRowUnit } from './outputUnits.js';

export function selectionOf(info: GraphQLResolveInfo): SelectedField {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!tree || !('fieldsByTypeName' in tree)) throw new Error(`no selection for ${info.fieldName}`);
  return toSelected(info.schema, tree, info.parentType.name);
}

function toSelected(schema: GraphQLSchema, tree: ResolveTree, parentType: string): SelectedField {
  const byType: Record<string, SelectedField[]> = {};
  for (const [typeName, byKey] of Object.entries(tree.fieldsByTypeName)) {
    byType[typeName] = withRowUnit(typeName, Object.values(byKey).map((sub) => toSelected(schema, sub, typeName)));
  }
  const args = tree.args as Record<string, unknown>;
  const type = returnType(schema, parentType, tree.name);
  return {
    name: tree.name,
    key: tree.alias,
    args,
    weight: COMPUTED_FIELD_COST[`${parentType}.${tree.name}`] ?? 0,
    rows: rowsOf(schema, parentType, tree.name, args),
    fields: mergeFields(Object.values(byType).flat()),
    ...(isUnionType(type) ? { byType: unionMembers(type, byType) } : {}),
  };
}

/**
 * A number asked for in another unit than its row's (`value(unit: "mS/cm")`, outputUnits.ts) is converted from
 * the row's `unit`: the statement then reads `unit` too, selected or not.
 */
function withRowUnit(typeName: string, fields: SelectedField[]): SelectedField[] {
  const converted = fields.some((f) => typeof f.args['unit'] === 'string' && convertsFromRowUnit(typeName, f.name));
  if (!converted || fields.some((f) => f.name === 'unit')) return fields;
  // a key no response can use, so that an alias `unit:` on another field does not hide it when fields merge
  return [...fields, { name: 'unit', key: '__rowUnit', args: {}, weight: 0, rows: 1, fields: [] }];
}

/**
 * The sub-fields of each object type of a union: the fragments on the type itself, on the union and on every
 * interface it implements (`... on Fact { source { line } }` applies to each fact type), merged.
 */
function unionMembers(union: GraphQLUnionType, byType: Record<string, SelectedField[]>): Record<string, SelectedField[]> {
  const members: Record<string, SelectedField[]> = {};
  for (const member of union.getTypes()) {
    const names = [member.name, union.name, ...member.getInterfaces().map((i) => i.name)];
    members[member.name] = mergeFields(names.flatMap((n) => byType[n] ?? []));
  }
  return members;
}

/** Fields merged by response key, their sub-selections merged too (as GraphQL merges fragments). */
function mergeFields(fields: readonly SelectedField[]): SelectedField[] {
  const byKey = new Map<string, SelectedField>();
  for (const f of fields) {
    const known = byKey.get(f.key);
    if (!known) byKey.set(f.key, f);
    else byKey.set(f.key, { ...known, fields: mergeFields([...known.fields, ...f.fields]), ...mergedByType(known, f) });
  }
  return [...byKey.values()];
}

function mergedByType(a: SelectedField, b: SelectedField): Pick<SelectedField, 'byType'> {
  if (!a.byType && !b.byType) return {};
  const names = new Set([...Object.keys(a.byType ?? {}), ...Object.keys(b.byType ?? {})]);
  return { byType: Object.fromEntries([...names].map((n) => [n, mergeFields([...(a.byType?.[n] ?? []), ...(b.byType?.[n] ?? [])])])) };
}

/** The named type a field of `parentType` returns (undefined for an unknown field). */
function returnType(schema: GraphQLSchema, parentType: string, name: string) {
  const parent = schema.getType(parentType);
  const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
  return field ? getNamedType(field.type) : undefined;
}

/** Items the request limits count the field as returning (1 for a single object or a scalar). */
function rowsOf(schema: GraphQLSchema, parentType: string, name: string, args: Record<string, unknown>): number {
  const parent = schema.getType(parentType);
  const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
  return field ? itemCount(parentType, name, field.type, args) : 1;
}

/**
 * The value a compiled list returned for the relationship field being resolved (by response key; null
 * included), else what `resolve` gives (the field resolver's own way, through DataLoaders).
 */
export function compiledOr<T>(root: object, info: GraphQLResolveInfo, resolve: () => T | Promise<T>): T | Promise<T> {
  const key = `rel_${info.path.key}`;
  return key in root ? ((root as Record<string, unknown>)[key] as T) : resolve();
}

/**
 * Makes every field of `schema` whose parent row carries a compiled value (`rel_<response key>`, see `compiledOr`)
 * return that value at once, before the field's resolver: type-graphql's wrapper would otherwise copy the parent
 * into its class and validate the arguments (asynchronously) on each call, for every row of a compiled page. The
 * resolver still answers every parent that was not compiled. Returns `schema`, changed in place.
 */
export function readCompiledFirst(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (root, args, context, info) => {
        const key = `rel_${info.path.key}`;
        if (root !== null && typeof root === 'object' && key in root) return (root as Record<string, unknown>)[key];
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}
