/**
 * Publication and dataset use cases (the publications list is compiled: query/list.service.ts): look a
 * publication up by DOI (any accepted DOI form), what a publication reports (as the original paper) or states (as a review),
 * which reviews cite it and what a review cites, and the datasets facts came through.
 */
import { normalizeDoi } from '../domain/doi.js';
import { InvalidValueError } from '../domain/errors.js';
import type { Loaders, Stores } from '../graph/loaders.js';
import type {
  CellRecord,
  CitationRecord,
  CoatingApplicationRecord,
  DatasetRecord,
  FactRecord,
  InterphaseObservationRecord,
  MeasurementRecord,
  PublicationRecord,
  SourceRecord,
  StabilityWindowRecord,
} from '../graph/records.js';
import { InvalidArgumentError } from './errors.js';

/**
 * A publication's part in a fact: the paper that reported it (cited for it, or named as the paper meant
 * when the printed reference is wrong), or the review that states it.
 */
export type PublicationRole = 'ORIGINAL' | 'REVIEW';

export class PublicationService {
  constructor(
    private readonly stores: Stores,
    private readonly loaders: Loaders,
  ) {}

  /** @throws InvalidArgumentError('doi') when the text is not a DOI. */
  async byDoi(doi: string): Promise<PublicationRecord | null> {
    const p = await this.stores.publications.byDoi(checkDoi(doi));
    if (p) this.loaders.publicationByKey.prime(p.key, p);
    return p;
  }

  async byKey(key: string | null): Promise<PublicationRecord | null> {
    return key ? this.loaders.publicationByKey.load(key) : null;
  }

  /** The publications credited for a fact, in the order its source gives them. */
  async ofFact(f: FactRecord): Promise<PublicationRecord[]> {
    return this.required(f.publicationKeys);
  }

  /** The review that states a fact (null for dataset records). */
  async review(s: SourceRecord): Promise<PublicationRecord | null> {
    return this.byKey(s.reviewPublicationKey);
  }

  async citedBy(key: string): Promise<CitationRecord[]> {
    return this.loaders.citedBy.load(key);
  }

  /** A review's reference list (empty for other publications). */
  async cites(key: string): Promise<CitationRecord[]> {
    return this.loaders.cites.load(key);
  }

  async measurements(key: string, role: PublicationRole): Promise<MeasurementRecord[]> {
    return this.loaders.related(role === 'ORIGINAL' ? 'measurementsByPublication' : 'measurementsByReview').load(key);
  }

  async stabilityWindows(key: string, role: PublicationRole): Promise<StabilityWindowRecord[]> {
    return this.loaders.related(role === 'ORIGINAL' ? 'windowsByPublication' : 'windowsByReview').load(key);
  }

  async interphaseObservations(key: string, role: PublicationRole): Promise<InterphaseObservationRecord[]> {
    return this.loaders.related(role === 'ORIGINAL' ? 'observationsByPublication' : 'observationsByReview').load(key);
  }

  async coatingApplications(key: string, role: PublicationRole): Promise<CoatingApplicationRecord[]> {
    return this.loaders.related(role === 'ORIGINAL' ? 'coatingsByPublication' : 'coatingsByReview').load(key);
  }

  async cells(key: string, role: PublicationRole): Promise<CellRecord[]> {
    return this.loaders.related(role === 'ORIGINAL' ? 'cellsByPublication' : 'cellsByReview').load(key);
  }

  async dataset(id: string | null): Promise<DatasetRecord | null> {
    return id ? this.loaders.datasetById.load(id) : null;
  }

  async datasets(): Promise<DatasetRecord[]> {
    return this.stores.publications.allDatasets();
  }

  private async required(keys: readonly string[]): Promise<PublicationRecord[]> {
    const found = await this.loaders.publicationByKey.loadMany(keys);
    return found.map((p, i) => {
      if (p instanceof Error) throw p;
      if (!p) throw new Error(`publication ${keys[i]} is referenced but missing`);
      return p;
    });
  }
}

/**
 * A DOI argument normalised (`10.xxxx/...`, lower case, resolver prefix removed).
 * @throws InvalidArgumentError naming `doi` when it is not a DOI.
 */
export function checkDoi(doi: string): string {
  try {
    return normalizeDoi(doi);
  } catch (e) {
    if (e instanceof InvalidValueError) throw new InvalidArgumentError('doi', e.message);
    throw e;
  }
}
