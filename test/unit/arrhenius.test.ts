/**
 * domain/arrhenius.ts against numpy.polyfit and scipy.stats.linregress (test/fixtures/conductivity/make_fixture.py,
 * its output arrhenius.json): every point set (from the seed and made up), both forms, ln σ at five temperatures,
 * Ea and its standard error; tolerances as the fixture states them (1e-9 relative on ln σ, log10 σ and Ea, 1e-6 on
 * the standard error, 1e-12 eV absolute for energies near 0). Then the edge cases: 2 points, one temperature twice, temperatures closer than 10 K,
 * values refused, the reasons given.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  anchorArrhenius,
  BOLTZMANN_EV_PER_K,
  estimateConductivity,
  fitArrhenius,
  lnConductivityAt,
  type ArrheniusForm,
  type ArrheniusPoint,
} from '../../src/domain/arrhenius.js';
import { InvalidValueError } from '../../src/domain/errors.js';
import { projectPath } from '../../src/server/paths.js';

interface FixtureForm {
  activationEnergyEv: number;
  activationEnergyStdErrEv?: number | null;
  activationEnergyUncertaintyEv?: number | null;
  lnPrefactor: number;
  at: { temperatureK: number; lnSigma: number; log10Sigma: number }[];
}
interface FixtureSet {
  name: string;
  kind: string;
  status: string;
  points: { id: string; temperatureK: number; conductivity: number }[];
  reportedActivationEnergiesEv: number[];
  fit: Record<ArrheniusForm, FixtureForm>;
}
const fixture = JSON.parse(readFileSync(projectPath('test', 'fixtures', 'conductivity', 'arrhenius.json'), 'utf8')) as {
  boltzmannEvPerK: number;
  tolerances: { lnSigmaRelative: number; activationEnergyRelative: number; stdErrRelative: number; absoluteEv: number };
  sets: FixtureSet[];
};
const tol = fixture.tolerances;
const rel = (a: number | null | undefined, b: number) => Math.abs(a! - b) / Math.abs(b);
/** Relative difference, or 0 within `tol.absoluteEv` (an energy near 0). */
const relEv = (a: number | null | undefined, b: number) => (Math.abs(a! - b) <= tol.absoluteEv ? 0 : rel(a, b));
const FORMS: ArrheniusForm[] = ['SIGMA', 'SIGMA_T'];
const pts = (s: FixtureSet): ArrheniusPoint[] => s.points.map((p) => ({ temperatureK: p.temperatureK, conductivity: p.conductivity }));

describe('against numpy.polyfit and scipy.stats.linregress', () => {
  it('has at least 10 point sets with several temperatures each, seed ones among them', () => {
    const fitted = fixture.sets.filter((s) => s.status === 'FITTED');
    expect(fitted.length).toBeGreaterThanOrEqual(10);
    expect(fixture.sets.some((s) => s.kind === 'seed')).toBe(true);
    for (const s of fitted) expect(new Set(s.points.map((p) => p.temperatureK)).size, s.name).toBeGreaterThanOrEqual(2);
    expect(fixture.boltzmannEvPerK).toBe(BOLTZMANN_EV_PER_K);
  });

  for (const s of fixture.sets) {
    for (const form of FORMS) {
      it(`${s.name} (${s.kind}), ${form}`, () => {
        const want = s.fit[form];
        for (const at of want.at) {
          const e = estimateConductivity(pts(s), s.reportedActivationEnergiesEv.map((value) => ({ value, uncertainty: null })), form, at.temperatureK);
          expect(e.status).toBe(s.status);
          expect(rel(Math.log(e.conductivity!), at.lnSigma), `ln σ at ${at.temperatureK} K`).toBeLessThan(tol.lnSigmaRelative);
          expect(rel(e.log10Conductivity, at.log10Sigma), `log10 σ at ${at.temperatureK} K`).toBeLessThan(tol.lnSigmaRelative);
          expect(relEv(e.activationEnergyEv, want.activationEnergyEv)).toBeLessThan(tol.activationEnergyRelative);
          expect(rel(Math.log(e.prefactor!), want.lnPrefactor)).toBeLessThan(tol.lnSigmaRelative);
          if (s.status === 'FITTED') {
            if (want.activationEnergyStdErrEv == null) expect(e.activationEnergyUncertaintyEv).toBeNull();
            else expect(relEv(e.activationEnergyUncertaintyEv, want.activationEnergyStdErrEv)).toBeLessThan(tol.stdErrRelative);
          } else if (want.activationEnergyUncertaintyEv == null) expect(e.activationEnergyUncertaintyEv).toBeNull();
          else expect(rel(e.activationEnergyUncertaintyEv, want.activationEnergyUncertaintyEv)).toBeLessThan(tol.activationEnergyRelative);
        }
      });
    }
  }
});

describe('edge cases', () => {
  const line = (ea: number, lnA: number, ts: number[], form: ArrheniusForm = 'SIGMA_T'): ArrheniusPoint[] =>
    ts.map((t) => ({ temperatureK: t, conductivity: Math.exp(lnConductivityAt({ form, lnPrefactor: lnA, activationEnergyEv: ea }, t)) }));

  it('2 points: the line through them, no standard error', () => {
    const f = fitArrhenius(line(0.3, 10, [300, 400]), 'SIGMA_T');
    expect(rel(f.activationEnergyEv, 0.3)).toBeLessThan(1e-12);
    expect(rel(f.lnPrefactor, 10)).toBeLessThan(1e-12);
    expect(f.activationEnergyStdErrEv).toBeNull();
  });

  it('points on a line: standard error 0 (about), Ea exact in both forms', () => {
    const p = line(0.5, 12, [280, 300, 350, 420], 'SIGMA');
    const f = fitArrhenius(p, 'SIGMA');
    expect(rel(f.activationEnergyEv, 0.5)).toBeLessThan(1e-12);
    expect(f.activationEnergyStdErrEv!).toBeLessThan(1e-12);
    // the same points in the other form give another (here larger than 0.5 − k_B·T) activation energy
    expect(fitArrhenius(p, 'SIGMA_T').activationEnergyEv).toBeGreaterThan(0.5);
  });

  it('the same temperature twice is one temperature: anchored on a reported Ea, or insufficient, with the reason', () => {
    const p = [
      { temperatureK: 298.15, conductivity: 1e-3 },
      { temperatureK: 298.15, conductivity: 4e-3 },
    ];
    expect(() => fitArrhenius(p, 'SIGMA')).toThrow(InvalidValueError);
    const none = estimateConductivity(p, [], 'SIGMA_T', 333.15);
    expect(none).toMatchObject({ status: 'INSUFFICIENT_DATA', conductivity: null, pointCount: 2, minK: 298.15, maxK: 298.15, interpolated: false });
    expect(none.reason).toBe('one temperature (298.15 K) and no activation energy reported');
    expect(none.extrapolatedByK).toBeCloseTo(35, 10);
    const anchored = estimateConductivity(p, [{ value: 0.3, uncertainty: 0.02 }], 'SIGMA_T', 298.15);
    expect(anchored.status).toBe('ANCHORED_ON_REPORTED_ACTIVATION_ENERGY');
    expect(rel(anchored.conductivity, 2e-3)).toBeLessThan(1e-12); // the geometric mean at the points' temperature
    expect(anchored.activationEnergyUncertaintyEv).toBe(0.02);
    expect(anchored.interpolated).toBe(true);
    expect(anchored.extrapolatedByK).toBe(0);
  });

  it('anchoring: Ea the median of the reported ones, uncertainty half their range; bad ones left out', () => {
    const p = [{ temperatureK: 300, conductivity: 1e-4 }];
    const e = estimateConductivity(p, [0.2, 0.5, 0.3, -1, Number.NaN].map((value) => ({ value, uncertainty: 0.01 })), 'SIGMA', 400);
    expect(e.activationEnergyEv).toBe(0.3);
    expect(rel(e.activationEnergyUncertaintyEv, 0.15)).toBeLessThan(1e-12);
    expect(rel(Math.log(e.conductivity!), Math.log(1e-4) - (0.3 / BOLTZMANN_EV_PER_K) * (1 / 400 - 1 / 300))).toBeLessThan(1e-12);
    expect(e.reason).toBe('one temperature (300 K): the slope from the median of 3 reported activation energies');
    const a = anchorArrhenius(p, 0.3, 'SIGMA_T');
    expect(rel(a.lnPrefactor, Math.log(1e-4 * 300) + 0.3 / (BOLTZMANN_EV_PER_K * 300))).toBeLessThan(1e-12);
  });

  it('temperatures less than 10 K apart are not fitted', () => {
    const e = estimateConductivity(line(0.3, 10, [298.15, 305]), [], 'SIGMA_T', 298.15);
    expect(e.status).toBe('INSUFFICIENT_DATA');
    expect(e.reason).toBe('temperatures less than 10 K apart (298.15 K–305 K) and no activation energy reported');
    expect(estimateConductivity(line(0.3, 10, [298.15, 308.15]), [], 'SIGMA_T', 298.15).status).toBe('FITTED');
  });

  it('no points: insufficient, and no range', () => {
    expect(estimateConductivity([], [{ value: 0.3, uncertainty: null }], 'SIGMA', 300)).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'no ionic conductivity reported at a stated temperature',
      pointCount: 0,
      minK: null,
      maxK: null,
      interpolated: null,
      extrapolatedByK: null,
    });
  });

  it('interpolated inside the points, extrapolated by the distance to the nearer end outside', () => {
    const p = line(0.3, 10, [300, 400]);
    expect(estimateConductivity(p, [], 'SIGMA_T', 350)).toMatchObject({ interpolated: true, extrapolatedByK: 0 });
    expect(estimateConductivity(p, [], 'SIGMA_T', 400)).toMatchObject({ interpolated: true, extrapolatedByK: 0 });
    expect(estimateConductivity(p, [], 'SIGMA_T', 273.15)).toMatchObject({ interpolated: false });
    expect(estimateConductivity(p, [], 'SIGMA_T', 273.15).extrapolatedByK).toBeCloseTo(26.85, 10);
    expect(estimateConductivity(p, [], 'SIGMA_T', 450).extrapolatedByK).toBe(50);
  });

  it('refuses zero, negative and non-finite conductivities and temperatures', () => {
    const ok = { temperatureK: 300, conductivity: 1e-3 };
    for (const bad of [
      { temperatureK: 300, conductivity: -1e-3 },
      { temperatureK: 300, conductivity: 0 },
      { temperatureK: 0, conductivity: 1e-3 },
      { temperatureK: -5, conductivity: 1e-3 },
      { temperatureK: Number.POSITIVE_INFINITY, conductivity: 1e-3 },
      { temperatureK: 350, conductivity: Number.NaN },
    ]) {
      expect(() => fitArrhenius([ok, bad, { temperatureK: 400, conductivity: 1e-2 }], 'SIGMA')).toThrow(InvalidValueError);
      expect(() => estimateConductivity([ok, bad], [], 'SIGMA', 300)).toThrow(InvalidValueError);
    }
    for (const t of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => estimateConductivity([ok], [], 'SIGMA', t)).toThrow(InvalidValueError);
    expect(() => fitArrhenius([ok], 'SIGMA')).toThrow(/at least 2 points/);
    expect(() => anchorArrhenius([], 0.3, 'SIGMA')).toThrow(InvalidValueError);
  });
});
