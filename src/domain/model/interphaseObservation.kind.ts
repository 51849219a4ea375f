/**
 * An interphase observed (or computed) at an interface, with the evidence for it: the node kinds
 * `InterphaseObservation` and `Technique` (the GraphQL type `CharacterizationTechnique`), and the `Evidence` an observation reads from its EVIDENCE
 * relationships (the technique it leads to, what the source says it showed), declared once (see property.ts).
 */
import type { InterphaseType, StabilityClass, Technique } from '../vocabulary.js';
import { INTERPHASE_TYPES, STABILITY_CLASSES, TECHNIQUES } from '../vocabulary.js';
import { FACT_PROPERTIES } from './fact.kind.js';
import { type RecordOf, flag, int, nodeKind, object, oneOf, text } from './property.js';
import type { QUANTITY } from './quantity.kind.js';

type QuantityValue = RecordOf<typeof QUANTITY>;

/**
 * A technique of the vocabulary: the node (label `Technique`) evidence relationships lead to, and the GraphQL
 * type `CharacterizationTechnique` (its `description` is read from the vocabulary, not from the node).
 */
export const TECHNIQUE = nodeKind(
  'CharacterizationTechnique',
  'A characterisation or computational technique, and the interphase observations it gave evidence for.',
  {
    id: oneOf<Technique>('Technique', TECHNIQUES, 'The technique.').filterable(),
    description: text('What it is and what it reveals.'),
  },
);

/** One EVIDENCE relationship of an observation: `text` is stored on the relationship, `technique` is the node it leads to. */
export const EVIDENCE = nodeKind(
  'Evidence',
  'The technique that gave evidence for an observation, and what the source says it showed.',
  {
    technique: oneOf<Technique>('Technique', TECHNIQUES, 'The technique.').derived(),
    text: text('What it showed, as the source says.').optional(),
    position: int("Its place in the observation's list of evidence, in the source's order.").hidden(),
  },
  { relationship: 'EVIDENCE' },
);

/**
 * A product of an interphase: one PRODUCES relationship of an observation, which holds the product's place in
 * the source's list and its variant; the material is the node it reaches.
 */
export const INTERPHASE_PRODUCT = nodeKind(
  'InterphaseProduct',
  'A product of an interphase: a material, and the variant of it where the source names one (e.g. tetragonal LLZO).',
  {
    position: int("Its place in the observation's list of products, in the source's order.").hidden(),
    variantId: text('The variant of the product, where the source names one (read by `variant`).').optional().hidden(),
    materialId: text('The product material (read by `material`): the node the relationship reaches.').derived().hidden(),
  },
  { relationship: 'PRODUCES' },
);

export type InterphaseProductValue = RecordOf<typeof INTERPHASE_PRODUCT>;

export type EvidenceValue = RecordOf<typeof EVIDENCE>;

export const INTERPHASE_OBSERVATION = nodeKind(
  'InterphaseObservation',
  'An interphase observed (or computed) at an interface under given conditions: the products that form, the character ' +
    'of the interphase under both classification schemes, and the evidence. Different conditions are different observations.',
  {
    ...FACT_PROPERTIES,
    counterpartText: text("The counterpart as printed, e.g. 'Li metal', 'oxidation above 2.3 V'.").optional(),
    potential: object<QuantityValue>('Quantity', 'Applied potential in V, where given.').optional().flatUnder('potential'),
    conditions: text('Conditions as stated (state of charge, annealing temperature, cycling...).').optional(),
    productsText: text('The products as printed.').optional(),
    stabilityClass: oneOf<StabilityClass>(
      'StabilityClass',
      STABILITY_CLASSES,
      'Stable / kinetically stabilised / artificially protected / unstable, where the source supports it.',
    )
      .optional()
      .filterable(),
    interphaseType: oneOf<InterphaseType>('InterphaseType', INTERPHASE_TYPES, 'Type 1 / 2 / 3 interphase (Wenzel et al. 2015), where the source supports it.')
      .optional()
      .filterable(),
    characterText: text("The character of the interphase in the source's words.").optional(),
    thickness: object<QuantityValue>('Quantity', 'Thickness of the interphase in nm, where given.').optional().flatUnder('thickness'),
    evidence: object<EvidenceValue>('Evidence', 'Techniques that gave the evidence (XPS, TEM, ToF-SIMS, DFT...).').many(),
    computed: flag('True when the products were computed rather than observed.').optional().filterable(),
    interfaceId: text('The interface it was observed at (read by `interface`).').derived().hidden(),
    productIds: text('The products, in the source\'s order (read by `products` and `productDetails`).').many().derived().hidden(),
    productVariantIds: text('The variant of each product (null when none), aligned with `productIds` (read by `productDetails`).')
      .optional()
      .many()
      .derived()
      .hidden(),
    counterpartVariantId: text('The variant of the counterpart, where stated (read by `counterpartVariant`).').optional().hidden(),
  },
);
