/**
 * The compiled root lists `materials` and `measurements`: validate the arguments, plan the request
 * (filters, order, cursor, selected fields), check the plan's estimated cost against the limit, and run
 * it as one Cypher statement. The rows come back in the response's shape; the fields left to resolvers
 * read the keys the plan added for them.
 */
import DataLoader from 'dataloader';
import { excerpt } from '../../domain/errors.js';
import type { Row } from '../../graph/database.js';
import { nodeCost, planCost } from '../../graph/query/cost.js';
import type { ListRows, ListStore } from '../../graph/query/list.store.js';
import type { After, Filter, ListPlan, NodeKind, NodePlan, Order } from '../../graph/query/plan.js';
import type { MaterialStore } from '../../graph/material.store.js';
import { InvalidArgumentError, QueryTooComplexError } from '../errors.js';
import { checkMaterialNames } from '../materialRef.js';
export { COMPILED_MAX_PAGE_SIZE } from './order.js';
import { COMPILED_MAX_PAGE_SIZE } from './order.js';
import { decodeCursor, encodeCursor, type Connection } from '../pagination.js';
import { NESTED_WHERE, nodePlan } from './nodes.js';
import { BY_ID, checkCompiledPageSize, materialOrder, measurementOrder, type MaterialSortField, type MeasurementSortField, type OrderInput } from './order.js';
import { child, children, type SelectedField } from './selection.js';
import { FilterPlanner, type MaterialFilterInput, type MeasurementFilterInput } from './where.js';
import { InterfaceFilterPlanner, type InterfaceFilterInput, type InterphaseObservationFilterInput } from './where.interface.js';
import { interfaceOrder, observationOrder, type InterfaceSortField, type InterphaseObservationSortField } from './order.interface.js';
import { FactFilterPlanner, type CellFilterInput, type CoatingFilterInput, type PublicationFilterInput, type WindowFilterInput } from './where.facts.js';
import { cellOrder, claimOrder, coatingOrder, publicationOrder, windowOrder, type CellSortField, type ClaimSortField, type CoatingSortField, type PublicationSortField, type WindowSortField } from './order.facts.js';
import { claimFilter, type ClaimFilterInput } from './where.claims.js';
import { ID_FIELD } from '../../graph/query/projection.js';
import { PhaseFilterPlanner, type PhaseEntryFilterInput } from './where.phase.js';
import { phaseEntryOrder, type PhaseEntrySortField } from './order.phase.js';

export interface ListArgs<W, F extends string> {
  where: W | null | undefined;
  first: number | null | undefined;
  after: string | null | undefined;
  orderBy: OrderInput<F> | null | undefined;
}

export interface ListOptions {
  /** Highest estimated cost of one plan (QUERY_MAX_COST). */
  maxCost: number;
}

export class ListService {
  private readonly filters: FilterPlanner;
  private readonly interfaceFilters: InterfaceFilterPlanner;
  private readonly factFilters: FactFilterPlanner;
  private readonly phaseFilters: PhaseFilterPlanner;
  /** `measurementsOfMaterial` batches, one per selection (this service lives for one request). */
  private readonly measurementLoaders = new Map<string, DataLoader<string, Row[]>>();

  constructor(
    private readonly store: ListStore,
    materials: MaterialStore,
    private readonly options: ListOptions,
  ) {
    this.filters = new FilterPlanner();
    this.interfaceFilters = new InterfaceFilterPlanner();
    this.factFilters = new FactFilterPlanner();
    this.phaseFilters = new PhaseFilterPlanner(materials);
  }

  async materials(args: ListArgs<MaterialFilterInput, MaterialSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.filters.material(args.where, 'where') : null;
    return this.run('materials.list', 'Material', 'material', filter, materialOrder(args.orderBy), args, selection);
  }

  async measurements(args: ListArgs<MeasurementFilterInput, MeasurementSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.filters.measurement(args.where, 'where') : null;
    return this.run('measurements.list', 'Measurement', 'measurement', filter, measurementOrder(args.orderBy), args, selection);
  }

  async interfaces(args: ListArgs<InterfaceFilterInput, InterfaceSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.interfaceFilters.interface(args.where, 'where') : null;
    return this.run('interfaces.list', 'Interface', 'interface', filter, interfaceOrder(args.orderBy), args, selection);
  }

  async interphaseObservations(args: ListArgs<InterphaseObservationFilterInput, InterphaseObservationSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.interfaceFilters.observation(args.where, 'where') : null;
    return this.run('interphaseObservations.list', 'InterphaseObservation', 'observation', filter, observationOrder(args.orderBy), args, selection);
  }

  async reportedStabilityWindows(args: ListArgs<WindowFilterInput, WindowSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.factFilters.window(args.where, 'where') : null;
    return this.run('reportedStabilityWindows.list', 'StabilityWindow', 'window', filter, windowOrder(args.orderBy), args, selection);
  }

  async coatingApplications(args: ListArgs<CoatingFilterInput, CoatingSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.factFilters.coating(args.where, 'where') : null;
    return this.run('coatingApplications.list', 'CoatingApplication', 'coating', filter, coatingOrder(args.orderBy), args, selection);
  }

  async cells(args: ListArgs<CellFilterInput, CellSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.factFilters.cell(args.where, 'where') : null;
    return this.run('cells.list', 'Cell', 'cell', filter, cellOrder(args.orderBy), args, selection);
  }

  /** What the reviews state that is not a value (domain/model/claim.kind.ts), filtered and ordered. */
  async claims(args: ListArgs<ClaimFilterInput, ClaimSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await claimFilter(args.where, 'where') : null;
    return this.run('claims.list', 'Claim', 'claim', filter, claimOrder(args.orderBy), args, selection);
  }

  async publications(args: ListArgs<PublicationFilterInput, PublicationSortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.factFilters.publication(args.where, 'where') : null;
    return this.run('publications.list', 'Publication', 'publication', filter, publicationOrder(args.orderBy), args, selection);
  }

  /** The phase entries readers see (users' and the active import's: graph/query/compile.phase.ts), filtered and ordered. */
  async phaseEntries(args: ListArgs<PhaseEntryFilterInput, PhaseEntrySortField>, selection: SelectedField): Promise<Connection<Row>> {
    const filter = args.where ? await this.phaseFilters.entry(args.where, 'where') : null;
    return this.run('phaseEntries.list', 'PhaseEntry', 'phaseEntry', filter, phaseEntryOrder(args.orderBy), args, selection);
  }

  /**
   * Plans the filters of the `measurements(where:)` fields anywhere in the selection (NESTED_WHERE), each at the
   * argument path `<response key>.where`; the node plans read them.
   */
  private async planNestedWhere(selection: SelectedField): Promise<void> {
    for (const f of selection.fields) {
      const where = f.args.where as MeasurementFilterInput | null | undefined;
      if (f.name === 'measurements' && where) NESTED_WHERE.set(f, await this.filters.measurement(where, `${f.key}.where`));
      await this.planNestedWhere(f);
    }
  }

  /**
   * A material's measurements (the `measurements` field `selection`, with its arguments: property, where, orderBy,
   * first) when `Material.measurements(where:)` is resolved outside a compiled list (under a thermodynamics result's
   * materials...): the materials of one request asking the same selection are batched (DataLoader) into one compiled
   * statement, the materials sought by id and their measurements a subquery of each.
   */
  measurementsOfMaterial(materialId: string, selection: SelectedField): Promise<Row[]> {
    const key = JSON.stringify(selection);
    let loader = this.measurementLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => this.measurementsOfMaterials(ids, selection), { maxBatchSize: COMPILED_MAX_PAGE_SIZE });
      this.measurementLoaders.set(key, loader);
    }
    return loader.load(materialId);
  }

  private async measurementsOfMaterials(ids: readonly string[], selection: SelectedField): Promise<Row[][]> {
    const material: SelectedField = { ...selection, name: 'node', key: 'node', args: {}, fields: [selection] };
    const asList: SelectedField = { ...selection, args: {}, fields: [{ ...material, name: 'edges', key: 'edges', fields: [material] }] };
    const filter: Filter = { op: 'compare', operand: { kind: 'property', name: 'id' }, comparison: 'in', value: [...ids] };
    const page = await this.run('material.measurements', 'Material', 'material', filter, BY_ID, { where: null, orderBy: null, first: ids.length, after: null }, asList);
    const byId = new Map(page.edges.map((e) => [e.node.id as string, (e.node[`rel_${selection.key}`] as Row[] | undefined) ?? []]));
    return ids.map((id) => byId.get(id) ?? []);
  }

  /** `material(id:)`: the material and everything selected under it, in one statement; null when there is none. */
  material(id: string, selection: SelectedField): Promise<Row | null> {
    return this.one('material.one', 'Material', 'material', byProperty('id', id), selection);
  }

  /** `publication(doi:)` (a normalised DOI): the publication and everything selected under it, in one statement; null when there is none. */
  publication(doi: string, selection: SelectedField): Promise<Row | null> {
    return this.one('publication.one', 'Publication', 'publication', byProperty('doi', doi), selection);
  }

  /** One node sought by `filter` (the selection is that of the object field), compiled as a page of one. */
  private async one(name: string, kind: NodeKind, cursorKind: string, filter: Filter, selection: SelectedField): Promise<Row | null> {
    const node: SelectedField = { ...selection, name: 'node', key: 'node', args: {} };
    const asList: SelectedField = { ...selection, args: {}, fields: [{ ...node, name: 'edges', key: 'edges', fields: [node] }] };
    const page = await this.run(name, kind, cursorKind, filter, BY_ID, { where: null, orderBy: null, first: 1, after: null }, asList);
    return page.edges[0]?.node ?? null;
  }

  /**
   * The node plan of a selection of `kind` for a statement of another service (a search hit's node), nested
   * `measurements(where:)` filters planned.
   */
  async planNode(kind: NodeKind, selection: SelectedField): Promise<NodePlan> {
    await this.planNestedWhere(selection);
    return nodePlan(kind, selection);
  }

  /** Throws QueryTooComplexError when `rows` rows of the costliest of `nodes`, plus `points`, exceed the limit (QUERY_MAX_COST). */
  checkCost(nodes: readonly NodePlan[], rows: number, points: number): void {
    const perRow = Math.max(0, ...nodes.map((n) => 1 + nodeCost(n, this.store.degrees)));
    const cost = points + Math.max(1, rows) * perRow;
    if (cost > this.options.maxCost) throw new QueryTooComplexError(cost, this.options.maxCost);
  }

  /** The plan of a list request (validated, costed: `times` plans of its cost, for a page per group), without running it. */
  plan(name: string, kind: NodeKind, cursorKind: string, filter: ListPlan['filter'], order: Order, args: ListArgs<unknown, string>, selection: SelectedField, times = 1): ListPlan {
    const first = checkCompiledPageSize(args.first);
    const edges = child(selection, 'edges');
    const pageInfo = child(selection, 'pageInfo');
    const wantsRows = edges !== undefined || pageInfo !== undefined;
    const plan: ListPlan = {
      name,
      kind,
      filter,
      order,
      after: decodeAfter(cursorKind, order, args.after),
      first,
      totalCount: child(selection, 'totalCount') !== undefined,
      node: wantsRows ? nodePlan(kind, child(edges, 'node')) : null,
    };
    const cost = planCost(plan, this.store.degrees) * Math.max(1, times);
    if (cost > this.options.maxCost) throw new QueryTooComplexError(cost, this.options.maxCost);
    return plan;
  }

  /**
   * The materials of each family (`structuralFamilies { materials(first:, after:) }`) in one statement: a page per family,
   * by id, with the same cursors as a page of `materials` (`after` applies to every family). The plan's cost is counted once
   * per family.
   */
  async familyMaterials(families: string[], args: { first: number | null | undefined; after: string | null | undefined }, selection: SelectedField): Promise<Map<string, Connection<Row>>> {
    const filter: Filter = { op: 'compare', operand: { kind: 'property', name: 'families' }, comparison: 'contains', value: null, byGroup: true };
    await this.planNestedWhere(selection);
    const plan = { ...this.plan('structuralFamilies.materials', 'Material', 'material', filter, BY_ID, { ...args, where: null, orderBy: null }, selection, families.length), groups: families };
    const rows = await this.store.runGrouped(plan);
    for (const r of rows.values()) checkMaterialNames(r.names);
    const empty: ListRows = { items: [], totalCount: 0, names: [] };
    return new Map(families.map((f) => [f, connectionOf(plan, 'material', rows.get(f) ?? empty)]));
  }

  /** `families` with the compiled `materials` of each (one statement per alias of the field), under `rel_<response key>`. */
  async withFamilyMaterials<T extends { id: string }>(families: T[], selection: SelectedField): Promise<T[]> {
    const out = families.map((f) => ({ ...f }));
    for (const field of children(selection, 'materials')) {
      const pages = await this.familyMaterials(
        families.map((f) => f.id),
        { first: field.args.first as number | null | undefined, after: field.args.after as string | null | undefined },
        field,
      );
      for (const f of out) (f as Record<string, unknown>)[`rel_${field.key}`] = pages.get(f.id);
    }
    return out;
  }

  private async run(name: string, kind: NodeKind, cursorKind: string, filter: ListPlan['filter'], order: Order, args: ListArgs<unknown, string>, selection: SelectedField): Promise<Connection<Row>> {
    await this.planNestedWhere(selection);
    const plan = this.plan(name, kind, cursorKind, filter, order, args, selection);
    const rows = await this.store.run(plan);
    checkMaterialNames(rows.names);
    return connectionOf(plan, cursorKind, rows);
  }
}


/** The connection of a page of rows (one more than asked when a next page exists). */
function connectionOf(plan: ListPlan, cursorKind: string, rows: ListRows): Connection<Row> {
  const page = rows.items.slice(0, plan.first);
  const edges = page.map((r) => ({ cursor: cursorOf(cursorKind, plan.order, r.sortKey, r.node[ID_FIELD[plan.kind]] as string), node: r.node }));
  return {
    totalCount: rows.totalCount ?? 0,
    pageInfo: {
      hasNextPage: rows.items.length > plan.first,
      hasPreviousPage: plan.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
  };
}

/** A stable name of an order, carried in its cursors so that a cursor is only used with its own order. */
function orderName(order: Order): string {
  return JSON.stringify([order.key, order.direction]);
}

/** Cursors: the id alone for the default order (as before), else the order, the sort key and the id. */
function cursorOf(kind: string, order: Order, sortKey: string | number | null, id: string): string {
  if (order.key === null) return encodeCursor(kind, id);
  return encodeCursor(kind, JSON.stringify({ o: orderName(order), k: sortKey, i: id }));
}

function decodeAfter(kind: string, order: Order, after: string | null | undefined): After | null {
  const text = decodeCursor(kind, after);
  if (text === null) return null;
  if (order.key === null) return { sortValue: null, id: text };
  const parsed = parseJson(text) as { o?: unknown; k?: unknown; i?: unknown } | null;
  const k = parsed?.k;
  if (!parsed || parsed.o !== orderName(order) || typeof parsed.i !== 'string' || !(typeof k === 'string' || typeof k === 'number')) {
    throw new InvalidArgumentError('after', `'${excerpt(after!)}' is not a cursor of this order (orderBy) returned by this API`);
  }
  return { sortValue: k, id: parsed.i };
}

function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

const byProperty = (name: string, value: string): Filter => ({ op: 'compare', operand: { kind: 'property', name }, comparison: 'eq', value });
