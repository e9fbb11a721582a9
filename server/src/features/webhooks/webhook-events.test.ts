import type { AssignmentRecord, AssignmentStatus, HandoffStep } from '../handoffs/handoff-store';
import { eventsOf } from './webhook-events';

const T0 = new Date('2026-05-04T10:00:00.000Z');

function handoff(status: AssignmentStatus, extra: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return {
    decisionId: 'd-1',
    conversationId: 'c-1',
    customerId: 'cus-1',
    queueId: 'billing',
    agentId: status === 'QUEUED' ? null : 'ana',
    channel: 'chat',
    status,
    rank: 100,
    fallbackUsed: false,
    explanation: [],
    createdAt: T0,
    assignedAt: status === 'QUEUED' ? null : T0,
    acceptedAt: null,
    releasedAt: null,
    requeues: 0,
    startedBy: 'key-1',
    position: status === 'QUEUED' ? 3 : null,
    ...extra,
  };
}

const step = (event: HandoffStep['event'], status: AssignmentStatus): HandoffStep => ({
  event,
  status,
  at: T0,
  accepted: false,
  ends: false,
  free: false,
  drain: false,
  requeueWithout: null,
});

const types = (events: ReturnType<typeof eventsOf>) => events.map((e) => `${e.type}:${e.decisionId}:${e.data.previousStatus}`);

describe('eventsOf', () => {
  it('a start raises handoff.started, then handoff.queued or handoff.assigned', () => {
    expect(types(eventsOf({ kind: 'start', after: handoff('QUEUED'), at: T0 }))).toEqual(['handoff.started:d-1:null', 'handoff.queued:d-1:null']);
    const started = eventsOf({ kind: 'start', after: handoff('ASSIGNED'), at: T0 });
    expect(types(started)).toEqual(['handoff.started:d-1:null', 'handoff.assigned:d-1:null']);
    expect(started[1]?.data.handoff).toMatchObject({
      status: 'ASSIGNED',
      agentId: 'ana',
      createdAt: T0.toISOString(),
      assignedAt: T0.toISOString(),
      releasedAt: null,
    });
  });

  it.each([
    ['accept', 'ACCEPTED', 'handoff.accepted'],
    ['resolve', 'RESOLVED', 'handoff.resolved'],
    ['transfer', 'TRANSFERRED', 'handoff.transferred'],
    ['abandon', 'ABANDONED', 'handoff.abandoned'],
    ['release', 'RELEASED', 'handoff.released'],
    ['expire', 'EXPIRED', 'handoff.expired'],
  ] as const)('step %s raises %s', (event, status, type) => {
    const events = eventsOf({ kind: 'step', step: step(event, status), before: handoff('ACCEPTED'), after: handoff(status), next: null });
    expect(types(events)).toEqual([`${type}:d-1:ACCEPTED`]);
  });

  it('a requeue the next candidate took at once also raises handoff.assigned; capacity freed for a queued handoff raises its handoff.assigned', () => {
    const requeued = eventsOf({
      kind: 'step',
      step: step('requeue', 'QUEUED'),
      before: handoff('ASSIGNED'),
      after: handoff('ASSIGNED', { agentId: 'ben', requeues: 1 }),
      next: null,
    });
    expect(types(requeued)).toEqual(['handoff.requeued:d-1:ASSIGNED', 'handoff.assigned:d-1:QUEUED']);
    expect(types(eventsOf({ kind: 'step', step: step('requeue', 'QUEUED'), before: handoff('ASSIGNED'), after: handoff('QUEUED'), next: null }))).toEqual([
      'handoff.requeued:d-1:ASSIGNED',
    ]);
    const freed = eventsOf({
      kind: 'step',
      step: step('resolve', 'RESOLVED'),
      before: handoff('ACCEPTED'),
      after: handoff('RESOLVED'),
      next: handoff('ASSIGNED', { decisionId: 'd-2' }),
    });
    expect(types(freed)).toEqual(['handoff.resolved:d-1:ACCEPTED', 'handoff.assigned:d-2:QUEUED']);
  });

  it('an agent coming online raises handoff.assigned for the queued handoff it took', () => {
    expect(types(eventsOf({ kind: 'assign', after: handoff('ASSIGNED', { decisionId: 'd-3' }), at: T0 }))).toEqual(['handoff.assigned:d-3:QUEUED']);
  });
});
