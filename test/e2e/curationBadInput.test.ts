/**
 * Bad input to every kind of write, each answered with a coded error while the graph's node and relationship
 * counts stay exactly as they were (counted before and after each case, the audit trail and the keys included:
 * a refused write records nothing either). One table, one case per kind of bad input; the writers' own tests
 * check the messages in detail.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/database.js';
import { ChangeSetStore } from '../../src/graph/changeSet.store.js';
import { DatasetImportStore } from '../../src/graph/datasetImport.store.js';
import { BulkImportService, readMappingFile } from '../../src/services/bulk/bulkImport.service.js';
import { MappingError } from '../../src/services/bulk/mapping.js';
import { InvalidRecordsError } from '../../src/services/errors.js';
import { createTestKey, revokeTestKey, type TestKey } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

const COUNTS = cypher('test.badInput.counts', 'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships');
const OBELIX_MEASUREMENT = cypher('test.badInput.obelixMeasurement', "MATCH (x:Measurement)-[:FROM_DATASET]->(:Dataset {id: 'obelix'}) RETURN x.id AS id LIMIT 1");

const LGPS = 'Ge1Li10P2S12';
const DOI = '10.5555/interphase-bad-input.1';
const CITATION = { authors: 'Doe, J.', title: 'Bad inputs', journal: 'J. Test. Chem.', year: 2026 };
const MEASUREMENT = {
  material: LGPS,
  property: 'IONIC_CONDUCTIVITY',
  value: 1.2,
  unit: 'mS/cm',
  temperature: 25,
  temperatureUnit: '°C',
  contribution: 'TOTAL',
  provenance: { doi: DOI, citation: CITATION },
};
const ADD_MEASUREMENT = 'mutation($input: AddMeasurementInput!) { addMeasurement(input: $input) { ok status errors { field code problem } } }';
const ADD_MATERIAL = 'mutation($input: AddMaterialInput!) { addMaterial(input: $input) { ok status errors { field code problem } } }';
const ADD_WINDOW = 'mutation($input: AddReportedWindowInput!) { addReportedWindow(input: $input) { ok status errors { field code problem } } }';
const ADD_PUBLICATION = 'mutation($input: AddPublicationInput!) { addPublication(input: $input) { ok status errors { field code problem } } }';
const ADD_VARIANT = 'mutation($input: AddVariantInput!) { addVariant(input: $input) { ok status errors { field code problem } } }';
const ADD_CLAIM = 'mutation($input: AddClaimInput!) { addClaim(input: $input) { ok status errors { field code problem } } }';
const CORRECT = 'mutation($id: ID!, $changes: MeasurementCorrectionInput!, $reason: String!) { correctMeasurement(id: $id, changes: $changes, reason: $reason) { ok status errors { field code problem } } }';
const RETRACT = 'mutation($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { ok status errors { field code problem } } }';
const ACCEPT = 'mutation($id: ID!) { acceptProposal(id: $id) { ok status errors { field code problem } } }';
const REVERT = 'mutation($id: ID!, $reason: String!) { revertChangeSet(id: $id, reason: $reason) { ok status errors { field code problem } } }';
const ADD_CELL = 'mutation($input: AddCellResultInput!) { addCellResult(input: $input) { ok status errors { field code problem } } }';
const CELL = {
  cellType: 'HALF',
  components: [{ material: 'LiCoO2', role: 'CATHODE' }, { material: LGPS, role: 'ELECTROLYTE' }],
  resultText: 'made up',
  provenance: { doi: DOI, citation: CITATION },
};
const ADD_PHASE = 'mutation($i: AddPhaseEntryInput!) { addPhaseEntry(input: $i) { id } }';

let server: TestServer;
let contributor: TestKey;
let curator: TestKey;
let revoked: TestKey;
let obelixMeasurementId: string;
let work: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.graphReady;
  contributor = await createTestKey('contributor', 'bad input contributor');
  curator = await createTestKey('curator', 'bad input curator');
  revoked = await createTestKey('curator', 'bad input revoked');
  await revokeTestKey(revoked.keyId);
  obelixMeasurementId = (await server.db.read(OBELIX_MEASUREMENT))[0]!.id as string;
  work = mkdtempSync(path.join(tmpdir(), 'interphase-bad-input-'));
}, 300_000);
afterAll(async () => server?.stop());

/** What a case answered: the GraphQL error code, or the payload's first field error (field and code), or a thrown error's kind. */
interface Answer {
  code: string;
  field?: string;
}

/** The answer of a GraphQL write: a request-level error code, else the payload's first field error (ok must be false). */
async function write(query: string, variables: Record<string, unknown>, key: string | null | 'contributor' = 'contributor', headers?: Record<string, string>): Promise<Answer> {
  if (headers) {
    const res = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { code: `${body.errors?.[0]?.extensions?.code} (HTTP ${res.status})` };
  }
  const res = await server.gql<Record<string, { ok: boolean; status: string; errors: { field: string; code: string }[] }>>(query, variables, key === 'contributor' ? contributor.key : (key ?? undefined));
  if (res.errors?.length) return { code: String(res.errors[0]!.extensions?.code) };
  const payload = Object.values(res.data ?? {})[0]!;
  if (payload.ok) return { code: `accepted (${payload.status})` };
  return { code: payload.errors[0]?.code ?? payload.status, field: payload.errors[0]?.field };
}

const measurement = (changes: Record<string, unknown>) => write(ADD_MEASUREMENT, { input: { ...MEASUREMENT, ...changes } });

/** A bulk import with a mapping or table that must be refused before anything is written. */
async function bulk(mappingText: string, table: string, fileName = 'table.csv'): Promise<Answer> {
  const mappingFile = path.join(work, `m${Math.random().toString(36).slice(2)}.yaml`);
  const tableFile = path.join(work, fileName);
  writeFileSync(mappingFile, mappingText);
  writeFileSync(tableFile, table);
  try {
    const mapping = await readMappingFile(mappingFile);
    const service = new BulkImportService(new DatasetImportStore(server.db), new ChangeSetStore(server.db));
    await service.run(tableFile, mapping, { keyId: curator.keyId, reason: 'bad input test' });
    return { code: 'imported' };
  } catch (e) {
    if (e instanceof MappingError) return { code: 'MAPPING_ERROR', field: e.problems[0]!.path };
    if (e instanceof InvalidRecordsError) return { code: 'INVALID_RECORDS', field: e.problems[0]!.field };
    throw e;
  }
}

const MAPPING = `dataset:
  id: test-bad-input
  name: Bad input table
  licence: CC0 1.0
  licenceUrl: https://creativecommons.org/publicdomain/zero/1.0/
  url: https://example.org/bad-input
  citation: A made-up table for the tests.
view: liverpool
format: csv
rejectedRows: fail
columns:
  composition: { column: formula }
  value: { column: sigma, unit: S/cm }
  temperature: { column: T_K, unit: K }
  dois: { column: doi }
`;

const TABLE = 'formula,sigma,T_K,doi\nLi3PS4,1e-4,298,10.5555/bad-input-table\n';

/** [kind of bad input, the write, the expected answer]. */
const CASES: [string, () => Promise<Answer>, Answer][] = [
  // keys
  ['no API key', () => write(ADD_MEASUREMENT, { input: MEASUREMENT }, null), { code: 'UNAUTHENTICATED' }],
  ['a malformed API key', () => write(ADD_MEASUREMENT, { input: MEASUREMENT }, 'let-me-in'), { code: 'UNAUTHENTICATED' }],
  ['a forged API key (right id, made-up secret)', () => write(ADD_MEASUREMENT, { input: MEASUREMENT }, `${contributor.key.slice(0, contributor.key.lastIndexOf('_') + 1)}${'A'.repeat(43)}`), { code: 'UNAUTHENTICATED' }],
  ['a key with an unknown id', () => write(ADD_MEASUREMENT, { input: MEASUREMENT }, `ipk_0123456789abcdef_${'B'.repeat(43)}`), { code: 'UNAUTHENTICATED' }],
  ['a revoked API key', () => write(ADD_MEASUREMENT, { input: MEASUREMENT }, revoked.key), { code: 'UNAUTHENTICATED' }],
  ['a forged key in X-API-Key', () => write(ADD_MEASUREMENT, { input: MEASUREMENT }, null, { 'x-api-key': `${curator.key.slice(0, -3)}xyz` }), { code: 'UNAUTHENTICATED (HTTP 401)' }],
  ['a contributor correcting (a curator\'s write)', () => write(CORRECT, { id: obelixMeasurementId, changes: { value: 1 }, reason: 'mine' }), { code: 'FORBIDDEN' }],
  ['a contributor reverting a change set', () => write(REVERT, { id: '00000000-0000-4000-8000-000000000000', reason: 'mine' }), { code: 'FORBIDDEN' }],
  // formulas
  ['a malformed formula', () => write(ADD_MATERIAL, { input: { formula: 'Li7La3Zr2O12)(' } }), { code: 'MALFORMED', field: 'input.formula' }],
  ['a formula with an unknown element', () => write(ADD_MATERIAL, { input: { formula: 'Li6PS5Qq' } }), { code: 'MALFORMED', field: 'input.formula' }],
  ['an empty formula', () => write(ADD_MATERIAL, { input: { formula: '  ' } }), { code: 'REQUIRED', field: 'input.formula' }],
  // units and values
  ['an unknown unit', () => measurement({ unit: 'furlongs' }), { code: 'UNKNOWN_UNIT', field: 'input.unit' }],
  ['a unit of another quantity (eV for a conductivity)', () => measurement({ unit: 'eV' }), { code: 'UNKNOWN_UNIT', field: 'input.unit' }],
  ['a negative conductivity', () => measurement({ value: -1 }), { code: 'OUT_OF_RANGE', field: 'input.value' }],
  ['a conductivity of zero', () => measurement({ value: 0 }), { code: 'OUT_OF_RANGE', field: 'input.value' }],
  ['an absurd conductivity (10⁹ S/cm)', () => measurement({ value: 1e9, unit: 'S/cm' }), { code: 'OUT_OF_RANGE', field: 'input.value' }],
  ['a negative temperature in K', () => measurement({ temperature: -10, temperatureUnit: 'K' }), { code: 'OUT_OF_RANGE', field: 'input.temperature' }],
  ['a temperature below absolute zero in °C', () => measurement({ temperature: -300, temperatureUnit: '°C' }), { code: 'OUT_OF_RANGE', field: 'input.temperature' }],
  ['an unknown temperature unit', () => measurement({ temperatureUnit: 'furlongs' }), { code: 'UNKNOWN_UNIT', field: 'input.temperatureUnit' }],
  ['an oxidation limit of 500 V', () => write(ADD_WINDOW, { input: { material: LGPS, reduction: 1.7, oxidation: 500, provenance: { doi: DOI, citation: CITATION } } }), { code: 'OUT_OF_RANGE', field: 'input.oxidation' }],
  // provenance
  ['no provenance', () => measurement({ provenance: null }), { code: 'REQUIRED', field: 'input.provenance' }],
  ['a DOI that is not one', () => measurement({ provenance: { doi: 'not-a-doi' } }), { code: 'MALFORMED', field: 'input.provenance.doi' }],
  ['a citation without its year', () => write(ADD_PUBLICATION, { input: { citation: { ...CITATION, year: null } } }), { code: 'REQUIRED', field: 'input.citation.year' }],
  ['a capacity retention of 150 %', () => write(ADD_CELL, { input: { ...CELL, results: [{ property: 'CAPACITY_RETENTION', value: 150, unit: '%', atCycle: 100 }] } }), { code: 'OUT_OF_RANGE', field: 'input.results[0].value' }],
  ['a negative cycle number', () => write(ADD_CELL, { input: { ...CELL, results: [{ property: 'SPECIFIC_CAPACITY', value: 120, unit: 'mAh/g', atCycle: -1 }] } }), { code: 'OUT_OF_RANGE', field: 'input.results[0].atCycle' }],
  // references
  ['an unknown material', () => measurement({ material: 'Unobtainium-42' }), { code: 'NOT_FOUND', field: 'input.material' }],
  ['a variant of an unknown material', () => write(ADD_VARIANT, { input: { material: 'Unobtainium-42', label: 'x-doped' } }), { code: 'NOT_FOUND', field: 'input.material' }],
  ['a cell with an unknown component', () => write(ADD_CELL, { input: { ...CELL, components: [{ material: 'Unobtainium-42', role: 'CATHODE' }] } }), { code: 'NOT_FOUND', field: 'input.components[0].material' }],
  ['a claim about an unknown material', () => write(ADD_CLAIM, { input: { kind: 'MECHANISM', statement: 'It conducts.', materials: ['Unobtainium-42'], provenance: { doi: DOI, citation: CITATION } } }), { code: 'NOT_FOUND', field: 'input.materials[0]' }],
  ['correcting a fact that does not exist', () => write(CORRECT, { id: 'no-such-fact', changes: { value: 1 }, reason: 'typo' }, curator.key), { code: 'NOT_FOUND', field: 'id' }],
  ['reverting a change set that does not exist', () => write(REVERT, { id: '00000000-0000-4000-8000-000000000000', reason: 'undo' }, curator.key), { code: 'NOT_FOUND', field: 'id' }],
  ['accepting what is no proposal', () => write(ACCEPT, { id: obelixMeasurementId }, curator.key), { code: 'CONFLICT', field: 'id' }],
  ['retracting without a reason', () => write(RETRACT, { id: obelixMeasurementId, reason: ' ' }, curator.key), { code: 'REQUIRED', field: 'reason' }],
  // wrong types, sizes
  ['a string where a number goes', () => measurement({ value: 'lots' }), { code: 'BAD_USER_INPUT' }],
  ['a property outside the vocabulary', () => measurement({ property: 'COLOUR' }), { code: 'BAD_USER_INPUT' }],
  ['a missing required argument', () => write('mutation { addMeasurement { ok } }', {}), { code: 'GRAPHQL_VALIDATION_FAILED' }],
  ['a 100 kB method text', () => measurement({ method: 'x'.repeat(100_000) }), { code: 'TOO_LONG', field: 'input.method' }],
  ['an oversized batch (300 aliased writes in one request)', () => write(`mutation { ${Array.from({ length: 300 }, (_, i) => `a${i}: addMaterial(input: { formula: "Li3PS4" }) { ok }`).join(' ')} }`, {}), { code: 'TOO_MANY_ALIASES' }],
  ['a request body over 1 MB', () => write(ADD_MEASUREMENT, { input: { ...MEASUREMENT, method: 'y'.repeat(1_100_000) } }, null, { authorization: `Bearer ${contributor.key}` }), { code: 'BAD_REQUEST (HTTP 413)' }],
  // injection attempts
  ['Cypher in a material reference', () => measurement({ material: "LGPS'}) MATCH (n) DETACH DELETE n //" }), { code: 'NOT_FOUND', field: 'input.material' }],
  ['Cypher in a DOI', () => measurement({ provenance: { doi: "10.1/x'}) DETACH DELETE (p) //" } }), { code: 'MALFORMED', field: 'input.provenance.doi' }],
  ['Lucene syntax in a material reference', () => measurement({ material: 'name:* OR *:*' }), { code: 'NOT_FOUND', field: 'input.material' }],
  // phase entries
  ['an absurd formation energy', () => write(ADD_PHASE, { i: { formula: 'Li3N', formationEnergyEvPerAtom: -1000, label: 'bad' } }), { code: 'BAD_USER_INPUT' }],
  // bulk import
  ['an unknown key in a mapping', () => bulk(MAPPING.replace('format: csv', 'format: csv\ncolour: blue'), TABLE), { code: 'MAPPING_ERROR', field: 'colour' }],
  ['a mapping naming a column the table lacks', () => bulk(MAPPING, 'formula,sigma,T_C,doi\nLi3PS4,1e-4,25,10.5555/bad-input-table\n'), { code: 'INVALID_RECORDS', field: 'T_K' }],
  ['an unknown unit in a mapping', () => bulk(MAPPING.replace('unit: S/cm', 'unit: furlongs'), TABLE), { code: 'MAPPING_ERROR', field: 'columns.value.unit' }],
  ['a bad row in a table whose mapping fails on any', () => bulk(MAPPING, `${TABLE}Li3PS4,-5,298,10.5555/bad-input-table\n`), { code: 'INVALID_RECORDS', field: 'sigma' }],
];

describe(`${CASES.length} kinds of bad input`, () => {
  it('has at least 30', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('%s: a coded error, and the graph is as before', async (_name, run, expected) => {
    const [before] = await server.db.read(COUNTS);
    const answer = await run();
    expect(answer).toEqual(expected);
    const [after] = await server.db.read(COUNTS);
    expect(after).toEqual(before);
  });
});
