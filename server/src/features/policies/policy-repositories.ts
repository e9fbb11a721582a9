/**
 * What the policies feature needs from storage, and nothing more: records in, records out,
 * conditional writes for optimistic concurrency. No domain rule lives behind these interfaces;
 * `policy-transitions.ts` decides and `transactional-policy-stores.ts` runs the decisions in a
 * unit of work (`store/unit-of-work.ts`).
 */
import type { ChangeRequestRecord } from './change-request-store';
import type { PolicyHead, PolicyRecord, VersionRecord } from './policy-store';
import type { PolicyTestCase } from './policy-test-case-store';

/** Policies with their drafts, inside a transaction. */
export interface PolicyRepository {
  find(id: string): Promise<PolicyRecord | null>;
  /** Id of the default policy; null when there is none. */
  findDefaultId(): Promise<string | null>;
  /** @throws DuplicateKeyError (`id`) when the id is taken. */
  insert(policy: PolicyRecord): Promise<void>;
  /**
   * Replaces the stored policy with `next` when it is still as `expected` (the record the
   * transaction read): same draft revision, active version, default flag and required approvals.
   * @throws StaleWriteError when it is not.
   */
  update(next: PolicyRecord, expected: PolicyRecord): Promise<void>;
}

/** Published versions, inside a transaction. Versions are only ever inserted. */
export interface VersionRepository {
  find(policyId: string, version: number): Promise<VersionRecord | null>;
  /** Highest version number of the policy; 0 when nothing is published. */
  latestNumber(policyId: string): Promise<number>;
  /** @throws DuplicateKeyError (`version`) when the number is taken. */
  insert(version: VersionRecord): Promise<void>;
}

/** Change requests and their approvals, inside a transaction. */
export interface ChangeRequestRepository {
  find(id: string): Promise<ChangeRequestRecord | null>;
  /** The policy's OPEN requests. */
  listOpen(policyId: string): Promise<ChangeRequestRecord[]>;
  /** @throws DuplicateKeyError (`id`, or `openRequest` where storage enforces one open request per policy). */
  insert(request: ChangeRequestRecord): Promise<void>;
  /**
   * Replaces the stored request with `next` (status fields, and approvals appended after those
   * of `expected`) when it still has `expected`'s status and number of approvals.
   * @throws StaleWriteError when it does not.
   */
  update(next: ChangeRequestRecord, expected: ChangeRequestRecord): Promise<void>;
}

/** A policy's test cases, inside a transaction. */
export interface PolicyTestCaseRepository {
  find(policyId: string, id: string): Promise<PolicyTestCase | null>;
  /** Inserts the case, or replaces the whole case with that id (an expectation left out is gone). */
  save(policyId: string, testCase: PolicyTestCase): Promise<void>;
  /** @throws StaleWriteError when the case is gone already. */
  remove(policyId: string, id: string): Promise<void>;
}

/** The read side, outside transactions: what queries and the decision hot path need. */
export interface PolicyReads {
  /** True when at least one policy exists. */
  hasPolicies(): Promise<boolean>;
  /** Ordered by id. */
  listPolicies(): Promise<PolicyRecord[]>;
  getPolicy(id: string): Promise<PolicyRecord | null>;
  /** Head of policy `id`, or of the default when `id` is null. Cheap: it runs on every decision. */
  getPolicyHead(id: string | null): Promise<PolicyHead | null>;
  getVersion(policyId: string, version: number): Promise<VersionRecord | null>;
  /** Newest first. */
  listVersions(policyId: string): Promise<VersionRecord[]>;
  getChangeRequest(id: string): Promise<ChangeRequestRecord | null>;
  /** Newest first. */
  listChangeRequests(policyId: string): Promise<ChangeRequestRecord[]>;
  /** Ordered by id. */
  listTestCases(policyId: string): Promise<PolicyTestCase[]>;
}
