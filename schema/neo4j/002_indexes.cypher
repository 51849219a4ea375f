// Range indexes for the filters of the materials connection and of measurements.
// Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
CREATE INDEX material_chemical_system IF NOT EXISTS FOR (m:Material) ON (m.chemicalSystem);
CREATE INDEX material_family IF NOT EXISTS FOR (m:Material) ON (m.family);
CREATE INDEX measurement_property IF NOT EXISTS FOR (x:Measurement) ON (x.property);
