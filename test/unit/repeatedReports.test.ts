/**
 * One measurement reported by two sources (src/domain/repeatedReports.ts): what counts as the same, and which
 * copy is kept.
 */
import { describe, expect, it } from 'vitest';
import { sameMeasurement, withoutRepeats, type ReportIdentity } from '../../src/domain/repeatedReports.js';

const r = (id: string, value: number | null, temperatureK: number | null, publicationKeys: string[], variantId: string | null = null): ReportIdentity => ({ id, value, temperatureK, publicationKeys, variantId });
const ANIE = 'doi:10.1002/anie.200701144';

describe('the same measurement', () => {
  it('is the same value (1e-6) from a common publication within 1 K, or both without a temperature', () => {
    expect(sameMeasurement(r('obelix:2mn', 5.11e-4, 298.15, [ANIE]), r('liverpool:17', 5.11e-4, 298.0, [ANIE]))).toBe(true);
    expect(sameMeasurement(r('a', 1.2e-2, null, ['p']), r('b', 1.2e-2, null, ['p', 'q']))).toBe(true);
  });
  it('is not: another value, rounding, temperature, publication, one temperature missing, two variants, a bound', () => {
    const base = r('a', 5.11e-4, 298.15, [ANIE]);
    expect(sameMeasurement(base, r('b', 5.2e-4, 298.15, [ANIE]))).toBe(false);
    expect(sameMeasurement(base, r('b', 5.1e-4, 298.15, [ANIE]))).toBe(false);
    expect(sameMeasurement(base, r('b', 5.11e-4, 299.5, [ANIE]))).toBe(false);
    expect(sameMeasurement(base, r('b', 5.11e-4, 298.15, ['doi:10.1/other']))).toBe(false);
    expect(sameMeasurement(base, r('b', 5.11e-4, null, [ANIE]))).toBe(false);
    expect(sameMeasurement(r('a', 1, 300, ['p'], 'v1'), r('b', 1, 300, ['p'], 'v2'))).toBe(false);
    expect(sameMeasurement(r('a', null, 300, ['p']), r('b', null, 300, ['p']))).toBe(false);
  });
});

describe('which copy is kept', () => {
  it('the one naming its variant, then the first by id; the rest listed with the one kept; order kept', () => {
    const reports = [r('liverpool:17', 5.11e-4, 298.0, [ANIE]), r('obelix:2mn', 5.11e-4, 298.15, [ANIE]), r('zz:1', 1e-3, 300, ['p']), r('pasta2020:P1', 5.11e-4, 298.15, [ANIE], 'cubic')];
    const { kept, repeats } = withoutRepeats(reports);
    expect(kept.map((k) => k.id)).toEqual(['zz:1', 'pasta2020:P1']);
    expect(repeats.map((x) => [x.report.id, x.of.id])).toEqual([
      ['liverpool:17', 'pasta2020:P1'],
      ['obelix:2mn', 'pasta2020:P1'],
    ]);
  });
});
