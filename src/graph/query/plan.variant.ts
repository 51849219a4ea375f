import type { VariantScopeKey } from '../../domain/vocabulary.js';

/** The relationships of material variants the compiler follows (patterns in compile.variant.ts). */
export type VariantRelation =
  | 'variants'
  | 'variantMaterial'
  | 'factVariant'
  | 'counterpartVariant'
  | 'substrateVariant'
  | 'pairedElectrolyteVariant'
  | 'partVariant';

/**
 * A fact's relationship to a material whose variant the fact records (patterns in compile.variant.ts): a filter by a
 * material's name follows it to compare the fact's variant with the one the name stands for (`VariantScope`).
 */
export type NamedMaterialRelation =
  | 'measurementMaterial'
  | 'windowMaterial'
  | 'observationElectrolyte'
  | 'observationCounterpart'
  | 'observationProduct'
  | 'coatingMaterial'
  | 'coatingSubstrate'
  | 'coatingElectrolyte'
  | 'cellComponent'
  | 'cellElectrolyte'
  | 'cellCathode'
  | 'cellAnode'
  | 'claimMaterial'
  | 'claimInterfaceElectrolyte'
  | 'claimInterfaceCounterpart';

/** Which facts a material's name selects, by their variant (domain/vocabulary.ts VARIANT_SCOPES). */
export type VariantScope = VariantScopeKey;
