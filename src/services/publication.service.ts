/**
 * Publication and dataset use cases: look a publication up by DOI (any accepted DOI form), list what it
 * reports, and describe the datasets facts came through.
 */
import { normalizeDoi } from '../domain/doi.js';
import { InvalidValueError } from '../domain/errors.js';
import type { Loaders, Stores } from '../graph/loaders.js';
import type { DatasetRecord, MeasurementRecord, PublicationRecord } from '../graph/records.js';
import { InvalidArgumentError } from './errors.js';

export class PublicationService {
  constructor(
    private readonly stores: Stores,
    private readonly loaders: Loaders,
  ) {}

  /** @throws InvalidArgumentError('doi') when the text is not a DOI. */
  async byDoi(doi: string): Promise<PublicationRecord | null> {
    let normalized: string;
    try {
      normalized = normalizeDoi(doi);
    } catch (e) {
      if (e instanceof InvalidValueError) throw new InvalidArgumentError('doi', e.message);
      throw e;
    }
    return this.loaders.publicationByDoi.load(normalized);
  }

  /** The publications credited for a measurement, in the order the source gives them. */
  async ofMeasurement(m: MeasurementRecord): Promise<PublicationRecord[]> {
    const found = await this.loaders.publicationByDoi.loadMany(m.publicationDois);
    return found.map((p, i) => {
      if (p instanceof Error) throw p;
      if (!p) throw new Error(`measurement ${m.id}: publication ${m.publicationDois[i]} is missing`);
      return p;
    });
  }

  async measurements(doi: string): Promise<MeasurementRecord[]> {
    return this.loaders.measurementsByPublicationDoi.load(doi);
  }

  async dataset(id: string | null): Promise<DatasetRecord | null> {
    return id ? this.loaders.datasetById.load(id) : null;
  }

  async datasets(): Promise<DatasetRecord[]> {
    return this.stores.publications.allDatasets();
  }
}
