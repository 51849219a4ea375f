// Curation: API keys (hashed) and the audit trail (change sets and their changes).
// Idempotent: applied on every start by src/graph/schemaBootstrap.ts.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT change_set_id IF NOT EXISTS FOR (cs:ChangeSet) REQUIRE cs.id IS UNIQUE;
CREATE INDEX change_set_at IF NOT EXISTS FOR (cs:ChangeSet) ON (cs.at);
CREATE INDEX change_change_set IF NOT EXISTS FOR (ch:Change) ON (ch.changeSetId);
CREATE INDEX change_entity IF NOT EXISTS FOR (ch:Change) ON (ch.entityId);
