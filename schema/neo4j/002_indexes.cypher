// Range index for the `chemicalSystem` filter of the materials connection (an equality seek).
// Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
CREATE INDEX material_chemical_system IF NOT EXISTS FOR (m:Material) ON (m.chemicalSystem);
