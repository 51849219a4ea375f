/**
 * domain/consensus.ts against numpy 2 (numpy.percentile, default linear method) on the same numbers:
 *   v = [1e-4, 3e-4, 5e-4, 1e-3, 2e-3, 1e-6] S/cm, on log10: 10**percentile(log10 v, [25, 50, 75]) =
 *   0.00013160740129524926, 0.0003872983346207417, 0.0008408964152537145; fences −5.0889 and −1.8671 (log10),
 *   so 1e-6 is an outlier below, −2.5880456295278407 decades from the median;
 *   w = [0.42, 0.40, 0.11, 0.35] eV (linear): percentile 25, 50, 75 = 0.29, 0.375, 0.405; lower fence
 *   0.29 − 1.5·0.115 = 0.1175, so 0.11 is an outlier, 0.11 − 0.375 = −0.265 from the median.
 * Tolerance: 1e-11 relative (12 significant digits are kept).
 */
import { describe, expect, it } from 'vitest';
import { consensusOf, quantile, type ConsensusReport } from '../../src/domain/consensus.js';

const rel = (a: number | null, b: number) => Math.abs(a! - b) / Math.abs(b);
const report = (id: string, value: number | null, sourceKind = 'REVIEW', publicationKeys: string[] = []): ConsensusReport => ({ id, value, sourceKind, publicationKeys });

describe('consensus of reports', () => {
  const sigma = [1e-4, 3e-4, 5e-4, 1e-3, 2e-3, 1e-6].map((v, i) => report(`m${i}`, v, i < 2 ? 'DATASET' : 'REVIEW', i < 3 ? ['p1'] : [`p${i}`]));

  it('on log10 for a property that spans decades: quartiles and median as numpy, spread in decades, the outlier named', () => {
    const c = consensusOf([...sigma, report('bound', null)], true);
    expect(c.reports).toBe(6);
    expect(c.boundsAndRanges).toBe(1);
    expect(c.publications).toBe(4); // p1, p3, p4, p5
    expect(rel(c.q1, 0.00013160740129524926)).toBeLessThan(1e-11);
    expect(rel(c.median, 0.0003872983346207417)).toBeLessThan(1e-11);
    expect(rel(c.q3, 0.0008408964152537145)).toBeLessThan(1e-11);
    expect([c.min, c.max]).toEqual([1e-6, 2e-3]);
    expect(rel(c.spreadDecades, Math.log10(2000))).toBeLessThan(1e-11);
    expect(c.outliers).toHaveLength(1);
    expect(c.outliers[0]).toMatchObject({ id: 'm5', value: 1e-6, side: 'BELOW' });
    expect(rel(c.outliers[0]!.deviationFromMedian, -2.5880456295278407)).toBeLessThan(1e-11);
    expect(c.bySource.map((g) => [g.source, g.reports])).toEqual([['DATASET', 2], ['REVIEW', 4]]);
    expect(rel(c.bySource[0]!.median, Math.sqrt(1e-4 * 3e-4))).toBeLessThan(1e-11); // geometric mean of two
    expect(c.countedIds).toEqual(['m5', 'm0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('linear for other properties: numpy quartiles, no spread in decades, the outlier in the unit', () => {
    const c = consensusOf([0.42, 0.4, 0.11, 0.35].map((v, i) => report(`e${i}`, v)), false);
    expect(rel(c.q1, 0.29)).toBeLessThan(1e-11);
    expect(rel(c.median, 0.375)).toBeLessThan(1e-11);
    expect(rel(c.q3, 0.405)).toBeLessThan(1e-11);
    expect(c.spreadDecades).toBeNull();
    expect(rel(c.range, 0.31)).toBeLessThan(1e-11);
    expect(c.outliers).toHaveLength(1);
    expect(c.outliers[0]).toMatchObject({ id: 'e2', value: 0.11, side: 'BELOW' });
    expect(rel(c.outliers[0]!.deviationFromMedian, -0.265)).toBeLessThan(1e-11);
  });

  it('names no outlier below 4 values; nothing to agree on gives nulls', () => {
    expect(consensusOf([report('a', 1e-3), report('b', 1e-3), report('c', 1e-9)], true).outliers).toEqual([]);
    const none = consensusOf([report('x', null)], true);
    expect(none).toMatchObject({ reports: 0, boundsAndRanges: 1, median: null, min: null, max: null, spreadDecades: null, outliers: [] });
    expect(quantile([], 0.5)).toBeNull();
  });
});
