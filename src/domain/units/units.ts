/**
 * Units as printed in the literature, and conversion to one canonical unit per property.
 *
 * A unit text is read as a product of prefixed base units with integer powers: `S/cm`, `S cm-1`,
 * `S cm⁻¹`, `S·cm^-1`, `mS cm−1`, `Ω cm2`, `mA cm-2`, `meV`, `kJ/mol`. Conversions go through SI with
 * a dimension check, so `mS/cm` → `S/cm` multiplies by 1e-3 and `mA/cm2` → `S/cm` is an error; a
 * quantity per mole converts to one per particle through Avogadro's constant (kJ/mol → eV).
 * Temperatures in °C are affine and handled by `toKelvin`.
 *
 * Constants: elementary charge e = 1.602176634e-19 C and Avogadro constant N_A = 6.02214076e23 /mol,
 * exact in the SI since 2019 (CODATA 2018, Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021),
 * doi:10.1103/RevModPhys.93.025010), so 1 eV per particle = 96.485332123 kJ/mol.
 */
import { InvalidValueError } from '../errors.js';

/** SI base dimensions used here: length, mass, time, current, temperature, amount of substance. */
type Dim = readonly [number, number, number, number, number, number];

interface UnitDef {
  readonly factor: number; // to SI
  readonly dim: Dim;
}

const ELEMENTARY_CHARGE_C = 1.602176634e-19;
const AVOGADRO_PER_MOL = 6.02214076e23;

/** 1 eV (per atom or per formula unit) in kJ/mol. */
export const KJ_PER_MOL_PER_EV = (ELEMENTARY_CHARGE_C * AVOGADRO_PER_MOL) / 1000;

/** Room temperature as the conventional 25 °C = 298.15 K (IUPAC standard ambient temperature,
 * doi:10.1351/goldbook.S05921). Used where a source says only "room temperature". */
export const ROOM_TEMPERATURE_K = 298.15;

const BASE: Record<string, UnitDef> = {
  m: { factor: 1, dim: [1, 0, 0, 0, 0, 0] },
  g: { factor: 1e-3, dim: [0, 1, 0, 0, 0, 0] },
  s: { factor: 1, dim: [0, 0, 1, 0, 0, 0] },
  h: { factor: 3600, dim: [0, 0, 1, 0, 0, 0] },
  min: { factor: 60, dim: [0, 0, 1, 0, 0, 0] },
  A: { factor: 1, dim: [0, 0, 0, 1, 0, 0] },
  K: { factor: 1, dim: [0, 0, 0, 0, 1, 0] },
  mol: { factor: 1, dim: [0, 0, 0, 0, 0, 1] },
  // derived: S = A²·s³/(kg·m²), Ω = kg·m²/(A²·s³), V = kg·m²/(A·s³), J = kg·m²/s², eV = e·J, C = A·s
  S: { factor: 1, dim: [-2, -1, 3, 2, 0, 0] },
  W: { factor: 1, dim: [2, 1, -3, 0, 0, 0] },
  Ah: { factor: 3600, dim: [0, 0, 1, 1, 0, 0] },
  Wh: { factor: 3600, dim: [2, 1, -2, 0, 0, 0] },
  L: { factor: 1e-3, dim: [3, 0, 0, 0, 0, 0] },
  Å: { factor: 1e-10, dim: [1, 0, 0, 0, 0, 0] },
  // counts and ratios (dimensionless)
  atom: { factor: 1, dim: [0, 0, 0, 0, 0, 0] },
  '%': { factor: 0.01, dim: [0, 0, 0, 0, 0, 0] },
  Ω: { factor: 1, dim: [2, 1, -3, -2, 0, 0] },
  ohm: { factor: 1, dim: [2, 1, -3, -2, 0, 0] },
  V: { factor: 1, dim: [2, 1, -3, -1, 0, 0] },
  J: { factor: 1, dim: [2, 1, -2, 0, 0, 0] },
  eV: { factor: ELEMENTARY_CHARGE_C, dim: [2, 1, -2, 0, 0, 0] },
  C: { factor: 1, dim: [0, 0, 1, 1, 0, 0] },
  Pa: { factor: 1, dim: [-1, 1, -2, 0, 0, 0] },
};

const PREFIX: Record<string, number> = {
  G: 1e9, M: 1e6, k: 1e3, c: 1e-2, m: 1e-3, µ: 1e-6, μ: 1e-6, u: 1e-6, n: 1e-9, p: 1e-12,
};

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-',
};

/** A unit text reduced to SI: value_SI = value × factor, with dimension `dim`. */
export interface ParsedUnit {
  readonly text: string;
  readonly factor: number;
  readonly dim: Dim;
}

/**
 * Reads a unit text. Percent, dimensionless and affine (°C) units are not handled here.
 * @throws InvalidValueError naming the token that is not a known unit.
 */
export function parseUnit(text: string): ParsedUnit {
  let s = text.normalize('NFC').trim();
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (c) => SUPERSCRIPTS[c] ?? c).replace(/[−–]/g, '-');
  s = s.replace(/\^/g, '').replace(/[·⋅*]/g, ' ').replace(/√(\w+)/g, '$10.5');
  // fractional powers written as fractions: 'MPa m1/2' → 'MPa m0.5'
  s = s.replace(/([A-Za-z])(\d+)\/(\d+)(?![\w])/g, (_m, u: string, a: string, b: string) => `${u}${Number(a) / Number(b)}`);
  if (s.length === 0) throw new InvalidValueError(text, 'unit is empty');
  let factor = 1;
  const dim = [0, 0, 0, 0, 0, 0];
  const parts = s.split('/');
  if (parts.length > 2) throw new InvalidValueError(text, "unit has more than one '/'");
  parts.forEach((part, i) => {
    const sign = i === 0 ? 1 : -1;
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) throw new InvalidValueError(text, "nothing on one side of '/'");
    for (const token of tokens) {
      const m = /^([A-Za-zΩµμÅ%]+)(-?\d+(?:\.\d+)?|-?\d+\/\d+)?$/.exec(token);
      if (!m) throw new InvalidValueError(text, `cannot read unit '${token}'`);
      const def = lookup(m[1]!);
      if (!def) throw new InvalidValueError(text, `unknown unit '${m[1]}'`);
      const exponent = m[2] ?? '1';
      const [num, den] = exponent.split('/');
      const power = sign * (den ? Number(num) / Number(den) : Number(num));
      factor *= def.factor ** power;
      def.dim.forEach((d, k) => (dim[k] = dim[k]! + d * power));
    }
  });
  return { text, factor, dim: dim as unknown as Dim };
}

function lookup(symbol: string): UnitDef | undefined {
  const direct = BASE[symbol];
  if (direct) return direct;
  const prefix = PREFIX[symbol[0]!];
  const base = BASE[symbol.slice(1)];
  if (prefix !== undefined && base) return { factor: prefix * base.factor, dim: base.dim };
  return undefined;
}

/**
 * Converts `value` from unit text `from` to unit text `to`.
 * @throws InvalidValueError when either unit is unreadable or their dimensions differ.
 */
export function convert(value: number, from: string, to: string): number {
  const a = parseUnit(from);
  const b = parseUnit(to);
  const sameExceptAmount = a.dim.every((d, i) => i === 5 || d === b.dim[i]);
  if (!sameExceptAmount) throw new InvalidValueError(from, `cannot convert to '${to}': different dimensions`);
  // Per mole ↔ per particle (kJ/mol ↔ eV): one power of mol⁻¹ is exchanged for Avogadro's constant.
  const perMole = a.dim[5]! - b.dim[5]!;
  if (Math.abs(perMole) > 1) throw new InvalidValueError(from, `cannot convert to '${to}': different dimensions`);
  return roundSignificant((value * a.factor * AVOGADRO_PER_MOL ** perMole) / b.factor);
}

/**
 * Rounds to 12 significant digits: removes binary noise of unit factors (0.1 mS/cm is 1e-4 S/cm, not
 * 1.0000000000000002e-4) while staying far below any printed precision.
 */
export function roundSignificant(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}

/**
 * Rounds `x` to 12 significant digits of `scale` (the magnitude of the numbers it is computed from), so that
 * the noise of a sum near zero goes too: with min −5 and width 0.1, edge 53 is 0.3 (not 0.3000000000000007)
 * and, with min −0.3, edge 3 is 0 (not 5.55e-17). Decimal text is rounded, never multiplied back.
 */
export function roundToScale(x: number, scale: number): number {
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(scale) || scale === 0) return roundSignificant(x);
  const decimals = 12 - Math.ceil(Math.log10(Math.abs(scale)));
  if (decimals <= 0) return roundSignificant(x);
  const rounded = Number(x.toFixed(Math.min(decimals, 100)));
  return rounded === 0 ? 0 : rounded; // never -0
}

/** True when the unit text has the dimension of `reference` (e.g. is a conductivity like 'S/cm'). */
export function hasSameDimension(unit: string, reference: string): boolean {
  const a = parseUnit(unit);
  const b = parseUnit(reference);
  return a.dim.every((d, i) => d === b.dim[i]);
}

/**
 * Temperature in K from a value and a unit: 'K', '°C' / 'oC' / 'C' (degrees Celsius), '°F'.
 * @throws InvalidValueError for other units or a result below 0 K.
 */
export function toKelvin(value: number, unit: string): number {
  const u = unit.trim().replace(/^º/, '°');
  let k: number;
  if (u === 'K') k = value;
  else if (u === '°C' || u === 'oC' || u === 'C' || u === '℃') k = value + 273.15;
  else if (u === '°F') k = ((value - 32) * 5) / 9 + 273.15;
  else throw new InvalidValueError(unit, 'not a temperature unit (K or °C)');
  if (k < 0) throw new InvalidValueError(`${value} ${unit}`, 'below absolute zero');
  // −20 °C is 253.15 K, not 253.14999999999998
  return roundSignificant(k);
}

/** A temperature as a source prints it, read where possible. */
export interface ReadTemperature {
  /** Single temperature in K, or null for ranges and unreadable text. */
  kelvin: number | null;
  minK: number | null;
  maxK: number | null;
  /** True when the text only says "room temperature" (read as ROOM_TEMPERATURE_K). */
  nominal: boolean;
}

/**
 * Reads 'RT', 'room temperature', 'ambient', '25 °C', '300 K', '−20 °C', '25–100 °C', '60°C', and
 * one-sided bounds ('> 60 °C', 'above 150°C' give minK; '< 0 °C', 'below 0 °C' give maxK).
 * Anything else gives nulls (the text is kept by the caller).
 */
export function readTemperature(text: string): ReadTemperature {
  const t = text.normalize('NFC').trim().replace(/−/g, '-').replace(/º/g, '°');
  if (/^(rt|r\.t\.|room[ -]temperature|ambient(?: temperature)?)$/i.test(t)) {
    return { kelvin: ROOM_TEMPERATURE_K, minK: null, maxK: null, nominal: true };
  }
  const unit = String.raw`\s*(°C|℃|oC|K)`;
  const num = String.raw`(-?\d+(?:\.\d+)?)`;
  const single = new RegExp(`^${num}${unit}$`).exec(t);
  if (single) return { kelvin: toKelvin(Number(single[1]), single[2]!), minK: null, maxK: null, nominal: false };
  const range = new RegExp(`^${num}\\s*(?:–|-|to)\\s*${num}${unit}$`).exec(t);
  if (range) {
    return { kelvin: null, minK: toKelvin(Number(range[1]), range[3]!), maxK: toKelvin(Number(range[2]), range[3]!), nominal: false };
  }
  const bound = new RegExp(`^(>|≥|>=|above|over|<|≤|<=|below|under)\\s*${num}${unit}$`, 'i').exec(t);
  if (bound) {
    const k = toKelvin(Number(bound[2]), bound[3]!);
    const lower = /^(>|≥|>=|above|over)$/i.test(bound[1]!);
    return { kelvin: null, minK: lower ? k : null, maxK: lower ? null : k, nominal: false };
  }
  return { kelvin: null, minK: null, maxK: null, nominal: false };
}

/** Canonical units of counts and rates that have no other unit: cycles, a C-rate ('C', not the coulomb), an angle in degrees. */
const OWN_UNITS = new Set(['cycles', 'C', '°']);

/** Temperature units `fromCanonicalUnit` reads, with their offset from K (K = value × 1 + offset; °F also scales). */
const TEMPERATURE_UNITS: Record<string, { scale: number; offset: number }> = {
  K: { scale: 1, offset: 0 },
  '°C': { scale: 1, offset: 273.15 },
  '℃': { scale: 1, offset: 273.15 },
  oC: { scale: 1, offset: 273.15 },
  '°F': { scale: 5 / 9, offset: 273.15 - (32 * 5) / 9 },
};

/**
 * How a number relates to its unit: a LEVEL (a value, a bound, a temperature: °C is offset from K) or a
 * DIFFERENCE of two levels (an uncertainty, a width: 1 K of difference is 1 °C).
 */
export type NumberKind = 'LEVEL' | 'DIFFERENCE';

/**
 * `value`, held in the unit `from` (a canonical unit: 'S/cm', 'eV', 'K', '' for a dimensionless number),
 * given in the unit `to` ('mS/cm', 'S/m', 'meV', 'kJ/mol', '°C', '%'...). Same unit: unchanged. Temperatures
 * convert affinely for a LEVEL (25 °C = 298.15 K), by scale alone for a DIFFERENCE; '' and '%' are fractions
 * (0.5 = 50 %); any other pair goes through `convert` (SI with a dimension check, per mole ↔ per particle
 * through Avogadro's constant). Rounded to 12 significant digits. Counts and rates in their own unit ('cycles',
 * 'C' for a C-rate, '°') are given in it only.
 * @throws InvalidValueError when `to` is unreadable or of another dimension than `from`, or `from` is an own unit.
 */
export function fromCanonicalUnit(value: number, from: string, to: string, kind: NumberKind = 'LEVEL'): number {
  const target = to.normalize('NFC').trim().replace(/^º/, '°');
  if (target === from) return value;
  if (OWN_UNITS.has(from)) throw new InvalidValueError(to, `a value in '${from}' is given in its own unit only`);
  const tFrom = TEMPERATURE_UNITS[from];
  const tTo = TEMPERATURE_UNITS[target];
  if (tFrom || tTo) {
    if (!tFrom || !tTo) throw new InvalidValueError(to, `cannot give a value in '${from || 'no unit'}' in '${to}': different dimensions`);
    const kelvin = value * tFrom.scale + (kind === 'LEVEL' ? tFrom.offset : 0);
    // rounded at the precision of the number in K: 273.14 K is −0.01 °C, not −0.00999999999999
    return roundToScale((kelvin - (kind === 'LEVEL' ? tTo.offset : 0)) / tTo.scale, kelvin);
  }
  if (from !== '') readableStoredUnit(from);
  if (from === '' || target === '') {
    const other = from === '' ? target : from;
    const factor = other === '' ? 1 : parseUnit(other).factor; // '%' is 0.01
    if (other !== '' && parseUnit(other).dim.some((d) => d !== 0)) {
      throw new InvalidValueError(to, `cannot give a value in '${from || 'no unit'}' in '${to}': different dimensions`);
    }
    return roundSignificant(from === '' ? value / factor : value * factor);
  }
  checkSameBasis(from, target);
  return convert(value, from, target);
}

/** A stored unit kept as printed (OTHER: 'wt%', 'V vs Li/Li+') that the unit core cannot read is given only as it is. */
function readableStoredUnit(from: string): void {
  try {
    parseUnit(from);
  } catch {
    throw new InvalidValueError(from, 'the stored unit cannot be read, so the number is given in it only');
  }
}

/**
 * 'atom' counts as dimensionless, so eV, eV/atom and meV/atom would convert into each other silently: a number
 * per atom is given per atom (or per mole of atoms, kJ/mol), and a number per formula unit or per mole of
 * reaction never per atom.
 */
function checkSameBasis(from: string, to: string): void {
  const perAtom = (u: string) => /atom/.test(u);
  if (perAtom(from) === perAtom(to) || (perAtom(from) && /mol/.test(to))) return;
  const [a, b] = [parseUnit(from).dim, parseUnit(to).dim];
  if (a.some((d, i) => i !== 5 && d !== b[i])) return; // `convert` names the different dimensions (per mole aside)
  throw new InvalidValueError(to, `'${from}' and '${to}' differ in basis (per atom or not)`);
}

/**
 * Units like `unit` a user may ask for, for error messages: the unit itself, its common SI prefixes, per m
 * for per cm, °C and °F for K, kJ/mol for an energy per particle, % for a fraction; only those that
 * `fromCanonicalUnit` converts to. A count or rate in its own unit ('cycles', 'C' for a C-rate, '°') has no other.
 */
export function unitsLike(unit: string): string[] {
  if (OWN_UNITS.has(unit)) return [unit];
  if (TEMPERATURE_UNITS[unit]) return ['K', '°C', '°F'];
  if (unit === '' || unit === '%') return ['', '%'];
  const head = /^([A-Za-zΩµÅ]+)(.*)$/.exec(unit);
  let base = head?.[1] ?? '';
  if (!BASE[base] && PREFIX[base[0] ?? ''] !== undefined && BASE[base.slice(1)]) base = base.slice(1);
  const prefixes = base === 'Pa' ? ['', 'k', 'M', 'G'] : ['', 'm', 'µ', 'n', 'k'];
  const prefixed = head && BASE[base] && base !== 'Å' ? prefixes.map((p) => p + base + head[2]) : [];
  const candidates = [unit, ...prefixed, unit.replace('/cm', '/m'), unit.replace('cm', 'm'), 'kJ/mol', ...(unit === 'Å' ? ['nm', 'pm'] : [])];
  return [...new Set(candidates)].filter((u) => {
    try {
      fromCanonicalUnit(1, unit, u);
      return true;
    } catch {
      return false;
    }
  });
}
