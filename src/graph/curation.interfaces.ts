/**
 * The Cypher of the additions of interface facts through the API (used by curation.store.ts, in the same write
 * transaction as their change set): interphase observations (AT an Interface between an electrolyte and a
 * counterpart material, created with the first observation when the graph lacks it and listed only while a
 * current fact is at it: SYNC_INTERFACE), coating applications
 * (COATING, APPLIED_ON, PAIRED_WITH, HAS_EFFECT → CoatingEffect) and cells (HAS_COMPONENT, HAS_RESULT → CellResult),
 * written as the seed writes them (seed.store.ts), under the labels of their status (factStatusLabels).
 */
import { CELL_COMPONENT, HAS_RESULT } from '../domain/model/cell.kind.js';
import { APPLIED_ON, HAS_EFFECT, PAIRED_WITH } from '../domain/model/coating.kind.js';
import { factStatusLabels } from '../domain/model/curation.kind.js';
import { REPORTED_BY } from '../domain/model/fact.kind.js';
import { EVIDENCE, INTERPHASE_PRODUCT } from '../domain/model/interphaseObservation.kind.js';
import { cypher, type NamedQuery } from './database.js';
import { relationshipOf } from './nodeKinds.js';

type Status = 'CURRENT' | 'PROPOSED';
const both = (make: (s: Status) => NamedQuery): Record<Status, NamedQuery> => ({ CURRENT: make('CURRENT'), PROPOSED: make('PROPOSED') });

/** Finds a fact by id in any status (the CALL that binds `x`). */
export const FIND_FACT = `CALL {
  MATCH (x:Fact {id: $id}) RETURN x
  UNION MATCH (x:ProposedFact {id: $id}) RETURN x
  UNION MATCH (x:RetractedFact {id: $id}) RETURN x
  UNION MATCH (x:RejectedFact {id: $id}) RETURN x
}`;

/**
 * Finds an interface by `$param` under either label (the CALL that binds `i`): `Interface`, read by the lists,
 * or `UnlistedInterface`, one the API created that no current fact is at or about yet (SYNC_INTERFACE).
 */
const findInterface = (param: string) => `CALL {
  MATCH (i:Interface {id: ${param}}) RETURN i
  UNION MATCH (i:UnlistedInterface {id: ${param}}) RETURN i
}`;

export const INTERFACE_EXISTS = cypher(
  'curation.interfaceExists',
  `
${findInterface('$id')}
RETURN i.id AS id`,
);

/**
 * An interface between two materials (counterpart kind MATERIAL), as the seed writes one but unlisted until
 * SYNC_INTERFACE finds a current fact at it (a proposal's interface is read by no list).
 */
export const CREATE_INTERFACE = cypher(
  'curation.createInterface',
  `
MATCH (e:Material {id: $electrolyteId})
MATCH (c:Material {id: $counterpartId})
CREATE (i:UnlistedInterface)
SET i = $props
CREATE (i)-[:ELECTROLYTE]->(e)
CREATE (i)-[:COUNTERPART]->(c)
RETURN i.id AS id`,
);

/** The interfaces a fact is at (an interphase observation's one), whatever the status of either. */
export const INTERFACES_OF_FACT = cypher(
  'curation.interfacesOfFact',
  `
${FIND_FACT}
MATCH (x)-[:AT]->(i)
RETURN i.id AS id`,
);

/**
 * Lists an interface the API created (label `Interface`) while a current fact is at or about it, and unlists
 * it (label `UnlistedInterface`) otherwise: after a proposal, an acceptance, a rejection, a retraction or a
 * revert. An interface of the seed stays listed.
 */
export const SYNC_INTERFACE = cypher(
  'curation.syncInterface',
  `
${findInterface('$id')}
WITH i WHERE NOT i:SeedRecord
WITH i, EXISTS { (:Fact)-[:AT|ABOUT_INTERFACE]->(i) } AS listed
FOREACH (_ IN CASE WHEN listed THEN [1] ELSE [] END | REMOVE i:UnlistedInterface SET i:Interface)
FOREACH (_ IN CASE WHEN listed THEN [] ELSE [1] END | REMOVE i:Interface SET i:UnlistedInterface)
RETURN listed`,
);

// an interface an addition created, when nothing is at it or about it any more
export const DELETE_INTERFACE_IF_UNUSED = cypher(
  'curation.deleteInterfaceIfUnused',
  `
${findInterface('$id')}
WITH i WHERE NOT i:SeedRecord AND NOT ()-[:AT|ABOUT_INTERFACE]->(i)
DETACH DELETE i
RETURN count(*) AS n`,
);

/**
 * The sub-records a fact owns (a coating application's effects, a cell's results): the relationship and label
 * of each kind that has them. A correction that gives new ones replaces them all (REPLACE_FACT_PARTS); the
 * fact's versions keep the ones they had (FactVersion.parts).
 */
export const FACT_PARTS = {
  CoatingApplication: { relationship: HAS_EFFECT, label: 'CoatingEffect' },
  Cell: { relationship: HAS_RESULT, label: 'CellResult' },
} as const;
export type KindWithParts = keyof typeof FACT_PARTS;

/** A sub-record as stored: its link's properties (its `position`), its own, and whether the seed wrote it. */
export interface FactPart {
  link: Record<string, unknown>;
  props: Record<string, unknown>;
  seed?: boolean;
}


/**
 * Replaces every sub-record of a fact with `$parts` (a correction, or a revert to a version before one). A new
 * part of a fact of the seed is marked as the seed's (so a reload of the seed replaces it with the rest).
 */
export const REPLACE_FACT_PARTS = Object.fromEntries(
  Object.entries(FACT_PARTS).map(([kind, { relationship, label }]) => [
    kind,
    cypher(
      `curation.replaceFactParts.${kind}`,
      `
${FIND_FACT}
OPTIONAL MATCH (x)-[:${relationship.relationship}]->(old:${label})
DETACH DELETE old
WITH DISTINCT x
CALL {
  WITH x
  UNWIND $parts AS part
  CREATE (s:${label})
  SET s = part.props
  CREATE (x)-[${relationshipOf(relationship, 'h')}]->(s)
  SET h = part.link
  FOREACH (_ IN CASE WHEN coalesce(part.seed, x:SeedRecord) THEN [1] ELSE [] END | SET s:SeedRecord)
  RETURN count(s) AS parts
}
RETURN parts`,
    ),
  ]),
) as Record<KindWithParts, NamedQuery>;

/** The sub-records of a fact (a coating's effects, a cell's results) that an addition created, removed with it by a revert. */
export const DELETE_FACT_PARTS = cypher(
  'curation.deleteFactParts',
  `
MATCH (x {id: $id})-[:HAS_EFFECT|HAS_RESULT]->(s) WHERE (s:CoatingEffect OR s:CellResult) AND NOT s:SeedRecord
DETACH DELETE s
RETURN count(*) AS n`,
);

export const CREATE_OBSERVATION = both(
  (status) =>
    cypher(
      `curation.createInterphaseObservation.${status}`,
      `
${findInterface('$interfaceId')}
MATCH (p:Publication {key: $publicationKey})
CREATE (x:${factStatusLabels('InterphaseObservation', status).join(':')})
SET x = $props
CREATE (x)-[:AT]->(i)
CREATE (x)-[${relationshipOf(REPORTED_BY, 'r')}]->(p)
SET r = $reported
WITH x
CALL {
  WITH x
  UNWIND $products AS product
  MATCH (m:Material {id: product.materialId})
  CREATE (x)-[${relationshipOf(INTERPHASE_PRODUCT, 'pr')}]->(m)
  SET pr = product.props
  RETURN count(m) AS products
}
CALL {
  WITH x
  UNWIND $evidence AS ev
  MATCH (t:Technique {id: ev.technique})
  CREATE (x)-[${relationshipOf(EVIDENCE, 'e')}]->(t)
  SET e = ev.props
  RETURN count(t) AS evidence
}
RETURN x.id AS id, products, evidence`,
    ),
);

// observations at the interface credited to the publication, current or proposed, with the same products, potential and thickness
export const DUPLICATE_OBSERVATION = cypher(
  'curation.duplicateInterphaseObservation',
  `
${findInterface('$interfaceId')}
MATCH (x)-[:AT]->(i)
WHERE (x:InterphaseObservation OR x:ProposedInterphaseObservation)
  AND EXISTS { (x)-[${relationshipOf(REPORTED_BY)}]->(:Publication {key: $publicationKey}) }
  AND COUNT { (x)-[:PRODUCES]->(:Material) } = size($productIds)
  AND all(id IN $productIds WHERE EXISTS { (x)-[:PRODUCES]->(:Material {id: id}) })
  AND ${['potentialValue', 'thicknessValue'].map((f) => `((x.${f} IS NULL AND $${f} IS NULL) OR abs(x.${f} - $${f}) <= 1e-9)`).join('\n  AND ')}
RETURN x.id AS id
ORDER BY id
LIMIT 1`,
);

export const CREATE_COATING = both(
  (status) =>
    cypher(
      `curation.createCoatingApplication.${status}`,
      `
MATCH (coating:Material {id: $coatingId})
MATCH (p:Publication {key: $publicationKey})
OPTIONAL MATCH (s:Material {id: $substrateId})
OPTIONAL MATCH (e:Material {id: $electrolyteId})
CREATE (x:${factStatusLabels('CoatingApplication', status).join(':')})
SET x = $props
CREATE (x)-[:COATING]->(coating)
CREATE (x)-[${relationshipOf(REPORTED_BY, 'r')}]->(p)
SET r = $reported
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | CREATE (x)-[${relationshipOf(APPLIED_ON, 'a')}]->(s) SET a = $appliedOn)
FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (x)-[${relationshipOf(PAIRED_WITH, 'pw')}]->(e) SET pw = $pairedWith)
WITH x, count(s) AS substrates, count(e) AS electrolytes
CALL {
  WITH x
  UNWIND $effects AS effect
  CREATE (eff:CoatingEffect)
  SET eff = effect.props
  CREATE (x)-[${relationshipOf(HAS_EFFECT, 'h')}]->(eff)
  SET h = effect.link
  RETURN count(eff) AS effects
}
RETURN x.id AS id, substrates, electrolytes, effects`,
    ),
);

// applications of the same coating on the same substrate with the same electrolyte, role and method, credited to the publication
export const DUPLICATE_COATING = cypher(
  'curation.duplicateCoatingApplication',
  `
MATCH (x)-[:COATING]->(:Material {id: $coatingId})
WHERE (x:CoatingApplication OR x:ProposedCoatingApplication) AND x.role = $role AND x.method = $method
  AND EXISTS { (x)-[${relationshipOf(REPORTED_BY)}]->(:Publication {key: $publicationKey}) }
  AND coalesce(head([(x)-[:APPLIED_ON]->(s:Material) | s.id]), '') = coalesce($substrateId, '')
  AND coalesce(head([(x)-[:PAIRED_WITH]->(e:Material) | e.id]), '') = coalesce($electrolyteId, '')
  AND ((x.thicknessValue IS NULL AND $thicknessValue IS NULL) OR abs(x.thicknessValue - $thicknessValue) <= 1e-9)
RETURN x.id AS id
ORDER BY id
LIMIT 1`,
);

export const CREATE_CELL = both(
  (status) =>
    cypher(
      `curation.createCell.${status}`,
      `
MATCH (p:Publication {key: $publicationKey})
CREATE (x:${factStatusLabels('Cell', status).join(':')})
SET x = $props
CREATE (x)-[${relationshipOf(REPORTED_BY, 'r')}]->(p)
SET r = $reported
WITH x
CALL {
  WITH x
  UNWIND $components AS component
  MATCH (m:Material {id: component.materialId})
  CREATE (x)-[${relationshipOf(CELL_COMPONENT, 'c')}]->(m)
  SET c = component.props
  RETURN count(m) AS components
}
CALL {
  WITH x
  UNWIND $results AS result
  CREATE (res:CellResult)
  SET res = result.props
  CREATE (x)-[${relationshipOf(HAS_RESULT, 'h')}]->(res)
  SET h = result.link
  RETURN count(res) AS results
}
RETURN x.id AS id, components, results`,
    ),
);

// cells of the same type and components (material and role) credited to the publication, with their results (compared by the caller)
export const CELL_CANDIDATES = cypher(
  'curation.duplicateCellCandidates',
  `
MATCH (x)-[${relationshipOf(REPORTED_BY)}]->(:Publication {key: $publicationKey})
WHERE (x:Cell OR x:ProposedCell) AND x.cellType = $cellType
  AND COUNT { (x)-[:HAS_COMPONENT]->(:Material) } = size($components)
  AND all(c IN $components WHERE EXISTS { (x)-[k:HAS_COMPONENT]->(:Material {id: c.materialId}) WHERE k.role = c.role })
RETURN x.id AS id, [(x)-[:HAS_RESULT]->(r:CellResult) | {property: r.property, value: r.value, atCycle: r.atCycle}] AS results
ORDER BY id`,
);
