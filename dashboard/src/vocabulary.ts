/** The structural families of the API's vocabulary (Query.structuralFamilies), read once per page. */
import { gql } from './api.js';

let families: Promise<[string, string][]> | null = null;

export function structuralFamilies(): Promise<[string, string][]> {
  families ??= gql<{ structuralFamilies: { id: string; description: string }[] }>('query Families { structuralFamilies { id description } }').then((d) =>
    d.structuralFamilies.map((f) => [f.id, f.id.replace(/_/g, ' ')] as [string, string]),
  );
  families.catch(() => (families = null));
  return families;
}
