/**
 * The literature graph over HTTP: facts of each of the five reviews, fetched through GraphQL and compared
 * with what the review's text says at the line the fact cites (the text is read here, independently of
 * the seed), the two example questions, and the traversals in both directions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const FILES: Record<string, string> = {
  famprikis2019: '000_6d45ebafdf537c16.txt',
  feng2022: '001_027eb2fa15cd65c2.txt',
  pasta2020: '002_7cfe9c1ba3534e10.txt',
  banerjee2020: '003_9ddcaf3869a721a2.txt',
  lewis2019: '004_a1310d690e07455c.txt',
};
const texts = new Map<string, string[]>();
/** Line `n` (1-based) of a review's text. */
function textLine(review: string, n: number): string {
  if (!texts.has(review)) texts.set(review, readFileSync(path.join(loadConfig().seedTextsDir, FILES[review]!), 'utf8').split('\n'));
  return texts.get(review)![n - 1]!;
}

interface Q {
  qualifier: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  printedValue: string;
  printedUnit: string | null;
  unitAsMeant?: string | null;
}
interface Src {
  kind: string;
  file: string;
  line: number;
  lines: number[];
  referenceNumber: number | null;
  referenceNumbers: number[];
  citationConfidence: string;
  quote: string;
  review: { reviewKey: string; doi: string } | null;
}
const SOURCE = 'source { kind file line lines referenceNumber referenceNumbers citationConfidence quote review { reviewKey doi } }';
const QUANTITY = 'qualifier value min max unit printedValue printedUnit unitAsMeant';
const PUB = 'publication { key firstAuthor year volume firstPage journal }';

/** Checks provenance: the review, file, line and reference number, and that the line of the text says it. */
function checkSource(s: Src, review: string, line: number, ref: number | null, ...snippets: string[]) {
  expect(s.kind).toBe('REVIEW');
  expect(s.review!.reviewKey).toBe(review);
  expect(s.file).toBe(FILES[review]);
  expect(s.lines).toContain(line);
  if (ref !== null) expect(s.referenceNumbers).toContain(ref);
  const text = s.lines.map((l) => textLine(review, l)).join(' ');
  expect(text.replace(/\s+/g, ' ')).toContain(s.quote.replace(/\s+/g, ' '));
  for (const snippet of snippets) expect(textLine(review, line), `line ${line} of ${review}`).toContain(snippet);
}

async function measurement(review: string, material: string, property: string, line: number) {
  const res = await server.gql<{ measurements: { edges: { node: Q & { property: string; source: Src; publication: Record<string, unknown> | null } }[] } }>(
    `query($w: MeasurementWhere) { measurements(where: $w, first: 100) { edges { node { property ${QUANTITY} ${SOURCE} ${PUB} } } } }`,
    { w: { review, material, property } },
  );
  expect(res.errors).toBeUndefined();
  const found = res.data!.measurements.edges.map((e) => e.node).filter((m) => m.source.lines.includes(line));
  expect(found.length, `${review} ${material} ${property} line ${line}`).toBeGreaterThan(0);
  return found;
}

async function window(review: string, material: string, line: number) {
  const res = await server.gql<{ reportedStabilityWindows: { edges: { node: { reductionLimit: { quantity: Q | null; text: string | null } | null; oxidationLimit: { quantity: Q | null; text: string | null } | null; scale: string; method: string; source: Src } }[] } }>(
    `query($w: ReportedStabilityWindowWhere) { reportedStabilityWindows(where: $w, first: 100) { edges { node {
       reductionLimit { quantity { ${QUANTITY} } text } oxidationLimit { quantity { ${QUANTITY} } text } scale method ${SOURCE} } } } }`,
    { w: { review, material } },
  );
  expect(res.errors).toBeUndefined();
  const found = res.data!.reportedStabilityWindows.edges.map((e) => e.node).filter((w) => w.source.lines.includes(line));
  expect(found.length, `${review} window of ${material} at line ${line}`).toBeGreaterThan(0);
  return found;
}

interface Obs {
  products: { id: string; formula: string | null; name: string }[];
  productsText: string | null;
  characterText: string | null;
  evidence: { technique: string; text: string | null }[];
  thickness: Q | null;
  source: Src;
  publication: { firstAuthor: string; year: number } | null;
}
async function observations(review: string, electrolyte: string, counterpart: string | null, line: number): Promise<Obs[]> {
  const res = await server.gql<{ interfaces: { edges: { node: { counterpartKind: string; observations: Obs[] } }[] } }>(
    `query($w: InterfaceWhere) { interfaces(where: $w, first: 100) { edges { node { counterpartKind observations {
       products { id formula name } productsText characterText evidence { technique text } thickness { ${QUANTITY} } ${SOURCE}
       publication { firstAuthor year } } } } } }`,
    { w: { electrolyte, ...(counterpart ? { counterpart } : {}) } },
  );
  expect(res.errors).toBeUndefined();
  const found = res.data!.interfaces.edges
    .flatMap((e) => e.node.observations)
    .filter((o) => o.source.review?.reviewKey === review && o.source.lines.includes(line));
  expect(found.length, `${review} interphase of ${electrolyte} | ${counterpart} at line ${line}`).toBeGreaterThan(0);
  return found;
}

interface Coat {
  coating: { id: string };
  substrate: { id: string } | null;
  electrolyte: { id: string } | null;
  method: string;
  thickness: Q | null;
  effects: { property: string; before: Q | null; after: Q | null; value: Q | null; text: string | null }[];
  source: Src;
}
async function coating(review: string, coatingMaterial: string, line: number): Promise<Coat[]> {
  const res = await server.gql<{ coatingApplications: { edges: { node: Coat }[] } }>(
    `query($w: CoatingApplicationWhere) { coatingApplications(where: $w, first: 100) { edges { node {
       coating { id } substrate { id } electrolyte { id } method thickness { ${QUANTITY} }
       effects { property before { ${QUANTITY} } after { ${QUANTITY} } value { ${QUANTITY} } text } ${SOURCE} } } } }`,
    { w: { review, coating: coatingMaterial } },
  );
  expect(res.errors).toBeUndefined();
  const found = res.data!.coatingApplications.edges.map((e) => e.node).filter((c) => c.source.lines.includes(line));
  expect(found.length, `${review} coating ${coatingMaterial} at line ${line}`).toBeGreaterThan(0);
  return found;
}

interface CellNode {
  cellType: string;
  components: { role: string; material: { id: string } }[];
  results: (Q & { property: string })[];
  resultText: string;
  source: Src;
}
async function cells(review: string, material: string, line: number): Promise<CellNode[]> {
  const res = await server.gql<{ cells: { edges: { node: CellNode }[] } }>(
    `query($w: CellWhere) { cells(where: $w, first: 100) { edges { node {
       cellType components { role material { id } } results { property ${QUANTITY} } resultText ${SOURCE} } } } }`,
    { w: { review, material } },
  );
  expect(res.errors).toBeUndefined();
  const found = res.data!.cells.edges.map((e) => e.node).filter((c) => c.source.lines.includes(line));
  expect(found.length, `${review} cell with ${material} at line ${line}`).toBeGreaterThan(0);
  return found;
}

const close = (got: number | null, want: number, digits = 9) => expect(got).toBeCloseTo(want, digits);
const formulas = (o: Obs) => o.products.map((p) => p.formula);

describe('famprikis2019 (Nat. Mater. 2019): facts against its text', () => {
  const R = 'famprikis2019';
  it('Na11Sn2PS12 conducts ~1 mS/cm (line 102, refs 59 and 60)', async () => {
    const [m] = await measurement(R, 'Na11Sn2PS12', 'IONIC_CONDUCTIVITY', 102);
    close(m!.value, 1e-3, 12);
    expect(m!.unit).toBe('S/cm');
    checkSource(m!.source, R, 102, 59, '1 mS cm⁻¹ for Na⁺');
  });
  it('LLZO is slightly unstable at 0.05 V vs Li (lines 166 and 174)', async () => {
    const [w] = await window(R, 'Li7La3Zr2O12', 174);
    close(w!.reductionLimit!.quantity!.value, 0.05);
    expect(w!.scale).toBe('LI');
    checkSource(w!.source, R, 174, null, '0.05');
    expect(textLine(R, 166)).toContain('slight thermodynamic instability');
  });
  it('LLZO reacts with 20 meV per atom (line 174)', async () => {
    const [m] = await measurement(R, 'LLZO', 'REACTION_ENERGY', 174);
    // printed as the magnitude of a favourable reaction; stored in the one convention, negative = favourable
    close(m!.value, -0.02);
    expect(m!.unit).toBe('eV/atom');
    checkSource(m!.source, R, 174, null, '20 meV per atom');
  });
  it('Li3PS4 against Li metal ends as Li3P and Li2S (line 132)', async () => {
    const found = await observations(R, 'Li3PS4', 'Li', 132);
    expect(found.some((o) => ['Li3P', 'Li2S'].every((f) => formulas(o).includes(f)))).toBe(true);
    checkSource(found[0]!.source, R, 132, 65, '\\mathrm{Li}_{3}\\mathrm{P}');
  });
  it('Li3PS4 against LiCoO2 is predicted to give CoS2 (line 146)', async () => {
    const found = await observations(R, 'Li3PS4', 'LiCoO2', 146);
    expect(found.flatMap(formulas)).toContain('CoS2');
    checkSource(found[0]!.source, R, 146, 65, 'LiCoO₂');
  });
  it('LiBH4 has a shear modulus of ≈4 GPa (line 232)', async () => {
    const [m] = await measurement(R, 'LiBH4', 'SHEAR_MODULUS', 232);
    expect(m).toMatchObject({ qualifier: 'APPROXIMATE', value: 4, unit: 'GPa' });
    checkSource(m!.source, R, 232, 148, 'G \\approx 4');
  });
  it('garnets as a family: Young\'s modulus ≈150 GPa (line 226)', async () => {
    const res = await server.gql<{ measurements: { edges: { node: Q & { source: Src } }[] } }>(
      `{ measurements(where: { review: "${R}", aboutFamily: GARNET, property: YOUNGS_MODULUS }) { edges { node { ${QUANTITY} ${SOURCE} } } } }`,
    );
    const m = res.data!.measurements.edges.map((e) => e.node).find((x) => x.source.lines.includes(226))!;
    expect(m).toMatchObject({ qualifier: 'APPROXIMATE', value: 150, unit: 'GPa' });
    checkSource(m.source, R, 226, 147, 'E \\approx 150');
  });
  it('a battery made from LGPS alone (line 139, ref 82)', async () => {
    const [b] = await cells(R, 'LGPS', 139);
    expect(b!.components.every((c) => c.material.id === 'Ge1Li10P2S12')).toBe(true);
    checkSource(b!.source, R, 139, 82, 'single material');
  });
  it('Li4Ti5O12 as a cathode coating against sulfides (line 178, ref 95)', async () => {
    const [c] = await coating(R, 'Li4Ti5O12', 178);
    expect(c!.coating.id).toBe('Li4O12Ti5');
    checkSource(c!.source, R, 178, 95, 'Li_4Ti_5O_{12}');
  });
});

describe('feng2022 (Joule 2022): facts against its text', () => {
  const R = 'feng2022';
  it('Table 1: Li7PS6 transforms at 210 °C (line 106)', async () => {
    const [m] = await measurement(R, 'Li7PS6', 'TRANSITION_TEMPERATURE', 106);
    close(m!.value, 483.15);
    expect(m).toMatchObject({ unit: 'K', printedValue: '210', printedUnit: '°C' });
    checkSource(m!.source, R, 106, 115, '210');
  });
  it('Table 1: orthorhombic Li7PS6 has a = 14.076 Å (line 106)', async () => {
    const found = await measurement(R, 'Li7PS6', 'LATTICE_PARAMETER', 106);
    expect(found.some((m) => m.value === 14.076 && m.unit === 'Å')).toBe(true);
    expect(textLine(R, 106)).toContain('14.076');
  });
  it('contradictions stay separate: Na3PS4 transition at 260 °C (Table 1) and at 261 °C (text)', async () => {
    const [table] = await measurement(R, 'Na3PS4', 'TRANSITION_TEMPERATURE', 109);
    const [text] = await measurement(R, 'Na3PS4', 'TRANSITION_TEMPERATURE', 367);
    close(table!.value, 533.15);
    close(text!.value, 534.15);
    checkSource(table!.source, R, 109, 124, '260');
    checkSource(text!.source, R, 367, null, '261°C');
  });
  it('LLZO is unstable above 2.91 V vs Li (DFT, line 236)', async () => {
    const found = await window(R, 'LLZO', 236);
    const w = found.find((x) => x.oxidationLimit?.quantity?.value === 2.91)!;
    expect(w.method).toBe('COMPUTED_THERMODYNAMIC');
    checkSource(w.source, R, 236, 162, 'unstable above 2.91 V');
  });
  it('a 5 nm LiAlO2 grain coating raises the CCD of LLCZN from 0.4 to 0.75 mA/cm² (line 230)', async () => {
    const found = await coating(R, 'LiAlO2', 230);
    const c = found.find((x) => x.effects.some((e) => e.property === 'CRITICAL_CURRENT_DENSITY' && e.before?.value === 0.4 && e.after?.value === 0.75))!;
    expect(c.thickness).toMatchObject({ value: 5, unit: 'nm' });
    checkSource(c.source, R, 230, null, '5 nm layer of');
  });
  it('ALD Al2O3 on LLZO: interfacial resistance 1,710 → 1 Ω cm² (line 232, ref 165)', async () => {
    const found = await coating(R, 'Al2O3', 232);
    const c = found.find((x) => x.effects.some((e) => e.property === 'AREA_SPECIFIC_RESISTANCE' && e.before?.value === 1710 && e.after?.value === 1))!;
    expect(c.method).toBe('ALD');
    checkSource(c.source, R, 232, 165, '1,710');
  });
  it('Table 2: Li | LLZNO | LCO (PLD) gives 127 mAh/g over 100 cycles (line 244)', async () => {
    const [b] = await cells(R, 'LLZO', 244);
    expect(b!.results.find((r) => r.property === 'SPECIFIC_CAPACITY')).toMatchObject({ value: 127, unit: 'mAh/g' });
    expect(b!.results.find((r) => r.property === 'CYCLE_COUNT')).toMatchObject({ value: 100 });
    expect(textLine(R, 244)).toContain('127');
  });
  it('LLZO in contact with Li forms a tetragonal interphase seen by EELS (line 202, ref 146)', async () => {
    const found = await observations(R, 'LLZO', 'Li', 202);
    const o = found.find((x) => x.evidence.some((e) => e.technique === 'EELS'))!;
    checkSource(o.source, R, 202, 146, 'electron energy loss spectroscopy (EELS)');
    expect(o.publication).toMatchObject({ firstAuthor: 'Ma', year: 2016 });
  });
});

describe('pasta2020 (J. Phys. Energy 2020): facts against its text', () => {
  const R = 'pasta2020';
  it('CCD of Li | LLZO | Li without pressure: 0.1 mA cm⁻² (line 175, ref 10)', async () => {
    const [m] = await measurement(R, 'LLZO', 'CRITICAL_CURRENT_DENSITY', 175);
    expect(m).toMatchObject({ value: 0.1, unit: 'mA/cm2' });
    checkSource(m!.source, R, 175, 10, '0.1 mA cm⁻²');
    expect(m!.publication).toMatchObject({ firstAuthor: 'Krauskopf', year: 2019 });
  });
  it('the same test as a symmetric cell (line 175)', async () => {
    const [b] = await cells(R, 'LLZO', 175);
    expect(b!.cellType).toBe('SYMMETRIC');
    expect(b!.results.find((r) => r.property === 'CRITICAL_CURRENT_DENSITY')).toMatchObject({ value: 0.1 });
  });
  it('Na-β-alumina strips at 2.5 mA cm⁻² above 9 MPa (line 179, ref 5)', async () => {
    const [m] = await measurement(R, 'beta-alumina', 'CURRENT_DENSITY', 179);
    expect(m).toMatchObject({ value: 2.5, unit: 'mA/cm2' });
    checkSource(m!.source, R, 179, 5, '9 MPa');
  });
  it('LLZO | LiCoO2 on annealing: Li2CO3, La2Zr2O7, LaCoO3 (line 418, ref 49)', async () => {
    const found = await observations(R, 'LLZO', 'LiCoO2', 418);
    expect(found.flatMap(formulas)).toEqual(expect.arrayContaining(['Li2CO3', 'La2Zr2O7', 'LaCoO3']));
    checkSource(found[0]!.source, R, 418, 49, 'inter-diffusion');
  });
  it('LiPON | LiCoO2: a layer that evolves into Li2O and Li2O2, seen by STEM-EELS (line 418, ref 50)', async () => {
    const found = await observations(R, 'LiPON', 'LiCoO2', 418);
    expect(found.flatMap(formulas)).toEqual(expect.arrayContaining(['Li2O', 'Li2O2']));
    expect(found.flatMap((o) => o.evidence.map((e) => e.technique))).toEqual(expect.arrayContaining(['STEM']));
    checkSource(found[0]!.source, R, 418, 50, 'LiPON');
  });
  it('LGPS | Li: Li3P, Li2S and a Li–Ge alloy form (line 428, ref 53)', async () => {
    const found = await observations(R, 'LGPS', 'Li', 428);
    expect(found.flatMap(formulas)).toEqual(expect.arrayContaining(['Li3P', 'Li2S']));
    checkSource(found[0]!.source, R, 428, 53, 'LiGe alloy');
  });
  it('Table 1: LLZO practical upper voltage ≈ 3.6 V, Li6PS5Cl ≈ 2.2 V (line 530, ref 88)', async () => {
    const [llzo] = await window(R, 'LLZO', 530);
    const [lpscl] = await window(R, 'Li6PS5Cl', 530);
    expect(llzo!.oxidationLimit!.quantity).toMatchObject({ qualifier: 'APPROXIMATE', value: 3.6, unit: 'V' });
    expect(lpscl!.oxidationLimit!.quantity).toMatchObject({ qualifier: 'APPROXIMATE', value: 2.2 });
    checkSource(llzo!.source, R, 530, 88);
  });
  it('2 wt% LiF added to Ta-doped LLZO (line 522), citation flagged as doubtful', async () => {
    const [c] = await coating(R, 'LiF', 522);
    expect(c!.source.citationConfidence).toBe('DOUBTFUL');
    checkSource(c!.source, R, 522, 94, '2 wt%');
  });
});

describe('banerjee2020 (Chem. Rev. 2020): facts against its text', () => {
  const R = 'banerjee2020';
  it('Li7P3S11 17 mS/cm, the printed "mS/ cm" read as mS/cm (line 88, ref 4)', async () => {
    const [m] = await measurement(R, 'Li7P3S11', 'IONIC_CONDUCTIVITY', 88);
    expect(m).toMatchObject({ value: 0.017, unit: 'S/cm', printedValue: '17', printedUnit: 'mS/ cm', unitAsMeant: 'mS/cm' });
    checkSource(m!.source, R, 88, 4, '(17 mS/ cm)');
    expect(m!.publication).toMatchObject({ firstAuthor: 'Mizuno', year: 2005, volume: '17', firstPage: '918' });
  });
  it('LGPS 12 mS/cm and LSiPSCl 25 mS/cm (line 88)', async () => {
    const [lgps] = await measurement(R, 'LGPS', 'IONIC_CONDUCTIVITY', 88);
    const [lsipscl] = await measurement(R, 'Li9.54Si1.74P1.44S11.7Cl0.3', 'IONIC_CONDUCTIVITY', 88);
    close(lgps!.value, 0.012);
    close(lsipscl!.value, 0.025);
    expect(textLine(R, 88)).toContain('(25 mS/cm)');
  });
  it('LGPS begins to oxidise at 2.15 V and LPS at 2.41 V (line 88)', async () => {
    const [lgps] = await window(R, 'LGPS', 88);
    const [lps] = await window(R, 'Li3PS4', 88);
    close(lgps!.oxidationLimit!.quantity!.value, 2.15);
    close(lps!.oxidationLimit!.quantity!.value, 2.41);
    checkSource(lgps!.source, R, 88, null, 'at 2.15 V');
  });
  it('LPSCl grand potential diagram: stable from 1.7 to 2.3 V (line 130, refs 30 and 31)', async () => {
    const found = await window(R, 'LPSCl', 130);
    const w = found.find((x) => x.reductionLimit?.quantity?.value === 1.7)!;
    close(w.oxidationLimit!.quantity!.value, 2.3);
    expect(w.method).toBe('COMPUTED_THERMODYNAMIC');
    checkSource(w.source, R, 130, 30, '1.7 V');
  });
  it('LPSCl reduced below 1.7 V gives Li3P, Li2S and LiCl; oxidised gives S and P2S5 (line 130)', async () => {
    const found = await observations(R, 'Li6PS5Cl', null, 130);
    expect(found.some((o) => ['Li3P', 'Li2S', 'LiCl'].every((f) => formulas(o).includes(f)))).toBe(true);
    expect(found.some((o) => ['S', 'P2S5'].every((f) => formulas(o).includes(f)))).toBe(true);
    expect(textLine(R, 130)).toContain('Li₃P, Li₂S, and LiCl');
  });
  it('one-sided limits read from "stable at 0 V" (Li2S: ≤ 0 V) and "unstable at 0 V" (LGPS: > 0 V) (line 130)', async () => {
    const [li2s] = await window(R, 'Li2S', 130);
    expect(li2s!.reductionLimit!.quantity).toMatchObject({ qualifier: 'LESS_THAN', max: 0, value: null, unit: 'V' });
    const lgps = (await window(R, 'LGPS', 130)).find((w) => w.reductionLimit?.quantity?.qualifier === 'GREATER_THAN')!;
    expect(lgps.reductionLimit!.quantity).toMatchObject({ min: 0, value: null });
    expect(textLine(R, 130)).toContain('several binary materials are stable at 0 V');
    expect(textLine(R, 130)).toContain('LGPS and LPS are unstable at 0 V');
  });
  it('LGPS at 0 V: Li3P, Li2S and Li15Ge4 (line 130)', async () => {
    const found = await observations(R, 'LGPS', null, 130);
    expect(found.some((o) => ['Li3P', 'Li2S', 'Li15Ge4'].every((f) => formulas(o).includes(f)))).toBe(true);
    expect(textLine(R, 130)).toContain('Li₁₅Ge₄');
  });
  it('LCO | LPS: first-cycle Coulombic efficiency 84% (line 168, ref 48)', async () => {
    const found = await cells(R, 'Li3PS4', 168);
    const b = found.find((x) => x.results.some((r) => r.property === 'FIRST_CYCLE_COULOMBIC_EFFICIENCY' && r.value === 84))!;
    expect(b.components.map((c) => c.material.id)).toEqual(expect.arrayContaining(['Co1Li1O2', 'Li3P1S4']));
    checkSource(b.source, R, 168, 48, '84%');
  });
  it('LTO-coated LCO: cathode resistance 900 → 20 Ω (line 304)', async () => {
    const found = await coating(R, 'LTO', 304);
    const c = found.find((x) => x.effects.some((e) => e.before?.value === 900 && e.after?.value === 20))!;
    expect(c.substrate?.id).toBe('Co1Li1O2');
    expect(textLine(R, 304)).toContain('LTO-coated LCO');
  });
});

describe('lewis2019 (Trends Chem. 2019): facts against its text', () => {
  const R = 'lewis2019';
  it('LLZO conducts 0.1–1.0 mS cm⁻¹, a range (line 41)', async () => {
    const [m] = await measurement(R, 'LLZO', 'IONIC_CONDUCTIVITY', 41);
    expect(m).toMatchObject({ qualifier: 'RANGE', value: null, min: 1e-4, max: 1e-3, unit: 'S/cm' });
    checkSource(m!.source, R, 41, 5, '0.1\\text{--}1.0');
  });
  it('LLZO shear modulus ~60 GPa (line 41)', async () => {
    const [m] = await measurement(R, 'LLZO', 'SHEAR_MODULUS', 41);
    expect(m).toMatchObject({ qualifier: 'APPROXIMATE', value: 60, unit: 'GPa' });
    checkSource(m!.source, R, 41, null, '\\sim 60');
  });
  it('interfacial impedance reduced to less than 5 Ω cm², an upper bound (line 76)', async () => {
    const [m] = await measurement(R, 'LLZO', 'AREA_SPECIFIC_RESISTANCE', 76);
    expect(m).toMatchObject({ qualifier: 'LESS_THAN', value: null, max: 5, unit: 'Ω cm2' });
    checkSource(m!.source, R, 76, null, 'less than');
  });
  it('cubic LLZO against Li turns into a ~6 nm tetragonal interphase (line 100, ref 22)', async () => {
    const [m] = await measurement(R, 'LLZO', 'THICKNESS', 100);
    expect(m).toMatchObject({ value: 6, unit: 'nm' });
    checkSource(m!.source, R, 100, 22, '~6 nm thick tetragonal LLZO');
  });
  it('the same interphase reported again as 6 nm (line 112): a separate claim', async () => {
    const [m] = await measurement(R, 'LLZO', 'THICKNESS', 112);
    expect(m!.value).toBe(6);
    expect(textLine(R, 112)).toContain('6-nm thick');
  });
  it('LGPS is reduced in contact with lithium, seen by in situ XPS (line 98)', async () => {
    const [w] = await window(R, 'LGPS', 98);
    expect(w!.reductionLimit!.text).toMatch(/reduced/);
    checkSource(w!.source, R, 98, 23, 'XPS');
  });
  it('LLZO forms a type-3 interface with Li (line 93), its citation flagged', async () => {
    const found = await observations(R, 'LLZO', 'Li', 93);
    expect(found[0]!.source.citationConfidence).toMatch(/DOUBTFUL|WRONG/);
    checkSource(found[0]!.source, R, 93, 76, 'type-3');
  });
  it('Li | LAGP | Li: fracture drives degradation (line 112, ref 84)', async () => {
    const [b] = await cells(R, 'LAGP', 112);
    expect(b!.cellType).toBe('SYMMETRIC');
    checkSource(b!.source, R, 112, 84, 'LAGP');
  });
});

describe('the example questions', () => {
  it('what forms between Li6PS5Cl and Li metal, who saw it and how', async () => {
    const res = await server.gql<{ interfaces: { totalCount: number; edges: { node: { electrolyte: { id: string }; counterpart: { id: string }; observations: Obs[] } }[] } }>(`{
      interfaces(where: { electrolyte: "Li6PS5Cl", counterpart: "Li metal" }) { totalCount edges { node {
        electrolyte { id } counterpart { id }
        observations { products { id formula name } productsText characterText evidence { technique text } thickness { ${QUANTITY} }
          ${SOURCE} publication { firstAuthor year } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.interfaces.totalCount).toBe(1);
    const node = res.data!.interfaces.edges[0]!.node;
    expect(node).toMatchObject({ electrolyte: { id: 'Cl1Li6P1S5' }, counterpart: { id: 'Li1' } });
    const obs = node.observations;
    expect(obs.length).toBeGreaterThanOrEqual(2);
    // what: LiCl among the products; how: the techniques; who: the original paper and the review line
    expect(obs.flatMap(formulas)).toContain('LiCl');
    expect(obs.every((o) => o.evidence.length > 0 && o.source.quote.length > 0)).toBe(true);
    for (const o of obs) checkSource(o.source, o.source.review!.reviewKey, o.source.line, o.source.referenceNumber);
    expect(obs.some((o) => o.publication !== null)).toBe(true);
  });

  it('which coatings were put on NCM with a sulfide electrolyte, by which method, with what capacity retention', async () => {
    const res = await server.gql<{
      coatingApplications: {
        totalCount: number;
        edges: { node: Coat & { substrate: { id: string; elements: string[] }; electrolyte: { id: string; chemicalClass: string }; cells: { results: { property: string; value: number | null }[] }[] } }[];
      };
    }>(`{
      coatingApplications(where: { substrateElementsIncludeAll: ["Ni", "Co", "Mn"], electrolyteClass: SULFIDE }, first: 100) {
        totalCount edges { node { coating { id } substrate { id elements } electrolyte { id chemicalClass } method thickness { ${QUANTITY} }
          effects { property before { ${QUANTITY} } after { ${QUANTITY} } value { ${QUANTITY} } text }
          cells { results { property value } } ${SOURCE} } } } }`);
    expect(res.errors).toBeUndefined();
    const apps = res.data!.coatingApplications.edges.map((e) => e.node);
    expect(apps.length).toBe(res.data!.coatingApplications.totalCount);
    expect(apps.length).toBeGreaterThanOrEqual(5);
    for (const a of apps) {
      expect(a.substrate.elements).toEqual(expect.arrayContaining(['Ni', 'Co', 'Mn']));
      expect(a.electrolyte.chemicalClass).toBe('SULFIDE');
      expect(a.method).toBeTruthy();
    }
    const retention = apps.flatMap((a) => [...a.effects.filter((e) => e.property === 'CAPACITY_RETENTION'), ...a.cells.flatMap((c) => c.results.filter((r) => r.property === 'CAPACITY_RETENTION'))]);
    expect(retention.length).toBeGreaterThan(0);
    expect(new Set(apps.map((a) => a.coating.id)).size).toBeGreaterThanOrEqual(2);
  });
});

describe('traversals in both directions', () => {
  it('publication → every fact it supports and every review that cites it (Kato 2016, Nat. Energy 1, 16030)', async () => {
    const res = await server.gql<{ publications: { edges: { node: { key: string; citedBy: { number: number; review: { reviewKey: string } }[]; measurements: { id: string }[]; cells: { id: string }[]; coatingApplications: { id: string }[] } }[] } }>(`{
      publications(where: { titleContains: "High-power all-solid-state batteries using sulfide superionic conductors" }) { edges { node {
        key citedBy { number review { reviewKey } } measurements { id } cells { id } coatingApplications { id } } } } }`);
    expect(res.errors).toBeUndefined();
    const p = res.data!.publications.edges[0]!.node;
    expect(p.key).toBe('pub:kato-2016-1-16030');
    const citing = Object.fromEntries(p.citedBy.map((c) => [c.review.reviewKey, c.number]));
    // the reference lists of the reviews, read independently: Kato 2016 is no. 7 of Famprikis and no. 6 of Banerjee
    expect(citing).toMatchObject({ famprikis2019: 7, banerjee2020: 6 });
    expect(p.measurements.length + p.cells.length + p.coatingApplications.length).toBeGreaterThan(0);
  });

  it('review → its reference list, in order, as long as the printed list', async () => {
    const res = await server.gql<{ publication: { isReview: boolean; reviewKey: string; references: { number: number; line: number; publication: { firstAuthor: string } }[]; measurements: { id: string }[] } }>(`{
      publication(doi: "10.1021/acs.chemrev.0c00101") { isReview reviewKey references { number line publication { firstAuthor } }
        measurements(role: REVIEW) { id } } }`);
    const r = res.data!.publication;
    expect(r).toMatchObject({ isReview: true, reviewKey: 'banerjee2020' });
    expect(r.references).toHaveLength(341);
    expect(r.references.map((c) => c.number)).toEqual(Array.from({ length: 341 }, (_, i) => i + 1));
    expect(textLine('banerjee2020', r.references[0]!.line)).toContain('(1) Gao, Z.');
    expect(r.references[0]!.publication.firstAuthor).toBe('Gao');
    expect(r.measurements.length).toBeGreaterThan(50);
    expect(r.measurements.every((m) => m.id.startsWith('banerjee2020:'))).toBe(true);
  });

  it('coating → applications → cells → results (LiNbO3)', async () => {
    const res = await server.gql<{ material: { coatingApplications: { id: string; cells: { id: string; results: { property: string }[]; coatingApplications: { id: string }[] }[] }[] } }>(`{
      material(id: "Li1Nb1O3") { coatingApplications(as: COATING) { id cells { id results { property } coatingApplications { id } } } } }`);
    const apps = res.data!.material.coatingApplications;
    expect(apps.length).toBeGreaterThan(5);
    const tested = apps.filter((a) => a.cells.length > 0);
    expect(tested.length).toBeGreaterThan(0);
    for (const a of tested) for (const c of a.cells) expect(c.coatingApplications.map((x) => x.id)).toContain(a.id); // and back
    expect(tested.flatMap((a) => a.cells.flatMap((c) => c.results)).length).toBeGreaterThan(0);
  });

  it('electrolyte → the cells it was used in (LLZO as the electrolyte)', async () => {
    const res = await server.gql<{ material: { cells: { components: { role: string; material: { id: string } }[] }[] } }>(`{
      material(id: "La3Li7O12Zr2") { cells(roles: [ELECTROLYTE]) { components { role material { id } } } } }`);
    const cellsOfLlzo = res.data!.material.cells;
    expect(cellsOfLlzo.length).toBeGreaterThan(10);
    for (const c of cellsOfLlzo) expect(c.components).toContainEqual({ role: 'ELECTROLYTE', material: { id: 'La3Li7O12Zr2' } });
    const viaRoot = await server.gql<{ cells: { totalCount: number } }>('{ cells(where: { electrolyte: "LLZO" }, first: 0) { totalCount } }');
    expect(viaRoot.data!.cells.totalCount).toBeGreaterThanOrEqual(cellsOfLlzo.length);
  });

  it('material → interfaces → interphase products → evidence → publication (LLZO)', async () => {
    const res = await server.gql<{ material: { interfaces: { id: string; observations: { products: { id: string; formedInInterphases: { id: string }[] }[]; evidence: { technique: string }[]; publications: { key: string }[]; id: string }[] }[] } }>(`{
      material(id: "La3Li7O12Zr2") { interfaces { id observations { id products { id formedInInterphases { id } } evidence { technique } publications { key } } } } }`);
    const obs = res.data!.material.interfaces.flatMap((i) => i.observations);
    expect(obs.length).toBeGreaterThan(10);
    const withProducts = obs.filter((o) => o.products.length > 0);
    expect(withProducts.length).toBeGreaterThan(3);
    // product → back to the observations it formed in
    for (const o of withProducts) for (const p of o.products) expect(p.formedInInterphases.map((x) => x.id)).toContain(o.id);
    expect(obs.some((o) => o.evidence.length > 0 && o.publications.length > 0)).toBe(true);
  });

  it('the root connections count and filter by the material they involve', async () => {
    const res = await server.gql<Record<string, { totalCount: number }>>(`{
      m: measurements(where: { material: "LLZO" }, first: 0) { totalCount }
      w: reportedStabilityWindows(where: { material: "LLZO" }, first: 0) { totalCount }
      i: interfaces(where: { material: "LLZO" }, first: 0) { totalCount }
      c: coatingApplications(where: { material: "LLZO" }, first: 0) { totalCount }
      b: cells(where: { material: "LLZO" }, first: 0) { totalCount }
      p: publications(where: { material: "LLZO" }, first: 0) { totalCount }
      all: measurements(first: 0) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    for (const k of ['m', 'w', 'i', 'c', 'b', 'p']) expect(res.data![k]!.totalCount, k).toBeGreaterThan(0);
    expect(res.data!.all!.totalCount).toBeGreaterThan(res.data!.m!.totalCount);
    const direct = await server.gql<{ material: { measurements: { id: string }[] } }>('{ material(id: "La3Li7O12Zr2") { measurements { id } } }');
    expect(direct.data!.material.measurements).toHaveLength(res.data!.m!.totalCount);
  });

  it('family → compositions → variants, and statements about a family as a whole (garnets)', async () => {
    const res = await server.gql<{ structuralFamily: { materialCount: number; materials: { totalCount: number; edges: { node: { id: string; families: string[] } }[] }; measurements: (Q & { property: string; source: Src })[] }; material: { variants: { polymorph: string | null; labels: string[] }[] } }>(`{
      structuralFamily(id: GARNET) { materialCount materials(first: 100) { totalCount edges { node { id families } } }
        measurements { property ${QUANTITY} ${SOURCE} } }
      material(id: "La3Li7O12Zr2") { variants { polymorph labels } } }`);
    expect(res.errors).toBeUndefined();
    const f = res.data!.structuralFamily;
    expect(f.materialCount).toBe(f.materials.totalCount);
    expect(f.materialCount).toBeGreaterThan(50); // OBELiX and the seed
    expect(f.materials.edges.every((e) => e.node.families.includes('GARNET'))).toBe(true);
    expect(f.materials.edges.map((e) => e.node.id)).toContain('La3Li7O12Zr2');
    const e = f.measurements.find((m) => m.property === 'YOUNGS_MODULUS' && m.source.review?.reviewKey === 'famprikis2019')!;
    expect(e).toMatchObject({ value: 150, unit: 'GPa' });
    expect(res.data!.material.variants.map((v) => v.polymorph)).toEqual(expect.arrayContaining(['cubic', 'tetragonal']));
  });

  it('characterisation technique → the observations it gave evidence for (XPS)', async () => {
    const res = await server.gql<{ techniques: { id: string; description: string; observations: { evidence: { technique: string }[] }[] }[] }>(
      '{ techniques { id description observations { evidence { technique } } } }',
    );
    const xps = res.data!.techniques.find((t) => t.id === 'XPS')!;
    expect(xps.description).toMatch(/photoelectron/);
    expect(xps.observations.length).toBeGreaterThan(10);
    expect(xps.observations.every((o) => o.evidence.some((e) => e.technique === 'XPS'))).toBe(true);
  });

  it('an abbreviation that means different materials in different reviews is refused with the options', async () => {
    const res = await server.gql('{ measurements(where: { material: "LPS" }) { totalCount } }');
    expect(res.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'where.material' });
    expect(res.errors![0]!.message).toMatch(/'LPS' names 2 materials: Li3P1S4 \(in banerjee2020\); Li7P3S11 \(in lewis2019\)/);
  });
});
