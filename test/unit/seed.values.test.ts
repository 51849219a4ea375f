/**
 * The committed seed's values read against the review texts: each expectation quotes the line it checks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { readSeed } from '../../src/services/seed/seed.read.js';
import type { SeedBundle } from '../../src/graph/seed.records.js';

let seed: SeedBundle;
beforeAll(async () => {
  seed = await readSeed({ seedDir: loadConfig().seedDir, textsDir: loadConfig().seedTextsDir });
});

const measurement = (id: string) => {
  const m = seed.measurements.find((x) => x.id === id);
  if (!m) throw new Error(`no measurement ${id}`);
  return m;
};
const cell = (id: string) => {
  const c = seed.cells.find((x) => x.id === id);
  if (!c) throw new Error(`no cell ${id}`);
  return c;
};

describe("'up to' values are reported maxima with their value", () => {
  it.each([
    // [id, words on the cited line, canonical value]
    ['feng2022:P103', 'ultra-high ionic conductivity up to 24 mS/cm after sintering', 0.024], // L294
    ['feng2022:P110', 'high ionic conductivity up to 10<sup>-2</sup> S/cm', 0.01], // L367
    ['feng2022:P128', 'ionic conductivity of up to 0.2 mS/cm', 0.0002], // L380
    ['feng2022:P169', 'ionic conductivity of up to $5\\ mS/cm$', 0.005], // L470
    ['feng2022:P67', 'can be up to 14.57 kΩ·cm<sup>2</sup>', 14570], // L194, Ω cm2
    ['pasta2020:P75', 'up to $10^{-3} \\text{ S cm}^{-1}$', 0.001], // L692
    ['pasta2020:P61', 'pressures (up to 500 MPa)', 500], // L641
  ])('%s: %s', (id, words, value) => {
    const m = measurement(id);
    expect(m.quote).toContain(words);
    expect(m.props.qualifier).toBe('REPORTED_MAXIMUM');
    expect(m.props.value).toBe(value);
    expect(m.props.printedValue).toMatch(/^up to /);
  });

  it("Banerjee's CE 'as high as 99.4%' (L638), Table 2 'up to 99.4%' (L651) and 'for up to 20 cycles' (L400) carry their numbers", () => {
    const ce = cell('banerjee2020:B163').results.find((r) => r.property === 'COULOMBIC_EFFICIENCY')!;
    expect(ce).toMatchObject({ qualifier: 'REPORTED_MAXIMUM', value: 99.4, printedValue: 'as high as 99.4' });
    expect(cell('banerjee2020:B168').results).toMatchObject([{ property: 'COULOMBIC_EFFICIENCY', qualifier: 'REPORTED_MAXIMUM', value: 99.4 }]);
    expect(cell('banerjee2020:B82').results.find((r) => r.property === 'CYCLE_COUNT')).toMatchObject({ qualifier: 'REPORTED_MAXIMUM', value: 20 });
  });

  it("no value whose quote says 'up to' right before its number is stored as a censored bound", () => {
    const censored = seed.measurements.filter((m) => m.props.qualifier === 'LESS_THAN' && /up to\s*\$?\s*\d/.test(m.quote));
    expect(censored.map((m) => m.id)).toEqual([]);
  });
});

describe('no float noise in the seed as loaded', () => {
  it("banerjee P68 (L584 'relatively low (7.1 ± 0.3 GPa)') has uncertainty 0.3, not 0.3000000000000007", () => {
    const m = measurement('banerjee2020:P68');
    expect(m.quote).toContain('(7.1 ± 0.3 GPa)');
    expect(m.props).toMatchObject({ value: 7.1, uncertainty: 0.3, unit: 'GPa' });
    expect(measurement('banerjee2020:P37').props.uncertainty).toBe(1.8); // L386 '(2.8 \pm 1.8 \text{ J/m}^2'
  });

  it('every number the seed writes has at most 12 significant digits', () => {
    const noisy: string[] = [];
    const walk = (x: unknown, path: string): void => {
      if (typeof x === 'number') {
        if (Number.isFinite(x) && x !== 0 && Number(x.toPrecision(12)) !== x) noisy.push(`${path} = ${x}`);
      } else if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
    };
    walk(seed, 'seed');
    expect(noisy).toEqual([]);
  });
});

describe("a cell's times say what they are", () => {
  const resultOf = (id: string, property: string) => cell(id).results.find((r) => r.property === property);

  it("feng B30 (L301 '20 cycles (40 h in total), resulting in a short circuit') is a time to short circuit", () => {
    expect(cell('feng2022:B30').quote).toContain('(40 h in total), resulting in a short circuit');
    expect(resultOf('feng2022:B30', 'TIME_TO_SHORT_CIRCUIT')).toMatchObject({ value: 40, unit: 'h' });
  });

  it("feng B79 (L470 'for 300 h, without short circuit') and banerjee B96 (L523 'for 40 h') are cycling durations", () => {
    expect(resultOf('feng2022:B79', 'CYCLING_DURATION')).toMatchObject({ value: 300, unit: 'h' });
    expect(resultOf('banerjee2020:B96', 'CYCLING_DURATION')).toMatchObject({ value: 40, unit: 'h' });
  });

  it("banerjee B103 (L509 'after 800 h (cell at rest)') is a rest duration", () => {
    expect(resultOf('banerjee2020:B103', 'REST_DURATION')).toMatchObject({ value: 800, unit: 'h' });
  });

  it("famprikis B1 (L17 '18 C ... charge–discharge times of 3 min') is a charge duration of 0.05 h", () => {
    expect(cell('famprikis2019:B1').quote).toContain('charge–discharge times of 3 min');
    expect(resultOf('famprikis2019:B1', 'CHARGE_DURATION')).toMatchObject({ value: 0.05, unit: 'h', printedValue: '3', printedUnit: 'min' });
  });

  it('no cell result is a bare TIME or an OTHER duration', () => {
    const results = seed.cells.flatMap((c) => c.results.map((r) => ({ id: c.id, ...r })));
    expect(results.filter((r) => (r.property as string) === 'TIME' || (r.property === 'OTHER' && /time|duration/i.test(r.propertyText ?? '')))).toEqual([]);
  });
});

describe('reaction energies in one sign convention (negative = favourable), printed value kept', () => {
  it("LLZO | Li: banerjee P9 (L140 'decomposition energy of -0.02 eV per atom') and famprikis P6 (L174 '(20 meV per atom)') are both −0.02 eV/atom", () => {
    const banerjee = measurement('banerjee2020:P9');
    const famprikis = measurement('famprikis2019:P6');
    expect(banerjee.quote).toContain('decomposition energy of -0.02 eV per atom');
    expect(famprikis.quote).toContain('low reaction energies (20 meV per atom)');
    expect(banerjee.props).toMatchObject({ value: -0.02, printedValue: '-0.02', unit: 'eV/atom' });
    expect(famprikis.props).toMatchObject({ value: -0.02, printedValue: '20', unit: 'eV/atom' });
    expect(famprikis.note).toMatch(/printed as a magnitude \('20'\)/);
  });

  it("LLZO | LCO / Li0.5CoO2 (banerjee L226 'is 1/53 meV per atom') are −0.001 and −0.053 eV/atom", () => {
    expect(measurement('banerjee2020:P15').props).toMatchObject({ value: -0.001, printedValue: '1' });
    expect(measurement('banerjee2020:P16').props).toMatchObject({ value: -0.053, printedValue: '53' });
  });

  it('no reaction energy is positive', () => {
    const energies = seed.measurements.filter((m) => m.props.property === 'REACTION_ENERGY');
    expect(energies.length).toBeGreaterThanOrEqual(12);
    expect(energies.filter((m) => [m.props.value, m.props.min, m.props.max].some((x) => x !== null && x > 0)).map((m) => m.id)).toEqual([]);
  });
});

describe('energies above the hull the reviews print', () => {
  it("feng P135 (L382 'energy difference between t-Na3SbS4 and c-Na3SbS4 to be only 4.3 meV/atom') is c-Na3SbS4's energy above the hull", () => {
    const m = measurement('feng2022:P135');
    expect(m.quote).toBe('to be only 4.3 meV/atom');
    expect(m.props).toMatchObject({ property: 'ENERGY_ABOVE_HULL', value: 0.0043, unit: 'eV/atom', printedValue: '4.3', printedUnit: 'meV/atom' });
    expect(seed.variants.find((v) => v.id === m.variantId)).toMatchObject({ polymorph: 'cubic' });
  });
});

describe('named properties instead of OTHER where the reviews print a kind twice or more', () => {
  it.each([
    // [id, property, words on the cited line, canonical value]
    ['pasta2020:P54', 'IONIC_RADIUS', 'S^{2-} (1.84Å)', 1.84], // L570
    ['pasta2020:P56', 'IONIC_RADIUS', 'the smaller radius of Cl^- (1.81Å)', 1.81], // L570
    ['famprikis2019:P7', 'YIELD_STRENGTH', '~0.8 MPa for Li', 0.8], // L226
    ['banerjee2020:P74', 'YIELD_STRENGTH', '0.8 MPa', 0.8], // L598
    ['feng2022:P60', 'WORK_OF_ADHESION', '0.67', 0.67], // L194
    ['feng2022:P61', 'CONTACT_ANGLE', '142°', 142], // L194
    ['pasta2020:P57', 'SITE_OCCUPANCY', 'having a 50% occupied 48 *h* site', 0.5], // L570: 50 % is 0.5
    ['feng2022:P57', 'SITE_OCCUPANCY', '0.56', 0.56], // L184
    ['feng2022:P176', 'STRIPPING_ENERGY', '0.259', 0.259], // L501 Table 6
    ['feng2022:P122', 'CHANNEL_VOLUME', '924', 924], // L375
    ['feng2022:P134', 'HOP_DISTANCE', '2.85 Å', 2.85], // L382
    ['banerjee2020:P86', 'SPECIFIC_SURFACE_AREA', '80', 80], // L194
    ['pasta2020:P92', 'X_RAY_ATTENUATION_LENGTH', '117,307 μm for Li', 117307], // L782
    ['pasta2020:P59', 'PROCESSING_TIME', 'for up to 10 hours', 10], // L570
    ['banerjee2020:P18', 'RESISTANCE_INCREASE', '400%', 400], // L250
    ['banerjee2020:P72', 'YOUNGS_MODULUS', 'to 11 GPa (100)', 11], // L592
  ])('%s is %s', (id, property, words, value) => {
    const m = measurement(id);
    expect(m.quote.replace(/\s+/g, '')).toContain(words.replace(/\s+/g, ''));
    expect(m.props).toMatchObject({ property, value });
  });

  it("feng's ionic radii (L495 'Li+ ions (0.76 Å)', Table 6 L501–503, L507 'Zr4+ (0.72 Å)') are on their elements, the table a second place", () => {
    const radii = seed.measurements.filter((m) => m.review === 'feng2022' && m.props.property === 'IONIC_RADIUS');
    const byElement = Object.fromEntries(radii.map((m) => [m.materialId, m.props.value]));
    expect(byElement).toEqual({ Li1: 0.76, Na1: 1.02, K1: 1.38, B1: 0.11, Al1: 0.39, P1: 0.17, Si1: 0.26, Ge1: 0.53, Ti1: 0.605, Zr1: 0.72 });
    expect(radii.find((m) => m.materialId === 'Li1')!.places).toEqual([
      { line: 495, quote: 'the small size of $\\text{Li}^+$ ions (0.76 Å)' },
      { line: 501, quote: '0.76 Å' },
    ]);
  });

  it('an ionic radius belongs to its ion: S2− 1.84 Å is on sulfur, not on Li6PS5I', () => {
    expect(measurement('pasta2020:P54')).toMatchObject({ materialId: 'S1', props: { conditionsOther: expect.stringContaining('S2−') } });
  });

  it('cell results and coating effects: capacity utilisation (banerjee L194 83.3 % / 46.0 %) and resistance increase', () => {
    expect(cell('banerjee2020:B55').results.find((r) => r.property === 'CAPACITY_UTILIZATION')).toMatchObject({ value: 83.3 });
    expect(cell('banerjee2020:B40').results.find((r) => r.property === 'RESISTANCE_INCREASE')).toMatchObject({ value: 400 });
  });

  it('what stays OTHER is a kind the reviews print once', () => {
    const texts = [
      ...seed.measurements.filter((m) => m.props.property === 'OTHER').map((m) => m.props.propertyText ?? ''),
      ...seed.cells.flatMap((c) => c.results.filter((r) => r.property === 'OTHER' && r.value !== null).map((r) => r.propertyText ?? '')),
    ];
    const named = /ionic radius|yield strength|work of adhesion|contact angle|occupan|stripping|channel volume|jump distance|distance between|surface area|attenuation|milling time|heat-treatment duration|resistance increase|impedance increase|fraction of theoretical capacity|elastic modulus/i;
    expect(texts.filter((t) => named.test(t))).toEqual([]);
  });
});

describe('one fact per statement, with every place that prints it', () => {
  it("pasta's Table 1 (L531) and Table 2 (L579) print 'LLZO, ≈ 60 GPa' once each: one fact with two places", () => {
    const moduli = seed.measurements.filter((m) => m.review === 'pasta2020' && m.props.property === 'SHEAR_MODULUS' && m.materialId === 'La3Li7O12Zr2');
    expect(moduli).toHaveLength(1);
    expect(moduli[0]!.places).toEqual([
      { line: 531, quote: 'LLZO, ≈ 60 GPa' },
      { line: 579, quote: 'LLZO, ≈ 60 GPa' },
    ]);
    expect(moduli[0]!.lines).toEqual([531, 579]);
  });

  it("the upper window of LLZO (≈ 3.6 V, Tables 1 and 2, footnote ref 88) is one window crediting ref 88", () => {
    const w = seed.windows.filter((x) => x.review === 'pasta2020' && x.materialId === 'La3Li7O12Zr2' && x.oxidation?.quantity?.value === 3.6);
    expect(w).toHaveLength(1);
    expect(w[0]!.refs).toEqual([88]);
    expect(w[0]!.places.map((p) => p.line)).toEqual([530, 578]);
  });

  it('no two records of a review state the same value of the same property of the same subject at the same places', () => {
    const key = (m: SeedBundle['measurements'][number]) =>
      [m.review, m.materialId ?? m.family, m.variantId, m.props.property, m.props.propertyText, m.props.printedValue, m.props.printedUnit, m.props.conditionsOther, m.quote].join('|');
    const seen = new Map<string, string>();
    const twins: string[] = [];
    for (const m of seed.measurements) {
      const k = key(m);
      if (seen.has(k)) twins.push(`${seen.get(k)} = ${m.id}`);
      else seen.set(k, m.id);
    }
    expect(twins).toEqual([]);
  });
});

describe("feng's table and text: one fact, every place, every publication", () => {
  it("LLCZN's CCD 0.4 mA/cm² (L230, printed with ref 166 and again without) is one fact that keeps its publication", () => {
    const ccd = seed.measurements.filter((m) => m.review === 'feng2022' && m.props.property === 'CRITICAL_CURRENT_DENSITY' && m.props.value === 0.4);
    expect(ccd).toHaveLength(1);
    expect(ccd[0]!.refs).toEqual([166]);
    expect(ccd[0]!.publicationKeys).toHaveLength(1);
    expect(ccd[0]!.places.map((p) => p.quote)).toEqual([
      'improved CCD for the onset of dendrite growth from 0.4',
      'for the baseline pristine LLCZN, this value was 0.4 mA/cm<sup>2</sup>',
    ]);
  });

  it("LiBH4's 110 °C (Table 1 L108, text L138 and L507, ref 122) is one transition with three places", () => {
    const t = seed.measurements.filter((m) => m.review === 'feng2022' && m.props.property === 'TRANSITION_TEMPERATURE' && m.materialId === 'B1H4Li1');
    expect(t).toHaveLength(1);
    expect(t[0]!.lines).toEqual([108, 138, 507]);
    expect(t[0]!.props.value).toBe(383.15);
  });

  it("Li7PS6's 210 °C credits the table's ref 115 and the text's refs 117 and 204", () => {
    const t = seed.measurements.find((m) => m.id === 'feng2022:P1')!;
    expect(t.refs).toEqual([115, 117, 204]);
    expect(t.publicationKeys).toHaveLength(3);
  });
});
