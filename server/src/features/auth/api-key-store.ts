/**
 * The API key storage port. Keys are never stored in clear: a record holds the key id (the
 * key's first 12 characters, used to find the record) and scrypt(key, salt). Changing methods
 * take the actor last and append their audit event in the same transaction.
 */
import type { Actor } from '../audit/audit-event';
import type { Role } from './roles';

/** Where a key came from: `BATON_ADMIN_KEY`, or generated (on first start or by `createApiKey`). */
export type ApiKeySource = 'env' | 'generated';

export interface ApiKeyRecord {
  /** The key's lookup prefix (first 12 characters). */
  id: string;
  role: Role;
  salt: Buffer;
  /** scrypt hash of the whole key. */
  hash: Buffer;
  /** The name given at creation, e.g. "zendesk bot (prod)". */
  label: string;
  source: ApiKeySource;
  createdAt: Date;
  /** Key id of the admin who created it; null for system-created keys. */
  createdBy: string | null;
  /** Last successful authentication, to within the auth cache's lifetime (60 s); null if never used. */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyStore {
  /** The key with this id, revoked or not; null when unknown. */
  findKey(id: string): Promise<ApiKeyRecord | null>;
  /** Every key, revoked ones too, oldest first. */
  listKeys(): Promise<ApiKeyRecord[]>;
  /** @throws CONFLICT when the id is taken. */
  insertKey(key: ApiKeyRecord, actor: Actor): Promise<void>;
  /** Keys not revoked, of one role or all. */
  countActiveKeys(role?: Role): Promise<number>;
  /** Revokes every active key of `source` except `exceptId`. @returns how many were revoked. */
  revokeKeys(source: ApiKeySource, exceptId: string | null, at: Date, actor: Actor): Promise<number>;
  /**
   * Revokes one key.
   * @throws NOT_FOUND for an unknown id; BAD_USER_INPUT when it is already revoked or is the
   *   last active admin key (which would lock everyone out).
   */
  revokeKey(id: string, at: Date, actor: Actor): Promise<ApiKeyRecord>;
  /** Records a successful authentication (not audited: using a key changes nothing). */
  touchKey(id: string, at: Date): Promise<void>;
  /** Role names, sorted. */
  listRoles(): Promise<string[]>;
}
