import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { InvalidRecordsError } from '../../src/services/errors.js';
import { readSeed } from '../../src/services/seed/seed.read.js';
import { seedFixture } from '../support/seedFixture.js';

const TEXTS = loadConfig().seedTextsDir;

async function problems(facts: Record<string, string>, materials: Record<string, string> = {}): Promise<string[]> {
  const dir = await seedFixture(facts, materials);
  try {
    await readSeed({ seedDir: dir, textsDir: TEXTS });
  } catch (e) {
    if (e instanceof InvalidRecordsError) return e.problems.map((p) => `${p.file}:${p.record}: ${p.field}: ${p.problem}`);
    throw e;
  }
  return [];
}

// Line 88 of Banerjee et al. reads "... These include $Li_7P_3S_{11}$ (17 mS/ cm), $Li_{10}GeP_2S_{12}$ (12 mS/cm) ...".
const GOOD = `
  - id: P1
    material: Li7P3S11
    property: IONIC_CONDUCTIVITY
    value: "17"
    unit: "mS/ cm"
    unitAsMeant: mS/cm
    conditions: { temperature: RT }
    source: { line: 88, ref: 4 }
    quote: "$Li_7P_3S_{11}$ (17 mS/ cm)"`;

describe('seed validation', () => {
  it('reads a valid record into canonical units with its provenance', async () => {
    const dir = await seedFixture({ 'facts/banerjee2020/measurements.yaml': `review: banerjee2020\nrecords:${GOOD}\n` });
    const b = await readSeed({ seedDir: dir, textsDir: TEXTS });
    expect(b.measurements).toHaveLength(1);
    const m = b.measurements[0]!;
    expect(m).toMatchObject({
      id: 'banerjee2020:P1',
      materialId: 'Li7P3S11',
      lines: [88],
      refs: [4],
      citation: 'CONFIDENT',
      publicationKeys: ['pub:mizuno-2005-17-918'],
      props: { temperatureK: 298.15, temperatureText: 'RT', value: 0.017, unit: 'S/cm', printedValue: '17', printedUnit: 'mS/ cm', unitAsMeant: 'mS/cm' },
    });
    expect(b.quotesChecked).toBe(true);
    expect(b.reviews.map((r) => r.key)).toEqual(['famprikis2019', 'feng2022', 'pasta2020', 'banerjee2020', 'lewis2019']);
  });

  it('reports every problem as file:record: field: problem', async () => {
    const file = 'facts/banerjee2020/measurements.yaml';
    const text = `review: banerjee2020
records:${GOOD}
  - id: P1
    material: Li7P3S11
    property: IONIC_CONDUCTIVITY
    value: "17"
    unit: mS/cm
    source: { line: 88, ref: 4 }
    quote: "$Li_7P_3S_{11}$ (17 mS/ cm)"
  - id: P2
    material: Xyzzy
    property: IONIC_CONDUCTIVITY
    value: "12"
    unit: mS/cm
    source: { line: 88, ref: 5 }
    quote: "(12 mS/cm)"
  - id: P3
    material: Li10GeP2S12
    property: IONIC_CONDUCTIVITY
    value: "twelve"
    unit: mS/cm
    source: { line: 88, ref: 5 }
    quote: "(12 mS/cm)"
  - id: P4
    material: Li10GeP2S12
    property: IONIC_CONDUCTIVITY
    value: "12"
    unit: mA
    source: { line: 88, ref: 5 }
    quote: "(12 mS/cm)"
  - id: P5
    material: Li10GeP2S12
    property: IONIC_CONDUCTIVITY
    value: "12"
    unit: mS/cm
    source: { line: 88, ref: 9999 }
    quote: "(12 mS/cm)"
  - id: P6
    material: Li10GeP2S12
    property: IONIC_CONDUCTIVITY
    value: "12"
    unit: mS/cm
    source: { line: 89, ref: 5 }
    quote: "(12 mS/cm)"
  - id: P7
    material: Li10GeP2S12
    property: CONDUCTANCE
    value: "12"
    source: { line: 88 }
  - id: P8
    material: Li7-xLa3Zr2-xTaxO12
    property: IONIC_CONDUCTIVITY
    value: "1"
    unit: mS/cm
    source: { line: 88, ref: 5 }
    quote: "(12 mS/cm)"
`;
    const found = await problems({ [file]: text });
    expect(found).toHaveLength(9);
    expect(found).toEqual(expect.arrayContaining([
      `${file}:P1: id: duplicate of the record in ${file}`,
      expect.stringMatching(new RegExp(`^${file}:P2: material: 'Xyzzy' is not a registry id, an alias or a formula`)),
      `${file}:P3: value: 'twelve': is not a number, a bound (<, >), a range or a value ± uncertainty`,
      `${file}:P4: value: 'mA': not a unit of ionic conductivity (S/cm): cannot convert to 'S/cm': different dimensions`,
      `${file}:P5: source.ref: reference 9999 is not in the reference list of banerjee2020`,
      `${file}:P6: quote: not found on line 89 of 003_9ddcaf3869a721a2.txt`,
      expect.stringMatching(new RegExp(`^${file}:P7: property: Invalid option`)),
      expect.stringMatching(new RegExp(`^${file}:P7: quote: `)),
      expect.stringMatching(new RegExp(`^${file}:P8: material: 'Li7-xLa3Zr2-xTaxO12' is not a registry id, an alias or a formula .*variable stoichiometry`)),
    ]));
  });

  it('reads a claim with its subjects and quantities, and refuses bad ones naming the record and field', async () => {
    // banerjee2020 line 88 (GOOD above): a claim beside the measurement it explains
    const claim = (id: string, extra: string) => `
  - id: ${id}
    kind: COMPARISON
    statement: "Li7P3S11 and Li10GeP2S12 reach conductivities of 17 and 12 mS/cm."
    source: { line: 88, ref: 4 }
    quote: "(17 mS/ cm)"${extra}`;
    const file = 'facts/banerjee2020/claims.yaml';
    const good = `review: banerjee2020\nrecords:${claim('S1', `
    subjects: { materials: [Li7P3S11, Li10GeP2S12], properties: [IONIC_CONDUCTIVITY] }
    quantities: [ { property: IONIC_CONDUCTIVITY, value: "17", unit: mS/cm } ]
    explains: [P1]`)}\n`;
    const dir = await seedFixture({ 'facts/banerjee2020/measurements.yaml': `review: banerjee2020\nrecords:${GOOD}\n`, [file]: good });
    const b = await readSeed({ seedDir: dir, textsDir: TEXTS });
    expect(b.claims).toHaveLength(1);
    expect(b.claims[0]).toMatchObject({
      id: 'banerjee2020:S1',
      kind: 'COMPARISON',
      properties: ['IONIC_CONDUCTIVITY'],
      materials: [{ materialId: 'Li7P3S11', variantId: null }, { materialId: 'Ge1Li10P2S12', variantId: null }],
      explainsIds: ['banerjee2020:P1'],
    });
    expect(b.claims[0]!.quantities[0]!.value).toMatchObject({ value: 0.017, unit: 'S/cm' });

    const bad = `review: banerjee2020\nrecords:${claim('S1', `
    explains: [P1, P1]`)}${claim('S2', `
    explains: [P9]`)}${claim('S3', `
    subjects: { materials: [Xyzzy], properties: [OTHER] }`)}${claim('S4', `
    quantities: [ { property: IONIC_CONDUCTIVITY, value: "a few", unit: mS/cm } ]`)}\n`;
    const found = await problems({ 'facts/banerjee2020/measurements.yaml': `review: banerjee2020\nrecords:${GOOD}\n`, [file]: bad });
    expect(found).toEqual(expect.arrayContaining([
      `${file}:S1: explains.1: 'P1' is given twice`,
      `${file}:S2: explains.0: no record 'P9' in banerjee2020`,
      expect.stringMatching(new RegExp(`^${file}:S3: subjects.properties.0: OTHER names no property`)),
      `${file}:S4: quantities.0.value: 'a few': is not a number, a bound (<, >), a range or a value ± uncertainty`,
    ]));
  });

  it('checks cross-references, review names and YAML itself', async () => {
    const found = await problems({
      'facts/banerjee2020/cells.yaml': `review: banerjee2020
records:
  - id: B1
    cellType: FULL
    components: [ { role: CATHODE, material: LiCoO2 } ]
    results: [ { property: FIRST_CYCLE_COULOMBIC_EFFICIENCY, value: "84", unit: "%" } ]
    resultText: first cycle CE of 84%
    coatingApplications: [C404]
    source: { line: 168, ref: 48 }
    quote: "84%"
`,
      'facts/lewis2019/windows.yaml': 'review: feng2022\nrecords: []\n',
      'facts/pasta2020/coatings.yaml': 'review: pasta2020\nrecords: [ { id: C1, : broken\n',
    });
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^facts\/pasta2020\/coatings\.yaml:line \d+: \(YAML\): /),
        "facts/banerjee2020/cells.yaml:B1: coatingApplications.0: no coating record 'C404' in banerjee2020",
        "facts/lewis2019/windows.yaml:file: review: is 'feng2022', expected 'lewis2019'",
      ]),
    );
  });

  it('resolves an abbreviation per review: LPS is Li3PS4 for Banerjee and Li7P3S11 for Lewis', async () => {
    const dir = await seedFixture(
      {
        'facts/banerjee2020/measurements.yaml': `review: banerjee2020
records:
  - id: P1
    material: LPS
    property: IONIC_CONDUCTIVITY
    value: "17"
    unit: mS/cm
    source: { line: 88, ref: 4 }
    quote: "(17 mS/ cm)"
`,
        'facts/lewis2019/measurements.yaml': `review: lewis2019
records:
  - id: P1
    material: LPS
    property: SHEAR_MODULUS
    value: "~60"
    unit: GPa
    source: { line: 41 }
    quote: "high shear modulus"
`,
      },
      {
        'materials/banerjee2020.yaml': 'review: banerjee2020\naliases: [ { alias: LPS, material: Li3PS4 } ]\n',
        'materials/lewis2019.yaml': 'review: lewis2019\naliases: [ { alias: LPS, material: Li7P3S11 } ]\n',
      },
    );
    const b = await readSeed({ seedDir: dir, textsDir: TEXTS });
    expect(Object.fromEntries(b.measurements.map((m) => [m.review, m.materialId]))).toEqual({ banerjee2020: 'Li3P1S4', lewis2019: 'Li7P3S11' });
  });

  it("checks a material's evidence: the quote of a family, the line of an alias, a representative formula's source", async () => {
    const found = await problems(
      {},
      {
        'materials/feng2022.yaml': `review: feng2022
materials:
  - { formula: Li7PS6, family: ARGYRODITE, familySource: { review: feng2022, line: 276, quote: "argyrodite-type Li<sub>7</sub>PS<sub>6</sub>" } }
  - { formula: Na3PS4, family: NA3PS4, familySource: { review: feng2022, line: 364, quote: "Na<sub>3</sub>AB<sub>4</sub>" } }
  - { formula: Li2OHCl, chemicalClass: OXIDE, familySource: { obelix: f5n } }
  - { id: X-rep, name: x, representativeFormula: LiCoO2 }
  - { id: X-fam, name: x, familySource: { review: feng2022, line: 1, quote: "a" } }
aliases:
  - { alias: LLCZN, material: Li7La3Zr2O12, source: { line: 261 } }
  - { alias: LAO, material: LiAlO2, source: { line: 231 } }
`,
      },
    );
    expect(found).toEqual([
      "materials/feng2022.yaml:Na3PS4: familySource.quote: 'Na<sub>3</sub>AB<sub>4</sub>' is not on line 364 of 001_027eb2fa15cd65c2.txt",
      'materials/feng2022.yaml:X-rep: (record): a representative formula needs its representativeSource, and only it',
      'materials/feng2022.yaml:X-fam: (record): familySource is the evidence of a family or chemicalClass',
      "materials/feng2022.yaml:LAO: source.line: 'LAO' is not on line 231 of 001_027eb2fa15cd65c2.txt",
    ]);
  });

  it('refuses a positive reaction energy unless the record says the review printed its magnitude', async () => {
    // famprikis 2019 L174: "... (0.05 V versus Li⁰) and with low reaction energies (20 meV per atom)^{65,80}"
    const record = (extra: string) => `review: famprikis2019
records:
  - id: P1
    material: Li7La3Zr2O12
    property: REACTION_ENERGY
    value: "20"
    unit: meV/atom${extra}
    source: { line: 174, ref: [65, 80] }
    quote: "low reaction energies (20 meV per atom)"`;
    expect(await problems({ 'facts/famprikis2019/measurements.yaml': record('') })).toEqual([
      'facts/famprikis2019/measurements.yaml:P1: value: a positive reaction energy: if the review prints the magnitude of a favourable one, say `printedSign: MAGNITUDE`',
    ]);
    expect(await problems({ 'facts/famprikis2019/measurements.yaml': record('\n    printedSign: MAGNITUDE') })).toEqual([]);
  });

  it('checks the quote of every place of a fact on its own line', async () => {
    // pasta 2020 prints one table twice: L531 (Table 1) and L579 (Table 2) both read "LLZO, ≈ 60 GPa"
    const record = (line: number, quote: string) => `review: pasta2020
records:
  - id: P1
    material: Li7La3Zr2O12
    property: SHEAR_MODULUS
    value: "≈ 60"
    unit: GPa
    source: { line: 531, alsoAt: [ { line: ${line}, quote: '${quote}' } ] }
    quote: 'LLZO, ≈ 60 GPa'`;
    expect(await problems({ 'facts/pasta2020/measurements.yaml': record(579, 'LLZO, ≈ 60 GPa') })).toEqual([]);
    expect(await problems({ 'facts/pasta2020/measurements.yaml': record(578, 'LLZO, ≈ 60 GPa') })).toEqual([
      'facts/pasta2020/measurements.yaml:P1: source.alsoAt.0.quote: not found on line 578 of 002_7cfe9c1ba3534e10.txt',
    ]);
    expect(await problems({ 'facts/pasta2020/measurements.yaml': record(531, 'LLZO, ≈ 60 GPa') })).toEqual([
      'facts/pasta2020/measurements.yaml:P1: source.alsoAt: the place at line 531 with the same quote is given twice',
    ]);
  });

  it('validates the committed seed without a problem', async () => {
    const b = await readSeed({ seedDir: loadConfig().seedDir, textsDir: TEXTS });
    expect(b.quotesChecked).toBe(true);
    expect(b.measurements.length).toBeGreaterThanOrEqual(300);
  });
});
