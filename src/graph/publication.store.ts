/**
 * Every query about Publication nodes and Dataset nodes. A publication's `key` is 'doi:<doi>' when its
 * DOI is known (datasets, the reviews), else built from its reference-list entry (domain/publicationKey.ts).
 *   (Review:Publication)-[:CITES {number, line}]->(Publication)
 */
import { DATASET, PUBLICATION } from '../domain/model/publication.kind.js';
import { cypher, type GraphDatabase, type Row } from './database.js';
import { num, optNum, str } from './mapping.js';
import { recordMap } from './nodeKinds.js';
import { DATASET_PROJECTION, PUBLICATION_PROJECTION } from './query/projection.material.js';
import type { CitationRecord, DatasetRecord, PublicationRecord } from './records.js';

// every declared field (domain/model/publication.kind.ts), nothing else the node holds
const PUBLICATION_MAP = recordMap(PUBLICATION, PUBLICATION_PROJECTION, 'p');
const DATASET_MAP = recordMap(DATASET, DATASET_PROJECTION, 'd');

const PUBLICATIONS_BY_KEYS = cypher(
  'publications.byKeys',
  `
UNWIND $keys AS key
MATCH (p:Publication {key: key})
RETURN ${PUBLICATION_MAP} AS p`,
);

const PUBLICATION_BY_DOI = cypher(
  'publications.byDoi',
  `
MATCH (p:Publication {doi: $doi})
RETURN ${PUBLICATION_MAP} AS p`,
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

const DATASETS_BY_IDS = cypher(
  'datasets.byIds',
  `
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN ${DATASET_MAP} AS d`,
);

const ALL_DATASETS = cypher(
  'datasets.all',
  `
MATCH (d:Dataset)
RETURN ${DATASET_MAP} AS d
ORDER BY d.id`,
);

export class PublicationStore {
  constructor(private readonly db: GraphDatabase) {}

  /** Publications by key, in the order of `keys`; null where none exists. */
  async byKeys(keys: readonly string[]): Promise<(PublicationRecord | null)[]> {
    const rows = await this.db.read(PUBLICATIONS_BY_KEYS, { keys });
    const found = new Map(rows.map((r) => r.p as PublicationRecord).map((p) => [p.key, p]));
    return keys.map((k) => found.get(k) ?? null);
  }

  /** The publication with this (normalised) DOI, or null. */
  async byDoi(doi: string): Promise<PublicationRecord | null> {
    const [row] = await this.db.read(PUBLICATION_BY_DOI, { doi });
    return row ? (row.p as PublicationRecord) : null;
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
    const found = new Map(rows.map((r) => r.d as DatasetRecord).map((d) => [d.id, d]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async allDatasets(): Promise<DatasetRecord[]> {
    const rows = await this.db.read(ALL_DATASETS);
    return rows.map((r) => r.d as DatasetRecord);
  }
}

function group<T>(keys: readonly string[], rows: Row[], map: (r: Row) => T): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) groups.get(str(r, 'key'))?.push(map(r));
  return keys.map((k) => groups.get(k) ?? []);
}
