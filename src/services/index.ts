/**
 * The per-request set of services. Each request gets fresh DataLoaders (so caching never crosses
 * requests or users); the stores and the driver behind them are shared.
 */
import { createLoaders, type Stores } from '../graph/loaders.js';
import { FactService } from './fact.service.js';
import { MaterialService } from './material.service.js';
import { PublicationService } from './publication.service.js';
import { VocabularyService } from './vocabulary.service.js';

export interface Services {
  materials: MaterialService;
  publications: PublicationService;
  facts: FactService;
  vocabulary: VocabularyService;
}

export function createServices(stores: Stores): Services {
  const loaders = createLoaders(stores);
  return {
    materials: new MaterialService(stores, loaders),
    publications: new PublicationService(stores, loaders),
    facts: new FactService(stores, loaders),
    vocabulary: new VocabularyService(loaders),
  };
}
