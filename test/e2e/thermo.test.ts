/**
 * Thermodynamics through GraphQL over HTTP, against the phase data globalSetup imported: computed windows
 * checked against pymatgen on the same data (test/fixtures/pymatgen/thermo.json, 0.01 V, identical
 * product sets) and against the literature's values of the same calculation (Zhu, He & Mo 2015, design
 * notes), side by side with what the reviews report; interface reactions; bad input; missing data as a
 * status; users' entries and cache invalidation across two API replicas; no N+1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Composition } from '../../src/domain/chemistry/composition.js';
import { createTestKey, type TestKey } from '../support/keys.js';
import { expectBadUserInput, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
/** The key users' entries are added and removed with (writes need one). */
let contributor: TestKey;
beforeAll(async () => {
  server = await startTestServer({ MUTATIONS: 'loopback' }); // the tests' requests come from 127.0.0.1 without an Origin
  contributor = await createTestKey('contributor', 'thermo test');
});
afterAll(async () => server?.stop());

const here = path.dirname(new URL(import.meta.url).pathname);
type Comp = Record<string, number>;
interface FixtureCompound {
  formula: string;
  key: string;
  formationEnergyEvPerAtom: number | null;
  energyAboveHullEvPerAtom: number;
  decomposition: { composition: Comp }[];
  window: { reductionLimitV: number; oxidationLimitV: number; productsAtReduction: { composition: Comp }[]; productsAtOxidation: { composition: Comp }[] } | null;
}
interface FixturePair {
  a: string;
  b: string;
  openElement: string | null;
  voltageV: number | null;
  kinks: { x: number; energyEvPerAtom: number; products: { composition: Comp }[] }[];
  minimum: { x: number; energyEvPerAtom: number };
}
const fixture = JSON.parse(readFileSync(path.join(here, '../fixtures/pymatgen/thermo.json'), 'utf8')) as { compounds: FixtureCompound[]; pairs: FixturePair[] };
const compound = (key: string) => fixture.compounds.find((c) => c.key === key)!;
const keys = (ps: { composition: Comp }[]) => ps.map((p) => new Composition(Object.entries(p.composition)).key).sort();
const keysOf = (ps: { compositionKey: string }[]) => ps.map((p) => p.compositionKey).sort();

const WINDOW = `status reason reductionLimitV oxidationLimitV stableAgainstMetal collapsed stabilized energySource energyAboveHullEvPerAtom
  referenceElectrode compositionKey productsAtReduction { formula compositionKey amountPerFormulaUnit } productsAtOxidation { formula compositionKey }`;
interface Window {
  status: string;
  reason: string | null;
  reductionLimitV: number;
  oxidationLimitV: number;
  stableAgainstMetal: boolean;
  collapsed: boolean;
  stabilized: boolean;
  energySource: string;
  energyAboveHullEvPerAtom: number | null;
  referenceElectrode: string;
  compositionKey: string;
  productsAtReduction: { formula: string; compositionKey: string; amountPerFormulaUnit: number }[];
  productsAtOxidation: { formula: string; compositionKey: string }[];
}

async function window(formula: string, openElement = 'Li'): Promise<Window> {
  const res = await server.gql<{ stabilityWindow: Window }>(`query($f: String!, $o: String!) { stabilityWindow(formula: $f, openElement: $o) { ${WINDOW} } }`, { f: formula, o: openElement });
  expect(res.errors).toBeUndefined();
  return res.data!.stabilityWindow;
}

describe('stability windows through GraphQL', () => {
  // The literature's windows from the same kind of calculation (Zhu, He & Mo 2015 and Richards et al. 2016 as
  // quoted in the design notes): older Materials Project data; sulfide oxidation limits differ by up to
  // ~0.15 V because the newer data hold polysulfides.
  it.each([
    ['Li7La3Zr2O12', 'La3Li7O12Zr2', 0.05, 2.91, 0.02],
    ['Li3PS4', 'Li3P1S4', 1.71, 2.31, 0.06],
    ['Li10GeP2S12', 'Ge1Li10P2S12', 1.71, 2.14, 0.16],
    ['Li6PS5Cl', 'Cl1Li6P1S5', 1.71, 2.01, 0.16],
    ['Li2PO2N', 'Li2N1O2P1', 0.68, 2.63, 0.02],
    ['Li1.3Al0.3Ti1.7(PO4)3', 'Al3Li13O120P30Ti17', 2.17, 4.21, 0.02],
  ] as const)('%s: pymatgen on the same data (0.01 V, same products), the literature within %s–%s V', async (formula, key, red, ox, tolerance) => {
    const w = await window(formula);
    const f = compound(key).window!;
    expect(w).toMatchObject({ status: 'COMPUTED', reason: null, referenceElectrode: 'Li/Li+', compositionKey: key });
    expect(Math.abs(w.reductionLimitV - f.reductionLimitV)).toBeLessThan(0.01);
    expect(Math.abs(w.oxidationLimitV - f.oxidationLimitV)).toBeLessThan(0.01);
    expect(keysOf(w.productsAtReduction)).toEqual(keys(f.productsAtReduction));
    expect(keysOf(w.productsAtOxidation)).toEqual(keys(f.productsAtOxidation));
    expect(Math.abs(w.reductionLimitV - red)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(w.oxidationLimitV - ox)).toBeLessThanOrEqual(tolerance);
  });

  it('Li6PS5Cl: metastable in the data (83 meV/atom above the hull), stabilized; LiCl, Li2S and P below 1.72 V per formula unit', async () => {
    const w = await window('Li6PS5Cl');
    expect(w.stabilized).toBe(true);
    expect(w.energySource).toBe('DATASET');
    expect(w.energyAboveHullEvPerAtom!).toBeCloseTo(compound('Cl1Li6P1S5').energyAboveHullEvPerAtom, 6);
    // Li6PS5Cl + 5 Li → 5 Li2S + LiCl + P (balanced per formula unit)
    expect(w.productsAtReduction.map((p) => [p.formula, p.amountPerFormulaUnit])).toEqual([
      ['Li2S', 5],
      ['LiCl', 1],
      ['P', 1],
    ]);
  });

  it('Li2S is stable against Li metal: reduction limit 0 V, no products', async () => {
    const w = await window('Li2S');
    expect(w).toMatchObject({ reductionLimitV: 0, stableAgainstMetal: true, productsAtReduction: [] });
  });

  it('any notation of a composition gives the same window; amounts per formula unit follow the formula as asked, whichever was asked first', async () => {
    const profile = async (f: string) =>
      (await server.gql<{ stabilityWindow: Window & { voltageProfile: { uptakePerFormulaUnit: number }[] } }>(
        `query($f: String!) { stabilityWindow(formula: $f) { ${WINDOW} voltageProfile { uptakePerFormulaUnit } } }`,
        { f },
      )).data!.stabilityWindow;
    const doubled = await profile('Li20Ge2P4S24');
    const single = await profile('Li10GeP2S12');
    expect(doubled.reductionLimitV).toBe(single.reductionLimitV);
    expect(doubled.productsAtReduction.map((p) => p.amountPerFormulaUnit)).toEqual(single.productsAtReduction.map((p) => p.amountPerFormulaUnit)); // both reduce to Li10GeP2S12
    // fractional formulas are their own formula unit: twice the formula, twice the uptake
    const latp = await profile('Li2.6Al0.6Ti3.4(PO4)6');
    const half = await profile('Li1.3Al0.3Ti1.7(PO4)3');
    expect(latp.voltageProfile[0]!.uptakePerFormulaUnit).toBeCloseTo(2 * half.voltageProfile[0]!.uptakePerFormulaUnit, 9);
    expect(latp.productsAtReduction[0]!.amountPerFormulaUnit).toBeCloseTo(2 * half.productsAtReduction[0]!.amountPerFormulaUnit, 9);
    const rxn = async (a: string) =>
      (await server.gql<{ interfaceReaction: { kinks: { reactionEnergyKjPerMol: number; reaction: string }[] } }>(
        `query($a: String!) { interfaceReaction(reactantA: $a, reactantB: "LiCoO2") { kinks { reactionEnergyKjPerMol reaction } } }`,
        { a },
      )).data!.interfaceReaction.kinks;
    const twice = await rxn('Li20Ge2P4S24');
    const once = await rxn('Li10GeP2S12');
    expect(twice.at(-1)!.reaction).toMatch(/^Li20Ge2P4S24 ->/);
    expect(once.at(-1)!.reaction).toMatch(/^Li10GeP2S12 ->/);
    expect(twice.at(-1)!.reactionEnergyKjPerMol).toBeCloseTo(2 * once.at(-1)!.reactionEnergyKjPerMol, 6);
    const na = await window('Na3PS4', 'Na');
    expect(na.referenceElectrode).toBe('Na/Na+');
    expect(na.reductionLimitV).toBeCloseTo(compound('Na3P1S4').window!.reductionLimitV, 6);
  });

  it('computed and reported side by side: LGPS in the graph, with what the reviews report (banerjee2020 line 88: oxidation at 2.15 V)', async () => {
    const res = await server.gql<{
      material: { stabilityWindow: { oxidationLimitV: number; reported: { oxidationLimit: { quantity: { value: number } | null } | null; source: { line: number; review: { reviewKey: string } } }[]; voltageProfile: { fromV: number; toV: number | null; uptakePerFormulaUnit: number; phases: { formula: string }[] }[] } };
    }>(`{ material(id: "Ge1Li10P2S12") { stabilityWindow { oxidationLimitV
          reported { oxidationLimit { quantity { value } } source { line review { reviewKey } } }
          voltageProfile { fromV toV uptakePerFormulaUnit phases { formula } } } } }`);
    expect(res.errors).toBeUndefined();
    const w = res.data!.material.stabilityWindow;
    expect(w.oxidationLimitV).toBeCloseTo(compound('Ge1Li10P2S12').window!.oxidationLimitV, 6);
    const reported = w.reported.find((r) => r.source.review.reviewKey === 'banerjee2020' && r.source.line === 88)!;
    expect(reported.oxidationLimit!.quantity!.value).toBe(2.15);
    // the profile starts at the metal with the fully lithiated products banerjee2020 line 130 names (Li3P, Li2S, Li15Ge4)
    expect(w.voltageProfile[0]!.fromV).toBe(0);
    expect(w.voltageProfile[0]!.phases.map((p) => p.formula).sort()).toEqual(['Li15Ge4', 'Li2S', 'Li3P']);
    const inside = w.voltageProfile.find((s) => s.phases.length === 1 && s.phases[0]!.formula === 'Li10GeP2S12')!;
    expect(inside.uptakePerFormulaUnit).toBeCloseTo(0, 9);
  });

  it('a material without a composition has none (named:PEO), one without an alkali neither unless asked', async () => {
    const res = await server.gql<{ a: { stabilityWindow: unknown }; b: { stabilityWindow: unknown } }>(
      '{ a: material(id: "named:PEO") { stabilityWindow { status } } b: material(id: "Al2O3") { stabilityWindow { status } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { stabilityWindow: null }, b: { stabilityWindow: null } });
  });

  it('a named material is computed at its representative composition, and the result says so (LiPON: Li2.9PO3.3N0.46)', async () => {
    const res = await server.gql<{
      m: { representativeFormula: string; representativeFormulaSource: string; stabilityWindow: { formula: string; compositionKey: string; representativeOf: string | null; status: string } };
      w: { formula: string; representativeOf: string | null };
      own: { representativeOf: string | null };
    }>(
      `{ m: material(id: "named:LiPON") { representativeFormula representativeFormulaSource stabilityWindow { formula compositionKey representativeOf status } }
         w: stabilityWindow(formula: "LiPON") { formula representativeOf }
         own: stabilityWindow(formula: "Li3PS4") { representativeOf } }`,
    );
    expect(res.errors).toBeUndefined();
    const { m, w, own } = res.data!;
    expect(m.representativeFormula).toBe('Li2.9PO3.3N0.46');
    expect(m.representativeFormulaSource).toMatch(/^doi:10\.1149\/1\.1837443 /);
    expect(m.stabilityWindow).toMatchObject({ formula: 'Li2.9PO3.3N0.46', compositionKey: new Composition([['Li', 2.9], ['P', 1], ['O', 3.3], ['N', 0.46]]).key, representativeOf: 'named:LiPON' });
    expect(w).toEqual({ formula: 'Li2.9PO3.3N0.46', representativeOf: 'named:LiPON' });
    expect(own.representativeOf).toBeNull();
    // the same through the compiled list of materials (the node map carries the representative formula)
    const list = await server.gql<{ materials: { edges: { node: { id: string; generalFormula: string | null; stoichiometryRanges: unknown[]; stabilityWindow: { representativeOf: string | null } | null } }[] } }>(
      '{ materials(first: 50, where: { kind: NAMED, elementsIncludeAll: ["Li", "O", "P"] }) { edges { node { id generalFormula stoichiometryRanges { variable } stabilityWindow { representativeOf } } } } }',
    );
    expect(list.errors).toBeUndefined();
    const byId = Object.fromEntries(list.data!.materials.edges.map((e) => [e.node.id, e.node]));
    expect(byId['named:LiPON']!.stabilityWindow).toEqual({ representativeOf: 'named:LiPON' });
    expect(byId['named:LAGP']).toMatchObject({ generalFormula: 'Li1+xAlxGe2-x(PO4)3', stoichiometryRanges: [], stabilityWindow: { representativeOf: 'named:LAGP' } });
  });
});

describe('decomposition and interface reactions through GraphQL', () => {
  it('decomposition of Li7P3S11: energy above hull and stable assemblage as pymatgen', async () => {
    const res = await server.gql<{ decomposition: { status: string; energyAboveHullEvPerAtom: number; phases: { compositionKey: string; atomFraction: number }[] } }>(
      '{ decomposition(formula: "Li7P3S11") { status energyAboveHullEvPerAtom phases { compositionKey atomFraction } } }',
    );
    const f = compound('Li7P3S11');
    const d = res.data!.decomposition;
    expect(d.status).toBe('COMPUTED');
    expect(Math.abs(d.energyAboveHullEvPerAtom - f.energyAboveHullEvPerAtom)).toBeLessThan(0.001);
    expect(keysOf(d.phases)).toEqual(keys(f.decomposition));
    expect(d.phases.reduce((s, p) => s + p.atomFraction, 0)).toBeCloseTo(1, 9);
  });

  it.each([
    ['Li3PS4', 'LiCoO2', null, null],
    ['Li7La3Zr2O12', 'LiCoO2', null, null],
    ['Li10GeP2S12', 'LiCoO2', 'Li', 4],
  ] as const)('%s | %s (open %s at %s V): kinks and the most exothermic one as pymatgen', async (a, b, open, voltage) => {
    const f = fixture.pairs.find((p) => p.a === a && p.b === b && p.openElement === open)!;
    const res = await server.gql<{ interfaceReaction: { status: string; kinks: { mixingRatio: number; reactionEnergyEvPerAtom: number; reaction: string; products: { compositionKey: string }[] }[]; mostExothermic: { mixingRatio: number; reactionEnergyEvPerAtom: number } } }>(
      `query($a: String!, $b: String!, $o: String, $v: Float) { interfaceReaction(reactantA: $a, reactantB: $b, openElement: $o, voltageV: $v) {
        status kinks { mixingRatio reactionEnergyEvPerAtom reaction products { compositionKey } } mostExothermic { mixingRatio reactionEnergyEvPerAtom } } }`,
      { a, b, o: open, v: voltage },
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.interfaceReaction;
    expect(r.status).toBe('COMPUTED');
    expect(r.kinks).toHaveLength(f.kinks.length);
    r.kinks.forEach((k, i) => {
      expect(Math.abs(k.mixingRatio - f.kinks[i]!.x)).toBeLessThan(1e-4);
      expect(Math.abs(k.reactionEnergyEvPerAtom - f.kinks[i]!.energyEvPerAtom)).toBeLessThan(0.001);
      const want = keys(f.kinks[i]!.products.filter((p) => !(open && Object.keys(p.composition).length === 1 && p.composition[open])));
      expect(keysOf(k.products)).toEqual(want);
    });
    expect(Math.abs(r.mostExothermic.reactionEnergyEvPerAtom - f.minimum.energyEvPerAtom)).toBeLessThan(0.001);
    expect(r.kinks[0]!.reaction).toMatch(/->/);
  });

  it('Li6PS5Cl | Li metal, predicted beside observed: the equilibrium at 0 V (Li2S, Li3P, LiCl) against what feng2022 and banerjee2020 report', async () => {
    const res = await server.gql<{ interfaces: { edges: { node: { prediction: { method: string; status: string; predictedProducts: { formula: string }[]; common: string[]; onlyPredicted: string[]; onlyObserved: string[]; jaccardIndex: number; observedProducts: { id: string }[] } } }[] } }>(
      `{ interfaces(where: { electrolyte: "Li6PS5Cl", counterpart: "Li metal" }) { edges { node { prediction {
          method status predictedProducts { formula } common onlyPredicted onlyObserved jaccardIndex observedProducts { id } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.interfaces.edges[0]!.node.prediction;
    expect(p).toMatchObject({ method: 'EQUILIBRIUM_AT_METAL', status: 'COMPUTED' });
    expect(p.predictedProducts.map((x) => x.formula).sort()).toEqual(['Li2S', 'Li3P', 'LiCl']);
    expect(p.common).toEqual(['Li2S', 'Li3P', 'LiCl']);
    expect(p.onlyPredicted).toEqual([]);
    expect(p.onlyObserved).toContain('Li3P7');
    expect(p.jaccardIndex).toBeCloseTo(3 / (3 + p.onlyObserved.length), 9);
  });

  it('named electrodes at their representative compositions: decomposition of NCM, a reaction with NCA, the prediction at LPSCl | NCA', async () => {
    const res = await server.gql<{
      d: { formula: string; representativeOf: string | null };
      r: { reactantA: { formula: string; representativeOf: string | null }; reactantB: { formula: string; representativeOf: string | null } };
      interfaces: { edges: { node: { prediction: { representativeOf: string[]; method: string } | null } }[] };
    }>(
      `{ d: decomposition(formula: "NCM") { formula representativeOf }
         r: interfaceReaction(reactantA: "Li3PS4", reactantB: "NCA") { reactantA { formula representativeOf } reactantB { formula representativeOf } }
         interfaces(where: { electrolyte: "Li6PS5Cl", counterpart: "NCA" }) { edges { node { prediction { representativeOf method } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const { d, r, interfaces } = res.data!;
    expect(d).toEqual({ formula: 'LiNi0.8Co0.1Mn0.1O2', representativeOf: 'named:NCM' });
    expect(r.reactantA).toEqual({ formula: 'Li3PS4', representativeOf: null });
    expect(r.reactantB).toEqual({ formula: 'LiNi0.8Co0.15Al0.05O2', representativeOf: 'named:NCA' });
    expect(interfaces.edges.length).toBeGreaterThan(0);
    // NCA's representative composition is a layered oxide: the prediction is at its charged potential
    for (const e of interfaces.edges) expect(e.node.prediction).toEqual({ representativeOf: ['named:NCA'], method: 'REACTION_AT_ELECTRODE_POTENTIAL' });
  });

  it('predictions for many interfaces at once: no phase-data query per interface (no N+1)', async () => {
    const queries: string[] = [];
    const stop = server.db.observe((name) => queries.push(name));
    const res = await server.gql<{ interfaces: { edges: { node: { prediction: { status: string } | null } }[] } }>(
      '{ interfaces(first: 60) { edges { node { id prediction { status predictedProducts { formula material { id } } } } } } }',
    );
    stop();
    expect(res.errors).toBeUndefined();
    const predicted = res.data!.interfaces.edges.filter((e) => e.node.prediction).length;
    expect(predicted).toBeGreaterThan(20);
    // every interface's entries come from the phase entries in memory: at most one read of them, however many interfaces
    expect(queries.filter((q) => q === 'phaseData.entriesOfSystems')).toHaveLength(0);
    expect(queries.filter((q) => q === 'phaseData.allEntries').length).toBeLessThanOrEqual(1);
    expect(queries.filter((q) => q === 'phaseData.revision').length).toBeLessThanOrEqual(1); // none within the revision TTL
  });
});

interface ComputedFixture {
  examples: {
    lpsclLi2S: { minimum: { x: number; energyEvPerAtom: number }; e1EvPerAtom: number; hull1EvPerAtom: number };
    llzoLcoCharged: { voltageV: number; minimum: { energyEvPerAtom: number }; kinks: { products: { composition: Comp }[] }[] }[];
    windows: { formula: string; openElement: string; reductionLimitV: number; oxidationLimitV: number; stableAgainstMetal: boolean; phasesAtMetal: { formula: string }[] }[];
  };
}
const computed = JSON.parse(readFileSync(path.join(here, '../fixtures/pymatgen/computed.json'), 'utf8')) as ComputedFixture;

describe('computed next to reported (pymatgen on the same data: test/fixtures/pymatgen/computed.json; 1 meV/atom, 0.01 V)', () => {
  const PREDICTION = `method status electrodeClass electrodePotentialV referenceElectrode predictedProducts { formula compositionKey } common onlyPredicted onlyObserved
    observedReactants observedOutsideSystem jaccardIndex comparedObservationIds setAsideObservations { observationId reason } disagrees disagreementReason
    reaction { mixingRatio reactionEnergyEvPerAtom mixingEnergyEvPerAtom }`;
  interface Prediction {
    method: string;
    status: string;
    electrodeClass: string;
    electrodePotentialV: number | null;
    referenceElectrode: string | null;
    predictedProducts: { formula: string; compositionKey: string }[];
    common: string[];
    onlyPredicted: string[];
    onlyObserved: string[];
    observedReactants: string[];
    observedOutsideSystem: string[];
    jaccardIndex: number | null;
    comparedObservationIds: string[];
    setAsideObservations: { observationId: string; reason: string }[];
    disagrees: boolean;
    disagreementReason: string | null;
    reaction: { mixingRatio: number; reactionEnergyEvPerAtom: number; mixingEnergyEvPerAtom: number } | null;
  }
  const llzoLco = async (args: string) => {
    const res = await server.gql<{ interfaces: { edges: { node: { prediction: Prediction } }[] } }>(
      `{ interfaces(where: { electrolyte: "LLZO", counterpart: "LiCoO2" }) { edges { node { prediction${args} { ${PREDICTION} } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.interfaces.edges).toHaveLength(1);
    return res.data!.interfaces.edges[0]!.node.prediction;
  };

  it.each([
    ['', 4.2],
    ['(electrodePotential: 4)', 4],
    ['(electrodePotential: 4.3)', 4.3],
  ] as const)('LLZO | LiCoO2 prediction%s: at the charged cathode (%s V vs Li/Li+) LaCoO3 + La2Zr2O7 (+ O2), two of the products observed', async (args, voltage) => {
    const f = computed.examples.llzoLcoCharged.find((g) => g.voltageV === voltage)!;
    const p = await llzoLco(args);
    expect(p).toMatchObject({ method: 'REACTION_AT_ELECTRODE_POTENTIAL', status: 'COMPUTED', electrodeClass: 'LAYERED_OXIDE', electrodePotentialV: voltage, referenceElectrode: 'Li/Li+' });
    const minimum = f.kinks.find((_, i) => i > 0 && i < f.kinks.length - 1)!; // the one kink between the ends is pymatgen's minimum
    expect(keysOf(p.predictedProducts)).toEqual(keys(minimum.products.filter((x) => !(Object.keys(x.composition).length === 1 && x.composition.Li))));
    expect(Math.abs(p.reaction!.reactionEnergyEvPerAtom - f.minimum.energyEvPerAtom)).toBeLessThan(0.001);
    expect(p.predictedProducts.map((x) => x.formula).sort()).toEqual(['La2Zr2O7', 'LaCoO3', 'O2']);
    expect(p.common).toEqual(['La2Zr2O7', 'LaCoO3']);
    expect(p.onlyPredicted).toEqual(['O2']);
    // Li2CO3 needs carbon (CO2 of the atmosphere); LiNbO3 and Li3Nb4O6 come from an Nb layer on the LCO: neither is scored
    expect(p.observedOutsideSystem).toContain('Li2CO3');
    expect(p.onlyObserved).not.toContain('Li2CO3');
    expect(p.observedReactants).toEqual([]);
    const setAside = new Map(p.setAsideObservations.map((o) => [o.observationId, o.reason]));
    expect(setAside.get('banerjee2020:I78')).toMatch(/coating or interlayer/); // "coated LCO"
    expect(setAside.get('banerjee2020:I81')).toMatch(/doped variant \(Al\)/); // Al-LLZO
    expect(setAside.get('banerjee2020:I105')).toMatch(/coating or interlayer/); // "LCO with a thin Nb layer"
    expect(p.comparedObservationIds).toEqual(expect.arrayContaining(['pasta2020:I1', 'feng2022:I8', 'banerjee2020:I84']));
    expect(p.comparedObservationIds.some((id) => setAside.has(id))).toBe(false);
    // banerjee2020:I45 reports the interface thermodynamically stable (a negligible reaction energy): the flag says so
    expect(p.disagrees).toBe(true);
    expect(p.disagreementReason).toMatch(/reported thermodynamically stable \(banerjee2020:I45\)/);
  });

  it('LLZO | Li: the reactants reported as "products" (lithium dendrites, tetragonal LLZO) are listed apart, not scored as observed only', async () => {
    const res = await server.gql<{ interfaces: { edges: { node: { prediction: Prediction } }[] } }>(
      `{ interfaces(where: { electrolyte: "LLZO", counterpart: "Li metal" }) { edges { node { prediction { ${PREDICTION} } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.interfaces.edges[0]!.node.prediction;
    expect(p).toMatchObject({ method: 'EQUILIBRIUM_AT_METAL', electrodeClass: 'ALKALI_METAL', electrodePotentialV: 0, referenceElectrode: 'Li/Li+' });
    expect(p.observedReactants).toEqual(expect.arrayContaining(['Li']));
    expect(p.onlyObserved).not.toContain('Li');
    expect(p.onlyObserved).not.toContain('Li7La3Zr2O12');
    expect(p.setAsideObservations.find((o) => o.observationId === 'famprikis2019:I15')?.reason).toMatch(/another composition \('doped'\)/);
    expect(p.setAsideObservations.map((o) => o.observationId)).not.toContain('banerjee2020:I164'); // "no interlayer"
    expect(p.comparedObservationIds).toContain('banerjee2020:I164');
  });

  it("Li6PS5Cl | Li2S: the most exothermic kink is Li6PS5Cl's own decomposition (its energy above the hull), and there is no reaction with Li2S", async () => {
    const f = computed.examples.lpsclLi2S;
    const res = await server.gql<{ interfaceReaction: {
      reactantA: { ownDecompositionEnergyEvPerAtom: number; hullEnergyEvPerAtom: number; ownDecompositionProducts: { formula: string }[] };
      reactantB: { ownDecompositionEnergyEvPerAtom: number };
      mostExothermicIs: string;
      mostExothermic: { mixingRatio: number; reactionEnergyEvPerAtom: number; mixingEnergyEvPerAtom: number };
      mostExothermicWithPartner: null | { mixingRatio: number };
    } }>(
      `{ interfaceReaction(reactantA: "Li6PS5Cl", reactantB: "Li2S") {
          reactantA { ownDecompositionEnergyEvPerAtom hullEnergyEvPerAtom ownDecompositionProducts { formula } } reactantB { ownDecompositionEnergyEvPerAtom }
          mostExothermicIs mostExothermic { mixingRatio reactionEnergyEvPerAtom mixingEnergyEvPerAtom } mostExothermicWithPartner { mixingRatio } } }`,
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.interfaceReaction;
    expect(r.mostExothermicIs).toBe('DECOMPOSITION_OF_A');
    expect(r.mostExothermic.mixingRatio).toBeCloseTo(f.minimum.x, 6);
    expect(Math.abs(r.mostExothermic.reactionEnergyEvPerAtom - f.minimum.energyEvPerAtom)).toBeLessThan(0.001);
    expect(Math.abs(r.reactantA.ownDecompositionEnergyEvPerAtom - (f.hull1EvPerAtom - f.e1EvPerAtom))).toBeLessThan(0.001);
    expect(Math.abs(r.reactantA.hullEnergyEvPerAtom - f.hull1EvPerAtom)).toBeLessThan(0.001);
    expect(r.reactantA.ownDecompositionProducts.map((p) => p.formula).sort()).toEqual(['Li2S', 'Li3PS4', 'LiCl']);
    expect(r.mostExothermic.mixingEnergyEvPerAtom).toBe(0);
    expect(r.reactantB.ownDecompositionEnergyEvPerAtom).toBe(0);
    expect(r.mostExothermicWithPartner).toBeNull();
  });

  it('products under the formula they are known by, the reduced formula beside it: Li2O2 (LiO), Li2S8 (LiS4), O2 (O); amounts per that unit', async () => {
    const res = await server.gql<Record<string, { phases?: unknown[]; productsAtOxidation?: unknown[] }>>(
      `{ decomposition(formula: "Li2O2") { phases { formula reducedFormula amountPerFormulaUnit } }
         li2o: stabilityWindow(formula: "Li2O") { productsAtOxidation { formula reducedFormula amountPerFormulaUnit } }
         li2s: stabilityWindow(formula: "Li2S") { productsAtOxidation { formula reducedFormula amountPerFormulaUnit } }
         lto: stabilityWindow(formula: "Li4Ti5O12") { productsAtOxidation { formula reducedFormula } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.decomposition!.phases).toEqual([{ formula: 'Li2O2', reducedFormula: 'LiO', amountPerFormulaUnit: 0.5 }]);
    expect(res.data!.li2o!.productsAtOxidation).toEqual([{ formula: 'Li2O2', reducedFormula: 'LiO', amountPerFormulaUnit: 0.5 }]);
    expect(res.data!.li2s!.productsAtOxidation).toEqual([{ formula: 'Li2S8', reducedFormula: 'LiS4', amountPerFormulaUnit: 0.125 }]);
    expect(res.data!.lto!.productsAtOxidation).toEqual(expect.arrayContaining([{ formula: 'O2', reducedFormula: 'O' }]));
  });

  it('LLTO: a collapsed window, and the windows of the phases it decomposes into beside it', async () => {
    const res = await server.gql<{ stabilityWindow: { collapsed: boolean; reductionLimitV: number; oxidationLimitV: number; decompositionWindows: { formula: string; reductionLimitV: number; oxidationLimitV: number; collapsed: boolean }[] } }>(
      '{ stabilityWindow(formula: "LLTO") { collapsed reductionLimitV oxidationLimitV decompositionWindows { formula reductionLimitV oxidationLimitV collapsed } } }',
    );
    expect(res.errors).toBeUndefined();
    const w = res.data!.stabilityWindow;
    const [llto, ...phases] = computed.examples.windows.filter((x) => x.openElement === 'Li');
    expect(w.collapsed).toBe(true);
    expect(Math.abs(w.reductionLimitV - llto!.reductionLimitV)).toBeLessThan(0.01);
    expect(w.decompositionWindows.map((d) => d.formula).sort()).toEqual(phases.map((p) => p.formula).sort());
    for (const d of w.decompositionWindows) {
      const want = phases.find((p) => p.formula === d.formula)!;
      expect(Math.abs(d.reductionLimitV - want.reductionLimitV)).toBeLessThan(0.01);
      expect(Math.abs(d.oxidationLimitV - want.oxidationLimitV)).toBeLessThan(0.01);
    }
    // a window that is not collapsed has none
    const lgps = await server.gql<{ stabilityWindow: { decompositionWindows: unknown[] } }>('{ stabilityWindow(formula: "Li3PS4") { decompositionWindows { formula } } }');
    expect(lgps.data!.stabilityWindow.decompositionWindows).toEqual([]);
  });

  it('Na-beta-alumina (NaAl11O17) is computed reduced by Na below 0.32 V vs Na/Na+ (to Al + NaAlO2), where famprikis2019 reports it stable', async () => {
    const f = computed.examples.windows.find((x) => x.formula === 'NaAl11O17')!;
    const res = await server.gql<{ stabilityWindow: { reductionLimitV: number; oxidationLimitV: number; stableAgainstMetal: boolean; productsAtReduction: { formula: string }[] } }>(
      '{ stabilityWindow(formula: "NaAl11O17", openElement: "Na") { reductionLimitV oxidationLimitV stableAgainstMetal productsAtReduction { formula } } }',
    );
    expect(res.errors).toBeUndefined();
    const w = res.data!.stabilityWindow;
    expect(w.stableAgainstMetal).toBe(f.stableAgainstMetal);
    expect(Math.abs(w.reductionLimitV - f.reductionLimitV)).toBeLessThan(0.01);
    expect(Math.abs(w.oxidationLimitV - f.oxidationLimitV)).toBeLessThan(0.01);
    expect(w.productsAtReduction.map((p) => p.formula).sort()).toEqual(['Al', 'NaAlO2']);
  });

  it('Na-β-alumina | Na: the prediction takes β-alumina at its representative composition NaAl11O17 and flags the disagreement with famprikis2019:I14 (reported stable)', async () => {
    const f = computed.examples.windows.find((x) => x.formula === 'NaAl11O17')!;
    const res = await server.gql<{ interfaces: { edges: { node: { prediction: Prediction & { representativeOf: string[] } } }[] } }>(
      `{ interfaces(where: { electrolyte: "Na-β-alumina", counterpart: "Na" }) { edges { node { prediction { representativeOf ${PREDICTION} } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.interfaces.edges).toHaveLength(1);
    const p = res.data!.interfaces.edges[0]!.node.prediction;
    expect(p).toMatchObject({ method: 'EQUILIBRIUM_AT_METAL', electrodeClass: 'ALKALI_METAL', electrodePotentialV: 0, referenceElectrode: 'Na/Na+', representativeOf: ['named:beta-alumina'] });
    // pymatgen: not stable against Na; the assemblage at 0 V vs Na/Na+
    expect(f.stableAgainstMetal).toBe(false);
    expect(p.predictedProducts.map((x) => x.formula).sort()).toEqual(f.phasesAtMetal.map((x) => x.formula).sort());
    expect(p.comparedObservationIds).toContain('famprikis2019:I14');
    expect(p.disagrees).toBe(true);
    expect(p.disagreementReason).toMatch(/famprikis2019:I14/);
    const printed = /reduced below ([\d.]+) V vs Na\/Na\+/.exec(p.disagreementReason ?? '');
    expect(printed, p.disagreementReason ?? '').not.toBeNull();
    expect(Math.abs(Number(printed![1]) - f.reductionLimitV)).toBeLessThan(0.01);
  });

  it('every prediction of the seed: the reactants never among the compared products, and every disagreement with a reason', async () => {
    const all: Prediction[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const res: Awaited<ReturnType<typeof server.gql<{ interfaces: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { prediction: Prediction | null } }[] } }>>> =
        await server.gql(`query($after: String) { interfaces(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { prediction { ${PREDICTION} } } } } }`, { after });
      expect(res.errors).toBeUndefined();
      all.push(...res.data!.interfaces.edges.flatMap((e) => (e.node.prediction ? [e.node.prediction] : [])));
      more = res.data!.interfaces.pageInfo.hasNextPage;
      after = res.data!.interfaces.pageInfo.endCursor;
    }
    expect(all.length).toBeGreaterThan(20);
    for (const p of all) {
      expect(p.disagrees).toBe(p.disagreementReason !== null);
      if (p.method === 'EQUILIBRIUM_AT_METAL') expect(p.electrodePotentialV).toBe(0);
      if (p.reaction) expect(p.reaction.mixingEnergyEvPerAtom).toBeLessThan(0);
    }
    console.info(`predictions: ${all.length}, disagreeing: ${all.filter((p) => p.disagrees).map((p) => p.disagreementReason).join(' | ')}`);
  });
});

describe('bad input is BAD_USER_INPUT naming the argument; missing data is a status', () => {
  it.each([
    ['{ stabilityWindow(formula: "Xx3PS4") { status } }', 'formula', /unknown element symbol 'Xx'/],
    ['{ stabilityWindow(formula: "") { status } }', 'formula', /is empty/],
    ['{ stabilityWindow(formula: "(Li3PS4") { status } }', 'formula', /unclosed/],
    ['{ stabilityWindow(formula: "LiBeBCNOFNaMgAlSi") { status } }', 'formula', /11 elements; at most 10/],
    ['{ stabilityWindow(formula: "Li3PS4", openElement: "O") { status } }', 'openElement', /Li, Na, K/],
    ['{ stabilityWindow(formula: "Li3PS4", openElement: "Qq") { status } }', 'openElement', /not an element symbol/],
    ['{ stabilityWindow(formula: "Li3PS4", openElement: "Na") { status } }', 'openElement', /Na is not in the composition/],
    ['{ stabilityWindow(formula: "Li") { status } }', 'formula', /open element itself/],
    ['{ decomposition(formula: "Li7-xLa3Zr2O12") { status } }', 'formula', /variable stoichiometry/],
    ['{ interfaceReaction(reactantA: "Li3PS4", reactantB: "PS4Li3") { status } }', 'reactantB', /same composition/],
    ['{ interfaceReaction(reactantA: "Li3PS4", reactantB: "LiCoO2", voltageV: 4) { status } }', 'openElement', /required with voltageV/],
    ['{ interfaceReaction(reactantA: "Li3PS4", reactantB: "LiCoO2", openElement: "Li", voltageV: 40) { status } }', 'voltageV', /0–10 V/],
    ['{ interfaceReaction(reactantA: "Li3PS4", reactantB: "Zz") { status } }', 'reactantB', /unknown element symbol 'Zz'/],
    ['{ interfaceReaction(reactantA: "Li3PS4", reactantB: "LiCoO2", openElement: "Na", voltageV: 1) { status } }', 'openElement', /Na is in neither reactant/],
    ['{ interfaceReaction(reactantA: "Li2S", reactantB: "S", openElement: "Li", voltageV: 2) { status } }', 'reactantB', /apart from the open element Li/],
    ['{ material(id: "Ge1Li10P2S12") { stabilityWindow(openElement: "K") { status } } }', 'openElement', /K is not in the composition/],
    ['{ interfaces(first: 1) { edges { node { prediction(electrodePotential: 11) { status } } } } }', 'electrodePotential', /0–10 V/],
    ['{ interfaces(first: 1) { edges { node { prediction(electrodePotential: -0.5) { status } } } } }', 'electrodePotential', /0–10 V/],
  ])('%s', async (query, argumentName, message) => {
    expectBadUserInput(await server.gql(query), argumentName, message);
  });

  it('an element without any phase data, or a system without compounds, is a status with a reason', async () => {
    const xe = await window('LiXeF');
    expect(xe).toMatchObject({ status: 'ELEMENT_WITHOUT_DATA', reductionLimitV: null, oxidationLimitV: null });
    expect(xe.reason).toMatch(/no entry with Xe/);
    // Li–Fe has no compound below the elements: Li7Fe3 is not in the data, LiFe is but above the elements
    for (const f of ['Li7Fe3', 'LiFe']) {
      const fe = await window(f);
      expect(fe).toMatchObject({ status: 'INSUFFICIENT_DATA', reductionLimitV: null });
      expect(fe.reason).toMatch(/Fe-Li/);
    }
  });
});

describe("users' phase entries", () => {
  const ADD = `mutation($i: AddPhaseEntryInput!) { addPhaseEntry(input: $i) { id source formula compositionKey formationEnergyEvPerAtom label note owner } }`;

  it('a new entry takes part in every later computation, marked as the user’s, on every replica (within the revision TTL); removing it restores the result', async () => {
    // a second stateless API process on the same graph; it re-reads the phase-data revision after 200 ms
    const replica = await startTestServer({ THERMO_REVISION_TTL_MS: '200', MUTATIONS: 'loopback' });
    const afterTtl = () => new Promise((r) => setTimeout(r, 250));
    try {
      const before = await window('Li3YCl6');
      expect(before.energySource).toBe('VIRTUAL_AT_HULL'); // not in the data (design notes: "no Li3YCl6")
      const warm = await replica.gql<{ stabilityWindow: Window }>(`{ stabilityWindow(formula: "Li3YCl6") { ${WINDOW} } }`);
      expect(warm.data!.stabilityWindow.reductionLimitV).toBe(before.reductionLimitV);

      // a user's DFT energy 50 meV/atom below the hull of the other phases: Li3YCl6 becomes stable
      const hull = await server.gql<{ decomposition: { hullEnergyEvPerAtom: number } }>('{ decomposition(formula: "Li3YCl6") { hullEnergyEvPerAtom } }');
      const energy = hull.data!.decomposition.hullEnergyEvPerAtom - 0.05;
      const added = await server.gql<{ addPhaseEntry: { id: string; source: string; formula: string; compositionKey: string; label: string } }>(
        ADD,
        { i: { formula: 'Li3YCl6', formationEnergyEvPerAtom: energy, label: 'test suite, r2SCAN', note: 'hypothetical' } },
        contributor.key,
      );
      expect(added.errors).toBeUndefined();
      const entry = added.data!.addPhaseEntry;
      expect(entry).toMatchObject({ source: 'USER', formula: 'Li3YCl6', compositionKey: 'Cl6Li3Y1', label: 'test suite, r2SCAN', owner: contributor.keyId });
      expect(entry.id).toMatch(/^user:[0-9a-f-]{36}$/);

      const check = async (s: TestServer) => {
        const res = await s.gql<{ stabilityWindow: Window & { targetEntry: { id: string; source: string }; dataSources: { kind: string; entryCount: number }[] } }>(
          `{ stabilityWindow(formula: "Li3YCl6") { ${WINDOW} targetEntry { id source } dataSources { kind entryCount } } }`,
        );
        const w = res.data!.stabilityWindow;
        expect(w).toMatchObject({ energySource: 'USER', stabilized: false, targetEntry: { id: entry.id, source: 'USER' } });
        expect(w.dataSources).toContainEqual({ kind: 'USER', entryCount: 1 });
        expect(w.oxidationLimitV - w.reductionLimitV).toBeGreaterThan(before.oxidationLimitV - before.reductionLimitV); // more stable: wider
      };
      await check(server); // the replica that wrote it: at once
      await afterTtl();
      await check(replica); // the other: within its revision TTL

      const removed = await server.gql<{ removePhaseEntry: boolean }>(`mutation { removePhaseEntry(id: "${entry.id}") }`, undefined, contributor.key);
      expect(removed.data!.removePhaseEntry).toBe(true);
      await afterTtl();
      const again = await replica.gql<{ stabilityWindow: Window }>(`{ stabilityWindow(formula: "Li3YCl6") { ${WINDOW} } }`);
      expect(again.data!.stabilityWindow).toEqual(before);
      const twice = await server.gql<{ removePhaseEntry: boolean }>(`mutation { removePhaseEntry(id: "${entry.id}") }`, undefined, contributor.key);
      expect(twice.data!.removePhaseEntry).toBe(false);
    } finally {
      await replica.stop();
    }
  });

  it.each([
    [{ formula: 'Li3YCl6', formationEnergyEvPerAtom: -50, label: 'x' }, 'input.formationEnergyEvPerAtom', /between -10 and 10 eV\/atom/],
    [{ formula: 'Li3Q', formationEnergyEvPerAtom: -1, label: 'x' }, 'input.formula', /unknown element symbol 'Q'/],
    [{ formula: 'Li3N', formationEnergyEvPerAtom: -1, label: '  ' }, 'input.label', /1–200 characters/],
    [{ formula: 'Li', formationEnergyEvPerAtom: 0.2, label: 'x' }, 'input.formationEnergyEvPerAtom', /can never be stable/],
    // an element below its reference would move every window with Li for everyone
    [{ formula: 'Li', formationEnergyEvPerAtom: -9, label: 'x' }, 'input.formationEnergyEvPerAtom', /below the reference energy of Li .*every stability window/],
    [{ formula: 'O2', formationEnergyEvPerAtom: -0.01, label: 'x' }, 'input.formationEnergyEvPerAtom', /below the reference energy of O/],
  ])('rejects %j naming the field, and writes nothing', async (input, argumentName, message) => {
    const count = async () => (await server.gql<{ phaseEntries: { totalCount: number } }>('{ phaseEntries(where: { source: USER }, first: 0) { totalCount } }')).data!.phaseEntries.totalCount;
    const before = await count();
    const res = await server.gql(ADD, { i: input }, contributor.key);
    expect(res.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName });
    expect(res.errors![0]!.message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('a read-only deployment (MUTATIONS=off) answers FORBIDDEN, also to a valid key, and writes nothing, and still computes', async () => {
    const readOnly = await startTestServer({ MUTATIONS: 'off' });
    try {
      const res = await readOnly.gql(ADD, { i: { formula: 'Li3N', formationEnergyEvPerAtom: -0.5, label: 'x' } }, contributor.key);
      expect(res.status).toBe(403);
      expect(res.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(res.errors![0]!.message).toMatch(/MUTATIONS=off/);
      const users = await readOnly.gql<{ phaseEntries: { totalCount: number } }>('{ phaseEntries(where: { source: USER }, first: 0) { totalCount } }');
      expect(users.data!.phaseEntries.totalCount).toBe(0);
      const w = await readOnly.gql<{ stabilityWindow: { status: string } }>('{ stabilityWindow(formula: "Li3N") { status } }');
      expect(w.data!.stabilityWindow.status).toBe('COMPUTED');
    } finally {
      await readOnly.stop();
    }
  });

  it('dataset entries cannot be removed', async () => {
    const res = await server.gql('mutation { removePhaseEntry(id: "matbench_mp_e_form:Li3P1S4") }', undefined, contributor.key);
    expect(res.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('lists the phase data of a system and its subsystems, with the dataset', async () => {
    const res = await server.gql<{ phaseEntries: { totalCount: number; edges: { node: { id: string; chemicalSystem: string; dataset: { id: string; version: string } } }[] } }>(
      '{ phaseEntries(where: { chemicalSystem: "S-P-Li", includeSubsystems: true }, first: 100) { totalCount edges { node { id chemicalSystem dataset { id version } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.phaseEntries.totalCount).toBe(26);
    expect(res.data!.phaseEntries.edges.every((e) => e.node.dataset.id === 'matbench_mp_e_form')).toBe(true);
  });
});
