import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type GraphDatabase } from '../../src/graph/database.js';
import { DatasetImportStore } from '../../src/graph/datasetImport.store.js';
import { PublicationStore } from '../../src/graph/publication.store.js';
import { SeedStore, SeedWriteError } from '../../src/graph/seed.store.js';
import { loadConfig } from '../../src/server/config.js';
import { InvalidRecordsError } from '../../src/services/errors.js';
import { ObelixImportService } from '../../src/services/obelix/obelix.import.js';
import { SeedService } from '../../src/services/seed/seed.load.js';
import { readSeed } from '../../src/services/seed/seed.read.js';
import { snapshot } from '../support/graphSnapshot.js';
import { connectTestDatabase, restoreTestGraph, testNeo4j, wipeTestDatabase } from '../support/neo4j.js';
import { seedFixture } from '../support/seedFixture.js';

// globalSetup loaded OBELiX and the seed into the throwaway test database.
const config = loadConfig();
let db: GraphDatabase;
let seed: SeedService;
beforeAll(() => {
  db = connectTestDatabase();
  seed = new SeedService(new SeedStore(db));
});
afterAll(async () => {
  await restoreTestGraph(db); // some tests wipe the database or load a partial seed
  await db.close();
});

const COUNTS = cypher(
  'test.seed.counts',
  `RETURN COUNT { (x:Measurement:SeedRecord) } AS measurements, COUNT { (x:StabilityWindow) } AS windows,
     COUNT { (x:InterphaseObservation) } AS interphases, COUNT { (x:Interface) } AS interfaces,
     COUNT { (x:CoatingApplication) } AS coatings, COUNT { (x:Cell) } AS cells, COUNT { (x:MaterialVariant) } AS variants,
     COUNT { ()-[:CITES]->() } AS citations, COUNT { (r:Review) } AS reviews,
     COUNT { MATCH (m:Material) WHERE m.seedKind IS NOT NULL RETURN m } AS materials,
     COUNT { MATCH (p:Publication) WHERE p.key IN $keys RETURN p } AS referencedPublications,
     COUNT { MATCH (x:Fact:SeedRecord) WHERE NOT (x)-[:ASSERTED_IN]->(:Review) RETURN x } AS factsWithoutReview,
     COUNT { (:InterphaseObservation:SeedRecord)-[:PRODUCES]->(:Material) } AS products,
     COUNT { (:Cell:SeedRecord)-[:HAS_COMPONENT]->(:Material) } AS cellComponents,
     COUNT { (x:Claim) } AS claims, COUNT { (:Claim)-[:ABOUT]->(:Material) } AS claimMaterials,
     COUNT { (:Claim)-[:HAS_QUANTITY]->(:ClaimQuantity) } AS claimQuantities, COUNT { (:Claim)-[:EXPLAINS]->(:Fact) } AS explained,
     COUNT { (:Fact:SeedRecord)-[:REPORTED_BY]->(:Publication) } AS reportedBy`,
);

describe('the curated seed in Neo4j', () => {
  it('holds every validated record, each fact linked to the review that states it', async () => {
    const b = await readSeed({ seedDir: config.seedDir, textsDir: config.seedTextsDir });
    const [c] = await db.read(COUNTS, { keys: b.publications.map((p) => p.key) });
    expect(c).toEqual({
      measurements: b.measurements.length,
      windows: b.windows.length,
      interphases: b.interphases.length,
      interfaces: b.interfaces.length,
      coatings: b.coatings.length,
      cells: b.cells.length,
      variants: b.variants.length,
      citations: b.publications.reduce((n, p) => n + p.citedBy.length, 0),
      reviews: 5,
      materials: b.materials.length,
      referencedPublications: b.publications.length,
      factsWithoutReview: 0,
      products: b.interphases.reduce((n, x) => n + x.productIds.length, 0),
      cellComponents: b.cells.reduce((n, x) => n + x.components.length, 0),
      claims: b.claims.length,
      claimMaterials: b.claims.reduce((n, x) => n + x.materials.length, 0),
      claimQuantities: b.claims.reduce((n, x) => n + x.quantities.length, 0),
      explained: b.claims.reduce((n, x) => n + x.explainsIds.length, 0),
      reportedBy: [...b.measurements, ...b.windows, ...b.interphases, ...b.coatings, ...b.cells, ...b.claims].reduce((n, x) => n + x.publicationKeys.length, 0),
    });
    // coverage the project promises (after de-duplication)
    const limits = b.windows.reduce((n, w) => n + (w.reduction ? 1 : 0) + (w.oxidation ? 1 : 0), 0);
    expect(b.materials.length).toBeGreaterThanOrEqual(250);
    expect(b.measurements.length).toBeGreaterThanOrEqual(300);
    const numericLimits = b.windows.reduce((n, w) => n + (w.reduction?.quantity ? 1 : 0) + (w.oxidation?.quantity ? 1 : 0), 0);
    expect(limits).toBeGreaterThanOrEqual(60);
    // 55 distinct numeric limits: 11 of the 66 counted before were second records of a limit printed twice (pasta
    // Tables 1 and 2; banerjee lines 130/535, 140/679/539, 146/679, 130/138), now places of one window each
    expect(numericLimits).toBeGreaterThanOrEqual(55);
    expect(b.interphases.length).toBeGreaterThanOrEqual(150);
    expect(b.coatings.length).toBeGreaterThanOrEqual(120);
    expect(b.cells.length).toBeGreaterThanOrEqual(150);
    expect(b.claims.length).toBeGreaterThanOrEqual(1000);
    expect(b.publications.length).toBeGreaterThanOrEqual(800);
  });

  it('shares material nodes with OBELiX where the composition matches; the curated view takes precedence', async () => {
    const [row] = await db.read(
      cypher(
        'test.seed.shared',
        `MATCH (m:Material) WHERE m.seedKind IS NOT NULL AND m.obelixFormula IS NOT NULL
         RETURN count(m) AS shared, collect(m.id) AS ids`,
      ),
    );
    expect(row!.shared as number).toBeGreaterThanOrEqual(10);
    const [lgps] = await db.read(
      cypher(
        'test.seed.lgps',
        `MATCH (m:Material {id: 'Ge1Li10P2S12'})
         RETURN m.name AS name, m.family AS family, m.reportedFormulas AS formulas,
           COUNT { (m)-[:HAS_MEASUREMENT]->(:Measurement)-[:FROM_DATASET]->(:Dataset) } AS fromObelix,
           COUNT { (m)-[:HAS_MEASUREMENT]->(:Measurement)-[:ASSERTED_IN]->(:Review) } AS fromReviews`,
      ),
    );
    expect(lgps).toMatchObject({ name: 'LGPS', family: 'LGPS' });
    expect(lgps!.formulas).toContain('Li10GeP2S12');
    expect(lgps!.fromObelix as number).toBeGreaterThanOrEqual(3);
    expect(lgps!.fromReviews as number).toBeGreaterThanOrEqual(1);
  });

  it('classifies every composition in the graph, and the seed and OBELiX families come through', async () => {
    const [row] = await db.read(
      cypher(
        'test.seed.unclassified',
        `MATCH (m:Material) WHERE m.kind = 'COMPOSITION' AND m.chemicalClass IS NULL
         RETURN count(m) AS unclassified, collect(m.id)[..10] AS ids`,
      ),
    );
    expect(row).toEqual({ unclassified: 0, ids: [] });
    const spot = await db.read(
      cypher(
        'test.seed.classes',
        `MATCH (m:Material) WHERE m.id IN $ids
         RETURN m.id AS id, m.family AS family, m.chemicalClass AS chemicalClass ORDER BY id`,
      ),
      { ids: ['Na3P1S4', 'Na3O12P1Si2Zr2', 'B1H4Li1', 'B3Br1H12Li4', 'Cl1H1Li2O1', 'Li3P1', 'C2H2N1', 'Ge10Li100O3P20S117', 'named:PEO', 'named:PPC-LLZTO', 'named:LiTFSI'] },
    );
    expect(Object.fromEntries(spot.map((r) => [r.id, [r.family, r.chemicalClass]]))).toEqual({
      Na3P1S4: ['NA3PS4', 'SULFIDE'],
      Na3O12P1Si2Zr2: ['NASICON', 'OXIDE'],
      B1H4Li1: ['HYDRIDE', 'HYDRIDE'],
      B3Br1H12Li4: ['HYDRIDE', 'HYDRIDE'],
      Cl1H1Li2O1: ['ANTIPEROVSKITE', 'OXIDE'],
      Li3P1: ['PHOSPHIDE', 'PHOSPHIDE'],
      C2H2N1: [null, 'ORGANIC'],
      Ge10Li100O3P20S117: ['LGPS', 'OXYSULFIDE'],
      'named:PEO': ['POLYMER', 'POLYMER'],
      'named:PPC-LLZTO': ['COMPOSITE', 'COMPOSITE'],
      'named:LiTFSI': [null, 'ORGANIC'],
    });
  });

  it('loading twice gives the same graph (nodes, relationships and every property)', async () => {
    const before = await snapshot(db);
    const result = await seed.load(config.seedDir, config.seedTextsDir);
    expect(result.counts.removedOrphans).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects a seed with an invalid record and writes nothing', async () => {
    const before = await snapshot(db);
    const dir = await seedFixture({
      'facts/banerjee2020/measurements.yaml': `review: banerjee2020
records:
  - id: P1
    material: Li7P3S11
    property: IONIC_CONDUCTIVITY
    value: "17"
    unit: mS/cm
    source: { line: 88, ref: 4 }
    quote: "a sentence the review does not contain"
`,
    });
    const err = await seed.load(dir, config.seedTextsDir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidRecordsError);
    expect((err as InvalidRecordsError).message).toContain('facts/banerjee2020/measurements.yaml:P1: quote: not found on line 88');
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back a load that fails half-way (a fact pointing at an interface that is not there)', async () => {
    const before = await snapshot(db);
    const bundle = await readSeed({ seedDir: config.seedDir, textsDir: config.seedTextsDir });
    const broken = { ...bundle, interphases: bundle.interphases.map((x, i) => (i === bundle.interphases.length - 1 ? { ...x, interfaceId: 'no-such-interface' } : x)) };
    const err = await new SeedStore(db).load(broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedWriteError);
    expect((err as Error).message).toMatch(/interphase/i);
    expect(await snapshot(db)).toEqual(before);
  });

  it('converges: full seed, then a nearly empty one, then the full seed again gives the first graph', async () => {
    const before = await snapshot(db);
    const small = await seedFixture({});
    const shrunk = await seed.load(small, config.seedTextsDir);
    expect(shrunk.counts.measurements).toBe(0);
    expect((await db.read(cypher('test.seed.left', 'MATCH (x:Fact:SeedRecord) RETURN count(x) AS n')))[0]!.n).toBe(0);
    await seed.load(config.seedDir, config.seedTextsDir);
    expect(await snapshot(db)).toEqual(before);
  });

  it('gives the same graph whatever the order of the sources (seed then OBELiX, or OBELiX then seed)', async () => {
    const importer = new ObelixImportService(new DatasetImportStore(db), new PublicationStore(db));
    const obelix = () => importer.importFile(testNeo4j().obelixCsv);
    const curated = () => seed.load(config.seedDir, config.seedTextsDir);

    await wipeTestDatabase(db);
    await curated();
    await obelix();
    const seedFirst = await snapshot(db);

    await wipeTestDatabase(db);
    await obelix();
    await curated();
    const obelixFirst = await snapshot(db);

    expect(obelixFirst).toEqual(seedFirst);
  });
});
