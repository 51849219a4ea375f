/**
 * Per-request DataLoaders: every relationship traversal for a list of parents is one
 * `UNWIND $keys AS key ...` query per field per request, never one query per row. Create a fresh set for
 * each request (results are cached for that request only); only the stores and the driver are shared.
 */
import { ApiKeyStore } from './apiKey.store.js';
import { ChangeSetStore } from './changeSet.store.js';
import { CurationStore } from './curation.store.js';
import DataLoader from 'dataloader';
import type { GraphDatabase } from './database.js';
import { FactStore, type RecordOf, type RelatedQuery } from './fact.store.js';
import { MaterialStore } from './material.store.js';
import { PhaseDataStore, type PhaseEntryRecord } from './phaseData.store.js';
import { PublicationStore } from './publication.store.js';
import { SearchStore } from './search.store.js';
import { ListStore } from './query/list.store.js';
import { AggregateStore } from './query/aggregate.store.js';
import type { CitationRecord, DatasetRecord, MaterialRecord, PublicationRecord, VariantRecord } from './records.js';

export interface Stores {
  materials: MaterialStore;
  publications: PublicationStore;
  facts: FactStore;
  phaseData: PhaseDataStore;
  search: SearchStore;
  /** The compiled root lists (src/graph/query). */
  lists: ListStore;
  /** The compiled aggregates (src/graph/query/aggregate.ts). */
  aggregates: AggregateStore;
  /** The audit trail (change sets and their changes). */
  changeSets: ChangeSetStore;
  /** API keys (hashed), read by every write's verification. */
  apiKeys: ApiKeyStore;
  /** Facts added, corrected, retracted, proposed and reverted through the API. */
  curation: CurationStore;
}

/** The stateless stores over one database; share them across requests. */
export function createStores(db: GraphDatabase): Stores {
  return {
    materials: new MaterialStore(db),
    publications: new PublicationStore(db),
    facts: new FactStore(db),
    phaseData: new PhaseDataStore(db),
    search: new SearchStore(db),
    lists: new ListStore(db),
    aggregates: new AggregateStore(db),
    changeSets: new ChangeSetStore(db),
    apiKeys: new ApiKeyStore(db),
    curation: new CurationStore(db),
  };
}

type RelatedLoader<K extends RelatedQuery> = DataLoader<string, RecordOf<K>[]>;

export class Loaders {
  readonly materialById: DataLoader<string, MaterialRecord | null>;
  readonly variantById: DataLoader<string, VariantRecord | null>;
  readonly variantsByMaterialId: DataLoader<string, VariantRecord[]>;
  readonly publicationByKey: DataLoader<string, PublicationRecord | null>;
  readonly citedBy: DataLoader<string, CitationRecord[]>;
  readonly cites: DataLoader<string, CitationRecord[]>;
  readonly datasetById: DataLoader<string, DatasetRecord | null>;
  readonly materialCountByFamily: DataLoader<string, number>;
  readonly phaseEntryById: DataLoader<string, PhaseEntryRecord | null>;
  /** The facts each claim explains, tagged with their GraphQL type (fact.store.ts `explained`). */
  readonly explainedByClaim: DataLoader<string, Record<string, unknown>[]>;
  private readonly relatedLoaders = new Map<RelatedQuery, DataLoader<string, unknown[]>>();

  constructor(private readonly stores: Stores) {
    this.materialById = new DataLoader((ids) => stores.materials.byIds(ids));
    this.variantById = new DataLoader((ids) => stores.materials.variantsByIds(ids));
    this.variantsByMaterialId = new DataLoader((ids) => stores.materials.variantsByMaterialIds(ids));
    this.publicationByKey = new DataLoader((keys) => stores.publications.byKeys(keys));
    this.citedBy = new DataLoader((keys) => stores.publications.citedBy(keys));
    this.cites = new DataLoader((keys) => stores.publications.cites(keys));
    this.datasetById = new DataLoader((ids) => stores.publications.datasetsByIds(ids));
    this.materialCountByFamily = new DataLoader((families) => stores.materials.countsByFamily(families));
    this.phaseEntryById = new DataLoader((ids) => stores.phaseData.entriesByIds(ids));
    this.explainedByClaim = new DataLoader((ids) => stores.facts.explained(ids));
  }

  /** The loader of facts related to keys by `query` (created on first use in this request). */
  related<K extends RelatedQuery>(query: K): RelatedLoader<K> {
    let loader = this.relatedLoaders.get(query);
    if (!loader) {
      loader = new DataLoader((keys: readonly string[]) => this.stores.facts.related(query, keys) as Promise<unknown[][]>);
      this.relatedLoaders.set(query, loader);
    }
    return loader as unknown as RelatedLoader<K>;
  }
}

export function createLoaders(stores: Stores): Loaders {
  return new Loaders(stores);
}
