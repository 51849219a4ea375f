/**
 * Transpiles a ListPlan into one Cypher statement with parameters. Values never enter the text: every
 * value is a parameter named by `Scope`; property names come from the fixed tables of this folder.
 *
 * Shape of a root list statement:
 *   [<root scope prelude>]                                       (phase entries: the active import run)
 *   [WITH ... AS ref0, ...]                                      (material names of the filters: compile.names.ts)
 *   [UNWIND $groups AS grp]                                      (a grouped list: a family's materials)
 *   CALL { MATCH (x0:Kind) WHERE x0.id IS NOT NULL AND <filter> [AND x0.id > $after]
 *          WITH x0 ORDER BY x0.id ASC LIMIT $limit               (id order: the id index read in order)
 *          RETURN collect({sortKey: x0.id, node: <projection of x0>}) AS items }
 *     or   CALL { MATCH (x0:Kind) WHERE <filter>
 *          [CALL { WITH x0 ... RETURN <statistic> AS k }]          (sort by a material's property value)
 *          WITH x0, <sort key> AS sortKey [WHERE <after (sortKey, id)>]
 *          WITH x0, sortKey ORDER BY sortKey, x0.id LIMIT $limit
 *          RETURN collect({sortKey: sortKey, node: <projection of x0>}) AS items }
 *   RETURN items[, <count> AS totalCount][, <what the name lookups found> AS nameChecks]
 * where <count> is COUNT { MATCH (x0:Kind) WHERE <filter> }, or for one relationship condition
 * COUNT { MATCH (x0:Kind) MATCH <pattern> WHERE ... RETURN DISTINCT x0 }, or a root scope's kept count.
 * A relationship field is a COLLECT { MATCH (parent)-[...]->(xN) WHERE ... ORDER BY ... LIMIT ... RETURN
 * <projection> } of its parent's projection, each with its own filter, order and limit.
 */
import neo4j from 'neo4j-driver';
import { CELL_COMPONENT } from '../../domain/model/cell.kind.js';
import { REPORTED_BY } from '../../domain/model/fact.kind.js';
import { MATERIAL, MATERIAL_VARIANT } from '../../domain/model/material.kind.js';
import { MEASUREMENT } from '../../domain/model/measurement.kind.js';
import { DATASET, PUBLICATION } from '../../domain/model/publication.kind.js';
import { filterableOf, relationshipOf } from '../nodeKinds.js';
import { fieldExpression, ID_FIELD, outputKey, sourceEntries } from './projection.js';
import { CLAIM_ROOT_LABELS } from './projection.claims.js';
import { FACT_BY_POSITION, FACT_FILTERABLE, FACT_RELATION_PATTERN, FACT_RELATION_TARGET, FACT_SINGLE } from './projection.facts.js';
import {
  INTERFACE_BY_POSITION,
  INTERFACE_FILTERABLE,
  INTERFACE_RELATION_PATTERN,
  INTERFACE_RELATION_TARGET,
  INTERFACE_ROOT_LABELS,
  INTERFACE_SINGLE,
  publicationYear,
} from './compile.interface.js';
import { PUBLICATION_BY_POSITION, PUBLICATION_RELATION_PATTERN, PUBLICATION_RELATION_TARGET } from './compile.publication.js';
import { inSourceOrder, type InOrder } from './projection.quantity.js';
import { namedMaterialMatch, namedMaterialText, VARIANT_RELATION_PATTERN, VARIANT_RELATION_TARGET, VARIANT_SINGLE } from './compile.variant.js';
import { PHASE_FILTERABLE, PHASE_RELATION_PATTERN, PHASE_RELATION_TARGET, PHASE_ROOT_LABELS, PHASE_ROOT_SCOPE, PHASE_SINGLE } from './compile.phase.js';
import { isMaterialNameRef, type Filter, type ListPlan, type MaterialNameRef, type NodeKind, type NodePlan, type Operand, type Order, type RelationField, type SortKey } from './plan.js';
import { boundVariables, materialNamePrelude, nameChecksText, type BoundNameRef } from './compile.names.js';

export interface CompiledQuery {
  name: string;
  text: string;
  params: Record<string, unknown>;
  /** The material names the statement resolves, in the order of the `nameChecks` it returns. */
  nameRefs: MaterialNameRef[];
}

/**
 * Names parameters $p0, $p1, ... and node variables x0, x1, ... of one statement. A string, number or
 * boolean given twice (a filter read by the page and by the count) is one parameter.
 */
export class Scope {
  readonly params: Record<string, unknown> = {};
  private readonly primitives = new Map<unknown, string>();
  private nextParam = 0;
  private nextVar = 0;
  private readonly refs = new Map<MaterialNameRef, BoundNameRef>();

  param(value: unknown): string {
    const primitive = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    const known = primitive ? this.primitives.get(value) : undefined;
    if (known) return known;
    const name = `$p${this.nextParam++}`;
    this.params[name.slice(1)] = value;
    if (primitive) this.primitives.set(value, name);
    return name;
  }

  variable(): string {
    return `x${this.nextVar++}`;
  }

  /** The variable holding the material ids a name stands for (bound by `materialNamePrelude` at the statement's start). */
  nameRef(ref: MaterialNameRef): string {
    let bound = this.refs.get(ref);
    if (!bound) {
      bound = { ref, variable: `ref${this.refs.size}`, text: this.param(ref.text), key: this.param(ref.key), formulaIds: this.param(ref.formulaIds) };
      this.refs.set(ref, bound);
    }
    return bound.variable;
  }

  /** The name references bound so far, in order. */
  nameRefs(): BoundNameRef[] {
    return [...this.refs.values()];
  }
}

/**
 * Binds every material name a statement will read (its root filter's, and the filters of relationship fields at
 * any depth of `nodes`) before its text is written, so that each WITH of the page can carry their variables to
 * the projections that read them. Returns the variables.
 */
export function bindNames(scope: Scope, filter: Filter | null, nodes: readonly (NodePlan | null | undefined)[]): string[] {
  const inFilter = (f: Filter | null): void => {
    if (!f) return;
    if (f.op === 'and' || f.op === 'or') f.items.forEach(inFilter);
    else if (f.op === 'not') inFilter(f.item);
    else if (f.op === 'exists') inFilter(f.filter);
    else if (f.op === 'namedMaterial') {
      if (isMaterialNameRef(f.ids)) scope.nameRef(f.ids);
    } else if (isMaterialNameRef(f.value)) scope.nameRef(f.value);
  };
  const inNode = (n: NodePlan | null | undefined): void => {
    if (!n) return;
    for (const r of [...n.relations, ...n.sourceRelations]) {
      inFilter(r.filter);
      inNode(r.node);
    }
    for (const i of n.inline ?? []) inNode(i.node);
  };
  inFilter(filter);
  nodes.forEach(inNode);
  return scope.nameRefs().flatMap(boundVariables);
}

/** The lines that open a statement of `scope` (its material names resolved), and what its RETURN adds for them. */
export function namesOf(scope: Scope, carried: readonly string[] = [], keepFound = false): { prelude: string[]; variables: string[]; returns: string[]; refs: MaterialNameRef[] } {
  const refs = scope.nameRefs();
  return {
    prelude: materialNamePrelude(refs, carried, keepFound),
    variables: refs.flatMap(boundVariables),
    returns: refs.length > 0 ? [`${nameChecksText(refs, keepFound)} AS nameChecks`] : [],
    refs: refs.map((b) => b.ref),
  };
}

/** The stored properties filters and sorts may read, per node kind (nothing else reaches the text). */
const FILTERABLE: Record<NodeKind, ReadonlySet<string>> = {
  Material: filterableOf(MATERIAL),
  Measurement: filterableOf(MEASUREMENT),
  Publication: filterableOf(PUBLICATION),
  Dataset: filterableOf(DATASET),
  ...INTERFACE_FILTERABLE,
  ...FACT_FILTERABLE,
  Citation: new Set([]),
  MaterialVariant: filterableOf(MATERIAL_VARIANT),
  ...PHASE_FILTERABLE,
};

export const RELATION_PATTERN: Record<string, (from: string, to: string) => string> = {
  measurements: (from, to) => `(${from})-[:HAS_MEASUREMENT]->(${to}:Measurement)`,
  material: (from, to) => `(${to}:Material)-[:HAS_MEASUREMENT]->(${from})`,
  publications: (from, to) => `(${from})-[:REPORTED_BY|CORRECTED_REFERENCE]->(${to}:Publication)`,
  dataset: (from, to) => `(${from})-[:FROM_DATASET]->(${to}:Dataset)`,
  review: (from, to) => `(${from})-[:ASSERTED_IN]->(${to}:Publication)`,
  correctedReference: (from, to) => `(${from})-[:CORRECTED_REFERENCE]->(${to}:Publication)`,
  ...INTERFACE_RELATION_PATTERN,
  ...FACT_RELATION_PATTERN,
  ...PUBLICATION_RELATION_PATTERN,
  ...VARIANT_RELATION_PATTERN,
  ...PHASE_RELATION_PATTERN,
};

const RELATION_TARGET: Record<string, NodeKind> = {
  measurements: 'Measurement',
  material: 'Material',
  publications: 'Publication',
  ...INTERFACE_RELATION_TARGET,
  ...FACT_RELATION_TARGET,
  ...PUBLICATION_RELATION_TARGET,
  ...VARIANT_RELATION_TARGET,
  ...PHASE_RELATION_TARGET,
};

/** A fact's publications in the source's order (the position of REPORTED_BY: domain/model/fact.kind.ts). */
const REPORTED_IN_ORDER = inSourceOrder(REPORTED_BY, (from, to, rel) => `(${from})-[${rel}]->(${to}:Publication)`);

/** Relationship fields read in the source's order (the position declared on their relationship) rather than by id. */
export const BY_POSITION: Record<string, InOrder> = {
  publications: REPORTED_IN_ORDER,
  publication: REPORTED_IN_ORDER,
  ...INTERFACE_BY_POSITION,
  ...FACT_BY_POSITION,
  ...PUBLICATION_BY_POSITION,
};

/** Relationship fields of one object (the others are lists). */
export const SINGLE: ReadonlySet<string> = new Set(['material', 'publication', 'dataset', 'review', 'correctedReference', ...INTERFACE_SINGLE, ...FACT_SINGLE, ...VARIANT_SINGLE, ...PHASE_SINGLE]);

function operandText(kind: NodeKind, operand: Operand, v: string): string {
  switch (operand.kind) {
    case 'property':
      if (!FILTERABLE[kind].has(operand.name)) throw new Error(`${kind}.${operand.name} is not filterable`);
      return `${v}.${operand.name}`;
    case 'lowerValue':
      return `coalesce(${v}.${prefixed(operand.prefix, 'value')}, ${v}.${prefixed(operand.prefix, 'min')})`;
    case 'upperValue':
      return `coalesce(${v}.${prefixed(operand.prefix, 'value')}, ${v}.${prefixed(operand.prefix, 'max')})`;
    case 'isReview':
      return `(${v}:Review)`;
    case 'sourceKind':
      return `coalesce(${v}.sourceKind, 'DATASET')`;
    case 'flag':
      if (!FILTERABLE[kind].has(operand.name)) throw new Error(`${kind}.${operand.name} is not filterable`);
      return `coalesce(${v}.${operand.name}, false)`;
  }
}

/**
 * A value's lower (upper) end compared: `coalesce(value, min) >= $p` written as
 * `(value >= $p OR (value IS NULL AND min >= $p))`: true for the same rows, null where the old form was false
 * (the same in a WHERE, where every filter text goes; NOT is always `NOT coalesce(..., false)`), which the planner can
 * answer from the (property, value) and (property, min | max) indexes of schema/neo4j/ instead of reading
 * every value of the property (at 100× the seeded graph: 89,000 database hits instead of 220,000).
 */
function boundText(filter: Extract<Filter, { op: 'compare' }>, v: string, scope: Scope): string | null {
  const operand = filter.operand;
  if ((operand.kind !== 'lowerValue' && operand.kind !== 'upperValue') || filter.byGroup) return null;
  const op = COMPARISON[filter.comparison];
  if (!op) return null;
  const value = `${v}.${prefixed(operand.prefix, 'value')}`;
  const end = `${v}.${prefixed(operand.prefix, operand.kind === 'lowerValue' ? 'min' : 'max')}`;
  const p = scope.param(filter.value);
  return `(${value} ${op} ${p} OR (${value} IS NULL AND ${end} ${op} ${p}))`;
}

/** A property of a quantity stored flat under `prefix` (`thicknessValue`); the prefix comes from the fixed tables. */
function prefixed(prefix: string | undefined, name: string): string {
  return prefix ? prefix + name[0]!.toUpperCase() + name.slice(1) : name;
}

const COMPARISON: Record<string, string> = { eq: '=', gte: '>=', lte: '<=', gt: '>', lt: '<' };

/** The WHERE text of a filter over node variable `v` of `kind`. */
export function filterText(filter: Filter, kind: NodeKind, v: string, scope: Scope): string {
  switch (filter.op) {
    case 'and':
    case 'or':
      if (filter.items.length === 0) return filter.op === 'and' ? 'true' : 'false';
      return `(${filter.items.map((f) => filterText(f, kind, v, scope)).join(filter.op === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      // two-valued: a comparison with a missing property is null, and NOT null would drop the row too
      return `NOT coalesce((${filterText(filter.item, kind, v, scope)}), false)`;
    case 'compare': {
      const bound = boundText(filter, v, scope);
      if (bound) return bound;
      const left = operandText(kind, filter.operand, v);
      if (filter.byGroup && filter.comparison === 'contains') return `grp IN ${left}`;
      if (filter.byGroup) return `${left} ${COMPARISON[filter.comparison] ?? '='} grp`;
      if (filter.comparison === 'in') return `${left} IN ${isMaterialNameRef(filter.value) ? scope.nameRef(filter.value) : scope.param(filter.value)}`;
      if (filter.comparison === 'contains') return `${scope.param(filter.value)} IN ${left}`;
      if (filter.comparison === 'containsAll') return `all(e IN ${scope.param(filter.value)} WHERE e IN ${left})`;
      if (filter.comparison === 'containsText') return `toLower(${left}) CONTAINS ${scope.param(String(filter.value).toLowerCase())}`;
      return `${left} ${COMPARISON[filter.comparison]} ${scope.param(filter.value)}`;
    }
    case 'exists': {
      const to = scope.variable();
      const where = filter.filter ? ` WHERE ${filterText(filter.filter, RELATION_TARGET[filter.relation]!, to, scope)}` : '';
      return `EXISTS { MATCH ${RELATION_PATTERN[filter.relation]!(v, to)}${where} }`;
    }
    case 'namedMaterial':
      return namedMaterialText(filter, v, scope);
  }
}

/** The sort key expression over `v` of `kind` (the id when the order has no key). */
function sortKeyText(key: SortKey | null, kind: NodeKind, v: string, scope: Scope): string {
  if (key === null) return `${v}.${ID_FIELD[kind]}`;
  if (key.kind === 'property') return `${v}.${key.name}`;
  if (key.kind === 'measurementValue') return `coalesce(${v}.value, ${v}.min, ${v}.max)`;
  if (key.kind === 'publicationYear') return publicationYear(v);
  if (key.kind === 'quantityValue') return `coalesce(${v}.${prefixed(key.prefix, 'value')}, ${v}.${prefixed(key.prefix, 'min')}, ${v}.${prefixed(key.prefix, 'max')})`;
  if (key.kind === 'cellResult') {
    const values = `[CASE WHEN cr.property = ${scope.param(key.property)} THEN coalesce(cr.value, cr.max, cr.min) END${key.atCycle ? ', cr.atCycle' : ''}]`;
    return `head(COLLECT { MATCH (${v})-[:HAS_RESULT]->(cr:CellResult) UNWIND ${values} AS c WITH c WHERE c IS NOT NULL RETURN c ORDER BY c DESC })`;
  }
  return 'k';
}

/** CALL subquery binding `k`, a material's statistic of one property's reported values. */
export function statisticCall(key: Extract<SortKey, { kind: 'materialPropertyValue' }>, v: string, scope: Scope): string {
  const value = 's.value';
  const aggregate =
    key.statistic === 'MAX'
      ? `max(${value})`
      : key.statistic === 'MIN'
        ? `min(${value})`
        : key.statistic === 'MEDIAN'
          ? `percentileCont(${value}, 0.5)`
          : `head(collect(${value}))`;
  const order = key.statistic === 'LATEST' ? ' ORDER BY s.year DESC, s.id DESC' : '';
  return (
    `CALL { WITH ${v} OPTIONAL MATCH (${v})-[:HAS_MEASUREMENT]->(m:Measurement) WHERE m.property = ${scope.param(key.property)} AND m.value IS NOT NULL\n` +
    `  WITH m {.value, .id, year: head(COLLECT { MATCH (m)-[:REPORTED_BY]->(p:Publication) RETURN p.year ORDER BY p.year DESC })} AS s${order}\n` +
    `  RETURN ${aggregate} AS k }`
  );
}

const NUMERIC_NULL = { ASC: 1.0e308, DESC: -1.0e308 };

/** Whether the sort key is numeric (nulls sort last through a sentinel) or text. */
function isNumeric(key: SortKey | null): boolean {
  return key !== null && (key.kind !== 'property' || key.numeric);
}

/** `sortKey`: the key with nulls replaced so that they sort last in either direction. */
function sortedKey(order: Order, kind: NodeKind, v: string, scope: Scope): string {
  const raw = sortKeyText(order.key, kind, v, scope);
  if (order.key === null) return raw;
  const sentinel = isNumeric(order.key) ? scope.param(NUMERIC_NULL[order.direction]) : scope.param(order.direction === 'ASC' ? '\uffff' : '');
  return `coalesce(${raw}, ${sentinel})`;
}

/** The projection map of a node: its selected fields and relationship fields (`parent`: the node it was reached from). */
export function projection(node: NodePlan, v: string, scope: Scope, parent?: string): string {
  const entries = node.fields.map((f) => `${outputKey(node.kind, f)}: ${fieldExpression(node.kind, f, v)}`);
  for (const i of node.inline ?? []) {
    if (i.of === 'parent' && !parent) throw new Error(`${node.kind}.${i.key}: no parent node to read`);
    entries.push(`rel_${i.key}: ${projection(i.node, i.of === 'parent' ? parent! : v, scope)}`);
  }
  if (node.sourceFields.length > 0 || node.sourceRelations.length > 0) {
    const source = [...sourceEntries(node.sourceFields, v), ...node.sourceRelations.map((r) => `rel_${r.key}: ${relationText(r, v, scope)}`)];
    entries.push(`source: {${source.join(', ')}}`);
  }
  for (const r of node.relations) entries.push(`rel_${r.key}: ${relationText(r, v, scope)}`);
  return `{${entries.join(', ')}}`;
}

/** Relationships a field may filter on their own properties (`relationshipIn`), bound as `rel`. */
const ON_RELATIONSHIP: Record<string, { pattern: (from: string, to: string, rel: string) => string; properties: ReadonlySet<string> }> = {
  materialCells: { pattern: (from, to, rel) => `(${to}:Cell)-[${relationshipOf(CELL_COMPONENT, rel)}]->(${from})`, properties: filterableOf(CELL_COMPONENT) },
};

function relationText(r: RelationField, v: string, scope: Scope): string {
  const to = scope.variable();
  const rel = `r${to}`;
  const positional = BY_POSITION[r.relation];
  const onRel = r.relationshipIn ? ON_RELATIONSHIP[r.relation] : undefined;
  if (r.relationshipIn && !onRel?.properties.has(r.relationshipIn.property)) throw new Error(`${r.relation}: no condition on its relationship's ${r.relationshipIn.property}`);
  const pattern = positional ? positional.pattern(v, to, rel) : onRel ? onRel.pattern(v, to, rel) : RELATION_PATTERN[r.relation]!(v, to);
  const conditions = [
    ...(r.relationshipIn ? [`${rel}.${r.relationshipIn.property} IN ${scope.param(r.relationshipIn.in)}`] : []),
    ...(r.filter ? [filterText(r.filter, r.node.kind, to, scope)] : []),
  ];
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const id = `${to}.${ID_FIELD[r.node.kind]}`;
  const order = positional
    ? positional.order(to, rel)
    : r.order.key === null
      ? `${id} ${r.order.direction}`
      : `${sortedKey(r.order, r.node.kind, to, scope)} ${r.order.direction}, ${id}`;
  const limit = r.limit !== null ? ` LIMIT ${scope.param(neo4j.int(r.limit))}` : SINGLE.has(r.relation) ? ' LIMIT 1' : '';
  const readsParent = (r.node.inline ?? []).some((i) => i.of === 'parent');
  const carried = [to, ...(positional ? [rel] : []), ...(readsParent ? [v] : [])].join(', ') + carriedNames(scope);
  const body =
    `MATCH ${pattern}${where}\n` +
    `  WITH DISTINCT ${carried} ORDER BY ${order}${limit}\n` +
    `  RETURN ${projection(r.node, to, scope, v)}`;
  return SINGLE.has(r.relation) ? `head(COLLECT { ${body} })` : `COLLECT { ${body} }`;
}

/** Labels of a root match: every Measurement is a Fact, which lets a review filter seek the index on Fact.review. */
const ROOT_LABELS: Record<NodeKind, string> = {
  Material: 'Material',
  Measurement: 'Measurement:Fact',
  Publication: 'Publication',
  Dataset: 'Dataset',
  ...INTERFACE_ROOT_LABELS,
  StabilityWindow: 'StabilityWindow:Fact',
  CoatingApplication: 'CoatingApplication:Fact',
  Cell: 'Cell:Fact',
  CellComponent: 'Material',
  CellResult: 'CellResult',
  CoatingEffect: 'CoatingEffect',
  ...CLAIM_ROOT_LABELS,
  Citation: 'Publication',
  MaterialVariant: 'MaterialVariant',
  ...PHASE_ROOT_LABELS,
};

/** What a root list of a kind reads first and requires of every row (the phase entries readers see: compile.phase.ts). */
const ROOT_SCOPE = { ...PHASE_ROOT_SCOPE };

/** The root list statement of a plan. */
export function compileList(plan: ListPlan): CompiledQuery {
  const scope = new Scope();
  const v = scope.variable();
  bindNames(scope, plan.filter, [plan.node]);
  const rootScope = ROOT_SCOPE[plan.kind];
  const conditions = [...(rootScope ? [rootScope.condition(v)] : []), ...(plan.filter ? [filterText(plan.filter, plan.kind, v, scope)] : [])];
  const filter = conditions.length > 0 ? conditions.join(' AND ') : null;
  const match = `MATCH (${v}:${ROOT_LABELS[plan.kind]})${filter ? ` WHERE ${filter}` : ''}`;
  const grouped = plan.groups !== undefined;
  const groups = grouped ? `UNWIND ${scope.param(plan.groups)} AS grp` : null;
  // the page and the count first: they bind the material names the statement resolves at its start
  const page = plan.node !== null ? pageText(plan, v, match, filter, scope) : null;
  const returns = [...(grouped ? ['grp'] : []), page !== null ? 'items' : '[] AS items'];
  if (plan.totalCount) returns.push(`${countText(plan, v, match, scope)} AS totalCount`);
  // the lookups' findings kept to the RETURN (nothing between drops them), so that they run once
  const names = namesOf(scope, rootScope?.binds ?? [], true);
  const imports = [...(grouped ? ['grp'] : []), ...(rootScope?.binds ?? []), ...names.variables];
  const parts = [...(rootScope ? [rootScope.prelude] : []), ...names.prelude, ...(groups ? [groups] : [])];
  if (page !== null) parts.push(`CALL {\n${imports.length > 0 ? `  WITH ${imports.join(', ')}\n` : ''}${page}\n}`);
  parts.push(`RETURN ${[...returns, ...names.returns].join(', ')}`);
  return { name: plan.name, text: `// ${plan.name}\n${parts.join('\n')}`, params: scope.params, nameRefs: names.refs };
}

/**
 * The total count, never collecting nodes. A filter that is one relationship condition with its own filter, or one
 * material named (`namedMaterial`), (beside conditions on the node itself) is counted as the distinct nodes of the matching pattern, so that
 * the planner may start from the related node's index (a measurement's property) instead of testing every
 * node of the kind: at 100× the seeded graph, materials with a conductivity ≥ 1 mS/cm count in about half
 * the database hits.
 */
function countText(plan: ListPlan, v: string, match: string, scope: Scope): string {
  const items = plan.filter?.op === 'and' ? plan.filter.items : plan.filter ? [plan.filter] : [];
  const isRelated = (f: Filter) => (f.op === 'exists' && f.filter !== null) || f.op === 'namedMaterial';
  const related = items.filter(isRelated);
  // a kind with a root scope (compile.phase.ts) is counted with its condition, in `match`, or without a filter by its kept count
  const rootScope = ROOT_SCOPE[plan.kind];
  if (rootScope && plan.filter === null) return rootScope.countAll;
  if (rootScope || related.length !== 1 || items.some((f) => f.op === 'exists' && f !== related[0])) return `COUNT { ${match} }`;
  const e = related[0] as Extract<Filter, { op: 'exists' | 'namedMaterial' }>;
  const rest = () => items.filter((f) => f !== e).map((f) => filterText(f, plan.kind, v, scope));
  if (e.op === 'namedMaterial') {
    // a material named: counted from the material the name resolved to (its index), not from every fact
    const named = namedMaterialMatch(e, v, scope);
    return `COUNT { MATCH (${v}:${ROOT_LABELS[plan.kind]}) MATCH ${named.pattern} WHERE ${[...named.conditions, ...rest()].join(' AND ')} RETURN DISTINCT ${v} }`;
  }
  const to = scope.variable();
  const conditions = [filterText(e.filter!, RELATION_TARGET[e.relation]!, to, scope), ...rest()];
  return `COUNT { MATCH (${v}:${ROOT_LABELS[plan.kind]}) MATCH ${RELATION_PATTERN[e.relation]!(v, to)} WHERE ${conditions.join(' AND ')} RETURN DISTINCT ${v} }`;
}

function pageText(plan: ListPlan, v: string, match: string, filter: string | null, scope: Scope): string {
  if (plan.order.key === null) return pageByIdText(plan, v, filter, scope);
  const lines = [`  ${match}`];
  const key = plan.order.key;
  if (key?.kind === 'materialPropertyValue') lines.push(`  ${statisticCall(key, v, scope)}`);
  const carried = carriedNames(scope);
  lines.push(`  WITH ${v}${carried}, ${sortedKey(plan.order, plan.kind, v, scope)} AS sortKey${plan.after ? ` WHERE ${afterText(plan, v, scope)}` : ''}`);
  lines.push(`  WITH ${v}${carried}, sortKey ORDER BY sortKey ${plan.order.direction}, ${v}.${ID_FIELD[plan.kind]} LIMIT ${scope.param(neo4j.int(plan.first + 1))}`);
  lines.push(`  RETURN collect({sortKey: sortKey, node: ${projection(plan.node!, v, scope)}}) AS items`);
  return lines.join('\n');
}

/**
 * A page in id order: the id ordered on directly (not through an alias) and required to exist, so that the
 * planner reads the kind's id index in order and stops at the page's end instead of sorting every match
 * (a page of materials with a measurement filter: 930 db hits at any graph size, against 420,000 at 100×
 * the seeded graph when sorted by an alias).
 */
function pageByIdText(plan: ListPlan, v: string, filter: string | null, scope: Scope): string {
  // a descending id order is a sort key of its own (order.ts); a key-less order is ascending
  if (plan.order.direction !== 'ASC') throw new Error(`${plan.name}: an order without a key must be ascending`);
  const id = `${v}.${ID_FIELD[plan.kind]}`;
  const conditions = [`${id} IS NOT NULL`];
  if (filter) conditions.push(filter);
  if (plan.after) conditions.push(`${id} > ${scope.param(plan.after.id)}`);
  return [
    `  MATCH (${v}:${ROOT_LABELS[plan.kind]}) WHERE ${conditions.join(' AND ')}`,
    `  WITH ${v}${carriedNames(scope)} ORDER BY ${id} ASC LIMIT ${scope.param(neo4j.int(plan.first + 1))}`,
    `  RETURN collect({sortKey: ${id}, node: ${projection(plan.node!, v, scope)}}) AS items`,
  ].join('\n');
}

/** `, ref0, ref1`: the material names bound for the statement, carried through a WITH ('' without any). */
function carriedNames(scope: Scope): string {
  return scope.nameRefs().flatMap(boundVariables).map((x) => `, ${x}`).join('');
}

/** Keyset condition: after (sortKey, id) in the order's direction, ids ascending within a key. */
function afterText(plan: ListPlan, v: string, scope: Scope): string {
  const after = plan.after!;
  const id = scope.param(after.id);
  const idField = `${v}.${ID_FIELD[plan.kind]}`;
  const value = scope.param(after.sortValue);
  const beyond = plan.order.direction === 'ASC' ? '>' : '<';
  return `(sortKey ${beyond} ${value} OR (sortKey = ${value} AND ${idField} > ${id}))`;
}
