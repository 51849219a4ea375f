// Range indexes for equality filters of the connections.
// Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
CREATE INDEX material_chemical_system IF NOT EXISTS FOR (m:Material) ON (m.chemicalSystem);
CREATE INDEX fact_review IF NOT EXISTS FOR (x:Fact) ON (x.review);
