/**
 * A measured property value of a material (the node kind `Measurement`) and the crystal structure its
 * source reports for the measured phase (`ReportedStructure`, stored flat on the measurement's node),
 * declared once (see property.ts). A measurement is a fact (FACT_PROPERTIES) that carries the fields of
 * its value itself, stored unprefixed on its node (QUANTITY_PROPERTIES).
 */
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../families.js';
import { PROPERTIES, type PropertyKind } from '../units/properties.js';
import { FACT_PROPERTIES } from './fact.kind.js';
import { QUANTITY_PROPERTIES } from './quantity.kind.js';
import { flag, float, int, nodeKind, object, oneOf, text, type RecordOf } from './property.js';

/** Which contribution of an impedance measurement a conductivity is (the GraphQL enum `ConductivityContribution`). */
export const CONDUCTIVITY_CONTRIBUTIONS = ['TOTAL', 'BULK', 'GRAIN_BOUNDARY', 'UNSPECIFIED'] as const;
export type ConductivityContribution = (typeof CONDUCTIVITY_CONTRIBUTIONS)[number];

export const REPORTED_STRUCTURE = nodeKind('ReportedStructure', 'Crystal structure of the phase the measurement was made on, as the source reports it.', {
  spaceGroupSymbol: text("Hermann–Mauguin symbol as printed, e.g. 'P 42/n m c'.").optional(),
  spaceGroupNumber: int('International Tables space-group number (1–230).').optional(),
  a: float('Lattice parameter a in Å.').optional().storedAs('latticeA'),
  b: float('Lattice parameter b in Å.').optional().storedAs('latticeB'),
  c: float('Lattice parameter c in Å.').optional().storedAs('latticeC'),
  alpha: float('Lattice angle α in degrees.').optional().storedAs('latticeAlpha'),
  beta: float('Lattice angle β in degrees.').optional().storedAs('latticeBeta'),
  gamma: float('Lattice angle γ in degrees.').optional().storedAs('latticeGamma'),
  icsdId: text('ICSD collection code of the structure, where given.').optional(),
});

export const MEASUREMENT = nodeKind(
  'Measurement',
  'A measured property value of a material, as printed in its source and normalised to the canonical unit of the ' +
    'property (ionic conductivity: S/cm). Bounds are never stored as equalities: read `qualifier` first.',
  {
    ...FACT_PROPERTIES,
    property: oneOf<PropertyKind>('MeasuredProperty', PROPERTIES, 'The property measured; it fixes the canonical `unit`.').filterable(),
    contribution: oneOf<ConductivityContribution>(
      'ConductivityContribution',
      CONDUCTIVITY_CONTRIBUTIONS,
      'For ionic conductivity: total, bulk or grain-boundary; null when not stated.',
    )
      .optional()
      .filterable(),
    ...QUANTITY_PROPERTIES,
    qualifier: QUANTITY_PROPERTIES.qualifier.filterable(),
    value: QUANTITY_PROPERTIES.value.filterable(),
    temperatureK: float('Temperature of the measurement in K (room temperature is 298.15 K by convention).').optional().filterable(),
    temperatureMinK: float('Lower end of a temperature range the source states, in K.').optional().hidden(),
    temperatureMaxK: float('Upper end of a temperature range the source states, in K.').optional().hidden(),
    temperatureText: text("Temperature as the source states it, e.g. 'room temperature'.").optional(),
    propertyText: text('The property as the source names it, when `property` is OTHER or more specific.').optional(),
    family: oneOf<StructuralFamily>('StructuralFamily', STRUCTURAL_FAMILIES, 'For a statement about a whole structural family (no single material).')
      .optional()
      .filterable(),
    method: text('Measurement or computation method as the source states it (e.g. impedance, DFT, nanoindentation).').optional().filterable(),
    computed: flag('True for a computed value, false for a measured one, null when the source does not say.').optional().filterable(),
    sampleForm: text("Sample form as stated (e.g. 'cold-pressed pellet', 'thin film', 'single crystal').").optional(),
    basis: text("Normalisation basis, e.g. 'per real interfacial area' vs 'per footprint area' for a critical current density.").optional(),
    atmosphere: text('Atmosphere or environment of the measurement.').optional(),
    conditionsOther: text('Other conditions as stated.').optional(),
    reportedFormula: text('The formula as printed in this record (dataset records), or the material as the review names it.').optional(),
    reportedSiteComposition: text('The composition with explicit site occupancies, where the source gives it (OBELiX: True Composition).').optional(),
    structure: object<RecordOf<typeof REPORTED_STRUCTURE>>('ReportedStructure', 'Crystal structure of the measured phase, where the source gives it.').optional(),
    materialId: text('The material measured (read by `material`); null for a family-level statement.').optional().derived().hidden(),
  },
);
