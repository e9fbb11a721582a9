/**
 * Authentication: the bootstrap admin key on start-up, and `Authorization: Bearer <key>`
 * checks on every request. Verified keys are cached in memory (by a sha256 of the key, never
 * the key itself) for `cacheTtlMs`, so a bot calling every turn does not pay scrypt each time;
 * `revokeKey` drops a key from this server's cache at once; a key revoked through another server
 * sharing the store keeps working here for at most that long.
 */
import { createHash } from 'node:crypto';
import { BatonErrorCode } from '@baton/schemas';
import { BatonError, badInput } from '../../baton-error';
import type { Logger } from '../../logger';
import { apiKeyId, generateApiKey, hashApiKey, isWellFormedApiKey, verifyApiKey } from './api-key';
import type { ApiKeyRecord, ApiKeyStore } from './api-key-store';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import { ROLES, isRole, type Role } from './roles';

/** Who is calling: the key id (safe to log and to record as an author) and its role. */
export interface Principal {
  keyId: string;
  role: Role;
}

/** A key just created: its record and the secret, which exists in clear only in this answer. */
export interface CreatedApiKey {
  key: ApiKeyRecord;
  secret: string;
}

const NAME_MAX = 100;

export interface AuthServiceOptions {
  store: ApiKeyStore;
  logger: Logger;
  clock?: () => Date;
  /** How long a verified key is trusted without scrypt, ms (default 60 s). */
  cacheTtlMs?: number;
  /** How long a wrong key is refused without scrypt, ms (default 5 s). */
  negativeCacheTtlMs?: number;
}

interface CacheEntry {
  principal: Principal | null;
  expiresAt: number;
}

const MAX_CACHE_ENTRIES = 10_000;

function unauthenticated(message: string): BatonError {
  return new BatonError(BatonErrorCode.Unauthenticated, message);
}

export class AuthService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<Principal | null>>();
  private readonly clock: () => Date;
  private readonly cacheTtlMs: number;
  private readonly negativeCacheTtlMs: number;

  constructor(private readonly options: AuthServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.cacheTtlMs = options.cacheTtlMs ?? 60_000;
    this.negativeCacheTtlMs = options.negativeCacheTtlMs ?? 5_000;
  }

  /**
   * Makes sure an admin key exists. With `adminKey` (BATON_ADMIN_KEY) that key is stored
   * hashed and earlier BATON_ADMIN_KEY keys are revoked; without it and with no active key,
   * a key is generated and handed to `announce` — the only time it exists in clear.
   * @throws Error when `adminKey` collides with, or is, a revoked key (operator must pick another).
   */
  async bootstrap(adminKey: string | undefined, announce: (key: string) => void): Promise<void> {
    const { store, logger } = this.options;
    const now = this.clock();
    if (adminKey !== undefined) {
      const id = apiKeyId(adminKey);
      const existing = await store.findKey(id);
      if (existing) {
        const same = await verifyApiKey(adminKey, existing.salt, existing.hash);
        if (!same || existing.revokedAt !== null) {
          throw new Error(`BATON_ADMIN_KEY cannot be used: its first 12 characters match ${same ? 'a revoked key' : 'another key'}; choose a new random key.`);
        }
      } else {
        await store.insertKey(
          {
            id,
            role: 'admin',
            ...(await hashApiKey(adminKey)),
            label: 'BATON_ADMIN_KEY',
            source: 'env',
            createdAt: now,
            createdBy: null,
            lastUsedAt: null,
            revokedAt: null,
          },
          SYSTEM_ACTOR,
        );
        logger.info({ keyId: id }, 'admin key from BATON_ADMIN_KEY stored (hashed)');
      }
      const revoked = await store.revokeKeys('env', id, now, SYSTEM_ACTOR);
      if (revoked > 0) logger.info({ count: revoked }, 'revoked previous BATON_ADMIN_KEY keys');
      return;
    }
    if ((await store.countActiveKeys()) > 0) return;
    const key = generateApiKey();
    await store.insertKey(
      {
        id: apiKeyId(key),
        role: 'admin',
        ...(await hashApiKey(key)),
        label: 'generated on first start',
        source: 'generated',
        createdAt: now,
        createdBy: null,
        lastUsedAt: null,
        revokedAt: null,
      },
      SYSTEM_ACTOR,
    );
    announce(key);
  }

  /** Every key, revoked ones too (never a secret: only ids, names, roles and times). */
  listKeys(): Promise<ApiKeyRecord[]> {
    return this.options.store.listKeys();
  }

  /**
   * Creates a key with `role`; the secret is returned once and stored only as a scrypt hash.
   * @throws BAD_USER_INPUT for an empty or over-long name or an unknown role.
   */
  async createKey(name: string, role: string, actor: Principal): Promise<CreatedApiKey> {
    const label = name.trim();
    if (label === '' || label.length > NAME_MAX)
      throw badInput(`Give the key a name of 1 to ${NAME_MAX} characters, e.g. "zendesk bot (prod)".`, { field: 'name' });
    if (!isRole(role)) throw badInput(`Unknown role '${role}'; use one of ${ROLES.join(', ')}.`, { field: 'role' });
    const secret = generateApiKey();
    const key: ApiKeyRecord = {
      id: apiKeyId(secret),
      role,
      ...(await hashApiKey(secret)),
      label,
      source: 'generated',
      createdAt: this.clock(),
      createdBy: actor.keyId,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.options.store.insertKey(key, actor);
    return { key, secret };
  }

  /**
   * Revokes a key; it stops working on this server at once (other servers: within the cache lifetime).
   * @throws NOT_FOUND, or BAD_USER_INPUT when already revoked or the last active admin key.
   */
  async revokeKey(id: string, actor: Principal): Promise<ApiKeyRecord> {
    const revoked = await this.options.store.revokeKey(id, this.clock(), actor);
    for (const [cacheKey, entry] of this.cache) if (entry.principal?.keyId === id) this.cache.delete(cacheKey);
    return revoked;
  }

  /**
   * Checks an `Authorization` header value.
   * @returns the caller.
   * @throws BatonError UNAUTHENTICATED when the header is missing, not Bearer, or the key is unknown, wrong or revoked.
   */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw unauthenticated('Send an API key in the Authorization header: "Authorization: Bearer <key>".');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw unauthenticated('Use the Bearer scheme: "Authorization: Bearer <key>".');
    const principal = await this.check(match[1]);
    if (!principal)
      throw unauthenticated(
        'The API key is not valid. Check it (the admin key was printed once on first start), or restart Baton with BATON_ADMIN_KEY set to a key of your choice.',
      );
    return principal;
  }

  private async check(key: string): Promise<Principal | null> {
    if (!isWellFormedApiKey(key)) return null;
    const cacheKey = createHash('sha256').update(key).digest('base64url');
    const now = Date.now();
    const cached = this.cache.get(cacheKey);
    if (cached && cached.expiresAt > now) return cached.principal;
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending;
    const lookup = this.lookup(key).finally(() => this.inFlight.delete(cacheKey));
    this.inFlight.set(cacheKey, lookup);
    const principal = await lookup;
    this.remember(cacheKey, principal);
    return principal;
  }

  private async lookup(key: string): Promise<Principal | null> {
    const record = await this.options.store.findKey(apiKeyId(key));
    if (!record || record.revokedAt !== null) return null;
    if (!(await verifyApiKey(key, record.salt, record.hash))) return null;
    // Once per cache lifetime per key, so a bot calling every turn does not write every turn.
    this.options.store
      .touchKey(record.id, this.clock())
      .catch((error: unknown) => this.options.logger.warn({ keyId: record.id, err: error }, 'could not record API key use'));
    return { keyId: record.id, role: record.role };
  }

  private remember(cacheKey: string, principal: Principal | null): void {
    if (this.cache.size >= MAX_CACHE_ENTRIES) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    const ttl = principal ? this.cacheTtlMs : this.negativeCacheTtlMs;
    this.cache.set(cacheKey, { principal, expiresAt: Date.now() + ttl });
  }
}
