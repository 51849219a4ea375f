/**
 * The values the filters offer: the structural families read from the API once per page
 * (Query.structuralFamilies); the enums and keys the schema fixes, here once.
 */
import { gql } from './api.js';

let families: Promise<[string, string][]> | null = null;

export function structuralFamilies(): Promise<[string, string][]> {
  families ??= gql<{ structuralFamilies: { id: string; description: string }[] }>('query Families { structuralFamilies { id description } }').then((d) =>
    d.structuralFamilies.map((f) => [f.id, f.id.replace(/_/g, ' ')] as [string, string]),
  );
  families.catch(() => (families = null));
  return families;
}

/** The chemical classes of the API's ChemicalClass enum. */
export const CHEMICAL_CLASSES = ['SULFIDE', 'OXIDE', 'HALIDE', 'HYDRIDE', 'NITRIDE', 'OXYSULFIDE', 'PHOSPHIDE', 'POLYMER', 'COMPOSITE', 'ORGANIC', 'METAL', 'OTHER'];

/** The mobile ions of the API's `mobileIon` filters: the first of these a material contains. */
export const MOBILE_IONS = ['Li', 'Na', 'K', 'Mg', 'Ca', 'Zn', 'Ag'];

/** The keys of the five source reviews (the `review` filters). */
export const REVIEWS = ['banerjee2020', 'famprikis2019', 'feng2022', 'lewis2019', 'pasta2020'];
