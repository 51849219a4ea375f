/**
 * Writes of facts through the API (additions, corrections, retractions, proposals and their review,
 * reverts), each in ONE write transaction together with its change set (ChangeSetStore.record): the write
 * and its audit record land together or not at all.
 *
 * A fact is never overwritten. Its node keeps its id; a correction sets the new values and the next
 * `version` and keeps the state it replaced as a (:FactVersion)-[:VERSION_OF]->(fact) node. A fact's status
 * is its labels (domain/model/curation.kind.ts `factStatusLabels`): only a CURRENT fact carries `Fact` and
 * its kind's label (`Measurement`), so every list and field, which match those labels, reads the current
 * facts only; a retracted, proposed or rejected fact keeps its relationships under other labels.
 *
 * A change's `before`/`after` is the entity's whole state (a fact: `{ status, props }`, a publication or
 * material: `{ props }`; null when it did not exist), so that a change set can be reverted (`revert`).
 */
import type { ChangeSetRecord, ChangeWrite } from '../domain/curation/changes.js';
import { FACT_CURATION, factStatusLabels, type FactStatus } from '../domain/model/curation.kind.js';
import { ABOUT } from '../domain/model/claim.kind.js';
import { REPORTED_BY } from '../domain/model/fact.kind.js';
import { MATERIAL, MATERIAL_SOURCE_MARKERS } from '../domain/model/material.kind.js';
import { ChangeSetStore } from './changeSet.store.js';
import { cypher, type GraphDatabase, type GraphTransaction, type NamedQuery, type Row } from './database.js';
import { REFRESH_MATERIALS } from './materialSources.js';
import { relationshipOf, sourceCopies, sourceCopyName, storedProps } from './nodeKinds.js';
import {
  CELL_CANDIDATES,
  CREATE_CELL,
  CREATE_COATING,
  CREATE_INTERFACE,
  CREATE_OBSERVATION,
  DELETE_FACT_PARTS,
  DELETE_INTERFACE_IF_UNUSED,
  SYNC_INTERFACE,
  FACT_PARTS,
  FIND_FACT,
  REPLACE_FACT_PARTS,
  type FactPart,
  type KindWithParts,
  DUPLICATE_COATING,
  DUPLICATE_OBSERVATION,
  INTERFACE_EXISTS,
  INTERFACES_OF_FACT,
} from './curation.interfaces.js';

/** The labels of the fact kinds the API writes, and the relationship from a material to a fact of each. */
export const FACT_KIND_LABELS = ['Measurement', 'StabilityWindow', 'InterphaseObservation', 'CoatingApplication', 'Cell', 'Claim'] as const;
export type FactKindLabel = (typeof FACT_KIND_LABELS)[number];

const STATUSES: readonly FactStatus[] = ['CURRENT', 'PROPOSED', 'RETRACTED', 'REJECTED'];

/** A fact's whole state: where it stands and its stored properties. */
export interface FactState {
  status: FactStatus;
  props: Record<string, unknown>;
  /** The sub-records it owns (a coating application's effects, a cell's results) in order; absent in change records older than them. */
  parts?: FactPart[];
}

/** A fact as found by id, in any status. */
export interface FoundFact extends FactState {
  kind: FactKindLabel;
  materialIds: string[];
}

/** Who writes and why (the change set's fields). */
export interface Audit {
  keyId: string;
  operation: string;
  reason: string | null;
  /**
   * An addition's repeat check, run again inside its transaction once the curation lock is held (so a writer
   * that added the same fact meanwhile has committed): the id of the fact it would repeat, or null.
   */
  recheck?: () => Promise<string | null>;
}

/** Another writer added the same fact first: nothing was written (the addition answers DUPLICATE). */
export class DuplicateFactError extends Error {
  override name = 'DuplicateFactError';
  constructor(readonly existingId: string) {
    super(`the fact repeats ${existingId}`);
  }
}

// Additions through the API take this lock first: they serialise, so the repeat check of one sees what the
// other committed. The node is bookkeeping (its counter changes with every addition), not a fact.
const LOCK_ADDITIONS = cypher(
  'curation.lockAdditions',
  `
MERGE (l:CurationLock {id: 'additions'})
SET l.additions = coalesce(l.additions, 0) + 1
RETURN l.additions AS n`,
);

/** A publication to create with a fact (its key and stored properties). */
export interface PublicationAdd {
  key: string;
  props: Record<string, unknown>;
}

export interface FactAdd {
  kind: AddableFact;
  materialId: string;
  /** The variant of the material the fact is about (OF_VARIANT), if any. */
  variantId?: string | null;
  publicationKey: string;
  /** Created in the same transaction when the publication is not in the graph yet. */
  newPublication: PublicationAdd | null;
  /** The node's stored properties (the kind's, source and FactCuration declarations). */
  props: Record<string, unknown> & { id: string };
  status: 'CURRENT' | 'PROPOSED';
}

export interface MaterialAdd {
  id: string;
  /** The curated copies (sourceProps(MATERIAL, 'curated', ...)). */
  props: Record<string, unknown>;
  /** Its names under their lookup keys (MaterialName stored properties). */
  names: Record<string, unknown>[];
}

/** The duplicate test of a measurement: same material (and variant), property, contribution, temperature (±0.01 K), publication and value. */
export interface MeasurementIdentity {
  materialId: string;
  variantId: string | null;
  publicationKey: string;
  property: string;
  contribution: string | null;
  temperatureK: number | null;
  qualifier: string;
  value: number | null;
  min: number | null;
  max: number | null;
}

/** A claim to create: what it is about, its publication, its node's stored properties. */
export interface ClaimAdd {
  materialIds: string[];
  publicationKey: string;
  newPublication: PublicationAdd | null;
  props: Record<string, unknown> & { id: string };
  status: 'CURRENT' | 'PROPOSED';
}

/** The duplicate test of a claim: same publication, kind, statement (case and surrounding spaces aside) and materials. */
export interface ClaimIdentity {
  publicationKey: string;
  kind: string;
  statement: string;
  materialIds: string[];
}

/** The duplicate test of a window: same material, publication, scale, method and limits (V). */
export interface WindowIdentity {
  materialId: string;
  publicationKey: string;
  scale: string;
  method: string;
  reductionValue: number | null;
  oxidationValue: number | null;
}

/** A new fact's publication (created with it when new), node properties and status. */
interface NewFact {
  publicationKey: string;
  newPublication: PublicationAdd | null;
  props: Record<string, unknown> & { id: string };
  status: 'CURRENT' | 'PROPOSED';
}

/** An interface between an electrolyte and a counterpart material (created with the observation when new). */
export interface InterfaceAdd {
  id: string;
  electrolyteId: string;
  counterpartId: string;
  props: Record<string, unknown>;
}

/** An interphase observation to create: its interface, products (PRODUCES stored properties) and evidence (EVIDENCE ones). */
export interface ObservationAdd extends NewFact {
  interface: InterfaceAdd;
  products: { materialId: string; props: Record<string, unknown> }[];
  evidence: { technique: string; props: Record<string, unknown> }[];
}

/** The duplicate test of an observation: same interface, publication, products, potential (V) and thickness (nm). */
export interface ObservationIdentity {
  interfaceId: string;
  publicationKey: string;
  productIds: string[];
  potentialValue: number | null;
  thicknessValue: number | null;
}

/** A coating application to create: its coating, what it was applied on, the paired electrolyte, its effects. */
export interface CoatingAdd extends NewFact {
  coatingId: string;
  substrateId: string | null;
  electrolyteId: string | null;
  appliedOn: Record<string, unknown>;
  pairedWith: Record<string, unknown>;
  effects: { props: Record<string, unknown>; link: Record<string, unknown> }[];
}

/** The duplicate test of a coating application: same coating, substrate, electrolyte, role, method, thickness (nm) and publication. */
export interface CoatingIdentity {
  coatingId: string;
  substrateId: string | null;
  electrolyteId: string | null;
  role: string;
  method: string;
  thicknessValue: number | null;
  publicationKey: string;
}

/** A cell to create: its components (HAS_COMPONENT stored properties) and results (CellResult nodes, HAS_RESULT links). */
export interface CellAdd extends NewFact {
  components: { materialId: string; props: Record<string, unknown> }[];
  results: { props: Record<string, unknown>; link: Record<string, unknown> }[];
}

/** The duplicate test of a cell: same publication, type, components (material and role) and results (property, value, cycle). */
export interface CellIdentity {
  publicationKey: string;
  cellType: string;
  components: { materialId: string; role: string }[];
  results: { property: string; value: number | null; atCycle: number | null }[];
}

/** A write refused because the graph changed under it (a revert of a change that a later one superseded). */
/** A write the entity's state does not allow (CONFLICT), or whose target is not in the graph (NOT_FOUND). */
export class CurationConflictError extends Error {
  override name = 'CurationConflictError';
  constructor(
    message: string,
    readonly code: 'CONFLICT' | 'NOT_FOUND' = 'CONFLICT',
  ) {
    super(message);
  }
}

// --- finding a fact in any status -----------------------------------------------------------------

/** Binds `x` to the fact of id `$id` whatever its status (each status label has a uniqueness constraint on id). */
const FACT_STATE = cypher(
  'curation.factState',
  `
${FIND_FACT}
RETURN labels(x) AS labels, properties(x) AS props,
  [(m:Material)-[:HAS_MEASUREMENT|HAS_WINDOW]->(x) | m.id] + [(x)-[:ABOUT|COATING|APPLIED_ON|PAIRED_WITH|HAS_COMPONENT|PRODUCES]->(m:Material) | m.id] +
  [(x)-[:AT]->(:Interface)-[:ELECTROLYTE|COUNTERPART]->(m:Material) | m.id] AS materialIds,
  [(x)-[l:HAS_EFFECT|HAS_RESULT]->(s) WHERE s:CoatingEffect OR s:CellResult | {link: properties(l), props: properties(s), seed: s:SeedRecord}] AS parts`,
);

const FACT_HISTORY = cypher(
  'curation.factHistory',
  `
${FIND_FACT}
OPTIONAL MATCH (v:FactVersion)-[:VERSION_OF]->(x)
WITH x, v ORDER BY v.version
RETURN labels(x) AS labels, properties(x) AS props, collect(properties(v)) AS versions,
  [(x)-[l:HAS_EFFECT|HAS_RESULT]->(s) WHERE s:CoatingEffect OR s:CellResult | {link: properties(l), props: properties(s)}] AS parts`,
);

// --- additions -------------------------------------------------------------------------------------

const PUBLICATION_EXISTS = cypher(
  'curation.publicationExists',
  `
OPTIONAL MATCH (p:Publication {key: $key})
OPTIONAL MATCH (q:Publication {doi: $doi})
RETURN coalesce(p.key, q.key) AS key`,
);

const CREATE_PUBLICATION = cypher(
  'curation.createPublication',
  `
CREATE (p:Publication {key: $key})
SET p += $props
RETURN p.key AS key`,
);

const MATERIAL_EXISTS = cypher(
  'curation.materialExists',
  `
OPTIONAL MATCH (m:Material {id: $id})
RETURN m.id AS id`,
);

const CREATE_MATERIAL = cypher(
  'curation.createMaterial',
  `
CREATE (m:Material {id: $id})
SET m += $props
WITH m
CALL {
  WITH m
  UNWIND $names AS name
  CREATE (n:MaterialName)
  SET n = name
  CREATE (n)-[:NAMES]->(m)
  RETURN count(n) AS names
}
RETURN m.id AS id, names`,
);

/** The fact kinds an addition creates, each reached from its material by one relationship. */
export const ADDABLE_FACTS = { Measurement: 'HAS_MEASUREMENT', StabilityWindow: 'HAS_WINDOW' } as const;
export type AddableFact = keyof typeof ADDABLE_FACTS;

/** One creation statement per kind and status a new fact may take (its labels are part of the statement). */
const CREATE_FACT = Object.fromEntries(
  (Object.keys(ADDABLE_FACTS) as AddableFact[]).map((kind) => [kind, { CURRENT: createFact(kind, 'CURRENT'), PROPOSED: createFact(kind, 'PROPOSED') }]),
) as Record<AddableFact, Record<'CURRENT' | 'PROPOSED', NamedQuery>>;

function createFact(kind: AddableFact, status: 'CURRENT' | 'PROPOSED'): NamedQuery {
  return cypher(
    `curation.create${kind}.${status}`,
    `
MATCH (m:Material {id: $materialId})
MATCH (p:Publication {key: $publicationKey})
CREATE (x:${factStatusLabels(kind, status).join(':')})
SET x = $props
CREATE (m)-[:${ADDABLE_FACTS[kind]}]->(x)
CREATE (x)-[${relationshipOf(REPORTED_BY, 'r')}]->(p)
SET r = $reported
WITH x, m
OPTIONAL MATCH (v:MaterialVariant {id: $variantId})-[:VARIANT_OF]->(m)
FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | CREATE (x)-[:OF_VARIANT]->(v))
RETURN x.id AS id, count(v) AS variants`,
  );
}

// measurements of the material reported by the publication, current or proposed, with the same conditions and value
const DUPLICATE_MEASUREMENT = cypher(
  'curation.duplicateMeasurement',
  `
MATCH (:Material {id: $materialId})-[:HAS_MEASUREMENT]->(x)-[${relationshipOf(REPORTED_BY)}]->(:Publication {key: $publicationKey})
WHERE (x:Measurement OR x:ProposedMeasurement) AND x.property = $property
  AND coalesce(x.contribution, '') = coalesce($contribution, '')
  AND coalesce(head([(x)-[:OF_VARIANT]->(v:MaterialVariant) | v.id]), '') = coalesce($variantId, '')
  AND ((x.temperatureK IS NULL AND $temperatureK IS NULL) OR abs(x.temperatureK - $temperatureK) <= 0.01)
  AND x.qualifier = $qualifier
  AND ${['value', 'min', 'max'].map((f) => `((x.${f} IS NULL AND $${f} IS NULL) OR abs(x.${f} - $${f}) <= 1e-9 * abs($${f}))`).join('\n  AND ')}
RETURN x.id AS id
ORDER BY id
LIMIT 1`,
);

/** A claim: its node, what it is about (ABOUT each material) and its publication. */
const CREATE_CLAIM: Record<'CURRENT' | 'PROPOSED', NamedQuery> = { CURRENT: createClaim('CURRENT'), PROPOSED: createClaim('PROPOSED') };

function createClaim(status: 'CURRENT' | 'PROPOSED'): NamedQuery {
  return cypher(
    `curation.createClaim.${status}`,
    `
MATCH (p:Publication {key: $publicationKey})
CREATE (x:${factStatusLabels('Claim', status).join(':')})
SET x = $props
CREATE (x)-[${relationshipOf(REPORTED_BY, 'r')}]->(p)
SET r = $reported
WITH x
CALL {
  WITH x
  UNWIND $materialIds AS materialId
  MATCH (m:Material {id: materialId})
  CREATE (x)-[${relationshipOf(ABOUT, 'a')}]->(m)
  SET a = $about
  RETURN count(m) AS materials
}
RETURN x.id AS id, materials`,
  );
}

// claims credited to the publication, current or proposed, of the same kind and statement (case and surrounding spaces aside) about the same materials
const DUPLICATE_CLAIM = cypher(
  'curation.duplicateClaim',
  `
MATCH (x)-[${relationshipOf(REPORTED_BY)}]->(:Publication {key: $publicationKey})
WHERE (x:Claim OR x:ProposedClaim) AND x.kind = $kind AND toLower(trim(x.statement)) = $statement
  AND COUNT { (x)-[:ABOUT]->(:Material) } = size($materialIds)
  AND all(id IN $materialIds WHERE EXISTS { (x)-[:ABOUT]->(:Material {id: id}) })
RETURN x.id AS id
ORDER BY id
LIMIT 1`,
);

// windows of the material reported by the publication, current or proposed, with the same scale, method and limits
const DUPLICATE_WINDOW = cypher(
  'curation.duplicateWindow',
  `
MATCH (:Material {id: $materialId})-[:HAS_WINDOW]->(x)-[${relationshipOf(REPORTED_BY)}]->(:Publication {key: $publicationKey})
WHERE (x:StabilityWindow OR x:ProposedStabilityWindow) AND x.scale = $scale AND x.method = $method
  AND ${['reductionValue', 'oxidationValue'].map((f) => `((x.${f} IS NULL AND $${f} IS NULL) OR abs(x.${f} - $${f}) <= 1e-9)`).join('\n  AND ')}
RETURN x.id AS id
ORDER BY id
LIMIT 1`,
);

const VARIANT_OF_MATERIAL = cypher(
  'curation.variantOfMaterial',
  `
OPTIONAL MATCH (v:MaterialVariant {id: $id})-[:VARIANT_OF]->(m:Material)
RETURN v.id AS id, m.id AS materialId`,
);

const CREATE_VARIANT = cypher(
  'curation.createVariant',
  `
MATCH (m:Material {id: $materialId})
CREATE (v:MaterialVariant)
SET v = $props
CREATE (v)-[:VARIANT_OF]->(m)
RETURN v.id AS id`,
);

// a variant an addition created, when no fact is about it
const DELETE_VARIANT_IF_UNUSED = cypher(
  'curation.deleteVariantIfUnused',
  `
MATCH (v:MaterialVariant {id: $id}) WHERE NOT v:SeedRecord AND NOT ()-[:OF_VARIANT]->(v) AND NOT ()-[:NAMES]->(v)
DETACH DELETE v
RETURN count(*) AS n`,
);

// --- changes of a fact -----------------------------------------------------------------------------

/** Sets a fact's labels to those of `status` (one statement per kind and status: labels are not parameters). */
const SET_STATUS: Record<FactKindLabel, Record<FactStatus, NamedQuery>> = Object.fromEntries(
  FACT_KIND_LABELS.map((kind) => [kind, Object.fromEntries(STATUSES.map((status) => [status, setStatus(kind, status)]))]),
) as Record<FactKindLabel, Record<FactStatus, NamedQuery>>;

function setStatus(kind: FactKindLabel, status: FactStatus): NamedQuery {
  const every = STATUSES.flatMap((s) => factStatusLabels(kind, s));
  return cypher(
    `curation.setStatus.${kind}.${status}`,
    `
${FIND_FACT}
REMOVE x:${every.join(':')}
SET x:${factStatusLabels(kind, status).join(':')}
RETURN x.id AS id`,
  );
}

/** Sets (a null removes) some properties of a fact. */
const UPDATE_FACT = cypher(
  'curation.updateFact',
  `
${FIND_FACT}
SET x += $changes
RETURN x.id AS id`,
);

/** Replaces every property of a fact (a revert). */
const REPLACE_FACT = cypher(
  'curation.replaceFact',
  `
${FIND_FACT}
SET x = $props
RETURN x.id AS id`,
);

const CREATE_VERSION = cypher(
  'curation.createVersion',
  `
${FIND_FACT}
CREATE (v:FactVersion)
SET v = $version
CREATE (v)-[:VERSION_OF]->(x)
RETURN v.version AS version`,
);

// the versions a revert undoes (kept from the version restored on)
const DELETE_VERSIONS_FROM = cypher(
  'curation.deleteVersionsFrom',
  `
MATCH (v:FactVersion {factId: $id}) WHERE v.version >= $version
DETACH DELETE v
RETURN count(*) AS n`,
);

const DELETE_FACT = cypher(
  'curation.deleteFact',
  `
${FIND_FACT}
OPTIONAL MATCH (v:FactVersion)-[:VERSION_OF]->(x)
DETACH DELETE v
WITH DISTINCT x
DETACH DELETE x
RETURN count(*) AS n`,
);

const DELETE_PUBLICATION_IF_UNUSED = cypher(
  'curation.deletePublicationIfUnused',
  `
MATCH (p:Publication {key: $key}) WHERE NOT (p)--()
DELETE p
RETURN count(*) AS n`,
);

const PUBLICATION_STATE = cypher(
  'curation.publicationState',
  `
OPTIONAL MATCH (p:Publication {key: $key})
RETURN properties(p) AS props`,
);

// a material an addition created: its names, its curated view, and the node when nothing else describes or refers to it
const REMOVE_CURATED_MATERIAL = cypher(
  'curation.removeCuratedMaterial',
  `
MATCH (m:Material {id: $id})
OPTIONAL MATCH (n:MaterialName)-[:NAMES]->(m) WHERE NOT n:SeedRecord
DETACH DELETE n
WITH DISTINCT m
REMOVE ${sourceCopies(MATERIAL, 'curated')
    .map((p) => `m.${p}`)
    .join(', ')}
RETURN m.id AS id`,
);

const DELETE_MATERIAL_IF_UNUSED = cypher(
  'curation.deleteMaterialIfUnused',
  `
MATCH (m:Material {id: $id})
WHERE ${Object.entries(MATERIAL_SOURCE_MARKERS).map(([source, marker]) => `m.${sourceCopyName(MATERIAL, source, marker)} IS NULL`).join(' AND ')} AND NOT (m)--()
DELETE m
RETURN count(*) AS n`,
);

const MATERIAL_STATE = cypher(
  'curation.materialState',
  `
OPTIONAL MATCH (m:Material {id: $id})
RETURN properties(m) AS props`,
);

// --- helpers ---------------------------------------------------------------------------------------

/** The kind and status a fact's labels give. */
export function kindAndStatus(labels: readonly string[]): { kind: FactKindLabel; status: FactStatus } | null {
  for (const kind of FACT_KIND_LABELS) {
    for (const status of STATUSES) {
      const [own] = factStatusLabels(kind, status);
      if (labels.includes(own)) return { kind, status };
    }
  }
  return null;
}

function foundFact(row: Row | undefined): FoundFact | null {
  if (!row) return null;
  const ks = kindAndStatus(row.labels as string[]);
  if (!ks) return null;
  const parts = ((row.parts as FactPart[] | undefined) ?? []).sort((a, b) => Number(a.link.position ?? 0) - Number(b.link.position ?? 0));
  return { ...ks, props: row.props as Record<string, unknown>, parts, materialIds: [...new Set((row.materialIds as string[]) ?? [])] };
}

/** The FactCuration properties of a new version. */
export function curationProps(version: number, action: string, keyId: string, reason: string | null, at = new Date().toISOString()): Record<string, unknown> {
  return storedProps(FACT_CURATION, { version, changedAt: at, changedBy: keyId, changeAction: action, changeReason: reason });
}

/** A former version as its FactVersion node stores it. */
function versionNode(id: string, fact: FoundFact): Record<string, unknown> {
  const p = fact.props;
  return {
    factId: id,
    version: (p.version as number | undefined) ?? 1,
    kind: fact.kind,
    status: fact.status,
    action: p.changeAction ?? null,
    at: p.changedAt ?? null,
    keyId: p.changedBy ?? null,
    reason: p.changeReason ?? null,
    props: JSON.stringify(p),
    parts: hasParts(fact.kind) ? JSON.stringify((fact.parts ?? []).map((x) => x.props)) : null,
  };
}

/** One version as `factHistory` reads it. */
export interface FactVersionRecord {
  factId: string;
  version: number;
  kind: string;
  status: FactStatus;
  action: string | null;
  at: string | null;
  keyId: string | null;
  reason: string | null;
  props: string;
  parts: string | null;
}

export class CurationStore {
  constructor(private readonly db: GraphDatabase) {}

  /** The fact of `id` in any status, or null. */
  async fact(id: string): Promise<FoundFact | null> {
    const [row] = await this.db.read(FACT_STATE, { id });
    return foundFact(row);
  }

  /** Every version of a fact, oldest first, the current one last; null when there is no fact of that id. */
  async history(id: string): Promise<FactVersionRecord[] | null> {
    const [row] = await this.db.read(FACT_HISTORY, { id });
    if (!row) return null;
    const fact = foundFact({ ...row, materialIds: [] });
    if (!fact) return null;
    const current = versionNode(id, fact) as unknown as FactVersionRecord;
    const versions = ((row.versions as FactVersionRecord[]) ?? []).map((v) => ({ ...v, parts: v.parts ?? null }));
    return [...versions, current];
  }

  /** The key of the publication of `key` or `doi`, if the graph has it. */
  async publicationKey(key: string, doi: string | null): Promise<string | null> {
    const [row] = await this.db.read(PUBLICATION_EXISTS, { key, doi });
    return (row?.key as string | null) ?? null;
  }

  async materialExists(id: string): Promise<boolean> {
    const [row] = await this.db.read(MATERIAL_EXISTS, { id });
    return row?.id != null;
  }

  /** The id of a current or proposed measurement that `m` would repeat, or null. */
  async duplicateMeasurement(m: MeasurementIdentity): Promise<string | null> {
    const [row] = await this.db.read(DUPLICATE_MEASUREMENT, { ...m });
    return (row?.id as string | null) ?? null;
  }

  /** The material of variant `id`, or null when there is no such variant. */
  async variantMaterial(id: string): Promise<string | null> {
    const [row] = await this.db.read(VARIANT_OF_MATERIAL, { id });
    return (row?.materialId as string | null) ?? null;
  }

  /** Creates a variant of a material. */
  async addVariant(v: { id: string; materialId: string; props: Record<string, unknown> }, audit: Audit): Promise<ChangeSetRecord> {
    return this.db.writeTransaction('curation.addVariant', async (tx) => {
      await this.exclusive(tx, audit);
      const rows = await tx.run(CREATE_VARIANT, { materialId: v.materialId, props: v.props });
      if (rows.length !== 1) throw new CurationConflictError(`the material ${v.materialId} is no longer in the graph`);
      return ChangeSetStore.record(tx, { ...audit, changes: [{ kind: 'MaterialVariant', entityId: v.id, action: 'ADD', before: null, after: { props: v.props }, materialIds: [v.materialId] }] });
    });
  }

  /** The id of a current or proposed claim that `c` would repeat, or null. */
  async duplicateClaim(c: ClaimIdentity): Promise<string | null> {
    const [row] = await this.db.read(DUPLICATE_CLAIM, { ...c, statement: c.statement.trim().toLowerCase() });
    return (row?.id as string | null) ?? null;
  }

  /** Creates a claim about its materials (and its publication when new), current or proposed. */
  async addClaim(c: ClaimAdd, audit: Audit): Promise<ChangeSetRecord> {
    return this.db.writeTransaction('curation.addClaim', async (tx) => {
      await this.exclusive(tx, audit);
      const changes: ChangeWrite[] = [];
      await this.publicationIfNew(tx, c.newPublication, changes);
      const [row] = await tx.run(CREATE_CLAIM[c.status], {
        publicationKey: c.publicationKey,
        materialIds: c.materialIds,
        props: c.props,
        reported: storedProps(REPORTED_BY, { position: 0 }),
        about: storedProps(ABOUT, { variantId: null }),
      });
      if (!row || Number(row.materials) !== c.materialIds.length) throw new CurationConflictError(`a material of ${c.materialIds.join(', ')} or the publication ${c.publicationKey} is no longer in the graph`);
      changes.push({ kind: 'Claim', entityId: c.props.id, action: c.status === 'CURRENT' ? 'ADD' : 'PROPOSE', before: null, after: { status: c.status, props: c.props }, materialIds: c.materialIds });
      return ChangeSetStore.record(tx, { ...audit, changes });
    });
  }

  /** The id of a current or proposed window that `w` would repeat, or null. */
  async duplicateWindow(w: WindowIdentity): Promise<string | null> {
    const [row] = await this.db.read(DUPLICATE_WINDOW, { ...w });
    return (row?.id as string | null) ?? null;
  }

  /** The id of a current or proposed interphase observation that `o` would repeat, or null. */
  async duplicateObservation(o: ObservationIdentity): Promise<string | null> {
    const [row] = await this.db.read(DUPLICATE_OBSERVATION, { ...o });
    return (row?.id as string | null) ?? null;
  }

  /** Creates an interphase observation (with its interface and publication when new), current or proposed. */
  async addObservation(o: ObservationAdd, audit: Audit): Promise<ChangeSetRecord> {
    return this.addComposite('InterphaseObservation', o, audit, async (tx, changes) => {
      const i = o.interface;
      const [existing] = await tx.run(INTERFACE_EXISTS, { id: i.id });
      if (!existing?.id) {
        const created = await tx.run(CREATE_INTERFACE, { electrolyteId: i.electrolyteId, counterpartId: i.counterpartId, props: i.props });
        if (created.length !== 1) throw new CurationConflictError(`the material ${i.electrolyteId} or ${i.counterpartId} is no longer in the graph`);
        changes.push({ kind: 'Interface', entityId: i.id, action: 'ADD', before: null, after: { props: i.props }, materialIds: [i.electrolyteId, i.counterpartId] });
      }
      const [row] = await tx.run(CREATE_OBSERVATION[o.status], { interfaceId: i.id, ...this.common(o), products: o.products, evidence: o.evidence });
      if (!row || Number(row.products) !== o.products.length || Number(row.evidence) !== o.evidence.length) {
        throw new CurationConflictError(`a product, the interface ${i.id} or the publication ${o.publicationKey} is no longer in the graph`);
      }
      await tx.run(SYNC_INTERFACE, { id: i.id });
      return [i.electrolyteId, i.counterpartId, ...o.products.map((p) => p.materialId)];
    });
  }

  /** The id of a current or proposed coating application that `c` would repeat, or null. */
  async duplicateCoating(c: CoatingIdentity): Promise<string | null> {
    const [row] = await this.db.read(DUPLICATE_COATING, { ...c });
    return (row?.id as string | null) ?? null;
  }

  /** Creates a coating application with its effects (and its publication when new), current or proposed. */
  async addCoating(c: CoatingAdd, audit: Audit): Promise<ChangeSetRecord> {
    return this.addComposite('CoatingApplication', c, audit, async (tx) => {
      const [row] = await tx.run(CREATE_COATING[c.status], {
        ...this.common(c),
        coatingId: c.coatingId,
        substrateId: c.substrateId,
        electrolyteId: c.electrolyteId,
        appliedOn: c.appliedOn,
        pairedWith: c.pairedWith,
        effects: c.effects,
      });
      if (!row || Number(row.substrates) !== (c.substrateId ? 1 : 0) || Number(row.electrolytes) !== (c.electrolyteId ? 1 : 0)) {
        throw new CurationConflictError(`a material of the coating application or the publication ${c.publicationKey} is no longer in the graph`);
      }
      return [c.coatingId, ...(c.substrateId ? [c.substrateId] : []), ...(c.electrolyteId ? [c.electrolyteId] : [])];
    });
  }

  /** The id of a current or proposed cell that `c` would repeat (same results within 1e-9 relative), or null. */
  async duplicateCell(c: CellIdentity): Promise<string | null> {
    const rows = await this.db.read(CELL_CANDIDATES, { publicationKey: c.publicationKey, cellType: c.cellType, components: c.components });
    const key = (r: { property: string; value: number | null; atCycle: number | null }) => `${r.property}|${r.atCycle ?? ''}`;
    const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300));
    const wanted = [...c.results].sort((a, b) => key(a).localeCompare(key(b)) || (a.value ?? 0) - (b.value ?? 0));
    for (const row of rows) {
      const have = (row.results as CellIdentity['results']).map((r) => ({ property: r.property, value: r.value ?? null, atCycle: r.atCycle == null ? null : Number(r.atCycle) }));
      have.sort((a, b) => key(a).localeCompare(key(b)) || (a.value ?? 0) - (b.value ?? 0));
      if (have.length === wanted.length && have.every((r, i) => key(r) === key(wanted[i]!) && same(r.value, wanted[i]!.value))) return row.id as string;
    }
    return null;
  }

  /** Creates a cell with its components and results (and its publication when new), current or proposed. */
  async addCell(c: CellAdd, audit: Audit): Promise<ChangeSetRecord> {
    return this.addComposite('Cell', c, audit, async (tx) => {
      const [row] = await tx.run(CREATE_CELL[c.status], { ...this.common(c), components: c.components, results: c.results });
      if (!row || Number(row.components) !== c.components.length) throw new CurationConflictError(`a component of the cell or the publication ${c.publicationKey} is no longer in the graph`);
      return c.components.map((k) => k.materialId);
    });
  }

  private common(f: NewFact) {
    return { publicationKey: f.publicationKey, props: f.props, reported: storedProps(REPORTED_BY, { position: 0 }) };
  }

  /** One transaction: the publication when new, what `write` creates (it answers the fact's materials), the change set. */
  private async addComposite(
    kind: FactKindLabel,
    f: NewFact,
    audit: Audit,
    write: (tx: GraphTransaction, changes: ChangeWrite[]) => Promise<string[]>,
  ): Promise<ChangeSetRecord> {
    return this.db.writeTransaction(`curation.add${kind}`, async (tx) => {
      await this.exclusive(tx, audit);
      const changes: ChangeWrite[] = [];
      await this.publicationIfNew(tx, f.newPublication, changes);
      const materialIds = [...new Set(await write(tx, changes))];
      changes.push({ kind, entityId: f.props.id, action: f.status === 'CURRENT' ? 'ADD' : 'PROPOSE', before: null, after: { status: f.status, props: f.props }, materialIds });
      return ChangeSetStore.record(tx, { ...audit, changes });
    });
  }

  /** Takes the additions' lock inside `tx`, then re-runs the repeat check. @throws DuplicateFactError */
  private async exclusive(tx: GraphTransaction, audit: Audit): Promise<void> {
    await tx.run(LOCK_ADDITIONS);
    const repeated = (await audit.recheck?.()) ?? null;
    if (repeated) throw new DuplicateFactError(repeated);
  }

  /**
   * Creates the publication a fact credits when the request found it new, unless another addition created it
   * meanwhile (the lock is held, so that one has committed): then the fact credits that one and nothing is added.
   */
  private async publicationIfNew(tx: GraphTransaction, p: PublicationAdd | null, changes: ChangeWrite[]): Promise<void> {
    if (!p) return;
    const [found] = await tx.run(PUBLICATION_EXISTS, { key: p.key, doi: p.props.doi ?? null });
    if (found?.key != null) return;
    await tx.run(CREATE_PUBLICATION, { key: p.key, props: p.props });
    changes.push({ kind: 'Publication', entityId: p.key, action: 'ADD', before: null, after: { props: { key: p.key, ...p.props } }, materialIds: [] });
  }

  /** Creates a publication (refused by the key's uniqueness constraint when it exists). */
  async addPublication(p: PublicationAdd, audit: Audit): Promise<ChangeSetRecord> {
    return this.db.writeTransaction('curation.addPublication', async (tx) => {
      await tx.run(CREATE_PUBLICATION, { key: p.key, props: p.props });
      return ChangeSetStore.record(tx, { ...audit, changes: [{ kind: 'Publication', entityId: p.key, action: 'ADD', before: null, after: { props: { key: p.key, ...p.props } }, materialIds: [] }] });
    });
  }

  /** Creates a material with its curated view and names. */
  async addMaterial(m: MaterialAdd, audit: Audit): Promise<ChangeSetRecord> {
    return this.db.writeTransaction('curation.addMaterial', async (tx) => {
      await tx.run(CREATE_MATERIAL, { id: m.id, props: m.props, names: m.names });
      await tx.run(REFRESH_MATERIALS, { ids: [m.id] });
      const [after] = await tx.run(MATERIAL_STATE, { id: m.id });
      return ChangeSetStore.record(tx, { ...audit, changes: [{ kind: 'Material', entityId: m.id, action: 'ADD', before: null, after: { props: after?.props }, materialIds: [m.id] }] });
    });
  }

  /** Creates a fact (and its publication when new), current or proposed. */
  async addFact(m: FactAdd, audit: Audit): Promise<ChangeSetRecord> {
    return this.db.writeTransaction(`curation.add${m.kind}`, async (tx) => {
      await this.exclusive(tx, audit);
      const changes: ChangeWrite[] = [];
      await this.publicationIfNew(tx, m.newPublication, changes);
      const rows = await tx.run(CREATE_FACT[m.kind][m.status], {
        variantId: m.variantId ?? null,
        materialId: m.materialId,
        publicationKey: m.publicationKey,
        props: m.props,
        reported: storedProps(REPORTED_BY, { position: 0 }),
      });
      if (rows.length !== 1 || (m.variantId && Number(rows[0]!.variants) !== 1)) {
        throw new CurationConflictError(`the material ${m.materialId}, its variant ${m.variantId ?? ''} or the publication ${m.publicationKey} is no longer in the graph`);
      }
      const after: FactState = { status: m.status, props: m.props };
      changes.push({ kind: m.kind, entityId: m.props.id, action: m.status === 'CURRENT' ? 'ADD' : 'PROPOSE', before: null, after, materialIds: [m.materialId] });
      return ChangeSetStore.record(tx, { ...audit, changes });
    });
  }

  /**
   * A new version of a fact: `changes` (stored names; null removes) and/or a new `status`, the former state
   * kept as a FactVersion. `expect` is the status the fact must be in (else CurationConflictError).
   */
  async changeFact(
    id: string,
    change: {
      props?: Record<string, unknown>;
      /** For a kind with sub-records: the new ones, replacing them all (absent: they stay). */
      parts?: FactPart[];
      status?: FactStatus;
      action: 'CORRECT' | 'RETRACT' | 'ACCEPT' | 'REJECT';
      expect: readonly FactStatus[];
    },
    audit: Audit,
  ): Promise<{ changeSet: ChangeSetRecord; fact: FoundFact }> {
    return this.db.writeTransaction(`curation.${change.action.toLowerCase()}`, async (tx) => {
      const [row] = await tx.run(FACT_STATE, { id });
      const before = foundFact(row);
      if (!before) throw new CurationConflictError(`no fact has the id '${id}'`);
      if (!change.expect.includes(before.status)) throw new CurationConflictError(`the fact '${id}' is ${before.status}; this needs it ${change.expect.join(' or ')}`);
      await tx.run(CREATE_VERSION, { id, version: versionNode(id, before) });
      const version = ((before.props.version as number | undefined) ?? 1) + 1;
      await tx.run(UPDATE_FACT, { id, changes: { ...(change.props ?? {}), ...curationProps(version, change.action, audit.keyId, audit.reason) } });
      if (change.parts) {
        if (!hasParts(before.kind)) throw new Error(`a ${before.kind} has no sub-records to replace`);
        await tx.run(REPLACE_FACT_PARTS[before.kind], { id, parts: change.parts });
      }
      const status = change.status ?? before.status;
      if (status !== before.status) await relisting(tx, before.kind, id, () => tx.run(SET_STATUS[before.kind][status], { id }));
      const after = foundFact((await tx.run(FACT_STATE, { id }))[0])!;
      const changeSet = await ChangeSetStore.record(tx, {
        ...audit,
        changes: [{ kind: before.kind, entityId: id, action: change.action, before: state(before), after: state(after), materialIds: before.materialIds }],
      });
      return { changeSet, fact: after };
    });
  }

  /**
   * Reverts change set `id`: each entity it changed restored to its state before (an added one removed), in
   * reverse order, in one transaction with a REVERT change set that marks the original reverted.
   * @throws CurationConflictError when the change set is unknown or reverted, or an entity changed since
   */
  async revert(id: string, audit: Audit): Promise<{ changeSet: ChangeSetRecord; entityIds: string[]; materialIds: string[] }> {
    const changeSets = new ChangeSetStore(this.db);
    const original = await changeSets.byId(id);
    if (!original) throw new CurationConflictError(`no change set has the id '${id}'`, 'NOT_FOUND');
    if (original.revertedBy) throw new CurationConflictError(`the change set '${id}' was reverted already (by ${original.revertedBy})`);
    const changes = (await changeSets.changes([id])).sort((a, b) => b.seq - a.seq);
    return this.db.writeTransaction('curation.revert', async (tx) => {
      const undone: ChangeWrite[] = [];
      for (const c of changes) undone.push(await revertOne(tx, c));
      const record = await ChangeSetStore.record(tx, { ...audit, revertOf: id, changes: undone });
      await ChangeSetStore.markReverted(tx, id, record.id);
      return { changeSet: record, entityIds: undone.map((c) => c.entityId), materialIds: [...new Set(undone.flatMap((c) => c.materialIds))] };
    });
  }
}

function state(f: FoundFact): FactState {
  return hasParts(f.kind) ? { status: f.status, props: f.props, parts: f.parts ?? [] } : { status: f.status, props: f.props };
}

function hasParts(kind: FactKindLabel): kind is KindWithParts {
  return Object.prototype.hasOwnProperty.call(FACT_PARTS, kind);
}

/** Restores one entity to the `before` of change `c` and returns the REVERT change. */
async function revertOne(tx: GraphTransaction, c: ChangeWrite): Promise<ChangeWrite> {
  const revert = (before: unknown, after: unknown): ChangeWrite => ({ kind: c.kind, entityId: c.entityId, action: 'REVERT', before, after, materialIds: c.materialIds });
  if (c.kind === 'Publication') {
    const [now] = await tx.run(PUBLICATION_STATE, { key: c.entityId });
    if (c.before !== null) throw new CurationConflictError(`a change of the publication '${c.entityId}' cannot be reverted`);
    const [deleted] = await tx.run(DELETE_PUBLICATION_IF_UNUSED, { key: c.entityId });
    if (!deleted || Number(deleted.n) === 0) throw new CurationConflictError(`the publication '${c.entityId}' is still credited by a fact; revert that addition first`);
    return revert({ props: now?.props ?? null }, null);
  }
  if (c.kind === 'MaterialVariant') {
    if (c.before !== null) throw new CurationConflictError(`a change of the variant '${c.entityId}' cannot be reverted`);
    const [deleted] = await tx.run(DELETE_VARIANT_IF_UNUSED, { id: c.entityId });
    if (!deleted || Number(deleted.n) === 0) throw new CurationConflictError(`a fact is about the variant '${c.entityId}'; revert that addition first`);
    return revert(c.after, null);
  }
  if (c.kind === 'Interface') {
    if (c.before !== null) throw new CurationConflictError(`a change of the interface '${c.entityId}' cannot be reverted`);
    const [deleted] = await tx.run(DELETE_INTERFACE_IF_UNUSED, { id: c.entityId });
    if (!deleted || Number(deleted.n) === 0) throw new CurationConflictError(`a fact is at or about the interface '${c.entityId}'; revert that addition first`);
    return revert(c.after, null);
  }
  if (c.kind === 'Material') {
    if (c.before !== null) throw new CurationConflictError(`a change of the material '${c.entityId}' cannot be reverted`);
    const [now] = await tx.run(MATERIAL_STATE, { id: c.entityId });
    await tx.run(REMOVE_CURATED_MATERIAL, { id: c.entityId });
    await tx.run(REFRESH_MATERIALS, { ids: [c.entityId] });
    const [deleted] = await tx.run(DELETE_MATERIAL_IF_UNUSED, { id: c.entityId });
    if (!deleted || Number(deleted.n) === 0) throw new CurationConflictError(`the material '${c.entityId}' is still the subject of a fact; revert that addition first`);
    return revert({ props: now?.props ?? null }, null);
  }
  const [row] = await tx.run(FACT_STATE, { id: c.entityId });
  const now = foundFact(row);
  const after = c.after as FactState | null;
  if (!now || !after || (now.props.version ?? 1) !== (after.props.version ?? 1) || now.status !== after.status) {
    throw new CurationConflictError(`the fact '${c.entityId}' changed after this change set; revert the later change sets first`);
  }
  const before = c.before as FactState | null;
  if (before === null) {
    await tx.run(DELETE_FACT_PARTS, { id: c.entityId });
    await relisting(tx, now.kind, c.entityId, () => tx.run(DELETE_FACT, { id: c.entityId }));
    return revert(state(now), null);
  }
  await tx.run(REPLACE_FACT, { id: c.entityId, props: before.props });
  if (before.parts && hasParts(now.kind)) await tx.run(REPLACE_FACT_PARTS[now.kind], { id: c.entityId, parts: before.parts });
  await relisting(tx, now.kind, c.entityId, () => tx.run(SET_STATUS[now.kind][before.status], { id: c.entityId }));
  await tx.run(DELETE_VERSIONS_FROM, { id: c.entityId, version: (before.props.version as number | undefined) ?? 1 });
  return revert(state(now), before);
}

/**
 * Runs `step` (a change of status, or a removal) on fact `id`, then lists or unlists the interface it was at by
 * whether a current fact is still at it (SYNC_INTERFACE); only interphase observations are at an interface.
 */
async function relisting(tx: GraphTransaction, kind: FactKindLabel, id: string, step: () => Promise<unknown>): Promise<void> {
  if (kind !== 'InterphaseObservation') {
    await step();
    return;
  }
  const interfaces = await tx.run(INTERFACES_OF_FACT, { id });
  await step();
  for (const i of interfaces) await tx.run(SYNC_INTERFACE, { id: i.id });
}
