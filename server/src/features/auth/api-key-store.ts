/**
 * The API key storage port. Keys are never stored in clear: a record holds the key id (the
 * key's first 12 characters, used to find the record) and scrypt(key, salt).
 */

/** Where a key came from: `BATON_ADMIN_KEY` or generated on first start. */
export type ApiKeySource = 'env' | 'generated';

export interface ApiKeyRecord {
  /** The key's lookup prefix (first 12 characters). */
  id: string;
  /** A name from the roles table; only `admin` exists for now. */
  role: string;
  salt: Buffer;
  /** scrypt hash of the whole key. */
  hash: Buffer;
  label: string;
  source: ApiKeySource;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface ApiKeyStore {
  /** The key with this id, revoked or not; null when unknown. */
  findKey(id: string): Promise<ApiKeyRecord | null>;
  /** @throws CONFLICT when the id is taken. */
  insertKey(key: ApiKeyRecord): Promise<void>;
  /** Keys not revoked. */
  countActiveKeys(): Promise<number>;
  /** Revokes every active key of `source` except `exceptId`. @returns how many were revoked. */
  revokeKeys(source: ApiKeySource, exceptId: string | null, at: Date): Promise<number>;
  /** Role names, sorted. */
  listRoles(): Promise<string[]>;
}
