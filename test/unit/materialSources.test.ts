/**
 * A material's per-source copies (`seed*`, `obelix*`) are declared once, with its properties
 * (domain/model/material.kind.ts `keptPerSource`): what each source writes, the statement that derives
 * the public properties and the lists that remove a source's view all derive from the declaration.
 * These tests pin them to the rules the graph has always had.
 */
import { describe, expect, it } from 'vitest';
import { MATERIAL } from '../../src/domain/model/material.kind.js';
import { CLEAR_LIVERPOOL_VIEW, CLEAR_OBELIX_VIEW, CLEAR_SEED_VIEW, REFRESH_MATERIALS, REMOVE_ORPHANS } from '../../src/graph/materialSources.js';
import { recordMap, sourceCopies, sourceProps } from '../../src/graph/nodeKinds.js';
import { MATERIAL_PROJECTION } from '../../src/graph/query/projection.material.js';

const SEED_COPIES = [
  'seedKind', 'seedName', 'seedDescription', 'seedFormula', 'seedReducedFormula', 'seedCompositionElements', 'seedCompositionAmounts',
  'seedElements', 'seedChemicalSystem', 'seedElementCount', 'seedFormulas', 'seedFamily', 'seedChemicalClass', 'seedAliasTexts',
  'seedAliasReviews', 'seedAliasLines', 'seedAliasVariants', 'seedRepresentativeFormula', 'seedRepresentativeFormulaSource',
  'seedGeneralFormula', 'seedGeneralFormulaSource', 'seedStoichiometryVariables', 'seedStoichiometryMins', 'seedStoichiometryMaxes',
];
const OBELIX_COPIES = [
  'obelixFormula', 'obelixReducedFormula', 'obelixCompositionElements', 'obelixCompositionAmounts', 'obelixElements',
  'obelixChemicalSystem', 'obelixElementCount', 'obelixFormulas', 'obelixFamily', 'obelixFamilies', 'obelixFamilyLabels',
  'obelixChemicalClass',
];
const LIVERPOOL_COPIES = OBELIX_COPIES.map((c) => c.replace(/^obelix/, 'liverpool'));
const LASKOWSKI_COPIES = OBELIX_COPIES.map((c) => c.replace(/^obelix/, 'laskowski'));
// a material a contributor added through the API (addMaterial): its name, kind, description and composition
const CURATED_COPIES = [
  'curatedKind', 'curatedName', 'curatedDescription', 'curatedFormula', 'curatedFormulas', 'curatedReducedFormula', 'curatedCompositionElements',
  'curatedCompositionAmounts', 'curatedElements', 'curatedElementCount', 'curatedChemicalSystem', 'curatedChemicalClass', 'curatedFamily',
];

const text = (q: unknown) => (q as { text: string }).text;

describe("a material's per-source copies", () => {
  it('each source keeps exactly its copies, and removing its view removes them all (marked by seedKind, obelixFormula, liverpoolFormula)', () => {
    expect(sourceCopies(MATERIAL, 'seed').sort()).toEqual([...SEED_COPIES].sort());
    expect(sourceCopies(MATERIAL, 'obelix').sort()).toEqual([...OBELIX_COPIES].sort());
    expect(sourceCopies(MATERIAL, 'liverpool').sort()).toEqual([...LIVERPOOL_COPIES].sort());
    expect(sourceCopies(MATERIAL, 'laskowski').sort()).toEqual([...LASKOWSKI_COPIES].sort());
    expect(sourceCopies(MATERIAL, 'curated').sort()).toEqual([...CURATED_COPIES].sort());
    expect(text(CLEAR_SEED_VIEW)).toMatch(/WHERE m\.seedKind IS NOT NULL AND NOT m\.id IN \$keep/);
    expect(text(CLEAR_OBELIX_VIEW)).toMatch(/WHERE m\.obelixFormula IS NOT NULL AND NOT m\.id IN \$keep/);
    expect(text(CLEAR_LIVERPOOL_VIEW)).toMatch(/WHERE m\.liverpoolFormula IS NOT NULL AND NOT m\.id IN \$keep/);
    const removed = (q: unknown) => text(q).match(/REMOVE (.*)/)![1]!.split(', ').map((p) => p.replace(/^m\./, '')).sort();
    expect(removed(CLEAR_SEED_VIEW)).toEqual([...SEED_COPIES].sort());
    expect(removed(CLEAR_OBELIX_VIEW)).toEqual([...OBELIX_COPIES].sort());
    expect(removed(CLEAR_LIVERPOOL_VIEW)).toEqual([...LIVERPOOL_COPIES].sort());
    expect(text(REMOVE_ORPHANS)).toMatch(/n:Material AND n\.seedKind IS NULL AND n\.curatedKind IS NULL AND n\.obelixFormula IS NULL AND n\.liverpoolFormula IS NULL AND n\.laskowskiFormula IS NULL\)/);
  });

  it('derives every public property by its rule: the seed over the datasets; unions for reported formulas and families', () => {
    const set = text(REFRESH_MATERIALS);
    // the seed, then a contributor's material (curated), then the datasets in order; unions keep the first source's order
    const expected = [
      'm.name = coalesce(m.seedName, m.curatedName, m.seedReducedFormula, m.curatedReducedFormula, m.obelixReducedFormula, m.liverpoolReducedFormula, m.laskowskiReducedFormula, m.id)',
      "m.kind = coalesce(m.seedKind, m.curatedKind, 'COMPOSITION')",
      'm.description = coalesce(m.seedDescription, m.curatedDescription)',
      'm.formula = coalesce(m.seedFormula, m.curatedFormula, m.obelixFormula, m.liverpoolFormula, m.laskowskiFormula)',
      'm.reportedFormulas = coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])] + [u2 IN coalesce(m.obelixFormulas, []) WHERE NOT u2 IN coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])]] + [u3 IN coalesce(m.liverpoolFormulas, []) WHERE NOT u3 IN coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])] + [u2 IN coalesce(m.obelixFormulas, []) WHERE NOT u2 IN coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])]]] + [u4 IN coalesce(m.laskowskiFormulas, []) WHERE NOT u4 IN coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])] + [u2 IN coalesce(m.obelixFormulas, []) WHERE NOT u2 IN coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])]] + [u3 IN coalesce(m.liverpoolFormulas, []) WHERE NOT u3 IN coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])] + [u2 IN coalesce(m.obelixFormulas, []) WHERE NOT u2 IN coalesce(m.seedFormulas, []) + [u1 IN coalesce(m.curatedFormulas, []) WHERE NOT u1 IN coalesce(m.seedFormulas, [])]]]]',
      'm.reducedFormula = coalesce(m.seedReducedFormula, m.curatedReducedFormula, m.obelixReducedFormula, m.liverpoolReducedFormula, m.laskowskiReducedFormula)',
      'm.compositionElements = coalesce(m.seedCompositionElements, m.curatedCompositionElements, m.obelixCompositionElements, m.liverpoolCompositionElements, m.laskowskiCompositionElements, [])',
      'm.compositionAmounts = coalesce(m.seedCompositionAmounts, m.curatedCompositionAmounts, m.obelixCompositionAmounts, m.liverpoolCompositionAmounts, m.laskowskiCompositionAmounts, [])',
      'm.elements = coalesce(m.seedElements, m.curatedElements, m.obelixElements, m.liverpoolElements, m.laskowskiElements, [])',
      'm.elementCount = coalesce(m.seedElementCount, m.curatedElementCount, m.obelixElementCount, m.liverpoolElementCount, m.laskowskiElementCount, 0)',
      'm.chemicalSystem = coalesce(m.seedChemicalSystem, m.curatedChemicalSystem, m.obelixChemicalSystem, m.liverpoolChemicalSystem, m.laskowskiChemicalSystem)',
      'm.chemicalClass = coalesce(m.seedChemicalClass, m.curatedChemicalClass, m.obelixChemicalClass, m.liverpoolChemicalClass, m.laskowskiChemicalClass)',
      'm.aliasTexts = coalesce(m.seedAliasTexts, [])',
      'm.aliasReviews = coalesce(m.seedAliasReviews, [])',
      'm.aliasLines = coalesce(m.seedAliasLines, [])',
      'm.aliasVariants = coalesce(m.seedAliasVariants, [])',
      'm.family = coalesce(m.seedFamily, m.curatedFamily, m.obelixFamily, m.liverpoolFamily, m.laskowskiFamily)',
      'm.families = [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]] + [u2 IN coalesce(m.obelixFamilies, []) WHERE NOT u2 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]]] + [u3 IN coalesce(m.liverpoolFamilies, []) WHERE NOT u3 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]] + [u2 IN coalesce(m.obelixFamilies, []) WHERE NOT u2 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]]]] + [u4 IN coalesce(m.laskowskiFamilies, []) WHERE NOT u4 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]] + [u2 IN coalesce(m.obelixFamilies, []) WHERE NOT u2 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]]] + [u3 IN coalesce(m.liverpoolFamilies, []) WHERE NOT u3 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]] + [u2 IN coalesce(m.obelixFamilies, []) WHERE NOT u2 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL] + [u1 IN [s1 IN [m.curatedFamily] WHERE s1 IS NOT NULL] WHERE NOT u1 IN [s0 IN [m.seedFamily] WHERE s0 IS NOT NULL]]]]]',
      'm.familyLabels = coalesce(m.obelixFamilyLabels, []) + [u1 IN coalesce(m.liverpoolFamilyLabels, []) WHERE NOT u1 IN coalesce(m.obelixFamilyLabels, [])] + [u2 IN coalesce(m.laskowskiFamilyLabels, []) WHERE NOT u2 IN coalesce(m.obelixFamilyLabels, []) + [u1 IN coalesce(m.liverpoolFamilyLabels, []) WHERE NOT u1 IN coalesce(m.obelixFamilyLabels, [])]]',
      'm.representativeFormula = m.seedRepresentativeFormula',
      'm.generalFormula = m.seedGeneralFormula',
      'm.stoichiometryVariables = coalesce(m.seedStoichiometryVariables, [])',
      'm.stoichiometryMins = coalesce(m.seedStoichiometryMins, [])',
      'm.stoichiometryMaxes = coalesce(m.seedStoichiometryMaxes, [])',
      'm.generalFormulaSource = m.seedGeneralFormulaSource',
      'm.representativeFormulaSource = m.seedRepresentativeFormulaSource',
    ];
    const assignments = set.match(/SET ([^]*)\nRETURN/)![1]!.split(/,\n\s*/);
    expect(assignments.sort()).toEqual(expected.sort());
  });

  it("a source's writer names its copies, splits lists of objects into parallel lists ('' for null) and refuses what it does not keep", () => {
    const seed = sourceProps(MATERIAL, 'seed', {
      kind: 'COMPOSITION',
      name: 'LGPS',
      description: null,
      formula: 'Li10GeP2S12',
      reportedFormulas: ['Li10GeP2S12'],
      reducedFormula: 'Li10GeP2S12',
      composition: [
        { element: 'Li', amount: 10 },
        { element: 'Ge', amount: 1 },
      ],
      elements: ['Ge', 'Li', 'P', 'S'],
      elementCount: 4,
      chemicalSystem: 'Ge-Li-P-S',
      chemicalClass: 'SULFIDE',
      representativeFormula: null,
      representativeFormulaSource: null,
      generalFormula: null,
      stoichiometryRanges: [],
      generalFormulaSource: null,
      aliases: [
        { alias: 'LGPS', review: null, line: null, variantId: null },
        { alias: 'L', review: 'banerjee2020', line: 812, variantId: 'v' },
      ],
      family: 'LGPS',
    });
    expect(Object.keys(seed).sort()).toEqual([...SEED_COPIES].sort());
    expect(seed).toMatchObject({
      seedFormulas: ['Li10GeP2S12'],
      seedCompositionElements: ['Li', 'Ge'],
      seedCompositionAmounts: [10, 1],
      seedAliasTexts: ['LGPS', 'L'],
      seedAliasReviews: ['', 'banerjee2020'],
      // a number column: NaN for null (a list holds one type)
      seedAliasLines: [Number.NaN, 812],
      seedAliasVariants: ['', 'v'],
      seedDescription: null,
    });
    expect(() => sourceProps(MATERIAL, 'obelix', { name: 'x' } as never)).toThrow(/Material\.name is not kept by obelix/);
    expect(() => sourceProps(MATERIAL, 'seed', { families: [] } as never)).toThrow(/Material\.families is not kept by seed/);
  });

  it('a read of a material never returns the per-source copies', () => {
    const map = recordMap(MATERIAL, MATERIAL_PROJECTION, 'm');
    expect(map).not.toMatch(/\bm\.(seed|obelix)[A-Z]/);
    expect(map).not.toMatch(/\{\s*\.\*/);
  });
});
