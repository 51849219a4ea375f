/**
 * An interface between a solid electrolyte (or a family of them) and what it meets: the node kind
 * `Interface`, declared once (see property.ts).
 */
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../families.js';
import { COUNTERPART_KINDS } from '../vocabulary.js';
import { id, nodeKind, oneOf, text } from './property.js';

export const INTERFACE = nodeKind(
  'Interface',
  'An interface between a solid electrolyte (or a family of them) and a counterpart: a material (electrode, metal, ' +
    'coating), an applied potential, or an environment. Its observations say what forms there, under which conditions.',
  {
    id: id("Stable id: '<electrolyte id>|<counterpart id or kind>'.").filterable(),
    counterpartKind: oneOf('CounterpartKind', COUNTERPART_KINDS, 'What the electrolyte meets.').filterable(),
    electrolyteFamily: oneOf<StructuralFamily>('StructuralFamily', STRUCTURAL_FAMILIES, 'When the observations are about a whole family of electrolytes.')
      .optional()
      .derived(),
    electrolyteId: text('The electrolyte material (read by `electrolyte` and `prediction`).').optional().derived().hidden(),
    counterpartId: text('The counterpart material, when the counterpart is one.').optional().derived().hidden(),
  },
);
