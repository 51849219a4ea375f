// Uniqueness constraints (each also creates a range index on the property).
// Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
CREATE CONSTRAINT material_id IF NOT EXISTS FOR (m:Material) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT measurement_id IF NOT EXISTS FOR (x:Measurement) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT publication_doi IF NOT EXISTS FOR (p:Publication) REQUIRE p.doi IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE;
