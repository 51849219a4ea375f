/**
 * Builds the executable GraphQL schema from the type-graphql classes. `schema/schema.graphql` is this
 * schema printed (npm run schema:emit); a test fails when the committed file drifts.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
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
import { ClaimQueryResolver, ClaimResolver } from './claim.resolver.js';
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
      CurationResolver,
    ],
    validate: false,
    emitSchemaFile: false,
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
