/**
 * The policy test case storage port. A test case is a conversation (a `DecideHandoffInput`
 * as JSON) and the outcome the policy must give it; publishing is refused while any fails.
 */
import type { HandoffAction } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';

/** What a test case expects; `reasonCode` and `queue` are checked only when given. */
export interface ExpectedOutcome {
  action: HandoffAction;
  reasonCode?: string | null;
  queue?: string | null;
}

export interface PolicyTestCase {
  /** Unique within the policy, e.g. `refund-angry-es`. */
  id: string;
  name: string;
  /** A DecideHandoffInput as JSON (dates as RFC 3339 strings); `policyId` is ignored. */
  input: Record<string, unknown>;
  expected: ExpectedOutcome;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface PolicyTestCaseStore {
  /** Ordered by id. */
  listTestCases(policyId: string): Promise<PolicyTestCase[]>;
  /** Creates or replaces the case with this id. @throws NOT_FOUND for an unknown policy. */
  saveTestCase(policyId: string, testCase: Omit<PolicyTestCase, 'updatedAt' | 'updatedBy'>, at: Date, actor: Actor): Promise<PolicyTestCase>;
  /** @throws NOT_FOUND for an unknown policy or test case. */
  removeTestCase(policyId: string, id: string, at: Date, actor: Actor): Promise<void>;
}
