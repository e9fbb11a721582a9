/**
 * Token buckets keyed by a string (an API key id, a client address): each holds at most
 * `capacity` tokens and gains `refillPerSecond` tokens a second; a request takes one token or is
 * refused with the time until the next token. Memory is bounded: at most `maxKeys` buckets are
 * kept, the least recently used dropped first (a dropped bucket starts full again, which only
 * ever errs towards letting a request through).
 *
 * Baton's own code rather than a library: the maintained Node limiter (rate-limiter-flexible)
 * counts fixed windows, which lets a client send twice its limit across a window edge, while
 * the issue (17) asks for a token bucket; the whole algorithm is the arithmetic below.
 */

/** The answer of `take`: allowed, or refused with how long until a token is there, in ms. */
export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface TokenBucketOptions {
  /** Most tokens a bucket holds: the largest burst allowed after a quiet spell. */
  capacity: number;
  /** Tokens added per second: the sustained rate allowed. */
  refillPerSecond: number;
  /** Most buckets kept in memory (default 50,000). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, ms since the epoch. */
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) throw new RangeError('A token bucket needs capacity >= 1 and refillPerSecond > 0');
  }

  /** Takes one token of `key`'s bucket at `now` (ms since the epoch), if there is one. */
  take(key: string, now: number): TakeResult {
    const bucket = this.current(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.options.refillPerSecond) * 1000) };
  }

  /** Whether `key`'s bucket is full at `now` (nothing taken from it lately). */
  isFull(key: string, now: number): boolean {
    const bucket = this.buckets.get(key);
    return !bucket || bucket.tokens + ((now - bucket.at) / 1000) * this.options.refillPerSecond >= this.options.capacity;
  }

  /** Gives back a token taken from `key` (the attempt it paid for turned out fine). */
  refund(key: string, now: number): void {
    if (!this.buckets.has(key)) return;
    const bucket = this.current(key, now);
    bucket.tokens = Math.min(this.options.capacity, bucket.tokens + 1);
  }

  /** Buckets held (for tests of the memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  private current(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
      bucket.tokens = Math.min(this.options.capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.options.refillPerSecond);
      bucket.at = now;
    } else {
      bucket = { tokens: this.options.capacity, at: now };
      if (this.buckets.size >= (this.options.maxKeys ?? 50_000)) {
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
    }
    // Re-inserted last: the Map's order is least recently used first.
    this.buckets.set(key, bucket);
    return bucket;
  }
}
