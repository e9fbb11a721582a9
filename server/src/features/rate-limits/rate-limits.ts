/**
 * Baton's rate limits (issue 17, finding 5), each a token bucket (`token-buckets.ts`):
 *
 * - requests per client address (`BATON_RATE_LIMIT_PER_ADDRESS` a second), checked before
 *   anything else is read;
 * - requests per API key (`BATON_RATE_LIMIT_PER_KEY` a second), checked once the key is known;
 * - failed authentications per key id and per address (`BATON_AUTH_FAILURES_PER_MINUTE`),
 *   checked before a presented key is hashed, so guessing a key's secret costs the server no
 *   scrypt once the bucket is empty.
 *
 * A bucket holds `BATON_RATE_LIMIT_BURST_SECONDS` seconds of its rate (a burst after a quiet
 * spell); failures hold one minute's worth. A refusal is RATE_LIMITED with the wait in
 * `retryAfterSeconds` (HTTP 429 with `Retry-After`).
 */
import { BatonErrorCode } from '@baton/schemas';
import { BatonError } from '../../baton-error';
import { TokenBuckets, type TakeResult } from './token-buckets';

/** The limits; a null entry is off. Configurations built in code (tests) may leave all of them out. */
export interface RateLimitConfig {
  /** Requests a second per API key (`BATON_RATE_LIMIT_PER_KEY`, default 500; 0 turns it off). */
  perKeyPerSecond: number | null;
  /** Requests a second per client address (`BATON_RATE_LIMIT_PER_ADDRESS`, default 1,000; 0 turns it off). */
  perAddressPerSecond: number | null;
  /** Seconds of its rate a bucket holds: the burst allowed (`BATON_RATE_LIMIT_BURST_SECONDS`, default 2). */
  burstSeconds: number;
  /** Failed authentications a minute per key id and per address before 429 (`BATON_AUTH_FAILURES_PER_MINUTE`, default 10; 0 turns it off). */
  authFailuresPerMinute: number | null;
}

/**
 * Defaults: a bot fleet commonly sends its decisions with one key from a few addresses, at one
 * decision per customer turn (a few hundred a second for thousands of live chats), about what one
 * core decides (see the README's benchmark); a runaway or abusive key is cut off above that.
 */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = { perKeyPerSecond: 500, perAddressPerSecond: 1000, burstSeconds: 2, authFailuresPerMinute: 10 };

/** What is limited, for the message and `extensions.limit`. */
type Scope = 'key' | 'address' | 'auth-failures';

const VARIABLE: Record<Scope, string> = {
  key: 'BATON_RATE_LIMIT_PER_KEY',
  address: 'BATON_RATE_LIMIT_PER_ADDRESS',
  'auth-failures': 'BATON_AUTH_FAILURES_PER_MINUTE',
};

/** RATE_LIMITED with the wait: `retryAfterSeconds` (whole seconds, at least 1) is what `Retry-After` carries. */
export function rateLimited(scope: Scope, retryAfterMs: number): BatonError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const what =
    scope === 'key'
      ? 'This API key sends more requests than allowed'
      : scope === 'address'
        ? 'This address sends more requests than allowed'
        : 'Too many failed authentications for this key id or address';
  return new BatonError(BatonErrorCode.RateLimited, `${what} (${VARIABLE[scope]}); retry in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
    limit: VARIABLE[scope],
  });
}

const isRateLimited = (result: TakeResult): result is { allowed: false; retryAfterMs: number } => !result.allowed;

/** The buckets of one server process (servers behind a load balancer each limit on their own). */
export class RateLimiter {
  private readonly perKey: TokenBuckets | null;
  private readonly perAddress: TokenBuckets | null;
  private readonly failures: TokenBuckets | null;

  constructor(
    config: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {
    const bucket = (perSecond: number | null, seconds: number) =>
      perSecond === null ? null : new TokenBuckets({ capacity: Math.max(1, perSecond * seconds), refillPerSecond: perSecond });
    this.perKey = bucket(config.perKeyPerSecond, config.burstSeconds);
    this.perAddress = bucket(config.perAddressPerSecond, config.burstSeconds);
    this.failures = bucket(config.authFailuresPerMinute === null ? null : config.authFailuresPerMinute / 60, 60);
  }

  /** Counts a request of `address`. @throws BatonError RATE_LIMITED when its bucket is empty. */
  checkAddress(address: string): void {
    const result = this.perAddress?.take(address, this.now());
    if (result && isRateLimited(result)) throw rateLimited('address', result.retryAfterMs);
  }

  /** Counts a request made with API key `keyId`. @throws BatonError RATE_LIMITED when its bucket is empty. */
  checkKey(keyId: string): void {
    const result = this.perKey?.take(`key:${keyId}`, this.now());
    if (result && isRateLimited(result)) throw rateLimited('key', result.retryAfterMs);
  }

  /**
   * Before hashing a presented key that is not known to be good: one attempt of `keyId` from
   * `address` is counted, and refused when the address, or the key id, used up its attempts
   * lately. The key id counts only for an address that has failed lately itself, so a client
   * with a clean record is never locked out of its own key by someone else guessing at it.
   * @returns a function to call when the key turned out good: the attempt is given back.
   * @throws BatonError RATE_LIMITED (nothing counted) when an attempt is not allowed now.
   */
  beginAuthAttempt(keyId: string, address: string | undefined): () => void {
    const failures = this.failures;
    if (!failures) return () => undefined;
    const now = this.now();
    const keys = [
      ...(address === undefined ? [] : [`addr:${address}`]),
      ...(address === undefined || !failures.isFull(`addr:${address}`, now) ? [`id:${keyId}`] : []),
    ];
    const taken: string[] = [];
    for (const key of keys) {
      const result = failures.take(key, now);
      if (isRateLimited(result)) {
        for (const done of taken) failures.refund(done, now);
        throw rateLimited('auth-failures', result.retryAfterMs);
      }
      taken.push(key);
    }
    return () => {
      for (const key of taken) failures.refund(key, this.now());
    };
  }
}
