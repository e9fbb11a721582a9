import { TokenBuckets } from './token-buckets';
import { RateLimiter } from './rate-limits';

describe('TokenBuckets', () => {
  it('allows a burst of capacity, then one request per refill interval, with the wait until the next token', () => {
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 2 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('a', t0).allowed)).toEqual([true, true, true]);
    expect(buckets.take('a', t0)).toEqual({ allowed: false, retryAfterMs: 500 });
    // Another key has its own bucket.
    expect(buckets.take('b', t0).allowed).toBe(true);
    expect(buckets.take('a', t0 + 250)).toEqual({ allowed: false, retryAfterMs: 250 });
    expect(buckets.take('a', t0 + 500).allowed).toBe(true);
    // Never more than capacity, however long the quiet spell.
    const later = t0 + 3_600_000;
    expect([1, 2, 3, 4].map(() => buckets.take('a', later).allowed)).toEqual([true, true, true, false]);
  });

  it('refunds a token and tells a full bucket from a used one', () => {
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1 });
    expect(buckets.isFull('a', 0)).toBe(true);
    buckets.take('a', 0);
    expect(buckets.isFull('a', 0)).toBe(false);
    buckets.refund('a', 0);
    expect(buckets.isFull('a', 0)).toBe(true);
    buckets.refund('a', 0);
    expect([buckets.take('a', 0).allowed, buckets.take('a', 0).allowed, buckets.take('a', 0).allowed]).toEqual([true, true, false]);
  });

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 1, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) buckets.take(`k${i}`, 0);
    expect(buckets.size).toBe(100);
  });
});

describe('RateLimiter: failed authentications', () => {
  const limiter = (now: () => number) => new RateLimiter({ perKeyPerSecond: null, perAddressPerSecond: null, burstSeconds: 1, authFailuresPerMinute: 3 }, now);

  it('counts attempts per address before hashing, and gives an attempt back when the key was good', () => {
    const rl = limiter(() => 0);
    for (let i = 0; i < 3; i += 1) rl.beginAuthAttempt('bk_aaaaaaaaa', '10.0.0.1');
    expect(() => rl.beginAuthAttempt('bk_aaaaaaaaa', '10.0.0.1')).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED', details: expect.objectContaining({ retryAfterSeconds: 20 }) }),
    );
    // A good key from an address with a clean record is not held back by the key id under attack.
    const good = rl.beginAuthAttempt('bk_aaaaaaaaa', '10.0.0.2');
    good();
    for (let i = 0; i < 5; i += 1) rl.beginAuthAttempt('bk_aaaaaaaaa', '10.0.0.2')();
  });

  it('counts the key id for addresses that failed lately: many addresses guessing one key id are stopped too', () => {
    const rl = limiter(() => 0);
    let refused = 0;
    for (let i = 0; i < 20; i += 1) {
      try {
        rl.beginAuthAttempt('bk_target000', `10.0.1.${i}`);
        rl.beginAuthAttempt('bk_target000', `10.0.1.${i}`);
      } catch {
        refused += 1;
      }
    }
    // Each address's first attempt is free of the key id; its second counts against it (3 a minute).
    expect(refused).toBe(17);
  });
});
