/**
 * A per-process cache of policy heads (id, name, active version and its content hash) in front
 * of `PolicyStore.getPolicyHead`, so a decision does not read the store (a network round trip
 * on MongoDB) to learn which version to run.
 *
 * Staleness bound, for servers sharing one store:
 * - a change made through this process is seen by its next decision: every head-changing write
 *   clears the cache (`head-cached-stores.ts`);
 * - a change made through another server is seen within one poll interval (`pollMs`, from
 *   `BATON_POLICY_POLL_MS`) plus the time of one store read: every interval the cached heads are
 *   read again through the port, so this works on any adapter;
 * - with a store that pushes changes (`watchPolicyChanges`, MongoDB change streams on a replica
 *   set), at once: each notification clears the cache. Polling keeps running as the safety net.
 */
import type { Logger } from '../../logger';
import type { WatchPolicyChanges } from '../../store/baton-store';
import type { PolicyHead, PolicyStore } from './policy-store';

export interface PolicyHeadCacheDeps {
  store: Pick<PolicyStore, 'getPolicyHead'>;
  /** Interval between two re-reads of the cached heads, in ms (> 0). */
  pollMs: number;
  /** The store's push notifications, when it has them. */
  watch?: WatchPolicyChanges;
  logger: Logger;
}

export class PolicyHeadCache {
  /** Keyed by policy id; `null` is the default policy. Only existing policies are kept, so the size is bounded by the number of policies. */
  private readonly heads = new Map<string | null, PolicyHead>();
  /** Reads in flight, shared by concurrent misses of one key. */
  private readonly reading = new Map<string | null, Promise<PolicyHead | null>>();
  /** Bumped by every invalidation: a read that started before one must not fill the cache with what it saw. */
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private unwatch: (() => Promise<void>) | undefined;
  private pollFailing = false;
  private closed = false;

  constructor(private readonly deps: PolicyHeadCacheDeps) {
    if (!Number.isInteger(deps.pollMs) || deps.pollMs <= 0) throw new RangeError(`pollMs must be a positive whole number of milliseconds, got ${deps.pollMs}`);
  }

  /**
   * Starts polling and, when the store offers it, listening for pushed changes.
   * @throws when called twice or after `close`.
   */
  start(): void {
    if (this.closed || this.timer !== undefined) throw new Error('PolicyHeadCache.start: already started or closed');
    this.unwatch = this.deps.watch?.(() => this.invalidate());
    this.schedulePoll();
  }

  /**
   * The head of policy `id` (of the default policy when `id` is null), from the cache or read
   * through the store on a miss; null when there is none (not cached, so a policy created
   * elsewhere is found at once).
   * @throws whatever the store's `getPolicyHead` throws (the failure is not cached).
   */
  async get(id: string | null): Promise<PolicyHead | null> {
    const cached = this.heads.get(id);
    if (cached) return cached;
    const inFlight = this.reading.get(id);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const read: Promise<PolicyHead | null> = this.deps.store
      .getPolicyHead(id)
      .then((head) => {
        if (head && generation === this.generation && !this.closed) this.heads.set(id, head);
        return head;
      })
      .finally(() => {
        if (this.reading.get(id) === read) this.reading.delete(id);
      });
    this.reading.set(id, read);
    return read;
  }

  /** Forgets every cached head: the next decision reads the store. Called after every change this process makes, and on pushed changes. */
  invalidate(): void {
    this.generation += 1;
    this.heads.clear();
    this.reading.clear();
  }

  /**
   * Reads every cached head again through the store (what each poll does). Heads that no longer
   * exist are dropped. When an invalidation happens meanwhile, the results are discarded: the
   * cache is already empty and the next decision reads fresher heads.
   * @throws whatever the store throws; the cache is left as it was.
   */
  async refresh(): Promise<void> {
    const generation = this.generation;
    const ids = [...this.heads.keys()];
    const heads = await Promise.all(ids.map((id) => this.deps.store.getPolicyHead(id)));
    if (generation !== this.generation || this.closed) return;
    ids.forEach((id, index) => {
      const head = heads[index];
      if (head) this.heads.set(id, head);
      else this.heads.delete(id);
    });
  }

  /** Stops polling and the push subscription and empties the cache. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.invalidate();
    await this.polling;
    await this.unwatch?.();
  }

  /** Number of cached heads (tests, diagnostics). */
  get size(): number {
    return this.heads.size;
  }

  /** The next poll starts one interval after the previous one ended, so polls never overlap. */
  private schedulePoll(): void {
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => {
        this.polling = undefined;
        if (!this.closed) this.schedulePoll();
      });
    }, this.deps.pollMs);
    // Polling alone must not keep the process alive.
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      await this.refresh();
      if (this.pollFailing) this.deps.logger.info('policy head polling works again');
      this.pollFailing = false;
    } catch (error) {
      // One line per outage, not one per interval; decisions keep the heads read last.
      if (!this.pollFailing) {
        this.deps.logger.warn({ err: error }, 'policy head polling failed; decisions use the heads read last until the store answers again');
      }
      this.pollFailing = true;
    }
  }
}
