/**
 * Material.conductivityAt (issue 10, part 1) over HTTP against the seeded database: for the seed materials with a
 * basis (Na3PS4, K2Fe4O7 and LiBH4 fitted, Na3SbS4 anchored on its one reported activation energy) the estimates
 * equal those numpy.polyfit / scipy.stats.linregress compute on the same points (test/fixtures/conductivity/
 * make_fixture.py, arrhenius.json; 1e-9 relative on ln σ and Ea, 1e-6 on the standard error, 1e-12 eV absolute near
 * 0), and the points the API uses are the fixture's points, so that a change of the data fails here. Then: the
 * insufficient data of the common electrolytes at 25 °C with their reasons, °C input, bad temperatures, bulk apart from
 * total, interpolation and extrapolation, output units, one batched query for many materials.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/server/paths.js';
import { expectBadUserInput, queriesOf, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

type Form = 'SIGMA' | 'SIGMA_T';
interface FixtureSet {
  name: string;
  kind: string;
  status: string;
  material?: string;
  points: { id: string; temperatureK: number; conductivity: number }[];
  reportedActivationEnergiesEv: number[];
  fit: Record<
    Form,
    {
      activationEnergyEv: number;
      activationEnergyStdErrEv?: number | null;
      activationEnergyUncertaintyEv?: number | null;
      lnPrefactor: number;
      at: { temperatureK: number; lnSigma: number; log10Sigma: number }[];
    }
  >;
}
const fixture = JSON.parse(readFileSync(projectPath('test', 'fixtures', 'conductivity', 'arrhenius.json'), 'utf8')) as {
  tolerances: { lnSigmaRelative: number; activationEnergyRelative: number; stdErrRelative: number; absoluteEv: number };
  sets: FixtureSet[];
};
const tol = fixture.tolerances;
const rel = (a: number | null | undefined, b: number) => (Math.abs(a! - b) <= tol.absoluteEv ? 0 : Math.abs(a! - b) / Math.abs(b));

interface Point {
  id: string;
  temperatureK: number;
  value: number;
  contribution: string | null;
  source: { kind: string };
  publications: { key: string }[];
}
interface Estimate {
  status: string;
  reason: string | null;
  form: Form;
  formula: string;
  temperatureK: number;
  conductivity: number | null;
  log10Conductivity: number | null;
  activationEnergyEv: number | null;
  activationEnergyUncertaintyEv: number | null;
  prefactor: number | null;
  prefactorUnit: string;
  unit: string;
  pointCount: number;
  minK: number | null;
  maxK: number | null;
  interpolated: boolean | null;
  extrapolatedByK: number | null;
  contribution: string | null;
  contributions: string[];
  points: Point[];
  reportedActivationEnergies: { id: string; value: number }[];
  excludedReports: { measurement: { id: string; property: string }; reason: string }[];
  reportCount: number;
  publicationCount: number;
  variants: { id: string }[];
}
const FIELDS = `status reason form formula temperatureK conductivity log10Conductivity activationEnergyEv activationEnergyUncertaintyEv
  prefactor prefactorUnit unit pointCount minK maxK interpolated extrapolatedByK contribution contributions
  points { id temperatureK value contribution source { kind } publications { key } } reportedActivationEnergies { id value }
  excludedReports { measurement { id property } reason } reportCount publicationCount variants { id }`;

/** `conductivityAt` of the one material named `name`, under each alias: `{ alias: 'temperature: 298.15, form: SIGMA' }`. */
async function estimates(name: string, asks: Record<string, string>, fields = FIELDS): Promise<Record<string, Estimate>> {
  const body = Object.entries(asks)
    .map(([alias, args]) => `${alias}: conductivityAt(${args}) { ${fields} }`)
    .join('\n');
  const res = await server.gql<{ materials: { edges: { node: Record<string, Estimate> }[] } }>(`{ materials(where: { name: "${name}" }) { edges { node { ${body} } } } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data!.materials.edges, `one material named ${name}`).toHaveLength(1);
  return res.data!.materials.edges[0]!.node;
}

const SEED_SETS = fixture.sets.filter((s) => s.kind === 'seed');

describe('the seed materials with a basis, against numpy.polyfit / scipy.stats.linregress on the same points', () => {
  it('are in the fixture: three fitted, one anchored', () => {
    expect(SEED_SETS.map((s) => [s.material, s.status])).toEqual([
      ['Na3PS4', 'FITTED'],
      ['K2Fe4O7', 'FITTED'],
      ['LiBH4', 'FITTED'],
      ['Na3SbS4', 'ANCHORED_ON_REPORTED_ACTIVATION_ENERGY'],
    ]);
  });

  it.each(SEED_SETS.map((s) => [s.material!, s] as const))('%s', async (material, set) => {
    const asks: Record<string, string> = {};
    for (const form of ['SIGMA', 'SIGMA_T'] as const) set.fit[form].at.forEach((at, i) => (asks[`${form}_${i}`] = `temperature: ${at.temperatureK}, form: ${form}`));
    const got = await estimates(material, asks);
    const ts = set.points.map((p) => p.temperatureK);
    for (const form of ['SIGMA', 'SIGMA_T'] as const) {
      const want = set.fit[form];
      want.at.forEach((at, i) => {
        const e = got[`${form}_${i}`]!;
        const where = `${material} ${form} at ${at.temperatureK} K`;
        expect(e.status, where).toBe(set.status);
        expect(e.form).toBe(form);
        expect(e.temperatureK).toBe(at.temperatureK);
        // the points are the fixture's: ids, temperatures and values (a change of the data fails here)
        expect(e.points.map((p) => [p.id, p.temperatureK, p.value]).sort(), where).toEqual(set.points.map((p) => [p.id, p.temperatureK, p.conductivity]).sort());
        expect(e.pointCount).toBe(set.points.length);
        expect(e.reportedActivationEnergies.map((m) => m.value).sort()).toEqual([...set.reportedActivationEnergiesEv].sort());
        expect(rel(Math.log(e.conductivity!), at.lnSigma), `${where}: ln σ`).toBeLessThan(tol.lnSigmaRelative);
        expect(rel(e.log10Conductivity, at.log10Sigma), `${where}: log10 σ`).toBeLessThan(tol.lnSigmaRelative);
        expect(rel(e.activationEnergyEv, want.activationEnergyEv), `${where}: Ea`).toBeLessThan(tol.activationEnergyRelative);
        expect(rel(Math.log(e.prefactor!), want.lnPrefactor), `${where}: ln A`).toBeLessThan(tol.lnSigmaRelative);
        const u = set.status === 'FITTED' ? want.activationEnergyStdErrEv : want.activationEnergyUncertaintyEv;
        if (u == null) expect(e.activationEnergyUncertaintyEv).toBeNull();
        else expect(rel(e.activationEnergyUncertaintyEv, u), `${where}: uncertainty of Ea`).toBeLessThan(tol.stdErrRelative);
        expect([e.minK, e.maxK]).toEqual([Math.min(...ts), Math.max(...ts)]);
        expect(e.prefactorUnit).toBe(form === 'SIGMA' ? 'S/cm' : 'S·K/cm');
        expect(e.unit).toBe('S/cm');
        expect(e.contribution).toBeNull();
        expect(e.contributions.every((c) => c !== 'BULK' && c !== 'GRAIN_BOUNDARY')).toBe(true);
        const restsOn = set.status === 'FITTED' ? e.points.length : e.points.length + e.reportedActivationEnergies.length;
        expect(e.reportCount).toBe(restsOn);
        expect(e.publicationCount).toBeGreaterThanOrEqual(1);
      });
    }
  });

  it('Na3PS4: four points of four variants at 25, 250 and 510 °C; the three reported activation energies beside the fit, not in it', async () => {
    const { e } = await estimates('Na3PS4', { e: 'temperature: 25, temperatureUnit: "°C"' });
    expect(e!.formula).toBe('σ·T = A·exp(−Ea/(k_B·T))');
    expect(e!.points.map((p) => p.temperatureK)).toEqual([298.15, 298.15, 523.15, 783.15]);
    expect(e!.reportedActivationEnergies.map((m) => m.id).sort()).toEqual(['feng2022:P114', 'feng2022:P116', 'feng2022:P119']);
    expect(e!.variants.map((v) => v.id)).toHaveLength(4);
    // the fit's Ea is its own (0.13 eV σ·T form, see the fixture), not the median of the reported ones (0.40 eV)
    expect(Math.abs(e!.activationEnergyEv! - 0.4)).toBeGreaterThan(0.1);
  });
});

describe('what the data do not allow', () => {
  it('LLZO, Li6PS5Cl and LGPS at 25 °C: room-temperature values only and no activation energy: INSUFFICIENT_DATA, with the reason', async () => {
    for (const name of ['LLZO', 'Li6PS5Cl', 'LGPS']) {
      const { e } = await estimates(name, { e: 'temperature: 298.15' });
      expect(e!.status, name).toBe('INSUFFICIENT_DATA');
      expect(e!.reason, name).toBe('one temperature (298.15 K) and no activation energy reported');
      expect(e!.conductivity).toBeNull();
      expect(e!.pointCount).toBeGreaterThanOrEqual(2);
      expect(new Set(e!.points.map((p) => p.temperatureK))).toEqual(new Set([298.15]));
      expect(e!.reportedActivationEnergies).toEqual([]);
      expect([e!.interpolated, e!.extrapolatedByK]).toEqual([true, 0]);
      // review values without a temperature are listed as left out, with why
      expect(e!.excludedReports.some((x) => x.reason === 'no temperature stated'), name).toBe(true);
    }
    const { e } = await estimates('LLZO', { e: 'temperature: 298.15' });
    // LLZO: OBELiX and reviews at room temperature; lewis2019 P1 a range 0.1–1.0 mS/cm, pasta2020 P90 10^-4–10^-3 S/cm
    expect(e!.points.some((p) => p.source.kind === 'DATASET') && e!.points.some((p) => p.source.kind === 'REVIEW')).toBe(true);
    expect(e!.excludedReports.find((x) => x.measurement.id === 'lewis2019:P1')?.reason).toBe("a bound or a range ('0.1–1.0'), not a value");
    expect(e!.excludedReports.find((x) => x.measurement.id === 'pasta2020:P90')?.reason).toMatch(/^a bound or a range/);
    // bulk and grain-boundary values of LLZO are not among the points
    expect(e!.points.map((p) => p.id)).not.toContain('pasta2020:P36');
    expect(e!.excludedReports.map((x) => x.measurement.id)).not.toContain('banerjee2020:P80');
  });

  it('PEO: ranges only (10^-7–10^-8 S/cm at room temperature, 10^-3–10^-4 above 60 °C): nothing to fit, both listed as left out', async () => {
    const res = await server.gql<{ materials: { edges: { node: { conductivityAt: Estimate } }[] } }>(
      `{ materials(where: { name: "PEO" }) { edges { node { conductivityAt(temperature: 60, temperatureUnit: "°C") { ${FIELDS} } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const e = res.data!.materials.edges[0]!.node.conductivityAt;
    expect(e.status).toBe('INSUFFICIENT_DATA');
    expect(e.reason).toBe('no ionic conductivity reported at a stated temperature');
    expect([e.pointCount, e.minK, e.maxK, e.interpolated, e.extrapolatedByK]).toEqual([0, null, null, null, null]);
    expect(e.excludedReports.map((x) => x.measurement.id).sort()).toEqual(['pasta2020:P18', 'pasta2020:P19']);
    expect(e.excludedReports.every((x) => x.reason.startsWith('a bound or a range'))).toBe(true);
  });
});

describe('arguments, contributions, ranges and units', () => {
  it('°C input: 60 °C is 333.15 K, the same estimate', async () => {
    const got = await estimates('Na3PS4', { c: 'temperature: 60, temperatureUnit: "°C"', k: 'temperature: 333.15' });
    expect(got.c!.temperatureK).toBe(333.15);
    expect(got.c!.conductivity).toBe(got.k!.conductivity);
    expect(got.c!.status).toBe('FITTED');
  });

  it('a temperature at or below 0 K, or in another unit, is BAD_USER_INPUT naming the argument', async () => {
    const ask = (args: string) => server.gql(`{ materials(where: { name: "Na3PS4" }) { edges { node { conductivityAt(${args}) { conductivity } } } } }`);
    expectBadUserInput(await ask('temperature: 0'), 'temperature', /at or below absolute zero/);
    expectBadUserInput(await ask('temperature: -20'), 'temperature', /below absolute zero/);
    expectBadUserInput(await ask('temperature: -300, temperatureUnit: "°C"'), 'temperature', /below absolute zero/);
    expectBadUserInput(await ask('temperature: 300, temperatureUnit: "eV"'), 'temperatureUnit', /not a temperature unit/);
  });

  it('bulk apart from total: Na3.4Zr2Si2.4P0.6O12, feng2022 P158 bulk 15 mS/cm at room temperature, P159 total 5 mS/cm at none stated', async () => {
    const res = await server.gql<{ materials: { edges: { node: { total: Estimate; bulk: Estimate; gb: Estimate } }[] } }>(
      `{ materials(where: { formula: "Na3.4Zr2Si2.4P0.6O12" }) { edges { node {
          total: conductivityAt(temperature: 298.15) { ${FIELDS} }
          bulk: conductivityAt(temperature: 298.15, contribution: BULK) { ${FIELDS} }
          gb: conductivityAt(temperature: 298.15, contribution: GRAIN_BOUNDARY) { ${FIELDS} } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const { total, bulk, gb } = res.data!.materials.edges[0]!.node;
    expect(bulk.points.map((p) => p.id)).toEqual(['feng2022:P158']);
    expect(bulk.contribution).toBe('BULK');
    expect(bulk.contributions).toEqual(['BULK']);
    expect(bulk.status).toBe('INSUFFICIENT_DATA');
    expect(bulk.reason).toBe('one temperature (298.15 K) and no activation energy reported');
    expect(total.points).toEqual([]);
    expect(total.reason).toBe('no ionic conductivity reported at a stated temperature');
    expect(total.excludedReports.map((x) => x.measurement.id)).toContain('feng2022:P159');
    expect(total.excludedReports.map((x) => x.measurement.id)).not.toContain('feng2022:P158');
    expect(bulk.excludedReports.map((x) => x.measurement.id)).not.toContain('feng2022:P159');
    expect(gb.pointCount + gb.excludedReports.length).toBe(0);
  });

  it('interpolated inside the points (Na3PS4: 298.15–783.15 K), extrapolated by the distance to the nearer end outside, a difference in °C too', async () => {
    const got = await estimates('Na3PS4', { inside: 'temperature: 400', end: 'temperature: 25, temperatureUnit: "°C"', below: 'temperature: 0, temperatureUnit: "°C"', above: 'temperature: 900' }, 'interpolated extrapolatedByK extrapolatedC: extrapolatedByK(unit: "°C")');
    expect([got.inside!.interpolated, got.inside!.extrapolatedByK]).toEqual([true, 0]);
    expect([got.end!.interpolated, got.end!.extrapolatedByK]).toEqual([true, 0]);
    expect(got.below!.interpolated).toBe(false);
    expect(got.below!.extrapolatedByK).toBeCloseTo(25, 9);
    expect((got.below as unknown as { extrapolatedC: number }).extrapolatedC).toBeCloseTo(25, 9);
    expect(got.above!.interpolated).toBe(false);
    expect(got.above!.extrapolatedByK).toBeCloseTo(116.85, 9);
  });

  it('numbers in other units: conductivity in mS/cm, Ea in meV and kJ/mol, temperatures in °C, the prefactor in its own unit', async () => {
    const res = await server.gql<{ materials: { edges: { node: { conductivityAt: Record<string, number> } }[] } }>(
      `{ materials(where: { name: "Na3PS4" }) { edges { node { conductivityAt(temperature: 333.15) {
          conductivity ms: conductivity(unit: "mS/cm") activationEnergyEv meV: activationEnergyEv(unit: "meV") kj: activationEnergyEv(unit: "kJ/mol")
          temperatureK c: temperatureK(unit: "°C") minC: minK(unit: "°C") prefactor p: prefactor(unit: "mS·K/cm") } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const e = res.data!.materials.edges[0]!.node.conductivityAt;
    expect(e.ms! / e.conductivity!).toBeCloseTo(1000, 6);
    expect(e.meV! / e.activationEnergyEv!).toBeCloseTo(1000, 6);
    expect(e.kj! / e.activationEnergyEv!).toBeCloseTo(96.485332123, 6);
    expect(e.c).toBe(60);
    expect(e.minC).toBe(25);
    expect(e.p! / e.prefactor!).toBeCloseTo(1000, 6);
    const bad = await server.gql(`{ materials(where: { name: "Na3PS4" }) { edges { node { conductivityAt(temperature: 333.15) { conductivity(unit: "eV") } } } } }`);
    expectBadUserInput(bad, 'unit', /ConductivityEstimate.conductivity is in 'S\/cm'/);
  });

  it('one batched query of measurements for every material of a list that asks it', async () => {
    const names = await queriesOf(server, async () => {
      const res = await server.gql<{ materials: { edges: unknown[] } }>(
        `{ materials(first: 30, where: { elementsIncludeAll: ["Li"] }) { edges { node { id conductivityAt(temperature: 298.15) { status pointCount } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.materials.edges.length).toBeGreaterThan(1);
    });
    expect(names.filter((n) => n === 'measurements.byMaterial')).toHaveLength(1);
  });
});

describe('per variant, and one measurement copied by two datasets', () => {
  const K_B = 8.617333262e-5; // eV/K, CODATA 2018
  const Q = `query($name: String!) { materials(where: { name: $name }) { edges { node {
    conductivityAt(temperature: 25, temperatureUnit: "°C") { status pointCount points { id } excludedReports { measurement { id } reason }
      byVariant { variantId status conductivity activationEnergyEv pointCount points { id temperatureK value } reportedActivationEnergies { id value } byVariant { variantId } } } } } } }`;
  interface VariantEstimate {
    variantId: string;
    status: string;
    conductivity: number | null;
    activationEnergyEv: number | null;
    pointCount: number;
    points: { id: string; temperatureK: number; value: number }[];
    reportedActivationEnergies: { id: string; value: number }[];
    byVariant: unknown[];
  }
  type Answer = { materials: { edges: { node: { conductivityAt: { status: string; pointCount: number; points: { id: string }[]; excludedReports: { measurement: { id: string }; reason: string }[]; byVariant: VariantEstimate[] } } }[] } };

  it("Na3PS4: one estimate per variant over that variant's own points and activation energies, recomputed here by hand", async () => {
    const res = await server.gql<Answer>(Q, { name: 'Na3PS4' });
    expect(res.errors).toBeUndefined();
    const all = res.data!.materials.edges[0]!.node.conductivityAt;
    expect(all.byVariant.map((v) => v.variantId)).toEqual([...all.byVariant.map((v) => v.variantId)].sort());
    expect(all.byVariant.flatMap((v) => v.points.map((p) => p.id)).sort()).toEqual(all.points.map((p) => p.id).sort());
    const tetragonal = all.byVariant.find((v) => v.variantId.endsWith('polymorph=tetragonal'))!;
    // feng2022 P113: 0.77 mS/cm at 250 °C; P114: 0.42 eV. σT form: σ(T) = σ0·(T0/T)·exp(−Ea/k_B·(1/T − 1/T0))
    expect(tetragonal.status).toBe('ANCHORED_ON_REPORTED_ACTIVATION_ENERGY');
    expect(tetragonal.points).toEqual([{ id: 'feng2022:P113', temperatureK: 523.15, value: 7.7e-4 }]);
    expect(tetragonal.reportedActivationEnergies).toEqual([{ id: 'feng2022:P114', value: 0.42 }]);
    const expected = 7.7e-4 * (523.15 / 298.15) * Math.exp((-0.42 / K_B) * (1 / 298.15 - 1 / 523.15));
    expect(Math.abs(tetragonal.conductivity! - expected) / expected).toBeLessThan(1e-9);
    for (const v of all.byVariant) expect(v.byVariant).toEqual([]);
  });

  describe('a second dataset repeating an OBELiX record', () => {
    // made up for this test (DOIs under the unassigned prefix 10.99999), but for one row repeating OBELiX's
    // record 2mn (Li7La3Zr2O12, 5.11E-4 S/cm, doi:10.1002/anie.200701144) at 24.85 °C, as the Liverpool table does
    const rows = [
      ['1', 'Li7La3Zr2O12', '10.1002/anie.200701144', '24.85', '5.11E-04', '-3.291579', 'Garnet', 'Oxides'],
      ['2', 'Li7La3Zr2O12', '10.99999/interphase-test.llzo', '60', '1.50E-03', '-2.823909', 'Garnet', 'Oxides'],
      ['3', 'Li7La3Zr2O12', '10.99999/interphase-test.llzo', '100', '4.00E-03', '-2.397940', 'Garnet', 'Oxides'],
    ];
    let dir: string;
    let remove: () => Promise<void>;
    beforeAll(async () => {
      const { mkdtemp, writeFile } = await import('node:fs/promises');
      const os = await import('node:os');
      const path = await import('node:path');
      const { DatasetImportStore } = await import('../../src/graph/datasetImport.store.js');
      const { LiverpoolImportService } = await import('../../src/services/liverpool/liverpool.import.js');
      const { connectTestDatabase } = await import('../support/neo4j.js');
      dir = await mkdtemp(path.join(os.tmpdir(), 'interphase-conductivity-'));
      const file = path.join(dir, 'LiIonDatabase.csv');
      await writeFile(file, ['ID,composition,source,temperature,target,log_target,family,ChemicalFamily', ...rows.map((r) => r.join(','))].join('\n') + '\n');
      const db = connectTestDatabase();
      const importer = new LiverpoolImportService(new DatasetImportStore(db));
      await importer.importFile(file);
      remove = async () => {
        await importer.remove();
        await db.close();
      };
    });
    afterAll(async () => {
      await remove?.();
      const { rm } = await import('node:fs/promises');
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('is counted once (listed as repeating), and the new temperatures make LLZO fittable', async () => {
      const res = await server.gql<Answer>(Q, { name: 'LLZO' });
      expect(res.errors).toBeUndefined();
      const est = res.data!.materials.edges[0]!.node.conductivityAt;
      const ids = est.points.map((p) => p.id);
      expect(ids.filter((id) => id === 'obelix:2mn' || id === 'liverpool:1')).toHaveLength(1);
      const repeat = est.excludedReports.find((e) => e.reason.startsWith('repeats'));
      expect(repeat?.reason).toMatch(/^repeats (obelix:2mn|liverpool:1) \(the same value from the same publication within 1 K\): counted once$/);
      expect(ids).toEqual(expect.arrayContaining(['liverpool:2', 'liverpool:3']));
      expect(est.status).toBe('FITTED');
    });
  });
});
