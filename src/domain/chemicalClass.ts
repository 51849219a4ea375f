/**
 * The chemical class of a material by its anion chemistry, the coarse grouping the field uses for
 * solid electrolytes ("sulfide", "oxide", "halide" electrolytes): from the structural family where one is
 * known and the elements agree with it, else from the elements. Used to ask e.g. for coatings used with
 * any sulfide electrolyte.
 */
import type { StructuralFamily } from './families.js';

export const CHEMICAL_CLASSES = {
  SULFIDE: 'sulfides and selenides, incl. thiophosphates, argyrodites, LGPS and thio-LISICON types',
  OXYSULFIDE: 'mixed oxide–sulfides (e.g. O-substituted thiophosphates)',
  OXIDE: 'oxides, incl. phosphates, sulfates, silicates, borates, garnets, NASICON, perovskites; oxyhalides and oxynitrides',
  HALIDE: 'halides (F, Cl, Br, I) without oxygen or sulfur',
  NITRIDE: 'nitrides without oxygen',
  HYDRIDE: 'hydrides and complex hydrides (borohydrides, closo-borates, amides), also with a halide (LiBH4·LiI)',
  PHOSPHIDE: 'phosphides: P as the anion, without O, S, Se or a halogen (Li3P, Na3P, Li8SiP4)',
  METAL: 'elements and alloys (Li, Na, In, Si, Li–In, Li–Si...)',
  POLYMER: 'polymers: polymer and gel-polymer electrolytes, polymer binders, hosts and films',
  COMPOSITE: 'composites of two or more phases of different class (ceramic–polymer electrolytes, metal–carbon layers)',
  ORGANIC: 'molecular organic compounds and salts, and their liquid or ionic-liquid solutions (succinonitrile, glymes, LiTFSI, liquid electrolytes)',
  OTHER: 'none of the above (non-metallic elements such as S or C, cyanides, class-level placeholders)',
} as const;
export type ChemicalClass = keyof typeof CHEMICAL_CLASSES;

const BY_FAMILY: Partial<Record<StructuralFamily, ChemicalClass>> = {
  ARGYRODITE: 'SULFIDE',
  LGPS: 'SULFIDE',
  THIO_LISICON: 'SULFIDE',
  NA3PS4: 'SULFIDE',
  SULFIDE: 'SULFIDE',
  GARNET: 'OXIDE',
  NASICON: 'OXIDE',
  LISICON: 'OXIDE',
  PEROVSKITE: 'OXIDE',
  ANTIPEROVSKITE: 'OXIDE',
  PYROCHLORE: 'OXIDE',
  LIPON: 'OXIDE',
  PHOSPHATE: 'OXIDE',
  BORATE: 'OXIDE',
  SILICATE: 'OXIDE',
  OXIDE: 'OXIDE',
  HALIDE: 'HALIDE',
  NITRIDE: 'NITRIDE',
  HYDRIDE: 'HYDRIDE',
  PHOSPHIDE: 'PHOSPHIDE',
  POLYMER: 'POLYMER',
  COMPOSITE: 'COMPOSITE',
};

const HALOGENS = ['F', 'Cl', 'Br', 'I'];
/** Non-metals for the METAL test; Si and Ge count as metals there (Li–Si alloys, a Si interlayer). */
const NON_METALS = new Set(['H', 'B', 'C', 'N', 'O', 'F', 'P', 'S', 'Cl', 'Se', 'Br', 'I', 'Te', 'As']);

/** What a family's class needs among the elements (R0): a sulfide family S or Se, an oxide family O... */
const NEEDS: Partial<Record<ChemicalClass, (has: (e: string) => boolean) => boolean>> = {
  SULFIDE: (has) => has('S') || has('Se'),
  OXIDE: (has) => has('O'),
  HALIDE: (has) => HALOGENS.some(has),
  NITRIDE: (has) => has('N'),
  HYDRIDE: (has) => has('H'),
  PHOSPHIDE: (has) => has('P'),
};

/** The elements of a material, with their amounts where a composition is known. */
export type ClassInput = readonly string[] | { readonly elements: readonly string[]; amountOf(element: string): number };

/**
 * The class of a material with these elements (and structural family, if any); null when neither is known.
 *
 * - A family gives its class (BY_FAMILY) when the elements agree with it (a sulfide family needs S or Se,
 *   an oxide family O, a halide family a halogen...); a family whose class the elements contradict (OBELiX
 *   files Li3P under "phosphates", Li6SiO4Cl2 under "argyrodites") is overruled by the elements. A sulfide
 *   family with non-sulfate O is OXYSULFIDE (Li10GeP2S11.7O0.3).
 * - From the elements alone, in this order: one element → METAL (a metal, Si, Ge) or OTHER (S, C, O2);
 *   C with H → ORGANIC; C with N (no H) → OTHER (cyanides); S or Se → OXIDE when O ≥ 4·(S+Se) (sulfates),
 *   OXYSULFIDE with other O, else SULFIDE (in a hydrate, with at least as much H as O, the O bound to
 *   H, H/2, is not counted: Na3SbS4·8H2O is a sulfide);
 *   O → OXIDE; H (no O, no C) → HYDRIDE, before the halogens (3LiBH4·LiI); a halogen → HALIDE;
 *   N → NITRIDE; P → PHOSPHIDE; only metals (Si, Ge included) → METAL; else OTHER.
 * Without amounts (a named material's elements) the sulfate and hydrate tests are skipped.
 */
export function chemicalClass(input: ClassInput, family: StructuralFamily | null): ChemicalClass | null {
  const elements: readonly string[] = isList(input) ? input : input.elements;
  const amount = (e: string): number | null => (isList(input) ? null : input.amountOf(e));
  const fromFamily = family ? BY_FAMILY[family] : undefined;
  if (elements.length === 0) return fromFamily ?? null;
  const byElements = fromElements(elements, amount);
  if (!fromFamily) return byElements;
  const has = (e: string) => elements.includes(e);
  const needs = NEEDS[fromFamily];
  if (needs && !needs(has)) return byElements;
  if (fromFamily === 'SULFIDE' && byElements === 'OXYSULFIDE') return 'OXYSULFIDE';
  return fromFamily;
}

function isList(input: ClassInput): input is readonly string[] {
  return Array.isArray(input);
}

function fromElements(elements: readonly string[], amount: (e: string) => number | null): ChemicalClass {
  const has = (e: string) => elements.includes(e);
  if (elements.length === 1) return NON_METALS.has(elements[0]!) ? 'OTHER' : 'METAL';
  if (has('C') && has('H')) return 'ORGANIC';
  if (has('C') && has('N')) return 'OTHER';
  const chalcogen = has('S') || has('Se');
  if (chalcogen) {
    if (!has('O')) return 'SULFIDE';
    const total = amount('O');
    if (total === null) return 'OXYSULFIDE';
    const s = (amount('S') ?? 0) + (amount('Se') ?? 0);
    const h = amount('H') ?? 0;
    // a hydrate (at least as much H as O): the O bound to H as water or hydroxide is not an anion of the sulfide
    const o = h >= total ? total - h / 2 : total;
    if (o <= 1e-9) return 'SULFIDE';
    return o >= 4 * s - 1e-9 ? 'OXIDE' : 'OXYSULFIDE';
  }
  if (has('O')) return 'OXIDE';
  if (has('H') && !has('C')) return 'HYDRIDE';
  if (HALOGENS.some(has)) return 'HALIDE';
  if (has('N')) return 'NITRIDE';
  if (has('P')) return 'PHOSPHIDE';
  if (elements.every((e) => !NON_METALS.has(e))) return 'METAL';
  return 'OTHER';
}
