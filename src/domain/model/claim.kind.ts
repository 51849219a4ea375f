/**
 * What a review states that is not a value of a property: a mechanism, an explanation, a criterion, a target,
 * a comparison, a synthesis or processing route, a remedy, a strategy or an open question. The node kinds
 * `Claim` (a fact, with both levels of provenance) and `ClaimQuantity` (a number the claim carries: a target of
 * 5 mA/cm², a threshold of 8 GPa, a sintering temperature; reached in the source's order through HAS_QUANTITY),
 * declared once (see property.ts). Subjects: the materials (ABOUT, with the variant where one is meant), the
 * interfaces (ABOUT_INTERFACE), and the families, chemical classes and properties stored on the claim's node;
 * the facts of the same review it explains or qualifies (EXPLAINS).
 */
import { CHEMICAL_CLASSES, type ChemicalClass } from '../chemicalClass.js';
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../families.js';
import type { PropertyKind } from '../units/properties.js';
import { PROPERTIES } from '../units/properties.js';
import { CLAIM_KINDS, type ClaimKind } from '../vocabulary.js';
import { FACT_PROPERTIES } from './fact.kind.js';
import { int, nodeKind, object, oneOf, relationshipKind, text, type RecordOf } from './property.js';
import type { QUANTITY } from './quantity.kind.js';

type QuantityValue = RecordOf<typeof QUANTITY>;

export const CLAIM_QUANTITY = nodeKind(
  'ClaimQuantity',
  'A number a claim carries (a target, a threshold, a temperature of a route), as printed and in the canonical unit of its quantity.',
  {
    property: oneOf<PropertyKind>('MeasuredProperty', PROPERTIES, 'The quantity (critical current density, shear modulus, temperature...).').filterable(),
    propertyText: text('The quantity as the source names it, where the vocabulary has no name for it (OTHER).').optional(),
    value: object<QuantityValue>('Quantity', 'The number as printed, with its qualifier, and in the canonical unit.').flatUnder('value'),
    text: text('What the number is, in the words of the curator or the source (e.g. "target for practical cells").').optional(),
    position: int("Its place in the claim's list of quantities (a property of its HAS_QUANTITY relationship).").derived().hidden(),
  },
);

export type ClaimQuantityValue = RecordOf<typeof CLAIM_QUANTITY>;

/** A claim's HAS_QUANTITY relationship to one of its quantities: the quantity's place in its list. */
export const HAS_QUANTITY = relationshipKind('HAS_QUANTITY', "A claim's quantity, in the source's order.", {
  position: int("The quantity's place in the claim's list of quantities.").hidden(),
});

/** A claim's ABOUT relationship to a material it is about: the variant meant, where one is (a doped or polymorphic form). */
export const ABOUT = relationshipKind('ABOUT', 'A material a claim is about.', {
  variantId: text('The variant of the material the claim is about, where stated.').optional().hidden(),
});

export const CLAIM = nodeKind(
  'Claim',
  'A statement of a review that is not a value: a mechanism, an explanation, a criterion or design rule, a target or ' +
    'benchmark, a comparison or ranking, a synthesis or processing route, a remedy, a strategy or an open question; with its ' +
    'subjects (materials and variants, families, chemical classes, interfaces, properties), the numbers it carries, the ' +
    'facts of the same review it explains, the quote and both levels of provenance.',
  {
    ...FACT_PROPERTIES,
    kind: oneOf<ClaimKind>('ClaimKind', CLAIM_KINDS, 'What kind of statement it is.').filterable(),
    statement: text('The claim in one self-contained sentence (the curator\'s words, faithful to the text; the printed words are `source.quote`).').filterable(),
    families: oneOf<StructuralFamily>('StructuralFamily', STRUCTURAL_FAMILIES, 'Structural families it is about.').many().filterable(),
    chemicalClasses: oneOf<ChemicalClass>('ChemicalClass', CHEMICAL_CLASSES, 'Chemical classes it is about (sulfide, oxide, halide electrolytes...).')
      .many()
      .filterable(),
    properties: oneOf<PropertyKind>('MeasuredProperty', PROPERTIES, 'Properties it is about (ionic conductivity, critical current density...).')
      .many()
      .filterable(),
    quantities: object<ClaimQuantityValue>('ClaimQuantity', 'Numbers it carries, in the order of the source (empty when none).').many(),
    materialIds: text('The materials it is about (read by `materials`).').many().derived().hidden(),
    variantIds: text('The variants of those materials it is about, where it names one (read by `variants`).').many().derived().hidden(),
    interfaceIds: text('The interfaces it is about (read by `interfaces`).').many().derived().hidden(),
  },
);
