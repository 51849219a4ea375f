/**
 * The mobile ion of a solid electrolyte, as the statistics group materials by it: not stored, derived
 * from the material's elements — the first of these elements it contains, in this order of precedence
 * (a Li–Na mixed conductor counts as a Li conductor). A material with none of them has no mobile ion
 * (null), e.g. a named polymer without a composition.
 */
export const MOBILE_IONS = ['Li', 'Na', 'K', 'Mg', 'Ca', 'Zn', 'Ag'] as const;
export type MobileIon = (typeof MOBILE_IONS)[number];

/** The mobile ion of a material with these elements, or null. */
export function mobileIon(elements: readonly string[]): MobileIon | null {
  return MOBILE_IONS.find((e) => elements.includes(e)) ?? null;
}
