/**
 * "Computed next to reported" against pymatgen on the same data (test/fixtures/pymatgen/computed.json,
 * written by generate_computed_fixtures.py): phases under the formula they are known by, a reactant's own
 * decomposition kept apart from the reaction with its partner (the mixing energy is pymatgen's
 * use_hull_energy=True energy), the LLZO | LiCoO2 reaction at a charged cathode's potential, the windows of
 * the phases a collapsed window decomposes into, Na-beta-alumina against Na; and the pure rules of
 * interphasePrediction.ts (electrode classes, which observations compare, the comparison, disagreements).
 * Tolerances as thermo.test.ts: 1 meV/atom, 0.01 V, 1e-4 in the mixing ratio, identical product sets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chemicalSubsystems } from '../../src/domain/chemistry/chemicalSystem.js';
import { Composition } from '../../src/domain/chemistry/composition.js';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { assessTarget } from '../../src/domain/thermo/decomposition.js';
import { interfaceReaction, type InterfaceKink } from '../../src/domain/thermo/interfaceReaction.js';
import {
  comparableProducts,
  compareProducts,
  DEFAULT_ELECTRODE_POTENTIAL_V,
  disagreement,
  electrodeOf,
  electrodePotential,
  setAsideReason,
  type ObservationLike,
} from '../../src/domain/thermo/interphasePrediction.js';
import { loadLinearSolver, type LinearSolver } from '../../src/domain/thermo/linearProgram.js';
import { formulaUnitMultiple, phaseFormula } from '../../src/domain/thermo/phaseFormula.js';
import { PhaseSpace, type PhaseEntry } from '../../src/domain/thermo/phaseSpace.js';
import { stabilityWindow } from '../../src/domain/thermo/stabilityWindow.js';
import { loadConfig } from '../../src/server/config.js';
import { readPhaseData } from '../../src/services/thermo/phaseData.read.js';

const V_TOL = 0.01; // V
const E_TOL = 0.001; // eV/atom
const X_TOL = 1e-4;
const here = path.dirname(new URL(import.meta.url).pathname);

type Comp = Record<string, number>;
interface FixtureKink {
  index: number;
  x: number;
  energyEvPerAtom: number;
  reaction: string;
  products: { composition: Comp; formula: string }[];
}
interface MixingPair {
  a: string;
  b: string;
  e1EvPerAtom: number;
  e2EvPerAtom: number;
  hull1EvPerAtom: number;
  hull2EvPerAtom: number;
  kinks: FixtureKink[];
  mixingKinks: FixtureKink[];
  minimum: { x: number; energyEvPerAtom: number };
  mixingMinimum: { x: number; energyEvPerAtom: number };
}
interface GrandPair {
  a: string;
  b: string;
  openElement: string;
  voltageV: number;
  hull1EvPerAtom: number;
  hull2EvPerAtom: number;
  own1EvPerAtom: number;
  own2EvPerAtom: number;
  kinks: FixtureKink[];
  minimum: { x: number; energyEvPerAtom: number };
}
interface FixtureWindow {
  formula: string;
  openElement: string;
  reductionLimitV: number;
  oxidationLimitV: number;
  stableAgainstMetal: boolean;
  productsAtReduction: { composition: Comp; formula: string }[];
  stabilized: boolean;
}
const fixture = JSON.parse(readFileSync(path.join(here, '../fixtures/pymatgen/computed.json'), 'utf8')) as {
  specialFormulas: Record<string, string>;
  reducedFormulas: Record<string, string>;
  mixing: MixingPair[];
  examples: {
    llzoLco: MixingPair;
    llzoLcoCharged: GrandPair[];
    lpsclLi2S: MixingPair;
    lltoCompeting: { composition: Comp; formula: string }[];
    windows: FixtureWindow[];
  };
};

const keyOf = (c: Comp) => new Composition(Object.entries(c)).key;
/** pymatgen writes fractions like '1/3': as decimals for our parser. */
const formula = (f: string) => f.replace(/(\d+)\/(\d+)/g, (_, a: string, b: string) => String(Number(a) / Number(b)));
/** The products of a kink other than the open element, as composition keys. */
const productKeys = (k: FixtureKink, open: string | null = null) =>
  k.products.filter((p) => !(open && Object.keys(p.composition).length === 1 && p.composition[open] !== undefined)).map((p) => keyOf(p.composition)).sort();
const ourKeys = (k: InterfaceKink) => k.products.filter((p) => p.phase).map((p) => p.phase!.key).sort();

let solver: LinearSolver;
let entriesBySystem: Map<string, PhaseEntry[]>;
const spaces = new Map<string, PhaseSpace>();
function space(elements: Iterable<string>): PhaseSpace {
  const els = [...new Set(elements)].sort();
  const k = els.join('-');
  let s = spaces.get(k);
  if (!s) {
    s = PhaseSpace.build(solver, els, chemicalSubsystems(els).flatMap((sys) => entriesBySystem.get(sys) ?? []));
    spaces.set(k, s);
  }
  return s;
}

beforeAll(async () => {
  solver = await loadLinearSolver();
  const file = loadConfig().phaseDataCsv;
  const data = readPhaseData(readFileSync(file), file);
  entriesBySystem = new Map();
  for (const e of data.entries) {
    const entry: PhaseEntry = {
      id: e.id,
      composition: new Composition(e.compositionElements.map((el, i) => [el, e.compositionAmounts[i]!] as const)),
      formationEnergyEvPerAtom: e.formationEnergyEvPerAtom,
      source: 'DATASET',
      datasetId: data.dataset.id,
    };
    const list = entriesBySystem.get(e.chemicalSystem) ?? [];
    list.push(entry);
    entriesBySystem.set(e.chemicalSystem, list);
  }
}, 300_000);

function reaction(a: string, b: string, open: { element: string; voltageV: number } | null = null) {
  const ca = parseFormula(formula(a));
  const cb = parseFormula(formula(b));
  return interfaceReaction(space([...ca.elements, ...cb.elements, ...(open ? [open.element] : [])]), ca, cb, open);
}

describe('phases under the formula they are known by', () => {
  it("agrees with pymatgen's special formulas for every one of them", () => {
    for (const [reduced, named] of Object.entries(fixture.specialFormulas)) expect(phaseFormula(reduced), reduced).toBe(named);
  });

  it('names Li2O2, O2, Li2S8 and S2Cl2 by their formula unit (pymatgen: LiS4 and SCl), amounts per that unit', () => {
    expect(fixture.reducedFormulas).toMatchObject({ Li2O2: 'Li2O2', O2: 'O2', Li2S8: 'LiS4', S2Cl2: 'SCl', Li2S: 'Li2S' });
    expect(['LiO', 'O', 'LiS4', 'SCl', 'Li2S'].map(phaseFormula)).toEqual(['Li2O2', 'O2', 'Li2S8', 'S2Cl2', 'Li2S']);
    expect(['LiO', 'O', 'LiS4', 'SCl', 'Li2S'].map(formulaUnitMultiple)).toEqual([2, 2, 2, 2, 1]);
    const s = space(['Li', 'O']);
    const peroxide = s.phaseOf(parseFormula('Li2O2').key)!;
    expect([peroxide.formula, peroxide.reducedFormula, peroxide.atomsPerFormulaUnit]).toEqual(['Li2O2', 'LiO', 4]);
    const oxygen = s.phaseOf(parseFormula('O2').key)!;
    expect([oxygen.formula, oxygen.reducedFormula, oxygen.atomsPerFormulaUnit]).toEqual(['O2', 'O', 2]);
    const polysulfide = space(['Li', 'S']).phaseOf(parseFormula('Li2S8').key)!;
    expect([polysulfide.formula, polysulfide.reducedFormula]).toEqual(['Li2S8', 'LiS4']);
    expect(space(['Cl', 'S']).phaseOf(parseFormula('S2Cl2').key)!.formula).toBe('S2Cl2');
  });

  it('writes the reactions as pymatgen does: LLZO at 4 V gives off 1.75 O2, not 3.5 O', () => {
    const f = fixture.examples.llzoLcoCharged.find((g) => g.voltageV === 4)!;
    const r = reaction(f.a, f.b, { element: f.openElement, voltageV: f.voltageV });
    const end = r.kinks.at(-1)!;
    expect(f.kinks.at(-1)!.reaction).toMatch(/1\.75 O2/);
    expect(end.products.find((p) => p.formula === 'O2')!.coefficient).toBeCloseTo(1.75, 6);
  });
});

describe("a reactant's own decomposition apart from the reaction with its partner (pymatgen use_hull_energy=True)", () => {
  it('covers every pair of the seed without a reservoir', () => {
    expect(fixture.mixing.length).toBeGreaterThanOrEqual(50);
  });

  it.each(fixture.mixing.map((p) => [`${p.a} | ${p.b}`, p] as const))('%s', (_, f) => {
    const r = reaction(f.a, f.b);
    expect(Math.abs(r.reactantA.hullEnergy - f.hull1EvPerAtom)).toBeLessThan(E_TOL);
    expect(Math.abs(r.reactantB.hullEnergy - f.hull2EvPerAtom)).toBeLessThan(E_TOL);
    expect(Math.abs(r.reactantA.ownDecompositionEnergy - Math.min(0, f.hull1EvPerAtom - f.e1EvPerAtom))).toBeLessThan(E_TOL);
    expect(Math.abs(r.reactantB.ownDecompositionEnergy - Math.min(0, f.hull2EvPerAtom - f.e2EvPerAtom))).toBeLessThan(E_TOL);
    // the kinks are the same with either reference; the mixing energy is pymatgen's energy against the hull
    expect(r.kinks.map((k) => k.index)).toEqual(f.mixingKinks.map((k) => k.index));
    r.kinks.forEach((k, i) => {
      const want = f.mixingKinks[i]!;
      expect(Math.abs(k.x - want.x)).toBeLessThan(X_TOL);
      expect(Math.abs(k.mixingEnergyEvPerAtom - Math.min(0, want.energyEvPerAtom))).toBeLessThan(E_TOL);
    });
    if (f.mixingMinimum.energyEvPerAtom < -E_TOL) {
      expect(r.mostExothermicWithPartner).not.toBeNull();
      expect(Math.abs(r.mostExothermicWithPartner!.mixingEnergyEvPerAtom - f.mixingMinimum.energyEvPerAtom)).toBeLessThan(E_TOL);
    }
    const atEnd = Math.abs(f.minimum.x - 1) < X_TOL ? 'DECOMPOSITION_OF_A' : Math.abs(f.minimum.x) < X_TOL ? 'DECOMPOSITION_OF_B' : 'REACTION_WITH_PARTNER';
    if (f.minimum.energyEvPerAtom < -E_TOL) expect(r.mostExothermicIs).toBe(atEnd);
  });

  it("Li6PS5Cl | Li2S: the most exothermic kink (−83 meV/atom at x = 1) is Li6PS5Cl's own decomposition, and there is no reaction with Li2S", () => {
    const f = fixture.examples.lpsclLi2S;
    const r = reaction(f.a, f.b);
    expect(f.minimum.x).toBeCloseTo(1, 6);
    expect(Math.abs(r.mostExothermic.energyEvPerAtom - f.minimum.energyEvPerAtom)).toBeLessThan(E_TOL);
    expect(r.mostExothermic.energyEvPerAtom).toBeCloseTo(-0.0831, 3);
    expect(r.mostExothermicIs).toBe('DECOMPOSITION_OF_A');
    expect(Math.abs(r.reactantA.ownDecompositionEnergy - (f.hull1EvPerAtom - f.e1EvPerAtom))).toBeLessThan(E_TOL);
    expect(r.reactantA.ownDecompositionPhases.map((p) => p.phase.key).sort()).toEqual(productKeys(f.kinks.at(-1)!));
    expect(r.reactantB.ownDecompositionEnergy).toBe(0);
    expect(f.mixingMinimum.energyEvPerAtom).toBeGreaterThan(-E_TOL);
    expect(r.mostExothermicWithPartner).toBeNull();
  });
});

describe('LLZO | LiCoO2 at the charged cathode (Li open, GrandPotentialInterfacialReactivity)', () => {
  it('without a reservoir: La2O3 + Li5CoO4 + Li6Zr2O7 (none of them observed), mostly LLZO decomposing on its own', () => {
    const f = fixture.examples.llzoLco;
    const r = reaction(f.a, f.b);
    expect(Math.abs(r.mostExothermic.energyEvPerAtom - f.minimum.energyEvPerAtom)).toBeLessThan(E_TOL);
    expect(r.mostExothermic.products.map((p) => p.formula).sort()).toEqual(['La2O3', 'Li5CoO4', 'Li6Zr2O7']);
    expect(r.mostExothermicIs).toBe('REACTION_WITH_PARTNER');
    expect(r.reactantA.ownDecompositionEnergy).toBeLessThan(-E_TOL);
  });

  it.each(fixture.examples.llzoLcoCharged.map((g) => [g.voltageV, g] as const))('at %s V vs Li/Li+: LaCoO3 + La2Zr2O7 (+ O2), as pymatgen', (_, f) => {
    const r = reaction(f.a, f.b, { element: f.openElement, voltageV: f.voltageV });
    expect(Math.abs(r.reactantA.hullEnergy - f.hull1EvPerAtom)).toBeLessThan(E_TOL);
    expect(Math.abs(r.reactantB.hullEnergy - f.hull2EvPerAtom)).toBeLessThan(E_TOL);
    // own decomposition at that potential: the own entry's grand potential (use_hull_energy=False) above the hull
    expect(Math.abs(r.reactantA.ownDecompositionEnergy - Math.min(0, f.hull1EvPerAtom - f.own1EvPerAtom))).toBeLessThan(E_TOL);
    expect(Math.abs(r.reactantB.ownDecompositionEnergy - Math.min(0, f.hull2EvPerAtom - f.own2EvPerAtom))).toBeLessThan(E_TOL);
    expect(r.kinks.map((k) => k.index)).toEqual(f.kinks.map((k) => k.index));
    r.kinks.forEach((k, i) => {
      expect(Math.abs(k.x - f.kinks[i]!.x)).toBeLessThan(X_TOL);
      expect(Math.abs(k.energyEvPerAtom - f.kinks[i]!.energyEvPerAtom)).toBeLessThan(E_TOL);
      expect(ourKeys(k)).toEqual(productKeys(f.kinks[i]!, f.openElement));
    });
    expect(r.mostExothermicWithPartner).not.toBeNull();
    expect(Math.abs(r.mostExothermicWithPartner!.energyEvPerAtom - f.minimum.energyEvPerAtom)).toBeLessThan(E_TOL);
    expect(r.mostExothermicWithPartner!.products.filter((p) => p.phase).map((p) => p.formula).sort()).toEqual(['La2Zr2O7', 'LaCoO3', 'O2']);
  });
});

describe('windows: a collapsed one and the phases it decomposes into; Na-beta-alumina against Na (0.01 V)', () => {
  const window = (f: FixtureWindow) => {
    const c = parseFormula(formula(f.formula));
    return stabilityWindow(space(c.elements), c, f.openElement);
  };

  it.each(fixture.examples.windows.map((w) => [`${w.formula} (${w.openElement})`, w] as const))('%s', (_, f) => {
    const w = window(f);
    expect(w.status).toBe('COMPUTED');
    expect(Math.abs(w.reductionLimitV! - f.reductionLimitV)).toBeLessThan(V_TOL);
    expect(Math.abs(w.oxidationLimitV! - f.oxidationLimitV)).toBeLessThan(V_TOL);
    expect(w.stableAgainstMetal).toBe(f.stableAgainstMetal);
    expect(w.stabilized).toBe(f.stabilized);
  });

  it('LLTO collapses to a point; the phases it decomposes into are those of pymatgen', () => {
    const llto = fixture.examples.windows[0]!;
    const w = window(llto);
    expect(w.collapsed).toBe(true);
    const c = parseFormula(formula(llto.formula));
    const competing = assessTarget(space(c.elements), c, false).competingPhases.map((p) => p.phase.key).sort();
    expect(competing).toEqual(fixture.examples.lltoCompeting.map((p) => keyOf(p.composition)).sort());
    expect(fixture.examples.windows.length).toBeGreaterThan(2); // at least one phase with Li besides LLTO and beta-alumina
  });

  it('NaAl11O17 (Na-beta-alumina) is computed reduced below about 0.3 V vs Na/Na+, not stable against Na', () => {
    const f = fixture.examples.windows.find((x) => x.formula === 'NaAl11O17')!;
    expect(f.stableAgainstMetal).toBe(false);
    expect(window(f).reductionLimitV).toBeGreaterThan(0.1);
  });
});

describe('interphasePrediction.ts: electrode classes, comparable observations, the comparison, disagreements', () => {
  const c = (f: string) => parseFormula(f);
  it('classes and default potentials: the metal at 0 V, a layered oxide at 4.2 V vs Li/Li+, other cathodes only when asked', () => {
    expect(electrodeOf(c('Li7La3Zr2O12'), c('Li'))).toEqual({ electrodeClass: 'ALKALI_METAL', openElement: 'Li' });
    expect(electrodeOf(c('Li7La3Zr2O12'), c('LiCoO2'))).toEqual({ electrodeClass: 'LAYERED_OXIDE', openElement: 'Li' });
    expect(electrodeOf(c('Li6PS5Cl'), c('LiNi0.8Mn0.1Co0.1O2')).electrodeClass).toBe('LAYERED_OXIDE');
    expect(electrodeOf(c('Li3PS4'), c('LiFePO4')).electrodeClass).toBe('OTHER_CATHODE');
    expect(electrodeOf(c('Li3PS4'), c('Li4Ti5O12')).electrodeClass).toBe('NOT_AN_ELECTRODE');
    expect(electrodeOf(c('Li3PS4'), c('LiNbO3')).electrodeClass).toBe('NOT_AN_ELECTRODE');
    expect(electrodeOf(c('Na3PS4'), c('Na')).electrodeClass).toBe('ALKALI_METAL');
    const layered = electrodeOf(c('Li7La3Zr2O12'), c('LiCoO2'));
    expect(electrodePotential(layered, null)).toBe(DEFAULT_ELECTRODE_POTENTIAL_V.LAYERED_OXIDE);
    expect(electrodePotential(layered, 4)).toBe(4);
    expect(electrodePotential(electrodeOf(c('Li3PS4'), c('Li')), 3)).toBe(0);
    expect(electrodePotential(electrodeOf(c('Li3PS4'), c('LiFePO4')), null)).toBeNull();
    expect(electrodePotential(electrodeOf(c('Li3PS4'), c('LiNbO3')), 4)).toBeNull();
  });

  const obs = (o: Partial<ObservationLike>): ObservationLike => ({
    id: 'x:I1',
    counterpartText: null,
    conditions: null,
    stabilityClass: null,
    electrolyteVariant: null,
    counterpartVariant: null,
    ...o,
  });
  it('sets aside doped and hydrated variants and coated counterparts, keeps polymorphs, forms and uncoated ones', () => {
    expect(setAsideReason(obs({}))).toBeNull();
    expect(setAsideReason(obs({ electrolyteVariant: { labels: ['c-LLZO'], dopantElements: [] } }))).toBeNull();
    expect(setAsideReason(obs({ counterpartText: 'uncoated NMC (NMC811 in Figure 20c)' }))).toBeNull();
    expect(setAsideReason(obs({ electrolyteVariant: { labels: ['Al-LLZO'], dopantElements: ['Al'] } }))).toMatch(/doped variant \(Al\)/);
    expect(setAsideReason(obs({ electrolyteVariant: { labels: ['hydrated (Na3SbS4·xH2O)'], dopantElements: [] } }))).toMatch(/hydrated/);
    expect(setAsideReason(obs({ electrolyteVariant: { labels: ['doped'], dopantElements: [] } }))).toMatch(/another composition/);
    expect(setAsideReason(obs({ counterpartText: 'coated LCO' }))).toMatch(/coating or interlayer separates the two \('coated LCO'\)/);
    expect(setAsideReason(obs({ conditions: 'coating layer on LCO, heated with LLZO' }))).toMatch(/coating or interlayer/);
    expect(setAsideReason(obs({ counterpartText: 'LCO with a thin Nb layer' }))).toMatch(/coating or interlayer/);
    expect(setAsideReason(obs({ counterpartText: 'molten/metallic Li on ALD Al2O3-coated garnet' }))).toMatch(/coating or interlayer/);
    expect(setAsideReason(obs({ conditions: 'no interlayer' }))).toBeNull();
    expect(setAsideReason(obs({ conditions: 'bare garnet, without any coating' }))).toBeNull();
    expect(setAsideReason(obs({ counterpartText: 'thin LCO layer (<100 nm) on an LLZO pellet' }))).toBeNull();
  });

  it('compares by composition, with the reactants and products of foreign elements left out', () => {
    const p = (key: string, label: string, elements: string[]) => ({ key, label, elements });
    const got = compareProducts(
      [p('Co1La1O3', 'LaCoO3', []), p('La2O7Zr2', 'La2Zr2O7', []), p('O1', 'O2', [])],
      [p('C1Li2O3', 'Li2CO3', ['C', 'Li', 'O']), p('La2O7Zr2', 'La2Zr2O7', ['La', 'O', 'Zr']), p('Co1La1O3', 'LaCoO3', ['Co', 'La', 'O']), p('La3Li7O12Zr2', 'Li7La3Zr2O12', ['La', 'Li', 'O', 'Zr'])],
      ['La3Li7O12Zr2', 'Co1Li1O2'],
      ['Co', 'La', 'Li', 'O', 'Zr'],
    );
    expect(got).toEqual({
      common: ['La2Zr2O7', 'LaCoO3'],
      onlyPredicted: ['O2'],
      onlyObserved: [],
      observedReactants: ['Li7La3Zr2O12'],
      observedOutsideSystem: ['Li2CO3'],
      jaccardIndex: 2 / 3,
    });
  });

  it('counts as formed only what the computation could form: not the reactants (Li dendrites, t-LLZO), nothing with a foreign element', () => {
    const p = (key: string | null, label: string, elements: string[]) => ({ key, label, elements });
    const formed = comparableProducts(
      [p('Li1', 'Li', ['Li']), p('La3Li7O12Zr2', 'Li7La3Zr2O12', ['La', 'Li', 'O', 'Zr']), p('C1Li2O3', 'Li2CO3', ['C', 'Li', 'O']), p('Li2O1', 'Li2O', ['Li', 'O']), p(null, 'carbon', [])],
      ['La3Li7O12Zr2', 'Li1'],
      ['La', 'Li', 'O', 'Zr'],
    );
    expect(formed.map((x) => x.label)).toEqual(['Li2O', 'carbon']);
  });

  it('flags a reaction computed where a source reports stability, and none computed where a source reports products', () => {
    const stable = [{ id: 'famprikis2019:I14', stabilityClass: 'THERMODYNAMICALLY_STABLE', productCount: 0 }];
    expect(disagreement({ reacts: true, summary: 'reduced below 0.32 V vs Na/Na+' }, stable)).toEqual({
      disagrees: true,
      reason: 'computed: reduced below 0.32 V vs Na/Na+; reported thermodynamically stable (famprikis2019:I14)',
    });
    expect(disagreement({ reacts: false, summary: 'stable against Na metal (0 V)' }, stable).disagrees).toBe(false);
    expect(disagreement({ reacts: false, summary: 'no reaction' }, [{ id: 'r:I2', stabilityClass: 'UNSTABLE', productCount: 2 }]).disagrees).toBe(true);
    expect(disagreement({ reacts: true, summary: 'reacts' }, [])).toEqual({ disagrees: false, reason: null });
  });
});
