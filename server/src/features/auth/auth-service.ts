/**
 * Authentication: the bootstrap admin key on start-up, and `Authorization: Bearer <key>`
 * checks on every request. Verified keys are cached in memory (by a sha256 of the key, never
 * the key itself) for `cacheTtlMs`, so a bot calling every turn does not pay scrypt each time;
 * a revoked key therefore keeps working for at most that long on a running server.
 */
import { createHash } from 'node:crypto';
import { BatonErrorCode } from '@baton/schemas';
import { BatonError } from '../../baton-error';
import type { Logger } from '../../logger';
import { apiKeyId, generateApiKey, hashApiKey, isWellFormedApiKey, verifyApiKey } from './api-key';
import type { ApiKeyStore } from './api-key-store';

/** Who is calling: the key id (safe to log and to record as an author) and its role. */
export interface Principal {
  keyId: string;
  role: string;
}

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
        await store.insertKey({ id, role: 'admin', ...(await hashApiKey(adminKey)), label: 'BATON_ADMIN_KEY', source: 'env', createdAt: now, revokedAt: null });
        logger.info('admin key from BATON_ADMIN_KEY stored (hashed)', { keyId: id });
      }
      const revoked = await store.revokeKeys('env', id, now);
      if (revoked > 0) logger.info('revoked previous BATON_ADMIN_KEY keys', { count: revoked });
      return;
    }
    if ((await store.countActiveKeys()) > 0) return;
    const key = generateApiKey();
    await store.insertKey({ id: apiKeyId(key), role: 'admin', ...(await hashApiKey(key)), label: 'generated on first start', source: 'generated', createdAt: now, revokedAt: null });
    announce(key);
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
    if (!principal) throw unauthenticated('The API key is not valid. Check it (the admin key was printed once on first start), or restart Baton with BATON_ADMIN_KEY set to a key of your choice.');
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
