/**
 * Filters of the compiled list `claims` (and of `Material.claims`/`Interface.claims`): the `ClaimWhere` input
 * turned into a plan filter, validated before anything runs (every error names its argument path), material
 * names as references the statement resolves. AND/OR/NOT nest as in where.ts.
 */
import type { ChemicalClass } from '../../domain/chemicalClass.js';
import type { StructuralFamily } from '../../domain/families.js';
import type { PropertyKind } from '../../domain/units/properties.js';
import type { ClaimKind } from '../../domain/vocabulary.js';
import type { Filter, VariantScope } from '../../graph/query/plan.js';
import { InvalidArgumentError } from '../errors.js';
import { materialNameRef } from '../materialRef.js';
import { eq, given, namedMaterial, prop } from './filters.js';
import { all, checkReview, logical } from './where.js';

export interface ClaimFilterInput {
  id?: string | null;
  kind?: ClaimKind | null;
  kindIn?: ClaimKind[] | null;
  review?: string | null;
  material?: string | null;
  electrolyte?: string | null;
  counterpart?: string | null;
  family?: StructuralFamily | null;
  chemicalClass?: ChemicalClass | null;
  property?: PropertyKind | null;
  statementContains?: string | null;
  variants?: VariantScope | null;
  AND?: ClaimFilterInput[] | null;
  OR?: ClaimFilterInput[] | null;
  NOT?: ClaimFilterInput | null;
}

/** Longest text `statementContains` takes. */
const MAX_TEXT = 200;

const contains = (name: string, value: string): Filter => ({ op: 'compare', operand: prop(name), comparison: 'contains', value });

/** The filter of a `ClaimWhere` at argument path `path`. */
export async function claimFilter(w: ClaimFilterInput, path: string): Promise<Filter | null> {
  const out: Filter[] = [];
  if (given(w.id)) out.push(eq('id', w.id));
  if (w.kind) out.push(eq('kind', w.kind));
  if (w.kindIn) {
    if (w.kindIn.length === 0) throw new InvalidArgumentError(`${path}.kindIn`, 'give at least one kind');
    out.push({ op: 'compare', operand: prop('kind'), comparison: 'in', value: [...new Set(w.kindIn)] });
  }
  if (given(w.review)) out.push(eq('review', checkReview(w.review, `${path}.review`)));
  if (w.family) out.push(contains('families', w.family));
  if (w.chemicalClass) out.push(contains('chemicalClasses', w.chemicalClass));
  if (w.property) out.push(contains('properties', w.property));
  if (given(w.statementContains)) out.push(statementContains(w.statementContains, `${path}.statementContains`));
  if (given(w.material)) {
    const ids = materialNameRef(w.material, `${path}.material`);
    // about the material itself, or about an interface it is a side of
    out.push({ op: 'or', items: (['claimMaterial', 'claimInterfaceElectrolyte', 'claimInterfaceCounterpart'] as const).map((r) => namedMaterial(r, ids, w.variants)) });
  }
  // an interface names no variant of its sides: a variant's name selects the claims about its material's interfaces
  if (given(w.electrolyte)) out.push(namedMaterial('claimInterfaceElectrolyte', materialNameRef(w.electrolyte, `${path}.electrolyte`), 'ROLL_UP'));
  if (given(w.counterpart)) out.push(namedMaterial('claimInterfaceCounterpart', materialNameRef(w.counterpart, `${path}.counterpart`), 'ROLL_UP'));
  return all([...out, ...(await logical(w, path, claimFilter))]);
}

function statementContains(text: string, argument: string): Filter {
  const t = text.trim();
  if (t.length === 0) throw new InvalidArgumentError(argument, 'must not be empty');
  if (t.length > MAX_TEXT) throw new InvalidArgumentError(argument, `at most ${MAX_TEXT} characters`);
  return { op: 'compare', operand: prop('statement'), comparison: 'containsText', value: t };
}
