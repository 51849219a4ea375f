/**
 * A coating or interlayer applied on an electrode, particle or electrolyte, and the effects it had: the node
 * kinds `CoatingApplication` (a fact) and `CoatingEffect` (one node per reported effect, reached in the
 * source's order through the application's HAS_EFFECT relationships), declared once (see property.ts). Their
 * quantities are stored flat under a prefix (`thicknessValue`, `beforePrintedValue`...).
 */
import type { PropertyKind } from '../units/properties.js';
import { PROPERTIES } from '../units/properties.js';
import type { CoatingRole, DepositionMethod } from '../vocabulary.js';
import { COATING_ROLES, DEPOSITION_METHODS } from '../vocabulary.js';
import { FACT_PROPERTIES } from './fact.kind.js';
import { int, nodeKind, object, oneOf, relationshipKind, text, type RecordOf } from './property.js';
import type { QUANTITY } from './quantity.kind.js';

type QuantityValue = RecordOf<typeof QUANTITY>;

export const COATING_EFFECT = nodeKind('CoatingEffect', 'A reported effect of a coating: a quantity before and after, or a single value, and/or words.', {
  property: oneOf<PropertyKind>('MeasuredProperty', PROPERTIES, 'The quantity affected (interfacial resistance, capacity, retention...).').filterable(),
  propertyText: text('The quantity as the source names it.').optional(),
  before: object<QuantityValue>('Quantity', 'Without the coating.').optional().flatUnder('before'),
  after: object<QuantityValue>('Quantity', 'With the coating.').optional().flatUnder('after'),
  value: object<QuantityValue>('Quantity', 'A single reported value.').optional().flatUnder('value'),
  text: text("The effect in the source's words.").optional(),
  position: int("Its place in the application's list of effects (a property of its HAS_EFFECT relationship).").derived().hidden(),
});

export type CoatingEffectValue = RecordOf<typeof COATING_EFFECT>;

/** An application's HAS_EFFECT relationship to one of its effects: the effect's place in its list (an effect's `position`). */
export const HAS_EFFECT = relationshipKind('HAS_EFFECT', "A coating application's effect, in the source's order.", {
  position: int("The effect's place in the application's list of effects.").hidden(),
});

/** An application's APPLIED_ON relationship to what it was applied on: the variant coated (`substrateVariantId`). */
export const APPLIED_ON = relationshipKind('APPLIED_ON', 'What a coating was applied on.', {
  variantId: text('The variant of the material coated, where stated.').optional().hidden(),
});

/** An application's PAIRED_WITH relationship to the solid electrolyte: the electrolyte's variant (`electrolyteVariantId`). */
export const PAIRED_WITH = relationshipKind('PAIRED_WITH', 'The solid electrolyte a coating was paired with.', {
  variantId: text('The variant of the paired electrolyte, where stated.').optional().hidden(),
});

export const COATING_APPLICATION = nodeKind(
  'CoatingApplication',
  'A coating or interlayer applied on an electrode, particle or electrolyte, with the paired solid electrolyte, the ' +
    'deposition method, thickness and the effect it had (numbers before → after where reported).',
  {
    ...FACT_PROPERTIES,
    role: oneOf<CoatingRole>('CoatingRole', COATING_ROLES, 'Cathode coating, anode interlayer, electrolyte coating...').filterable(),
    substrateText: text('What it was applied on, as printed.').optional(),
    method: oneOf<DepositionMethod>('DepositionMethod', DEPOSITION_METHODS, 'How it was applied.').filterable(),
    methodText: text('The method as the source describes it.').optional(),
    thickness: object<QuantityValue>('Quantity', 'Thickness in nm, where given.').optional().flatUnder('thickness'),
    loading: text("Loading as printed, e.g. '2 wt %'.").optional(),
    effects: object<CoatingEffectValue>('CoatingEffect', 'Effects with numbers where reported.').many(),
    effectText: text('The effect as the source states it.'),
    coatingId: text('The coating or interlayer material (read by `coating`).').derived().hidden(),
    substrateId: text('What it was applied on (read by `substrate`).').optional().derived().hidden(),
    substrateVariantId: text('The variant of what was coated, where stated (read by `substrateVariant`).').optional().derived().hidden(),
    electrolyteId: text('The solid electrolyte it was paired with (read by `electrolyte`).').optional().derived().hidden(),
    electrolyteVariantId: text('The variant of the paired electrolyte, where stated (read by `electrolyteVariant`).').optional().derived().hidden(),
    cellIds: text('Cells in which it was tested, by id (read by `cells`).').many().derived().hidden(),
  },
);
