/**
 * One decision, end to end and without I/O: signals → facts, compiled rules → outcome,
 * reasons and trace, routing (the routing graph's targets, and with a directory snapshot the
 * queue, agent and wait; a closed queue turns a handoff into a callback), the context package
 * (redacted) and the customer message.
 */
import type { DecideHandoffInput, HandoffDecision, LeafNode, PolicyRef } from '@baton/schemas';
import { computeSignals } from '../signals';
import { runEngine } from '../evaluate/run-engine';
import { buildTrace } from '../evaluate/build-trace';
import { buildReasons } from '../evaluate/build-reasons';
import { buildContextPackage } from '../context/build-context';
import { redactInput } from '../redaction';
import { redactSignals } from './redact-signals';
import { renderCustomerMessage } from '../context/customer-message';
import type { PreparedDirectory } from '../routing/prepare-directory';
import { routeHandoff } from '../routing/route-handoff';
import type { RouteResult } from '../routing/evaluate-routing';
import { callbackMessage, waitSentence } from '../routing/routing-message';
import type { PreparedPolicy } from './prepare-policy';
import { actionOf, leafIn, priorityOf, tierOf } from './leaf-outcome';

export interface DecideOptions {
  /** Evaluation clock (elapsed time is measured to it). */
  now: Date;
  decisionId: string;
  policy: PolicyRef;
  /** Directory snapshot to route on (`prepareDirectory`); without it a handoff names its queue and no agent. */
  directory?: PreparedDirectory;
  /**
   * The agent who most recently took a handoff of a customer (the caller's store, not the
   * snapshot); asked only when a handoff is routed on `directory`, so a STAY reads nothing.
   */
  lastAgentOf?: (customerId: string) => Promise<string | null>;
}

/** The customer message: the leaf's template, the wait after a handoff, the callback offer for a closed queue. */
function messageOf(leaf: LeafNode, routed: RouteResult | null, input: DecideHandoffInput, language: string, routedOnDirectory: boolean): string | null {
  if (!routed) return renderCustomerMessage(leaf, language, input.customer.name)?.text ?? null;
  if (routed.closed) return callbackMessage(routed.target.queueName, routed.target.nextOpeningAt ?? null, language, input.customer.timezone ?? '');
  const base = renderCustomerMessage(leaf, language, input.customer.name, routedOnDirectory ? routed.target.queueName : undefined);
  // In the language the message is written in: one customer message, one language.
  const wait = base && leaf.kind === 'handoff' ? waitSentence(routed.waitSeconds, base.language) : null;
  return base && wait ? `${base.text} ${wait}` : (base?.text ?? null);
}

/**
 * Decides what the bot should do with this conversation under `prepared`.
 * @param input - already checked by the caller (limits, non-empty messages)
 * @throws EvaluationInvariantError only if compiled rules break mutual exclusivity (a bug)
 */
export async function decide(prepared: PreparedPolicy, input: DecideHandoffInput, options: DecideOptions): Promise<HandoffDecision> {
  return (await decideForLog(prepared, input, options)).decision;
}

/**
 * {@link decide}, also returning the redacted input it built, which is what the decision log
 * stores: the input is redacted once per decision.
 */
export async function decideForLog(
  prepared: PreparedPolicy,
  input: DecideHandoffInput,
  options: DecideOptions,
): Promise<{ decision: HandoffDecision; redactedInput: DecideHandoffInput }> {
  // Rules see the raw text; everything a person or the log reads comes from the redacted copy.
  const safeInput = redactInput(input, prepared.redaction);
  const signals = computeSignals(input, prepared.signals, options.now, safeInput);
  const { decision, paths } = await runEngine(prepared.compiled, signals.facts);
  const safeSignals = redactSignals(signals, safeInput);
  const leafOf = (id: string): LeafNode => leafIn(prepared.index, id);
  const leaf = leafOf(decision.params.leaf.id);
  const routed =
    leaf.kind === 'stay'
      ? null
      : await routeHandoff({
          routing: prepared.routing,
          leaf,
          facts: signals.facts,
          input,
          directory: options.directory,
          lastAgentId: options.directory && options.lastAgentOf ? await options.lastAgentOf(input.customer.id) : null,
          now: options.now,
        });
  const action = routed?.closed ? 'CALLBACK' : actionOf(leaf);
  const reasonsWithFacts = buildReasons(decision, paths, safeSignals, leafOf);
  const reasons = reasonsWithFacts.map((r) => r.reason);
  const handoff: HandoffDecision = {
    decisionId: options.decisionId,
    action,
    reasonCode: leaf.data.reasonCode,
    reasons,
    priority: priorityOf(leaf),
    tier: tierOf(leaf),
    routing: routed?.target ?? null,
    context: buildContextPackage({
      input: safeInput,
      signals: safeSignals,
      action,
      reasonCode: leaf.data.reasonCode,
      reasons: reasonsWithFacts,
      settings: prepared.document.settings,
      now: options.now,
    }),
    customerMessage: messageOf(leaf, routed, input, signals.facts.language, options.directory !== undefined),
    policy: options.policy,
    signals: safeSignals.facts as unknown as Record<string, unknown>,
    trace: buildTrace(prepared.document.graph, prepared.index, decision),
    evaluatedAt: options.now,
  };
  return { decision: handoff, redactedInput: safeInput };
}
