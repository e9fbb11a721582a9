/**
 * The audit events the handoff stores append, written once so every adapter records the same
 * thing: where the handoff stands before and after (never the conversation itself).
 */
import type { Actor, AuditEventInput } from '../audit/audit-event';
import type { AssignmentRecord } from './handoff-store';

const summary = (a: AssignmentRecord) => ({ status: a.status, queueId: a.queueId, agentId: a.agentId, channel: a.channel, position: a.position });

/** `handoff.start`: a new assignment, assigned or queued. */
export function handoffStarted(assignment: AssignmentRecord, at: Date, actor: Actor): AuditEventInput {
  return { actor, action: 'handoff.start', targetType: 'handoff', targetId: assignment.decisionId, after: summary(assignment), at };
}

/** `handoff.release`: released (or withdrawn from the queue), with the queued handoff the freed capacity took. */
export function handoffReleased(before: AssignmentRecord, released: AssignmentRecord, next: AssignmentRecord | null, at: Date, actor: Actor): AuditEventInput {
  return {
    actor,
    action: 'handoff.release',
    targetType: 'handoff',
    targetId: released.decisionId,
    before: summary(before),
    after: { ...summary(released), nextAssigned: next?.decisionId ?? null },
    at,
  };
}
