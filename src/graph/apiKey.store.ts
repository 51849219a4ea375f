/**
 * API keys, stored hashed: one (:ApiKey) node per key, never its secret.
 *
 *   (:ApiKey {id, name, role, hash, createdAt, createdBy, revokedAt, revokedBy})
 *
 * `id` is the public part of the key (unique, schema/neo4j/005_curation.cypher), `hash` the Argon2id hash
 * of the whole key (PHC string, services/curation/apiKeys.service.ts), `createdAt`/`revokedAt` ISO 8601
 * UTC text. A key is revoked, never deleted: change sets keep naming its id.
 */
import { isRole, type Role } from '../domain/curation/roles.js';
import { cypher, type GraphDatabase, type Row } from './database.js';

/** A key as listed: everything but its hash. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Who created it (e.g. 'command line (alice)'). */
  createdBy: string;
  /** ISO 8601, UTC; null while the key is valid. */
  revokedAt: string | null;
  revokedBy: string | null;
}

/** A key with its hash: only for verification (never listed or returned by the API). */
export interface StoredApiKey extends ApiKeyRecord {
  hash: string;
}

export type ApiKeyWrite = Omit<StoredApiKey, 'revokedAt' | 'revokedBy'>;

const FIELDS = 'k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt, k.createdBy AS createdBy, k.revokedAt AS revokedAt, k.revokedBy AS revokedBy';

const CREATE_KEY = cypher(
  'apiKey.create',
  `
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt, createdBy: $createdBy})
RETURN ${FIELDS}`,
);

// one seek on the unique constraint's index (api_key_id)
const KEY_BY_ID = cypher(
  'apiKey.byId',
  `
MATCH (k:ApiKey {id: $id})
RETURN ${FIELDS}, k.hash AS hash`,
);

const LIST_KEYS = cypher(
  'apiKey.list',
  `
MATCH (k:ApiKey)
RETURN ${FIELDS}
ORDER BY k.createdAt, k.id`,
);

// revoking twice keeps the first revocation's time and author
const REVOKE_KEY = cypher(
  'apiKey.revoke',
  `
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $at), k.revokedBy = coalesce(k.revokedBy, $by)
RETURN ${FIELDS}`,
);

function toRecord(row: Row): ApiKeyRecord {
  const role = String(row.role);
  if (!isRole(role)) throw new Error(`API key ${String(row.id)}: stored role '${role}' is not a role`);
  return {
    id: String(row.id),
    name: String(row.name),
    role,
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy),
    revokedAt: (row.revokedAt as string | null) ?? null,
    revokedBy: (row.revokedBy as string | null) ?? null,
  };
}

export class ApiKeyStore {
  constructor(private readonly db: GraphDatabase) {}

  /** Writes a new key (its hash, never its secret); fails on an id already taken (unique constraint). */
  async create(key: ApiKeyWrite): Promise<ApiKeyRecord> {
    const [row] = await this.db.write(CREATE_KEY, { ...key });
    return toRecord(row!);
  }

  /** The key with this id and its hash, or null. */
  async byId(id: string): Promise<StoredApiKey | null> {
    const [row] = await this.db.read(KEY_BY_ID, { id });
    return row ? { ...toRecord(row), hash: String(row.hash) } : null;
  }

  /** Every key, revoked ones included, oldest first; never a hash. */
  async list(): Promise<ApiKeyRecord[]> {
    return (await this.db.read(LIST_KEYS)).map(toRecord);
  }

  /** Marks the key revoked (at `at`, ISO 8601, by `by`); null when there is no such key. Idempotent. */
  async revoke(id: string, at: string, by: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.db.write(REVOKE_KEY, { id, at, by });
    return row ? toRecord(row) : null;
  }
}
