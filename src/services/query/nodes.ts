/**
 * From a selection to the node plans of the compiled lists: which fields the statement reads, which
 * relationship fields become subqueries, and what the fields left to resolvers cost. The table of this
 * file is the list of compiled fields (README of src/graph/query).
 */
import { ID_FIELD, isCompiledField, SOURCE_NEEDS } from '../../graph/query/projection.js';
import { CITATION_SIDE, publicationRelation, PUBLICATION_RELATION_TARGET } from '../../graph/query/compile.publication.js';
import { VARIANT_FIELDS, VARIANT_RELATION_TARGET } from '../../graph/query/compile.variant.js';
import type { Filter, NodeKind, NodePlan, RelationField } from '../../graph/query/plan.js';
import type { PropertyKind } from '../../domain/units/properties.js';
import { resolverPoints, type SelectedField } from './selection.js';
import { INTERFACE_FACT_KINDS, INTERFACE_NEEDS, INTERFACE_OBJECT_FIELDS, INTERFACE_RELATION_FIELDS } from './nodes.interface.js';
import { BY_ID, checkCompiledPageSize, measurementOrder, type MeasurementSortField, type OrderInput } from './order.js';
import { FACT_INLINE_FIELDS, FACT_KINDS, FACT_NEEDS, FACT_OBJECT_FIELDS, FACT_RELATION_FIELDS } from './nodes.facts.js';
import { PHASE_RELATION_FIELDS } from './nodes.phase.js';

/** Keys of the node map that fields left to resolvers read. */
const NEEDS: Record<string, string[]> = {
  'Material.stabilityWindow': ['id', 'kind', 'formula', 'composition', 'elements'],
  ...INTERFACE_NEEDS,
  ...FACT_NEEDS,
};

/** Fields that are type-graphql object fields stored on the node (compiled as maps, not resolvers). */
const OBJECT_FIELDS = new Set(['Material.composition', 'Material.aliases', 'MaterialVariant.dopants', 'Measurement.structure', ...INTERFACE_OBJECT_FIELDS, ...FACT_OBJECT_FIELDS]);

export function nodePlan(kind: NodeKind, selection: SelectedField | undefined): NodePlan {
  const plan: NodePlan = { kind, fields: [ID_FIELD[kind]], sourceFields: [], sourceRelations: [], relations: [], resolverCost: 0 };
  for (const f of selection?.fields ?? []) addField(plan, f);
  plan.fields = [...new Set(plan.fields)];
  plan.sourceFields = [...new Set(plan.sourceFields)];
  return plan;
}

function addField(plan: NodePlan, f: SelectedField): void {
  const qualified = `${plan.kind}.${f.name}`;
  if (f.name === '__typename') return;
  if (qualified === 'Material.measurements') return void plan.relations.push(measurementsOf(f));
  if (qualified === 'Measurement.material') return void plan.relations.push(materialOf(f));
  const fact = FACT_KINDS.has(plan.kind) || INTERFACE_FACT_KINDS.has(plan.kind);
  if (fact && (f.name === 'publications' || f.name === 'publication')) return void plan.relations.push(publicationsOf(f));
  if (fact && f.name === 'source') return addSource(plan, f);
  const relation = INTERFACE_RELATION_FIELDS[qualified];
  if (relation) return void plan.relations.push(relation(f, nodePlan));
  if (qualified === 'Measurement.dataset') return void plan.relations.push(single('dataset', f, 'Dataset'));
  const variant = VARIANT_FIELDS[qualified];
  if (variant) return void plan.relations.push(single(variant, f, VARIANT_RELATION_TARGET[variant]));
  if (qualified === 'Publication.citedBy' || qualified === 'Publication.references') return void plan.relations.push(citationsOf(f, f.name as 'citedBy' | 'references'));
  const publicationFacts = plan.kind === 'Publication' ? publicationRelation(f.name, f.args.role) : null;
  if (publicationFacts) return void plan.relations.push(single(publicationFacts, f, PUBLICATION_RELATION_TARGET[publicationFacts]));
  const factField = FACT_RELATION_FIELDS[qualified];
  const factRelation = typeof factField?.relation === 'function' ? factField.relation(f.args) : factField?.relation;
  if (factField && factRelation) return void plan.relations.push(withRoles(single(factRelation, f, factField.kind), f));
  const phaseField = PHASE_RELATION_FIELDS[qualified];
  if (phaseField) return void plan.relations.push(single(phaseField.relation, f, phaseField.kind));
  const inline = FACT_INLINE_FIELDS[qualified];
  if (inline) return void (plan.inline ??= []).push({ key: f.key, node: nodePlan(inline, f) });
  if (isCompiledField(plan.kind, f.name) && (f.fields.length === 0 || OBJECT_FIELDS.has(qualified))) {
    plan.fields.push(f.name);
    return;
  }
  plan.fields.push(...(NEEDS[qualified] ?? []));
  plan.resolverCost += resolverPoints(f);
}

const SOURCE_RELATIONS: Record<string, { relation: RelationField['relation']; kind: NodeKind }> = {
  review: { relation: 'review', kind: 'Publication' },
  correctedReference: { relation: 'correctedReference', kind: 'Publication' },
  dataset: { relation: 'dataset', kind: 'Dataset' },
};

function addSource(plan: NodePlan, f: SelectedField): void {
  for (const sub of f.fields) {
    const rel = SOURCE_RELATIONS[sub.name];
    if (rel) plan.sourceRelations.push(single(rel.relation, sub, rel.kind));
    else plan.sourceFields.push(...(SOURCE_NEEDS[sub.name] ?? []));
  }
  if (plan.sourceFields.length === 0) plan.sourceFields.push('kind');
}

function single(relation: RelationField['relation'], f: SelectedField, kind: NodeKind): RelationField {
  return { key: f.key, relation, filter: null, order: BY_ID, limit: null, node: nodePlan(kind, f) };
}


/**
 * Filters of `measurements(where:)` fields, planned before the node plans by ListService.planNestedWhere: the
 * field's selection → its filter.
 */
export const NESTED_WHERE = new WeakMap<SelectedField, Filter | null>();

function measurementsOf(f: SelectedField): RelationField {
  const property = f.args.property as PropertyKind | null | undefined;
  const first = f.args.first as number | null | undefined;
  const filters: Filter[] = [];
  if (property) filters.push({ op: 'compare', operand: { kind: 'property', name: 'property' }, comparison: 'eq', value: property });
  if (f.args.where && !NESTED_WHERE.has(f)) throw new Error(`${f.key}(where:) was not planned (ListService.planNestedWhere runs before nodePlan)`);
  const where = NESTED_WHERE.get(f);
  if (where) filters.push(where);
  return {
    key: f.key,
    relation: 'measurements',
    filter: filters.length === 0 ? null : filters.length === 1 ? filters[0]! : { op: 'and', items: filters },
    order: measurementOrder(f.args.orderBy as OrderInput<MeasurementSortField> | null | undefined),
    limit: first === null || first === undefined ? null : checkCompiledPageSize(first, `${f.key}.first`),
    node: nodePlan('Measurement', f),
  };
}

function publicationsOf(f: SelectedField): RelationField {
  const relation = f.name === 'publication' ? 'publication' : 'publications';
  return { key: f.key, relation, filter: null, order: BY_ID, limit: null, node: nodePlan('Publication', f) };
}

function materialOf(f: SelectedField): RelationField {
  return { key: f.key, relation: 'material', filter: null, order: BY_ID, limit: null, node: nodePlan('Material', f) };
}

/** A publication's citations (citing reviews, or a review's references): `review` and `publication` read from the far node or the parent. */
function citationsOf(f: SelectedField, relation: 'citedBy' | 'references'): RelationField {
  const sides: Record<string, 'self' | 'parent'> = CITATION_SIDE[relation];
  const node = nodePlan('Citation', { ...f, fields: f.fields.filter((x) => !(x.name in sides)) });
  for (const sub of f.fields) {
    const side = sides[sub.name];
    if (side) (node.inline ??= []).push({ key: sub.key, node: nodePlan('Publication', sub), of: side });
  }
  return { key: f.key, relation, filter: null, order: BY_ID, limit: null, node };
}

/** `Material.cells(roles:)`: only the cells where the material had one of the roles (a condition on its HAS_COMPONENT relationship). */
function withRoles(r: RelationField, f: SelectedField): RelationField {
  const roles = f.args.roles as string[] | null | undefined;
  return r.relation === 'materialCells' && roles?.length ? { ...r, relationshipIn: { property: 'role', in: roles } } : r;
}
