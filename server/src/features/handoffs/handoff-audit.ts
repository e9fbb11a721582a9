/**
 * The audit events the handoff stores append, written once so every adapter records the same
 * thing: where the handoff stands before and after (never the conversation itself).
 */
import type { Actor, AuditEventInput } from '../audit/audit-event';
import type { AssignmentRecord, HandoffStep } from './handoff-store';

const summary = (a: AssignmentRecord) => ({ status: a.status, queueId: a.queueId, agentId: a.agentId, channel: a.channel, position: a.position });

/** `handoff.start`: a new assignment, assigned or queued, with the handoffs queued before it that its ranked agents took first. */
export function handoffStarted(assignment: AssignmentRecord, alsoAssigned: readonly AssignmentRecord[], at: Date, actor: Actor): AuditEventInput {
  return {
    actor,
    action: 'handoff.start',
    targetType: 'handoff',
    targetId: assignment.decisionId,
    after: { ...summary(assignment), queuedAssigned: alsoAssigned.map((a) => a.decisionId) },
    at,
  };
}

/**
 * `handoff.<step.event>` (accept, resolve, transfer, abandon, release, requeue, expire): where the
 * handoff stood before and after the step, with the queued handoff the freed capacity took.
 */
export function handoffStepped(
  step: HandoffStep,
  before: AssignmentRecord,
  after: AssignmentRecord,
  next: AssignmentRecord | null,
  actor: Actor,
): AuditEventInput {
  return {
    actor,
    action: `handoff.${step.event}`,
    targetType: 'handoff',
    targetId: after.decisionId,
    before: summary(before),
    after: { ...summary(after), nextAssigned: next?.decisionId ?? null },
    at: step.at,
  };
}
