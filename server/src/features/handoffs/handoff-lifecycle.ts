/**
 * The handoff lifecycle as pure functions: given a handoff as a transaction read it, each returns
 * the step to take (`HandoffStep`, which `handoff-transitions.ts` turns into records) or throws the
 * client-facing error, so a refused step changes nothing.
 *
 *   QUEUED → ASSIGNED → ACCEPTED → RESOLVED | TRANSFERRED
 *   QUEUED | ASSIGNED | ACCEPTED → ABANDONED (the customer left), RELEASED (releaseAssignment),
 *                                  EXPIRED (open longer than the maximum age)
 *   ASSIGNED → QUEUED (not accepted in time: the next agent gets it)
 *
 * QUEUED → ASSIGNED itself happens when capacity is free (start, requeue, release, presence): `takeQueued`.
 */
import { BatonErrorCode } from '@baton/schemas';
import { BatonError, conflict } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import type { AssignmentRecord, AssignmentStatus, DueQuery, HandoffStep, StartRequest } from './handoff-store';

/** Statuses of a handoff still in progress; a conversation has at most one handoff in them. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['QUEUED', 'ASSIGNED', 'ACCEPTED'];

/** True while the handoff is in progress (QUEUED, ASSIGNED or ACCEPTED). */
export function isOpen(status: AssignmentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** True while the handoff holds a unit of its agent's capacity. */
export function holdsCapacity(status: AssignmentStatus): boolean {
  return status === 'ASSIGNED' || status === 'ACCEPTED';
}

/** Who may take a handoff, in the order a requeue offers it: the ranked agents first, then the other qualified ones. */
export function candidateOrder(request: Pick<StartRequest, 'ranked' | 'qualified'>): string[] {
  return [...new Set([...request.ranked, ...request.qualified])];
}

/** The timeouts of open handoffs (`BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS`, `BATON_HANDOFF_MAX_AGE_SECONDS`). */
export interface HandoffTimeouts {
  /** Seconds an ASSIGNED handoff waits for `acceptHandoff` before it goes back to the queue; null: for ever. */
  acceptSeconds: number | null;
  /** Seconds after its start an open handoff expires (its capacity given back); null: never. */
  maxAgeSeconds: number | null;
}

/** What a caller asks of a handoff. */
export type HandoffCommand =
  { kind: 'accept'; agentId?: string | null } | { kind: 'resolve'; outcome: 'RESOLVED' | 'TRANSFERRED' } | { kind: 'abandon' } | { kind: 'release' };

const iso = (d: Date | null) => d?.toISOString() ?? 'an unknown time';

/** CONFLICT with what the handoff is now, for a step its status does not allow. */
function refused(current: AssignmentRecord, command: HandoffCommand, message: string): BatonError {
  return conflict(message, { decisionId: current.decisionId, status: current.status, refused: command.kind });
}

function whereItStands(h: AssignmentRecord): string {
  switch (h.status) {
    case 'QUEUED':
      return `is QUEUED in ${h.queueId}${h.position === null ? '' : ` at position ${h.position}`}: no agent holds it yet`;
    case 'ASSIGNED':
      return `is ASSIGNED to ${h.agentId ?? 'an agent'} since ${iso(h.assignedAt)} and not accepted yet`;
    case 'ACCEPTED':
      return `was ACCEPTED by ${h.agentId ?? 'an agent'} at ${iso(h.acceptedAt)}`;
    default:
      return `has ended: ${h.status} at ${iso(h.releasedAt)}`;
  }
}

/** The message for any step asked of a handoff that has ended. */
function ended(current: AssignmentRecord, command: HandoffCommand): BatonError {
  const again = command.kind === 'release' && current.status === 'RELEASED' ? ' (released twice)' : '';
  return refused(
    current,
    command,
    `Handoff '${current.decisionId}' ${whereItStands(current)}${again}, so it cannot be ${PAST[command.kind]}; nothing changed. ` +
      'If the customer needs a person again, decide again and start the new decision.',
  );
}

const PAST: Record<HandoffCommand['kind'], string> = { accept: 'accepted', resolve: 'resolved', abandon: 'abandoned', release: 'released' };

const step = (current: AssignmentRecord, at: Date, fields: Pick<HandoffStep, 'event' | 'status'> & Partial<HandoffStep>): HandoffStep => ({
  accepted: false,
  ends: false,
  free: false,
  drain: false,
  requeueWithout: null,
  at,
  ...fields,
  ...(fields.ends ? { free: holdsCapacity(current.status), drain: holdsCapacity(current.status) } : {}),
});

/**
 * The step `command` takes `current` through at `at`.
 * @throws CONFLICT (`extensions.status`, `refused`) when its status does not allow it: accepting
 *   a queued, accepted or ended handoff or one held by another agent than `agentId`; resolving
 *   one not accepted; anything on an ended handoff (a second release included)
 */
export function planCommand(current: AssignmentRecord, command: HandoffCommand, at: Date): HandoffStep {
  if (!isOpen(current.status)) throw ended(current, command);
  switch (command.kind) {
    case 'accept': {
      if (current.status !== 'ASSIGNED') {
        throw refused(current, command, `Handoff '${current.decisionId}' ${whereItStands(current)}, so it cannot be accepted; nothing changed.`);
      }
      if (command.agentId && command.agentId !== current.agentId) {
        const why = current.requeues > 0 ? ` (it went back to the queue ${current.requeues} time(s) when an assigned agent did not accept in time)` : '';
        throw conflict(`Handoff '${current.decisionId}' is assigned to ${current.agentId ?? 'no agent'}, not ${command.agentId}${why}; nothing changed.`, {
          decisionId: current.decisionId,
          status: current.status,
          refused: command.kind,
          agentId: current.agentId,
        });
      }
      return step(current, at, { event: 'accept', status: 'ACCEPTED', accepted: true });
    }
    case 'resolve': {
      if (current.status !== 'ACCEPTED') {
        const instead = current.status === 'QUEUED' ? 'abandon it (abandonHandoff) or withdraw it (releaseAssignment)' : 'accept it first (acceptHandoff)';
        throw refused(
          current,
          command,
          `Handoff '${current.decisionId}' ${whereItStands(current)}; only an accepted handoff can be ${command.outcome === 'RESOLVED' ? 'resolved' : 'transferred'}: ${instead}. Nothing changed.`,
        );
      }
      return step(current, at, { event: command.outcome === 'RESOLVED' ? 'resolve' : 'transfer', status: command.outcome, ends: true });
    }
    case 'abandon':
      return step(current, at, { event: 'abandon', status: 'ABANDONED', ends: true });
    case 'release':
      return step(current, at, { event: 'release', status: 'RELEASED', ends: true });
  }
}

/**
 * The timeout due for `current` at `at`, if any: past the maximum age an open handoff EXPIRES
 * (its capacity goes to the next queued handoff); an ASSIGNED handoff not accepted within the
 * acceptance timeout goes back to the queue without its agent (whose capacity is given back but
 * takes no other handoff: an agent who did not answer is not sent another). Null when none is due
 * (ended meanwhile, accepted meanwhile, or not yet).
 */
export function planTimeout(current: AssignmentRecord, at: Date, timeouts: HandoffTimeouts): HandoffStep | null {
  if (!isOpen(current.status)) return null;
  const { assignedBefore, startedBefore } = dueBefore(at, timeouts);
  if (startedBefore && current.createdAt.getTime() <= startedBefore.getTime()) {
    return step(current, at, { event: 'expire', status: 'EXPIRED', ends: true });
  }
  if (current.status === 'ASSIGNED' && assignedBefore && current.assignedAt && current.assignedAt.getTime() <= assignedBefore.getTime()) {
    return step(current, at, { event: 'requeue', status: 'QUEUED', free: true, requeueWithout: current.agentId });
  }
  return null;
}

/** The cut-off times of the timeouts at `at` (what `HandoffStore.dueForTimeout` looks for). */
export function dueBefore(at: Date, timeouts: HandoffTimeouts): Omit<DueQuery, 'limit'> {
  const before = (seconds: number | null) => (seconds === null ? null : new Date(at.getTime() - seconds * 1000));
  return { assignedBefore: before(timeouts.acceptSeconds), startedBefore: before(timeouts.maxAgeSeconds) };
}

/**
 * Whether `actor` may read or change `handoff`: a BOT key only the handoffs it started; every
 * other role that reached the operation may act on any.
 * @throws FORBIDDEN otherwise
 */
export function checkHandoffAccess(handoff: AssignmentRecord, actor: Actor): void {
  if (actor.role !== 'bot' || (handoff.startedBy !== null && handoff.startedBy === actor.keyId)) return;
  throw new BatonError(
    BatonErrorCode.Forbidden,
    `Handoff '${handoff.decisionId}' was started by another API key; a BOT key may read and change only the handoffs it started.`,
    { decisionId: handoff.decisionId },
  );
}
