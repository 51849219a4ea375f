/**
 * A reported electrochemical stability window and its limits: the node kind `StabilityWindow` (the GraphQL
 * type `ReportedStabilityWindow`) and its `WindowLimit`s, declared once (see property.ts). A limit is not a
 * node: each side is stored on the window's node as a potential flat under the side's name
 * (`reductionValue`, `reductionPrintedValue`...), a text (`reductionText`) and a flag (`hasReduction`) that
 * tells a qualitative limit from none; the graph layer reads them back as one `WindowLimit`.
 */
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../families.js';
import type { ReferenceScale, WindowMethod } from '../vocabulary.js';
import { REFERENCE_SCALES, WINDOW_METHODS } from '../vocabulary.js';
import { FACT_PROPERTIES } from './fact.kind.js';
import { flag, nodeKind, object, oneOf, text, type RecordOf } from './property.js';
import type { QUANTITY } from './quantity.kind.js';

type QuantityValue = RecordOf<typeof QUANTITY>;

const LIMIT_QUANTITY = "The potential in V vs the window's reference scale; null for a qualitative limit.";
const LIMIT_TEXT = "The limit as described, e.g. 'unstable at 0 V (Li3P, Li2S)'.";

export const WINDOW_LIMIT = nodeKind('WindowLimit', 'One limit of a stability window: a potential (V vs the reference scale) and/or what the source says.', {
  quantity: object<QuantityValue>('Quantity', LIMIT_QUANTITY).optional(),
  text: text(LIMIT_TEXT).optional().derived(),
});

export type WindowLimitValue = RecordOf<typeof WINDOW_LIMIT>;

export const STABILITY_WINDOW = nodeKind(
  'ReportedStabilityWindow',
  'A reported electrochemical stability window of a solid electrolyte: reduction and/or oxidation limit (one-sided ' +
    'windows are common), the reference scale, and how it was obtained (computed windows are intrinsic; cyclic ' +
    'voltammetry against flat electrodes overestimates).',
  {
    ...FACT_PROPERTIES,
    reduction: object<WindowLimitValue>('WindowLimit', 'Reduction (lower) limit; null when not reported.').optional().named('reductionLimit'),
    oxidation: object<WindowLimitValue>('WindowLimit', 'Oxidation (upper) limit; null when not reported.').optional().named('oxidationLimit'),
    scale: oneOf<ReferenceScale>('ReferenceScale', REFERENCE_SCALES, 'Reference electrode of the limits (LI: V vs Li/Li+).').filterable(),
    method: oneOf<WindowMethod>('WindowMethod', WINDOW_METHODS, 'How the window was obtained.').filterable(),
    methodText: text('The method as the source describes it.').optional(),
    family: oneOf<StructuralFamily>('StructuralFamily', STRUCTURAL_FAMILIES, 'For a statement about a whole structural family.').optional().filterable(),
    materialId: text('The electrolyte (read by `material`); null for a statement about a whole family.').optional().derived().hidden(),
    // how the limits are stored (read back as `reduction` and `oxidation`)
    reductionQuantity: object<QuantityValue>('Quantity', `Reduction limit: ${LIMIT_QUANTITY}`).optional().flatUnder('reduction').hidden(),
    reductionText: text(`Reduction limit: ${LIMIT_TEXT}`).optional().hidden(),
    hasReduction: flag('Whether a reduction limit is reported (with a potential or only in words).').optional().hidden(),
    oxidationQuantity: object<QuantityValue>('Quantity', `Oxidation limit: ${LIMIT_QUANTITY}`).optional().flatUnder('oxidation').hidden(),
    oxidationText: text(`Oxidation limit: ${LIMIT_TEXT}`).optional().hidden(),
    hasOxidation: flag('Whether an oxidation limit is reported (with a potential or only in words).').optional().hidden(),
  },
);
