/**
 * Builds the executable GraphQL schema from the type-graphql classes. `schema/schema.graphql` is this
 * schema printed (npm run schema:emit); a test fails when the committed file drifts.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import {
  CellComponentResolver,
  CellResolver,
  CoatingApplicationResolver,
  FactQueryResolver,
  InterfaceResolver,
  InterphaseObservationResolver,
  InterphaseProductResolver,
  ReportedStabilityWindowResolver,
} from './literature.resolver.js';
import { ChangeSetResolver } from './audit.resolver.js';
import { ClaimQueryResolver, ClaimResolver } from './claim.resolver.js';
import { CorrectionResolver } from './corrections.resolver.js';
import { CurationResolver } from './curation.resolver.js';
import { MaterialResolver, MaterialVariantResolver } from './material.resolver.js';
import { MeasurementResolver } from './measurement.resolver.js';
import { PublicationResolver } from './publication.resolver.js';
import { SearchResolver } from './search.resolver.js';
import { withOutputUnits } from './outputUnits.js';
import { readCompiledFirst } from './selection.js';
import { StatisticsResolver } from './statistics.resolver.js';
import { CitationResolver, SourceResolver } from './source.resolver.js';
import {
  DecompositionResolver,
  InterphasePredictionResolver,
  PhaseAmountResolver,
  PhaseDataSourceResolver,
  PhaseEntryResolver,
  StabilityWindowResolver,
  ThermoQueryResolver,
} from './thermo.resolver.js';
import { CharacterizationTechniqueResolver, MaterialFamilyResolver } from './vocabulary.resolver.js';

let cached: Promise<GraphQLSchema> | null = null;

const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('subscriptions are published through services.events, not a type-graphql PubSub');
  },
  subscribe: () => {
    throw new Error('subscriptions subscribe through services.events, not a type-graphql PubSub');
  },
};

export function buildInterphaseSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      MaterialResolver,
      MaterialVariantResolver,
      MeasurementResolver,
      SourceResolver,
      CitationResolver,
      PublicationResolver,
      FactQueryResolver,
      ReportedStabilityWindowResolver,
      InterfaceResolver,
      InterphaseObservationResolver,
      InterphaseProductResolver,
      CoatingApplicationResolver,
      CellResolver,
      CellComponentResolver,
      ClaimQueryResolver,
      ClaimResolver,
      MaterialFamilyResolver,
      CharacterizationTechniqueResolver,
      ThermoQueryResolver,
      StabilityWindowResolver,
      DecompositionResolver,
      PhaseAmountResolver,
      PhaseEntryResolver,
      PhaseDataSourceResolver,
      InterphasePredictionResolver,
      SearchResolver,
      StatisticsResolver,
      ChangeSetResolver,
      CurationResolver,
      CorrectionResolver,
    ],
    validate: false,
    emitSchemaFile: false,
    // every subscription brings its own `subscribe` (the process's ChangeEvents, through the context); type-graphql
    // insists on a PubSub all the same, which is never called
    pubSub: NO_TOPICS,
  })
    .then(readCompiledFirst)
    .then(withOutputUnits);
  return cached;
}

/** The schema as SDL, types sorted, with a header saying it is generated. */
export async function printInterphaseSchema(): Promise<string> {
  const schema = await buildInterphaseSchema();
  return (
    '# Generated from the type-graphql classes in src/api by `npm run schema:emit`. Do not edit.\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}
