/**
 * A cell as reported: the node kind `Cell` (a fact), its test conditions (`CellConditions`: stored on the
 * cell's own node, read back as one object), its components (`CellComponent`: a HAS_COMPONENT relationship
 * to a material, which holds the component's role, text, variant and position) and its results
 * (`CellResult`: one node per result, reached in the source's order through HAS_RESULT relationships, a
 * value's fields stored unprefixed on it as on a measurement), declared once (see property.ts).
 */
import type { PropertyKind } from '../units/properties.js';
import { PROPERTIES } from '../units/properties.js';
import type { CellType, ComponentRole } from '../vocabulary.js';
import { CELL_TYPES, COMPONENT_ROLES } from '../vocabulary.js';
import { FACT_PROPERTIES } from './fact.kind.js';
import { float, int, nodeKind, object, oneOf, relationshipKind, text, type RecordOf } from './property.js';
import { QUANTITY_PROPERTIES } from './quantity.kind.js';

/** A cell's test conditions, stored on the cell's node (`other` as `conditionsOther`). */
export const CELL_CONDITIONS = nodeKind('CellConditions', 'Test conditions of a cell as printed, with the temperature read in K where possible.', {
  temperatureText: text("Temperature as printed ('RT', '60 °C').").optional(),
  temperatureK: float('Temperature in K (room temperature read as 298.15 K).').optional().filterable(),
  currentDensity: text('Current density as printed.').optional(),
  cRate: text('C-rate as printed.').optional(),
  stackPressure: text('Stack pressure as printed.').optional(),
  arealLoading: text('Areal loading as printed.').optional(),
  voltageRange: text('Voltage range as printed.').optional(),
  other: text('Other conditions as printed.').optional().storedAs('conditionsOther'),
});

export type CellConditionsValue = RecordOf<typeof CELL_CONDITIONS>;

/**
 * A component of a cell. Its stored properties are those of the HAS_COMPONENT relationship from the cell to
 * the material (the graph layer reads them through the relationship's variable); the material is the node
 * the relationship reaches.
 */
export const CELL_COMPONENT = nodeKind(
  'CellComponent',
  'A component of a cell: a material in a role (anode, electrolyte, cathode, coating, interlayer...).',
  {
    role: oneOf<ComponentRole>('ComponentRole', COMPONENT_ROLES, 'Its role in the cell.').filterable(),
    text: text('The component as printed.').optional(),
    variantId: text('The variant, where stated (read by `variant`).').optional().hidden(),
    position: int("Its place in the cell's list of components, in the source's order.").hidden(),
    materialId: text('The material (read by `material`): the node the relationship reaches.').derived().hidden(),
  },
  { relationship: 'HAS_COMPONENT' },
);

export type CellComponentValue = RecordOf<typeof CELL_COMPONENT>;

export const CELL_RESULT = nodeKind(
  'CellResult',
  'A result of a cell test: a quantity (capacity, retention, cycles, CE, CCD, time to short) and the cycle it refers to.',
  {
    ...QUANTITY_PROPERTIES,
    property: oneOf<PropertyKind>('MeasuredProperty', PROPERTIES, 'The quantity reported.').filterable(),
    propertyText: text('The quantity as the source names it.').optional(),
    atCycle: int('The cycle the value refers to, where given.').optional().filterable(),
    text: text("The result in the source's words.").optional(),
    position: int("Its place in the cell's list of results (a property of its HAS_RESULT relationship).").derived().hidden(),
  },
);

export type CellResultValue = RecordOf<typeof CELL_RESULT>;

/** A cell's HAS_RESULT relationship to one of its results: the result's place in the cell's list (a result's `position`). */
export const HAS_RESULT = relationshipKind('HAS_RESULT', "A cell's result, in the source's order.", {
  position: int("The result's place in the cell's list of results.").hidden(),
});

export const CELL = nodeKind(
  'Cell',
  'A cell as reported: its components with their roles, the test conditions, and the results (full or half cells: ' +
    'capacity, retention, cycles, Coulombic efficiency; symmetric cells: critical current density, time to short circuit).',
  {
    ...FACT_PROPERTIES,
    cellType: oneOf<CellType>('CellType', CELL_TYPES, 'Full, half or symmetric cell.').filterable(),
    components: object<CellComponentValue>('CellComponent', 'Components in the order the source lists them.').many(),
    conditions: object<CellConditionsValue>('CellConditions', 'Test conditions.'),
    results: object<CellResultValue>('CellResult', 'Results with numbers (empty when the source reports them only in words).').many(),
    resultText: text('The results as the source states them.'),
    coatingApplicationIds: text('The coating applications it tested, by id (read by `coatingApplications`).').many().derived().hidden(),
  },
);
