/**
 * Values in any unit on output (issue 10, units): every number with a unit takes `unit`. Checked against the
 * reviews' text (a value printed in mS/cm, given back in mS/cm, is the printed number), against constants
 * (CODATA 2018: 1 eV per particle = 96.485332123 kJ/mol; 0 °C = 273.15 K) and against the stored number.
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

interface Row {
  id: string;
  unit: string;
  printedValue: string;
  printedUnit: string | null;
  value: number | null;
  inMs: number | null;
  inSm: number | null;
  min: number | null;
  minMs: number | null;
  max: number | null;
  maxMs: number | null;
  temperatureK: number | null;
  inC: number | null;
}
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

describe('Measurement values in the unit asked for (a compiled list)', () => {
  let rows: Row[];
  beforeAll(async () => {
    const res = await server.gql<{ measurements: { edges: { node: Row }[] } }>(
      `{ measurements(where: { property: IONIC_CONDUCTIVITY, source: REVIEW }, first: 1000) { edges { node {
          id unit printedValue printedUnit value inMs: value(unit: "mS/cm") inSm: value(unit: "S/m")
          min minMs: min(unit: "mS/cm") max maxMs: max(unit: "mS/cm") temperatureK inC: temperatureK(unit: "°C") } } } }`,
    );
    expect(res.errors).toBeUndefined();
    rows = res.data!.measurements.edges.map((e) => e.node);
  });

  it('every conductivity in mS/cm and S/m is the stored S/cm value × 1000 and × 100; bounds too; temperatures in °C are K − 273.15', () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(r.unit).toBe('S/cm');
      for (const [stored, given, factor] of [
        [r.value, r.inMs, 1000],
        [r.value, r.inSm, 100],
        [r.min, r.minMs, 1000],
        [r.max, r.maxMs, 1000],
      ] as const) {
        if (stored === null) expect(given).toBeNull();
        else expect(close(given!, stored * factor), `${r.id}: ${given} vs ${stored} × ${factor}`).toBe(true);
      }
      if (r.temperatureK === null) expect(r.inC).toBeNull();
      else expect(Math.abs(r.inC! - (r.temperatureK - 273.15))).toBeLessThan(1e-9);
    }
  });

  it('a value printed as a plain number in mS/cm comes back in mS/cm as the printed number (the review text)', () => {
    const printedInMs = rows.filter((r) => /^mS\s*(\/\s*cm|cm[-−⁻]1|cm⁻¹|cm\^-1)$/.test(r.printedUnit ?? '') && /^\d+(\.\d+)?$/.test(r.printedValue));
    expect(printedInMs.length).toBeGreaterThan(5);
    for (const r of printedInMs) expect(r.inMs, r.id).toBe(Number(r.printedValue));
  });
});

describe('numbers under other nodes, their unit not selected', () => {
  it("a material's measurements in mS/cm (nested in a compiled list) and a coating's thickness in µm (a Quantity)", async () => {
    const res = await server.gql<{
      materials: { edges: { node: { measurements: { value: number | null; unit: string; ms: number | null }[]; m2: { ms: number | null }[] } }[] };
      coatingApplications: { edges: { node: { thickness: { unit: string; value: number | null; um: number | null; min: number | null; minUm: number | null } | null } }[] };
    }>(
      `{ materials(where: { name: "LLZO" }) { edges { node {
          measurements(property: IONIC_CONDUCTIVITY) { value unit ms: value(unit: "mS/cm") }
          m2: measurements(property: IONIC_CONDUCTIVITY) { ms: value(unit: "mS/cm") } } } }
        coatingApplications(first: 200) { edges { node { thickness { unit value um: value(unit: "µm") min minUm: min(unit: "µm") } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const llzo = res.data!.materials.edges[0]!.node;
    expect(llzo.measurements.length).toBeGreaterThan(1);
    llzo.measurements.forEach((m, i) => {
      expect(m.unit).toBe('S/cm');
      expect(m.ms === null ? null : close(m.ms, m.value! * 1000)).toBe(m.value === null ? null : true);
      expect(llzo.m2[i]!.ms).toBe(m.ms); // the same without `unit` selected
    });
    const thick = res.data!.coatingApplications.edges.map((e) => e.node.thickness).filter((t) => t !== null && (t.value ?? t.min) !== null);
    expect(thick.length).toBeGreaterThan(5);
    for (const t of thick) {
      expect(t!.unit).toBe('nm');
      if (t!.value !== null) expect(close(t!.um!, t!.value / 1000)).toBe(true);
      if (t!.min !== null) expect(close(t!.minUm!, t!.min / 1000)).toBe(true);
    }
  });
});

describe('search hits, cell results and aliases', () => {
  it("a measurement among search hits (a union member) in mS/cm; an alias 'unit' on another field does not hide the row's unit", async () => {
    const res = await server.gql<{ search: { edges: { node: { node: { id: string; unit: string; v: number | null; ms: number | null; property: string } } }[] } }>(
      `{ search(text: "LGPS", kinds: [MEASUREMENT], first: 50) { edges { node { node { ... on Measurement { id property unit: printedValue v: value ms: value(unit: "mS/cm") } } } } } }`,
    );
    const hits = res.data!.search.edges.map((e) => e.node.node);
    const conductivities = hits.filter((n) => /CONDUCTIVITY$/.test(n.property) && n.v !== null);
    expect(conductivities.length).toBeGreaterThan(0);
    for (const n of conductivities) expect(close(n.ms!, n.v! * 1000), n.id).toBe(true);
    // the hits of other properties: a BAD_USER_INPUT each, naming their own unit
    const others = hits.filter((n) => !/CONDUCTIVITY$/.test(n.property) && n.v !== null);
    expect(res.errors ?? []).toHaveLength(others.length);
    for (const e of res.errors ?? []) expect(e.message).toMatch(/^unit: Measurement\.value is in '(?!S\/cm')[^']+' and cannot be given in 'mS\/cm'/);
  });

  it("a cell's durations in minutes (CellResult, stored in h); the results in other units get a BAD_USER_INPUT each, the rest of the answer stands", async () => {
    const res = await server.gql<{ cells: { edges: { node: { results: { property: string; unit: string; value: number | null; minutes: number | null }[] } }[] } }>(
      `{ cells(first: 400) { edges { node { results { property unit value minutes: value(unit: "min") } } } } }`,
    );
    const results = res.data!.cells.edges.flatMap((e) => e.node.results);
    const durations = results.filter((r) => r.unit === 'h' && r.value !== null);
    expect(durations.length).toBeGreaterThan(3);
    for (const r of durations) expect(close(r.minutes!, r.value! * 60)).toBe(true);
    const others = results.filter((r) => r.unit !== 'h' && r.value !== null);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r.minutes).toBeNull();
    expect(res.errors).toHaveLength(others.length);
    for (const e of res.errors!) {
      expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'unit' });
      expect(e.message).toMatch(/^unit: CellResult\.value is in '(?!h')[^']*' and cannot be given in 'min'/);
    }
  });
});

describe('energies, temperatures and potentials in other units', () => {
  it('activation energies in meV and kJ/mol (1 eV = 96.485332123 kJ/mol, CODATA 2018)', async () => {
    const res = await server.gql<{ measurements: { edges: { node: { value: number | null; meV: number | null; kJ: number | null; unit: string } }[] } }>(
      `{ measurements(where: { property: ACTIVATION_ENERGY }, first: 100) { edges { node { unit value meV: value(unit: "meV") kJ: value(unit: "kJ/mol") } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const withValue = res.data!.measurements.edges.map((e) => e.node).filter((n) => n.value !== null);
    expect(withValue.length).toBeGreaterThan(5);
    for (const n of withValue) {
      expect(n.unit).toBe('eV');
      expect(close(n.meV!, n.value! * 1000)).toBe(true);
      expect(close(n.kJ!, n.value! * 96.485332123)).toBe(true);
    }
  });

  it("feng2022 P1 'Li7PS6 210 °C' (Table 1, line 106), stored as 483.15 K, is 210 in °C", async () => {
    const res = await server.gql<{ measurements: { edges: { node: { value: number; celsius: number; unit: string } }[] } }>(
      `{ measurements(where: { material: "Li7PS6", property: TRANSITION_TEMPERATURE, review: "feng2022" }) { edges { node { unit value celsius: value(unit: "°C") } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const hit = res.data!.measurements.edges.map((e) => e.node).find((n) => n.celsius === 210);
    expect(hit).toEqual({ unit: 'K', value: 483.15, celsius: 210 });
  });

  it('a stability window in mV and an energy above hull in meV/atom (stabilityWindow, computed)', async () => {
    const res = await server.gql<{ w: Record<string, number | null> }>(
      `{ w: stabilityWindow(formula: "Li3PS4") { reductionLimitV red: reductionLimitV(unit: "mV") oxidationLimitV ox: oxidationLimitV(unit: "mV")
          energyAboveHullEvPerAtom eh: energyAboveHullEvPerAtom(unit: "meV/atom") } }`,
    );
    expect(res.errors).toBeUndefined();
    const w = res.data!.w;
    expect(close(w['red']!, w['reductionLimitV']! * 1000)).toBe(true);
    expect(close(w['ox']!, w['oxidationLimitV']! * 1000)).toBe(true);
    if (w['energyAboveHullEvPerAtom'] === null) expect(w['eh']).toBeNull();
    else expect(Math.abs(w['eh']! - w['energyAboveHullEvPerAtom']! * 1000)).toBeLessThan(1e-9);
  });
});

describe("the README's example", () => {
  it('Li7PS6 210 °C and the conductivities reported for LLZO in mS/cm (those printed in mS/cm come back as printed: feng2022 P88, P91)', async () => {
    const res = await server.gql<{
      measurements: { edges: { node: { value: number; unit: string; celsius: number } }[] };
      materials: { edges: { node: { measurements: { printedValue: string; printedUnit: string | null; value: number | null }[] } }[] };
    }>(
      `{
        measurements(where: { material: "Li7PS6", property: TRANSITION_TEMPERATURE }) { edges { node { value unit celsius: value(unit: "°C") } } }
        materials(where: { name: "LLZO" }) { edges { node { measurements(property: IONIC_CONDUCTIVITY) { printedValue printedUnit value(unit: "mS/cm") } } } }
      }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.measurements.edges.map((e) => e.node.celsius)).toContain(210);
    const ms = res.data!.materials.edges[0]!.node.measurements.filter((m) => /^mS/.test(m.printedUnit ?? '') && /^~?\d+(\.\d+)?$/.test(m.printedValue));
    expect(ms.length).toBeGreaterThan(0); // feng2022 P88, P91 '~1' mS/cm
    for (const m of ms) expect(m.value).toBe(Number(m.printedValue.replace('~', '')));
  });
});

describe('units that do not fit', () => {
  it('an energy per atom is not given per formula unit, nor the reverse', async () => {
    const res = await server.gql(`{ stabilityWindow(formula: "Li3PS4") { energyAboveHullEvPerAtom(unit: "eV") } }`);
    expectBadUserInput(res, 'unit', /StabilityWindow\.energyAboveHullEvPerAtom is in 'eV\/atom' and cannot be given in 'eV' \(.*differ in basis/);
  });

  it('an unreadable unit is BAD_USER_INPUT naming `unit`, the field and the units accepted', async () => {
    const res = await server.gql(`{ measurements(where: { property: IONIC_CONDUCTIVITY }, first: 1) { edges { node { value(unit: "furlong") } } } }`);
    expectBadUserInput(res, 'unit', /Measurement\.value is in 'S\/cm' and cannot be given in 'furlong' \(unknown unit 'furlong'\); accepted: 'S\/cm', 'mS\/cm'/);
  });

  it('a unit of another dimension is BAD_USER_INPUT; the rest of the answer stands and the server goes on', async () => {
    const res = await server.gql<{ measurements: { edges: { node: { id: string; value: number | null } }[] } }>(
      `{ measurements(where: { property: ACTIVATION_ENERGY }, first: 1) { edges { node { id value(unit: "mS/cm") } } } }`,
    );
    expectBadUserInput(res, 'unit', /Measurement\.value is in 'eV' and cannot be given in 'mS\/cm' \(.*different dimensions\); accepted: 'eV', 'meV'.*'kJ\/mol'/);
    expect(res.data!.measurements.edges[0]!.node.id).toBeTruthy();
    const again = await server.gql<{ measurements: { totalCount: number } }>(`{ measurements(where: { property: ACTIVATION_ENERGY }) { totalCount } }`);
    expect(again.errors).toBeUndefined();
    expect(again.data!.measurements.totalCount).toBeGreaterThan(0);
  });

  it('a potential is given in a unit of potential only', async () => {
    const res = await server.gql(`{ stabilityWindow(formula: "Li3PS4") { reductionLimitV(unit: "S/cm") } }`);
    expectBadUserInput(res, 'unit', /StabilityWindow\.reductionLimitV is in 'V' and cannot be given in 'S\/cm'.*accepted: 'V', 'mV'/);
  });
});
