/**
 * The handoff lifecycle without a store: every step from every status, allowed (with what it
 * writes) or refused (with CONFLICT and what the handoff is now), the timeouts at their exact
 * cut-offs, and who may act on a handoff.
 */
import { BatonError } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import {
  candidateOrder,
  checkHandoffAccess,
  dueBefore,
  holdsCapacity,
  isOpen,
  planCommand,
  planTimeout,
  type HandoffCommand,
  type HandoffTimeouts,
} from './handoff-lifecycle';
import type { AssignmentRecord, AssignmentStatus } from './handoff-store';

const T0 = new Date('2026-03-10T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const TIMEOUTS: HandoffTimeouts = { acceptSeconds: 120, maxAgeSeconds: 3600 };

function handoff(status: AssignmentStatus, extra: Partial<AssignmentRecord> = {}): AssignmentRecord {
  const held = status === 'ASSIGNED' || status === 'ACCEPTED';
  return {
    decisionId: 'd1',
    conversationId: 'conv-1',
    customerId: 'cus-1',
    queueId: 'billing',
    agentId: held || !isOpen(status) ? 'a1' : null,
    channel: 'chat',
    status,
    rank: 105,
    fallbackUsed: false,
    explanation: [],
    createdAt: T0,
    assignedAt: held ? at(10) : null,
    acceptedAt: status === 'ACCEPTED' ? at(20) : null,
    releasedAt: isOpen(status) ? null : at(30),
    requeues: 0,
    startedBy: 'bk_bot-one',
    position: status === 'QUEUED' ? 3 : null,
    ...extra,
  };
}

/** The error `fn` throws (fails when it throws none). */
function thrown(fn: () => unknown): BatonError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BatonError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

const ALL: AssignmentStatus[] = ['QUEUED', 'ASSIGNED', 'ACCEPTED', 'RESOLVED', 'TRANSFERRED', 'ABANDONED', 'RELEASED', 'EXPIRED'];
const COMMANDS: Record<string, HandoffCommand> = {
  accept: { kind: 'accept' },
  resolve: { kind: 'resolve', outcome: 'RESOLVED' },
  transfer: { kind: 'resolve', outcome: 'TRANSFERRED' },
  abandon: { kind: 'abandon' },
  release: { kind: 'release' },
};

describe('statuses', () => {
  it('are open while queued, assigned or accepted, and hold capacity while an agent has them', () => {
    expect(ALL.filter(isOpen)).toEqual(['QUEUED', 'ASSIGNED', 'ACCEPTED']);
    expect(ALL.filter(holdsCapacity)).toEqual(['ASSIGNED', 'ACCEPTED']);
  });
});

describe('planCommand', () => {
  /** What each step does from each status: the status it writes, or the refusal. */
  const table: [command: string, from: AssignmentStatus, to: AssignmentStatus | 'CONFLICT'][] = [
    ['accept', 'QUEUED', 'CONFLICT'],
    ['accept', 'ASSIGNED', 'ACCEPTED'],
    ['accept', 'ACCEPTED', 'CONFLICT'],
    ['resolve', 'QUEUED', 'CONFLICT'],
    ['resolve', 'ASSIGNED', 'CONFLICT'],
    ['resolve', 'ACCEPTED', 'RESOLVED'],
    ['transfer', 'QUEUED', 'CONFLICT'],
    ['transfer', 'ASSIGNED', 'CONFLICT'],
    ['transfer', 'ACCEPTED', 'TRANSFERRED'],
    ['abandon', 'QUEUED', 'ABANDONED'],
    ['abandon', 'ASSIGNED', 'ABANDONED'],
    ['abandon', 'ACCEPTED', 'ABANDONED'],
    ['release', 'QUEUED', 'RELEASED'],
    ['release', 'ASSIGNED', 'RELEASED'],
    ['release', 'ACCEPTED', 'RELEASED'],
    // Every step on an ended handoff is refused.
    ...Object.keys(COMMANDS).flatMap((command) =>
      ALL.filter((s) => !isOpen(s)).map((from): [string, AssignmentStatus, 'CONFLICT'] => [command, from, 'CONFLICT']),
    ),
  ];

  it.each(table)('%s from %s → %s', (command, from, to) => {
    const current = handoff(from);
    const plan = () => planCommand(current, COMMANDS[command] as HandoffCommand, at(60));
    if (to === 'CONFLICT') {
      const error = thrown(plan);
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toMatchObject({ decisionId: 'd1', status: from, refused: (COMMANDS[command] as HandoffCommand).kind });
      expect(error.message.toLowerCase()).toContain('nothing changed');
    } else {
      expect(plan().status).toBe(to);
    }
  });

  it('accepting sets the time and frees nothing', () => {
    expect(planCommand(handoff('ASSIGNED'), { kind: 'accept', agentId: 'a1' }, at(60))).toEqual({
      event: 'accept',
      status: 'ACCEPTED',
      at: at(60),
      accepted: true,
      ends: false,
      free: false,
      drain: false,
      requeueWithout: null,
    });
  });

  it('refuses an accept for another agent than the one holding it, saying it was requeued', () => {
    const error = thrown(() => planCommand(handoff('ASSIGNED', { agentId: 'a2', requeues: 1 }), { kind: 'accept', agentId: 'a1' }, at(60)));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      "Handoff 'd1' is assigned to a2, not a1 (it went back to the queue 1 time(s) when an assigned agent did not accept in time); nothing changed.",
    );
    expect(error.details).toEqual({ decisionId: 'd1', status: 'ASSIGNED', refused: 'accept', agentId: 'a2' });
  });

  it('ends a handoff with its capacity given back to the next queued handoff when an agent held it', () => {
    expect(planCommand(handoff('ACCEPTED'), COMMANDS.resolve as HandoffCommand, at(60))).toMatchObject({
      event: 'resolve',
      ends: true,
      free: true,
      drain: true,
    });
    expect(planCommand(handoff('ACCEPTED'), COMMANDS.transfer as HandoffCommand, at(60))).toMatchObject({
      event: 'transfer',
      ends: true,
      free: true,
      drain: true,
    });
    expect(planCommand(handoff('ASSIGNED'), { kind: 'abandon' }, at(60))).toMatchObject({ event: 'abandon', ends: true, free: true, drain: true });
    expect(planCommand(handoff('QUEUED'), { kind: 'abandon' }, at(60))).toMatchObject({ event: 'abandon', ends: true, free: false, drain: false });
    expect(planCommand(handoff('QUEUED'), { kind: 'release' }, at(60))).toMatchObject({ event: 'release', ends: true, free: false, drain: false });
  });

  it('says what to do instead, in words', () => {
    expect(thrown(() => planCommand(handoff('RELEASED'), { kind: 'release' }, at(60))).message).toBe(
      "Handoff 'd1' has ended: RELEASED at 2026-03-10T10:00:30.000Z (released twice), so it cannot be released; nothing changed. " +
        'If the customer needs a person again, decide again and start the new decision.',
    );
    expect(thrown(() => planCommand(handoff('RELEASED'), { kind: 'accept' }, at(60))).message).toContain(
      'has ended: RELEASED at 2026-03-10T10:00:30.000Z, so it cannot be accepted',
    );
    expect(thrown(() => planCommand(handoff('QUEUED'), { kind: 'accept' }, at(60))).message).toBe(
      "Handoff 'd1' is QUEUED in billing at position 3: no agent holds it yet, so it cannot be accepted; nothing changed.",
    );
    expect(thrown(() => planCommand(handoff('ASSIGNED'), COMMANDS.resolve as HandoffCommand, at(60))).message).toBe(
      "Handoff 'd1' is ASSIGNED to a1 since 2026-03-10T10:00:10.000Z and not accepted yet; only an accepted handoff can be resolved: accept it first (acceptHandoff). Nothing changed.",
    );
    expect(thrown(() => planCommand(handoff('QUEUED'), COMMANDS.transfer as HandoffCommand, at(60))).message).toContain(
      'only an accepted handoff can be transferred: abandon it (abandonHandoff) or withdraw it (releaseAssignment)',
    );
  });
});

describe('planTimeout', () => {
  it('requeues an assignment not accepted within the timeout, from the exact second, without its agent', () => {
    const assigned = handoff('ASSIGNED');
    expect(planTimeout(assigned, at(129.999), TIMEOUTS)).toBeNull();
    expect(planTimeout(assigned, at(130), TIMEOUTS)).toEqual({
      event: 'requeue',
      status: 'QUEUED',
      at: at(130),
      accepted: false,
      ends: false,
      free: true,
      drain: false,
      requeueWithout: 'a1',
    });
  });

  it('never requeues a queued or accepted handoff, and nothing without an acceptance timeout', () => {
    expect(planTimeout(handoff('QUEUED'), at(3000), TIMEOUTS)).toBeNull();
    expect(planTimeout(handoff('ACCEPTED'), at(3000), TIMEOUTS)).toBeNull();
    expect(planTimeout(handoff('ASSIGNED'), at(3000), { acceptSeconds: null, maxAgeSeconds: 3600 })).toBeNull();
  });

  it('expires any open handoff at its maximum age, before any requeue; ended ones never', () => {
    expect(planTimeout(handoff('ACCEPTED'), at(3599), TIMEOUTS)).toBeNull();
    expect(planTimeout(handoff('ACCEPTED'), at(3600), TIMEOUTS)).toMatchObject({ event: 'expire', status: 'EXPIRED', ends: true, free: true, drain: true });
    expect(planTimeout(handoff('ASSIGNED'), at(3600), TIMEOUTS)).toMatchObject({ event: 'expire', free: true });
    expect(planTimeout(handoff('QUEUED'), at(3600), TIMEOUTS)).toMatchObject({ event: 'expire', free: false, drain: false });
    for (const status of ALL.filter((s) => !isOpen(s))) expect(planTimeout(handoff(status), at(99_999), TIMEOUTS)).toBeNull();
    expect(planTimeout(handoff('ACCEPTED'), at(99_999), { acceptSeconds: 120, maxAgeSeconds: null })).toBeNull();
  });

  it('gives the cut-offs the store looks for, none for a timeout turned off', () => {
    expect(dueBefore(at(3600), TIMEOUTS)).toEqual({ assignedBefore: at(3480), startedBefore: at(0) });
    expect(dueBefore(at(3600), { acceptSeconds: null, maxAgeSeconds: null })).toEqual({ assignedBefore: null, startedBefore: null });
  });
});

describe('candidateOrder', () => {
  it('offers the ranked agents first, then the other qualified ones, each once', () => {
    expect(candidateOrder({ ranked: ['b', 'a'], qualified: ['a', 'c', 'b', 'd'] })).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('checkHandoffAccess', () => {
  const bot = (keyId: string): Actor => ({ keyId, role: 'bot' });

  it('lets a BOT key act only on the handoffs it started; other roles on any', () => {
    const mine = handoff('ASSIGNED', { startedBy: 'bk_bot-one' });
    expect(() => checkHandoffAccess(mine, bot('bk_bot-one'))).not.toThrow();
    const error = thrown(() => checkHandoffAccess(mine, bot('bk_bot-two')));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.details).toEqual({ decisionId: 'd1' });
    expect(() => checkHandoffAccess(handoff('ASSIGNED', { startedBy: null }), bot('bk_bot-one'))).toThrow(BatonError);
    for (const role of ['admin', 'integration', 'auditor', 'system']) expect(() => checkHandoffAccess(mine, { keyId: 'bk_other', role })).not.toThrow();
  });
});
