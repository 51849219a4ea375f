/** Chemical systems: sets of elements written alphabetically and joined by '-', as pymatgen's `chemical_system`. */
import { DomainError } from '../errors.js';

/**
 * Every chemical system spanned by a non-empty subset of `elements`, written like
 * Composition.chemicalSystem ('Li-P-S'): 2^n − 1 systems, whose entries are the phases of the system.
 */
export function chemicalSubsystems(elements: Iterable<string>): string[] {
  const els = [...new Set(elements)].sort();
  if (els.length > 12) throw new DomainError(`${els.length} elements: at most 12 for a phase diagram`);
  const out: string[] = [];
  for (let mask = 1; mask < 1 << els.length; mask++) out.push(els.filter((_, i) => mask & (1 << i)).join('-'));
  return out;
}
