/**
 * Consensus per material and property (issue 10): for five materials the numbers are recomputed here by hand
 * from the reports the API lists (the material's measurements with their contribution, temperature, source
 * and publications), with an own implementation of the order statistics (numpy.percentile's linear method),
 * and compared with `Material.consensus` (tolerance 1e-9 relative).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBadUserInput, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

interface Report {
  id: string;
  value: number | null;
  contribution: string | null;
  temperatureK: number | null;
  source: { kind: string };
  publications: { key: string }[];
}
interface Consensus {
  unit: string;
  nonPositive: number;
  temperatureMinK: number | null;
  temperatureMaxK: number | null;
  reports: number;
  publications: number;
  boundsAndRanges: number;
  temperatureNotStated: number;
  median: number | null;
  min: number | null;
  max: number | null;
  q1: number | null;
  q3: number | null;
  spreadDecades: number | null;
  bySource: { source: string; reports: number; median: number | null }[];
  outliers: { measurement: { id: string }; side: string; deviationFromMedian: number }[];
  measurements: { id: string }[];
  medianMs: number | null;
}

/** numpy.percentile(xs, 100·q) with the default linear method, written out. */
function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = q * (s.length - 1);
  const below = Math.floor(pos);
  const frac = pos - below;
  return frac === 0 ? s[below]! : s[below]! * (1 - frac) + s[below + 1]! * frac;
}
const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300));

const MATERIALS = ['LLZO', 'LGPS', 'Li6PS5Cl', 'Li3PS4', 'Na3PS4'];

describe('Material.consensus of ionic conductivity at 20–30 °C, recomputed by hand from the listed reports', () => {
  it.each(MATERIALS)('%s', async (name) => {
    const res = await server.gql<{ materials: { edges: { node: { measurements: Report[]; consensus: Consensus } }[] } }>(
      `{ materials(where: { name: "${name}" }) { edges { node {
          measurements(property: IONIC_CONDUCTIVITY) { id value contribution temperatureK source { kind } publications { key } }
          consensus(property: IONIC_CONDUCTIVITY) { unit nonPositive temperatureMinK temperatureMaxK reports publications boundsAndRanges temperatureNotStated
            median min max q1 q3 spreadDecades bySource { source reports median } outliers { measurement { id } side deviationFromMedian }
            measurements { id } medianMs: median(unit: "mS/cm") } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.materials.edges).toHaveLength(1);
    const { measurements, consensus: c } = res.data!.materials.edges[0]!.node;
    // the reports that count: whole-sample (not bulk, not grain-boundary) values at 20–30 °C or at no stated temperature
    const inBand = measurements.filter(
      (m) => m.contribution !== 'BULK' && m.contribution !== 'GRAIN_BOUNDARY' && (m.temperatureK === null || (m.temperatureK >= 293.15 && m.temperatureK <= 303.15)),
    );
    const points = inBand.filter((m) => m.value !== null && m.value > 0);
    expect(points.length, `${name}: reports to agree on`).toBeGreaterThanOrEqual(2);
    const logs = points.map((m) => Math.log10(m.value!));
    expect(c.unit).toBe('S/cm');
    expect([c.temperatureMinK, c.temperatureMaxK]).toEqual([293.15, 303.15]);
    expect(c.reports).toBe(points.length);
    expect(c.boundsAndRanges).toBe(inBand.filter((m) => m.value === null).length);
    expect(c.temperatureNotStated).toBe(points.filter((m) => m.temperatureK === null).length);
    expect(c.publications).toBe(new Set(points.flatMap((m) => m.publications.map((p) => p.key))).size);
    expect(c.min).toBe(Math.min(...points.map((m) => m.value!)));
    expect(c.max).toBe(Math.max(...points.map((m) => m.value!)));
    expect(near(c.median, 10 ** percentile(logs, 0.5))).toBe(true);
    expect(near(c.q1, 10 ** percentile(logs, 0.25))).toBe(true);
    expect(near(c.q3, 10 ** percentile(logs, 0.75))).toBe(true);
    expect(near(c.medianMs, c.median! * 1000)).toBe(true);
    expect(near(c.spreadDecades, Math.log10(c.max! / c.min!))).toBe(true);
    expect(c.measurements.map((m) => m.id).sort()).toEqual(points.map((m) => m.id).sort());
    for (const kind of ['DATASET', 'REVIEW']) {
      const mine = points.filter((m) => m.source.kind === kind).map((m) => Math.log10(m.value!));
      const group = c.bySource.find((g) => g.source === kind);
      if (mine.length === 0) expect(group).toBeUndefined();
      else expect(group!.reports === mine.length && near(group!.median, 10 ** percentile(mine, 0.5))).toBe(true);
    }
    expect(c.nonPositive).toBe(inBand.filter((m) => m.value !== null && m.value <= 0).length);
    // Tukey's fences on log10 σ, from 4 reports on, with the quartiles apart
    const [q1, q3] = [percentile(logs, 0.25), percentile(logs, 0.75)];
    const beyond = points.length < 4 || q3 === q1 ? [] : points.filter((m) => Math.log10(m.value!) < q1 - 1.5 * (q3 - q1) || Math.log10(m.value!) > q3 + 1.5 * (q3 - q1));
    expect(c.outliers.map((o) => o.measurement.id).sort()).toEqual(beyond.map((m) => m.id).sort());
    for (const o of c.outliers) {
      const v = points.find((m) => m.id === o.measurement.id)!.value!;
      expect(near(o.deviationFromMedian, Math.log10(v) - percentile(logs, 0.5))).toBe(true);
      expect(o.side).toBe(o.deviationFromMedian < 0 ? 'BELOW' : 'ABOVE');
    }
  });

  it('names outliers somewhere among the five (a rule that never fires could not fail)', async () => {
    let named = 0;
    for (const name of MATERIALS) {
      const res = await server.gql<{ materials: { edges: { node: { consensus: { outliers: unknown[] } } }[] } }>(
        `{ materials(where: { name: "${name}" }) { edges { node { consensus(property: IONIC_CONDUCTIVITY) { outliers { side } } } } } }`,
      );
      named += res.data!.materials.edges[0]!.node.consensus.outliers.length;
    }
    expect(named).toBeGreaterThan(0);
  });
});

describe('bands, contributions and errors', () => {
  it('a band in °C, and no band for a property that does not depend on temperature (Na3PS4)', async () => {
    const res = await server.gql<{ materials: { edges: { node: { hot: Consensus; ea: { temperatureMinK: number | null; reports: number } } }[] } }>(
      `{ materials(where: { name: "Na3PS4" }) { edges { node {
          hot: consensus(property: IONIC_CONDUCTIVITY, temperature: { min: 200, unit: "°C" }, includeTemperatureNotStated: false) { temperatureMinK temperatureMaxK reports measurements { id } }
          ea: consensus(property: ACTIVATION_ENERGY) { temperatureMinK reports } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const n = res.data!.materials.edges[0]!.node;
    // feng2022 P113 0.77 mS/cm at 250 °C and P117 40 mS/cm at 510 °C
    expect(n.hot.temperatureMinK).toBe(473.15);
    expect(n.hot.temperatureMaxK).toBeNull();
    expect(n.hot.measurements.map((m) => m.id).sort()).toEqual(['feng2022:P113', 'feng2022:P117']);
    expect(n.ea.temperatureMinK).toBeNull();
    expect(n.ea.reports).toBeGreaterThanOrEqual(3); // feng2022 P114, P116, P119
  });

  it('bulk conductivity apart from total: Na3.4Zr2Si2.4P0.6O12, feng2022 P158 bulk 15 mS/cm and P159 total 5 mS/cm (line 444)', async () => {
    const res = await server.gql<{ materials: { edges: { node: { total: { measurements: { id: string }[]; contributions: string[] }; bulk: { measurements: { id: string }[]; contributions: string[]; median: number } } }[] } }>(
      `{ materials(where: { formula: "Na3.4Zr2Si2.4P0.6O12" }) { edges { node {
          total: consensus(property: IONIC_CONDUCTIVITY) { contributions measurements { id } }
          bulk: consensus(property: IONIC_CONDUCTIVITY, contribution: BULK) { contributions median(unit: "mS/cm") measurements { id } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const n = res.data!.materials.edges[0]!.node;
    expect(n.bulk.measurements.map((m) => m.id)).toContain('feng2022:P158');
    expect(n.bulk.contributions).toEqual(['BULK']);
    expect(n.total.measurements.map((m) => m.id)).toContain('feng2022:P159');
    expect(n.total.measurements.map((m) => m.id)).not.toContain('feng2022:P158');
    expect(n.total.contributions).not.toContain('BULK');
  });

  it('a temperature unit other than K or °C is BAD_USER_INPUT naming `temperature`', async () => {
    const res = await server.gql(`{ materials(where: { name: "LLZO" }) { edges { node { consensus(property: IONIC_CONDUCTIVITY, temperature: { min: 20, unit: "eV" }) { reports } } } } }`);
    expectBadUserInput(res, 'temperature', /not a temperature unit/);
  });
});
