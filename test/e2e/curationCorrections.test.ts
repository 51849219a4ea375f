/**
 * Corrections of every fact kind besides measurements (curation.facts.test.ts has those), end to end over HTTP
 * with real API keys: correctReportedWindow, correctClaim, correctInterphaseObservation,
 * correctCoatingApplication, correctCellResult. For each: a correction keeps the id and is read at once as
 * corrected; its history shows the version it replaced (a coating's effects and a cell's results included);
 * bad fields are named by their path ('changes.…') and nothing is written; only a curator may correct; a
 * retracted fact cannot be; reverting the correction gives the record back as added, and reverting the
 * addition gives the graph back exactly. A fact of the seed (a coating application and a cell of the reviews)
 * is corrected and reverted too: its effects and results come back as the seed wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { createTestKey, revokeTestKey, type TestKey } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

const LGPS = 'Ge1Li10P2S12';
// a DOI no dataset or review names (the 10.5555 prefix is reserved for examples)
const DOI = '10.5555/interphase-curation-test.corrections';
const CITATION = { authors: 'Doe, J.', title: 'Made-up facts to correct, for a test', journal: 'J. Test. Chem.', year: 2026, volume: '3', firstPage: '303' };
const PROVENANCE = { doi: DOI, citation: CITATION };

let server: TestServer;
let contributor: TestKey;
let curator: TestKey;
let graphBefore: GraphSnapshot;

beforeAll(async () => {
  server = await startTestServer({ MUTATIONS: 'loopback' });
  await server.graphReady;
  graphBefore = await snapshot(server.db, { withoutAudit: true });
  contributor = await createTestKey('contributor', 'corrections test contributor');
  curator = await createTestKey('curator', 'corrections test curator');
}, 300_000);
afterAll(async () => {
  for (const k of [contributor, curator]) if (k) await revokeTestKey(k.keyId);
  await server?.stop();
});

interface Payload {
  ok: boolean;
  status: string;
  id: string | null;
  errors: { field: string; problem: string; code: string }[];
  changeSetId: string | null;
  record?: Record<string, unknown> | null;
}
interface Version {
  version: number;
  status: string;
  action: string | null;
  reason: string | null;
  props: string;
  parts: string | null;
}

const PAYLOAD = 'ok status id errors { field problem code } changeSetId';

async function mutate(field: string, query: string, variables: Record<string, unknown>, key = curator.key): Promise<Payload> {
  const res = await server.gql<Record<string, Payload>>(query, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![field]!;
}

const retract = (id: string) =>
  mutate('retractFact', `mutation($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { ${PAYLOAD} } }`, { id, reason: 'test: withdrawn' });
const revert = (id: string) =>
  mutate('revertChangeSet', `mutation($id: ID!, $reason: String!) { revertChangeSet(id: $id, reason: $reason) { ${PAYLOAD} } }`, { id, reason: 'test clean-up' });

async function history(id: string): Promise<Version[]> {
  const res = await server.gql<{ factHistory: Version[] }>('query($id: ID!) { factHistory(id: $id) { version status action reason props parts } }', { id });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.factHistory;
}

async function ids(query: string, path: (data: never) => { id: string }[]): Promise<string[]> {
  const res = await server.gql(query);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return path(res.data as never).map((x) => x.id);
}

/** One kind: its addition, its correction, a good input and changes, what the record reads before and after, bad changes. */
interface CorrectionCase {
  add: string;
  addInput: string;
  correct: string;
  correctInput: string;
  record: string;
  good: Record<string, unknown>;
  changes: Record<string, unknown>;
  corrected: Record<string, unknown>;
  /** What the replaced version's stored properties (and parts, for kinds that have them) say, as JSON fragments. */
  formerProps: string[];
  formerParts?: string[];
  bad: Record<string, unknown>;
  badFields: [string, string][];
  listIds: () => Promise<string[]>;
}

const WINDOW: CorrectionCase = {
  add: 'addReportedWindow',
  addInput: 'AddReportedWindowInput',
  correct: 'correctReportedWindow',
  correctInput: 'ReportedWindowCorrectionInput',
  record: 'id scale method methodText reductionLimit { quantity { value unit } } oxidationLimit { quantity { value unit } } publication { doi }',
  good: { material: LGPS, reduction: 1.61, oxidation: 2.04, method: 'COMPUTED_THERMODYNAMIC', provenance: PROVENANCE },
  // the oxidation limit misread: 2.04 V printed as 2.40 V in the paper's table
  changes: { oxidation: 2.4, methodText: 'grand-potential phase diagram' },
  corrected: { reductionLimit: { quantity: { value: 1.61, unit: 'V' } }, oxidationLimit: { quantity: { value: 2.4, unit: 'V' } }, methodText: 'grand-potential phase diagram' },
  formerProps: ['"oxidationValue":2.04'],
  // the limits the wrong way round (the stored reduction limit is 1.61 V), a potential out of range, a blank-free overlong text
  bad: { oxidation: 1.5, reduction: 1.7, methodText: 'x'.repeat(501) },
  badFields: [
    ['changes.oxidation', 'OUT_OF_RANGE'],
    ['changes.methodText', 'TOO_LONG'],
  ],
  listIds: () => ids(`{ material(id: "${LGPS}") { reportedStabilityWindows { id } } }`, (d: { material: { reportedStabilityWindows: { id: string }[] } }) => d.material.reportedStabilityWindows),
};

const CLAIM: CorrectionCase = {
  add: 'addClaim',
  addInput: 'AddClaimInput',
  correct: 'correctClaim',
  correctInput: 'ClaimCorrectionInput',
  record: 'id kind statement families properties materials { id } publication { doi }',
  good: { kind: 'MECHANISM', statement: 'LGPS is oxidised above 2 V to S and P2S5 (a test claim).', materials: [LGPS], families: ['LGPS'], provenance: PROVENANCE },
  changes: { statement: 'LGPS is oxidised above 2.1 V to S, P2S5 and GeS2 (a test claim).', properties: ['ENERGY_ABOVE_HULL'] },
  corrected: { kind: 'MECHANISM', statement: 'LGPS is oxidised above 2.1 V to S, P2S5 and GeS2 (a test claim).', families: ['LGPS'], properties: ['ENERGY_ABOVE_HULL'], materials: [{ id: LGPS }] },
  formerProps: ['above 2 V to S and P2S5'],
  bad: { statement: '   ' },
  badFields: [['changes.statement', 'REQUIRED']],
  listIds: () => ids(`{ material(id: "${LGPS}") { claims { id } } }`, (d: { material: { claims: { id: string }[] } }) => d.material.claims),
};

const OBSERVATION: CorrectionCase = {
  add: 'addInterphaseObservation',
  addInput: 'AddInterphaseObservationInput',
  correct: 'correctInterphaseObservation',
  correctInput: 'InterphaseObservationCorrectionInput',
  record: 'id potential { value unit } thickness { value unit } interphaseType characterText products { id } publication { doi }',
  good: { electrolyte: 'LGPS', counterpart: 'Li3PS4', products: ['Li3P', 'Li2S'], potential: 0.4, thickness: 15, interphaseType: 'TYPE_2_MIXED_CONDUCTING', provenance: PROVENANCE },
  changes: { thickness: 0.05, thicknessUnit: 'µm', characterText: 'grows with cycling' },
  corrected: { potential: { value: 0.4, unit: 'V' }, thickness: { value: 50, unit: 'nm' }, characterText: 'grows with cycling', interphaseType: 'TYPE_2_MIXED_CONDUCTING' },
  formerProps: ['"thicknessValue":15'],
  bad: { potential: -12, thickness: -3, thicknessUnit: 'parsec' },
  badFields: [
    ['changes.potential', 'OUT_OF_RANGE'],
    ['changes.thicknessUnit', 'UNKNOWN_UNIT'],
  ],
  listIds: () =>
    ids(`{ interphaseObservations(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, (d: { interphaseObservations: { edges: { node: { id: string } }[] } }) =>
      d.interphaseObservations.edges.map((e) => e.node),
    ),
};

const COATING: CorrectionCase = {
  add: 'addCoatingApplication',
  addInput: 'AddCoatingApplicationInput',
  correct: 'correctCoatingApplication',
  correctInput: 'CoatingApplicationCorrectionInput',
  record: 'id role method thickness { value unit } effectText effects { property before { value unit } after { value unit } value { value unit } } publication { doi }',
  good: {
    coating: 'LiNbO3',
    substrate: 'LiCoO2',
    electrolyte: 'LGPS',
    role: 'CATHODE_COATING',
    method: 'SOL_GEL',
    thickness: 8,
    effectText: 'a made-up lower interfacial resistance',
    effects: [{ property: 'AREA_SPECIFIC_RESISTANCE', before: 900, after: 60, unit: 'Ω cm2' }],
    provenance: PROVENANCE,
  },
  // the ASR after coating was 40, not 60 Ω cm², and a capacity retention was left out
  changes: {
    method: 'ALD',
    effects: [
      { property: 'AREA_SPECIFIC_RESISTANCE', before: 900, after: 40, unit: 'Ω cm2' },
      { property: 'CAPACITY_RETENTION', value: 90, unit: '%' },
    ],
  },
  corrected: {
    role: 'CATHODE_COATING',
    method: 'ALD',
    thickness: { value: 8, unit: 'nm' },
    effects: [
      { property: 'AREA_SPECIFIC_RESISTANCE', before: { value: 900 }, after: { value: 40 } },
      { property: 'CAPACITY_RETENTION', value: { value: 90, unit: '%' } },
    ],
  },
  formerProps: ['"method":"SOL_GEL"'],
  formerParts: ['"afterValue":60'],
  bad: { effectText: '', effects: [{ property: 'AREA_SPECIFIC_RESISTANCE', after: -5 }, { property: 'CRITICAL_CURRENT_DENSITY' }] },
  badFields: [
    ['changes.effectText', 'REQUIRED'],
    ['changes.effects[0].after', 'OUT_OF_RANGE'],
    ['changes.effects[1].value', 'REQUIRED'],
  ],
  listIds: () =>
    ids(`{ coatingApplications(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, (d: { coatingApplications: { edges: { node: { id: string } }[] } }) =>
      d.coatingApplications.edges.map((e) => e.node),
    ),
};

const CELL: CorrectionCase = {
  add: 'addCellResult',
  addInput: 'AddCellResultInput',
  correct: 'correctCellResult',
  correctInput: 'CellResultCorrectionInput',
  record: 'id cellType conditions { temperatureK cRate } results { property value unit atCycle } resultText publication { doi }',
  good: {
    cellType: 'HALF',
    components: [
      { material: 'LiCoO2', role: 'CATHODE' },
      { material: 'LGPS', role: 'ELECTROLYTE' },
    ],
    temperature: 25,
    temperatureUnit: '°C',
    results: [{ property: 'SPECIFIC_CAPACITY', value: 118, unit: 'mAh/g', atCycle: 1 }],
    resultText: 'a made-up 118 mAh/g',
    provenance: PROVENANCE,
  },
  // tested at 60 °C, not 25 °C; the retention after 200 cycles was left out
  changes: {
    temperature: 60,
    temperatureUnit: '°C',
    results: [
      { property: 'SPECIFIC_CAPACITY', value: 118, unit: 'mAh/g', atCycle: 1 },
      { property: 'CAPACITY_RETENTION', value: 81, unit: '%', atCycle: 200 },
    ],
  },
  corrected: {
    cellType: 'HALF',
    conditions: { temperatureK: 333.15 },
    results: [
      { property: 'SPECIFIC_CAPACITY', value: 118, atCycle: 1 },
      { property: 'CAPACITY_RETENTION', value: 81, atCycle: 200 },
    ],
  },
  formerProps: ['"temperatureK":298.15'],
  formerParts: ['"property":"SPECIFIC_CAPACITY"'],
  bad: { temperature: -400, temperatureUnit: '°C', results: [{ property: 'CAPACITY_RETENTION', value: 120, unit: '%', atCycle: -2 }] },
  badFields: [
    ['changes.temperature', 'OUT_OF_RANGE'],
    ['changes.results[0].value', 'OUT_OF_RANGE'],
    ['changes.results[0].atCycle', 'OUT_OF_RANGE'],
  ],
  listIds: () =>
    ids(`{ cells(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, (d: { cells: { edges: { node: { id: string } }[] } }) => d.cells.edges.map((e) => e.node)),
};

describe.each([
  ['correctReportedWindow', WINDOW],
  ['correctClaim', CLAIM],
  ['correctInterphaseObservation', OBSERVATION],
  ['correctCoatingApplication', COATING],
  ['correctCellResult', CELL],
])('%s', (_name, k) => {
  const add = (input: Record<string, unknown>) =>
    mutate(k.add, `mutation($input: ${k.addInput}!) { ${k.add}(input: $input) { ${PAYLOAD} record { ${k.record} } } }`, { input });
  const correct = (id: string, changes: Record<string, unknown>, key = curator.key, reason = 'test: misread from the table') =>
    mutate(
      k.correct,
      `mutation($id: ID!, $changes: ${k.correctInput}!, $reason: String!) { ${k.correct}(id: $id, changes: $changes, reason: $reason) { ${PAYLOAD} record { ${k.record} } } }`,
      { id, changes, reason },
      key,
    );
  let before: GraphSnapshot;
  let added: Payload;
  let corrected: Payload;

  beforeAll(async () => {
    before = await snapshot(server.db, { withoutAudit: true });
    added = await add(k.good);
    expect(added, JSON.stringify(added.errors)).toMatchObject({ ok: true, status: 'ADDED' });
  });

  it('bad changes, no changes, no reason, an unknown id: each named, nothing written', async () => {
    const now = await snapshot(server.db);
    const bad = await correct(added.id!, k.bad);
    expect(bad).toMatchObject({ ok: false, status: 'INVALID', changeSetId: null, record: null });
    for (const [field, code] of k.badFields) expect(bad.errors, JSON.stringify(bad.errors)).toContainEqual(expect.objectContaining({ field, code }));
    expect((await correct(added.id!, {})).errors).toEqual([expect.objectContaining({ field: 'changes', code: 'REQUIRED' })]);
    expect((await correct(added.id!, k.changes, curator.key, ' ')).errors).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
    expect((await correct('curated:no-such-fact', k.changes)).errors).toEqual([expect.objectContaining({ field: 'id', code: 'NOT_FOUND' })]);
    expect(await snapshot(server.db)).toEqual(now);
  });

  it('only a curator corrects: FORBIDDEN for a contributor, nothing written', async () => {
    const now = await snapshot(server.db);
    const res = await server.gql(
      `mutation($id: ID!, $changes: ${k.correctInput}!) { ${k.correct}(id: $id, changes: $changes, reason: "no") { ok } }`,
      { id: added.id, changes: k.changes },
      contributor.key,
    );
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(server.db)).toEqual(now);
  });

  it('a correction keeps the id, is read at once as corrected, and keeps the version it replaced', async () => {
    corrected = await correct(added.id!, k.changes);
    expect(corrected, JSON.stringify(corrected.errors)).toMatchObject({ ok: true, status: 'CORRECTED', id: added.id, record: { id: added.id, ...k.corrected } });
    expect((await k.listIds()).filter((x) => x === added.id)).toHaveLength(1);
    const versions = await history(added.id!);
    expect(versions.map((v) => [v.version, v.status, v.action, v.reason])).toEqual([
      [1, 'CURRENT', 'ADD', null],
      [2, 'CURRENT', 'CORRECT', 'test: misread from the table'],
    ]);
    for (const fragment of k.formerProps) {
      expect(versions[0]!.props).toContain(fragment);
      expect(versions[1]!.props).not.toContain(fragment);
    }
    for (const fragment of k.formerParts ?? []) expect(versions[0]!.parts).toContain(fragment);
    if (k.formerParts) expect(JSON.parse(versions[1]!.parts!)).toHaveLength(((k.changes.effects ?? k.changes.results) as unknown[]).length);
    else expect(versions.map((v) => v.parts)).toEqual([null, null]);
  });

  it('a retracted fact cannot be corrected (CONFLICT)', async () => {
    const retracted = await retract(added.id!);
    expect(retracted).toMatchObject({ ok: true, status: 'RETRACTED' });
    expect((await correct(added.id!, k.changes)).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
    expect(await revert(retracted.changeSetId!)).toMatchObject({ ok: true, status: 'REVERTED' });
  });

  it('reverting the correction gives the record back as added; reverting the addition gives the graph back exactly', async () => {
    expect(await revert(corrected.changeSetId!)).toMatchObject({ ok: true, status: 'REVERTED' });
    const again = await correct(added.id!, {}); // reads nothing back, but proves the fact is current again (else CONFLICT)
    expect(again.errors).toEqual([expect.objectContaining({ field: 'changes', code: 'REQUIRED' })]);
    const versions = await history(added.id!);
    expect(versions.map((v) => [v.version, v.action])).toEqual([[1, 'ADD']]);
    const res = await server.gql<Record<string, Payload>>(
      `mutation($input: ${k.addInput}!) { ${k.add}(input: $input) { ${PAYLOAD} record { ${k.record} } } }`,
      { input: k.good },
      curator.key,
    );
    // the same addition again is a duplicate of the fact, which reads as it did when added
    expect(res.data![k.add]).toMatchObject({ status: 'DUPLICATE', record: added.record });
    expect(await revert(added.changeSetId!)).toMatchObject({ ok: true, status: 'REVERTED' });
    expect(await k.listIds()).not.toContain(added.id);
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });
});

describe('a fact of the seed', () => {
  it('a coating application of the reviews: its effects replaced, then restored by the revert exactly as the seed wrote them', async () => {
    const before = await snapshot(server.db, { withoutAudit: true });
    const list = await server.gql<{ coatingApplications: { edges: { node: { id: string; effects: unknown[] } }[] } }>(
      '{ coatingApplications(first: 200) { edges { node { id effects { property } } } } }',
    );
    const seeded = list.data!.coatingApplications.edges.map((e) => e.node).find((n) => !n.id.startsWith('curated:') && n.effects.length > 0);
    expect(seeded, 'a coating application of the reviews with effects').toBeDefined();
    const p = await mutate(
      'correctCoatingApplication',
      `mutation($id: ID!, $changes: CoatingApplicationCorrectionInput!) { correctCoatingApplication(id: $id, changes: $changes, reason: "test") { ${PAYLOAD} record { effects { property value { value } } } } }`,
      { id: seeded!.id, changes: { effects: [{ property: 'AREA_SPECIFIC_RESISTANCE', value: 12 }] } },
    );
    expect(p, JSON.stringify(p.errors)).toMatchObject({ ok: true, status: 'CORRECTED', record: { effects: [{ property: 'AREA_SPECIFIC_RESISTANCE', value: { value: 12 } }] } });
    expect(JSON.parse((await history(seeded!.id)).at(0)!.parts!)).toHaveLength(seeded!.effects.length);
    expect(await revert(p.changeSetId!)).toMatchObject({ ok: true, status: 'REVERTED' });
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });

  it('a cell of the reviews: its results removed by an empty list, then restored by the revert', async () => {
    const before = await snapshot(server.db, { withoutAudit: true });
    const list = await server.gql<{ cells: { edges: { node: { id: string; results: unknown[] } }[] } }>('{ cells(first: 200) { edges { node { id results { property } } } } }');
    const seeded = list.data!.cells.edges.map((e) => e.node).find((n) => !n.id.startsWith('curated:') && n.results.length > 0);
    expect(seeded, 'a cell of the reviews with results').toBeDefined();
    const p = await mutate(
      'correctCellResult',
      `mutation($id: ID!) { correctCellResult(id: $id, changes: { results: [], cRate: "0.2C" }, reason: "test") { ${PAYLOAD} record { results { property } conditions { cRate } } } }`,
      { id: seeded!.id },
    );
    expect(p, JSON.stringify(p.errors)).toMatchObject({ ok: true, status: 'CORRECTED', record: { results: [], conditions: { cRate: '0.2C' } } });
    expect(await revert(p.changeSetId!)).toMatchObject({ ok: true, status: 'REVERTED' });
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });

  it('a correction of one kind refuses the id of another (NOT_FOUND), nothing written', async () => {
    const now = await snapshot(server.db);
    const cells = await server.gql<{ cells: { edges: { node: { id: string } }[] } }>('{ cells(first: 1) { edges { node { id } } } }');
    const cellId = cells.data!.cells.edges[0]!.node.id;
    const p = await mutate('correctClaim', `mutation($id: ID!) { correctClaim(id: $id, changes: { statement: "x" }, reason: "test") { ${PAYLOAD} } }`, { id: cellId });
    expect(p.errors).toEqual([expect.objectContaining({ field: 'id', code: 'NOT_FOUND', problem: expect.stringContaining('no claim') })]);
    expect(await snapshot(server.db)).toEqual(now);
  });
});

describe('afterwards', () => {
  it('the graph is as the file found it (the audit trail aside)', async () => {
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(graphBefore);
  });
});
