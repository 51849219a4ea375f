/**
 * Filters of `phaseEntries`: the `PhaseEntryWhere` input turned into plan filters, validated before anything runs
 * (every error names its argument path), AND/OR/NOT nested as in where.ts. Properties only from the declaration's
 * filterable set (domain/model/phaseEntry.kind.ts); which entries readers see at all is the compiler's
 * (graph/query/compile.phase.ts).
 */
import { chemicalSubsystems } from '../../domain/chemistry/chemicalSystem.js';
import { isElementSymbol } from '../../domain/chemistry/elements.js';
import { excerpt } from '../../domain/errors.js';
import type { PhaseEntrySource } from '../../domain/model/phaseEntry.kind.js';
import type { MaterialStore } from '../../graph/material.store.js';
import type { Filter } from '../../graph/query/plan.js';
import { InvalidArgumentError } from '../errors.js';
import { resolveCompositionKey } from '../materialRef.js';
import { MAX_ELEMENTS } from '../thermo/phaseData.read.js';
import { eq, given, idIn, prop } from './filters.js';
import { all, logical, range } from './where.js';
import type { NumberRangeInput } from './where.facts.js';

export interface PhaseEntryFilterInput {
  chemicalSystem?: string | null;
  includeSubsystems?: boolean | null;
  source?: PhaseEntrySource | null;
  id?: string | null;
  ids?: string[] | null;
  composition?: string | null;
  elements?: string[] | null;
  excludeElements?: string[] | null;
  elementCount?: NumberRangeInput | null;
  formationEnergyEvPerAtom?: NumberRangeInput | null;
  datasetId?: string | null;
  AND?: PhaseEntryFilterInput[] | null;
  OR?: PhaseEntryFilterInput[] | null;
  NOT?: PhaseEntryFilterInput | null;
}

/** The chemical systems `text` ('S-P-Li', any order) stands for: itself, or with `subsystems` every system of its elements. */
export function chemicalSystems(text: string, subsystems: boolean, argument: string): string[] {
  const els = text.split('-').map((s) => s.trim());
  for (const el of els) if (!isElementSymbol(el)) throw new InvalidArgumentError(argument, `'${excerpt(el)}' is not an element symbol (write systems like 'Li-P-S')`);
  const sorted = [...new Set(els)].sort();
  if (sorted.length > MAX_ELEMENTS) throw new InvalidArgumentError(argument, `at most ${MAX_ELEMENTS} elements`);
  return subsystems ? chemicalSubsystems(sorted) : [sorted.join('-')];
}

function elementList(list: string[], argument: string): string[] {
  for (const el of list) if (!isElementSymbol(el)) throw new InvalidArgumentError(argument, `'${excerpt(el)}' is not an element symbol`);
  return [...new Set(list)];
}

function numberRange(r: NumberRangeInput, name: string): Filter[] {
  return range(
    r.min,
    r.max,
    (v) => ({ op: 'compare', operand: prop(name), comparison: 'gte', value: v }),
    (v) => ({ op: 'compare', operand: prop(name), comparison: 'lte', value: v }),
  );
}

export class PhaseFilterPlanner {
  constructor(private readonly materials: MaterialStore) {}

  /** The filter of a `PhaseEntryWhere` at argument path `path`. */
  entry = async (w: PhaseEntryFilterInput, path: string): Promise<Filter | null> => {
    const out: Filter[] = [];
    if (given(w.includeSubsystems) && w.includeSubsystems && !w.chemicalSystem?.trim()) {
      throw new InvalidArgumentError(`${path}.includeSubsystems`, "needs chemicalSystem (the system whose subsystems to include, e.g. 'Li-P-S')");
    }
    if (given(w.chemicalSystem) && !w.chemicalSystem.trim()) throw new InvalidArgumentError(`${path}.chemicalSystem`, "is empty; write a system like 'Li-P-S'");
    if (w.chemicalSystem) {
      out.push({ op: 'compare', operand: prop('chemicalSystem'), comparison: 'in', value: chemicalSystems(w.chemicalSystem, Boolean(w.includeSubsystems), `${path}.chemicalSystem`) });
    }
    if (given(w.source)) out.push(eq('source', w.source));
    if (given(w.id)) out.push(eq('id', w.id));
    if (given(w.ids)) out.push(idIn(w.ids));
    if (given(w.datasetId)) out.push(eq('datasetId', w.datasetId));
    if (w.elements?.length) {
      out.push({ op: 'compare', operand: prop('compositionElements'), comparison: 'containsAll', value: elementList(w.elements, `${path}.elements`) });
    }
    if (w.excludeElements?.length) {
      for (const el of elementList(w.excludeElements, `${path}.excludeElements`)) {
        out.push({ op: 'not', item: { op: 'compare', operand: prop('compositionElements'), comparison: 'contains', value: el } });
      }
    }
    if (w.elementCount) {
      for (const end of ['min', 'max'] as const) {
        const n = w.elementCount[end];
        if (given(n) && !Number.isInteger(n)) throw new InvalidArgumentError(`${path}.elementCount.${end}`, `must be a whole number of elements, got ${n}`);
      }
      out.push(...numberRange(w.elementCount, 'elementCount'));
    }
    if (w.formationEnergyEvPerAtom) out.push(...numberRange(w.formationEnergyEvPerAtom, 'formationEnergyEvPerAtom'));
    const nested = await logical(w, path, this.entry);
    // the material resolver after this level's other checks: it may need the database
    if (given(w.composition)) out.unshift(eq('key', await resolveCompositionKey(this.materials, w.composition, `${path}.composition`)));
    return all([...out, ...nested]);
  };
}
