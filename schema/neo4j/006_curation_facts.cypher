// Facts added and changed through the API (src/graph/curation.store.ts): a fact that is not current carries
// other labels than :Fact (domain/model/curation.kind.ts), found by id under each; its former versions by fact id.
CREATE CONSTRAINT proposed_fact_id IF NOT EXISTS FOR (x:ProposedFact) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT retracted_fact_id IF NOT EXISTS FOR (x:RetractedFact) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT rejected_fact_id IF NOT EXISTS FOR (x:RejectedFact) REQUIRE x.id IS UNIQUE;
CREATE INDEX fact_version_fact IF NOT EXISTS FOR (v:FactVersion) ON (v.factId);
CREATE CONSTRAINT curation_lock_id IF NOT EXISTS FOR (l:CurationLock) REQUIRE l.id IS UNIQUE;
