/**
 * Proposals for every kind of fact added through the API (besides measurements, which curation.facts.test.ts
 * covers), end to end over HTTP with real API keys on a server with PROPOSALS_REQUIRED=true: a contributor's
 * addition is PROPOSED and read by no path that reads its kind; the same addition again is a DUPLICATE of the
 * proposal; a contributor cannot accept or reject (FORBIDDEN); accepted by a curator it is read by every such
 * path and its history is [PROPOSED/PROPOSE, CURRENT/ACCEPT]; a rejected proposal keeps its reason and stays
 * unread; reverting every change set, newest first, gives the graph back exactly (the audit trail aside). The
 * interface a new observation creates is listed only while a current observation is at it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { createTestKey, revokeTestKey, type TestKey } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** What a revert keeps (the audit trail, the keys, former versions) is left out of the comparison. */
const AUDIT = ['ChangeSet', 'Change', 'ApiKey', 'FactVersion', 'CurationLock'];
const LGPS = 'Ge1Li10P2S12';
// a DOI no dataset, review or other test names (the 10.5555 prefix is reserved for examples)
const DOI = '10.5555/interphase-curation-test.proposals';
const CITATION = { authors: 'Doe, J.; Roe, R.', title: 'Made-up proposals about LGPS for a test', journal: 'J. Test. Chem.', year: 2026, volume: '3', firstPage: '303' };
const PROVENANCE = { doi: DOI, citation: CITATION, quote: 'as printed' };

let server: TestServer;
let contributor: TestKey;
let curator: TestKey;
let before: GraphSnapshot;

beforeAll(async () => {
  server = await startTestServer({ MUTATIONS: 'loopback', PROPOSALS_REQUIRED: 'true' });
  await server.graphReady;
  contributor = await createTestKey('contributor', 'proposals test contributor');
  curator = await createTestKey('curator', 'proposals test curator');
  before = await snapshot(server.db, AUDIT);
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
  duplicateOf: string | null;
  changeSetId: string | null;
  record?: { id: string } | null;
}
type Version = { version: number; status: string; reason: string | null; action: string | null };

const PAYLOAD = 'ok status id errors { field problem code } duplicateOf changeSetId';

async function mutate(field: string, query: string, variables: Record<string, unknown>, key: string): Promise<Payload> {
  const res = await server.gql<Record<string, Payload>>(query, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![field]!;
}

const ACCEPT = `mutation($id: ID!) { acceptProposal(id: $id) { ${PAYLOAD} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectProposal(id: $id, reason: $reason) { ${PAYLOAD} } }`;
const accept = (id: string) => mutate('acceptProposal', ACCEPT, { id }, curator.key);
const reject = (id: string, reason: string) => mutate('rejectProposal', REJECT, { id, reason }, curator.key);
const revert = (id: string) =>
  mutate('revertChangeSet', `mutation($id: ID!, $reason: String!) { revertChangeSet(id: $id, reason: $reason) { ${PAYLOAD} } }`, { id, reason: 'test clean-up' }, curator.key);

async function history(id: string): Promise<Version[] | null> {
  const res = await server.gql<{ factHistory: Version[] | null }>('query($id: ID!) { factHistory(id: $id) { version status reason action } }', { id });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.factHistory;
}

/** The ids a query's answer holds at `path` (dotted; a list on the way is flattened). */
async function idsAt(query: string, path: string): Promise<string[]> {
  const res = await server.gql<Record<string, unknown>>(query);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  let values: unknown[] = [res.data];
  for (const step of path.split('.')) values = values.flatMap((v) => (v == null ? [] : ((v as Record<string, unknown>)[step] as unknown))).flat();
  return values.map((v) => (v as { id: string }).id);
}

/** One kind: its mutation and input type, a good input, another (not a repeat of it) to reject, and the read paths of the kind, each a query and where its ids are. */
interface Kind {
  mutation: string;
  input: string;
  good: Record<string, unknown>;
  other: Record<string, unknown>;
  paths: Record<string, [query: string, path: string]>;
}

const WINDOW = { material: LGPS, reduction: 1.71, oxidation: 2.14, scale: 'LI', method: 'COMPUTED_THERMODYNAMIC', provenance: PROVENANCE };
const CLAIM = {
  kind: 'MECHANISM',
  statement: 'LGPS is reduced at the Li anode to Li2S, Li3P and Li-Ge alloys (a test proposal).',
  materials: [LGPS, 'Li7La3Zr2O12'],
  families: ['LGPS'],
  provenance: PROVENANCE,
};
const OBSERVATION = {
  electrolyte: 'LGPS',
  counterpart: 'Li3PS4',
  products: ['Li3P', 'Li2S'],
  potential: 0.5,
  thickness: 0.02,
  thicknessUnit: 'µm',
  interphaseType: 'TYPE_2_MIXED_CONDUCTING',
  characterText: 'a made-up mixed-conducting interphase (a test proposal)',
  evidence: [{ technique: 'XPS', text: 'Li3P and Li2S signals' }],
  provenance: PROVENANCE,
};
const COATING = {
  coating: 'LiNbO3',
  substrate: 'LiCoO2',
  electrolyte: 'LGPS',
  role: 'CATHODE_COATING',
  method: 'SOL_GEL',
  thickness: 7,
  effectText: 'a made-up lower interfacial resistance (a test proposal)',
  effects: [{ property: 'AREA_SPECIFIC_RESISTANCE', before: 1000, after: 50, unit: 'Ω cm2' }],
  provenance: PROVENANCE,
};
const CELL = {
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
  resultText: 'a made-up 120 mAh/g, 85 % after 100 cycles (a test proposal)',
  provenance: PROVENANCE,
};

const KINDS: [string, Kind][] = [
  [
    'addReportedWindow',
    {
      mutation: 'addReportedWindow',
      input: 'AddReportedWindowInput',
      good: WINDOW,
      other: { ...WINDOW, oxidation: 2.5 },
      paths: {
        'material.reportedStabilityWindows': [`{ material(id: "${LGPS}") { reportedStabilityWindows { id } } }`, 'material.reportedStabilityWindows'],
        reportedStabilityWindows: [`{ reportedStabilityWindows(where: { material: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'reportedStabilityWindows.edges.node'],
      },
    },
  ],
  [
    'addClaim',
    {
      mutation: 'addClaim',
      input: 'AddClaimInput',
      good: CLAIM,
      other: { ...CLAIM, statement: 'LGPS is stable against Li metal (a test proposal to reject).' },
      paths: {
        'material.claims': [`{ material(id: "${LGPS}") { claims { id } } }`, 'material.claims'],
        claims: [`{ claims(where: { material: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'claims.edges.node'],
      },
    },
  ],
  [
    'addInterphaseObservation',
    {
      mutation: 'addInterphaseObservation',
      input: 'AddInterphaseObservationInput',
      good: OBSERVATION,
      other: { ...OBSERVATION, potential: 0.2 },
      paths: {
        interphaseObservations: [`{ interphaseObservations(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'interphaseObservations.edges.node'],
        'interfaces.observations': [
          `{ interfaces(where: { electrolyte: "${LGPS}", counterpart: "Li3PS4" }, first: 10) { edges { node { observations { id } } } } }`,
          'interfaces.edges.node.observations',
        ],
      },
    },
  ],
  [
    'addCoatingApplication',
    {
      mutation: 'addCoatingApplication',
      input: 'AddCoatingApplicationInput',
      good: COATING,
      other: { ...COATING, thickness: 12 },
      paths: {
        coatingApplications: [`{ coatingApplications(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'coatingApplications.edges.node'],
        'material.coatingApplications': [`{ material(id: "${LGPS}") { coatingApplications { id } } }`, 'material.coatingApplications'],
      },
    },
  ],
  [
    'addCellResult',
    {
      mutation: 'addCellResult',
      input: 'AddCellResultInput',
      good: CELL,
      other: { ...CELL, results: [{ property: 'SPECIFIC_CAPACITY', value: 95, unit: 'mAh/g', atCycle: 1 }] },
      paths: {
        cells: [`{ cells(where: { electrolyte: "${LGPS}" }, first: 1000) { edges { node { id } } } }`, 'cells.edges.node'],
        'material.cells': [`{ material(id: "${LGPS}") { cells { id } } }`, 'material.cells'],
      },
    },
  ],
];

describe.each(KINDS)('%s with PROPOSALS_REQUIRED=true', (_name, k) => {
  const add = (input: Record<string, unknown>, key = contributor.key) =>
    mutate(k.mutation, `mutation($input: ${k.input}!) { ${k.mutation}(input: $input) { ${PAYLOAD} record { id } } }`, { input }, key);
  /** The names of the kind's read paths that list `id`. */
  const readBy = async (id: string) => {
    const seen: string[] = [];
    for (const [name, [query, path]] of Object.entries(k.paths)) if ((await idsAt(query, path)).includes(id)) seen.push(name);
    return seen;
  };
  const changeSets: string[] = [];
  const reverted = new Set<string>();
  let proposal: Payload;
  let other: Payload;
  /** Notes a write's change set before anything is asserted about it, so that a failure is still cleaned up. */
  const track = (p: Payload) => {
    if (p.changeSetId) changeSets.push(p.changeSetId);
  };

  // whatever failed, the change sets not yet reverted are, newest first (other files share the graph)
  afterAll(async () => {
    for (const cs of [...changeSets].reverse()) if (!reverted.has(cs)) await revert(cs).catch(() => undefined);
  });

  it("a contributor's addition is PROPOSED and read by no path of its kind", async () => {
    proposal = await add(k.good);
    track(proposal);
    expect(proposal, JSON.stringify(proposal.errors)).toMatchObject({ ok: true, status: 'PROPOSED', errors: [], duplicateOf: null, record: null });
    expect(proposal.id).toMatch(/^curated:/);
    expect(await readBy(proposal.id!)).toEqual([]);
    expect((await history(proposal.id!))!.map((v) => [v.version, v.status, v.action])).toEqual([[1, 'PROPOSED', 'PROPOSE']]);
  });

  it('the same addition again is a DUPLICATE of the proposal and writes nothing', async () => {
    const now = await snapshot(server.db, AUDIT);
    const again = await add(k.good);
    track(again);
    expect(again).toMatchObject({ ok: false, status: 'DUPLICATE', duplicateOf: proposal.id, changeSetId: null });
    expect(await snapshot(server.db, AUDIT)).toEqual(now);
  });

  it('a contributor can neither accept nor reject it: FORBIDDEN, still a proposal', async () => {
    for (const [query, variables] of [
      [ACCEPT, { id: proposal.id }],
      [REJECT, { id: proposal.id, reason: 'not mine to judge' }],
    ] as const) {
      const res = await server.gql(query, variables, contributor.key);
      expect(res.status).toBe(403);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await history(proposal.id!))!.map((v) => v.status)).toEqual(['PROPOSED']);
    expect(await readBy(proposal.id!)).toEqual([]);
  });

  it('accepted by a curator: ACCEPTED, read by every path, history [PROPOSED/PROPOSE, CURRENT/ACCEPT]', async () => {
    const accepted = await accept(proposal.id!);
    track(accepted);
    expect(accepted, JSON.stringify(accepted.errors)).toMatchObject({ ok: true, status: 'ACCEPTED', id: proposal.id });
    expect(await readBy(proposal.id!)).toEqual(Object.keys(k.paths));
    expect((await history(proposal.id!))!.map((v) => [v.status, v.action])).toEqual([
      ['PROPOSED', 'PROPOSE'],
      ['CURRENT', 'ACCEPT'],
    ]);
    expect((await accept(proposal.id!)).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
  });

  it('another proposal rejected: REJECTED with its reason in its history, read by no path', async () => {
    other = await add(k.other);
    track(other);
    expect(other, JSON.stringify(other.errors)).toMatchObject({ ok: true, status: 'PROPOSED' });
    expect(other.id).not.toBe(proposal.id);
    const rejected = await reject(other.id!, 'not in the cited paper (a test)');
    track(rejected);
    expect(rejected, JSON.stringify(rejected.errors)).toMatchObject({ ok: true, status: 'REJECTED', id: other.id });
    const versions = (await history(other.id!))!;
    expect(versions.map((v) => [v.status, v.action])).toEqual([
      ['PROPOSED', 'PROPOSE'],
      ['REJECTED', 'REJECT'],
    ]);
    expect(versions.at(-1)!.reason).toBe('not in the cited paper (a test)');
    expect(await readBy(other.id!)).toEqual([]);
    expect((await accept(other.id!)).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
    expect(await readBy(proposal.id!)).toEqual(Object.keys(k.paths));
  });

  it('reverting every change set, newest first, gives the graph back (the audit trail aside)', async () => {
    expect(changeSets).toHaveLength(4);
    for (const cs of [...changeSets].reverse()) {
      expect(await revert(cs)).toMatchObject({ ok: true, status: 'REVERTED', id: cs });
      reverted.add(cs);
    }
    expect(await history(proposal.id!)).toBeNull();
    expect(await history(other.id!)).toBeNull();
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('the interface an interphase observation creates', () => {
  const OBSERVE = `mutation($input: AddInterphaseObservationInput!) { addInterphaseObservation(input: $input) { ${PAYLOAD} } }`;
  const RETRACT = `mutation($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { ${PAYLOAD} } }`;
  const changeSets: string[] = [];
  const reverted = new Set<string>();
  const track = (p: Payload) => {
    if (p.changeSetId) changeSets.push(p.changeSetId);
    return p;
  };
  // the composition keys of the counterparts (an interface's id is '<electrolyte id>|<counterpart id>')
  const ID_OF: Record<string, string> = { Li3PS4: 'Li3P1S4', Li2S: 'Li2S1' };
  /** The ids of the interfaces listed between LGPS and `counterpart`, by the root list and by the material's field. */
  const listed = async (counterpart: string) => {
    const counterpartId = ID_OF[counterpart];
    return {
      root: await idsAt(`{ interfaces(where: { electrolyte: "${LGPS}", counterpart: "${counterpart}" }, first: 10) { edges { node { id } } } }`, 'interfaces.edges.node'),
      material: (await idsAt(`{ material(id: "${LGPS}") { interfaces { id } } }`, 'material.interfaces')).filter((id) => id === `${LGPS}|${counterpartId}`),
    };
  };
  const none = { root: [], material: [] };

  afterAll(async () => {
    for (const cs of [...changeSets].reverse()) if (!reverted.has(cs)) await revert(cs).catch(() => undefined);
  });

  it('is listed only while a current observation is at it: proposed no, accepted yes, retracted no, the retraction reverted yes', async () => {
    expect(await listed('Li3PS4')).toEqual(none);
    const proposal = track(await mutate('addInterphaseObservation', OBSERVE, { input: OBSERVATION }, contributor.key));
    expect(proposal, JSON.stringify(proposal.errors)).toMatchObject({ ok: true, status: 'PROPOSED' });
    expect(await listed('Li3PS4')).toEqual(none);

    track(await accept(proposal.id!));
    const id = `${LGPS}|${ID_OF.Li3PS4}`;
    expect(await listed('Li3PS4')).toEqual({ root: [id], material: [id] });

    const retracted = track(await mutate('retractFact', RETRACT, { id: proposal.id, reason: 'a test retraction' }, curator.key));
    expect(retracted, JSON.stringify(retracted.errors)).toMatchObject({ ok: true, status: 'RETRACTED' });
    expect(await listed('Li3PS4')).toEqual(none);

    expect(await revert(retracted.changeSetId!)).toMatchObject({ ok: true, status: 'REVERTED' });
    reverted.add(retracted.changeSetId!);
    expect(await listed('Li3PS4')).toEqual({ root: [id], material: [id] });
  });

  it('a rejected proposal leaves its interface unlisted', async () => {
    expect(await listed('Li2S')).toEqual(none);
    const proposal = track(await mutate('addInterphaseObservation', OBSERVE, { input: { ...OBSERVATION, counterpart: 'Li2S', products: ['Li3P'] } }, contributor.key));
    expect(proposal, JSON.stringify(proposal.errors)).toMatchObject({ ok: true, status: 'PROPOSED' });
    const rejected = track(await reject(proposal.id!, 'not in the cited paper (a test)'));
    expect(rejected).toMatchObject({ ok: true, status: 'REJECTED' });
    expect(await listed('Li2S')).toEqual(none);
  });

  it('reverting the change sets, newest first, removes both interfaces: the graph as before', async () => {
    for (const cs of [...changeSets].reverse()) {
      if (reverted.has(cs)) continue;
      expect(await revert(cs)).toMatchObject({ ok: true, status: 'REVERTED', id: cs });
      reverted.add(cs);
    }
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

it('the graph is as before the file ran (the audit trail aside)', async () => {
  expect(await snapshot(server.db, AUDIT)).toEqual(before);
});
