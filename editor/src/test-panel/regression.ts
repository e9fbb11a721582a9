/**
 * The regression run's bookkeeping: how a sample's expected outcome compares with what the
 * working draft decided, in sentences ("expected reason code billing_dispute, got ai_resolving"),
 * and the queue a decision's leaf names (the sample's `queue` is the leaf's, before routing).
 * Deciding stays the server's: these only read its decision and the draft it ran on.
 */
import type { DraftDecision, SampleConversation } from '../api/types';
import type { CanvasNode } from '../graph/canvas-graph';

export type SampleExpectation = SampleConversation['expected'];

/** The queue on the leaf the run reached (null for a stay, or when the leaf is not in `nodes`). */
export function leafQueueOf(decision: DraftDecision, nodes: readonly CanvasNode[]): string | null {
  const leafId = decision.trace.filter((s) => s.evaluated).at(-1)?.nodeId;
  const leaf = nodes.find((n) => n.id === leafId);
  return leaf && (leaf.kind === 'handoff' || leaf.kind === 'callback') ? (leaf.data.queue ?? null) : null;
}

/** An outcome in one line: "HANDOFF · billing_dispute → billing". */
export function outcomeWords(outcome: { action: string; reasonCode: string; queue?: string | null }): string {
  return `${outcome.action} · ${outcome.reasonCode}${outcome.queue ? ` → ${outcome.queue}` : ''}`;
}

/**
 * One sentence per field where the decision differs from the expectation (action, reason code,
 * leaf queue); empty when it matches.
 */
export function sampleMismatches(expected: SampleExpectation, decision: DraftDecision, leafQueue: string | null): string[] {
  const failures: string[] = [];
  if (expected.action !== decision.action) failures.push(`expected action ${expected.action}, got ${decision.action}`);
  if (expected.reasonCode !== decision.reasonCode) failures.push(`expected reason code ${expected.reasonCode}, got ${decision.reasonCode}`);
  if ((expected.queue ?? null) !== leafQueue) failures.push(`expected queue ${expected.queue ?? 'none'}, got ${leafQueue ?? 'none'}`);
  return failures;
}

/** One row of a regression run: a sample or a test case, and how it went. */
export interface RegressionRow {
  kind: 'sample' | 'test case';
  name: string;
  expected: string;
  /** What the draft gave; null when it could not be run. */
  actual: string | null;
  failures: string[];
}

/** Runs `tasks` with at most `limit` at a time, results in input order (a regression should not flood a shared server). */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
