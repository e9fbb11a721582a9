/**
 * The policies storage port: what the policy and decision services need from any adapter
 * (SQLite now, MongoDB later). Adapters pass `defineStoreContractTests`. All times are `Date`s;
 * graphs and settings are plain JSON that passed the policy JSON Schema (drafts may still have
 * semantic errors). Changing methods take the actor and append their audit event in the same
 * transaction as the change.
 */
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';

/** The editable working copy of a policy. */
export interface DraftRecord {
  /** Starts at 1 and increments on every save (optimistic concurrency). */
  revision: number;
  graph: PolicyGraph;
  settings: TriggerSettings;
  /** Null when the policy routes by the queue on each leaf. */
  routing: RoutingGraph | null;
  updatedAt: Date;
  /** Key id of the last writer; null for system writes. */
  updatedBy: string | null;
}

export interface PolicyRecord {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  /** Number of the active published version; null until the first publish. */
  activeVersion: number | null;
  /** Approvals a publish needs from publishers other than its author (0: publish at once). */
  requiredApprovals: number;
  createdAt: Date;
  updatedAt: Date;
  draft: DraftRecord;
}

/** An immutable published version. Adapters offer no way to change or delete one. */
export interface VersionRecord {
  policyId: string;
  /** 1, 2, 3... per policy. */
  version: number;
  /** sha256 hex of the canonical JSON of `{ graph, settings }` (plus `routing` when there is one). */
  contentHash: string;
  graph: PolicyGraph;
  settings: TriggerSettings;
  /** Null when the policy routes by the queue on each leaf. */
  routing: RoutingGraph | null;
  /** The compiled rules that run for this version (plain JSON, from `compilePolicy`). */
  compiledRules: unknown;
  comment: string;
  publishedAt: Date;
  publishedBy: string | null;
  /** The version that was active when this one was published; null for the first. */
  parentVersion: number | null;
}

/** What the decision hot path needs to find the engine to run, without loading documents. */
export interface PolicyHead {
  id: string;
  name: string;
  activeVersion: number | null;
  /** Content hash of the active version; null when nothing is published. */
  activeContentHash: string | null;
}

export interface NewPolicy {
  id: string;
  name: string;
  description: string | null;
  graph: PolicyGraph;
  settings: TriggerSettings;
  /** Null when the policy routes by the queue on each leaf. */
  routing: RoutingGraph | null;
  /** Make it the default; a policy created while no default exists becomes default anyway. */
  makeDefault: boolean;
  at: Date;
  actor: Actor;
}

export interface DraftUpdate {
  policyId: string;
  graph: PolicyGraph;
  settings: TriggerSettings;
  /** Null when the policy routes by the queue on each leaf. */
  routing: RoutingGraph | null;
  /** The revision the writer started from; must equal the stored one. */
  baseRevision: number;
  at: Date;
  actor: Actor;
}

export interface NewVersion {
  policyId: string;
  /** The draft revision that was validated and compiled; publishing fails if it moved on. */
  draftRevision: number;
  contentHash: string;
  graph: PolicyGraph;
  settings: TriggerSettings;
  /** Null when the policy routes by the queue on each leaf. */
  routing: RoutingGraph | null;
  compiledRules: unknown;
  comment: string;
  /** The active version the publisher saw; CONFLICT if another publish or activation moved it. */
  expectedActiveVersion: number | null;
  /** Also make the policy the default, in the same transaction. */
  makeDefault: boolean;
  at: Date;
  actor: Actor;
}

/** Moving the active pointer to an existing version (rollback or roll forward). */
export interface Activation {
  policyId: string;
  version: number;
  comment: string;
  at: Date;
  actor: Actor;
  /** An ADMIN's emergency rollback: allowed while the policy requires approvals, audited as `policy.emergencyActivate`. */
  emergency?: boolean;
}

/**
 * Storage of policies, drafts and versions. Errors are `BatonError`s: `CONFLICT` and
 * `NOT_FOUND` as documented per method; anything else is an adapter failure.
 */
export interface PolicyStore {
  /** True when at least one policy exists (the seed loader runs on an empty store). */
  hasPolicies(): Promise<boolean>;
  /** Every policy with its draft, ordered by id. */
  listPolicies(): Promise<PolicyRecord[]>;
  getPolicy(id: string): Promise<PolicyRecord | null>;
  /**
   * Head of the policy `id`, or of the default policy when `id` is null; null when there is none.
   * Must be cheap: it runs on every decision.
   */
  getPolicyHead(id: string | null): Promise<PolicyHead | null>;
  /** @throws CONFLICT (details `{ policyId }`) when the id is taken. Draft revision starts at 1. */
  createPolicy(policy: NewPolicy): Promise<PolicyRecord>;
  /**
   * Replaces the draft atomically when `baseRevision` is current.
   * @throws NOT_FOUND for an unknown policy; CONFLICT with details `{ currentRevision }` when stale.
   */
  saveDraft(update: DraftUpdate): Promise<DraftRecord>;
  /**
   * In one transaction: checks the draft revision and the active version, appends version
   * `max + 1` (parent: the active one), makes it active (and default when asked).
   * @throws NOT_FOUND for an unknown policy; CONFLICT with `{ currentRevision }` when the draft
   *   moved on, or `{ activeVersion }` when another publish or activation happened meanwhile.
   */
  publishVersion(version: NewVersion): Promise<VersionRecord>;
  /**
   * Makes an existing version the active one.
   * @throws NOT_FOUND for an unknown policy or version; BAD_USER_INPUT when it is already active.
   */
  activateVersion(activation: Activation): Promise<PolicyRecord>;
  /** @throws NOT_FOUND for an unknown policy. */
  setRequiredApprovals(policyId: string, count: number, at: Date, actor: Actor): Promise<PolicyRecord>;
  getVersion(policyId: string, version: number): Promise<VersionRecord | null>;
  /** Newest first. */
  listVersions(policyId: string): Promise<VersionRecord[]>;
  /** Makes `policyId` the only default. @throws NOT_FOUND for an unknown policy. */
  setDefaultPolicy(policyId: string, at: Date, actor: Actor): Promise<void>;
}
