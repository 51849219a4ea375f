/**
 * Every query about Publication nodes and Dataset nodes. A publication's `key` is 'doi:<doi>' when its
 * DOI is known (datasets, the reviews), else built from its reference-list entry (domain/publicationKey.ts).
 *   (Review:Publication)-[:CITES {number, line}]->(Publication)
 */
import { cypher, type GraphDatabase, type Row } from './database.js';
import { num, optNum, optStr, str } from './mapping.js';
import type { CitationRecord, DatasetRecord, PublicationRecord } from './records.js';

const PUBLICATIONS_BY_KEYS = cypher(
  'publications.byKeys',
  `
UNWIND $keys AS key
MATCH (p:Publication {key: key})
RETURN p {.*, isReview: p:Review} AS p`,
);

const PUBLICATION_BY_DOI = cypher(
  'publications.byDoi',
  `
MATCH (p:Publication {doi: $doi})
RETURN p {.*, isReview: p:Review} AS p`,
);

const CITED_BY = cypher(
  'publications.citedBy',
  `
UNWIND $keys AS key
MATCH (r:Review)-[c:CITES]->(p:Publication {key: key})
RETURN key, r.key AS review, c.number AS number, c.line AS line
ORDER BY r.year, r.key, c.number`,
);

const CITES = cypher(
  'publications.cites',
  `
UNWIND $keys AS key
MATCH (r:Review {key: key})-[c:CITES]->(p:Publication)
RETURN key, p.key AS cited, c.number AS number, c.line AS line
ORDER BY c.number`,
);

const COUNTS = `
  measurementCount: COUNT { (d)<-[:FROM_DATASET]-(:Measurement) },
  recordCount: coalesce(d.rowCount, COUNT { MATCH (d)<-[f:FROM_DATASET]-(:Measurement) RETURN DISTINCT f.recordId }),
  phaseEntryCount: coalesce(d.phaseEntryCount, 0)`;

const DATASETS_BY_IDS = cypher(
  'datasets.byIds',
  `
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN d {.*, ${COUNTS}} AS d`,
);

const ALL_DATASETS = cypher(
  'datasets.all',
  `
MATCH (d:Dataset)
RETURN d {.*, ${COUNTS}} AS d
ORDER BY d.id`,
);

export class PublicationStore {
  constructor(private readonly db: GraphDatabase) {}

  /** Publications by key, in the order of `keys`; null where none exists. */
  async byKeys(keys: readonly string[]): Promise<(PublicationRecord | null)[]> {
    const rows = await this.db.read(PUBLICATIONS_BY_KEYS, { keys });
    const found = new Map(rows.map((r) => toPublication(r.p as Row)).map((p) => [p.key, p]));
    return keys.map((k) => found.get(k) ?? null);
  }

  /** The publication with this (normalised) DOI, or null. */
  async byDoi(doi: string): Promise<PublicationRecord | null> {
    const [row] = await this.db.read(PUBLICATION_BY_DOI, { doi });
    return row ? toPublication(row.p as Row) : null;
  }

  /** For each publication key: the reviews citing it, with the number and line of the entry. */
  async citedBy(keys: readonly string[]): Promise<CitationRecord[][]> {
    const rows = await this.db.read(CITED_BY, { keys });
    return group(keys, rows, (r) => ({ reviewPublicationKey: str(r, 'review'), citedPublicationKey: str(r, 'key'), number: num(r, 'number'), line: optNum(r, 'line') }));
  }

  /** For each review key: its reference list, in the order of numbers. */
  async cites(keys: readonly string[]): Promise<CitationRecord[][]> {
    const rows = await this.db.read(CITES, { keys });
    return group(keys, rows, (r) => ({ reviewPublicationKey: str(r, 'key'), citedPublicationKey: str(r, 'cited'), number: num(r, 'number'), line: optNum(r, 'line') }));
  }

  async datasetsByIds(ids: readonly string[]): Promise<(DatasetRecord | null)[]> {
    const rows = await this.db.read(DATASETS_BY_IDS, { ids });
    const found = new Map(rows.map((r) => toDataset(r.d as Row)).map((d) => [d.id, d]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async allDatasets(): Promise<DatasetRecord[]> {
    const rows = await this.db.read(ALL_DATASETS);
    return rows.map((r) => toDataset(r.d as Row));
  }
}

function toPublication(p: Row): PublicationRecord {
  return {
    key: str(p, 'key'),
    doi: optStr(p, 'doi'),
    url: optStr(p, 'url'),
    authors: optStr(p, 'authors'),
    firstAuthor: optStr(p, 'firstAuthor'),
    year: optNum(p, 'year'),
    title: optStr(p, 'title'),
    journal: optStr(p, 'journal'),
    volume: optStr(p, 'volume'),
    firstPage: optStr(p, 'firstPage'),
    isReview: p.isReview === true,
    reviewKey: optStr(p, 'reviewKey'),
    textFile: optStr(p, 'textFile'),
  };
}

function group<T>(keys: readonly string[], rows: Row[], map: (r: Row) => T): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) groups.get(str(r, 'key'))?.push(map(r));
  return keys.map((k) => groups.get(k) ?? []);
}

function toDataset(d: Row): DatasetRecord {
  return {
    id: str(d, 'id'),
    name: str(d, 'name'),
    version: str(d, 'version'),
    license: str(d, 'license'),
    licenseUrl: str(d, 'licenseUrl'),
    url: str(d, 'url'),
    citation: str(d, 'citation'),
    doi: optStr(d, 'doi'),
    file: str(d, 'file'),
    recordCount: num(d, 'recordCount'),
    measurementCount: num(d, 'measurementCount'),
    phaseEntryCount: num(d, 'phaseEntryCount'),
  };
}
