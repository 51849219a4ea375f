/**
 * Materials and their variants, declared once (see property.ts): the node kinds `Material` and
 * `MaterialVariant`, and the objects stored on them as parallel lists (a material's composition and
 * aliases, a variant's dopants).
 *
 * A material is shared by every source: the curated seed and the datasets write the same node (same
 * composition key), each its own copy of what it says (`seedName`, `obelixFormula`, `liverpoolFormula`...: `keptPerSource`),
 * and the public properties are derived from the copies by each property's rule: the curated seed over the
 * datasets for name, formula, family...; the union (seed first) for reported formulas and families.
 */
import { CHEMICAL_CLASSES, type ChemicalClass } from '../chemicalClass.js';
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../families.js';
import { float, id, int, listOf, nodeKind, oneOf, text } from './property.js';

export const ELEMENT_AMOUNT = nodeKind('ElementAmount', 'One element of a composition and its amount in atoms per formula unit (may be fractional).', {
  element: text("Element symbol, e.g. 'Li'."),
  amount: float('Atoms per formula unit.'),
});

export const MATERIAL_ALIAS = nodeKind('MaterialAlias', 'A name or abbreviation a material goes by; some mean different materials in different reviews.', {
  alias: text("The alias, e.g. 'LPS'."),
  review: text("Key of the review where it means this material ('banerjee2020'); null when it does in every review.").optional(),
  line: int('The line of that review\'s text that prints it (its list of abbreviations, or where it is defined); null when not recorded.').optional(),
  variantId: text('The variant it names, if any (read by the name lookups).').optional().hidden(),
});

export const STOICHIOMETRY_RANGE = nodeKind('StoichiometryRange', 'The range a variable of a general formula takes, as the source prints it (bounds inclusive unless it says otherwise).', {
  variable: text("The variable of the general formula, e.g. 'x'."),
  min: float('Its lowest value.'),
  max: float('Its highest value.'),
});

export const MATERIAL_KINDS = ['COMPOSITION', 'NAMED'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/**
 * The datasets that keep a view of a material, in precedence order: OBELiX, then the Liverpool Ionics Dataset,
 * then the Laskowski et al. (2023) table (imported through a bulk-import mapping, mappings/laskowski.yaml).
 */
const DATASETS = ['obelix', 'liverpool', 'laskowski'] as const;

/** The datasets' views, for what reads them by name (a bulk-import mapping's `view`). */
export const DATASET_VIEWS = DATASETS;

/**
 * The sources that keep a view of a material, in precedence order: the curated seed, then what contributors add
 * through the API (`curated`: addMaterial), then the datasets.
 */
const SEED_OVER_DATASETS = ['seed', 'curated', ...DATASETS] as const;

/** The seed and the materials contributors add (addMaterial): the sources of names and descriptions. */
const SEED_AND_CURATED = ['seed', 'curated'] as const;

/** For each source, the copy it always writes: its presence marks the materials the source describes. */
export const MATERIAL_SOURCE_MARKERS = { seed: 'kind', curated: 'kind', obelix: 'formula', liverpool: 'formula', laskowski: 'formula' } as const;

/** A dataset that keeps its own view of the materials it describes (datasetImport.store.ts writes it). */
export type MaterialDatasetView = (typeof DATASETS)[number];

export const MATERIAL = nodeKind(
  'Material',
  'A material: one composition, whatever notation it was reported under (Li10GeP2S12 = Ge1Li10P2S12 = Li20Ge2P4S24), ' +
    'or a named material without one fixed composition (LiPON, NCM, a polymer). Polymorphs, forms and doped versions ' +
    'are its variants; facts about them are facts about the material too.',
  {
    id: id(
      "The composition key: alphabetical elements with their smallest whole-number proportions, e.g. 'Ge1Li10P2S12' " +
        "for Li10GeP2S12, 'La15Li32O60Ta3Zr7' for Li6.4La3Zr1.4Ta0.6O12.",
    ).filterable(),
    name: text('Display name (the reduced formula unless a common name is curated).')
      .filterable()
      .keptPerSource(SEED_AND_CURATED, 'first', { then: ['reducedFormula', 'id'] }),
    kind: oneOf<MaterialKind>('MaterialKind', MATERIAL_KINDS, 'A composition or a named material.')
      .orElse('COMPOSITION')
      .filterable()
      .keptPerSource(SEED_AND_CURATED),
    description: text('What the material is, for named materials.').optional().keptPerSource(SEED_AND_CURATED),
    formula: text('The formula as curated or first reported; null for named materials.').optional().filterable().keptPerSource(SEED_OVER_DATASETS),
    reportedFormulas: text('Every notation this composition was reported under, as printed.')
      .many()
      .keptPerSource(SEED_OVER_DATASETS, 'union', { copyName: 'formulas' }),
    reducedFormula: text(
      "Reduced formula, elements by ascending Pauling electronegativity (pymatgen's convention, without polyanion " +
        'grouping); whole-number compositions divided by their greatest common divisor, fractional ones as written. ' +
        'Null for named materials.',
    )
      .optional()
      .keptPerSource(SEED_OVER_DATASETS),
    composition: listOf(ELEMENT_AMOUNT, 'Parsed composition of `formula`, in the order written.', {
      element: 'compositionElements',
      amount: 'compositionAmounts',
    }).keptPerSource(SEED_OVER_DATASETS),
    elements: text('Element symbols, alphabetical (for named materials: the elements they always contain).')
      .many()
      .filterable()
      .keptPerSource(SEED_OVER_DATASETS),
    elementCount: int('How many elements it has (for named materials: those they always contain).').orElse(0).hidden().keptPerSource(SEED_OVER_DATASETS),
    chemicalSystem: text("Chemical system: elements alphabetical joined by '-', e.g. 'Ge-Li-P-S'.")
      .optional()
      .filterable()
      .keptPerSource(SEED_OVER_DATASETS),
    chemicalClass: oneOf<ChemicalClass>('ChemicalClass', CHEMICAL_CLASSES, 'Sulfide, oxide, halide, polymer... (curated where the seed gives one; else from the family where the elements agree with it, else from the elements).')
      .optional()
      .filterable()
      .keptPerSource(SEED_OVER_DATASETS),
    aliases: listOf(MATERIAL_ALIAS, 'Names and abbreviations the reviews use for it.', {
      alias: 'aliasTexts',
      review: 'aliasReviews',
      line: 'aliasLines',
      variantId: 'aliasVariants',
    }).keptPerSource(['seed']),
    family: oneOf<StructuralFamily>(
      'StructuralFamily',
      STRUCTURAL_FAMILIES,
      'Structural family (controlled vocabulary) that most sources give; null when none names one. See `families` when they disagree.',
    )
      .optional()
      .filterable()
      .keptPerSource(SEED_OVER_DATASETS),
    // the seed curates one family per material: its part of the union is its family
    families: oneOf<StructuralFamily>('StructuralFamily', STRUCTURAL_FAMILIES, "Every family the sources give, e.g. ['THIO_LISICON', 'LGPS'].")
      .many()
      .filterable()
      .keptPerSource(DATASETS, 'union', { from: { seed: 'family', curated: 'family' } }),
    familyLabels: text("The family labels sources printed, e.g. ['garnet', 'garnet-like'].").many().keptPerSource(DATASETS, 'union'),
    representativeFormula: text(
      'For a named material without one fixed composition (NCA, LiPON, LAGP): a representative composition that the reviews ' +
        "or a convention fix, e.g. 'LiNi0.8Co0.15Al0.05O2' for NCA; the computed fields (stability window, interface predictions) " +
        'use it and say so. Null for compositions and where nothing fixes one.',
    )
      .optional()
      .keptPerSource(['seed']),
    generalFormula: text(
      "For a named material of variable stoichiometry: the general formula the reviews print, e.g. 'Na1+xZr2P3-xSixO12' for " +
        'sodium NASICON; null otherwise.',
    )
      .optional()
      .keptPerSource(['seed']),
    stoichiometryRanges: listOf(STOICHIOMETRY_RANGE, 'The ranges of the variables of `generalFormula` that the source prints (empty when it prints none).', {
      variable: 'stoichiometryVariables',
      min: 'stoichiometryMins',
      max: 'stoichiometryMaxes',
    }).keptPerSource(['seed']),
    generalFormulaSource: text("Where the general formula (and its ranges) comes from: the review line that prints it. Null without one.")
      .optional()
      .keptPerSource(['seed']),
    representativeFormulaSource: text(
      "Where the representative composition comes from: the review line that prints it ('feng2022 line 230: \"...\"') or the " +
        'convention and its DOI. Null without a representative composition.',
    )
      .optional()
      .keptPerSource(['seed']),
  },
);

export const DOPANT = nodeKind('Dopant', 'An element put on a site of a host material, and how much.', {
  element: text("Element symbol, e.g. 'Ta'."),
  site: text("The host site it occupies, e.g. 'Zr' (Ta on the Zr site of LLZO).").optional(),
  amount: text("Amount as printed: a number per formula unit ('0.5') or text ('x = 0.25').").optional(),
});

export const MATERIAL_VARIANT = nodeKind(
  'MaterialVariant',
  'A variant of a material: polymorph (cubic/tetragonal), form (glass, thin film), or doped version.',
  {
    id: id("Stable id: the material id and the variant's attributes, e.g. 'La3Li7O12Zr2|polymorph=cubic'.").filterable(),
    labels: text("Names the sources give it, e.g. ['c-LLZO'].").many(),
    polymorph: text("Polymorph, e.g. 'cubic', 'tetragonal', 'β'.").optional(),
    form: text("Form, e.g. 'glass', 'glass-ceramic', 'thin film', 'single crystal'.").optional(),
    dopants: listOf(DOPANT, 'Dopants with their sites and amounts.', { element: 'dopantElements', site: 'dopantSites', amount: 'dopantAmounts' }),
    materialId: text('The material it is a variant of (read by `material`).').derived().hidden(),
  },
);
