/**
 * The one resolver of what a user means by a material, for every argument that takes one (filters,
 * thermodynamics): an id ('Ge1Li10P2S12', 'named:LiPON'), a registry id, curated or display name,
 * alias or abbreviation of a review, or a polymorph's name ('LiPON', 'Lipon', 'LLZO', 'llzo', 'LPSCl',
 * 'β-Li3PS4', 'beta-alumina', 'Li2S-P2S5 glass'), case- and notation-insensitively
 * (domain/materialNames.ts), or else a formula in any notation ('Li6PS5Cl', 'Li₁₀GeP₂S₁₂').
 *
 * A name always wins over reading the text as a formula. A filter's material (`materialNameRef`) is resolved
 * inside the statement that filters by it, with these rules (graph/query/compile.names.ts), and its errors are
 * raised from what that statement found (`checkMaterialNames`); a computed field's material (`resolveMaterial`)
 * costs one lookup by index (MaterialStore.lookupName, kept by the process for a minute).
 */
import { parseFormula } from '../domain/chemistry/formula.js';
import { excerpt, InvalidFormulaError } from '../domain/errors.js';
import { nameKey } from '../domain/materialNames.js';
import type { MaterialStore, NameMatch } from '../graph/material.store.js';
import type { NameCheck } from '../graph/query/compile.names.js';
import type { MaterialNameRef } from '../graph/query/plan.js';
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
  const chosen = chooseNamed(t, matches, argument);
  if (chosen) return named(chosen[0]!, chosen);
  try {
    const c = parseFormula(t);
    return { via: 'FORMULA', materialId: c.key, formula: t };
  } catch (e) {
    if (!(e instanceof InvalidFormulaError)) throw e;
    throw new InvalidArgumentError(argument, t.length > MAX_NAME_LENGTH ? e.message : `${e.message}; nor is it a material id, name or alias`);
  }
}

/** What a name lookup found: an exact material id (`nameKind` null) or a material name of the text's key. */
type Found = Pick<NameMatch, 'materialId' | 'nameKind' | 'nameText' | 'review'>;

/**
 * The matches of the material a text names (the rules every argument that takes a material follows): an exact
 * id wins; else the one material the names stand for; of several, the one whose name is written exactly so;
 * null when nothing matched (the text is then read as a formula).
 * @throws InvalidArgumentError(argument) when the names stand for several materials, listing them with their reviews
 */
function chooseNamed<T extends Found>(t: string, matches: readonly T[], argument: string): T[] | null {
  const exactId = matches.find((m) => m.nameKind === null);
  if (exactId) return [exactId];
  let chosen = [...groupByMaterial(matches).values()];
  // a key shared only after case folding: the material written exactly so wins
  if (chosen.length > 1) {
    const exact = chosen.filter((ms) => ms.some((m) => m.nameText === t));
    if (exact.length === 1) chosen = exact;
  }
  if (chosen.length === 1) return chosen[0]!;
  if (chosen.length === 0) return null;
  const options = chosen.map((ms) => {
    const reviews = [...new Set(ms.map((m) => m.review).filter((r): r is string => r !== null))];
    return `${ms[0]!.materialId}${reviews.length ? ` (in ${reviews.join(', ')})` : ''}`;
  });
  throw new InvalidArgumentError(argument, `'${excerpt(t)}' names ${chosen.length} materials: ${options.join('; ')}; give a formula or id`);
}

/**
 * The material a filter argument names, resolved inside the statement that filters by it (graph/query/compile.names.ts),
 * so that the filter costs no query of its own: the text, its lookup key and the composition it reads as. A text
 * longer than any name is read as a formula here (its composition key, or the error).
 * @throws InvalidArgumentError(argument) for an empty text, and for a long text that is no formula
 */
export function materialNameRef(text: string, argument: string): MaterialIds {
  const t = text.trim();
  if (!t) throw new InvalidArgumentError(argument, 'is empty');
  let formulaIds: string[] = [];
  let formulaError: string | null = null;
  try {
    formulaIds = [parseFormula(t).key];
  } catch (e) {
    if (!(e instanceof InvalidFormulaError)) throw e;
    if (t.length > MAX_NAME_LENGTH) throw new InvalidArgumentError(argument, e.message);
    formulaError = e.message;
  }
  if (t.length > MAX_NAME_LENGTH) return formulaIds;
  return { kind: 'materialName', text: t, key: nameKey(t), formulaIds, formulaError, argument };
}

/**
 * Applies the rules of `resolveMaterial` to what a statement found for its material names (graph/query/compile.names.ts
 * resolved them with the same rules): the errors are raised here.
 * @throws InvalidArgumentError(argument) for an ambiguous name, and for a text that is neither a name nor a formula
 */
export function checkMaterialNames(checks: readonly NameCheck[]): void {
  for (const { ref, ids, names } of checks) {
    const sortKey = (f: Found) => `${f.materialId}\u0000${f.nameText ?? ''}\u0000${f.review ?? ''}`;
    const byId = (a: Found, b: Found) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);
    // in the order the lookup of resolveMaterial returns them (material id, name, review), so that messages list the options alike
    const found: Found[] = [...ids.map((id) => ({ materialId: id, nameKind: null, nameText: null, review: null })), ...names.map((n) => ({ ...n, nameKind: 'ALIAS' as const })).sort(byId)];
    if (chooseNamed(ref.text, found, ref.argument) || ref.formulaIds.length > 0) continue;
    throw new InvalidArgumentError(ref.argument, `${ref.formulaError}; nor is it a material id, name or alias`);
  }
}

/** Material ids a filter compares with: known ids, or a name the statement resolves. */
export type MaterialIds = string[] | MaterialNameRef;

function groupByMaterial<T extends Found>(matches: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
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
