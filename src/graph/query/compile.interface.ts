/**
 * The compiler's tables for interfaces and interphase observations (registered with one line each in the
 * tables of compile.ts): what filters may read, and the relationship patterns of filters (EXISTS {}) and
 * of relationship fields (COLLECT {} subqueries).
 */
import { INTERFACE } from '../../domain/model/interface.kind.js';
import { INTERPHASE_OBSERVATION, INTERPHASE_PRODUCT, TECHNIQUE } from '../../domain/model/interphaseObservation.kind.js';
import { filterableOf } from '../nodeKinds.js';
import { firstReported, inSourceOrder, type InOrder } from './projection.quantity.js';
import type { InterfaceNodeKind, InterfaceRelation } from './plan.interface.js';

/** The stored properties filters and sorts may read. */
export const INTERFACE_FILTERABLE: Record<InterfaceNodeKind, ReadonlySet<string>> = {
  Interface: filterableOf(INTERFACE),
  InterphaseObservation: filterableOf(INTERPHASE_OBSERVATION),
  Technique: filterableOf(TECHNIQUE),
  InterphaseProduct: filterableOf(INTERPHASE_PRODUCT),
};

export const INTERFACE_RELATION_PATTERN: Record<InterfaceRelation, (from: string, to: string) => string> = {
  interfaces: (from, to) => `(${to}:Interface)-[:ELECTROLYTE|COUNTERPART]->(${from})`,
  interfacesAsElectrolyte: (from, to) => `(${to}:Interface)-[:ELECTROLYTE]->(${from})`,
  formedInInterphases: (from, to) => `(${to}:InterphaseObservation)-[:PRODUCES]->(${from})`,
  electrolyte: (from, to) => `(${from})-[:ELECTROLYTE]->(${to}:Material)`,
  counterpart: (from, to) => `(${from})-[:COUNTERPART]->(${to}:Material)`,
  observations: (from, to) => `(${to}:InterphaseObservation)-[:AT]->(${from})`,
  interface: (from, to) => `(${from})-[:AT]->(${to}:Interface)`,
  products: (from, to) => `(${from})-[:PRODUCES]->(${to}:Material)`,
  productDetails: (from, to) => `(${from})-[:PRODUCES]->(${to}:Material)`,
  techniques: (from, to) => `(${from})-[:EVIDENCE]->(${to}:Technique)`,
};

export const INTERFACE_RELATION_TARGET: Record<InterfaceRelation, InterfaceNodeKind | 'Material'> = {
  interfaces: 'Interface',
  interfacesAsElectrolyte: 'Interface',
  formedInInterphases: 'InterphaseObservation',
  electrolyte: 'Material',
  counterpart: 'Material',
  observations: 'InterphaseObservation',
  interface: 'Interface',
  products: 'Material',
  productDetails: 'Material',
  techniques: 'Technique',
};

/** Relationship fields read in the source's order (the position on PRODUCES: INTERPHASE_PRODUCT, domain/model/interphaseObservation.kind.ts). */
const product = inSourceOrder(INTERPHASE_PRODUCT, (from, to, rel) => `(${from})-[${rel}]->(${to}:Material)`);
export const INTERFACE_BY_POSITION: Record<string, InOrder> = {
  products: product,
  productDetails: product,
};

/** Relationship fields of at most one node. */
export const INTERFACE_SINGLE = ['electrolyte', 'counterpart', 'interface'] as const;

/** Labels of a root match (every observation is a Fact, which lets a review filter seek the index on Fact.review). */
export const INTERFACE_ROOT_LABELS: Record<InterfaceNodeKind, string> = {
  Interface: 'Interface',
  InterphaseObservation: 'InterphaseObservation:Fact',
  Technique: 'Technique',
  InterphaseProduct: 'Material',
};

/** Sort key of an interphase observation: the year of the first publication it cites (in the source's order). */
export const publicationYear = (v: string) => firstReported(v, (p) => `${p}.year`);

