/**
 * Replay of a logged decision: the compiled rules of a prepared version run on facts as the
 * decision log stored them, without signals, redaction or the context package. The outcome is
 * the one `decide` would give on those facts: the same engine run, the same leaf meaning, the
 * same reason ordering (`buildReasons`).
 */
import { FACT_CATALOG, isLeaf, type Facts, type HandoffAction, type LeafNode, type Priority, type SupportTier } from '@baton/schemas';
import { EvaluationInvariantError, runEngine } from '../evaluate/run-engine';
import { buildReasons } from '../evaluate/build-reasons';
import type { PreparedPolicy } from './prepare-policy';
import { actionOf, priorityOf, tierOf } from './leaf-outcome';

/** What the rules decided, in the terms an auditor compares. */
export interface RuleOutcome {
  action: HandoffAction;
  /** Reason code of the leaf reached. */
  reasonCode: string;
  /** The codes of `HandoffDecision.reasons`: the branch taken first (none for a stay leaf), then every other trigger that fired. */
  reasonCodes: string[];
  priority: Priority;
  tier: SupportTier;
  /** The leaf's queue; null for a stay leaf. A routing graph, which also needs the directory of the moment, is not consulted. */
  queue: string | null;
  /** The leaf reached. */
  leafId: string;
}

/** Thrown when stored facts lack facts of the catalog, so the rules cannot run on them. */
export class IncompleteFactsError extends Error {
  override name = 'IncompleteFactsError';
  constructor(readonly missing: string[]) {
    super(`The facts lack ${missing.join(', ')}.`);
  }
}

/**
 * Runs `prepared`'s compiled rules on `facts`.
 * @param facts - a complete fact set as JSON, e.g. `HandoffDecision.signals` read back from the log
 * @throws IncompleteFactsError when a fact of the catalog is missing
 * @throws EvaluationInvariantError if the rules reach no leaf of the policy (a bug)
 */
export async function evaluateFacts(prepared: PreparedPolicy, facts: Record<string, unknown>): Promise<RuleOutcome> {
  const missing = Object.keys(FACT_CATALOG).filter((name) => facts[name] === undefined);
  if (missing.length > 0) throw new IncompleteFactsError(missing);
  const { decision, paths } = await runEngine(prepared.compiled, facts as unknown as Facts);
  const leafOf = (id: string): LeafNode => {
    const node = prepared.index.nodes.get(id);
    if (!node || !isLeaf(node)) throw new EvaluationInvariantError(`Rule points at "${id}", which is not a leaf of this policy.`);
    return node;
  };
  const leaf = leafOf(decision.params.leaf.id);
  // Evidence is not compared on replay, so the reasons are built without quotes.
  const reasons = buildReasons(decision, paths, { facts: facts as unknown as Facts, evidence: {}, customerSentiments: [], sources: {} }, leafOf);
  return {
    action: actionOf(leaf),
    reasonCode: leaf.data.reasonCode,
    reasonCodes: reasons.map((r) => r.reason.code),
    priority: priorityOf(leaf),
    tier: tierOf(leaf),
    queue: leaf.kind === 'stay' ? null : leaf.data.queue,
    leafId: leaf.id,
  };
}
