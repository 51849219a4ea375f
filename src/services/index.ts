/**
 * The per-request set of services. Each request gets fresh DataLoaders (so caching never crosses
 * requests or users); the stores and the driver behind them are shared.
 */
import { AuditService } from './curation/audit.service.js';
import { ChangeEvents } from './curation/changeEvents.js';
import { CurationService, type CurationOptions } from './curation/facts.service.js';
import { createLoaders, type Stores } from '../graph/loaders.js';
import { ConductivityService } from './conductivity.service.js';
import { ConsensusService } from './consensus.service.js';
import { FactService } from './fact.service.js';
import { MaterialService } from './material.service.js';
import { PublicationService } from './publication.service.js';
import { SearchService } from './search.service.js';
import { ListService, type ListOptions } from './query/list.service.js';
import { AggregateService } from './query/aggregate.service.js';
import type { ThermoEngine } from './thermo/thermo.engine.js';
import { ThermoService } from './thermo/thermo.service.js';
import { VocabularyService } from './vocabulary.service.js';

export interface Services {
  materials: MaterialService;
  publications: PublicationService;
  facts: FactService;
  vocabulary: VocabularyService;
  thermo: ThermoService;
  search: SearchService;
  /** The compiled root lists (materials, measurements): one Cypher statement per request. */
  lists: ListService;
  /** Statistics for dashboards (measurementStatistics, materialStatistics): one Cypher statement per request. */
  statistics: AggregateService;
  /** What the reports agree on per material and property (Material.consensus). */
  consensus: ConsensusService;
  /** The ionic conductivity of a material at a temperature, by Arrhenius' law (Material.conductivityAt). */
  conductivity: ConductivityService;
  /** The change events of this process (one hub shared by every request): writes publish, subscriptions listen. */
  events: ChangeEvents;
  /** The audit trail: change sets and their changes. */
  audit: AuditService;
  /** Facts added and changed through the API (validated, versioned, proposals, reverts). */
  curation: CurationService;
}

/** Without options the plan cost limit is the API's default (QUERY_MAX_COST). */
const DEFAULT_LIST_OPTIONS: ListOptions = { maxCost: 200_000 };

/** `engine` (LP solver and result cache) is shared by the requests of one process. */
export function createServices(
  stores: Stores,
  engine: ThermoEngine,
  lists: ListOptions = DEFAULT_LIST_OPTIONS,
  events: ChangeEvents = new ChangeEvents(),
  curation: CurationOptions = { proposalsRequired: false },
): Services {
  const loaders = createLoaders(stores);
  const listService = new ListService(stores.lists, stores.materials, lists);
  return {
    materials: new MaterialService(loaders),
    publications: new PublicationService(stores, loaders),
    facts: new FactService(loaders),
    vocabulary: new VocabularyService(loaders),
    thermo: new ThermoService(engine, stores, loaders, events),
    search: new SearchService(stores.search, listService),
    lists: listService,
    statistics: new AggregateService(stores.aggregates, lists),
    consensus: new ConsensusService(loaders),
    conductivity: new ConductivityService(loaders),
    events,
    audit: new AuditService(stores.changeSets, stores.materials),
    curation: new CurationService(stores.curation, stores.materials, events, curation),
  };
}
