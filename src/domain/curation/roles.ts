/**
 * Who may write: every write needs an API key, and every key has one role. Reading needs no key.
 *
 * - `contributor`: may add facts (held as proposals when PROPOSALS_REQUIRED is on) and phase entries, and
 *   remove its own phase entries;
 * - `curator`: everything a contributor may, and correct, retract, accept or reject, bulk-import, revert a
 *   change set, remove anyone's phase entries;
 * - `admin`: everything a curator may, and manage keys.
 */
export const ROLES = ['contributor', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The holder of a verified API key: its id (never the secret), its name and its role. */
export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

/** True when `role` includes everything `needed` may do (admin ⊃ curator ⊃ contributor). */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
