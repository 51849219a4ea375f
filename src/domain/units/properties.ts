/**
 * The quantities the graph holds (measured properties of materials, effects of coatings, results of
 * cells), each with its one canonical unit. Values are stored in the canonical unit beside the text as
 * printed; `toCanonical` is the only way a printed unit is turned into it.
 *
 * Special units: temperatures convert affinely (°C → K); CYCLE_COUNT ('cycles') and C_RATE ('C') are
 * counts and rates that only accept their own unit; OTHER keeps the printed unit and value unconverted.
 */
import { InvalidValueError } from '../errors.js';
import { convert, roundSignificant, toKelvin } from './units.js';

interface QuantityDef {
  readonly label: string;
  /** Canonical unit ('' for dimensionless). */
  readonly canonicalUnit: string;
  /** Values span decades: plot on a log axis (log10 offered). */
  readonly logScale?: boolean;
  /** Only these printed units (case-sensitive) are accepted, with factor 1. */
  readonly ownUnits?: readonly string[];
  /** What the label does not say (a sign convention), for the API's description of the property. */
  readonly description?: string;
  /** A dimensionless fraction that may also be printed in '%' (50 % is 0.5). */
  readonly percentAccepted?: boolean;
}

export const PROPERTIES = {
  IONIC_CONDUCTIVITY: { label: 'ionic conductivity', canonicalUnit: 'S/cm', logScale: true },
  ELECTRONIC_CONDUCTIVITY: { label: 'electronic conductivity', canonicalUnit: 'S/cm', logScale: true },
  ACTIVATION_ENERGY: { label: 'activation energy (of ionic conduction)', canonicalUnit: 'eV' },
  MIGRATION_BARRIER: { label: 'migration barrier of the mobile ion (usually computed)', canonicalUnit: 'eV' },
  DIFFUSION_COEFFICIENT: { label: 'diffusion coefficient', canonicalUnit: 'cm2/s', logScale: true },
  AREA_SPECIFIC_RESISTANCE: { label: 'area-specific (interfacial) resistance', canonicalUnit: 'Ω cm2' },
  RESISTANCE: { label: 'resistance (not normalised by area)', canonicalUnit: 'Ω' },
  CRITICAL_CURRENT_DENSITY: { label: 'critical current density', canonicalUnit: 'mA/cm2' },
  CURRENT_DENSITY: { label: 'current density', canonicalUnit: 'mA/cm2' },
  YOUNGS_MODULUS: { label: "Young's modulus", canonicalUnit: 'GPa' },
  SHEAR_MODULUS: { label: 'shear modulus', canonicalUnit: 'GPa' },
  BULK_MODULUS: { label: 'bulk modulus', canonicalUnit: 'GPa' },
  HARDNESS: { label: 'hardness', canonicalUnit: 'GPa' },
  FRACTURE_TOUGHNESS: { label: 'fracture toughness', canonicalUnit: 'MPa m0.5' },
  DENSITY: { label: 'density', canonicalUnit: 'g/cm3' },
  RELATIVE_DENSITY: { label: 'relative density', canonicalUnit: '%' },
  TRANSITION_TEMPERATURE: { label: 'phase-transition temperature', canonicalUnit: 'K' },
  TEMPERATURE: { label: 'temperature (other than a phase transition)', canonicalUnit: 'K' },
  LATTICE_PARAMETER: { label: 'lattice parameter', canonicalUnit: 'Å' },
  TRANSFERENCE_NUMBER: { label: 'transference number', canonicalUnit: '' },
  BAND_GAP: { label: 'band gap', canonicalUnit: 'eV' },
  REACTION_ENERGY: {
    label: 'reaction or decomposition energy',
    canonicalUnit: 'eV/atom',
    description:
      'reaction or decomposition energy, E(products) − E(reactants) per atom: negative = exothermic, the reaction is ' +
      'favourable (Richards et al., Chem. Mater. 28, 266 (2016), doi:10.1021/acs.chemmater.5b04082), the sign of the ' +
      'computed interface reactions. A value a review prints as a magnitude (famprikis 2019 "low reaction energies ' +
      '(20 meV per atom)") is stored negative; `printedValue` keeps what was printed',
  },
  ENERGY_ABOVE_HULL: { label: 'energy above the convex hull', canonicalUnit: 'eV/atom' },
  VOLUME_CHANGE: { label: 'volume change', canonicalUnit: '%' },
  THICKNESS: { label: 'thickness', canonicalUnit: 'nm' },
  GRAIN_SIZE: { label: 'grain or particle size', canonicalUnit: 'µm' },
  SPECIFIC_CAPACITY: { label: 'specific capacity', canonicalUnit: 'mAh/g' },
  AREAL_CAPACITY: { label: 'areal capacity', canonicalUnit: 'mAh/cm2' },
  CAPACITY_RETENTION: { label: 'capacity retention', canonicalUnit: '%' },
  CYCLE_COUNT: { label: 'number of cycles', canonicalUnit: 'cycles', ownUnits: ['cycles', 'cycle', ''] },
  COULOMBIC_EFFICIENCY: { label: 'Coulombic efficiency', canonicalUnit: '%' },
  FIRST_CYCLE_COULOMBIC_EFFICIENCY: { label: 'first-cycle Coulombic efficiency', canonicalUnit: '%' },
  ENERGY_DENSITY: { label: 'gravimetric energy density', canonicalUnit: 'Wh/kg' },
  VOLUMETRIC_ENERGY_DENSITY: { label: 'volumetric energy density', canonicalUnit: 'Wh/L' },
  POWER_DENSITY: { label: 'gravimetric power density', canonicalUnit: 'W/kg' },
  C_RATE: { label: 'C-rate', canonicalUnit: 'C', ownUnits: ['C'] },
  // a cell's times, one kind each (a bare TIME did not say which)
  TIME_TO_SHORT_CIRCUIT: { label: 'time until the cell short-circuited', canonicalUnit: 'h' },
  CYCLING_DURATION: { label: 'duration of stable cycling or plating/stripping (without short circuit)', canonicalUnit: 'h' },
  REST_DURATION: { label: 'time at rest (open circuit) before an impedance reading', canonicalUnit: 'h' },
  CHARGE_DURATION: { label: 'duration of one charge or discharge', canonicalUnit: 'h' },
  VOLTAGE: { label: 'voltage', canonicalUnit: 'V' },
  OVERPOTENTIAL: { label: 'overpotential', canonicalUnit: 'mV' },
  AREAL_LOADING: { label: 'areal loading of active material', canonicalUnit: 'mg/cm2' },
  PRESSURE: { label: 'pressure (stack, fabrication)', canonicalUnit: 'MPa' },
  // quantities the reviews print two or more times (named, no longer OTHER)
  HOP_DISTANCE: { label: 'distance between neighbouring sites of the mobile ion (hop or jump distance)', canonicalUnit: 'Å' },
  CHANNEL_VOLUME: { label: 'volume of the mobile-ion channels (Zeo++ or MD)', canonicalUnit: 'Å3' },
  STRIPPING_ENERGY: { label: 'energy cost of stripping a metal atom from a surface of the metal (computed)', canonicalUnit: 'eV/atom' },
  IONIC_RADIUS: { label: 'ionic radius (the ion is named in the record; the material is its element)', canonicalUnit: 'Å' },
  YIELD_STRENGTH: { label: 'yield strength', canonicalUnit: 'MPa' },
  WORK_OF_ADHESION: { label: 'work of adhesion with the counterpart named in the record', canonicalUnit: 'J/m2' },
  CONTACT_ANGLE: { label: 'wetting contact angle (of the metal named in the record)', canonicalUnit: '°', ownUnits: ['°'] },
  SITE_OCCUPANCY: { label: 'occupancy of a crystallographic site (fraction)', canonicalUnit: '', percentAccepted: true },
  RESISTANCE_INCREASE: { label: 'relative increase of a resistance or impedance', canonicalUnit: '%' },
  SPECIFIC_SURFACE_AREA: { label: 'specific surface area', canonicalUnit: 'm2/g' },
  PROCESSING_TIME: { label: 'duration of a synthesis or processing step (milling, heat treatment)', canonicalUnit: 'h' },
  X_RAY_ATTENUATION_LENGTH: { label: 'X-ray attenuation length', canonicalUnit: 'µm' },
  CAPACITY_UTILIZATION: { label: 'fraction of the theoretical capacity delivered', canonicalUnit: '%' },
  OTHER: { label: 'another quantity, named in the record; value and unit kept as printed', canonicalUnit: '' },
} as const satisfies Record<string, QuantityDef>;

export type PropertyKind = keyof typeof PROPERTIES;

export function isPropertyKind(value: string): value is PropertyKind {
  return Object.prototype.hasOwnProperty.call(PROPERTIES, value);
}

/** The canonical unit of a property ('' for dimensionless; for OTHER the printed unit is kept). */
export function canonicalUnit(property: PropertyKind): string {
  return PROPERTIES[property].canonicalUnit;
}

/**
 * Converts a value printed in `unit` to the canonical unit of `property`.
 * @throws InvalidValueError when the unit is unreadable or not a unit of that property.
 */
export function toCanonical(property: PropertyKind, value: number, unit: string): number {
  const def: QuantityDef = PROPERTIES[property];
  const printed = unit.trim();
  if (property === 'OTHER') return value;
  if (def.ownUnits) {
    if (!def.ownUnits.includes(printed)) {
      throw new InvalidValueError(unit, `not a unit of ${def.label}: use ${def.ownUnits.filter(Boolean).map((u) => `'${u}'`).join(' or ')}`);
    }
    return value;
  }
  if (def.canonicalUnit === '') {
    if (printed === '%' && def.percentAccepted) return roundSignificant(value / 100);
    if (printed !== '') throw new InvalidValueError(unit, `${def.label} is dimensionless: give no unit`);
    return value;
  }
  try {
    if (def.canonicalUnit === 'K') return toKelvin(value, printed);
    return convert(value, printed, def.canonicalUnit);
  } catch (e) {
    if (e instanceof InvalidValueError) {
      throw new InvalidValueError(unit, `not a unit of ${def.label} (${def.canonicalUnit}): ${e.problem}`);
    }
    throw e;
  }
}
