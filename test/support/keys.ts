/**
 * API keys for tests: `createTestKey(role)` creates a real key in the test Neo4j and returns the key to send
 * (`Authorization: Bearer <key>`) and its id. Placeholder with the agreed signature: the real one comes with
 * the API keys (graph/apiKey.store.ts, services/curation/apiKeys.service.ts) and replaces this file.
 */
import type { Role } from '../../src/domain/curation/roles.js';

export interface TestKey {
  /** The whole key: send it as `Authorization: Bearer <key>`. */
  key: string;
  keyId: string;
}

/** A new key with `role`, named `name` (default: 'test <role>'). */
export async function createTestKey(role: Role, name?: string): Promise<TestKey> {
  throw new Error(`createTestKey(${role}, ${name ?? `test ${role}`}): API keys are not implemented on this branch yet`);
}
