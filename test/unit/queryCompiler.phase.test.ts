/**
 * The Cypher-generation tier of `phaseEntries`: GraphQL in, the one statement and its parameters out, without a
 * database. The entries readers see (users' and the active import run's) are required of the page and of the count,
 * the active run read once from the revision node; values never enter the text; only the selected fields are read.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/services/pagination.js';
import { compileRequest, oneStatement } from '../support/compiledRequests.js';

const VISIBLE = /\(x0\.source = 'USER' OR x0\.run = activeRun\)/;

describe('compiled phaseEntries', () => {
  it('one statement: the active run read once, required of the rows and of the count; the filter from parameters', async () => {
    const q = await oneStatement(
      '{ phaseEntries(where: { chemicalSystem: "S-Li", includeSubsystems: true, formationEnergyEvPerAtom: { max: -1.25 }, excludeElements: ["O"] }, first: 5) { totalCount edges { node { id formationEnergyEvPerAtom } } } }',
    );
    expect(q.name).toBe('phaseEntries.list');
    expect(q.text).toMatch(/^\/\/ phaseEntries\.list\nOPTIONAL MATCH \(revision:PhaseDataRevision \{id: 'phase-data'\}\)\nWITH revision\.activeRun AS activeRun\nCALL \{\n  WITH activeRun\n/);
    const matches = q.text.match(/MATCH \(x0:PhaseEntry\) WHERE [^\n]*/g) ?? [];
    expect(matches).toHaveLength(2); // the page and the COUNT {}
    for (const m of matches) {
      expect(m).toMatch(VISIBLE);
      expect(m).toMatch(/x0\.chemicalSystem IN \$p\d/);
      expect(m).toMatch(/x0\.formationEnergyEvPerAtom <= \$p\d/);
      expect(m).toMatch(/NOT coalesce\(\(\$p\d IN x0\.compositionElements\), false\)/);
    }
    expect(q.text).toMatch(/RETURN items, COUNT \{ MATCH \(x0:PhaseEntry\)/);
    expect(Object.values(q.params)).toEqual(expect.arrayContaining([['Li', 'S', 'Li-S'], -1.25, 'O', neo4j.int(6)]));
    expect(q.text).not.toMatch(/-1\.25|'Li-S'|\{\s*\.\*|x0\.formula|x0\.label/);
  });

  it('ordered by formation energy, descending, ties by id; dataset and material matched by the ids the entry holds', async () => {
    const q = await oneStatement('{ phaseEntries(orderBy: { field: FORMATION_ENERGY, direction: DESC }) { edges { node { id compositionKey polymorphRows dataset { id doi } material { id } } } } }');
    expect(q.text).toMatch(/WITH x0, coalesce\(x0\.formationEnergyEvPerAtom, \$p\d\) AS sortKey/);
    expect(q.text).toMatch(/ORDER BY sortKey DESC, x0\.id LIMIT/);
    expect(q.text).toMatch(/key: x0\.key, rows: coalesce\(x0\.rows, 1\)/);
    expect(q.text).toMatch(/rel_dataset: head\(COLLECT \{ MATCH \(x\d+:Dataset \{id: x0\.datasetId\}\)/);
    expect(q.text).toMatch(/rel_material: head\(COLLECT \{ MATCH \(x\d+:Material \{id: x0\.key\}\)/);
    expect(q.text).not.toMatch(/COUNT \{/); // totalCount not selected
  });

  it('only totalCount: no page, the count alone', async () => {
    const q = await oneStatement('{ phaseEntries(where: { source: USER }, first: 0) { totalCount } }');
    expect(q.text).toMatch(/RETURN \[\] AS items, COUNT \{ MATCH \(x0:PhaseEntry\) WHERE \(x0\.source = 'USER' OR x0\.run = activeRun\) AND x0\.source = \$p0 \} AS totalCount$/);
  });

  it('bad input runs nothing and names the argument path', async () => {
    for (const [where, message] of [
      ['chemicalSystem: "Li-Xx"', /^where\.chemicalSystem: 'Xx' is not an element symbol/],
      ['AND: [{ elements: ["Qq"] }]', /^where\.AND\[0\]\.elements: 'Qq' is not an element symbol/],
    ] as const) {
      const { sent, errors } = await compileRequest(`{ phaseEntries(where: { ${where} }) { totalCount } }`);
      expect(sent).toEqual([]);
      expect(errors?.[0]?.message).toMatch(message);
    }
  });
});

describe('phaseEntries in the default order', () => {
  it('the page reads the id index in order, the cursor a range on it, with the entries readers see', async () => {
    const cursor = encodeCursor('phaseEntry', 'matbench_mp_e_form:Li2S1');
    const { lists, errors } = await compileRequest(`{ phaseEntries(first: 2, after: "${cursor}") { edges { node { id } } } }`);
    expect(errors).toBeUndefined();
    expect(lists[0]!.text).toMatch(/MATCH \(x0:PhaseEntry\) WHERE x0\.id IS NOT NULL AND \(x0\.source = 'USER' OR x0\.run = activeRun\) AND x0\.id > \$p\d\n  WITH x0 ORDER BY x0\.id ASC LIMIT/);
    expect(Object.values(lists[0]!.params)).toContain('matbench_mp_e_form:Li2S1');
  });
});
