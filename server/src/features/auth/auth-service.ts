/**
 * Authentication: the bootstrap admin key on start-up, and `Authorization: Bearer <key>`
 * checks on every request. A key verified once is remembered in memory (by a sha256 of the key,
 * never the key itself), so it never pays scrypt again in this process: every `cacheTtlMs` its
 * record is re-read (revoked? role?) without hashing. `revokeKey` drops a key from this server's
 * memory at once; a key revoked through another server sharing the store keeps working here for
 * at most `cacheTtlMs`. Wrong keys are remembered apart (a flood of them cannot push the good
 * keys out), and with a `RateLimiter` failed attempts are counted per key id and per address
 * and refused with RATE_LIMITED before any scrypt once too many failed (issue 17, finding 5).
 */
import { createHash } from 'node:crypto';
import { BatonErrorCode } from '@baton/schemas';
import { BatonError, badInput } from '../../baton-error';
import type { Logger } from '../../logger';
import { apiKeyId, generateApiKey, hashApiKey, isWellFormedApiKey, verifyApiKey } from './api-key';
import type { ApiKeyRecord, ApiKeyStore } from './api-key-store';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { RateLimiter } from '../rate-limits/rate-limits';
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
/** Most key ids one `keyNames` request may name. */
const KEY_NAMES_MAX = 100;

export interface AuthServiceOptions {
  store: ApiKeyStore;
  logger: Logger;
  clock?: () => Date;
  /** How long a verified key is trusted before its record is read again (never its hash), ms (default 60 s). */
  cacheTtlMs?: number;
  /** How long a wrong key is refused without scrypt, ms (default 5 s). */
  negativeCacheTtlMs?: number;
  /** Throttles failed attempts per key id and per address before scrypt; none: no throttling. */
  rateLimiter?: RateLimiter;
}

interface CacheEntry {
  principal: Principal | null;
  /** Until when the entry is used as it is, ms since the epoch; a verified key's record is read again after it. */
  expiresAt: number;
}

/** Most keys remembered as verified, and as wrong, each (the least recently used go first). */
const MAX_CACHE_ENTRIES = 10_000;

function unauthenticated(message: string): BatonError {
  return new BatonError(BatonErrorCode.Unauthenticated, message);
}

export class AuthService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly refused = new Map<string, CacheEntry>();
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
        label: 'Bootstrap admin',
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
   * Who the keys with these ids are (name, role, whether active), for screens that show names
   * instead of key ids; unknown ids are left out. Never a secret or a hash.
   * @throws BAD_USER_INPUT for more than {@link KEY_NAMES_MAX} ids.
   */
  async keyNames(ids: readonly string[]): Promise<ApiKeyRecord[]> {
    if (ids.length > KEY_NAMES_MAX) throw badInput(`Ask for at most ${KEY_NAMES_MAX} key ids at a time; got ${ids.length}.`, { field: 'ids' });
    const wanted = new Set(ids);
    return (await this.options.store.listKeys()).filter((key) => wanted.has(key.id));
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
   * Checks an `Authorization` header value sent from `address` (the client's IP address; its
   * failures are throttled too when given).
   * @returns the caller.
   * @throws BatonError UNAUTHENTICATED when the header is missing, not Bearer, or the key is
   *   unknown, wrong or revoked; RATE_LIMITED (with `retryAfterSeconds`) when the key id or the
   *   address failed too often lately and the key is not one already verified.
   */
  async authenticate(authorization: string | undefined, address?: string): Promise<Principal> {
    if (!authorization) throw unauthenticated('Send an API key in the Authorization header: "Authorization: Bearer <key>".');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw unauthenticated('Use the Bearer scheme: "Authorization: Bearer <key>".');
    const principal = await this.check(match[1], address);
    if (!principal)
      throw unauthenticated(
        'The API key is not valid. Check it (the admin key was printed once on first start), or restart Baton with BATON_ADMIN_KEY set to a key of your choice.',
      );
    return principal;
  }

  private async check(key: string, address: string | undefined): Promise<Principal | null> {
    if (!isWellFormedApiKey(key)) return null;
    const cacheKey = createHash('sha256').update(key).digest('base64url');
    const now = Date.now();
    const verified = this.cache.get(cacheKey);
    if (verified?.principal) return verified.expiresAt > now ? verified.principal : this.revalidate(cacheKey, verified.principal);
    const refused = this.refused.get(cacheKey);
    if (refused && refused.expiresAt > now) return null;
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending;
    // Before any scrypt: an address or key id that failed too often lately waits (429); a key verified before never does.
    const succeeded = this.options.rateLimiter?.beginAuthAttempt(apiKeyId(key), address);
    const lookup = this.lookup(key).finally(() => this.inFlight.delete(cacheKey));
    this.inFlight.set(cacheKey, lookup);
    const principal = await lookup;
    if (principal) succeeded?.();
    this.remember(cacheKey, principal);
    return principal;
  }

  /** A key verified earlier whose time is up: its record is read again (revoked? role changed?), its hash not computed again. */
  private async revalidate(cacheKey: string, principal: Principal): Promise<Principal | null> {
    const pending = this.inFlight.get(cacheKey);
    if (pending) return pending;
    const read = this.options.store
      .findKey(principal.keyId)
      .then((record) => {
        if (!record || record.revokedAt !== null) return null;
        this.touch(record.id);
        return { keyId: record.id, role: record.role };
      })
      .finally(() => this.inFlight.delete(cacheKey));
    this.inFlight.set(cacheKey, read);
    const current = await read;
    if (current) this.remember(cacheKey, current);
    else this.cache.delete(cacheKey);
    return current;
  }

  private async lookup(key: string): Promise<Principal | null> {
    const record = await this.options.store.findKey(apiKeyId(key));
    if (!record || record.revokedAt !== null) return null;
    if (!(await verifyApiKey(key, record.salt, record.hash))) return null;
    this.touch(record.id);
    return { keyId: record.id, role: record.role };
  }

  /** Records a key's use; once per cache lifetime per key, so a bot calling every turn does not write every turn. */
  private touch(id: string): void {
    this.options.store
      .touchKey(id, this.clock())
      .catch((error: unknown) => this.options.logger.warn({ keyId: id, err: error }, 'could not record API key use'));
  }

  private remember(cacheKey: string, principal: Principal | null): void {
    const cache = principal ? this.cache : this.refused;
    cache.delete(cacheKey);
    if (cache.size >= MAX_CACHE_ENTRIES) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    const ttl = principal ? this.cacheTtlMs : this.negativeCacheTtlMs;
    cache.set(cacheKey, { principal, expiresAt: Date.now() + ttl });
  }
}
