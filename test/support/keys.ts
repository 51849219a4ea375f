/**
 * API keys for tests: `createTestKey(role)` creates a real key (hashed, through the store, as `npm run keys
 * -- create` does) in the test Neo4j and returns the key to send and its id. Keys are left in the graph (the
 * API never lists them and nothing counts them); `revokeTestKey` revokes one.
 */
import type { Role } from '../../src/domain/curation/roles.js';
import { ApiKeyStore } from '../../src/graph/apiKey.store.js';
import { ApiKeysService } from '../../src/services/curation/apiKeys.service.js';
import { connectTestDatabase } from './neo4j.js';

export interface TestKey {
  /** The whole key, `ipk_<id>_<secret>`: send it as `Authorization: Bearer <key>`. */
  key: string;
  keyId: string;
}

async function withKeys<T>(work: (keys: ApiKeysService) => Promise<T>): Promise<T> {
  const db = connectTestDatabase();
  try {
    return await work(new ApiKeysService(new ApiKeyStore(db)));
  } finally {
    await db.close();
  }
}

/** A new key with `role`, named `name` (default: 'test <role>'). */
export async function createTestKey(role: Role, name?: string): Promise<TestKey> {
  const { key, record } = await withKeys((keys) => keys.create(name ?? `test ${role}`, role, 'tests'));
  return { key, keyId: record.id };
}

/** Revokes key `keyId` (it fails from the next request on). */
export async function revokeTestKey(keyId: string): Promise<void> {
  await withKeys((keys) => keys.revoke(keyId, 'tests'));
}
