/**
 * Every name of the seed's materials, under the lookup key that makes it case- and notation-insensitive
 * (domain/materialNames.ts): written as MaterialName nodes, looked up by an index on their key and
 * searched through a full-text index on their text.
 *
 * - ID: a named material's registry id (`LiPON`, `beta-alumina`, `Li2S-P2S5-glass`);
 * - NAME: a curated name (`LLZO`, `Li6PS5Cl (argyrodite)`); a composition's own reduced formula is not
 *   a name (formulas are read as formulas, case-sensitively: `CO` is not `Co`);
 * - ALIAS: an alias or abbreviation, in the review where it holds (or every review), with its variant
 *   (`LLZTO` is the Ta-doped variant of Li7La3Zr2O12);
 * - VARIANT: a polymorph written before its material's formula, curated name or global alias
 *   (`beta-Li3PS4`, `cubic-LLZO`), with the variant.
 */
import { nameKey } from '../../domain/materialNames.js';
import type { AliasOut, MaterialNameOut, MaterialOut, VariantOut } from '../../graph/seed.records.js';

export function materialNames(materials: readonly MaterialOut[], variants: readonly VariantOut[], aliases: readonly AliasOut[]): MaterialNameOut[] {
  const out = new Map<string, MaterialNameOut>();
  const add = (n: Omit<MaterialNameOut, 'key'>) => {
    const key = nameKey(n.text);
    if (!key) return;
    const id = [key, n.kind, n.materialId, n.variantId ?? '', n.review ?? ''].join('\u0000');
    if (!out.has(id)) out.set(id, { key, ...n });
  };
  const byId = new Map(materials.map((m) => [m.id, m]));
  for (const m of materials) {
    if (m.kind === 'NAMED') add({ text: m.id.replace(/^named:/, ''), kind: 'ID', review: null, materialId: m.id, variantId: null });
    if (m.name !== m.reducedFormula) add({ text: m.name, kind: 'NAME', review: null, materialId: m.id, variantId: null });
  }
  for (const a of aliases) add({ text: a.alias, kind: 'ALIAS', review: a.review, materialId: a.materialId, variantId: a.variantId });
  for (const v of variants) {
    const m = byId.get(v.materialId);
    if (!v.polymorph || !m) continue;
    const bases = new Set([m.formula, m.reducedFormula, m.kind === 'NAMED' ? m.id.replace(/^named:/, '') : null, m.name !== m.reducedFormula ? m.name : null]);
    for (const a of aliases) if (a.materialId === m.id && a.review === null && a.variantId === null) bases.add(a.alias);
    for (const base of bases) {
      if (base) add({ text: `${v.polymorph}-${base}`, kind: 'VARIANT', review: null, materialId: m.id, variantId: v.id });
    }
  }
  const order = (n: MaterialNameOut) => [n.key, n.materialId, n.kind, n.review ?? '', n.variantId ?? '', n.text].join('\u0000');
  return [...out.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
