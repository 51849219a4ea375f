/**
 * Every query about Publication nodes (keyed by lower-cased DOI) and Dataset nodes.
 */
import { cypher, type GraphDatabase, type Row } from './database.js';
import { num, optStr, str } from './mapping.js';
import type { DatasetRecord, PublicationRecord } from './records.js';

const PUBLICATIONS_BY_DOIS = cypher(
  'publications.byDois',
  `
UNWIND $dois AS doi
MATCH (p:Publication {doi: doi})
RETURN p {.*} AS p`,
);

const COUNTS = `
  measurementCount: COUNT { (d)<-[:FROM_DATASET]-(:Measurement) },
  recordCount: COUNT { MATCH (d)<-[f:FROM_DATASET]-(:Measurement) RETURN DISTINCT f.recordId }`;

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

  /** Publications by normalised DOI, in the order of `dois`; null where none exists. */
  async byDois(dois: readonly string[]): Promise<(PublicationRecord | null)[]> {
    const rows = await this.db.read(PUBLICATIONS_BY_DOIS, { dois });
    const found = new Map(rows.map((r) => toPublication(r.p as Row)).map((p) => [p.doi, p]));
    return dois.map((d) => found.get(d) ?? null);
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
  return { doi: str(p, 'doi'), url: str(p, 'url') };
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
  };
}
