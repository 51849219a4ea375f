/**
 * What a user means by a material in a filter: an id ('Ge1Li10P2S12', 'named:LiPON'), a registry id or
 * curated name ('LiPON', 'LLZO'), an alias of a review ('LPSCl'), or a formula in any notation
 * ('Li6PS5Cl', 'Li₁₀GeP₂S₁₂').
 */
import { parseFormula } from '../domain/chemistry/formula.js';
import { excerpt, InvalidFormulaError } from '../domain/errors.js';
import type { MaterialStore } from '../graph/material.store.js';
import { InvalidArgumentError } from './errors.js';

/**
 * The material ids `text` stands for.
 * @throws InvalidArgumentError(argument) when the text names nothing, or an alias means different
 *   materials in different reviews (the message lists them, so the user can pick one).
 */
export async function resolveMaterialRef(store: MaterialStore, text: string, argument: string): Promise<string[]> {
  const t = text.trim();
  if (!t) throw new InvalidArgumentError(argument, 'is empty');
  const byName = await store.resolveName(t);
  const exact = byName.find((m) => m.id === t || m.id === `named:${t}`);
  if (exact) return [exact.id];
  if (byName.length === 1) return [byName[0]!.id];
  if (byName.length > 1) {
    const options = byName.map((m) => `${m.id}${m.aliasReviews.filter(Boolean).length ? ` (in ${m.aliasReviews.filter(Boolean).join(', ')})` : ''}`);
    throw new InvalidArgumentError(argument, `'${excerpt(t)}' names ${byName.length} materials: ${options.join('; ')}; give a formula or id`);
  }
  try {
    return [parseFormula(t).key];
  } catch (e) {
    if (!(e instanceof InvalidFormulaError)) throw e;
    throw new InvalidArgumentError(argument, `'${excerpt(t)}' is not a material id, name, alias or formula (${e.problem})`);
  }
}
