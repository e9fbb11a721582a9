/**
 * Prepared policies (per-version engine work) cached by content hash. A content hash names
 * immutable content, so entries never go stale; the cache is only bounded (least recently
 * used goes first). Concurrent misses for one hash share a single preparation.
 */
import { preparePolicy, type CompiledPolicy, type PreparedPolicy } from '@baton/rules';
import { notFound } from '../../baton-error';
import { documentOf } from '../policies/policy-document';
import type { PolicyStore, VersionRecord } from '../policies/policy-store';

/** Which stored version: policy id, version number and the content hash it must have. */
export interface VersionRef {
  policyId: string;
  version: number;
  contentHash: string;
}

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

  /** A version the caller holds, prepared. */
  ofVersion(version: VersionRecord): Promise<PreparedPolicy> {
    return this.get(version.contentHash, async () => preparePolicy(documentOf(version), version.compiledRules as CompiledPolicy));
  }

  /**
   * The stored version `ref` names, prepared; loaded from `versions` on a miss.
   * @throws NOT_FOUND when no version with that number and hash is stored
   */
  ofRef(ref: VersionRef, versions: Pick<PolicyStore, 'getVersion'>): Promise<PreparedPolicy> {
    return this.get(ref.contentHash, async () => {
      const version = await versions.getVersion(ref.policyId, ref.version);
      if (!version || version.contentHash !== ref.contentHash) {
        throw notFound(`Version ${ref.version} of policy '${ref.policyId}' with hash ${ref.contentHash} is not stored.`, { policyId: ref.policyId });
      }
      return preparePolicy(documentOf(version), version.compiledRules as CompiledPolicy);
    });
  }

  get size(): number {
    return this.entries.size;
  }
}
