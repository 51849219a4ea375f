/**
 * GraphQL enums, registered from the domain's vocabularies so there is one list of values.
 */
import { registerEnumType } from 'type-graphql';
import { STRUCTURAL_FAMILIES } from '../domain/families.js';
import { PROPERTIES } from '../domain/units/properties.js';
import { QUALIFIER_SYMBOL } from '../domain/values/printedValue.js';

function enumOf<K extends string>(keys: readonly K[]): { [P in K]: P } {
  return Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P };
}

export const StructuralFamilyEnum = enumOf(Object.keys(STRUCTURAL_FAMILIES) as (keyof typeof STRUCTURAL_FAMILIES)[]);
registerEnumType(StructuralFamilyEnum, {
  name: 'StructuralFamily',
  description:
    'Structural family of a solid electrolyte (controlled vocabulary). Labels printed by sources are mapped to it ' +
    'and kept as printed in `familyLabels`.',
  valuesConfig: Object.fromEntries(Object.entries(STRUCTURAL_FAMILIES).map(([k, d]) => [k, { description: d }])),
});

export const MeasuredPropertyEnum = enumOf(Object.keys(PROPERTIES) as (keyof typeof PROPERTIES)[]);
registerEnumType(MeasuredPropertyEnum, {
  name: 'MeasuredProperty',
  description: 'A measured property; each has one canonical unit in which `value`, `min` and `max` are given.',
  valuesConfig: Object.fromEntries(
    Object.entries(PROPERTIES).map(([k, p]) => [k, { description: `${p.label}, canonical unit ${p.canonicalUnit}` }]),
  ),
});

export const QualifierEnum = enumOf(Object.keys(QUALIFIER_SYMBOL) as (keyof typeof QUALIFIER_SYMBOL)[]);
registerEnumType(QualifierEnum, {
  name: 'Qualifier',
  description: 'How a printed value relates to the true value.',
  valuesConfig: {
    EQUAL: { description: "'=': `value` is the value." },
    APPROXIMATE: { description: "'~': `value` is approximate." },
    LESS_THAN: { description: "'<' (or '≤'): an upper bound (censored value); `max` is the bound, `value` is null." },
    GREATER_THAN: { description: "'>' (or '≥'): a lower bound; `min` is the bound, `value` is null." },
    RANGE: { description: "'–': a range from `min` to `max`; `value` is null." },
  },
});

export const ConductivityContributionEnum = enumOf(['TOTAL', 'BULK', 'GRAIN_BOUNDARY', 'UNSPECIFIED'] as const);
registerEnumType(ConductivityContributionEnum, {
  name: 'ConductivityContribution',
  description: 'Which contribution of an impedance measurement a conductivity is.',
  valuesConfig: {
    TOTAL: { description: 'Total (bulk + grain boundary) conductivity.' },
    BULK: { description: 'Bulk (grain interior) conductivity.' },
    GRAIN_BOUNDARY: { description: 'Grain-boundary conductivity.' },
    UNSPECIFIED: { description: 'The source does not say.' },
  },
});
