/**
 * The one resolver of what a user means by a material, for every argument that takes one (filters,
 * thermodynamics): an id ('Ge1Li10P2S12', 'named:LiPON'), a registry id, curated or display name,
 * alias or abbreviation of a review, or a polymorph's name ('LiPON', 'Lipon', 'LLZO', 'llzo', 'LPSCl',
 * 'β-Li3PS4', 'beta-alumina', 'Li2S-P2S5 glass'), case- and notation-insensitively
 * (domain/materialNames.ts), or else a formula in any notation ('Li6PS5Cl', 'Li₁₀GeP₂S₁₂').
 *
 * A name always wins over reading the text as a formula. One lookup, by index (MaterialStore.lookupName).
 */
import { parseFormula } from '../domain/chemistry/formula.js';
import { excerpt, InvalidFormulaError } from '../domain/errors.js';
import { nameKey } from '../domain/materialNames.js';
import type { MaterialStore, NameMatch } from '../graph/material.store.js';
import type { VariantRecord } from '../graph/records.js';
import { InvalidArgumentError } from './errors.js';

/** Longest text looked up as a name (characters); the longest name in the seed has about 110. */
const MAX_NAME_LENGTH = 200;

/** What a text names. */
export type MaterialRef =
  | {
      /** A material of the graph, found by id or name. */
      via: 'NAME';
      materialId: string;
      materialName: string;
      kind: 'COMPOSITION' | 'NAMED';
      /** The curated formula (null for a named material). */
      formula: string | null;
      /** The variant the name stands for (LLZTO: Ta-doped Li7La3Zr2O12), or null for the material itself. */
      variant: VariantRecord | null;
    }
  | {
      /** A formula read as a composition (its key; the graph may hold no material of it). */
      via: 'FORMULA';
      materialId: string;
      formula: string;
    };

/**
 * What `text` names.
 * @throws InvalidArgumentError(argument) when the text is empty, names nothing and is no formula, or
 *   names several materials (an abbreviation that means different materials in different reviews, LPS);
 *   the message lists them with the reviews, so the user can pick one by formula or id.
 */
export async function resolveMaterial(store: MaterialStore, text: string, argument: string): Promise<MaterialRef> {
  const t = text.trim();
  if (!t) throw new InvalidArgumentError(argument, 'is empty');
  // no name is this long: a longer text is read as a formula only (and never sent to the index)
  const matches = t.length <= MAX_NAME_LENGTH ? await store.lookupName(t, nameKey(t)) : [];
  const exactId = matches.find((m) => m.nameKind === null);
  if (exactId) return named(exactId, []);
  const byMaterial = groupByMaterial(matches);
  let chosen = [...byMaterial.values()];
  // a key shared only after case folding: the material written exactly so wins
  if (chosen.length > 1) {
    const exact = chosen.filter((ms) => ms.some((m) => m.nameText === t));
    if (exact.length === 1) chosen = exact;
  }
  if (chosen.length === 1) return named(chosen[0]![0]!, chosen[0]!);
  if (chosen.length > 1) {
    const options = chosen.map((ms) => {
      const reviews = [...new Set(ms.map((m) => m.review).filter((r): r is string => r !== null))];
      return `${ms[0]!.materialId}${reviews.length ? ` (in ${reviews.join(', ')})` : ''}`;
    });
    throw new InvalidArgumentError(argument, `'${excerpt(t)}' names ${chosen.length} materials: ${options.join('; ')}; give a formula or id`);
  }
  try {
    const c = parseFormula(t);
    return { via: 'FORMULA', materialId: c.key, formula: t };
  } catch (e) {
    if (!(e instanceof InvalidFormulaError)) throw e;
    throw new InvalidArgumentError(argument, t.length > MAX_NAME_LENGTH ? e.message : `${e.message}; nor is it a material id, name or alias`);
  }
}

/** The material ids `text` stands for in a filter (a variant's name stands for its material). */
export async function resolveMaterialRef(store: MaterialStore, text: string, argument: string): Promise<string[]> {
  return [(await resolveMaterial(store, text, argument)).materialId];
}

function groupByMaterial(matches: readonly NameMatch[]): Map<string, NameMatch[]> {
  const groups = new Map<string, NameMatch[]>();
  for (const m of matches) groups.set(m.materialId, [...(groups.get(m.materialId) ?? []), m]);
  return groups;
}

/** The material, with the variant when every name that matched stands for the same variant. */
function named(m: NameMatch, all: readonly NameMatch[]): MaterialRef {
  const variants = new Set(all.map((x) => x.variant?.id ?? ''));
  const variant = variants.size === 1 && !variants.has('') ? all[0]!.variant : null;
  return { via: 'NAME', materialId: m.materialId, materialName: m.materialName, kind: m.materialKind, formula: m.formula, variant };
}

/**
 * The composition key (`Cl1Li6P1S5`, the id of the Material of that composition) `text` stands for: a formula in any
 * notation, or a material's name resolved as everywhere (`resolveMaterial`) to its curated formula.
 * @throws InvalidArgumentError(argument) for a named material without a single composition (LiPON, NCM), a doped variant
 *   whose composition the sources do not fix (LLZTO), and everything `resolveMaterial` refuses.
 */
export async function resolveCompositionKey(store: MaterialStore, text: string, argument: string): Promise<string> {
  const ref = await resolveMaterial(store, text, argument);
  if (ref.via === 'FORMULA') return ref.materialId;
  const what = `'${excerpt(text.trim())}' names the material ${ref.materialId} '${ref.materialName}'`;
  if (ref.kind === 'NAMED' || !ref.formula) throw new InvalidArgumentError(argument, `${what}, which has no single composition; give a formula (one composition of it)`);
  if (ref.variant && ref.variant.dopants.length > 0) {
    throw new InvalidArgumentError(argument, `${what} (its variant ${ref.variant.id}), whose doped composition the sources do not fix; give the composition as a formula`);
  }
  try {
    return parseFormula(ref.formula).key;
  } catch (e) {
    if (e instanceof InvalidFormulaError) throw new InvalidArgumentError(argument, `${what}, whose formula '${excerpt(ref.formula)}' cannot be read: ${e.message}`);
    throw e;
  }
}
