/**
 * Per-request DataLoaders: every relationship traversal for a list of parents is one
 * `UNWIND $ids AS id ...` query per field per request, never one query per row. Create a fresh set for
 * each request (results are cached for that request only); only the stores and the driver are shared.
 */
import DataLoader from 'dataloader';
import type { GraphDatabase } from './database.js';
import { MaterialStore } from './material.store.js';
import { MeasurementStore } from './measurement.store.js';
import { PublicationStore } from './publication.store.js';
import type { DatasetRecord, MaterialRecord, MeasurementRecord, PublicationRecord } from './records.js';

export interface Loaders {
  materialById: DataLoader<string, MaterialRecord | null>;
  measurementsByMaterialId: DataLoader<string, MeasurementRecord[]>;
  measurementsByPublicationDoi: DataLoader<string, MeasurementRecord[]>;
  publicationByDoi: DataLoader<string, PublicationRecord | null>;
  datasetById: DataLoader<string, DatasetRecord | null>;
}

export interface Stores {
  materials: MaterialStore;
  measurements: MeasurementStore;
  publications: PublicationStore;
}

/** The stateless stores over one database; share them across requests. */
export function createStores(db: GraphDatabase): Stores {
  return {
    materials: new MaterialStore(db),
    measurements: new MeasurementStore(db),
    publications: new PublicationStore(db),
  };
}

export function createLoaders(stores: Stores): Loaders {
  return {
    materialById: new DataLoader((ids) => stores.materials.byIds(ids)),
    measurementsByMaterialId: new DataLoader((ids) => stores.measurements.byMaterialIds(ids)),
    measurementsByPublicationDoi: new DataLoader((dois) => stores.measurements.byPublicationDois(dois)),
    publicationByDoi: new DataLoader((dois) => stores.publications.byDois(dois)),
    datasetById: new DataLoader((ids) => stores.publications.datasetsByIds(ids)),
  };
}
