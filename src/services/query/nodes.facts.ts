/**
 * The compiled fields of the fact lists (reported stability windows, coating applications, cells, claims and
 * their parts), for nodes.ts: relationship fields with the pattern and node kind they read, fields
 * left to resolvers with the keys they need, and object fields stored on the node (compiled as maps).
 */
import type { FactRelation, NodeKind } from '../../graph/query/plan.js';

/** `<Type>.<field>` → the relationship it follows (by the field's arguments; null: left to its resolver) and the kind of node it returns. */
export const FACT_RELATION_FIELDS: Record<string, { relation: FactRelation | ((args: Record<string, unknown>) => FactRelation | null); kind: NodeKind }> = {
  'StabilityWindow.material': { relation: 'windowMaterial', kind: 'Material' },
  'CoatingApplication.coating': { relation: 'coatingMaterial', kind: 'Material' },
  'CoatingApplication.substrate': { relation: 'substrate', kind: 'Material' },
  'CoatingApplication.electrolyte': { relation: 'pairedElectrolyte', kind: 'Material' },
  'CoatingApplication.cells': { relation: 'coatingCells', kind: 'Cell' },
  'CoatingApplication.effects': { relation: 'effects', kind: 'CoatingEffect' },
  'Cell.coatingApplications': { relation: 'cellCoatings', kind: 'CoatingApplication' },
  'Cell.components': { relation: 'components', kind: 'CellComponent' },
  'Cell.results': { relation: 'results', kind: 'CellResult' },
  'Material.reportedStabilityWindows': { relation: 'materialWindows', kind: 'StabilityWindow' },
  'Material.coatingApplications': { relation: (args) => COATING_PART[(args.as as string | null | undefined) ?? ''] ?? null, kind: 'CoatingApplication' },
  // `roles`: a condition on the HAS_COMPONENT relationship to this material (relationshipIn)
  'Material.cells': { relation: 'materialCells', kind: 'Cell' },
  'Material.claims': { relation: 'materialClaims', kind: 'Claim' },
  'Interface.claims': { relation: 'interfaceClaims', kind: 'Claim' },
  'Claim.materials': { relation: 'claimMaterials', kind: 'Material' },
  'Claim.interfaces': { relation: 'claimInterfaces', kind: 'Interface' },
  'Claim.quantities': { relation: 'claimQuantities', kind: 'ClaimQuantity' },
};

/** `Material.coatingApplications(as:)` → the relationship of that part ('' when `as` is not given: any part). */
const COATING_PART: Record<string, FactRelation> = {
  '': 'materialCoatings',
  COATING: 'materialCoatingsAsCoating',
  SUBSTRATE: 'materialCoatingsAsSubstrate',
  ELECTROLYTE: 'materialCoatingsAsElectrolyte',
};

/** Keys of the node map that fields of facts left to resolvers read (a claim's variants, by the ids on its ABOUT relationships). */
export const FACT_NEEDS: Record<string, string[]> = {
  'Claim.variants': ['variantIds'],
};

/** Fields read from the same node under another kind (a component's material is the node its relationship reaches). */
export const FACT_INLINE_FIELDS: Record<string, NodeKind> = {
  'CellComponent.material': 'Material',
  'InterphaseProduct.material': 'Material',
};


/** Object fields stored on the node, compiled as maps. */
export const FACT_OBJECT_FIELDS: readonly string[] = [
  'StabilityWindow.reductionLimit',
  'StabilityWindow.oxidationLimit',
  'CoatingApplication.thickness',
  'Cell.conditions',
  'CoatingEffect.before',
  'CoatingEffect.after',
  'CoatingEffect.value',
  'ClaimQuantity.value',
];

/** Kinds that carry provenance (`source`, `publication`, `publications`) as facts do. */
export const FACT_KINDS: ReadonlySet<NodeKind> = new Set(['Measurement', 'StabilityWindow', 'CoatingApplication', 'Cell', 'Claim']);
