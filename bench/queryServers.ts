/**
 * The two servers the query benchmark (`query.ts`) compares the API with, each behind the API's HTTP
 * stack (Express 5 + Apollo Server 5, as src/server/app.ts) in a process of its own:
 *
 *   npx tsx bench/queryServers.ts neo4j-graphql   # the generic Neo4j GraphQL Library (@neo4j/graphql 7)
 *   npx tsx bench/queryServers.ts cypher          # one hand-written Cypher query per question
 *
 * Both read NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE and listen on 127.0.0.1:PORT;
 * they print `ready <port>` on stdout once they answer. Only `query.ts` starts them.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { buildSchema, type GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { CYPHER_QUESTIONS } from './queryCypher.js';

/**
 * Type definitions for @neo4j/graphql mirroring the labels, relationship types and properties the API
 * writes (schema/neo4j/*.cypher, src/graph/*.store.ts): only what the benchmark's questions select.
 */
export const TYPE_DEFS = /* GraphQL */ `
  type Material @node {
    id: ID!
    name: String!
    formula: String
    family: String
    kind: String!
    aliasTexts: [String!]!
    measurements: [Measurement!]! @relationship(type: "HAS_MEASUREMENT", direction: OUT)
    stabilityWindows: [StabilityWindow!]! @relationship(type: "HAS_WINDOW", direction: OUT)
    interfacesAsElectrolyte: [Interface!]! @relationship(type: "ELECTROLYTE", direction: IN)
    interfacesAsCounterpart: [Interface!]! @relationship(type: "COUNTERPART", direction: IN)
  }
  type Measurement @node {
    id: ID!
    property: String!
    value: Float
    "Lower bound of a value reported as a range or as '> x'"
    min: Float
    unit: String!
    temperatureK: Float
    review: String
    material: [Material!]! @relationship(type: "HAS_MEASUREMENT", direction: IN)
    publications: [Publication!]! @relationship(type: "REPORTED_BY", direction: OUT)
  }
  type StabilityWindow @node {
    id: ID!
    method: String!
  }
  type Interface @node {
    id: ID!
    counterpartKind: String!
    electrolyte: [Material!]! @relationship(type: "ELECTROLYTE", direction: OUT)
    counterpart: [Material!]! @relationship(type: "COUNTERPART", direction: OUT)
    observations: [InterphaseObservation!]! @relationship(type: "AT", direction: IN)
  }
  type InterphaseObservation @node {
    id: ID!
    interphaseType: String
    publications: [Publication!]! @relationship(type: "REPORTED_BY", direction: OUT)
  }
  type Publication @node @fulltext(indexes: [{ indexName: "publication_title", fields: ["title"], queryName: "publicationsTitleSearch" }]) {
    key: ID!
    doi: String
    title: String
    year: Float
  }
`;

async function neo4jGraphqlSchema(driver: Driver): Promise<GraphQLSchema> {
  const lib = new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver, features: { filters: { String: { CASE_INSENSITIVE: true } } } });
  return lib.getSchema();
}

/** One root field per question; each runs its one Cypher query and returns the rows as JSON. */
function cypherSchema(driver: Driver, database: string): { schema: GraphQLSchema; rootValue: Record<string, unknown> } {
  const fields = Object.entries(CYPHER_QUESTIONS).map(([name, q]) => `${name}${q.args ? `(${q.args})` : ''}: JSON`);
  const schema = buildSchema(`scalar JSON\ntype Query {\n${fields.join('\n')}\n}`);
  const rootValue = Object.fromEntries(
    Object.entries(CYPHER_QUESTIONS).map(([name, q]) => [
      name,
      async (args: Record<string, unknown>) => {
        const r = await driver.executeQuery(q.cypher, q.params(args), { database, routing: neo4j.routing.READ });
        return r.records.map((rec) => rec.toObject());
      },
    ]),
  );
  return { schema, rootValue };
}

async function main() {
  const mode = process.argv[2];
  if (mode !== 'neo4j-graphql' && mode !== 'cypher') throw new Error('usage: queryServers.ts neo4j-graphql|cypher');
  const env = process.env;
  const database = env.NEO4J_DATABASE ?? 'neo4j';
  const driver = neo4j.driver(env.NEO4J_URI!, neo4j.auth.basic(env.NEO4J_USERNAME ?? 'neo4j', env.NEO4J_PASSWORD!), {
    disableLosslessIntegers: true,
    userAgent: `interphase-bench-${mode}/0.1`,
  });
  const built = mode === 'cypher' ? cypherSchema(driver, database) : { schema: await neo4jGraphqlSchema(driver), rootValue: undefined };
  const apollo = new ApolloServer({ schema: built.schema, rootValue: built.rootValue });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database } }) }));
  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  const server = app.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
    const addr = server.address();
    console.log(`ready ${typeof addr === 'object' && addr ? addr.port : ''}`);
  });
  const stop = () => {
    server.close();
    void apollo.stop().then(() => driver.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1]?.endsWith("queryServers.ts")) await main();
