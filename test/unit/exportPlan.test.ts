/**
 * The plan of an export (src/api/export/exportPlan.ts, rows.ts) over the real schema: which lists can be
 * exported, the one-page document, the columns of a selection, rows flattened through nested lists, and
 * refusals naming the parameter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { parse, validate } from 'graphql';
import { buildInterphaseSchema } from '../../src/api/schema.js';
import { exportableLists, planExport } from '../../src/api/export/exportPlan.js';
import { readExportRequest, splitExportFile } from '../../src/api/export/exportRequest.js';
import { columnNames, rowOf } from '../../src/api/export/rows.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildInterphaseSchema();
});

describe('lists and documents', () => {
  it('every compiled list of Query is exportable, and the default document of each is valid against the schema', () => {
    const lists = exportableLists(schema);
    expect(lists).toEqual(expect.arrayContaining(['cells', 'claims', 'coatingApplications', 'interfaces', 'interphaseObservations', 'materials', 'measurements', 'phaseEntries', 'publications', 'reportedStabilityWindows']));
    expect(lists).not.toContain('search'); // it needs its text argument
    for (const list of lists) {
      for (const format of ['csv', 'bib'] as const) {
        if (format === 'bib' && ['materials', 'interfaces'].includes(list)) continue;
        const plan = planExport(schema, { list, format });
        expect(validate(schema, parse(plan.document)), `${list}.${format}`).toEqual([]);
      }
    }
  });

  it('columns follow the selection (aliases, nested fields, a field selected twice once), provenance last', () => {
    const plan = planExport(schema, readExportRequest('measurements', 'csv', { fields: 'id v: value(unit: "mS/cm") material { name } id publications { doi }' }));
    expect(columnNames(plan)).toEqual(['id', 'v', 'material.name', 'publications.doi', 'provenance.doi', 'provenance.publication', 'provenance.review', 'provenance.reviewLine', 'provenance.quote', 'provenance.dataset', 'provenance.datasetRecord', 'provenance.licence']);
    expect(plan.document).toContain('v: value(unit: "mS/cm")');
  });

  it('columns through one list stay aligned: one entry per item, null where an item has no value', () => {
    const plan = planExport(schema, readExportRequest('measurements', 'csv', { fields: 'publications { doi year }' }));
    const row = rowOf(plan, { publications: [{ doi: null, year: 2011 }, { doi: '10.1/b', year: null }], _exportSource: null, _exportPublication: null });
    expect(row['publications.doi']).toEqual([null, '10.1/b']);
    expect(row['publications.year']).toEqual([2011, null]);
    expect(rowOf(plan, { publications: [], _exportSource: null, _exportPublication: null })['publications.doi']).toEqual([]);
  });

  it('flattens a node: one value, one entry per list item, null for nothing', () => {
    const plan = planExport(schema, readExportRequest('measurements', 'jsonl', { fields: 'id material { name } publications { doi }' }));
    const row = rowOf(plan, {
      id: 'x:P1',
      material: null,
      publications: [{ doi: '10.1/a' }, { doi: null }, { doi: '10.1/b' }],
      _exportSource: { kind: 'REVIEW', line: 12, lines: [12, 13], quote: 'q', recordId: null, review: { key: 'doi:10.1016/j.joule.2022.01.015', reviewKey: 'feng2022' }, dataset: null },
      _exportPublication: { key: 'p', doi: '10.1/a', authors: 'Gao, Z.; Sun, H.', firstAuthor: 'Gao', journal: 'Adv. Mater.', volume: '30', firstPage: '1705702', year: 2018 },
    });
    expect(row).toEqual({
      id: 'x:P1',
      'material.name': null,
      'publications.doi': ['10.1/a', null, '10.1/b'],
      'provenance.doi': '10.1/a',
      'provenance.publication': 'Gao et al., Adv. Mater. 30, 1705702 (2018)',
      'provenance.review': 'feng2022',
      'provenance.reviewLine': [12, 13],
      'provenance.quote': 'q',
      'provenance.dataset': null,
      'provenance.datasetRecord': null,
      'provenance.licence': null,
    });
  });
});

describe('refusals name the parameter', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['list', () => planExport(schema, { list: 'decomposition', format: 'csv' }), /^list: 'decomposition' is not a list/],
    ['format', () => splitExportFile('measurements.xml'), /^format: 'xml' is not an export format; accepted: csv, jsonl, bib, csl.json/],
    ['fields syntax', () => planExport(schema, readExportRequest('measurements', 'csv', { fields: 'id {' })), /^fields: not a GraphQL selection/],
    ['fields variable', () => planExport(schema, readExportRequest('measurements', 'csv', { fields: 'value(unit: $u)' })), /^fields: variables are not accepted/],
    ['fields reserved alias', () => planExport(schema, readExportRequest('measurements', 'csv', { fields: '_exportSource: id' })), /^fields: '_exportSource' starts with '_export'/],
    ['where', () => readExportRequest('measurements', 'csv', { where: '[' }), /^where: not valid JSON/],
    ['limit', () => readExportRequest('measurements', 'csv', { limit: '1.5' }), /^limit: '1.5' is not a whole number/],
    ['repeated', () => readExportRequest('measurements', 'csv', { where: ['{}', '{}'] }), /^where: given more than once/],
  ];
  for (const [name, run, message] of cases) it(name, () => expect(run).toThrow(message));
});
