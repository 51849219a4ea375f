/**
 * Material names resolved inside the statement that filters by them (plan.ts `MaterialNameRef`), so that a
 * filter by name is no query of its own:
 *
 *   WITH COLLECT { MATCH (m:Material {id: $text}) RETURN m.id } AS n0_ids,
 *        COLLECT { MATCH (n:MaterialName {key: $key})-[:NAMES]->(m:Material) RETURN {materialId, nameText, review} } AS n0_names
 *   WITH ..., <distinct ids of n0_names> AS n0_all, <those named exactly $text> AS n0_exact
 *   WITH ..., CASE WHEN an exact id THEN it WHEN one material THEN it WHEN one named exactly so THEN it
 *             WHEN none THEN $formulaIds ELSE all of them END AS ref0
 *
 * at the start of the statement (two index seeks per name: the unique index on Material.id, the range index
 * on MaterialName.key), the filter reading `ref0` (every WITH of the page carries it to the projections). The
 * statement also returns what each lookup found (`nameChecks`: the prelude's variables in a list statement, whose
 * RETURN still sees them; the same two seeks again where later WITHs dropped them: aggregates, search), from which
 * services/materialRef.ts raises the errors the rules define (an ambiguous name, neither name nor formula).
 */
import { MATERIAL_NAME } from '../../domain/model/materialName.kind.js';
import { projectionOf } from '../nodeKinds.js';
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
  `COLLECT { MATCH (n:MaterialName {key: ${b.key}})-[:NAMES]->(m:Material) RETURN {materialId: m.id, nameText: ${NAME.text!('n')}, review: ${NAME.review!('n')}} }`;

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
  return [
    `WITH ${[...carried, ...refs.flatMap((b) => [`${exactId(b)} AS ${v(b, 'ids')}`, `${byName(b)} AS ${v(b, 'names')}`])].join(', ')}`,
    `WITH ${[...carried, ...found, ...refs.flatMap((b) => [`${distinct(v(b, 'names'), null)} AS ${v(b, 'all')}`, `${distinct(v(b, 'names'), b.text)} AS ${v(b, 'exact')}`])].join(', ')}`,
    `WITH ${[
      ...carried,
      ...(keepFound ? found : []),
      ...refs.map(
        (b) =>
          `CASE WHEN size(${v(b, 'ids')}) > 0 THEN ${v(b, 'ids')} WHEN size(${v(b, 'all')}) = 1 THEN ${v(b, 'all')} ` +
          `WHEN size(${v(b, 'all')}) > 1 AND size(${v(b, 'exact')}) = 1 THEN ${v(b, 'exact')} WHEN size(${v(b, 'all')}) = 0 THEN ${b.formulaIds} ELSE ${v(b, 'all')} END AS ${b.variable}`,
      ),
    ].join(', ')}`,
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
  names: { materialId: string; nameText: string | null; review: string | null }[];
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
