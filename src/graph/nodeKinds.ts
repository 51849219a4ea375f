/**
 * How the graph writes and reads the node kinds declared once in `domain/model/`: the properties a writer
 * sets (`storedProps`), the Cypher expression of each field (`projectionOf`, the query compiler's tables),
 * and the map of a whole record (`recordMap`, for the DataLoader reads). A property's name on the node, its
 * default when missing, and how a value stored flat under a prefix is split and rebuilt are decided here
 * only, from the declaration.
 */
import { filterableProperties, QUANTITY_PARTS, storedName, type NodeKindSpec, type Prop, type StoredOf } from '../domain/model/property.js';

/** A compiled field: its Cypher expression over the node variable `v`. */
export type Expr = (v: string) => string;

type QuantityValue = { [P in (typeof QUANTITY_PARTS)[number]]: unknown };

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

/** A value stored flat under `prefix`, read back as a `Quantity` map; null when it has no printed value. */
export function quantityMap(v: string, prefix: string): string {
  const k = (part: string) => `${v}.${prefixed(prefix, part)}`;
  return (
    `CASE WHEN ${k('printedValue')} IS NULL THEN null ELSE {qualifier: ${k('qualifier')}, value: ${k('value')}, min: ${k('min')}, ` +
    `max: ${k('max')}, unit: coalesce(${k('unit')}, ''), printedValue: ${k('printedValue')}, printedUnit: ${k('printedUnit')}, ` +
    `unitAsMeant: ${k('unitAsMeant')}, uncertainty: ${k('uncertainty')}, approximate: coalesce(${k('approximate')}, false)} END`
  );
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
    else out[storedName(field, p)] = value;
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
