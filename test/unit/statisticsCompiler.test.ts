/**
 * The statistics' Cypher generation without a database: GraphQL in (executed against the real schema), the
 * one aggregate statement and its parameters out; values only as parameters; only what is selected is
 * aggregated; a histogram's edges converted to the stored unit before compiling.
 */
import { describe, expect, it } from 'vitest';
import { compileRequest, type Sent } from '../support/compiledRequests.js';

/** The statements a statistics request sends (each answered with no groups). */
async function compile(query: string): Promise<Sent[]> {
  const { sent, errors } = await compileRequest(query, 200_000, () => [{ totalGroups: 0, groups: [] }]);
  expect(errors).toBeUndefined();
  return sent;
}

describe('compiled statistics', () => {
  it('counts alone aggregate nothing else: no percentile, no histogram', async () => {
    const [q, ...more] = await compile('{ measurementStatistics(groupBy: [REVIEW]) { totalGroups groups { key { review } count } } }');
    expect(more).toEqual([]);
    expect(q!.name).toBe('measurements.statistics');
    expect(q!.text).toMatch(/count\(\*\) AS n/);
    expect(q!.text).not.toMatch(/percentileCont|binCounts|HAS_MEASUREMENT/);
  });

  it('values are parameters: the property, the mobile ions, the edges (mS/cm converted to S/cm)', async () => {
    const [q] = await compile(
      '{ measurementStatistics(where: { property: IONIC_CONDUCTIVITY }, groupBy: [MOBILE_ION], histogram: { field: VALUE, bins: [0, 1, 10], unit: "mS/cm" }) { groups { value { median } histogram { counts } } } }',
    );
    expect(q!.text).not.toMatch(/IONIC_CONDUCTIVITY|'Li'/);
    expect(Object.values(q!.params)).toEqual(expect.arrayContaining(['IONIC_CONDUCTIVITY', ['Li', 'Na', 'K', 'Mg', 'Ca', 'Zn', 'Ag'], [0, 0.001, 0.01]]));
    expect(q!.text).toMatch(/percentileCont\(v, 0\.5\)/);
    expect(q!.text).not.toMatch(/log10\(v\)/);
  });

  it('decades of mS/cm are shifted to decades of S/cm; the edges come back as asked', async () => {
    const [q] = await compile(
      '{ measurementStatistics(where: { property: IONIC_CONDUCTIVITY }, histogram: { field: LOG10_VALUE, min: -2, max: 1, width: 1, unit: "mS/cm" }) { groups { histogram { edges } } } }',
    );
    const edges = Object.values(q!.params).find((p) => Array.isArray(p)) as number[];
    expect(edges.map((e) => Math.round(e * 1e9) / 1e9)).toEqual([-5, -4, -3, -2]);
  });

  it('materials by their best conductivity: the per-material statistic is a subquery of the same statement', async () => {
    const [q] = await compile('{ materialStatistics(groupBy: [FAMILY], value: { property: IONIC_CONDUCTIVITY }) { groups { key { family } value { max } } } }');
    expect(q!.name).toBe('materials.statistics');
    expect(q!.text).toMatch(/CALL \{ WITH x0 OPTIONAL MATCH \(x0\)-\[:HAS_MEASUREMENT\]->/);
    expect(q!.text).toMatch(/UNWIND CASE WHEN size\(coalesce\(x0\.families, \[\]\)\) = 0 THEN \[null\] ELSE x0\.families END AS g_family/);
  });
});
