import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { readSeed } from '../../src/services/seed/seed.read.js';

describe('the names the committed seed gives its materials', () => {
  it('every registry id, curated name, alias and polymorph name, under its lookup key', async () => {
    const config = loadConfig();
    const bundle = await readSeed({ seedDir: config.seedDir, textsDir: null });
    const find = (key: string) => bundle.names.filter((n) => n.key === key).map(({ key: _k, ...n }) => n);

    // materials/common.yaml: the named material LiPON, the curated name LLZO
    expect(find('lipon')).toEqual([{ text: 'LiPON', kind: 'ID', review: null, materialId: 'named:LiPON', variantId: null }]);
    expect(find('llzo')).toEqual([
      { text: 'LLZO', kind: 'ALIAS', review: null, materialId: 'La3Li7O12Zr2', variantId: null },
      { text: 'LLZO', kind: 'NAME', review: null, materialId: 'La3Li7O12Zr2', variantId: null },
    ]);
    // feng2022.yaml line 240 and pasta2020.yaml line 671: LLZTO, the Ta-doped variant, in the review where it holds
    expect(find('llzto')).toEqual([
      { text: 'LLZTO', kind: 'ALIAS', review: 'feng2022', materialId: 'La3Li7O12Zr2', variantId: 'La3Li7O12Zr2|dopants=Ta@Zr' },
      { text: 'LLZTO', kind: 'ALIAS', review: 'pasta2020', materialId: 'La3Li7O12Zr2', variantId: 'La3Li7O12Zr2|dopants=Ta@Zr' },
    ]);
    // banerjee2020 measurements.yaml line 419 (polymorph β) and feng2022 measurements.yaml line 633 (beta): one key
    expect(find('beta-li3ps4').map((n) => n.variantId).sort()).toEqual(['Li3P1S4|polymorph=beta', 'Li3P1S4|polymorph=beta;form=nanoporous', 'Li3P1S4|polymorph=β']);
    // a composition whose name is its own formula gets no name: formulas are read as formulas, case-sensitively
    expect(find('li3ps4')).toEqual([]);
    // every alias of the YAML files is there
    for (const a of bundle.aliases) {
      expect(bundle.names.some((n) => n.kind === 'ALIAS' && n.text === a.alias && n.materialId === a.materialId && n.review === a.review), a.alias).toBe(true);
    }
  });
});
