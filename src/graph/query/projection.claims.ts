/**
 * Claims in the compiler (domain/model/claim.kind.ts): one Cypher expression per field of a claim and of its
 * quantities, the relationship patterns their fields and filters follow, and the properties filters may read.
 * Spread into the fact tables of projection.facts.ts (one line each).
 *   (Claim)-[:ABOUT {variantId}]->(Material)   (Claim)-[:ABOUT_INTERFACE]->(Interface)
 *   (Claim)-[:HAS_QUANTITY {position}]->(ClaimQuantity)   (Claim)-[:EXPLAINS]->(Fact)
 */
import { ABOUT, CLAIM, CLAIM_QUANTITY, HAS_QUANTITY } from '../../domain/model/claim.kind.js';
import { filterableOf, positionOf, projectionOf, propertyOf, recordMap, relationshipOf } from '../nodeKinds.js';
import type { NodeKind } from './plan.js';
import type { ClaimListKind, ClaimRelation } from './plan.claims.js';

export type { ClaimListKind, ClaimRelation };
import { FACT_DERIVED, inSourceOrder, type Expr, type InOrder } from './projection.quantity.js';

/** A claim quantity's fields; its position is on the HAS_QUANTITY relationship (bound as `r<node variable>`). */
const QUANTITY: Record<string, Expr> = projectionOf(CLAIM_QUANTITY, { position: (v) => positionOf(HAS_QUANTITY)(`r${v}`) });

/** A claim's fields; `quantities` as the DataLoader reads them (the compiled lists follow `quantities`). */
export const CLAIM_PROJECTION: Record<string, Expr> = projectionOf(CLAIM, {
  ...FACT_DERIVED,
  quantities: (v) =>
    `COLLECT { MATCH (${v})-[${relationshipOf(HAS_QUANTITY, `r${v}q`)}]->(${v}q:ClaimQuantity) RETURN ${recordMap(CLAIM_QUANTITY, QUANTITY, `${v}q`)} ORDER BY ${positionOf(HAS_QUANTITY)(`r${v}q`)} }`,
  // hidden keys the uncompiled field resolvers read (materials, variants, interfaces)
  materialIds: (v) => `COLLECT { MATCH (${v})-[:ABOUT]->(m:Material) RETURN DISTINCT m.id ORDER BY m.id }`,
  variantIds: (v) =>
    `COLLECT { MATCH (${v})-[${relationshipOf(ABOUT, 'a')}]->(:Material) WHERE ${propertyOf(ABOUT, 'variantId')('a')} IS NOT NULL RETURN DISTINCT ${propertyOf(ABOUT, 'variantId')('a')} AS variantId ORDER BY variantId }`,
  interfaceIds: (v) => `COLLECT { MATCH (${v})-[:ABOUT_INTERFACE]->(i:Interface) RETURN i.id ORDER BY i.id }`,
});

export const CLAIM_FIELDS: Record<ClaimListKind, Record<string, Expr>> = { Claim: CLAIM_PROJECTION, ClaimQuantity: QUANTITY };

export const CLAIM_ID_FIELD: Record<ClaimListKind, string> = { Claim: 'id', ClaimQuantity: 'position' };

export const CLAIM_FILTERABLE: Record<ClaimListKind, ReadonlySet<string>> = { Claim: filterableOf(CLAIM), ClaimQuantity: filterableOf(CLAIM_QUANTITY) };

export const CLAIM_RELATION_PATTERN: Record<ClaimRelation, (from: string, to: string) => string> = {
  claimMaterials: (from, to) => `(${from})-[:ABOUT]->(${to}:Material)`,
  claimInterfaces: (from, to) => `(${from})-[:ABOUT_INTERFACE]->(${to}:Interface)`,
  claimQuantities: (from, to) => `(${from})-[:HAS_QUANTITY]->(${to}:ClaimQuantity)`,
  materialClaims: (from, to) => `(${to}:Claim)-[:ABOUT]->(${from})`,
  interfaceClaims: (from, to) => `(${to}:Claim)-[:ABOUT_INTERFACE]->(${from})`,
  claimInterfaceElectrolytes: (from, to) => `(${from})-[:ABOUT_INTERFACE]->(:Interface)-[:ELECTROLYTE]->(${to}:Material)`,
  claimInterfaceCounterparts: (from, to) => `(${from})-[:ABOUT_INTERFACE]->(:Interface)-[:COUNTERPART]->(${to}:Material)`,
};

export const CLAIM_RELATION_TARGET: Record<ClaimRelation, NodeKind> = {
  claimMaterials: 'Material',
  claimInterfaces: 'Interface',
  claimQuantities: 'ClaimQuantity',
  materialClaims: 'Claim',
  interfaceClaims: 'Claim',
  claimInterfaceElectrolytes: 'Material',
  claimInterfaceCounterparts: 'Material',
};

export const CLAIM_BY_POSITION: Partial<Record<ClaimRelation, InOrder>> = {
  claimQuantities: inSourceOrder(HAS_QUANTITY, (from, to, rel) => `(${from})-[${rel}]->(${to}:ClaimQuantity)`),
};

export const CLAIM_ROOT_LABELS: Record<ClaimListKind, string> = { Claim: 'Claim:Fact', ClaimQuantity: 'ClaimQuantity' };
