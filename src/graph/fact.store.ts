/**
 * Every read query about facts: measurements (from datasets and reviews), stability windows,
 * interfaces and interphase observations, coating applications, cells, claims (and the facts a claim explains). Each fact row comes with what
 * it needs to be resolved in one query (its publication keys in order, variant, provenance, and for
 * cells and coatings their components, results and effects), so a list of facts is one query. The root lists
 * of facts are compiled statements (src/graph/query); these queries serve the fields left to resolvers.
 *
 * Query families, each a named constant built once from fixed fragments (values are parameters):
 *   <kind>.byIds            facts by id                        (DataLoader)
 *   <kind>.by<Relation>     facts related to a list of keys    (DataLoader, one UNWIND query per field)
 */
import { CELL as CELL_KIND } from '../domain/model/cell.kind.js';
import { CLAIM as CLAIM_KIND } from '../domain/model/claim.kind.js';
import { COATING_APPLICATION } from '../domain/model/coating.kind.js';
import { INTERFACE as INTERFACE_KIND } from '../domain/model/interface.kind.js';
import { INTERPHASE_OBSERVATION } from '../domain/model/interphaseObservation.kind.js';
import { STABILITY_WINDOW } from '../domain/model/stabilityWindow.kind.js';
import { MEASUREMENT as MEASUREMENT_KIND } from '../domain/model/measurement.kind.js';
import { recordMap } from './nodeKinds.js';
import { CELL as CELL_PROJECTION, COATING as COATING_PROJECTION, WINDOW_PROJECTION } from './query/projection.facts.js';
import { CLAIM_PROJECTION } from './query/projection.claims.js';
import { INTERFACE_PROJECTION, OBSERVATION_PROJECTION } from './query/projection.interface.js';
import { MEASUREMENT_PROJECTION } from './query/projection.js';
import { cypher, type GraphDatabase, type NamedQuery, type Row } from './database.js';
import { str } from './mapping.js';
import type {
  CellRecord,
  ClaimRecord,
  CoatingApplicationRecord,
  InterfaceRecord,
  InterphaseObservationRecord,
  MeasurementRecord,
  StabilityWindowRecord,
} from './records.js';

// --- projections ----------------------------------------------------------------------------------

export type FactKind = 'measurement' | 'window' | 'interface' | 'observation' | 'coating' | 'cell' | 'claim';

interface KindSpec<T> {
  label: string;
  projection: string;
  map: (row: Row) => T;
}

const MEASUREMENT: KindSpec<MeasurementRecord> = {
  label: 'Measurement',
  projection: recordMap(MEASUREMENT_KIND, MEASUREMENT_PROJECTION, 'x'),
  map: (x) => x as MeasurementRecord,
};

const WINDOW: KindSpec<StabilityWindowRecord> = {
  label: 'StabilityWindow',
  projection: recordMap(STABILITY_WINDOW, WINDOW_PROJECTION, 'x'),
  map: (x) => x as StabilityWindowRecord,
};

const INTERFACE: KindSpec<InterfaceRecord> = {
  label: 'Interface',
  projection: recordMap(INTERFACE_KIND, INTERFACE_PROJECTION, 'x'),
  map: (x) => x as InterfaceRecord,
};

const OBSERVATION: KindSpec<InterphaseObservationRecord> = {
  label: 'InterphaseObservation',
  projection: recordMap(INTERPHASE_OBSERVATION, OBSERVATION_PROJECTION, 'x'),
  map: (x) => x as InterphaseObservationRecord,
};

const COATING: KindSpec<CoatingApplicationRecord> = {
  label: 'CoatingApplication',
  projection: recordMap(COATING_APPLICATION, COATING_PROJECTION, 'x'),
  map: (x) => x as CoatingApplicationRecord,
};

const CELL: KindSpec<CellRecord> = {
  label: 'Cell',
  projection: recordMap(CELL_KIND, CELL_PROJECTION, 'x'),
  map: (x) => x as CellRecord,
};

const CLAIM: KindSpec<ClaimRecord> = {
  label: 'Claim',
  projection: recordMap(CLAIM_KIND, CLAIM_PROJECTION, 'x'),
  map: (x) => x as ClaimRecord,
};

export const KINDS = { measurement: MEASUREMENT, window: WINDOW, interface: INTERFACE, observation: OBSERVATION, coating: COATING, cell: CELL, claim: CLAIM };

/** The GraphQL type of each kind of fact a claim may explain, by label (the `Fact` interface resolves by `__typename`). */
const TYPE_OF_LABEL: [label: string, type: string, spec: KindSpec<unknown>][] = [
  ['Measurement', 'Measurement', MEASUREMENT],
  ['StabilityWindow', 'ReportedStabilityWindow', WINDOW],
  ['InterphaseObservation', 'InterphaseObservation', OBSERVATION],
  ['CoatingApplication', 'CoatingApplication', COATING],
  ['Cell', 'Cell', CELL],
  ['Claim', 'Claim', CLAIM],
];

/** The facts each claim (by id) explains, each read as the record of its kind and tagged with its GraphQL type. */
const EXPLAINED = cypher(
  'claims.explained',
  `
UNWIND $keys AS key
MATCH (c:Fact {id: key})-[:EXPLAINS]->(x:Fact) WHERE c:Claim
WITH DISTINCT key, x
RETURN key, CASE ${TYPE_OF_LABEL.map(([label, type]) => `WHEN x:${label} THEN '${type}'`).join(' ')} END AS type,
  CASE ${TYPE_OF_LABEL.map(([label, , spec]) => `WHEN x:${label} THEN ${spec.projection}`).join(' ')} END AS x
ORDER BY x.id`,
);

// --- related-fact queries (for DataLoaders) ---------------------------------------------------------

/** A query over `$keys` returning rows {key, x} where `pattern` binds `key` and `x` (x has the kind's label). */
function related<T>(spec: KindSpec<T>, name: string, pattern: string): NamedQuery {
  return cypher(
    name,
    `
UNWIND $keys AS key
${pattern}
WITH DISTINCT key, x
RETURN key, ${spec.projection} AS x
ORDER BY x.id`,
  );
}

const Q = {
  measurementsByIds: related(MEASUREMENT, 'measurements.byIds', 'MATCH (x:Fact {id: key}) WHERE x:Measurement'),
  measurementsByMaterial: related(MEASUREMENT, 'measurements.byMaterial', 'MATCH (:Material {id: key})-[:HAS_MEASUREMENT]->(x:Measurement)'),
  measurementsByFamily: related(MEASUREMENT, 'measurements.byFamily', 'MATCH (x:Measurement)-[:ABOUT_FAMILY]->(:MaterialFamily {id: key})'),
  measurementsByPublication: related(MEASUREMENT, 'measurements.byPublication', 'MATCH (x:Measurement)-[:REPORTED_BY|CORRECTED_REFERENCE]->(:Publication {key: key})'),
  measurementsByReview: related(MEASUREMENT, 'measurements.byReview', 'MATCH (x:Measurement)-[:ASSERTED_IN]->(:Publication {key: key})'),

  windowsByIds: related(WINDOW, 'windows.byIds', 'MATCH (x:Fact {id: key}) WHERE x:StabilityWindow'),
  windowsByMaterial: related(WINDOW, 'windows.byMaterial', 'MATCH (:Material {id: key})-[:HAS_WINDOW]->(x:StabilityWindow)'),
  windowsByFamily: related(WINDOW, 'windows.byFamily', 'MATCH (x:StabilityWindow)-[:ABOUT_FAMILY]->(:MaterialFamily {id: key})'),
  windowsByPublication: related(WINDOW, 'windows.byPublication', 'MATCH (x:StabilityWindow)-[:REPORTED_BY|CORRECTED_REFERENCE]->(:Publication {key: key})'),
  windowsByReview: related(WINDOW, 'windows.byReview', 'MATCH (x:StabilityWindow)-[:ASSERTED_IN]->(:Publication {key: key})'),

  interfacesByIds: related(INTERFACE, 'interfaces.byIds', 'MATCH (x:Interface {id: key})'),
  interfacesByMaterial: related(INTERFACE, 'interfaces.byMaterial', 'MATCH (x:Interface)-[:ELECTROLYTE|COUNTERPART]->(:Material {id: key})'),
  interfacesByFamily: related(INTERFACE, 'interfaces.byFamily', 'MATCH (x:Interface)-[:ELECTROLYTE_FAMILY]->(:MaterialFamily {id: key})'),

  observationsByIds: related(OBSERVATION, 'observations.byIds', 'MATCH (x:Fact {id: key}) WHERE x:InterphaseObservation'),
  observationsByInterface: related(OBSERVATION, 'observations.byInterface', 'MATCH (x:InterphaseObservation)-[:AT]->(:Interface {id: key})'),
  observationsByProduct: related(OBSERVATION, 'observations.byProduct', 'MATCH (x:InterphaseObservation)-[:PRODUCES]->(:Material {id: key})'),
  observationsByTechnique: related(OBSERVATION, 'observations.byTechnique', 'MATCH (x:InterphaseObservation)-[:EVIDENCE]->(:Technique {id: key})'),
  observationsByPublication: related(OBSERVATION, 'observations.byPublication', 'MATCH (x:InterphaseObservation)-[:REPORTED_BY|CORRECTED_REFERENCE]->(:Publication {key: key})'),
  observationsByReview: related(OBSERVATION, 'observations.byReview', 'MATCH (x:InterphaseObservation)-[:ASSERTED_IN]->(:Publication {key: key})'),

  coatingsByIds: related(COATING, 'coatings.byIds', 'MATCH (x:Fact {id: key}) WHERE x:CoatingApplication'),
  coatingsByMaterial: related(COATING, 'coatings.byMaterial', 'MATCH (x:CoatingApplication)-[:COATING|APPLIED_ON|PAIRED_WITH]->(:Material {id: key})'),
  coatingsByPublication: related(COATING, 'coatings.byPublication', 'MATCH (x:CoatingApplication)-[:REPORTED_BY|CORRECTED_REFERENCE]->(:Publication {key: key})'),
  coatingsByReview: related(COATING, 'coatings.byReview', 'MATCH (x:CoatingApplication)-[:ASSERTED_IN]->(:Publication {key: key})'),

  cellsByIds: related(CELL, 'cells.byIds', 'MATCH (x:Fact {id: key}) WHERE x:Cell'),
  cellsByMaterial: related(CELL, 'cells.byMaterial', 'MATCH (x:Cell)-[:HAS_COMPONENT]->(:Material {id: key})'),
  cellsByPublication: related(CELL, 'cells.byPublication', 'MATCH (x:Cell)-[:REPORTED_BY|CORRECTED_REFERENCE]->(:Publication {key: key})'),
  cellsByReview: related(CELL, 'cells.byReview', 'MATCH (x:Cell)-[:ASSERTED_IN]->(:Publication {key: key})'),

  claimsByIds: related(CLAIM, 'claims.byIds', 'MATCH (x:Fact {id: key}) WHERE x:Claim'),
  claimsByMaterial: related(CLAIM, 'claims.byMaterial', 'MATCH (x:Claim)-[:ABOUT]->(:Material {id: key})'),
  claimsByInterface: related(CLAIM, 'claims.byInterface', 'MATCH (x:Claim)-[:ABOUT_INTERFACE]->(:Interface {id: key})'),
};
export type RelatedQuery = keyof typeof Q;

export class FactStore {
  constructor(private readonly db: GraphDatabase) {}

  /** Facts related to each key, grouped in the order of `keys`. */
  async related<K extends RelatedQuery>(query: K, keys: readonly string[]): Promise<RecordOf<K>[][]> {
    const spec = specOf(query);
    const rows = await this.db.read(Q[query], { keys });
    const groups = new Map<string, RecordOf<K>[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(str(row, 'key'))?.push(spec.map(row.x as Row) as RecordOf<K>);
    return keys.map((k) => groups.get(k) ?? []);
  }

  /** The facts each claim explains, grouped in the order of `claimIds`, each with `__typename` (its GraphQL type). */
  async explained(claimIds: readonly string[]): Promise<(Row & { __typename: string })[][]> {
    const rows = await this.db.read(EXPLAINED, { keys: claimIds });
    const groups = new Map<string, (Row & { __typename: string })[]>(claimIds.map((k) => [k, []]));
    for (const row of rows) groups.get(str(row, 'key'))?.push({ ...(row.x as Row), __typename: str(row, 'type') });
    return claimIds.map((k) => groups.get(k) ?? []);
  }
}

export type RecordOf<K extends RelatedQuery> = K extends `measurements${string}`
  ? MeasurementRecord
  : K extends `windows${string}`
    ? StabilityWindowRecord
    : K extends `interfaces${string}`
      ? InterfaceRecord
      : K extends `observations${string}`
        ? InterphaseObservationRecord
        : K extends `coatings${string}`
          ? CoatingApplicationRecord
          : K extends `claims${string}`
            ? ClaimRecord
            : CellRecord;

function specOf(query: RelatedQuery): KindSpec<unknown> {
  if (query.startsWith('measurements')) return MEASUREMENT;
  if (query.startsWith('windows')) return WINDOW;
  if (query.startsWith('interfaces')) return INTERFACE;
  if (query.startsWith('observations')) return OBSERVATION;
  if (query.startsWith('coatings')) return COATING;
  if (query.startsWith('claims')) return CLAIM;
  return CELL;
}
