/**
 * Interface and cell facts added through the API, end to end over HTTP with real API keys
 * (addInterphaseObservation, addCoatingApplication, addCellResult): each addition is read by its list at once;
 * a repeat is a DUPLICATE naming the fact it repeats and writes nothing; bad fields are named by their path and
 * write nothing; a retraction takes the fact out of its list; reverting the changes gives the graph back exactly
 * (the audit trail aside).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { createTestKey, type TestKey } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

const LGPS = 'Ge1Li10P2S12';
// a DOI no dataset or review names (the 10.5555 prefix is reserved for examples)
const DOI = '10.5555/interphase-curation-test.interfaces';
const CITATION = { authors: 'Doe, J.; Roe, R.', title: 'Made-up interfaces of LGPS for a test', journal: 'J. Test. Chem.', year: 2026, volume: '2', firstPage: '202' };
const PROVENANCE = { doi: DOI, citation: CITATION, quote: 'as printed' };

let server: TestServer;
let contributor: TestKey;
let curator: TestKey;

beforeAll(async () => {
  server = await startTestServer({ MUTATIONS: 'loopback' });
  await server.graphReady;
  contributor = await createTestKey('contributor', 'interfaces test contributor');
  curator = await createTestKey('curator', 'interfaces test curator');
}, 300_000);
afterAll(async () => server?.stop());

interface Payload {
  ok: boolean;
  status: string;
  id: string | null;
  errors: { field: string; problem: string; code: string }[];
  duplicateOf: string | null;
  changeSetId: string | null;
  record?: Record<string, unknown> | null;
}

const PAYLOAD = 'ok status id errors { field problem code } duplicateOf changeSetId';

async function mutate(field: string, query: string, variables: Record<string, unknown>, key: string): Promise<Payload> {
  const res = await server.gql<Record<string, Payload>>(query, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![field]!;
}

const retract = (id: string) =>
  mutate('retractFact', `mutation($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { ${PAYLOAD} } }`, { id, reason: 'test: withdrawn' }, curator.key);
const revert = (id: string) =>
  mutate('revertChangeSet', `mutation($id: ID!, $reason: String!) { revertChangeSet(id: $id, reason: $reason) { ${PAYLOAD} } }`, { id, reason: 'test clean-up' }, curator.key);

/** One kind's mutation, a good input, the ids its list reads, and bad inputs with the fields they name. */
interface KindCase {
  mutation: string;
  input: string;
  record: string;
  good: Record<string, unknown>;
  listIds: () => Promise<string[]>;
  bad: Record<string, unknown>;
  badFields: [string, string][];
  checkRecord: (record: Record<string, unknown>) => void;
  /** What the addition creates besides the fact (an observation's new interface): ids, none before, some after, none after the revert. */
  created?: () => Promise<string[]>;
}

async function ids(query: string, list: string): Promise<string[]> {
  const res = await server.gql<Record<string, { edges: { node: { id: string } }[] }>>(query);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![list]!.edges.map((e) => e.node.id);
}

const OBSERVATION: KindCase = {
  mutation: 'addInterphaseObservation',
  input: 'AddInterphaseObservationInput',
  record: 'id interface { id electrolyte { id } counterpart { id } } products { id } potential { value unit } thickness { value unit } interphaseType evidence { technique text } source { kind } publication { doi }',
  good: {
    electrolyte: 'LGPS',
    counterpart: 'Li3PS4',
    products: ['Li3P', 'Li2S'],
    potential: 0.5,
    thickness: 0.02,
    thicknessUnit: 'µm',
    interphaseType: 'TYPE_2_MIXED_CONDUCTING',
    characterText: 'a made-up mixed-conducting interphase',
    evidence: [{ technique: 'XPS', text: 'Li3P and Li2S signals' }],
    provenance: PROVENANCE,
  },
  listIds: () => ids(`{ interphaseObservations(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'interphaseObservations'),
  created: async () => {
    const res = await server.gql<{ interfaces: { edges: { node: { id: string } }[] } }>(
      `{ interfaces(where: { electrolyte: "${LGPS}", counterpart: "Li3PS4" }, first: 10) { edges { node { id } } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.interfaces.edges.map((e) => e.node.id);
  },
  bad: { electrolyte: 'LGPS', counterpart: 'Li3PS4', products: ['Li3P', 'Qq7Zz'], potential: 20, thickness: -1, provenance: PROVENANCE },
  badFields: [
    ['input.products[1]', 'NOT_FOUND'],
    ['input.potential', 'OUT_OF_RANGE'],
    ['input.thickness', 'OUT_OF_RANGE'],
  ],
  checkRecord: (r) => {
    expect(r).toMatchObject({
      interface: { id: `${LGPS}|${(r.interface as { counterpart: { id: string } }).counterpart.id}`, electrolyte: { id: LGPS } },
      potential: { value: 0.5, unit: 'V' },
      thickness: { value: 20, unit: 'nm' },
      interphaseType: 'TYPE_2_MIXED_CONDUCTING',
      evidence: [{ technique: 'XPS', text: 'Li3P and Li2S signals' }],
      source: { kind: 'CURATED' },
      publication: { doi: DOI },
    });
    expect((r.products as unknown[]).length).toBe(2);
  },
};

const COATING: KindCase = {
  mutation: 'addCoatingApplication',
  input: 'AddCoatingApplicationInput',
  record: 'id coating { id } substrate { id } electrolyte { id } role method thickness { value unit } effectText effects { property before { value unit } after { value unit } } source { kind } publication { doi }',
  good: {
    coating: 'LiNbO3',
    substrate: 'LiCoO2',
    electrolyte: 'LGPS',
    role: 'CATHODE_COATING',
    method: 'SOL_GEL',
    thickness: 7,
    effectText: 'a made-up lower interfacial resistance',
    effects: [{ property: 'AREA_SPECIFIC_RESISTANCE', before: 1000, after: 50, unit: 'Ω cm2' }],
    provenance: PROVENANCE,
  },
  listIds: () => ids(`{ coatingApplications(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'coatingApplications'),
  bad: {
    coating: 'Unobtainium-9',
    substrate: 'LiCoO2',
    role: 'CATHODE_COATING',
    method: 'SOL_GEL',
    thickness: 0,
    effectText: 'bad',
    effects: [{ property: 'CRITICAL_CURRENT_DENSITY', before: 0.1, after: -2 }],
    provenance: PROVENANCE,
  },
  badFields: [
    ['input.coating', 'NOT_FOUND'],
    ['input.thickness', 'OUT_OF_RANGE'],
    ['input.effects[0].after', 'OUT_OF_RANGE'],
  ],
  checkRecord: (r) =>
    expect(r).toMatchObject({
      electrolyte: { id: LGPS },
      role: 'CATHODE_COATING',
      method: 'SOL_GEL',
      thickness: { value: 7, unit: 'nm' },
      effects: [{ property: 'AREA_SPECIFIC_RESISTANCE', before: { value: 1000 }, after: { value: 50 } }],
      source: { kind: 'CURATED' },
      publication: { doi: DOI },
    }),
};

const CELL: KindCase = {
  mutation: 'addCellResult',
  input: 'AddCellResultInput',
  record: 'id cellType components { role material { id } } conditions { temperatureK cRate } results { property value unit atCycle } resultText source { kind } publication { doi }',
  good: {
    cellType: 'HALF',
    components: [
      { material: 'LiCoO2', role: 'CATHODE' },
      { material: 'LGPS', role: 'ELECTROLYTE' },
    ],
    temperature: 25,
    temperatureUnit: '°C',
    cRate: '0.1C',
    results: [
      { property: 'SPECIFIC_CAPACITY', value: 120, unit: 'mAh/g', atCycle: 1 },
      { property: 'CAPACITY_RETENTION', value: 85, unit: '%', atCycle: 100 },
    ],
    resultText: 'a made-up 120 mAh/g, 85 % after 100 cycles',
    provenance: PROVENANCE,
  },
  listIds: () => ids(`{ cells(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'cells'),
  bad: {
    cellType: 'HALF',
    components: [{ material: 'LiCoO2', role: 'CATHODE' }],
    temperature: -300,
    temperatureUnit: '°C',
    results: [
      { property: 'CAPACITY_RETENTION', value: 150, unit: '%' },
      { property: 'CYCLE_COUNT', value: 2.5, atCycle: -1 },
    ],
    resultText: 'bad',
    provenance: PROVENANCE,
  },
  badFields: [
    ['input.temperature', 'OUT_OF_RANGE'],
    ['input.results[0].value', 'OUT_OF_RANGE'],
    ['input.results[1].value', 'OUT_OF_RANGE'],
    ['input.results[1].atCycle', 'OUT_OF_RANGE'],
  ],
  checkRecord: (r) =>
    expect(r).toMatchObject({
      cellType: 'HALF',
      components: [
        { role: 'CATHODE', material: { id: expect.any(String) } },
        { role: 'ELECTROLYTE', material: { id: LGPS } },
      ],
      conditions: { temperatureK: 298.15, cRate: '0.1C' },
      results: [
        { property: 'SPECIFIC_CAPACITY', value: 120, atCycle: 1 },
        { property: 'CAPACITY_RETENTION', value: 85, atCycle: 100 },
      ],
      source: { kind: 'CURATED' },
      publication: { doi: DOI },
    }),
};

describe.each([
  ['addInterphaseObservation', OBSERVATION],
  ['addCoatingApplication', COATING],
  ['addCellResult', CELL],
])('%s', (_name, k) => {
  const add = (input: Record<string, unknown>, key = contributor.key) =>
    mutate(k.mutation, `mutation($input: ${k.input}!) { ${k.mutation}(input: $input) { ${PAYLOAD} record { ${k.record} } } }`, { input }, key);
  let before: GraphSnapshot;
  let id: string;
  const changeSets: string[] = [];

  beforeAll(async () => {
    before = await snapshot(server.db, { withoutAudit: true });
  });

  it('needs a key: UNAUTHENTICATED without one, nothing written', async () => {
    const anonymous = await server.gql(`mutation($input: ${k.input}!) { ${k.mutation}(input: $input) { ok } }`, { input: k.good });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });

  it('bad fields: each named by its path, nothing written', async () => {
    const p = await add(k.bad);
    expect(p).toMatchObject({ ok: false, status: 'INVALID', id: null, changeSetId: null });
    for (const [field, code] of k.badFields) expect(p.errors, JSON.stringify(p.errors)).toContainEqual(expect.objectContaining({ field, code }));
    const missing = await add({ ...k.good, provenance: null });
    expect(missing.errors).toEqual([expect.objectContaining({ field: 'input.provenance', code: 'REQUIRED' })]);
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });

  it('an addition is read by its list at once, as added', async () => {
    if (k.created) expect(await k.created()).toEqual([]);
    const p = await add(k.good);
    expect(p, JSON.stringify(p.errors)).toMatchObject({ ok: true, status: 'ADDED', errors: [], duplicateOf: null });
    id = p.id!;
    changeSets.push(p.changeSetId!);
    expect(id).toMatch(/^curated:/);
    k.checkRecord(p.record!);
    expect(await k.listIds()).toContain(id);
    if (k.created) expect(await k.created()).toHaveLength(1);
  });

  it('a repeat is a DUPLICATE naming the first, and writes nothing', async () => {
    const now = await snapshot(server.db, { withoutAudit: true });
    const p = await add(k.good, curator.key);
    expect(p).toMatchObject({ ok: false, status: 'DUPLICATE', id, duplicateOf: id, changeSetId: null });
    expect(p.record).toMatchObject({ id });
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(now);
  });

  it('a retraction takes it out of its list', async () => {
    const p = await retract(id);
    expect(p).toMatchObject({ ok: true, status: 'RETRACTED', id });
    changeSets.push(p.changeSetId!);
    expect(await k.listIds()).not.toContain(id);
  });

  it('reverting the retraction brings it back; reverting the addition gives the graph back exactly', async () => {
    expect(await revert(changeSets[1]!)).toMatchObject({ ok: true, status: 'REVERTED' });
    expect(await k.listIds()).toContain(id);
    expect(await revert(changeSets[0]!)).toMatchObject({ ok: true, status: 'REVERTED' });
    expect(await k.listIds()).not.toContain(id);
    if (k.created) expect(await k.created()).toEqual([]);
    expect(await snapshot(server.db, { withoutAudit: true })).toEqual(before);
  });
});
