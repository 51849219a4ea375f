import { describe, expect, it } from 'vitest';
import { familyFromLabel, isStructuralFamily, STRUCTURAL_FAMILIES } from '../../src/domain/families.js';
import { obelixRows } from '../support/obelixCsv.js';

describe('structural family vocabulary', () => {
  it('maps every label OBELiX prints to a family other than OTHER, except the ambiguous "layered"', () => {
    const labels = new Set(obelixRows().map((r) => r.Family!.trim()).filter(Boolean));
    expect(labels.size).toBeGreaterThan(30);
    const unmapped = [...labels].filter((l) => familyFromLabel(l) === 'OTHER');
    expect(unmapped).toEqual(['layered']);
  });

  it.each([
    ['garnet', 'GARNET'],
    ['Garnet-like', 'GARNET'],
    ['NASICON', 'NASICON'],
    ['thio-LISICON', 'THIO_LISICON'],
    ['LISICON', 'LISICON'],
    ['argyrodites', 'ARGYRODITE'],
    ['perovskites', 'PEROVSKITE'],
    ['antiperovskite', 'ANTIPEROVSKITE'],
    ['cholorides', 'HALIDE'],
    ['LIPON', 'LIPON'],
    ['Na3AB4', 'NA3PS4'],
    ['Na3PS4-type', 'NA3PS4'],
    ['phosphides', 'PHOSPHIDE'],
    ['polymer', 'POLYMER'],
    ['gel polymer electrolyte', 'POLYMER'],
    ['composite', 'COMPOSITE'],
    ['hybrid', 'COMPOSITE'],
    ['something new', 'OTHER'],
  ] as const)('%s → %s', (label, family) => {
    expect(familyFromLabel(label)).toBe(family);
  });

  it('has no family for an empty label', () => {
    expect(familyFromLabel('')).toBeNull();
    expect(familyFromLabel('  ')).toBeNull();
    expect(familyFromLabel(null)).toBeNull();
  });

  it('describes every family', () => {
    for (const [k, d] of Object.entries(STRUCTURAL_FAMILIES)) {
      expect(isStructuralFamily(k)).toBe(true);
      expect(d.length).toBeGreaterThan(10);
    }
    expect(isStructuralFamily('toString')).toBe(false);
  });
});
