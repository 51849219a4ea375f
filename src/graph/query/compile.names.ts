/**
 * Material names resolved inside the statement that filters by them (plan.ts `MaterialNameRef`), so that a
 * filter by name is no query of its own:
 *
 *   WITH COLLECT { MATCH (m:Material {id: $text}) RETURN m.id } AS n0_ids,
 *        COLLECT { MATCH (n:MaterialName {key: $key})-[:NAMES]->(m:Material) RETURN {materialId, nameText, review, variantId} } AS n0_names
 *   WITH ..., <distinct ids of n0_names> AS n0_all, <those named exactly $text> AS n0_exact
 *   WITH ..., CASE WHEN an exact id THEN it WHEN one material THEN it WHEN one named exactly so THEN it
 *             WHEN none THEN $formulaIds ELSE all of them END AS ref0
 *   WITH ..., ref0, <the variants the names of the material chosen stand for, if every one names one, else null> AS ref0_variant
 *   WITH ..., ref0, ref0_variant, <those variants and the variants of its material that refine them> AS ref0_variants
 *
 * at the start of the statement (two index seeks per name: the unique index on Material.id, the range index
 * on MaterialName.key), the filter reading `ref0` (every WITH of the page carries it to the projections). The
 * statement also returns what each lookup found (`nameChecks`: the prelude's variables in a list statement, whose
 * RETURN still sees them; the same two seeks again where later WITHs dropped them: aggregates, search), from which
 * services/materialRef.ts raises the errors the rules define (an ambiguous name, neither name nor formula).
 * `ref0_variant` lists the variants the name stands for (LLZTO: the Ta-doped variant of Li7La3Zr2O12; beta-Li3PS4: the
 * variants printed 'β' and 'beta'): a material chosen by its names, every one of which names a variant; null for an
 * exact id, a formula, and a name of the material itself. (A computed field needs one variant: materialRef.ts
 * `resolveMaterial` takes it where every name names the same one.) `ref0_variants` adds the variants that refine them
 * (`refines`: LLZTO's Ta-on-Zr variant is refined by a spray-deposited Ta-on-Zr layer); null beside a null variant.
 * Filters of facts compare them with the variant the fact records (compile.variant.ts `namedMaterialText`).
 */
import { MATERIAL_VARIANT } from '../../domain/model/material.kind.js';
import { MATERIAL_NAME } from '../../domain/model/materialName.kind.js';
import { columnOf, projectionOf, propertyOf } from '../nodeKinds.js';
import type { MaterialNameRef } from './plan.js';

/** A material name's properties as its declaration stores them. */
const NAME = projectionOf(MATERIAL_NAME, {});

/** A name reference of a statement: its variable and its parameters. */
export interface BoundNameRef {
  ref: MaterialNameRef;
  variable: string;
  text: string;
  key: string;
  formulaIds: string;
}

const exactId = (b: BoundNameRef) => `COLLECT { MATCH (m:Material {id: ${b.text}}) RETURN m.id }`;
const byName = (b: BoundNameRef) =>
  `COLLECT { MATCH (n:MaterialName {key: ${b.key}})-[:NAMES]->(m:Material) RETURN {materialId: m.id, nameText: ${NAME.text!('n')}, review: ${NAME.review!('n')}, variantId: ${NAME.variantId!('n')}} }`;

/** The variable holding the variants a name stands for, beside the reference's ids (null when it stands for none). */
export const variantVariable = (b: Pick<BoundNameRef, 'variable'>) => `${b.variable}_variant`;

/** The variable holding the variants a name stands for and the variants that refine them (null when it stands for none). */
export const refinementsVariable = (b: Pick<BoundNameRef, 'variable'>) => `${b.variable}_variants`;

/** Every variable a reference binds for the rest of the statement: its material ids, its variant and the variant's refinements. */
export const boundVariables = (b: Pick<BoundNameRef, 'variable'>) => [b.variable, variantVariable(b), refinementsVariable(b)];

const polymorph = propertyOf(MATERIAL_VARIANT, 'polymorph');
const form = propertyOf(MATERIAL_VARIANT, 'form');
const dopantElements = columnOf(MATERIAL_VARIANT, 'dopants', 'element');
const dopantSites = columnOf(MATERIAL_VARIANT, 'dopants', 'site');

/**
 * Whether the variant `f` refines the named variant `n` (of the same material): `n` fixes a polymorph, a form or dopants,
 * and `f` has each of them (the same dopants in the same order, on the same sites where `n` names them), perhaps with more
 * (a form beside the dopants, the amounts). A variant known only by a label (a coated surface) is refined by nothing.
 */
function refines(f: string, n: string): string {
  const fixes = `(${polymorph(n)} IS NOT NULL OR ${form(n)} IS NOT NULL OR size(coalesce(${dopantElements(n)}, [])) > 0)`;
  const sameSites = `all(i IN range(0, size(coalesce(${dopantSites(n)}, [])) - 1) WHERE ${dopantSites(n)}[i] = '' OR ${dopantSites(f)}[i] = ${dopantSites(n)}[i])`;
  const dopants = `(size(coalesce(${dopantElements(n)}, [])) = 0 OR (${dopantElements(f)} = ${dopantElements(n)} AND ${sameSites}))`;
  return `${fixes} AND (${polymorph(n)} IS NULL OR ${polymorph(f)} = ${polymorph(n)}) AND (${form(n)} IS NULL OR ${form(f)} = ${form(n)}) AND ${dopants}`;
}

/**
 * The named variants' ids with the ids of the variants that refine them (`variants` holds the named variants' ids, or
 * null); two MATCH clauses, so that a named variant's own VARIANT_OF relationship may be read twice (it is among them).
 */
const refinementsOf = (variants: string) =>
  `CASE WHEN ${variants} IS NOT NULL THEN COLLECT { MATCH (nv:MaterialVariant) WHERE nv.id IN ${variants} MATCH (nv)-[:VARIANT_OF]->(nm:Material) ` +
  `MATCH (fv:MaterialVariant)-[:VARIANT_OF]->(nm) WHERE fv = nv OR (${refines('fv', 'nv')}) RETURN DISTINCT fv.id } END`;

/**
 * The lines that bind each reference's material ids (none without references), keeping the variables `carried`;
 * with `keepFound` also what the lookups found (`ref0_ids`, `ref0_names`), for a RETURN that still sees them.
 */
export function materialNamePrelude(refs: readonly BoundNameRef[], carried: readonly string[] = [], keepFound = false): string[] {
  if (refs.length === 0) return [];
  const v = (b: BoundNameRef, part: string) => `${b.variable}_${part}`;
  const distinct = (list: string, exactText: string | null) =>
    `reduce(a = [], x IN ${list} | CASE WHEN ${exactText ? `coalesce(x.nameText <> ${exactText}, true) OR ` : ''}x.materialId IN a THEN a ELSE a + [x.materialId] END)`;
  const found = refs.flatMap((b) => [v(b, 'ids'), v(b, 'names')]);
  // the variant ids of the chosen material's names ('' for a name of the material itself)
  const variantsOf = (b: BoundNameRef) => `[nm IN ${v(b, 'names')} WHERE nm.materialId = ${b.variable}[0] | coalesce(nm.variantId, '')]`;
  return [
    `WITH ${[...carried, ...refs.flatMap((b) => [`${exactId(b)} AS ${v(b, 'ids')}`, `${byName(b)} AS ${v(b, 'names')}`])].join(', ')}`,
    `WITH ${[...carried, ...found, ...refs.flatMap((b) => [`${distinct(v(b, 'names'), null)} AS ${v(b, 'all')}`, `${distinct(v(b, 'names'), b.text)} AS ${v(b, 'exact')}`])].join(', ')}`,
    `WITH ${[
      ...carried,
      ...found,
      ...refs.map(
        (b) =>
          `CASE WHEN size(${v(b, 'ids')}) > 0 THEN ${v(b, 'ids')} WHEN size(${v(b, 'all')}) = 1 THEN ${v(b, 'all')} ` +
          `WHEN size(${v(b, 'all')}) > 1 AND size(${v(b, 'exact')}) = 1 THEN ${v(b, 'exact')} WHEN size(${v(b, 'all')}) = 0 THEN ${b.formulaIds} ELSE ${v(b, 'all')} END AS ${b.variable}`,
      ),
    ].join(', ')}`,
    `WITH ${[
      ...carried,
      ...(keepFound ? found : []),
      ...refs.flatMap((b) => [
        b.variable,
        `CASE WHEN size(${v(b, 'ids')}) = 0 AND size(${b.variable}) = 1 AND size(${variantsOf(b)}) > 0 AND NOT '' IN ${variantsOf(b)} ` +
          `THEN reduce(a = [], x IN ${variantsOf(b)} | CASE WHEN x IN a THEN a ELSE a + [x] END) END AS ${variantVariable(b)}`,
      ]),
    ].join(', ')}`,
    `WITH ${[...carried, ...(keepFound ? found : []), ...refs.flatMap((b) => [b.variable, variantVariable(b), `${refinementsOf(variantVariable(b))} AS ${refinementsVariable(b)}`])].join(', ')}`,
  ];
}

/**
 * What each reference's lookups found, in the order of `refs`: the prelude's variables when they were kept
 * (`fromPrelude`), else the lookups again as an expression of its own (a statement whose WITHs dropped them).
 */
export function nameChecksText(refs: readonly BoundNameRef[], fromPrelude = false): string {
  if (fromPrelude) return `[${refs.map((b) => `{ids: ${b.variable}_ids, names: ${b.variable}_names}`).join(', ')}]`;
  return `[${refs.map((b) => `{ids: ${exactId(b)}, names: ${byName(b)}}`).join(', ')}]`;
}

/** What a statement found for one of its material names (its `nameChecks` entry), with the reference. */
export interface NameCheck {
  ref: MaterialNameRef;
  /** The material whose id is the text, if any. */
  ids: string[];
  /** Every material name with the text's lookup key: its material, its text and the review where it holds. */
  names: { materialId: string; nameText: string | null; review: string | null; variantId: string | null }[];
}

/** The `nameChecks` a statement returned, paired with the references it was compiled with. */
export function nameChecksOf(refs: readonly MaterialNameRef[], returned: unknown): NameCheck[] {
  if (refs.length === 0) return [];
  if (!Array.isArray(returned) || returned.length !== refs.length) throw new Error('a statement resolving material names returned no nameChecks');
  return refs.map((ref, i) => {
    const r = returned[i] as { ids: string[]; names: NameCheck['names'] };
    return { ref, ids: r.ids, names: r.names };
  });
}
