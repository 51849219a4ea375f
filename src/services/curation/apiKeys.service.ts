/**
 * API keys: created (the key shown once), listed (never a hash), revoked, and verified on every write.
 *
 * A key reads `ipk_<id>_<secret>`: `id` 16 lowercase hex digits (its public name, in listings and change
 * sets), `secret` 32 random bytes in base64url (43 characters). Only the Argon2id hash of the whole key is
 * stored (RFC 9106; @node-rs/argon2 with the OWASP parameters m = 19 MiB, t = 2, p = 1: about 20 ms per
 * verification, run in libuv's thread pool, off the event loop), so verifying looks the key up by its id
 * and checks one hash.
 *
 * Every verification reads the key by id (one index seek on the unique constraint), so a revoked key fails
 * at its next request, on every replica. The Argon2 check itself is remembered for VERIFIED_TTL_MS per
 * process for that exact key (by its SHA-256, with the hash it matched): a client sending many writes pays
 * it once a minute, not per request. A wrong secret is never remembered: each attempt costs an Argon2
 * verification, and at most MAX_CONCURRENT_VERIFICATIONS run at once (the others wait), so wrong keys
 * cannot take every thread of the pool (file and DNS work share it).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { LRUCache } from 'lru-cache';
import { excerpt } from '../../domain/errors.js';
import { isRole, ROLES, type Principal } from '../../domain/curation/roles.js';
import type { ApiKeyRecord, ApiKeyStore } from '../../graph/apiKey.store.js';
import { InvalidArgumentError } from '../errors.js';

/** `ipk_<16 hex>_<43 base64url>`. */
export const API_KEY_PATTERN = /^ipk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

/** Argon2id parameters (OWASP Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How long a successful Argon2 check of one key is remembered in this process (revocation is checked on every request regardless). */
export const VERIFIED_TTL_MS = 60_000;
/** Argon2 verifications running at once in this process; more wait their turn. */
export const MAX_CONCURRENT_VERIFICATIONS = 2;

export const KEY_NAME_MAX = 100;

/** A new key: its record and the key itself, which is shown once and never stored. */
export interface CreatedApiKey {
  key: string;
  record: ApiKeyRecord;
}

/** Key id and secret of a well-formed key, null for anything else. */
export function parseApiKey(key: string): { id: string; secret: string } | null {
  const m = API_KEY_PATTERN.exec(key);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export class ApiKeysService {
  private readonly verified = new LRUCache<string, string>({ max: 10_000, ttl: VERIFIED_TTL_MS });
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly store: ApiKeyStore) {}

  /**
   * Creates a key with `role` named `name` (1–100 characters, e.g. the lab or person holding it); returns
   * the key, which exists nowhere else afterwards.
   * @throws InvalidArgumentError naming `name` or `role`
   */
  async create(name: string, role: string, createdBy: string): Promise<CreatedApiKey> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > KEY_NAME_MAX) throw new InvalidArgumentError('name', `must be 1–${KEY_NAME_MAX} characters (who holds the key), got ${trimmed.length}`);
    if (!isRole(role)) throw new InvalidArgumentError('role', `must be one of ${ROLES.join(', ')}, got '${excerpt(role)}'`);
    const id = randomBytes(8).toString('hex');
    const key = `ipk_${id}_${randomBytes(32).toString('base64url')}`;
    const hash = await argon2Hash(key, ARGON2);
    const record = await this.store.create({ id, name: trimmed, role, hash, createdAt: new Date().toISOString(), createdBy });
    return { key, record };
  }

  /** Every key, revoked ones included, oldest first: never a hash or a secret. */
  list(): Promise<ApiKeyRecord[]> {
    return this.store.list();
  }

  /**
   * Revokes key `id` (it stops working at its next request); null when there is no such key. Revoking a
   * revoked key changes nothing.
   * @throws InvalidArgumentError naming `id` when it is not a key id
   */
  async revoke(id: string, by: string): Promise<ApiKeyRecord | null> {
    if (!KEY_ID_PATTERN.test(id)) throw new InvalidArgumentError('id', `'${excerpt(id)}' is not a key id (16 hex digits, as listed)`);
    return this.store.revoke(id, new Date().toISOString(), by);
  }

  /** The holder of `key`, or null when it is malformed, unknown, revoked or its secret is wrong. */
  async verify(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const stored = await this.store.byId(parsed.id);
    if (!stored || stored.revokedAt !== null) return null;
    const digest = createHash('sha256').update(key).digest('hex');
    const remembered = this.verified.get(digest);
    if (remembered === undefined || !sameText(remembered, stored.hash)) {
      if (!(await this.limited(() => argon2Verify(stored.hash, key)))) return null;
      this.verified.set(digest, stored.hash);
    }
    return { keyId: stored.id, name: stored.name, role: stored.role };
  }

  /** Runs `work` when fewer than MAX_CONCURRENT_VERIFICATIONS are running. */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_CONCURRENT_VERIFICATIONS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
