/**
 * Claims in query plans (registered in the unions of plan.ts; patterns in projection.claims.ts).
 */

export type ClaimListKind = 'Claim' | 'ClaimQuantity';

export type ClaimRelation =
  /** Claim → the materials it is about. */
  | 'claimMaterials'
  /** Claim → the interfaces it is about. */
  | 'claimInterfaces'
  /** Claim → its quantities, in the source's order. */
  | 'claimQuantities'
  /** Material → the claims about it. */
  | 'materialClaims'
  /** Interface → the claims about it. */
  | 'interfaceClaims'
  /** Claim → the electrolytes of the interfaces it is about. */
  | 'claimInterfaceElectrolytes'
  /** Claim → the counterparts of the interfaces it is about. */
  | 'claimInterfaceCounterparts';
