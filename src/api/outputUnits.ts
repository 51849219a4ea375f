/**
 * Values in any unit on output: every number of the schema that has a unit takes an optional argument
 * `unit` and is then given in it (`value(unit: "mS/cm")`, `temperatureK(unit: "°C")`,
 * `reductionLimitV(unit: "mV")`, `reactionEnergyEvPerAtom(unit: "kJ/mol")`), converted by the unit core
 * (`domain/units/units.ts`, `fromCanonicalUnit`). Which fields have a unit, and which:
 * - `value`, `min`, `max`, `median`, `q1`, `q3`, `uncertainty` and `range` of a type with a `unit` field (Measurement,
 *   Quantity, CellResult, PropertyConsensus): the row's own unit (an uncertainty or a range is a difference: 1 K of it is 1 °C);
 * - a Float field whose name ends in its unit: `…K` (K), `…V` (V vs the reference electrode), `…EvPerAtom`
 *   (eV/atom), `…EvPerFormulaUnit` (eV per formula unit), `…KjPerMol` (kJ/mol), `…Ev` (eV per particle: an
 *   activation energy);
 * - the lattice parameters a, b, c of ReportedStructure (Å); ConductivityEstimate's `conductivity` (S/cm),
 *   `extrapolatedByK` (a difference of temperatures) and `prefactor` (in the row's `prefactorUnit`).
 * Statistics and histograms take their unit as an input (`ValueRange.unit`, `HistogramInput.unit`) and are
 * left alone. An unreadable unit, or one of another dimension than the row's, is BAD_USER_INPUT naming
 * `unit`, the field and the units accepted; no argument: the number as stored.
 */
import { defaultFieldResolver, getNullableType, GraphQLFloat, GraphQLString, isListType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLSchema } from 'graphql';
import { excerpt, InvalidValueError } from '../domain/errors.js';
import { fromCanonicalUnit, unitsLike, type NumberKind } from '../domain/units/units.js';
import { InvalidArgumentError } from '../services/errors.js';

/** Where a number's unit comes from: a fixed unit, or a field of the row (`unit`, or another named for it). */
type UnitOf = { fixed: string; kind: NumberKind } | { fromRow: string; kind: NumberKind };

const BY_SUFFIX: [RegExp, string][] = [
  [/[a-z]EvPerAtom$/, 'eV/atom'],
  [/[a-z]EvPerFormulaUnit$/, 'eV'],
  [/[a-z]KjPerMol$/, 'kJ/mol'],
  [/[a-z]K$/, 'K'],
  [/[a-z]V$/, 'V'],
  [/[a-z]Ev$/, 'eV'],
];
const OWN_UNIT_FIELDS: Record<string, NumberKind> = {
  value: 'LEVEL',
  min: 'LEVEL',
  max: 'LEVEL',
  median: 'LEVEL',
  q1: 'LEVEL',
  q3: 'LEVEL',
  uncertainty: 'DIFFERENCE',
  range: 'DIFFERENCE',
};
/** Numbers whose unit their name does not say, per type (before the suffixes: `extrapolatedByK` is a difference). */
const FIXED: Record<string, Record<string, UnitOf>> = {
  ReportedStructure: { a: { fixed: 'Å', kind: 'LEVEL' }, b: { fixed: 'Å', kind: 'LEVEL' }, c: { fixed: 'Å', kind: 'LEVEL' } },
  ConductivityEstimate: {
    conductivity: { fixed: 'S/cm', kind: 'LEVEL' },
    extrapolatedByK: { fixed: 'K', kind: 'DIFFERENCE' },
    prefactor: { fromRow: 'prefactorUnit', kind: 'LEVEL' },
  },
};
/** Types whose numbers are statistics of another field (their `unit` is an input): left alone. */
const LEFT_ALONE = new Set(['ValueStatistics', 'Histogram', 'StoichiometryRange']);

/** Whether `typeName.fieldName` takes `unit` and converts from its row's `unit` field (which must then be read). */
export function convertsFromRowUnit(typeName: string, fieldName: string): boolean {
  return ROW_UNIT_TYPES.has(typeName) && OWN_UNIT_FIELDS[fieldName] !== undefined;
}
const ROW_UNIT_TYPES = new Set<string>();

function unitOf(typeName: string, fields: Record<string, GraphQLField<unknown, unknown>>, field: GraphQLField<unknown, unknown>): UnitOf | null {
  if (getNullableType(field.type) !== GraphQLFloat && !isFloatList(field)) return null;
  if (LEFT_ALONE.has(typeName)) return null;
  const fixed = FIXED[typeName]?.[field.name];
  if (fixed) return fixed;
  if (fields['unit'] && OWN_UNIT_FIELDS[field.name]) {
    ROW_UNIT_TYPES.add(typeName);
    return { fromRow: 'unit', kind: OWN_UNIT_FIELDS[field.name]! };
  }
  const suffix = BY_SUFFIX.find(([re]) => re.test(field.name));
  return suffix ? { fixed: suffix[1], kind: 'LEVEL' } : null;
}

function isFloatList(field: GraphQLField<unknown, unknown>): boolean {
  const t = getNullableType(field.type);
  return isListType(t) && getNullableType(t.ofType) === GraphQLFloat;
}

/** Adds `unit` to every field with a unit (see the module's docblock). Returns `schema`, changed in place. */
export function withOutputUnits(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = type.getFields();
    for (const field of Object.values(fields)) {
      const unit = unitOf(type.name, fields, field);
      if (unit) giveUnitArgument(`${type.name}.${field.name}`, field, unit);
    }
  }
  return schema;
}

function giveUnitArgument(coordinate: string, field: GraphQLField<unknown, unknown>, unit: UnitOf): void {
  const stored = 'fixed' in unit ? `in ${unit.fixed === '' ? 'no unit' : `'${unit.fixed}'`}` : `in the row's \`${unit.fromRow}\``;
  (field.args as GraphQLArgument[]).push({
    name: 'unit',
    description:
      `Give the number in this unit instead (stored ${stored}): any unit of the same dimension, e.g. ${examples(unit)}. ` +
      'BAD_USER_INPUT naming `unit` for an unreadable unit or one of another dimension.',
    type: GraphQLString,
    defaultValue: undefined,
    deprecationReason: undefined,
    extensions: {},
    astNode: undefined,
  });
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (root, args: Record<string, unknown>, context, info) => {
    const { unit: wanted, ...rest } = args;
    const raw = resolve(root, rest, context, info);
    if (typeof wanted !== 'string') return raw;
    const from = 'fixed' in unit ? unit.fixed : String((root as Record<string, unknown>)[unit.fromRow] ?? '');
    const give = (v: unknown): unknown => inUnit(coordinate, v, from, wanted, unit.kind);
    return raw instanceof Promise ? raw.then(give) : give(raw);
  };
}

function examples(unit: UnitOf): string {
  if (!('fixed' in unit) && unit.fromRow !== 'unit') return "'mS/cm' for 'S/cm', 'mS·K/cm' for 'S·K/cm'";
  if (!('fixed' in unit)) return "'mS/cm' or 'S/m' for a conductivity, 'meV' or 'kJ/mol' for an energy, '°C' for a temperature";
  return unitsLike(unit.fixed)
    .slice(0, 5)
    .map((u) => `'${u}'`)
    .join(', ');
}

function inUnit(coordinate: string, value: unknown, from: string, to: string, kind: NumberKind): unknown {
  if (Array.isArray(value)) return value.map((v) => inUnit(coordinate, v, from, to, kind));
  if (typeof value !== 'number') return value;
  try {
    return fromCanonicalUnit(value, from, to, kind);
  } catch (e) {
    if (!(e instanceof InvalidValueError)) throw e;
    const accepted = unitsLike(from).map((u) => `'${u}'`).join(', ');
    const more = accepted.includes(',') ? ' (or another unit of the same dimension)' : '';
    throw new InvalidArgumentError('unit', `${coordinate} is in '${from}' and cannot be given in '${excerpt(to)}' (${e.problem}); accepted: ${accepted}${more}`);
  }
}
