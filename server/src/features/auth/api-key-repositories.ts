/**
 * What the API keys feature needs from storage: records in, records out, a conditional
 * revocation. `api-key-transitions.ts` decides; `transactional-api-key-store.ts` runs the
 * decisions in a unit of work (`store/unit-of-work.ts`).
 */
import type { ApiKeyRecord, ApiKeySource } from './api-key-store';
import type { Role } from './roles';

/** API keys, inside a transaction. */
export interface ApiKeyRepository {
  find(id: string): Promise<ApiKeyRecord | null>;
  /** Keys not revoked, optionally only of one role or source, ordered by id. */
  listActive(filter: { role?: Role; source?: ApiKeySource }): Promise<ApiKeyRecord[]>;
  /** @throws DuplicateKeyError (`id`) when the id is taken. */
  insert(key: ApiKeyRecord): Promise<void>;
  /** Marks the key revoked at `at`. @throws StaleWriteError when it is revoked already. */
  revoke(id: string, at: Date): Promise<void>;
}

/** The reads and the one unaudited write (recording a key's use), outside transactions. */
export interface ApiKeyAccess {
  findKey(id: string): Promise<ApiKeyRecord | null>;
  /** Every key, revoked ones too, oldest first. */
  listKeys(): Promise<ApiKeyRecord[]>;
  countActiveKeys(role?: Role): Promise<number>;
  /** Records a successful authentication (not audited: using a key changes nothing). */
  touchKey(id: string, at: Date): Promise<void>;
  /** Role names, sorted. */
  listRoles(): Promise<string[]>;
}
