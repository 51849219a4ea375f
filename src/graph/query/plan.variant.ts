/** The relationships of material variants the compiler follows (patterns in compile.variant.ts). */
export type VariantRelation =
  | 'variants'
  | 'variantMaterial'
  | 'factVariant'
  | 'counterpartVariant'
  | 'substrateVariant'
  | 'pairedElectrolyteVariant'
  | 'partVariant';
