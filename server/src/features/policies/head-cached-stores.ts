/**
 * The policy and change request stores as this process's services see them: heads are read
 * through the `PolicyHeadCache`, and every write that can move a head (create, publish,
 * activate, set default, the approval that publishes) clears the cache once it returns, so this
 * process's next decision runs what was just changed. The clearing also runs when the write
 * fails: a failure after the commit (a lost connection) may still have changed the head.
 */
import type { ApprovalRequest, ChangeRequestRecord, ChangeRequestStore, NewChangeRequest } from './change-request-store';
import type { Actor } from '../audit/audit-event';
import type { PolicyHeadCache } from './policy-head-cache';
import type { Activation, DraftRecord, DraftUpdate, NewPolicy, NewVersion, PolicyHead, PolicyRecord, PolicyStore, VersionRecord } from './policy-store';

type HeadInvalidator = Pick<PolicyHeadCache, 'invalidate'>;

async function thenInvalidate<T>(heads: HeadInvalidator, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    heads.invalidate();
  }
}

class HeadCachedPolicyStore implements PolicyStore {
  constructor(
    private readonly store: PolicyStore,
    private readonly heads: Pick<PolicyHeadCache, 'get' | 'invalidate'>,
  ) {}

  hasPolicies(): Promise<boolean> {
    return this.store.hasPolicies();
  }
  listPolicies(): Promise<PolicyRecord[]> {
    return this.store.listPolicies();
  }
  getPolicy(id: string): Promise<PolicyRecord | null> {
    return this.store.getPolicy(id);
  }
  getPolicyHead(id: string | null): Promise<PolicyHead | null> {
    return this.heads.get(id);
  }
  createPolicy(policy: NewPolicy): Promise<PolicyRecord> {
    // A policy created while no default exists becomes the default.
    return thenInvalidate(this.heads, this.store.createPolicy(policy));
  }
  saveDraft(update: DraftUpdate): Promise<DraftRecord> {
    return this.store.saveDraft(update);
  }
  publishVersion(version: NewVersion): Promise<VersionRecord> {
    return thenInvalidate(this.heads, this.store.publishVersion(version));
  }
  activateVersion(activation: Activation): Promise<PolicyRecord> {
    return thenInvalidate(this.heads, this.store.activateVersion(activation));
  }
  setRequiredApprovals(policyId: string, count: number, at: Date, actor: Actor): Promise<PolicyRecord> {
    return this.store.setRequiredApprovals(policyId, count, at, actor);
  }
  getVersion(policyId: string, version: number): Promise<VersionRecord | null> {
    return this.store.getVersion(policyId, version);
  }
  listVersions(policyId: string): Promise<VersionRecord[]> {
    return this.store.listVersions(policyId);
  }
  setDefaultPolicy(policyId: string, at: Date, actor: Actor): Promise<void> {
    return thenInvalidate(this.heads, this.store.setDefaultPolicy(policyId, at, actor));
  }
}

class HeadCachedChangeRequestStore implements ChangeRequestStore {
  constructor(
    private readonly store: ChangeRequestStore,
    private readonly heads: HeadInvalidator,
  ) {}

  openChangeRequest(request: NewChangeRequest): Promise<ChangeRequestRecord> {
    return this.store.openChangeRequest(request);
  }
  getChangeRequest(id: string): Promise<ChangeRequestRecord | null> {
    return this.store.getChangeRequest(id);
  }
  listChangeRequests(policyId: string): Promise<ChangeRequestRecord[]> {
    return this.store.listChangeRequests(policyId);
  }
  approveChangeRequest(approval: ApprovalRequest): Promise<{ request: ChangeRequestRecord; version: VersionRecord | null }> {
    // The approval that completes the count publishes the version.
    return thenInvalidate(this.heads, this.store.approveChangeRequest(approval));
  }
  rejectChangeRequest(id: string, reason: string, at: Date, actor: Actor): Promise<ChangeRequestRecord> {
    return this.store.rejectChangeRequest(id, reason, at, actor);
  }
}

/**
 * Wraps the two stores whose writes move policy heads. Pass the results to `PolicyService` and
 * the decision services instead of the raw stores; reads and other writes pass straight through.
 */
export function withPolicyHeadCache(
  stores: { policies: PolicyStore; changeRequests: ChangeRequestStore },
  heads: Pick<PolicyHeadCache, 'get' | 'invalidate'>,
): { policies: PolicyStore; changeRequests: ChangeRequestStore } {
  return { policies: new HeadCachedPolicyStore(stores.policies, heads), changeRequests: new HeadCachedChangeRequestStore(stores.changeRequests, heads) };
}
