// Uniqueness constraints (each also creates a range index on the property).
// Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
CREATE CONSTRAINT material_id IF NOT EXISTS FOR (m:Material) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT material_variant_id IF NOT EXISTS FOR (v:MaterialVariant) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT material_family_id IF NOT EXISTS FOR (f:MaterialFamily) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT measurement_id IF NOT EXISTS FOR (x:Measurement) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (x:Fact) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT interface_id IF NOT EXISTS FOR (i:Interface) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT technique_id IF NOT EXISTS FOR (t:Technique) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT publication_key IF NOT EXISTS FOR (p:Publication) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT publication_doi IF NOT EXISTS FOR (p:Publication) REQUIRE p.doi IS UNIQUE;
CREATE CONSTRAINT review_key IF NOT EXISTS FOR (r:Review) REQUIRE r.reviewKey IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT phase_entry_uid IF NOT EXISTS FOR (e:PhaseEntry) REQUIRE e.uid IS UNIQUE;
CREATE CONSTRAINT phase_data_revision_id IF NOT EXISTS FOR (r:PhaseDataRevision) REQUIRE r.id IS UNIQUE;
