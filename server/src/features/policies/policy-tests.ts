/**
 * Runs a policy's test cases on a document (a version or the draft), like `opa test`: each
 * case's conversation is decided by the same pure `decide` the API uses, and its action,
 * reason code and queue compared with what the case expects.
 */
import { decideInputFromJson, type DecideHandoffInputJson, type HandoffAction, type PolicyRef } from '@baton/schemas';
import { decide, type PreparedPolicy } from '@baton/rules';
import type { ExpectedOutcome, PolicyTestCase } from './policy-test-case-store';

/** What the policy actually decided; `queue` is the queue on the leaf reached (null for STAY). */
export interface ActualOutcome {
  action: HandoffAction;
  reasonCode: string;
  queue: string | null;
}

export interface PolicyTestResult {
  testCase: PolicyTestCase;
  passed: boolean;
  /** Null when the case could not be evaluated (see `failures`). */
  actual: ActualOutcome | null;
  /** One sentence per mismatch, e.g. `expected action HANDOFF, got STAY`; empty when passed. */
  failures: string[];
}

export interface PolicyTestRun {
  /** The version run, or null for the draft. */
  version: number | null;
  passed: number;
  failed: number;
  results: PolicyTestResult[];
}

function compare(expected: ExpectedOutcome, actual: ActualOutcome): string[] {
  const failures: string[] = [];
  if (expected.action !== actual.action) failures.push(`expected action ${expected.action}, got ${actual.action}`);
  if (expected.reasonCode != null && expected.reasonCode !== actual.reasonCode)
    failures.push(`expected reason code ${expected.reasonCode}, got ${actual.reasonCode}`);
  if (expected.queue !== undefined && expected.queue !== actual.queue)
    failures.push(`expected queue ${expected.queue ?? 'none'}, got ${actual.queue ?? 'none'}`);
  return failures;
}

/**
 * Decides every case on `prepared`. The evaluation clock is the case's `now`, else `fallbackNow`.
 * Never throws for a case: an evaluation error is that case's failure.
 */
export async function runTestCases(
  prepared: PreparedPolicy,
  ref: PolicyRef,
  testCases: readonly PolicyTestCase[],
  fallbackNow: Date,
  version: number | null,
): Promise<PolicyTestRun> {
  const results: PolicyTestResult[] = [];
  for (const testCase of testCases) {
    try {
      const input = decideInputFromJson(testCase.input as unknown as DecideHandoffInputJson);
      const decision = await decide(prepared, input, { now: input.now ?? fallbackNow, decisionId: `test:${testCase.id}`, policy: ref });
      const actual = { action: decision.action, reasonCode: decision.reasonCode, queue: decision.routing?.queueId ?? null };
      const failures = compare(testCase.expected, actual);
      results.push({ testCase, passed: failures.length === 0, actual, failures });
    } catch (error) {
      results.push({ testCase, passed: false, actual: null, failures: [`could not be evaluated: ${error instanceof Error ? error.message : String(error)}`] });
    }
  }
  const passed = results.filter((r) => r.passed).length;
  return { version, passed, failed: results.length - passed, results };
}
