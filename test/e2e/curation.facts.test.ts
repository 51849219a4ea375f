/**
 * Facts added and changed through the API, end to end over HTTP with real API keys: an addition is read by
 * the lists at once; a repeat is reported, not stored; a correction is a new version (the lists read it, the
 * history keeps both); a retraction leaves the lists and stays in the history with its reason; a proposal is
 * read by no list until a curator accepts it; every bad field is named and nothing is written; reverting
 * every change set in reverse order gives the graph back exactly (the audit trail aside).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMOVE_ORPHANS } from '../../src/graph/materialSources.js';
import { snapshot, type GraphSnapshot } from '../support/graphSnapshot.js';
import { createTestKey, type TestKey } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** What a revert keeps (the audit trail, the keys, former versions) is left out of the comparison. */
const AUDIT = ['ChangeSet', 'Change', 'ApiKey', 'FactVersion', 'CurationLock'];
const LGPS = 'Ge1Li10P2S12';
// a DOI no dataset or review names (the 10.5555 prefix is reserved for examples)
const DOI = '10.5555/interphase-curation-test.1';
const CITATION = { authors: 'Doe, J.; Roe, R.', title: 'A made-up conductivity of LGPS for a test', journal: 'J. Test. Chem.', year: 2026, volume: '1', firstPage: '101' };

let server: TestServer;
let contributor: TestKey;
let curator: TestKey;
let before: GraphSnapshot;

beforeAll(async () => {
  server = await startTestServer({ MUTATIONS: 'loopback' });
  await server.graphReady;
  contributor = await createTestKey('contributor', 'facts test contributor');
  curator = await createTestKey('curator', 'facts test curator');
  before = await snapshot(server.db, AUDIT);
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
  history?: { version: number; status: string; reason: string | null; action: string | null; props: string }[];
}

const PAYLOAD = 'ok status id errors { field problem code } duplicateOf changeSetId';
const MEASUREMENT_FIELDS = 'id value unit qualifier temperatureK contribution method conditionsOther source { kind } publication { doi title }';
const HISTORY = 'history { version status reason action props }';

async function mutate(field: string, query: string, variables: Record<string, unknown>, key: string | undefined): Promise<Payload> {
  const res = await server.gql<Record<string, Payload>>(query, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![field]!;
}

const addMeasurement = (input: Record<string, unknown>, key = contributor.key) =>
  mutate('addMeasurement', `mutation($input: AddMeasurementInput!) { addMeasurement(input: $input) { ${PAYLOAD} record { ${MEASUREMENT_FIELDS} } } }`, { input }, key);
const addMaterial = (input: Record<string, unknown>, key = contributor.key) =>
  mutate('addMaterial', `mutation($input: AddMaterialInput!) { addMaterial(input: $input) { ${PAYLOAD} record { id name formula family } } }`, { input }, key);
const addPublication = (input: Record<string, unknown>, key = contributor.key) =>
  mutate('addPublication', `mutation($input: AddPublicationInput!) { addPublication(input: $input) { ${PAYLOAD} record { key doi title year } } }`, { input }, key);
const correct = (id: string, changes: Record<string, unknown>, reason: string, key = curator.key) =>
  mutate(
    'correctMeasurement',
    `mutation($id: ID!, $changes: MeasurementCorrectionInput!, $reason: String!) { correctMeasurement(id: $id, changes: $changes, reason: $reason) { ${PAYLOAD} record { ${MEASUREMENT_FIELDS} } } }`,
    { id, changes, reason },
    key,
  );
const retract = (id: string, reason: string, key = curator.key) =>
  mutate('retractFact', `mutation($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { ${PAYLOAD} ${HISTORY} } }`, { id, reason }, key);
const accept = (id: string, key = curator.key) => mutate('acceptProposal', `mutation($id: ID!) { acceptProposal(id: $id) { ${PAYLOAD} ${HISTORY} } }`, { id }, key);
const reject = (id: string, reason: string, key = curator.key) =>
  mutate('rejectProposal', `mutation($id: ID!, $reason: String!) { rejectProposal(id: $id, reason: $reason) { ${PAYLOAD} ${HISTORY} } }`, { id, reason }, key);
const revert = (id: string, key = curator.key) =>
  mutate('revertChangeSet', `mutation($id: ID!, $reason: String!) { revertChangeSet(id: $id, reason: $reason) { ${PAYLOAD} } }`, { id, reason: 'test clean-up' }, key);

async function history(id: string): Promise<Payload['history']> {
  const res = await server.gql<{ factHistory: Payload['history'] }>('query($id: ID!) { factHistory(id: $id) { factId version status reason action at keyId props } }', { id });
  expect(res.errors).toBeUndefined();
  return res.data!.factHistory;
}

/** The ids of LGPS's ionic conductivities, through the material and through the root list. */
async function lgpsConductivityIds(): Promise<{ viaMaterial: string[]; viaList: string[] }> {
  const res = await server.gql<{ material: { measurements: { id: string }[] }; measurements: { edges: { node: { id: string } }[] } }>(
    `{ material(id: "${LGPS}") { measurements(property: IONIC_CONDUCTIVITY, first: 1000) { id } }
       measurements(where: { material: "${LGPS}", property: IONIC_CONDUCTIVITY }, first: 1000) { edges { node { id } } } }`,
  );
  expect(res.errors).toBeUndefined();
  return { viaMaterial: res.data!.material.measurements.map((m) => m.id), viaList: res.data!.measurements.edges.map((e) => e.node.id) };
}

const GOOD = {
  material: LGPS,
  property: 'IONIC_CONDUCTIVITY',
  value: 13.7,
  unit: 'mS/cm',
  temperature: 27,
  temperatureUnit: '°C',
  contribution: 'TOTAL',
  method: 'impedance spectroscopy',
  provenance: { doi: DOI, citation: CITATION, quote: 'σ = 13.7 mS cm⁻¹ at 27 °C' },
};

describe('writes need a key with the role', () => {
  it('UNAUTHENTICATED without a key, FORBIDDEN for a contributor correcting; nothing written', async () => {
    const anonymous = await server.gql('mutation($input: AddMeasurementInput!) { addMeasurement(input: $input) { ok } }', { input: GOOD });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forbidden = await server.gql('mutation { retractFact(id: "obelix:jqc", reason: "no") { ok } }', {}, contributor.key);
    expect(forbidden.status).toBe(403);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('bad submissions: the field is named, nothing is written', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an unknown unit', { unit: 'furlongs' }, 'input.unit', 'UNKNOWN_UNIT'],
    ['σ = 0', { value: 0 }, 'input.value', 'OUT_OF_RANGE'],
    ['σ < 0', { value: -1 }, 'input.value', 'OUT_OF_RANGE'],
    ['T = 0 K', { temperature: 0, temperatureUnit: 'K' }, 'input.temperature', 'OUT_OF_RANGE'],
    ['T below 0 K', { temperature: -300, temperatureUnit: '°C' }, 'input.temperature', 'OUT_OF_RANGE'],
    ['a potential of 500 V', { property: 'VOLTAGE', value: 500, unit: 'V' }, 'input.value', 'OUT_OF_RANGE'],
    ['a fraction of 1.5', { property: 'TRANSFERENCE_NUMBER', value: 1.5, unit: null }, 'input.value', 'OUT_OF_RANGE'],
    ['no provenance', { provenance: null }, 'input.provenance', 'REQUIRED'],
    ['a citation that is not full', { provenance: { citation: { authors: 'Doe, J.' } } }, 'input.provenance.citation.title', 'REQUIRED'],
    ['a malformed DOI', { provenance: { doi: 'not/a doi' } }, 'input.provenance.doi', 'MALFORMED'],
    ['an unknown publication', { provenance: { doi: '10.5555/no-such-paper' } }, 'input.provenance.doi', 'NOT_FOUND'],
    ['an unknown material id', { material: 'Li9Xq2' }, 'input.material', 'NOT_FOUND'],
    ['a material not in the graph', { material: 'Li97Ge3P2S12' }, 'input.material', 'NOT_FOUND'],
    ['a text of 100 kB', { method: 'x'.repeat(100_000) }, 'input.method', 'TOO_LONG'],
  ];

  it.each(cases)('%s', async (_name, change, field, code) => {
    const p = await addMeasurement({ ...GOOD, ...change });
    expect(p).toMatchObject({ ok: false, status: 'INVALID', id: null, changeSetId: null, record: null });
    expect(p.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(p.errors.every((e) => e.problem.length < 400)).toBe(true);
  });

  it('a malformed formula, an empty reason, an unknown fact', async () => {
    expect((await addMaterial({ formula: 'Li3Xx(' })).errors).toEqual([expect.objectContaining({ field: 'input.formula', code: 'MALFORMED' })]);
    expect((await addPublication({ citation: { authors: 'Doe, J.', year: 2026 } })).errors.map((e) => e.field).sort()).toEqual([
      'input.citation.journal',
      'input.citation.title',
    ]);
    expect((await retract('no-such-fact', 'x')).errors).toEqual([expect.objectContaining({ field: 'id', code: 'NOT_FOUND' })]);
    expect((await retract('obelix:jqc', '')).errors).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
  });

  it('left the graph as it was', async () => {
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('add, repeat, correct, retract, revert', () => {
  let id: string;
  let added: GraphSnapshot;
  const changeSets: string[] = [];

  it('an addition is read by the lists at once, with its publication created from the citation', async () => {
    const hostile = "') MATCH (n) DETACH DELETE n //";
    const p = await addMeasurement({ ...GOOD, conditions: hostile });
    expect(p).toMatchObject({ ok: true, status: 'ADDED', errors: [], duplicateOf: null });
    id = p.id!;
    changeSets.push(p.changeSetId!);
    expect(p.record).toMatchObject({
      id,
      value: 0.0137,
      unit: 'S/cm',
      qualifier: 'EQUAL',
      temperatureK: 300.15,
      contribution: 'TOTAL',
      conditionsOther: hostile,
      source: { kind: 'CURATED' },
      publication: { doi: DOI, title: CITATION.title },
    });
    const ids = await lgpsConductivityIds();
    expect(ids.viaMaterial).toContain(id);
    expect(ids.viaList).toContain(id);
    const pub = await server.gql<{ publication: { measurements: { id: string }[] } }>(`{ publication(doi: "${DOI}") { measurements { id } } }`);
    expect(pub.data?.publication.measurements.map((m) => m.id)).toEqual([id]);
    added = await snapshot(server.db, AUDIT);
    expect(added.nodes.Publication).toBe(before.nodes.Publication! + 1);
    expect(added.relationships.REPORTED_BY).toBe(before.relationships.REPORTED_BY! + 1);
  });

  it('the same value of the same material, property, conditions and publication is a DUPLICATE, not stored twice', async () => {
    const now = await snapshot(server.db, AUDIT);
    // the same value in other units: 0.0137 S/cm at 300.15 K
    const p = await addMeasurement({ ...GOOD, value: 0.0137, unit: 'S/cm', temperature: 300.15, temperatureUnit: 'K', provenance: { doi: DOI } });
    expect(p).toMatchObject({ ok: false, status: 'DUPLICATE', duplicateOf: id, changeSetId: null, record: { id } });
    expect(await snapshot(server.db, AUDIT)).toEqual(now);
    // another temperature is another measurement (checked, then not sent)
    const publication = await addPublication({ doi: DOI });
    expect(publication).toMatchObject({ ok: false, status: 'DUPLICATE', duplicateOf: `doi:${DOI}`, record: { doi: DOI, year: 2026 } });
  });

  it('a correction is a new version: the lists read the new value, the history keeps both', async () => {
    const p = await correct(id, { value: 12.1, unit: 'mS/cm' }, 'misread the table: 12.1, not 13.7');
    expect(p).toMatchObject({ ok: true, status: 'CORRECTED', id, record: { id, value: 0.0121, temperatureK: 300.15 } });
    changeSets.push(p.changeSetId!);
    const res = await server.gql<{ material: { measurements: { id: string; value: number }[] } }>(
      `{ material(id: "${LGPS}") { measurements(property: IONIC_CONDUCTIVITY, first: 1000) { id value } } }`,
    );
    expect(res.data!.material.measurements.filter((m) => m.id === id)).toEqual([{ id, value: 0.0121 }]);
    const versions = (await history(id))!;
    expect(versions.map((v) => [v.version, v.status, v.action])).toEqual([
      [1, 'CURRENT', 'ADD'],
      [2, 'CURRENT', 'CORRECT'],
    ]);
    expect(JSON.parse(versions[0]!.props).value).toBe(0.0137);
    expect(JSON.parse(versions[1]!.props).value).toBe(0.0121);
    expect(versions[1]!.reason).toBe('misread the table: 12.1, not 13.7');
    // a correction that changes nothing, and one with a bad value, are refused
    expect((await correct(id, {}, 'nothing')).errors).toEqual([expect.objectContaining({ field: 'changes', code: 'REQUIRED' })]);
    expect((await correct(id, { value: -3 }, 'negative')).errors).toEqual([expect.objectContaining({ field: 'changes.value', code: 'OUT_OF_RANGE' })]);
  });

  it('a retraction leaves every list; the history shows it with its reason', async () => {
    const p = await retract(id, 'the paper was withdrawn');
    expect(p).toMatchObject({ ok: true, status: 'RETRACTED', id });
    changeSets.push(p.changeSetId!);
    expect(p.history!.map((v) => [v.version, v.status])).toEqual([
      [1, 'CURRENT'],
      [2, 'CURRENT'],
      [3, 'RETRACTED'],
    ]);
    expect(p.history![2]!.reason).toBe('the paper was withdrawn');
    const ids = await lgpsConductivityIds();
    expect(ids.viaMaterial).not.toContain(id);
    expect(ids.viaList).not.toContain(id);
    const pub = await server.gql<{ publication: { measurements: { id: string }[] } }>(`{ publication(doi: "${DOI}") { measurements { id } } }`);
    expect(pub.data?.publication.measurements).toEqual([]);
    // a retracted fact is not corrected, nor retracted twice
    expect((await correct(id, { value: 1 }, 'late')).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
    expect((await retract(id, 'again')).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
  });

  it('reverting the change sets in reverse order gives the graph back (the audit trail aside)', async () => {
    // not out of order: the addition was changed since
    expect((await revert(changeSets[0]!)).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
    const [add, ...changes] = changeSets;
    for (const cs of changes.reverse()) expect(await revert(cs)).toMatchObject({ ok: true, status: 'REVERTED', id: cs });
    // the retraction and the correction undone: the measurement as added (its labels, values and version)
    expect(await snapshot(server.db, AUDIT)).toEqual(added);
    expect((await history(id))!.map((v) => [v.version, v.status])).toEqual([[1, 'CURRENT']]);
    expect((await lgpsConductivityIds()).viaList).toContain(id);
    expect(await revert(add!)).toMatchObject({ ok: true, status: 'REVERTED', id: add });
    expect((await revert(changeSets[0]!)).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
    expect(await history(id)).toBeNull();
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('a new material and publication', () => {
  it('are added, found by name, credited, and reverted', async () => {
    const material = await addMaterial({ formula: 'Li2.9In0.35Sc0.3Cl6', name: 'TestLISC-curated', family: 'HALIDE' });
    expect(material).toMatchObject({ ok: true, status: 'ADDED', id: 'Cl120In7Li58Sc6', record: { id: 'Cl120In7Li58Sc6', name: 'TestLISC-curated', formula: 'Li2.9In0.35Sc0.3Cl6' } });
    // the same composition in another notation is the same material
    expect(await addMaterial({ formula: 'Li58In7Sc6Cl120' })).toMatchObject({ status: 'DUPLICATE', duplicateOf: 'Cl120In7Li58Sc6' });
    const publication = await addPublication({ doi: 'https://doi.org/10.5555/INTERPHASE-CURATION-TEST.2', citation: { title: 'A made-up halide', year: 2025 } });
    expect(publication).toMatchObject({ ok: true, status: 'ADDED', id: 'doi:10.5555/interphase-curation-test.2', record: { doi: '10.5555/interphase-curation-test.2' } });
    const m = await addMeasurement({ material: 'TestLISC-curated', property: 'IONIC_CONDUCTIVITY', value: 1.2e-3, unit: 'S cm-1', provenance: { doi: '10.5555/interphase-curation-test.2' } });
    expect(m).toMatchObject({ ok: true, status: 'ADDED', record: { value: 0.0012, temperatureK: null } });
    const read = await server.gql<{ material: { name: string; measurements: { id: string }[] } }>('{ material(id: "Cl120In7Li58Sc6") { name measurements { id } } }');
    expect(read.data!.material).toEqual({ name: 'TestLISC-curated', measurements: [{ id: m.id }] });
    for (const cs of [m.changeSetId!, publication.changeSetId!, material.changeSetId!]) expect(await revert(cs)).toMatchObject({ ok: true });
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('a publication added on its own', () => {
  it('stays when an import removes the publications nothing refers to', async () => {
    const p = await addPublication({ citation: { ...CITATION, title: 'A made-up paper nothing credits yet', firstPage: '202' } });
    expect(p).toMatchObject({ ok: true, status: 'ADDED', id: 'pub:doe-2026-1-202' });
    await server.db.write(REMOVE_ORPHANS);
    const read = await server.gql<{ publications: { edges: { node: { key: string } }[] } }>('{ publications(where: { titleContains: "nothing credits yet" }, first: 5) { edges { node { key } } } }');
    expect(read.errors).toBeUndefined();
    expect(read.data!.publications.edges.map((e) => e.node.key)).toEqual(['pub:doe-2026-1-202']);
    expect(await revert(p.changeSetId!)).toMatchObject({ ok: true });
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('a variant', () => {
  const LLZO = 'La3Li7O12Zr2';
  const variantOf = (input: Record<string, unknown>) =>
    mutate('addVariant', `mutation($input: AddVariantInput!) { addVariant(input: $input) { ${PAYLOAD} record { id polymorph form dopants { element site amount } material { id } } } }`, { input }, contributor.key);

  it('is added (an existing one reported), measured, and reverted', async () => {
    expect((await variantOf({ material: LLZO, dopants: [{ element: 'Xx' }] })).errors).toEqual([expect.objectContaining({ field: 'input.dopants[0].element', code: 'MALFORMED' })]);
    expect((await variantOf({ material: LLZO })).errors).toEqual([expect.objectContaining({ field: 'input.polymorph', code: 'REQUIRED' })]);
    expect(await variantOf({ material: LLZO, polymorph: 'cubic' })).toMatchObject({ status: 'DUPLICATE', duplicateOf: `${LLZO}|polymorph=cubic` });
    const v = await variantOf({ material: 'LLZO', form: 'thin film', dopants: [{ element: 'Ga', site: 'Li', amount: '0.25' }], label: 'Ga-LLZO film (test)' });
    expect(v).toMatchObject({
      ok: true,
      status: 'ADDED',
      id: `${LLZO}|form=thin film;dopants=Ga@Li:0.25|api`,
      record: { form: 'thin film', polymorph: null, dopants: [{ element: 'Ga', site: 'Li', amount: '0.25' }], material: { id: LLZO } },
    });
    expect(await variantOf({ material: LLZO, form: 'thin film', dopants: [{ element: 'Ga', site: 'Li', amount: '0.25' }] })).toMatchObject({ status: 'DUPLICATE', duplicateOf: v.id });
    const wrong = await addMeasurement({ ...GOOD, variant: v.id });
    expect(wrong.errors).toEqual([expect.objectContaining({ field: 'input.variant', code: 'NOT_FOUND' })]);
    const m = await mutate(
      'addMeasurement',
      `mutation($input: AddMeasurementInput!) { addMeasurement(input: $input) { ${PAYLOAD} record { id variant { id } material { id } } } }`,
      { input: { ...GOOD, material: LLZO, variant: v.id, value: 0.4 } },
      contributor.key,
    );
    expect(m).toMatchObject({ ok: true, record: { variant: { id: v.id }, material: { id: LLZO } } });
    // not while a measurement is about it
    expect((await revert(v.changeSetId!)).errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    for (const cs of [m.changeSetId!, v.changeSetId!]) expect(await revert(cs)).toMatchObject({ ok: true });
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('a reported stability window', () => {
  const windowOf = (input: Record<string, unknown>) =>
    mutate(
      'addReportedWindow',
      `mutation($input: AddReportedWindowInput!) { addReportedWindow(input: $input) { ${PAYLOAD}
         record { id scale method reductionLimit { quantity { value unit } } oxidationLimit { quantity { value unit } } source { kind } publication { doi } } } }`,
      { input },
      contributor.key,
    );
  const windowIds = async () =>
    (await server.gql<{ material: { reportedStabilityWindows: { id: string }[] } }>(`{ material(id: "${LGPS}") { reportedStabilityWindows { id } } }`)).data!.material.reportedStabilityWindows.map(
      (w) => w.id,
    );
  const WINDOW = { material: LGPS, reduction: 1.71, oxidation: 2.14, scale: 'LI', method: 'COMPUTED_THERMODYNAMIC', provenance: { doi: DOI, citation: CITATION } };

  it('a potential out of range, limits the wrong way round, no limit at all: named, nothing written', async () => {
    expect((await windowOf({ ...WINDOW, oxidation: 500 })).errors).toEqual([expect.objectContaining({ field: 'input.oxidation', code: 'OUT_OF_RANGE' })]);
    expect((await windowOf({ ...WINDOW, reduction: 3, oxidation: 2 })).errors).toEqual([expect.objectContaining({ field: 'input.oxidation', code: 'OUT_OF_RANGE' })]);
    expect((await windowOf({ ...WINDOW, reduction: null, oxidation: null })).errors).toEqual([expect.objectContaining({ field: 'input.reduction', code: 'REQUIRED' })]);
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });

  it('is added, read through its material, reported once, retracted and reverted', async () => {
    const added = await windowOf(WINDOW);
    expect(added).toMatchObject({
      ok: true,
      status: 'ADDED',
      record: { scale: 'LI', method: 'COMPUTED_THERMODYNAMIC', reductionLimit: { quantity: { value: 1.71, unit: 'V' } }, oxidationLimit: { quantity: { value: 2.14 } }, source: { kind: 'CURATED' }, publication: { doi: DOI } },
    });
    expect(await windowIds()).toContain(added.id);
    expect(await windowOf({ ...WINDOW, provenance: { doi: DOI } })).toMatchObject({ status: 'DUPLICATE', duplicateOf: added.id });
    const retracted = await retract(added.id!, 'a test');
    expect(retracted).toMatchObject({ ok: true, status: 'RETRACTED' });
    expect(await windowIds()).not.toContain(added.id);
    for (const cs of [retracted.changeSetId!, added.changeSetId!]) expect(await revert(cs)).toMatchObject({ ok: true });
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('a claim', () => {
  const claimOf = (input: Record<string, unknown>) =>
    mutate('addClaim', `mutation($input: AddClaimInput!) { addClaim(input: $input) { ${PAYLOAD} record { id kind statement families materials { id } source { kind } } } }`, { input }, contributor.key);
  const claimIds = async () =>
    (await server.gql<{ material: { claims: { id: string }[] } }>(`{ material(id: "${LGPS}") { claims { id } } }`)).data!.material.claims.map((c) => c.id);
  const CLAIM = {
    kind: 'MECHANISM',
    statement: 'LGPS is reduced at the Li anode to Li2S, Li3P and Li-Ge alloys (a test claim).',
    materials: [LGPS, 'Li7La3Zr2O12'],
    families: ['LGPS'],
    provenance: { doi: DOI, citation: CITATION },
  };

  it('an empty statement, an unknown material: named, nothing written', async () => {
    const p = await claimOf({ ...CLAIM, statement: '  ', materials: [LGPS, 'Li97Ge3P2S12'] });
    expect(p.errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ['input.materials[1]', 'NOT_FOUND'],
      ['input.statement', 'REQUIRED'],
    ]);
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });

  it('is added about its materials, reported once, and reverted', async () => {
    const added = await claimOf(CLAIM);
    expect(added).toMatchObject({ ok: true, status: 'ADDED', record: { kind: 'MECHANISM', statement: CLAIM.statement, families: ['LGPS'], source: { kind: 'CURATED' } } });
    expect((added.record!.materials as { id: string }[]).map((m) => m.id).sort()).toEqual([LGPS, 'La3Li7O12Zr2']);
    expect(await claimIds()).toContain(added.id);
    // the same statement in other case, its materials in another order
    const again = await claimOf({ ...CLAIM, statement: ` ${CLAIM.statement.toUpperCase()}`, materials: ['Li7La3Zr2O12', LGPS], provenance: { doi: DOI } });
    expect(again).toMatchObject({ status: 'DUPLICATE', duplicateOf: added.id });
    expect(await revert(added.changeSetId!)).toMatchObject({ ok: true });
    expect(await claimIds()).not.toContain(added.id);
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

describe('proposals (PROPOSALS_REQUIRED=true)', () => {
  let proposing: TestServer;
  beforeAll(async () => {
    proposing = await startTestServer({ MUTATIONS: 'loopback', PROPOSALS_REQUIRED: 'true' });
  }, 120_000);
  afterAll(async () => proposing?.stop());

  const add = async (input: Record<string, unknown>, key: string): Promise<Payload> => {
    const res = await proposing.gql<{ addMeasurement: Payload }>(
      `mutation($input: AddMeasurementInput!) { addMeasurement(input: $input) { ${PAYLOAD} record { id } } }`,
      { input },
      key,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.addMeasurement;
  };

  it("a contributor's addition waits for a curator; accepted, it is read by the lists; rejected, it stays out", async () => {
    const proposal = await add(GOOD, contributor.key);
    expect(proposal).toMatchObject({ ok: true, status: 'PROPOSED', record: null });
    const id = proposal.id!;
    expect((await lgpsConductivityIds()).viaMaterial).not.toContain(id);
    expect((await lgpsConductivityIds()).viaList).not.toContain(id);
    // proposed twice is a duplicate of the proposal
    expect(await add(GOOD, contributor.key)).toMatchObject({ status: 'DUPLICATE', duplicateOf: id });
    const accepted = await accept(id);
    expect(accepted).toMatchObject({ ok: true, status: 'ACCEPTED' });
    expect(accepted.history!.map((v) => [v.status, v.action])).toEqual([
      ['PROPOSED', 'PROPOSE'],
      ['CURRENT', 'ACCEPT'],
    ]);
    expect((await lgpsConductivityIds()).viaList).toContain(id);
    expect((await accept(id)).errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
    for (const cs of [accepted.changeSetId!, proposal.changeSetId!]) expect(await revert(cs)).toMatchObject({ ok: true });

    const other = await add({ ...GOOD, value: 9 }, contributor.key);
    const rejected = await reject(other.id!, 'no such value in the paper');
    expect(rejected).toMatchObject({ ok: true, status: 'REJECTED' });
    expect(rejected.history!.at(-1)).toMatchObject({ status: 'REJECTED', reason: 'no such value in the paper' });
    expect((await lgpsConductivityIds()).viaList).not.toContain(other.id);
    for (const cs of [rejected.changeSetId!, other.changeSetId!]) expect(await revert(cs)).toMatchObject({ ok: true });

    // a curator's addition is not held
    const direct = await add(GOOD, curator.key);
    expect(direct).toMatchObject({ ok: true, status: 'ADDED' });
    expect(await revert(direct.changeSetId!)).toMatchObject({ ok: true });
    expect(await snapshot(server.db, AUDIT)).toEqual(before);
  });
});

