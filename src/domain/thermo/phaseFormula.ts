/**
 * The formula a phase is known by, where its formula unit is a multiple of its reduced composition: a
 * diatomic element (O2, not 'O'), a peroxide (Li2O2, not 'LiO'), a polysulfide (Li2S8, not 'LiS4'),
 * S2Cl2 (not 'SCl'). The phase data give compositions only (cell formulas such as 'Li4O4', which say
 * nothing about the formula unit), so this is a table: pymatgen's `Composition.special_formulas`
 * (Ong et al., Comput. Mater. Sci. 68, 314 (2013), doi:10.1016/j.commatsci.2012.10.028: the diatomic gases
 * and alkali peroxides) extended with the heavier halogens, the alkali polysulfides M2Sn (n = 2–8, the
 * S–S chains of lithium–sulfur chemistry) and the S–S-bonded sulfur halides S2Cl2 and S2Br2. Any other
 * phase is known by its reduced formula.
 */

/** Reduced formula (Composition.reducedFormula) → the formula of the phase's formula unit. */
const FORMULA_UNITS: ReadonlyMap<string, string> = new Map([
  // pymatgen Composition.special_formulas
  ['LiO', 'Li2O2'],
  ['NaO', 'Na2O2'],
  ['KO', 'K2O2'],
  ['HO', 'H2O2'],
  ['CsO', 'Cs2O2'],
  ['RbO', 'Rb2O2'],
  ['O', 'O2'],
  ['N', 'N2'],
  ['F', 'F2'],
  ['Cl', 'Cl2'],
  ['H', 'H2'],
  // the heavier halogens, diatomic as the lighter ones
  ['Br', 'Br2'],
  ['I', 'I2'],
  // sulfur halides with an S–S bond
  ['SCl', 'S2Cl2'],
  ['SBr', 'S2Br2'],
  // alkali polysulfides M2Sn: reduced M S(n/2) for even n, M2Sn already for odd n
  ...(['Li', 'Na', 'K'] as const).flatMap((m) => [
    [`${m}S`, `${m}2S2`],
    [`${m}S2`, `${m}2S4`],
    [`${m}S3`, `${m}2S6`],
    [`${m}S4`, `${m}2S8`],
  ] as [string, string][]),
]);

/** The formula a phase of this reduced formula is known by (the reduced formula when the table has none). */
export function phaseFormula(reducedFormula: string): string {
  return FORMULA_UNITS.get(reducedFormula) ?? reducedFormula;
}

/** How many reduced formula units make one formula unit of the phase (2 for Li2O2, 1 for most phases). */
export function formulaUnitMultiple(reducedFormula: string): number {
  const named = FORMULA_UNITS.get(reducedFormula);
  if (!named) return 1;
  return atomCount(named) / atomCount(reducedFormula);
}

/** Atoms in a plain formula of element symbols and whole counts ('Li2O2' → 4). */
function atomCount(formula: string): number {
  let n = 0;
  for (const m of formula.matchAll(/[A-Z][a-z]?(\d*)/g)) n += m[1] ? Number(m[1]) : 1;
  return n;
}
