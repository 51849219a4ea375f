/**
 * Structural families of solid electrolytes: the controlled vocabulary, and how the labels that
 * sources print (any case and spelling: "garnet", "Garnet-like", "argyrodites", "cholorides") map to it.
 * The vocabulary follows the families the reviews use, e.g. Famprikis et al., Nat. Mater. 18, 1278 (2019),
 * doi:10.1038/s41563-019-0431-3; labels not listed map to OTHER, and the printed label is always kept.
 */
export const STRUCTURAL_FAMILIES = {
  GARNET: 'Garnet-type oxides, e.g. Li7La3Zr2O12 (LLZO) and its doped variants.',
  NASICON: 'NASICON-type phosphates, e.g. Li1.3Al0.3Ti1.7(PO4)3 (LATP), Li1.5Al0.5Ge1.5(PO4)3 (LAGP).',
  LISICON: 'LISICON-type oxides, e.g. Li14Zn(GeO4)4 and Li3+xPxSi1−xO4-type solid solutions.',
  THIO_LISICON: 'Thio-LISICON sulfides, e.g. Li3.25Ge0.25P0.75S4.',
  LGPS: 'Li10GeP2S12-type sulfides (LGPS, LSnPS, LSiPSCl).',
  ARGYRODITE: 'Argyrodite-type Li6PS5X (X = Cl, Br, I) and relatives.',
  NA3PS4: 'Na3PS4-type Na3AB4 (A = P, Sb, As; B = S, Se), e.g. Na3PS4, Na3SbS4, Na3PSe4 and their doped variants (Feng et al. 2022, section "Na3AB4").',
  PEROVSKITE: 'Perovskite-type oxides, e.g. Li3xLa2/3−xTiO3 (LLTO).',
  ANTIPEROVSKITE: 'Anti-perovskites, e.g. Li3OCl, Li2OHCl.',
  PYROCHLORE: 'Pyrochlore-type oxides and oxyfluorides.',
  LIPON: 'Lithium phosphorus oxynitride (LiPON) and related oxynitrides.',
  HALIDE: 'Halides (chlorides, bromides, iodides, fluorides), e.g. Li3YCl6, Li3InCl6.',
  HYDRIDE: 'Complex hydrides and hydride-based conductors, e.g. LiBH4, Li3AlH6.',
  NITRIDE: 'Nitrides and nitridosilicates, e.g. Li3N.',
  PHOSPHIDE: 'Phosphides, e.g. Li3P, Na3P, Li8SiP4.',
  SULFIDE: 'Sulfide and selenide conductors outside the named sulfide families (thiophosphates, glasses).',
  PHOSPHATE: 'Phosphates outside NASICON (diphosphates, fluorophosphates, tavorites, borophosphates).',
  BORATE: 'Borates (pyroborates, fluorooxoborates, boracites).',
  SILICATE: 'Silicates outside LISICON (e.g. sugilites).',
  OXIDE: 'Oxides outside the named oxide families (molybdates, zirconates, hexaoxometalates, ...).',
  POLYMER: 'Polymer electrolytes: PEO-, polycarbonate-, polyester-based, block copolymers, gel polymer electrolytes.',
  COMPOSITE: 'Composite (hybrid) electrolytes of a ceramic and a polymer, or of two solid electrolytes.',
  OTHER: 'A printed label that maps to none of the families above; the label itself is kept.',
} as const;

export type StructuralFamily = keyof typeof STRUCTURAL_FAMILIES;

/** Printed label (lower case, without spaces, hyphens or underscores) → family. */
const LABELS: Record<string, StructuralFamily> = {
  garnet: 'GARNET', garnets: 'GARNET', garnetlike: 'GARNET', garnettype: 'GARNET',
  nasicon: 'NASICON', nasicontype: 'NASICON', nasiconlike: 'NASICON',
  lisicon: 'LISICON',
  thiolisicon: 'THIO_LISICON',
  lgps: 'LGPS', lgpstype: 'LGPS',
  argyrodite: 'ARGYRODITE', argyrodites: 'ARGYRODITE',
  na3ab4: 'NA3PS4', na3ps4: 'NA3PS4', na3ps4type: 'NA3PS4',
  perovskite: 'PEROVSKITE', perovskites: 'PEROVSKITE',
  antiperovskite: 'ANTIPEROVSKITE', antiperovskites: 'ANTIPEROVSKITE',
  pyrochlore: 'PYROCHLORE', pyrochlores: 'PYROCHLORE',
  lipon: 'LIPON',
  halide: 'HALIDE', halides: 'HALIDE', chloride: 'HALIDE', chlorides: 'HALIDE', cholorides: 'HALIDE',
  bromide: 'HALIDE', bromides: 'HALIDE', iodide: 'HALIDE', iodides: 'HALIDE', fluoride: 'HALIDE', fluorides: 'HALIDE',
  hydride: 'HYDRIDE', hydrides: 'HYDRIDE', borohydride: 'HYDRIDE', borohydrides: 'HYDRIDE',
  nitride: 'NITRIDE', nitrides: 'NITRIDE', nitridosilicates: 'NITRIDE', boronnitride: 'NITRIDE',
  phosphide: 'PHOSPHIDE', phosphides: 'PHOSPHIDE',
  sulfide: 'SULFIDE', sulfides: 'SULFIDE', sulphides: 'SULFIDE', thiophosphate: 'SULFIDE', thiophosphates: 'SULFIDE',
  chalcogenidotetrelates: 'SULFIDE',
  phosphate: 'PHOSPHATE', phosphates: 'PHOSPHATE', diphosphate: 'PHOSPHATE', pyrophosphate: 'PHOSPHATE',
  fluorophosphates: 'PHOSPHATE', borophosphates: 'PHOSPHATE', tavorite: 'PHOSPHATE',
  borate: 'BORATE', borates: 'BORATE', copperpyroborate: 'BORATE', fluorooxoborate: 'BORATE', boracites: 'BORATE',
  silicate: 'SILICATE', silicates: 'SILICATE', sugilites: 'SILICATE',
  oxide: 'OXIDE', oxides: 'OXIDE', molybdates: 'OXIDE', zirconates: 'OXIDE', hexaoxometalates: 'OXIDE',
  lanthanumlithiumoxide: 'OXIDE',
  polymer: 'POLYMER', polymers: 'POLYMER', polymerelectrolyte: 'POLYMER', gelpolymer: 'POLYMER', gelpolymerelectrolyte: 'POLYMER',
  composite: 'COMPOSITE', composites: 'COMPOSITE', hybrid: 'COMPOSITE', compositeelectrolyte: 'COMPOSITE',
};

/**
 * The family a printed label stands for: null for an empty label, OTHER for an unknown one.
 * Matching ignores case, spaces, hyphens and underscores.
 */
export function familyFromLabel(label: string | null | undefined): StructuralFamily | null {
  const norm = (label ?? '').toLowerCase().replace(/[\s\-_]+/g, '');
  if (norm.length === 0) return null;
  return LABELS[norm] ?? 'OTHER';
}

/** True when `value` is a family of the vocabulary (e.g. user input). */
export function isStructuralFamily(value: string): value is StructuralFamily {
  return Object.prototype.hasOwnProperty.call(STRUCTURAL_FAMILIES, value);
}
