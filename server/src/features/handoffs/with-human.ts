/**
 * What `decideHandoff` answers while the conversation is with a person (pure). An open handoff
 * (QUEUED, ASSIGNED or ACCEPTED) takes precedence over whatever the policy decides: the answer is
 * STAY with reason code `with_human`, so a bot that asks on every turn never escalates the same
 * conversation twice. The policy's own evaluation is kept where it informs without escalating:
 * its reasons follow the `with_human` reason, its priority, context package, facts and trace are
 * unchanged; routing and the customer message are dropped (nothing new to route or announce).
 */
import type { ComparableOutcome } from '@baton/rules';
import type { HandoffDecision, TriggerReason } from '@baton/schemas';
import type { AssignmentRecord } from './handoff-store';

/** Reason code of a decision answered by an open handoff. */
export const WITH_HUMAN = 'with_human';

/** A decision as `decideHandoff` answers it, with the conversation's open handoff (null when none). */
export type AnsweredDecision<H> = HandoffDecision & { activeHandoff: H | null };

/** One line on where the open handoff stands, for the reason's evidence. */
function standing(h: AssignmentRecord): string {
  const since = (d: Date | null) => (d ? ` since ${d.toISOString()}` : '');
  switch (h.status) {
    case 'QUEUED':
      return `handoff ${h.decisionId}: QUEUED in ${h.queueId}${h.position === null ? '' : `, position ${h.position}`}${since(h.createdAt)}`;
    case 'ASSIGNED':
      return `handoff ${h.decisionId}: ASSIGNED to ${h.agentId ?? 'an agent'} in ${h.queueId}${since(h.assignedAt)}`;
    default:
      return `handoff ${h.decisionId}: ${h.status} by ${h.agentId ?? 'an agent'} in ${h.queueId}${since(h.acceptedAt)}`;
  }
}

/** The reason a `with_human` answer gives first. */
export function withHumanReason(handoff: AssignmentRecord): TriggerReason {
  return {
    code: WITH_HUMAN,
    category: 'BUSINESS',
    description: 'The conversation already has an open handoff: it is with a person (or waiting for one), so Baton does not escalate it again.',
    evidence: [standing(handoff)],
  };
}

/** `decision` answered for a conversation whose open handoff is `handoff` (see the header). */
export function answerWithHuman<H extends AssignmentRecord>(decision: HandoffDecision, handoff: H): AnsweredDecision<H> {
  return {
    ...decision,
    action: 'STAY',
    reasonCode: WITH_HUMAN,
    reasons: [withHumanReason(handoff), ...decision.reasons],
    tier: 'HUMAN_LED',
    routing: null,
    customerMessage: null,
    activeHandoff: handoff,
  };
}

/** True when a logged outcome is a `with_human` answer (its first reason is the one `withHumanReason` gives: no leaf carries it). */
export function isWithHumanAnswer(reasons: readonly Pick<TriggerReason, 'code' | 'nodeId'>[]): boolean {
  const [first] = reasons;
  return first?.code === WITH_HUMAN && (first.nodeId === undefined || first.nodeId === null);
}

/** The same precedence on a replayed outcome, so replaying a `with_human` answer compares like with like. */
export function withHumanOutcome(outcome: ComparableOutcome): ComparableOutcome {
  return { ...outcome, action: 'STAY', reasonCode: WITH_HUMAN, reasonCodes: [WITH_HUMAN, ...outcome.reasonCodes], tier: 'HUMAN_LED', queue: null };
}
