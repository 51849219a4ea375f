/**
 * How the graph writes and reads the node kinds declared once in `domain/model/`: the properties a writer
 * sets (`storedProps`), the Cypher expression of each field (`projectionOf`, the query compiler's tables),
 * and the map of a whole record (`recordMap`, for the DataLoader reads). A property's name on the node, its
 * default when missing, and how a value stored flat under a prefix is split and rebuilt are decided here
 * only, from the declaration.
 */
import {
  filterableProperties,
  storedName,
  type Column,
  type NodeKindSpec,
  type PositionedKind,
  type Prop,
  type SourceStoredOf,
  type StoredKeys,
  type StoredOf,
} from '../domain/model/property.js';
import { QUANTITY_PARTS, QUANTITY_PROPERTIES, type QuantityPart } from '../domain/model/quantity.kind.js';

/** A compiled field: its Cypher expression over the node variable `v`. */
export type Expr = (v: string) => string;

type QuantityValue = { [P in QuantityPart]: unknown };

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const prefixed = (prefix: string, part: string) => (prefix ? prefix + cap(part) : part);
const literal = (x: unknown) => (Array.isArray(x) ? '[]' : typeof x === 'string' ? `'${x.replace(/'/g, "\\'")}'` : String(x));

/** A value stored flat under `prefix` as node properties (`potentialValue`, `potentialUnit`...); nothing for null. */
export function flatQuantity(prefix: string, q: QuantityValue | null): Record<string, unknown> {
  if (!q) return {};
  const out: Record<string, unknown> = {};
  for (const part of QUANTITY_PARTS) out[prefixed(prefix, part)] = part === 'approximate' ? q.approximate || null : q[part];
  return out;
}

/**
 * A value stored flat under `prefix`, read back as a `Quantity` map (each part as `QUANTITY_PROPERTIES`
 * declares it, with its default when missing); null when it has no printed value.
 */
export function quantityMap(v: string, prefix: string): string {
  const part = (name: QuantityPart) => storedExpression(prefixed(prefix, name), QUANTITY_PROPERTIES[name])(v);
  return `CASE WHEN ${part('printedValue')} IS NULL THEN null ELSE {${QUANTITY_PARTS.map((name) => `${name}: ${part(name)}`).join(', ')}} END`;
}

/**
 * The node properties of one node of `kind`: every stored property of the declaration under its stored
 * name (values stored flat under a prefix split into their parts). A key the declaration does not have is
 * refused (a writer cannot add a property the reads do not know).
 */
export function storedProps<K extends NodeKindSpec>(kind: K, values: StoredOf<K>): Record<string, unknown> {
  const given = values as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    const p = kind.properties[key];
    if (!p || p.storage.kind === 'derived') throw new Error(`${kind.name}.${key} is not a stored property`);
  }
  for (const [field, p] of Object.entries(kind.properties)) {
    if (p.storage.kind === 'derived') continue;
    const value = given[field] ?? null;
    if (p.storage.kind === 'quantity') Object.assign(out, flatQuantity(p.storage.prefix, value as QuantityValue | null));
    else if (p.storage.kind === 'columns') Object.assign(out, columnLists(p.storage.columns, value as Record<string, unknown>[] | null, (c) => c.name));
    else out[storedName(field, p)] = value;
  }
  return out;
}

/**
 * Some of the node properties of a node of `kind`, for a writer that sets only part of them on a node other
 * writers share (a cited publication's entry, without what only a review or a dataset knows): exactly the
 * given stored properties, under their stored names; the others are left as they are.
 */
export function somePropsOf<K extends NodeKindSpec>(kind: K, values: Partial<StoredOf<K>>): Record<string, unknown> {
  const given = values as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(given)) {
    const p = kind.properties[field];
    if (!p || p.storage.kind === 'derived') throw new Error(`${kind.name}.${field} is not a stored property`);
    if (p.storage.kind === 'quantity') Object.assign(out, flatQuantity(p.storage.prefix, (value ?? null) as QuantityValue | null));
    else if (p.storage.kind === 'columns') Object.assign(out, columnLists(p.storage.columns, (value ?? null) as Record<string, unknown>[] | null, (c) => c.name));
    else out[storedName(field, p)] = value ?? null;
  }
  return out;
}

/**
 * The properties of one node written from several declarations (a fact's own, its source's, a measurement's
 * structure): their union, refusing a property two of them would set (one would silently null the other).
 */
export function nodeProps(...parts: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(out, key)) throw new Error(`property ${key} is written by two declarations of one node`);
      out[key] = value;
    }
  }
  return out;
}

/** The Cypher expression of a stored property (its default when missing). */
function storedExpression(field: string, p: Prop<unknown>): Expr {
  const name = storedName(field, p);
  if (p.storage.kind === 'quantity') {
    const prefix = p.storage.prefix;
    return (v) => quantityMap(v, prefix);
  }
  if (p.storage.kind === 'columns') {
    const columns = p.storage.columns;
    return (v) => columnsList(v, columns);
  }
  const fallback = p.storage.kind === 'property' ? p.storage.fallback : null;
  return fallback === null ? (v) => `${v}.${name}` : (v) => `coalesce(${v}.${name}, ${literal(fallback)})`;
}

/** The fields of `kind` the graph layer reads from relationships or several properties. */
export type DerivedKeys<K extends NodeKindSpec> = {
  [F in keyof K['properties']]: K['properties'][F]['stores'] extends 'derived' ? F : never;
}[keyof K['properties']];

/**
 * One Cypher expression per field of `kind`, keyed by the GraphQL field name (a hidden field by its record
 * key): stored properties read from the declaration, derived ones from `derived` (exactly the derived
 * fields: TypeScript refuses a missing or an extra one).
 */
export function projectionOf<K extends NodeKindSpec>(kind: K, derived: { [F in DerivedKeys<K>]: Expr }): Record<string, Expr> {
  const given = derived as Record<string, Expr>;
  const out: Record<string, Expr> = {};
  for (const [field, p] of Object.entries(kind.properties)) {
    const expr = p.storage.kind === 'derived' ? given[field] : storedExpression(field, p);
    if (!expr) throw new Error(`${kind.name}.${field}: no expression for a derived field`);
    out[p.graphqlName ?? field] = expr;
  }
  return out;
}

/** The Cypher expression of one stored property of `kind` by its declared key (a relationship's over the relationship's variable). */
export function propertyOf<K extends NodeKindSpec>(kind: K, field: StoredKeys<K> & string): Expr {
  const p = kind.properties[field];
  if (!p || p.storage.kind === 'derived') throw new Error(`${kind.name}.${field} is not a stored property`);
  return storedExpression(field, p);
}

/** The relationship of a kind stored on one, as a pattern names it: `r:HAS_RESULT` (`variable` may be ''). */
export function relationshipOf(kind: NodeKindSpec, variable = ''): string {
  if (!kind.relationship) throw new Error(`${kind.name} is not stored on a relationship`);
  return `${variable}:${kind.relationship}`;
}

/** The order of the relationships of a positioned kind (REPORTED_BY, HAS_RESULT...) over the relationship's variable: its declared `position`. */
export function positionOf(kind: PositionedKind): Expr {
  relationshipOf(kind);
  return propertyOf(kind, 'position');
}

/**
 * The fields of a kind stored on the relationship that reaches its node (a cell's component on HAS_COMPONENT,
 * an interphase product on PRODUCES), read through the relationship's variable `r<node variable>`; its
 * derived fields read the node (`projection`: `projectionOf` the kind).
 */
export function throughRelationship(kind: NodeKindSpec, projection: Record<string, Expr>): Record<string, Expr> {
  relationshipOf(kind);
  const out: Record<string, Expr> = {};
  for (const [field, p] of Object.entries(kind.properties)) {
    const key = p.graphqlName ?? field;
    const expr = projection[key]!;
    out[key] = p.storage.kind === 'derived' ? expr : (v) => expr(`r${v}`);
  }
  return out;
}

/** GraphQL field → record key, where they differ (`reductionLimit` → `reduction`). */
export function outputKeysOf(kind: NodeKindSpec): Record<string, string> {
  return Object.fromEntries(
    Object.entries(kind.properties)
      .filter(([, p]) => p.graphqlName !== null)
      .map(([field, p]) => [p.graphqlName!, field]),
  );
}

/** The stored properties filters and orders of `kind` may read. */
export function filterableOf(kind: NodeKindSpec, extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...filterableProperties(kind), ...extra]);
}

/** A Cypher map of a whole record of `kind` over node variable `v` (every field, keyed as the record). */
export function recordMap(kind: NodeKindSpec, projection: Record<string, Expr>, v: string): string {
  const entries = Object.entries(kind.properties).map(([field, p]) => `${field}: ${projection[p.graphqlName ?? field]!(v)}`);
  return `{${entries.join(', ')}}`;
}

/** The list property holding one field of a list stored as columns (`dopants.element` → `v.dopantElements`), a null as ''. */
export function columnOf<K extends NodeKindSpec>(kind: K, field: keyof K['properties'] & string, column: string): Expr {
  const p = kind.properties[field];
  const c = p?.storage.kind === 'columns' ? p.storage.columns.find((x) => x.field === column) : undefined;
  if (!c) throw new Error(`${kind.name}.${field}.${column} is not a stored column`);
  return (v) => `${v}.${c.name}`;
}

/** A list of objects stored as parallel lists: one list property per column (named by `name`), a null field as '' (a number as NaN). */
function columnLists(columns: readonly Column[], objects: readonly Record<string, unknown>[] | null, name: (c: Column) => string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const c of columns) out[name(c)] = (objects ?? []).map((o) => o[c.field] ?? (c.nullable ? (c.numeric ? Number.NaN : '') : null));
  return out;
}

/** The objects of a list stored as parallel list properties, read back as a list of maps (null for a nullable field stored as '' or NaN). */
export function columnsList(v: string, columns: readonly Column[]): string {
  const first = columns[0];
  if (!first) return '[]';
  const entries = columns.map((c) => {
    const item = `${v}.${c.name}[i]`;
    const missing = c.numeric ? `isNaN(${item})` : `${item} = ''`;
    return `${c.field}: ${c.nullable ? `CASE WHEN ${missing} THEN null ELSE ${item} END` : item}`;
  });
  return `[i IN range(0, size(coalesce(${v}.${first.name}, [])) - 1) | {${entries.join(', ')}}]`;
}

/**
 * Every property a node (or relationship) of `kind` may carry as written: the stored properties under their
 * names, a value stored flat split into its parts, a list stored as columns into its lists, and the sources'
 * copies. What a graph holds beyond these was written by something other than the declaration.
 */
export function storedNamesOf(kind: NodeKindSpec): Set<string> {
  const out = new Set<string>();
  for (const [field, p] of Object.entries(kind.properties)) {
    if (p.storage.kind === 'property') out.add(storedName(field, p));
    if (p.storage.kind === 'quantity') for (const part of QUANTITY_PARTS) out.add(prefixed(p.storage.prefix, part));
    if (p.storage.kind === 'columns') for (const c of p.storage.columns) out.add(c.name);
    for (const source of p.perSource?.sources ?? []) for (const name of copies(source, field, p)) out.add(name);
  }
  return out;
}

// --- properties kept per source (keptPerSource): the sources' copies and the public value derived from them

const copyOf = (source: string, field: string, p: Prop<unknown>, stored = p.perSource?.copyName ?? storedName(field, p)) => source + cap(stored);

/** The names of the copies `source` keeps of a stored property (one per column of a list stored as columns). */
function copies(source: string, field: string, p: Prop<unknown>): string[] {
  if (p.storage.kind === 'columns') return p.storage.columns.map((c) => copyOf(source, field, p, c.name));
  return [copyOf(source, field, p)];
}

/** The node property a source's copy of `field` is stored in (`seed`, `name` → `seedName`). */
export function sourceCopyName(kind: NodeKindSpec, source: string, field: string): string {
  const p = kind.properties[field];
  if (!p?.perSource?.sources.includes(source)) throw new Error(`${kind.name}.${field} is not kept by ${source}`);
  return copyOf(source, field, p);
}

/**
 * The properties `source` writes on a node of `kind`: its copy of every property it keeps, under the copy's
 * name (lists stored as columns split into their lists). A property it does not keep is refused.
 */
export function sourceProps<K extends NodeKindSpec, Src extends string>(kind: K, source: Src, values: SourceStoredOf<K, Src>): Record<string, unknown> {
  const given = values as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!kind.properties[key]?.perSource?.sources.includes(source)) throw new Error(`${kind.name}.${key} is not kept by ${source}`);
  }
  const out: Record<string, unknown> = {};
  for (const [field, p] of Object.entries(kind.properties)) {
    if (!p.perSource?.sources.includes(source)) continue;
    const value = given[field] ?? null;
    if (p.storage.kind === 'columns') Object.assign(out, columnLists(p.storage.columns, value as Record<string, unknown>[] | null, (c) => copyOf(source, field, p, c.name)));
    else out[copyOf(source, field, p)] = value;
  }
  return out;
}

/** Every copy `source` keeps on a node of `kind` (what removing its view removes). */
export function sourceCopies(kind: NodeKindSpec, source: string): string[] {
  return Object.entries(kind.properties).flatMap(([field, p]) => (p.perSource?.sources.includes(source) ? copies(source, field, p) : []));
}

/** The Cypher expression of the public value of a property kept per source, from the copies on node `v`. */
function derivedFromSources(kind: NodeKindSpec, field: string, p: Prop<unknown>, v: string, stored: string = storedName(field, p)): string {
  const ps = p.perSource!;
  const fallback = p.storage.kind === 'property' ? p.storage.fallback : p.storage.kind === 'columns' ? [] : null;
  // a list stored as columns is derived column by column (`stored`: the column's list property)
  const copyOn = (source: string) => `${v}.${p.storage.kind === 'columns' ? copyOf(source, field, p, stored) : copyOf(source, field, p)}`;
  if (ps.rule === 'first') {
    const args = ps.sources.map(copyOn);
    for (const next of ps.then) {
      const q = kind.properties[next];
      if (!q) throw new Error(`${kind.name}.${field}: then ${next} is not a property`);
      if (q.perSource && q.perSource.rule === 'first' && q.perSource.then.length === 0) args.push(...q.perSource.sources.map((s) => `${v}.${copyOf(s, next, q)}`));
      else if (!q.perSource) args.push(`${v}.${storedName(next, q)}`);
      else throw new Error(`${kind.name}.${field}: then ${next} must be a stored property or kept by 'first' without its own then`);
    }
    if (fallback !== null) args.push(literal(fallback));
    return args.length === 1 ? args[0]! : `coalesce(${args.join(', ')})`;
  }
  // union, in source order: the 'from' sources first (their copy of a single value as a list of 0 or 1), then the others
  const parts = [
    ...Object.entries(ps.from).map(([source, other], i) => {
      const q = kind.properties[other];
      if (!q?.perSource?.sources.includes(source)) throw new Error(`${kind.name}.${field}: ${other} is not kept by ${source}`);
      return `[s${i} IN [${v}.${copyOf(source, other, q)}] WHERE s${i} IS NOT NULL]`;
    }),
    ...ps.sources.map((s) => `coalesce(${copyOn(s)}, [])`),
  ];
  return parts.reduce((acc, part, i) => `${acc} + [u${i} IN ${part} WHERE NOT u${i} IN ${acc}]`);
}

/**
 * The assignments (`v.name = coalesce(v.seedName, ...)`, comma-separated, for one SET) that derive every
 * public property of `kind` kept per source from the sources' copies on node `v`, by each property's rule.
 */
export function refreshFromSources(kind: NodeKindSpec, v: string): string {
  const out: string[] = [];
  for (const [field, p] of Object.entries(kind.properties)) {
    if (!p.perSource) continue;
    if (p.storage.kind === 'columns') {
      if (p.perSource.rule !== 'first') throw new Error(`${kind.name}.${field}: a list stored as columns is kept by 'first'`);
      for (const c of p.storage.columns) out.push(`${v}.${c.name} = ${derivedFromSources(kind, field, p, v, c.name)}`);
    } else out.push(`${v}.${storedName(field, p)} = ${derivedFromSources(kind, field, p, v)}`);
  }
  return out.join(',\n  ');
}
