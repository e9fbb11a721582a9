/**
 * Replay of a logged decision: the compiled rules of a prepared version run on facts as the
 * decision log stored them, without signals, redaction or the context package. The outcome is
 * the one `decide` would give on those facts without a directory snapshot: the same engine run,
 * the same leaf meaning, the same reason ordering (`buildReasons`), the same routing-graph run.
 */
import {
  FACT_CATALOG,
  type CallbackNode,
  type Facts,
  type HandoffAction,
  type HandoffNode,
  type LeafNode,
  type Priority,
  type SupportTier,
} from '@baton/schemas';
import { runEngine } from '../evaluate/run-engine';
import { buildReasons } from '../evaluate/build-reasons';
import type { PreparedPolicy } from './prepare-policy';
import { actionOf, leafIn, priorityOf, tierOf } from './leaf-outcome';
import { routingFacts } from '../routing/routing-facts';
import { runRoutingGraph } from '../routing/run-routing-graph';

/** What the rules decided, in the terms an auditor compares. */
export interface RuleOutcome {
  action: HandoffAction;
  /** Reason code of the leaf reached. */
  reasonCode: string;
  /** The codes of `HandoffDecision.reasons`: the branch taken first (none for a stay leaf), then every other trigger that fired. */
  reasonCodes: string[];
  priority: Priority;
  tier: SupportTier;
  /**
   * The first target of the route the routing graph gives (the leaf's queue when the policy has
   * none); null for a stay leaf. Agent availability is not replayed: with a directory snapshot a
   * decision may have fallen back to another queue.
   */
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

/** The queue a handoff or callback leaf is routed to before any directory is consulted. */
async function plannedQueue(prepared: PreparedPolicy, leaf: HandoffNode | CallbackNode, facts: Facts): Promise<string> {
  if (!prepared.routing) return leaf.data.queue;
  const outcome = { action: actionOf(leaf), reasonCode: leaf.data.reasonCode, priority: priorityOf(leaf), tier: tierOf(leaf), queue: leaf.data.queue };
  return (await runRoutingGraph(prepared.routing, routingFacts(facts, outcome))).route.data.targets[0]?.queue ?? leaf.data.queue;
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
  const leafOf = (id: string): LeafNode => leafIn(prepared.index, id);
  const leaf = leafOf(decision.params.leaf.id);
  // Evidence is not compared on replay, so the reasons are built without quotes.
  const reasons = buildReasons(decision, paths, { facts: facts as unknown as Facts, evidence: {}, customerSentiments: [], sources: {} }, leafOf);
  return {
    action: actionOf(leaf),
    reasonCode: leaf.data.reasonCode,
    reasonCodes: reasons.map((r) => r.reason.code),
    priority: priorityOf(leaf),
    tier: tierOf(leaf),
    queue: leaf.kind === 'stay' ? null : await plannedQueue(prepared, leaf, facts as unknown as Facts),
    leafId: leaf.id,
  };
}
