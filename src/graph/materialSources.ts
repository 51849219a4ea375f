/**
 * Materials are shared by every source: the curated seed and external datasets write the same Material
 * node (same composition key). Each source keeps its view in its own properties (`seed*`, `obelix*`);
 * the public properties are derived from them by one rule, so the graph is the same whatever order the
 * sources were loaded in, and a source that is reloaded or removed takes exactly its own view with it.
 *
 * Precedence: the curated seed over datasets for name, formula and family; reported formulas and
 * families are the union (seed first).
 */
import { cypher } from './database.js';

/** Derives the public properties of the given materials from their per-source properties. */
export const REFRESH_MATERIALS = cypher(
  'materials.refreshDerived',
  `
MATCH (m:Material) WHERE m.id IN $ids
SET m.kind = coalesce(m.seedKind, 'COMPOSITION'),
  m.name = coalesce(m.seedName, m.seedReducedFormula, m.obelixReducedFormula, m.id),
  m.description = m.seedDescription,
  m.formula = coalesce(m.seedFormula, m.obelixFormula),
  m.reducedFormula = coalesce(m.seedReducedFormula, m.obelixReducedFormula),
  m.compositionElements = coalesce(m.seedCompositionElements, m.obelixCompositionElements, []),
  m.compositionAmounts = coalesce(m.seedCompositionAmounts, m.obelixCompositionAmounts, []),
  m.elements = coalesce(m.seedElements, m.obelixElements, []),
  m.chemicalSystem = coalesce(m.seedChemicalSystem, m.obelixChemicalSystem),
  m.elementCount = coalesce(m.seedElementCount, m.obelixElementCount, 0),
  m.reportedFormulas = coalesce(m.seedFormulas, []) + [f IN coalesce(m.obelixFormulas, []) WHERE NOT f IN coalesce(m.seedFormulas, [])],
  m.family = coalesce(m.seedFamily, m.obelixFamily),
  m.families = CASE WHEN m.seedFamily IS NULL THEN coalesce(m.obelixFamilies, [])
                    ELSE [m.seedFamily] + [f IN coalesce(m.obelixFamilies, []) WHERE f <> m.seedFamily] END,
  m.familyLabels = coalesce(m.obelixFamilyLabels, []),
  m.chemicalClass = coalesce(m.seedChemicalClass, m.obelixChemicalClass),
  m.aliasTexts = coalesce(m.seedAliasTexts, []),
  m.aliasReviews = coalesce(m.seedAliasReviews, []),
  m.aliasVariants = coalesce(m.seedAliasVariants, [])
RETURN count(m) AS n`,
);

/** Removes OBELiX's view from materials it no longer describes; returns their ids. */
export const CLEAR_OBELIX_VIEW = cypher(
  'materials.clearObelixView',
  `
MATCH (m:Material) WHERE m.obelixFormula IS NOT NULL AND NOT m.id IN $keep
REMOVE m.obelixFormula, m.obelixReducedFormula, m.obelixCompositionElements, m.obelixCompositionAmounts,
  m.obelixElements, m.obelixChemicalSystem, m.obelixElementCount, m.obelixFormulas, m.obelixFamily,
  m.obelixFamilies, m.obelixFamilyLabels, m.obelixChemicalClass
RETURN collect(m.id) AS ids`,
);

/** Removes the seed's view from materials it no longer describes; returns their ids. */
export const CLEAR_SEED_VIEW = cypher(
  'materials.clearSeedView',
  `
MATCH (m:Material) WHERE m.seedKind IS NOT NULL AND NOT m.id IN $keep
REMOVE m.seedKind, m.seedName, m.seedDescription, m.seedFormula, m.seedReducedFormula,
  m.seedCompositionElements, m.seedCompositionAmounts, m.seedElements, m.seedChemicalSystem,
  m.seedElementCount, m.seedFormulas, m.seedFamily, m.seedChemicalClass, m.seedAliasTexts, m.seedAliasReviews,
  m.seedAliasVariants
RETURN collect(m.id) AS ids`,
);

/**
 * Publications that nothing refers to, and materials that nothing refers to and no source describes any
 * more, are deleted (a material the seed's registry defines stays even when no fact uses it).
 */
export const REMOVE_ORPHANS = cypher(
  'graph.removeOrphans',
  `
MATCH (n) WHERE (n:Publication OR (n:Material AND n.seedKind IS NULL AND n.obelixFormula IS NULL)) AND NOT (n)--()
DELETE n
RETURN count(*) AS n`,
);
