/**
 * The chemical class of a material by its anion chemistry, the coarse grouping the field uses for
 * solid electrolytes ("sulfide", "oxide", "halide" electrolytes): from the structural family where one is
 * known, else from the elements. Used to ask e.g. for coatings used with any sulfide electrolyte.
 */
import type { StructuralFamily } from './families.js';

export const CHEMICAL_CLASSES = {
  SULFIDE: 'sulfides and selenides, incl. thiophosphates, argyrodites, LGPS and thio-LISICON types',
  OXYSULFIDE: 'mixed oxide–sulfides (e.g. O-substituted thiophosphates)',
  OXIDE: 'oxides, incl. phosphates, silicates, borates, garnets, NASICON, perovskites; oxyhalides and oxynitrides',
  HALIDE: 'halides (F, Cl, Br, I) without oxygen or sulfur',
  NITRIDE: 'nitrides without oxygen',
  HYDRIDE: 'hydrides and complex hydrides',
  METAL: 'elements and alloys (Li, Na, In, Li–In...)',
  OTHER: 'none of the above',
} as const;
export type ChemicalClass = keyof typeof CHEMICAL_CLASSES;

const BY_FAMILY: Partial<Record<StructuralFamily, ChemicalClass>> = {
  ARGYRODITE: 'SULFIDE',
  LGPS: 'SULFIDE',
  THIO_LISICON: 'SULFIDE',
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
};

const HALOGENS = ['F', 'Cl', 'Br', 'I'];
const NON_METALS = new Set(['H', 'B', 'C', 'N', 'O', 'F', 'P', 'S', 'Cl', 'Se', 'Br', 'I', 'Te', 'Si', 'As']);

/** The class of a material with these elements (and structural family, if any); null when unknown. */
export function chemicalClass(elements: readonly string[], family: StructuralFamily | null): ChemicalClass | null {
  const fromFamily = family ? BY_FAMILY[family] : undefined;
  if (fromFamily) return fromFamily;
  if (elements.length === 0) return null;
  const has = (e: string) => elements.includes(e);
  const chalcogen = has('S') || has('Se');
  if (chalcogen && has('O')) return 'OXYSULFIDE';
  if (chalcogen) return 'SULFIDE';
  if (has('O')) return 'OXIDE';
  if (HALOGENS.some(has)) return 'HALIDE';
  if (has('N')) return 'NITRIDE';
  if (has('H')) return 'HYDRIDE';
  if (elements.every((e) => !NON_METALS.has(e))) return 'METAL';
  return 'OTHER';
}
