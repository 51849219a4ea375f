/**
 * The query plan: what one request to a compiled root list asks of the graph, after validation (names
 * resolved, units converted, cursors decoded). It is a small AST in the manner of the Neo4j GraphQL
 * Library's queryAST: an operation (`ListPlan`), the fields of each node (`NodePlan`: scalar fields and
 * relationship fields, each with its own filter, order and limit) and filters (`Filter`: comparisons,
 * AND/OR/NOT, relationship EXISTS). `compile.ts` turns a plan into one Cypher statement with parameters;
 * `cost.ts` estimates what it will cost.
 */
import type { PublicationRelation } from './plan.publication.js';
import type { NamedMaterialRelation, VariantRelation, VariantScope } from './plan.variant.js';
import type { InterfaceNodeKind, InterfaceRelation } from './plan.interface.js';
import type { PhaseRelation } from './plan.phase.js';
import type { ClaimListKind, ClaimRelation } from './plan.claims.js';

export type { NamedMaterialRelation, PhaseRelation, VariantScope };

/** The node kinds a plan reads. */
export type NodeKind = 'Material' | 'MaterialVariant' | 'Measurement' | 'Publication' | 'Dataset' | 'Citation' | InterfaceNodeKind | FactListKind | 'PhaseEntry';

/** The kinds of the fact lists compiled in projection.facts.ts (windows, coatings, cells and their parts). */
export type FactListKind = 'StabilityWindow' | 'CoatingApplication' | 'Cell' | 'CellComponent' | 'CellResult' | 'CoatingEffect' | ClaimListKind;

/** A stored property a filter or an order may read (see FILTERABLE in compile.ts). */
export type Operand =
  | { kind: 'property'; name: string }
  /** A measurement's lower bound: `value`, else `min` (the value is at least this); `prefix` for a quantity stored as `<prefix>Value`... */
  | { kind: 'lowerValue'; prefix?: string }
  /** A measurement's upper bound: `value`, else `max` (the value is at most this). */
  | { kind: 'upperValue'; prefix?: string }
  /** Review statement or dataset record (dataset records predate the property). */
  | { kind: 'sourceKind' }
  /** A boolean property read with a missing value as false (e.g. an observation's `computed`). */
  | { kind: 'flag'; name: string }
  /** Whether the node is a source review (label Review), compared with true/false. */
  | { kind: 'isReview' };

/** `containsText`: the stored text contains the (lower-cased) value, case-insensitively. */
export type Comparison = 'eq' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'contains' | 'containsAll' | 'containsText';

/** A relationship a filter can test with EXISTS { }: from the node of the current level to another. */
export type Relation =
  /** Material → its measurements (and its variants'). */
  | 'measurements'
  /** Measurement → the material measured. */
  | 'material'
  /** Measurement → a publication it cites. */
  | 'publications'
  | InterfaceRelation
  | FactRelation
  | PublicationRelation
  | VariantRelation
  | PhaseRelation;

/** Relationships of the fact lists (patterns in projection.facts.ts). */
export type FactRelation =
  | 'windowMaterial'
  | 'coatingMaterial'
  | 'substrate'
  | 'pairedElectrolyte'
  | 'coatingCells'
  | 'cellCoatings'
  | 'components'
  | 'electrolyteComponents'
  | 'cathodeComponents'
  | 'anodeComponents'
  | 'results'
  | 'effects'
  | 'citingReviews'
  | 'reportedMeasuredMaterial'
  | 'reportedInterfaceMaterial'
  | 'reportedPartMaterial'
  | 'coatedWith'
  | 'materialWindows'
  | 'materialCoatings'
  | 'materialCells'
  | 'materialCoatingsAsCoating'
  | 'materialCoatingsAsSubstrate'
  | 'materialCoatingsAsElectrolyte'
  | ClaimRelation;
export type Filter =
  | { op: 'and'; items: Filter[] }
  | { op: 'or'; items: Filter[] }
  | { op: 'not'; item: Filter }
  /** `byGroup`: compared with the group key of a grouped list (`grp`, see ListPlan.groups) instead of `value`. */
  | { op: 'compare'; operand: Operand; comparison: Comparison; value: unknown; byGroup?: boolean }
  | { op: 'exists'; relation: Relation; filter: Filter | null }
  /**
   * The fact reaches a material of `ids` through `relation`, and its variant there is the one the name stands for as
   * `scope` says (compile.variant.ts; a list of ids stands for no variant).
   */
  | { op: 'namedMaterial'; relation: NamedMaterialRelation; ids: string[] | MaterialNameRef; scope: VariantScope };

/**
 * A material as a user named it (an id, a name, an alias, an abbreviation or a formula), resolved inside the
 * statement that filters by it (compile.names.ts `materialNamePrelude`), so that a filter by name costs no query of
 * its own. The rules are services/materialRef.ts's: an exact material id wins; else the materials whose names
 * have the lookup `key`; of several, the one whose name is written exactly `text`; else the composition the
 * text reads as (`formulaIds`: [] when it is no formula). The statement returns what it found
 * (`nameChecks`), from which the service raises the errors (an ambiguous name, neither name nor formula).
 */
export interface MaterialNameRef {
  kind: 'materialName';
  /** The text as given, trimmed. */
  text: string;
  /** Its lookup key (domain/materialNames.ts nameKey). */
  key: string;
  /** The composition key the text reads as, or none. */
  formulaIds: string[];
  /** Why the text is no formula (null when it is one). */
  formulaError: string | null;
  /** The argument path, for the errors (`where.material`). */
  argument: string;
}

export function isMaterialNameRef(value: unknown): value is MaterialNameRef {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'materialName';
}

/** A sort key: a stored scalar, a measurement's value, or a material's statistic of a property. */
export type SortKey =
  | { kind: 'property'; name: string; numeric: boolean }
  | { kind: 'measurementValue' }
  | { kind: 'materialPropertyValue'; property: string; statistic: 'MAX' | 'MIN' | 'MEDIAN' | 'LATEST' }
  /** A fact's first cited publication's year (in the source's order). */
  | { kind: 'publicationYear' }
  /** A quantity stored flat under `prefix` (`thicknessValue`...): its value, else min, else max. */
  | { kind: 'quantityValue'; prefix: string }
  /** A cell's largest reported result of `property` (value, else max, else min), with the results' `atCycle` when `atCycle`. */
  | { kind: 'cellResult'; property: string; atCycle: boolean };

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
  relation: 'measurements' | 'material' | 'publications' | 'publication' | 'dataset' | 'review' | 'correctedReference' | InterfaceRelation | FactRelation | PublicationRelation | VariantRelation | PhaseRelation;
  filter: Filter | null;
  /** A condition on the relationship itself (a material's cells where its HAS_COMPONENT role is one of `in`): see ON_RELATIONSHIP in compile.ts. */
  relationshipIn?: { property: string; in: readonly string[] };
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
  /** Object fields read from the same node under another kind (a cell component's `material`), or from the parent it was reached from (a citation's cited publication under `citedBy`): `rel_<key>`. */
  inline?: { key: string; node: NodePlan; of?: 'self' | 'parent' }[];
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
  /**
   * One page per group key (the families of `structuralFamilies { materials }`): the statement UNWINDs them as `grp`, and
   * filters with `byGroup` compare with it; one row per group.
   */
  groups?: string[];
}
