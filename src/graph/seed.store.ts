/**
 * Writes a validated seed (seed.records.ts) in ONE write transaction: all of it lands or none.
 *
 * Everything the seed alone owns (facts, their sub-records, interfaces, variants) carries the label
 * SeedRecord and is replaced as a whole on every load; shared nodes (Material, Publication, Technique,
 * MaterialFamily) are MERGEd, the seed's view of each material kept in its seed* properties
 * (materialSources.ts). So loading twice gives the same nodes, relationships and properties.
 *
 * Model (relationship directions):
 *   (Review:Publication)-[:CITES {number, line}]->(Publication)
 *   (fact:Fact)-[:ASSERTED_IN]->(Review)   (fact)-[:REPORTED_BY {position}]->(Publication)   (the lines, references and
 *   citation confidence are the fact's own source properties)
 *   (fact)-[:CORRECTED_REFERENCE]->(Publication)          (fact)-[:OF_VARIANT]->(MaterialVariant)-[:VARIANT_OF]->(Material)
 *   (Material)-[:HAS_MEASUREMENT]->(Measurement)          (Material)-[:HAS_WINDOW]->(StabilityWindow)
 *   (fact)-[:ABOUT_FAMILY]->(MaterialFamily)          (MaterialName)-[:NAMES]->(Material)
 *   (Interface)-[:ELECTROLYTE]->(Material)  (Interface)-[:ELECTROLYTE_FAMILY]->(MaterialFamily)  (Interface)-[:COUNTERPART]->(Material)
 *   (InterphaseObservation)-[:AT]->(Interface)  -[:PRODUCES {position, variantId}]->(Material)  -[:EVIDENCE {position, text}]->(Technique)
 *   (CoatingApplication)-[:COATING]->(Material)  -[:APPLIED_ON {variantId}]->(Material)  -[:PAIRED_WITH {variantId}]->(Material)
 *   (CoatingApplication)-[:HAS_EFFECT {position}]->(CoatingEffect)   (CoatingApplication)-[:TESTED_IN]->(Cell)
 *   (Cell)-[:HAS_COMPONENT {position, role, variantId, text}]->(Material)   (Cell)-[:HAS_RESULT {position}]->(CellResult)
 *   (Claim)-[:ABOUT {variantId}]->(Material)  -[:ABOUT_INTERFACE]->(Interface)  -[:ABOUT_FAMILY]->(MaterialFamily)
 *   (Claim)-[:HAS_QUANTITY {position}]->(ClaimQuantity)   (Claim)-[:EXPLAINS]->(Fact)
 * The properties of nodes and relationships alike are those of their declarations (domain/model/*.kind.ts),
 * written with storedProps.
 */
import { STRUCTURAL_FAMILIES } from '../domain/families.js';
import { CITATION } from '../domain/model/citation.kind.js';
import { REPORTED_BY, SOURCE } from '../domain/model/fact.kind.js';
import { CELL, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT, HAS_RESULT } from '../domain/model/cell.kind.js';
import { ABOUT, CLAIM, CLAIM_QUANTITY, HAS_QUANTITY } from '../domain/model/claim.kind.js';
import { APPLIED_ON, COATING_APPLICATION, COATING_EFFECT, HAS_EFFECT, PAIRED_WITH } from '../domain/model/coating.kind.js';
import { INTERFACE } from '../domain/model/interface.kind.js';
import { EVIDENCE, INTERPHASE_OBSERVATION, INTERPHASE_PRODUCT, TECHNIQUE } from '../domain/model/interphaseObservation.kind.js';
import { STABILITY_WINDOW } from '../domain/model/stabilityWindow.kind.js';
import { MATERIAL, MATERIAL_VARIANT } from '../domain/model/material.kind.js';
import { MEASUREMENT } from '../domain/model/measurement.kind.js';
import { MATERIAL_FAMILY, MATERIAL_NAME } from '../domain/model/materialName.kind.js';
import { PUBLICATION } from '../domain/model/publication.kind.js';
import { nodeProps, relationshipOf, somePropsOf, sourceProps, storedProps } from './nodeKinds.js';
import { doiUrl } from '../domain/doi.js';
import { TECHNIQUES } from '../domain/vocabulary.js';
import { cypher, inBatches, type GraphDatabase, type GraphTransaction, type NamedQuery } from './database.js';
import { num } from './mapping.js';
import { CLEAR_SEED_VIEW, REFRESH_MATERIALS, REMOVE_ORPHANS } from './materialSources.js';
import type { AliasRecord } from './records.js';
import type { FactOut, SeedBundle } from './seed.records.js';

const MERGE_VOCABULARY = cypher(
  'seed.mergeVocabulary',
  `
UNWIND $techniques AS t
MERGE (n:Technique {id: t.id}) SET n += t.props
WITH count(*) AS techniques
UNWIND $families AS f
MERGE (n:MaterialFamily {id: f.id}) SET n += f.props
RETURN techniques, count(*) AS families`,
);

const DELETE_PREVIOUS = cypher(
  'seed.deletePrevious',
  `
MATCH (n:SeedRecord)
DETACH DELETE n
RETURN count(*) AS n`,
);

// Publications that stopped being source reviews (removed from reviews.yaml) lose the label.
const UNMARK_REVIEWS = cypher(
  'seed.unmarkReviews',
  `
MATCH (r:Review) WHERE NOT r.reviewKey IN $keys
REMOVE r:Review, r.reviewKey, r.textFile, r.pages
RETURN count(r) AS n`,
);

const DELETE_CITATIONS = cypher(
  'seed.deleteCitations',
  `
MATCH (:Review)-[${relationshipOf(CITATION, 'c')}]->()
DELETE c
RETURN count(*) AS n`,
);

// A cited publication: what its reference-list entry gives (a DOI or URL only when known: a dataset may have set them).
const MERGE_PUBLICATIONS = cypher(
  'seed.mergePublications',
  `
UNWIND $rows AS row
MERGE (p:Publication {key: row.key})
SET p += row.props
RETURN count(p) AS n`,
);

// A source review: every property of a publication.
const MERGE_REVIEWS = cypher(
  'seed.mergeReviews',
  `
UNWIND $rows AS row
MERGE (p:Publication {key: row.key})
SET p:Review, p += row.props
RETURN count(p) AS n`,
);

const CREATE_CITATIONS = cypher(
  'seed.createCitations',
  `
UNWIND $rows AS row
MATCH (r:Review {reviewKey: row.review})
MATCH (p:Publication {key: row.key})
CREATE (r)-[${relationshipOf(CITATION, 'c')}]->(p)
SET c = row.props
RETURN count(*) AS n`,
);

// The seed's view of a material: its copies (seedName, seedFormula...: domain/model/material.kind.ts); the public
// properties follow from REFRESH_MATERIALS.
const MERGE_MATERIALS = cypher(
  'seed.mergeMaterials',
  `
UNWIND $rows AS row
MERGE (m:Material {id: row.id})
SET m += row.props
RETURN count(m) AS n`,
);

const CREATE_VARIANTS = cypher(
  'seed.createVariants',
  `
UNWIND $rows AS row
MATCH (m:Material {id: row.materialId})
CREATE (v:MaterialVariant:SeedRecord)
SET v = row.props
CREATE (v)-[:VARIANT_OF]->(m)
RETURN count(v) AS n`,
);

// Every name of a material under its lookup key (an index on key; full-text on text): seed.names.ts.
const CREATE_NAMES = cypher(
  'seed.createNames',
  `
UNWIND $rows AS row
MATCH (m:Material {id: row.materialId})
CREATE (n:MaterialName:SeedRecord)
SET n = row.props
CREATE (n)-[:NAMES]->(m)
RETURN count(n) AS n`,
);

// --- facts: each kind creates its nodes; provenance and subjects are linked by shared queries ---------

const CREATE_MEASUREMENTS = cypher(
  'seed.createMeasurements',
  `
UNWIND $rows AS row
CREATE (x:Measurement:Fact:SeedRecord)
SET x = row.props
RETURN count(x) AS n`,
);

const CREATE_WINDOWS = cypher(
  'seed.createWindows',
  `
UNWIND $rows AS row
CREATE (w:StabilityWindow:Fact:SeedRecord)
SET w = row.props
RETURN count(w) AS n`,
);

const CREATE_INTERFACES = cypher(
  'seed.createInterfaces',
  `
UNWIND $rows AS row
CREATE (i:Interface:SeedRecord)
SET i = row.props
WITH i, row
OPTIONAL MATCH (e:Material {id: row.electrolyteId})
OPTIONAL MATCH (f:MaterialFamily {id: row.electrolyteFamily})
OPTIONAL MATCH (c:Material {id: row.counterpartId})
FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (i)-[:ELECTROLYTE]->(e))
FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | CREATE (i)-[:ELECTROLYTE_FAMILY]->(f))
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (i)-[:COUNTERPART]->(c))
RETURN count(i) AS n, count(e) + count(f) AS electrolytes, count(c) AS counterparts`,
);

const CREATE_INTERPHASES = cypher(
  'seed.createInterphases',
  `
UNWIND $rows AS row
MATCH (i:Interface {id: row.interfaceId})
CREATE (o:InterphaseObservation:Fact:SeedRecord)
SET o = row.props
CREATE (o)-[:AT]->(i)
WITH o, row
CALL {
  WITH o, row
  UNWIND row.products AS product
  MATCH (p:Material {id: product.materialId})
  CREATE (o)-[${relationshipOf(INTERPHASE_PRODUCT, 'r')}]->(p)
  SET r = product.props
  RETURN count(*) AS products
}
CALL {
  WITH o, row
  UNWIND range(0, size(row.evidence) - 1) AS k
  MATCH (t:Technique {id: row.evidence[k].technique})
  CREATE (o)-[${relationshipOf(EVIDENCE, 'e')}]->(t)
  SET e += row.evidence[k].props
  RETURN count(*) AS evidence
}
RETURN count(o) AS n, sum(products) AS products, sum(evidence) AS evidence`,
);

const CREATE_COATINGS = cypher(
  'seed.createCoatings',
  `
UNWIND $rows AS row
MATCH (coating:Material {id: row.coatingId})
CREATE (c:CoatingApplication:Fact:SeedRecord)
SET c = row.props
CREATE (c)-[:COATING]->(coating)
WITH c, row
OPTIONAL MATCH (s:Material {id: row.substrateId})
OPTIONAL MATCH (e:Material {id: row.electrolyteId})
WITH c, row, s, e, CASE WHEN s IS NULL THEN 0 ELSE 1 END AS substrates, CASE WHEN e IS NULL THEN 0 ELSE 1 END AS electrolytes
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | CREATE (c)-[${relationshipOf(APPLIED_ON, 'a')}]->(s) SET a = row.appliedOn)
FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (c)-[${relationshipOf(PAIRED_WITH, 'p')}]->(e) SET p = row.pairedWith)
WITH c, row, substrates, electrolytes
CALL {
  WITH c, row
  UNWIND range(0, size(row.effects) - 1) AS k
  CREATE (eff:CoatingEffect:SeedRecord)
  SET eff = row.effects[k].props
  CREATE (c)-[${relationshipOf(HAS_EFFECT, 'h')}]->(eff)
  SET h = row.effects[k].link
  RETURN count(*) AS effects
}
RETURN count(c) AS n, sum(substrates) AS substrates, sum(electrolytes) AS electrolytes, sum(effects) AS effects`,
);

const CREATE_CELLS = cypher(
  'seed.createCells',
  `
UNWIND $rows AS row
CREATE (b:Cell:Fact:SeedRecord)
SET b = row.props
WITH b, row
CALL {
  WITH b, row
  UNWIND range(0, size(row.components) - 1) AS k
  WITH b, k, row.components[k] AS comp
  MATCH (m:Material {id: comp.materialId})
  CREATE (b)-[${relationshipOf(CELL_COMPONENT, 'c')}]->(m)
  SET c = comp.props
  RETURN count(*) AS components
}
CALL {
  WITH b, row
  UNWIND range(0, size(row.results) - 1) AS k
  CREATE (r:CellResult:SeedRecord)
  SET r = row.results[k].props
  CREATE (b)-[${relationshipOf(HAS_RESULT, 'h')}]->(r)
  SET h = row.results[k].link
  RETURN count(*) AS results
}
CALL {
  WITH b, row
  UNWIND row.coatingApplicationIds AS cid
  MATCH (c:Fact {id: cid}) WHERE c:CoatingApplication
  CREATE (c)-[:TESTED_IN]->(b)
  RETURN count(*) AS coatings
}
RETURN count(b) AS n, sum(components) AS components, sum(results) AS results, sum(coatings) AS coatings`,
);

const CREATE_CLAIMS = cypher(
  'seed.createClaims',
  `
UNWIND $rows AS row
CREATE (c:Claim:Fact:SeedRecord)
SET c = row.props
WITH c, row
CALL {
  WITH c, row
  UNWIND row.materials AS about
  MATCH (m:Material {id: about.materialId})
  CREATE (c)-[${relationshipOf(ABOUT, 'a')}]->(m)
  SET a = about.props
  RETURN count(*) AS materials
}
CALL {
  WITH c, row
  UNWIND row.interfaceIds AS iid
  MATCH (i:Interface {id: iid})
  CREATE (c)-[:ABOUT_INTERFACE]->(i)
  RETURN count(*) AS interfaces
}
CALL {
  WITH c, row
  UNWIND row.families AS fid
  MATCH (f:MaterialFamily {id: fid})
  CREATE (c)-[:ABOUT_FAMILY]->(f)
  RETURN count(*) AS families
}
CALL {
  WITH c, row
  UNWIND range(0, size(row.quantities) - 1) AS k
  CREATE (q:ClaimQuantity:SeedRecord)
  SET q = row.quantities[k].props
  CREATE (c)-[${relationshipOf(HAS_QUANTITY, 'h')}]->(q)
  SET h = row.quantities[k].link
  RETURN count(*) AS quantities
}
RETURN count(c) AS n, sum(materials) AS materials, sum(interfaces) AS interfaces, sum(families) AS families, sum(quantities) AS quantities`,
);

/** Links each claim to the facts it explains (after every fact exists). */
const LINK_EXPLAINED = cypher(
  'seed.linkExplained',
  `
UNWIND $rows AS row
MATCH (c:Fact {id: row.id}) WHERE c:Claim
UNWIND row.explainsIds AS fid
MATCH (x:Fact {id: fid})
CREATE (c)-[:EXPLAINS]->(x)
RETURN count(*) AS n`,
);

/** Links every fact to the review that asserts it and the publications it cites. */
const LINK_PROVENANCE = cypher(
  'seed.linkProvenance',
  `
UNWIND $rows AS row
MATCH (x:Fact {id: row.id})
MATCH (r:Review {reviewKey: row.review})
CREATE (x)-[:ASSERTED_IN]->(r)
WITH x, row
CALL {
  WITH x, row
  UNWIND row.reported AS reported
  MATCH (p:Publication {key: reported.key})
  CREATE (x)-[${relationshipOf(REPORTED_BY, 'r')}]->(p)
  SET r = reported.props
  RETURN count(*) AS reported
}
CALL {
  WITH x, row
  MATCH (p:Publication {key: row.correctedPublicationKey})
  CREATE (x)-[:CORRECTED_REFERENCE]->(p)
  RETURN count(*) AS corrected
}
RETURN count(x) AS n, sum(reported) AS reported, sum(corrected) AS corrected`,
);

/** Links a fact to its subject: a material (relationship type per kind), a variant, or a family. */
const linkSubject = (name: string, materialRel: 'HAS_MEASUREMENT' | 'HAS_WINDOW') =>
  cypher(
    name,
    `
UNWIND $rows AS row
MATCH (x:Fact {id: row.id})
OPTIONAL MATCH (m:Material {id: row.materialId})
OPTIONAL MATCH (v:MaterialVariant {id: row.variantId})
OPTIONAL MATCH (f:MaterialFamily {id: row.family})
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (m)-[:${materialRel}]->(x))
FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | CREATE (x)-[:OF_VARIANT]->(v))
FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | CREATE (x)-[:ABOUT_FAMILY]->(f))
RETURN count(x) AS n, count(m) AS materials, count(v) AS variants, count(f) AS families`,
  );
const LINK_MEASUREMENT_SUBJECTS = linkSubject('seed.linkMeasurementSubjects', 'HAS_MEASUREMENT');
const LINK_WINDOW_SUBJECTS = linkSubject('seed.linkWindowSubjects', 'HAS_WINDOW');

const LINK_VARIANTS = cypher(
  'seed.linkFactVariants',
  `
UNWIND $rows AS row
MATCH (x:Fact {id: row.id})
MATCH (v:MaterialVariant {id: row.variantId})
CREATE (x)-[:OF_VARIANT]->(v)
RETURN count(x) AS n`,
);

export interface SeedLoadCounts {
  publications: number;
  citations: number;
  materials: number;
  variants: number;
  measurements: number;
  windows: number;
  interfaces: number;
  interphases: number;
  coatings: number;
  cells: number;
  claims: number;
  removedPreviousRecords: number;
  removedOrphans: number;
}

export class SeedStore {
  constructor(private readonly db: GraphDatabase) {}

  /** Number of facts the seed put in the graph (0 when it was never loaded). */
  async seedFactCount(): Promise<number> {
    const [row] = await this.db.read(cypher('seed.factCount', 'MATCH (x:Fact:SeedRecord) RETURN count(x) AS n'));
    return row ? num(row, 'n') : 0;
  }

  /**
   * Replaces the seed's part of the graph with `bundle` in one transaction. Every write is counted and
   * compared with the bundle (nodes and relationships alike); a difference aborts the whole transaction.
   * `onProgress(done, total)` is called after each step.
   */
  async load(bundle: SeedBundle, onProgress?: (done: number, total: number) => void): Promise<SeedLoadCounts> {
    const steps = 11;
    let step = 0;
    const progress = () => onProgress?.(++step, steps);
    return this.db.writeTransaction('seed.load', async (tx) => {
      const expect = (what: string, got: number | undefined, want: number) => {
        if ((got ?? 0) !== want) throw new SeedWriteError(`seed.load: ${what}: wrote ${got ?? 0} of ${want}`);
      };
      const count = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

      await tx.run(MERGE_VOCABULARY, {
        techniques: Object.entries(TECHNIQUES).map(([id, description]) => ({ id, props: storedProps(TECHNIQUE, { id: id as keyof typeof TECHNIQUES, description }) })),
        families: Object.entries(STRUCTURAL_FAMILIES).map(([id, description]) => ({ id, props: storedProps(MATERIAL_FAMILY, { id: id as keyof typeof STRUCTURAL_FAMILIES, description }) })),
      });
      const [previous] = await tx.run(DELETE_PREVIOUS);
      await tx.run(DELETE_CITATIONS);
      await tx.run(UNMARK_REVIEWS, { keys: bundle.reviews.map((r) => r.key) });
      progress();

      const publications = await inBatches(
        tx,
        MERGE_PUBLICATIONS,
        bundle.publications.map(({ citedBy: _, doi, url, ...p }) => ({ key: p.key, props: somePropsOf(PUBLICATION, { ...p, ...(doi ? { doi } : {}), ...(url ? { url } : {}) }) })),
      );
      expect('publications', publications.n, bundle.publications.length);
      const reviews = await inBatches(
        tx,
        MERGE_REVIEWS,
        bundle.reviews.map((r) => ({
          key: r.publicationKey,
          props: storedProps(PUBLICATION, {
            key: r.publicationKey,
            doi: r.doi,
            url: doiUrl(r.doi),
            authors: r.authors,
            firstAuthor: r.authors.split(/[,;]/)[0]!.trim(),
            year: r.year,
            title: r.title,
            journal: r.journal,
            volume: r.volume,
            firstPage: r.pages.split(/[–-]/)[0]!.trim(),
            reviewKey: r.key,
            textFile: r.file,
            pages: r.pages,
            addedBy: null,
          }),
        })),
      );
      expect('reviews', reviews.n, bundle.reviews.length);
      const citations = await inBatches(
        tx,
        CREATE_CITATIONS,
        bundle.publications.flatMap((p) => p.citedBy.map((c) => ({ ...c, key: p.key, props: storedProps(CITATION, { number: c.n, line: c.line }) }))),
      );
      expect('citations', citations.n, count(bundle.publications, (p) => p.citedBy.length));
      progress();

      const aliasesByMaterial = new Map<string, AliasRecord[]>();
      for (const { materialId, ...a } of bundle.aliases) {
        const list = aliasesByMaterial.get(materialId) ?? [];
        list.push(a);
        aliasesByMaterial.set(materialId, list);
      }
      const materials = await inBatches(
        tx,
        MERGE_MATERIALS,
        bundle.materials.map(({ id, ...m }) => ({ id, props: sourceProps(MATERIAL, 'seed', { ...m, aliases: aliasesByMaterial.get(id) ?? [] }) })),
      );
      expect('materials', materials.n, bundle.materials.length);
      const variants = await inBatches(
        tx,
        CREATE_VARIANTS,
        bundle.variants.map(({ materialId, ...v }) => ({ materialId, props: storedProps(MATERIAL_VARIANT, v) })),
      );
      expect('variants', variants.n, bundle.variants.length);
      const names = await inBatches(
        tx,
        CREATE_NAMES,
        bundle.names.map(({ materialId, ...n }) => ({ materialId, props: storedProps(MATERIAL_NAME, n) })),
      );
      expect('material names', names.n, bundle.names.length);
      progress();

      const measurements = await inBatches(
        tx,
        CREATE_MEASUREMENTS,
        bundle.measurements.map((m) => ({
          props: nodeProps(provenanceProps(m), storedProps(MEASUREMENT, { id: m.id, review: m.review, family: m.family, ...m.props })),
        })),
      );
      expect('measurements', measurements.n, bundle.measurements.length);
      await linkSubjects(tx, LINK_MEASUREMENT_SUBJECTS, bundle.measurements, 'measurement', expect);
      progress();

      const windows = await inBatches(
        tx,
        CREATE_WINDOWS,
        bundle.windows.map((w) => ({
          props: nodeProps(
            provenanceProps(w),
            storedProps(STABILITY_WINDOW, {
              id: w.id,
              review: w.review,
              scale: w.scale,
              method: w.method,
              methodText: w.methodText,
              family: w.family,
              reductionQuantity: w.reduction?.quantity ?? null,
              reductionText: w.reduction?.text ?? null,
              hasReduction: w.reduction !== null,
              oxidationQuantity: w.oxidation?.quantity ?? null,
              oxidationText: w.oxidation?.text ?? null,
              hasOxidation: w.oxidation !== null,
            }),
          ),
        })),
      );
      expect('stability windows', windows.n, bundle.windows.length);
      await linkSubjects(tx, LINK_WINDOW_SUBJECTS, bundle.windows, 'stability window', expect);
      progress();

      const interfaces = await inBatches(
        tx,
        CREATE_INTERFACES,
        bundle.interfaces.map((i) => ({ ...i, props: storedProps(INTERFACE, { id: i.id, counterpartKind: i.counterpartKind }) })),
      );
      expect('interfaces', interfaces.n, bundle.interfaces.length);
      expect('interface electrolytes', interfaces.electrolytes, bundle.interfaces.length);
      expect('interface counterparts', interfaces.counterparts, count(bundle.interfaces, (i) => (i.counterpartId ? 1 : 0)));
      const interphases = await inBatches(
        tx,
        CREATE_INTERPHASES,
        bundle.interphases.map((o) => ({
          interfaceId: o.interfaceId,
          products: o.productIds.map((materialId, position) => ({
            materialId,
            props: storedProps(INTERPHASE_PRODUCT, { position, variantId: o.productVariantIds[position] || null }),
          })),
          evidence: o.evidence.map((e) => ({ technique: e.technique, props: storedProps(EVIDENCE, { text: e.text, position: e.position }) })),
          props: nodeProps(
            provenanceProps(o),
            storedProps(INTERPHASE_OBSERVATION, {
              id: o.id,
              review: o.review,
              counterpartText: o.counterpartText,
              potential: o.potential,
              conditions: o.conditions,
              productsText: o.productsText,
              stabilityClass: o.stabilityClass,
              interphaseType: o.interphaseType,
              characterText: o.characterText,
              thickness: o.thickness,
              computed: o.computed,
              counterpartVariantId: o.counterpartVariantId,
            }),
          ),
        })),
      );
      expect('interphase observations', interphases.n, bundle.interphases.length);
      expect('interphase products', interphases.products, count(bundle.interphases, (o) => o.productIds.length));
      expect('interphase evidence', interphases.evidence, count(bundle.interphases, (o) => o.evidence.length));
      const observationVariants = bundle.interphases.filter((o) => o.electrolyteVariantId).map((o) => ({ id: o.id, variantId: o.electrolyteVariantId }));
      expect('interphase electrolyte variants', (await inBatches(tx, LINK_VARIANTS, observationVariants)).n, observationVariants.length);
      progress();

      const coatings = await inBatches(
        tx,
        CREATE_COATINGS,
        bundle.coatings.map((c) => ({
          coatingId: c.coatingId,
          substrateId: c.substrateId,
          appliedOn: storedProps(APPLIED_ON, { variantId: c.substrateVariantId }),
          electrolyteId: c.electrolyteId,
          pairedWith: storedProps(PAIRED_WITH, { variantId: c.electrolyteVariantId }),
          effects: c.effects.map((e, position) => ({ props: storedProps(COATING_EFFECT, e), link: storedProps(HAS_EFFECT, { position }) })),
          props: nodeProps(
            provenanceProps(c),
            storedProps(COATING_APPLICATION, {
              id: c.id,
              review: c.review,
              role: c.role,
              substrateText: c.substrateText,
              method: c.method,
              methodText: c.methodText,
              thickness: c.thickness,
              loading: c.loading,
              effectText: c.effectText,
            }),
          ),
        })),
      );
      expect('coating applications', coatings.n, bundle.coatings.length);
      expect('coated substrates', coatings.substrates, count(bundle.coatings, (c) => (c.substrateId ? 1 : 0)));
      expect('paired electrolytes', coatings.electrolytes, count(bundle.coatings, (c) => (c.electrolyteId ? 1 : 0)));
      expect('coating effects', coatings.effects, count(bundle.coatings, (c) => c.effects.length));
      const coatingVariants = bundle.coatings.filter((c) => c.coatingVariantId).map((c) => ({ id: c.id, variantId: c.coatingVariantId }));
      expect('coating variants', (await inBatches(tx, LINK_VARIANTS, coatingVariants)).n, coatingVariants.length);
      progress();

      const cells = await inBatches(
        tx,
        CREATE_CELLS,
        bundle.cells.map((b) => ({
          components: b.components.map(({ materialId, ...c }, position) => ({ materialId, props: storedProps(CELL_COMPONENT, { ...c, position }) })),
          coatingApplicationIds: b.coatingApplicationIds,
          results: b.results.map((r, position) => ({ props: storedProps(CELL_RESULT, r), link: storedProps(HAS_RESULT, { position }) })),
          props: nodeProps(
            provenanceProps(b),
            storedProps(CELL, { id: b.id, review: b.review, cellType: b.cellType, resultText: b.resultText }),
            storedProps(CELL_CONDITIONS, b.conditions),
          ),
        })),
      );
      expect('cells', cells.n, bundle.cells.length);
      expect('cell components', cells.components, count(bundle.cells, (b) => b.components.length));
      expect('cell results', cells.results, count(bundle.cells, (b) => b.results.length));
      expect('cell coatings', cells.coatings, count(bundle.cells, (b) => b.coatingApplicationIds.length));
      progress();

      const claims = await inBatches(
        tx,
        CREATE_CLAIMS,
        bundle.claims.map((c) => ({
          materials: c.materials.map((m) => ({ materialId: m.materialId, props: storedProps(ABOUT, { variantId: m.variantId }) })),
          interfaceIds: c.interfaceIds,
          families: c.families,
          quantities: c.quantities.map((q, position) => ({ props: storedProps(CLAIM_QUANTITY, q), link: storedProps(HAS_QUANTITY, { position }) })),
          props: nodeProps(
            provenanceProps(c),
            storedProps(CLAIM, {
              id: c.id,
              review: c.review,
              kind: c.kind,
              statement: c.statement,
              families: c.families,
              chemicalClasses: c.chemicalClasses,
              properties: c.properties,
            }),
          ),
        })),
      );
      expect('claims', claims.n, bundle.claims.length);
      expect('claim materials', claims.materials, count(bundle.claims, (c) => c.materials.length));
      expect('claim interfaces', claims.interfaces, count(bundle.claims, (c) => c.interfaceIds.length));
      expect('claim families', claims.families, count(bundle.claims, (c) => c.families.length));
      expect('claim quantities', claims.quantities, count(bundle.claims, (c) => c.quantities.length));
      const explaining = bundle.claims.filter((c) => c.explainsIds.length > 0).map((c) => ({ id: c.id, explainsIds: c.explainsIds }));
      expect('facts claims explain', (await inBatches(tx, LINK_EXPLAINED, explaining)).n, count(bundle.claims, (c) => c.explainsIds.length));
      progress();

      const facts: FactOut[] = [...bundle.measurements, ...bundle.windows, ...bundle.interphases, ...bundle.coatings, ...bundle.cells, ...bundle.claims];
      const provenance = await inBatches(
        tx,
        LINK_PROVENANCE,
        facts.map((f) => ({
          id: f.id,
          review: f.review,
          reported: f.publicationKeys.map((key, position) => ({ key, props: storedProps(REPORTED_BY, { position }) })),
          correctedPublicationKey: f.correctedPublicationKey,
        })),
      );
      expect('facts linked to their review', provenance.n, facts.length);
      expect('links to cited publications', provenance.reported, count(facts, (f) => f.publicationKeys.length));
      expect('links to corrected references', provenance.corrected, count(facts, (f) => (f.correctedPublicationKey ? 1 : 0)));
      progress();

      const [cleared] = await tx.run(CLEAR_SEED_VIEW, { keep: bundle.materials.map((m) => m.id) });
      await inBatches(tx, REFRESH_MATERIALS, [...bundle.materials.map((m) => m.id), ...((cleared?.ids as string[]) ?? [])], 'ids');
      const [orphans] = await tx.run(REMOVE_ORPHANS);
      progress();

      return {
        publications: publications.n ?? 0,
        citations: citations.n ?? 0,
        materials: materials.n ?? 0,
        variants: variants.n ?? 0,
        measurements: measurements.n ?? 0,
        windows: windows.n ?? 0,
        interfaces: interfaces.n ?? 0,
        interphases: interphases.n ?? 0,
        coatings: coatings.n ?? 0,
        cells: cells.n ?? 0,
        claims: claims.n ?? 0,
        removedPreviousRecords: previous ? num(previous, 'n') : 0,
        removedOrphans: orphans ? num(orphans, 'n') : 0,
      };
    });
  }
}

/** A write of the seed did not produce what the bundle asked for (the transaction is rolled back). */
export class SeedWriteError extends Error {
  override name = 'SeedWriteError';
}

/** Links facts to their subject (material, variant or family) and checks every link was made. */
async function linkSubjects(
  tx: GraphTransaction,
  query: NamedQuery,
  facts: readonly (FactOut & { materialId: string | null; variantId: string | null; family: string | null })[],
  what: string,
  expect: (what: string, got: number | undefined, want: number) => void,
): Promise<void> {
  const linked = await inBatches(tx, query, facts.map(subjectRow));
  expect(`${what} subjects`, linked.n, facts.length);
  expect(`${what} materials`, linked.materials, facts.filter((f) => f.materialId).length);
  expect(`${what} variants`, linked.variants, facts.filter((f) => f.variantId).length);
  expect(`${what} families`, linked.families, facts.filter((f) => f.family).length);
}

/** Where a review fact was read, as its node stores it (the fact's own declaration adds its id and review). */
function provenanceProps(f: FactOut): Record<string, unknown> {
  return storedProps(SOURCE, {
    kind: 'REVIEW',
    file: f.textFile,
    lines: f.lines,
    referenceNumbers: f.refs,
    citationConfidence: f.citation,
    correctedReferenceNumber: f.correctedRef,
    quote: f.quote,
    places: f.places,
    note: f.note,
    seedFile: f.seedFile,
  });
}

function subjectRow(f: FactOut & { materialId: string | null; variantId: string | null; family: string | null }) {
  return { id: f.id, materialId: f.materialId, variantId: f.variantId, family: f.family };
}
