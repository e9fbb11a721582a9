/**
 * Prepared policies (per-version engine work) cached by content hash. A content hash names
 * immutable content, so entries never go stale; the cache is only bounded (least recently
 * used goes first). Concurrent misses for one hash share a single preparation.
 */
import type { PreparedPolicy } from '@baton/rules';

export class PreparedPolicyCache {
  private readonly entries = new Map<string, Promise<PreparedPolicy>>();

  /** @param capacity - most versions kept prepared (default 64). */
  constructor(private readonly capacity = 64) {}

  /**
   * The prepared policy for `contentHash`, calling `load` on a miss. A failed load is not cached.
   * @throws whatever `load` throws.
   */
  get(contentHash: string, load: () => Promise<PreparedPolicy>): Promise<PreparedPolicy> {
    const hit = this.entries.get(contentHash);
    if (hit) {
      this.entries.delete(contentHash);
      this.entries.set(contentHash, hit);
      return hit;
    }
    const loading = load();
    this.entries.set(contentHash, loading);
    loading.catch(() => {
      if (this.entries.get(contentHash) === loading) this.entries.delete(contentHash);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return loading;
  }

  get size(): number {
    return this.entries.size;
  }
}
