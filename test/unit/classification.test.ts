/**
 * The committed seed's classification: every material has a chemical class (but the named placeholders
 * for "not specified"), every solid electrolyte a structural family, each family agrees with the
 * material's elements and with OBELiX's family column (or the disagreement is documented here), and
 * each OBELiX row cited as a family's evidence says that family.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/domain/chemistry/formula.js';
import { chemicalClass } from '../../src/domain/chemicalClass.js';
import { familyFromLabel, type StructuralFamily } from '../../src/domain/families.js';
import type { SeedBundle } from '../../src/graph/seed.records.js';
import { loadConfig } from '../../src/server/config.js';
import { readSeed } from '../../src/services/seed/seed.read.js';
import { obelixRows, type ObelixRow } from '../support/obelixCsv.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Named materials that stand for "not specified": no class can be given to them. */
const UNCLASSIFIED_PLACEHOLDERS = ['named:SE-unspecified', 'named:SLEI', 'named:cathode-unspecified', 'named:glassy-electrolyte', 'named:inorganic-binder'];

/** Electrolytes without a structural family, and why. */
const ELECTROLYTES_WITHOUT_FAMILY: Record<string, string> = {
  'named:SE-unspecified': 'placeholder: the review names no solid electrolyte',
  'named:glassy-electrolyte': 'composition not stated (glassy thin films of the 1970s–1980s)',
  'named:liquid-electrolyte': 'a liquid, not a solid-electrolyte structure (class ORGANIC)',
};

/**
 * Seed compositions whose family differs from the family OBELiX's rows of the same composition print,
 * and why the seed's stands (the text wins).
 */
const OBELIX_DISAGREEMENTS: Record<string, { seed: StructuralFamily; obelix: StructuralFamily; why: string }> = {
  Li3P1S4: { seed: 'SULFIDE', obelix: 'THIO_LISICON', why: 'the reviews treat Li3PS4 as the thiophosphate (LPS) itself; OBELiX files β-Li3PS4 under thio-LISICON' },
  Li3P1: { seed: 'PHOSPHIDE', obelix: 'PHOSPHATE', why: 'OBELiX 11b prints "phosphates" for Li3P, a phosphide (banerjee2020 line 535)' },
};

const USED_AS_ELECTROLYTE = /^(ELECTROLYTE|CATHOLYTE|ANOLYTE)$/;

let seed: SeedBundle;
let rows: ObelixRow[];
beforeAll(async () => {
  seed = await readSeed({ seedDir: loadConfig().seedDir, textsDir: loadConfig().seedTextsDir });
  rows = obelixRows();
});

function obelixFamiliesByKey(): Map<string, Set<StructuralFamily>> {
  const out = new Map<string, Set<StructuralFamily>>();
  for (const r of rows) {
    const family = familyFromLabel(r.Family);
    if (!family || family === 'OTHER') continue;
    let key: string;
    try {
      key = parseFormula(r['Reduced Composition']!).key;
    } catch {
      continue;
    }
    out.set(key, (out.get(key) ?? new Set()).add(family));
  }
  return out;
}

describe('classification of the committed seed', () => {
  it('gives every composition a chemical class, and every named material but the placeholders', () => {
    const compositionsWithout = seed.materials.filter((m) => m.kind === 'COMPOSITION' && m.chemicalClass === null).map((m) => m.id);
    expect(compositionsWithout).toEqual([]);
    const namedWithout = seed.materials.filter((m) => m.kind === 'NAMED' && m.chemicalClass === null).map((m) => m.id);
    expect(namedWithout.sort()).toEqual([...UNCLASSIFIED_PLACEHOLDERS].sort());
  });

  it('gives a structural family to every material used as an electrolyte or measured for its ionic conductivity', () => {
    const electrolytes = new Set<string>();
    for (const m of seed.measurements) if (m.materialId && m.props.property === 'IONIC_CONDUCTIVITY') electrolytes.add(m.materialId);
    // interfaces where an interphase was observed (SrTiO3, the model oxide of a claim's interface, is no electrolyte)
    const observed = new Set(seed.interphases.map((o) => o.interfaceId));
    for (const i of seed.interfaces) if (i.electrolyteId && observed.has(i.id)) electrolytes.add(i.electrolyteId);
    for (const c of seed.coatings) if (c.electrolyteId) electrolytes.add(c.electrolyteId);
    for (const c of seed.cells) for (const k of c.components) if (USED_AS_ELECTROLYTE.test(k.role)) electrolytes.add(k.materialId);
    const withoutFamily = seed.materials.filter((m) => electrolytes.has(m.id) && m.family === null).map((m) => m.id);
    expect(withoutFamily.sort()).toEqual(Object.keys(ELECTROLYTES_WITHOUT_FAMILY).sort());
  });

  it("gives no family that the material's elements contradict", () => {
    for (const m of seed.materials) {
      if (!m.family || m.elements.length === 0) continue;
      const byFamily = chemicalClass([], m.family);
      const composition = m.kind === 'COMPOSITION' ? parseFormula(m.formula!) : m.elements;
      const cls = chemicalClass(composition, m.family);
      // a sulfide family with some O is an oxysulfide: the family still holds
      expect(cls === byFamily || (byFamily === 'SULFIDE' && cls === 'OXYSULFIDE'), `${m.id} ${m.family} → ${cls}`).toBe(true);
    }
  });

  it("agrees with OBELiX's family column, except for the documented disagreements", () => {
    const obelix = obelixFamiliesByKey();
    const disagreeing: Record<string, { seed: StructuralFamily; obelix: StructuralFamily[] }> = {};
    let compared = 0;
    for (const m of seed.materials) {
      const theirs = obelix.get(m.id);
      if (!m.family || !theirs) continue;
      compared++;
      if (!theirs.has(m.family)) disagreeing[m.id] = { seed: m.family, obelix: [...theirs] };
    }
    expect(compared).toBeGreaterThan(20);
    expect(Object.keys(disagreeing).sort()).toEqual(Object.keys(OBELIX_DISAGREEMENTS).sort());
    for (const [id, d] of Object.entries(OBELIX_DISAGREEMENTS)) {
      expect(disagreeing[id]!.seed).toBe(d.seed);
      expect(disagreeing[id]!.obelix).toContain(d.obelix);
    }
  });

  it('cites, as the evidence of a family, only OBELiX rows that print that family', () => {
    const byId = new Map(rows.map((r) => [r.ID, r]));
    const dir = path.join(loadConfig().seedDir, 'materials');
    let cited = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const data = parseYaml(readFileSync(path.join(dir, file), 'utf8')) as { materials?: { family?: string; familySource?: { obelix?: string } }[] };
      for (const m of data.materials ?? []) {
        const id = m.familySource?.obelix;
        if (!id) continue;
        cited++;
        const row = byId.get(id);
        expect(row, `${file}: OBELiX row ${id}`).toBeDefined();
        expect(familyFromLabel(row!.Family), `${file}: OBELiX row ${id} (${row!.Family})`).toBe(m.family);
      }
    }
    expect(cited).toBeGreaterThan(5);
  });
});
