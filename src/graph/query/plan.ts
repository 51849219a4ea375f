/**
 * The query plan: what one request to a compiled root list asks of the graph, after validation (names
 * resolved, units converted, cursors decoded). It is a small AST in the manner of the Neo4j GraphQL
 * Library's queryAST: an operation (`ListPlan`), the fields of each node (`NodePlan`: scalar fields and
 * relationship fields, each with its own filter, order and limit) and filters (`Filter`: comparisons,
 * AND/OR/NOT, relationship EXISTS). `compile.ts` turns a plan into one Cypher statement with parameters;
 * `cost.ts` estimates what it will cost.
 */
import type { InterfaceNodeKind, InterfaceRelation } from './plan.interface.js';

/** The node kinds a plan reads. */
export type NodeKind = 'Material' | 'Measurement' | 'Publication' | 'Dataset' | InterfaceNodeKind;

/** A stored property a filter or an order may read (see FILTERABLE in compile.ts). */
export type Operand =
  | { kind: 'property'; name: string }
  /** A measurement's lower bound: `value`, else `min` (the value is at least this). */
  | { kind: 'lowerValue' }
  /** A measurement's upper bound: `value`, else `max` (the value is at most this). */
  | { kind: 'upperValue' }
  /** Review statement or dataset record (dataset records predate the property). */
  | { kind: 'sourceKind' }
  /** A boolean property read with a missing value as false (e.g. an observation's `computed`). */
  | { kind: 'flag'; name: string };

export type Comparison = 'eq' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'contains' | 'containsAll';

/** A relationship a filter can test with EXISTS { }: from the node of the current level to another. */
export type Relation =
  /** Material → its measurements (and its variants'). */
  | 'measurements'
  /** Measurement → the material measured. */
  | 'material'
  /** Measurement → a publication it cites. */
  | 'publications'
  | InterfaceRelation;

export type Filter =
  | { op: 'and'; items: Filter[] }
  | { op: 'or'; items: Filter[] }
  | { op: 'not'; item: Filter }
  | { op: 'compare'; operand: Operand; comparison: Comparison; value: unknown }
  | { op: 'exists'; relation: Relation; filter: Filter | null };

/** A sort key: a stored scalar, a measurement's value, or a material's statistic of a property. */
export type SortKey =
  | { kind: 'property'; name: string; numeric: boolean }
  | { kind: 'measurementValue' }
  | { kind: 'materialPropertyValue'; property: string; statistic: 'MAX' | 'MIN' | 'MEDIAN' | 'LATEST' }
  /** A fact's first cited publication's year (in the source's order). */
  | { kind: 'publicationYear' };

export interface Order {
  key: SortKey | null;
  direction: 'ASC' | 'DESC';
}

/** Where a page starts: after the item with this sort key value and id. */
export interface After {
  sortValue: string | number | null;
  id: string;
}

/** A relationship field of a node (compiled into a subquery of its parent). */
export interface RelationField {
  /** The response key (alias or field name): the compiled value is returned under `rel_<key>`. */
  key: string;
  /** `publications`/`publication`: the publications a fact cites, in the source's order. */
  relation: 'measurements' | 'material' | 'publications' | 'publication' | 'dataset' | 'review' | 'correctedReference' | InterfaceRelation;
  filter: Filter | null;
  order: Order;
  limit: number | null;
  node: NodePlan;
}

/** The fields read for one node. */
export interface NodePlan {
  kind: NodeKind;
  /** GraphQL field names of the compiled scalar fields (and object-valued fields stored on the node). */
  fields: string[];
  /** Selected sub-fields of `source` (Measurement) when it is selected. */
  sourceFields: string[];
  /** Object sub-fields of `source` (review, correctedReference, dataset), returned inside the source map. */
  sourceRelations: RelationField[];
  relations: RelationField[];
  /** Points per row of the selected fields that stay resolvers (computed fields by the work they start). */
  resolverCost: number;
}

/** A root list: a filtered, ordered page with what was selected of its connection. */
export interface ListPlan {
  name: string;
  kind: NodeKind;
  filter: Filter | null;
  order: Order;
  after: After | null;
  /** Page size asked for; the statement reads one more to know whether a next page exists. */
  first: number;
  totalCount: boolean;
  node: NodePlan | null;
}
