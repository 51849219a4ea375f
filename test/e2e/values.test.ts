/**
 * Values as the API gives them (issue 9, values): a reported maximum ranks with its number, the same statement
 * printed twice is one fact with its places, a cell's times say what they are, and computed numbers carry no
 * float noise. Each expectation names the review line it reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

interface Page<T> {
  totalCount: number;
  edges: { node: T }[];
}

describe("'up to' values rank with their number", () => {
  it("feng L294 'ultra-high ionic conductivity up to 24 mS/cm': Li6.6Si0.6Sb0.4S5I ranks first by MAX conductivity among feng's Li–S–I conductors", async () => {
    const res = await server.gql<{ materials: Page<{ id: string; best: { value: number; qualifier: string; printedValue: string }[] }> }>(
      `{ materials(where: { elementsIncludeAll: ["Li", "S", "I"], hasMeasurement: { property: IONIC_CONDUCTIVITY, review: "feng2022" } },
          orderBy: { field: PROPERTY_VALUE, property: IONIC_CONDUCTIVITY, statistic: MAX, direction: DESC }, first: 1) {
          totalCount edges { node { id best: measurements(property: IONIC_CONDUCTIVITY, orderBy: { field: VALUE, direction: DESC }, first: 1) { value qualifier printedValue } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const top = res.data!.materials.edges[0]!.node;
    expect(top.id).toBe(parseFormula('Li6.6Si0.6Sb0.4S5I').key);
    expect(top.best[0]).toEqual({ value: 0.024, qualifier: 'REPORTED_MAXIMUM', printedValue: 'up to 24' });
  });

  it("the README's argyrodites by median conductivity: 48 materials, Li6.6Si0.6Sb0.4S5I first (up to 24 mS/cm), then Li6.7Ge0.7P0.3S5I, Li6.6Ge0.6P0.4S5I", async () => {
    const res = await server.gql<{ materials: Page<{ id: string }> }>(
      `{ materials(where: { family: ARGYRODITE, hasMeasurement: { property: IONIC_CONDUCTIVITY } },
          orderBy: { field: PROPERTY_VALUE, property: IONIC_CONDUCTIVITY, statistic: MEDIAN, direction: DESC }, first: 3) { totalCount edges { node { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.materials.totalCount).toBe(48);
    // feng2022 P103 'up to 24' mS/cm (a reported maximum, L294), an argyrodite by its section (L274, seed/materials/classification.yaml)
    expect(res.data!.materials.edges.map((e) => e.node.id)).toEqual(['Li6.6Si0.6Sb0.4S5I', 'Li6.7Ge0.7P0.3S5I', 'Li6.6Ge0.6P0.4S5I'].map((f) => parseFormula(f).key));
  });

  it('a filter value ≥ 20 mS/cm finds it', async () => {
    const res = await server.gql<{ measurements: Page<{ id: string }> }>(
      `{ measurements(where: { property: IONIC_CONDUCTIVITY, review: "feng2022", value: { min: 20, unit: "mS/cm" } }, first: 50) { totalCount edges { node { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.measurements.edges.map((e) => e.node.id)).toContain('feng2022:P103');
  });
});

describe('one fact per statement, every place', () => {
  it("pasta L531 and L579 ('LLZO, ≈ 60 GPa', Table 1 and Table 2) are one measurement with two places", async () => {
    const res = await server.gql<{ measurements: Page<{ id: string; source: { lines: number[]; places: { line: number; quote: string }[] } }> }>(
      `{ measurements(where: { property: SHEAR_MODULUS, review: "pasta2020" }, first: 10) { totalCount edges { node { id source { lines places { line quote } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const llzo = res.data!.measurements.edges.map((e) => e.node).filter((m) => m.source.places.some((p) => p.quote.startsWith('LLZO')));
    expect(llzo).toHaveLength(1);
    expect(llzo[0]!.source.places).toEqual([
      { line: 531, quote: 'LLZO, ≈ 60 GPa' },
      { line: 579, quote: 'LLZO, ≈ 60 GPa' },
    ]);
  });

  it("feng L230: LLCZN's CCD 0.4 mA/cm², printed with ref 166 and again without, is one fact crediting its publication", async () => {
    type M = { id: string; value: number; publications: { key: string }[]; source: { referenceNumbers: number[]; places: { line: number }[] } };
    const res = await server.gql<{ measurements: Page<M> }>(
      `{ measurements(where: { review: "feng2022", property: CRITICAL_CURRENT_DENSITY, material: "LLCZN" }, first: 20) {
          edges { node { id value publications { key } source { referenceNumbers places { line } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const at04 = res.data!.measurements.edges.map((e) => e.node).filter((m) => Math.abs(m.value - 0.4) < 1e-12);
    expect(at04.map((m) => m.id)).toEqual(['feng2022:P80']);
    expect(at04[0]!.source.referenceNumbers).toEqual([166]);
    expect(at04[0]!.source.places).toEqual([{ line: 230 }, { line: 230 }]);
    expect(at04[0]!.publications).toHaveLength(1);
  });
});

describe('reaction energies in one convention', () => {
  it("LLZO | Li: banerjee L140 '-0.02 eV per atom' and famprikis L174 '(20 meV per atom)' are both −0.02 eV/atom", async () => {
    const res = await server.gql<{ measurements: Page<{ id: string; value: number; printedValue: string }> }>(
      `{ measurements(where: { property: REACTION_ENERGY, material: "LLZO" }, first: 20) { edges { node { id value printedValue } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const byId = Object.fromEntries(res.data!.measurements.edges.map((e) => [e.node.id, e.node]));
    expect(byId['banerjee2020:P9']).toEqual({ id: 'banerjee2020:P9', value: -0.02, printedValue: '-0.02' });
    expect(byId['famprikis2019:P6']).toEqual({ id: 'famprikis2019:P6', value: -0.02, printedValue: '20' });
    expect(Object.values(byId).every((m) => m.value <= 0)).toBe(true);
  });
});

describe('no float noise', () => {
  it('histogram edges by width are decimal: min −5, width 0.1 gives 0.3 (not 0.3000000000000007)', async () => {
    const res = await server.gql<{ measurementStatistics: { groups: { histogram: { edges: number[] } }[] } }>(
      `{ measurementStatistics(where: { property: IONIC_CONDUCTIVITY }, histogram: { field: LOG10_VALUE, min: -5, max: 1, width: 0.1 }) {
          groups { histogram { edges } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const edges = res.data!.measurementStatistics.groups[0]!.histogram.edges;
    expect(edges[53]).toBe(0.3);
    expect(edges.every((e, i) => e === Number((-5 + i / 10).toFixed(1)))).toBe(true);
  });

  it('statistics have at most 12 significant digits', async () => {
    const res = await server.gql<{ measurementStatistics: { groups: { value: Record<string, number | null>; log10Value: Record<string, number | null> }[] } }>(
      `{ measurementStatistics(where: { property: IONIC_CONDUCTIVITY }, groupBy: [MAIN_FAMILY]) {
          groups { value { min max mean standardDeviation q1 median q3 } log10Value { mean standardDeviation q1 median q3 } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const numbers = res.data!.measurementStatistics.groups
      .flatMap((g) => [...Object.values(g.value), ...Object.values(g.log10Value)])
      .filter((x): x is number => typeof x === 'number');
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.filter((x) => x !== 0 && Number(x.toPrecision(12)) !== x)).toEqual([]);
  });
});
