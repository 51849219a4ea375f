// Range indexes for equality filters of the connections.
// Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
CREATE INDEX material_chemical_system IF NOT EXISTS FOR (m:Material) ON (m.chemicalSystem);
CREATE INDEX fact_review IF NOT EXISTS FOR (x:Fact) ON (x.review);
// A review's facts of one kind (the claims outnumber the other kinds of a review: a per-kind index stays selective).
CREATE INDEX observation_review IF NOT EXISTS FOR (x:InterphaseObservation) ON (x.review);
CREATE INDEX claim_review IF NOT EXISTS FOR (x:Claim) ON (x.review);
// The thermodynamics reads all entries of a chemical system and its subsystems: chemicalSystem IN [...].
CREATE INDEX phase_entry_chemical_system IF NOT EXISTS FOR (e:PhaseEntry) ON (e.chemicalSystem);
CREATE INDEX phase_entry_dataset IF NOT EXISTS FOR (e:PhaseEntry) ON (e.datasetId);
CREATE INDEX phase_entry_id IF NOT EXISTS FOR (e:PhaseEntry) ON (e.id);
CREATE INDEX phase_entry_run IF NOT EXISTS FOR (e:PhaseEntry) ON (e.run);
// phaseEntries(where: { composition }) compares the composition key.
CREATE INDEX phase_entry_key IF NOT EXISTS FOR (e:PhaseEntry) ON (e.key);
// phaseEntries: the users' entries (counted beside the active import's kept count, and filtered by source).
CREATE INDEX phase_entry_source IF NOT EXISTS FOR (e:PhaseEntry) ON (e.source);
