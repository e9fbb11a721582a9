/**
 * Internal (tests only): the behaviour every `HandoffStore` adapter must show — committing,
 * idempotency, queueing in serving order, release and withdrawal, and reservation under
 * concurrent calls. Called by `defineStoreContractTests`.
 */
import type { AgentProfile, Queue } from '@baton/schemas';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { BatonStore } from '../../store/baton-store';
import type { StartRequest } from './handoff-store';

const AT = new Date('2026-03-10T10:00:00.000Z');
const later = (minutes: number): Date => new Date(AT.getTime() + minutes * 60_000);
const BOT: Actor = { keyId: 'bot-key-0001', role: 'bot' };

const queue = (id: string): Queue => ({
  id,
  name: id,
  requiredSkills: [],
  languages: ['en'],
  hours: null,
  priority: 5,
  fallbackQueueId: null,
  maxWaitSeconds: 300,
  averageHandleSeconds: 600,
});
const profile = (id: string, capacity: AgentProfile['capacity']): AgentProfile => ({
  id,
  name: id,
  skills: [{ skill: 'billing', proficiency: 6 }],
  languages: ['en'],
  timeZone: 'UTC',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity,
  accountIds: [],
});
const request = (decisionId: string, ranked: string[], extra: Partial<StartRequest> = {}): StartRequest => ({
  decisionId,
  conversationId: `conv-${decisionId}`,
  customerId: `cus-${decisionId}`,
  queueId: 'billing',
  channel: 'chat',
  rank: 105,
  fallbackUsed: false,
  ranked,
  qualified: ranked,
  explanation: [`why ${decisionId}`],
  at: AT,
  ...extra,
});

/** Queues `billing` and `general`, and online agents with the given chat capacities. */
async function directoryWith(s: BatonStore, chat: Record<string, number>): Promise<void> {
  for (const id of ['billing', 'general']) await s.directory.upsertQueue(queue(id), AT, SYSTEM_ACTOR);
  for (const [id, capacity] of Object.entries(chat)) {
    await s.directory.upsertAgent(profile(id, { chat: capacity, email: 2 }), AT, SYSTEM_ACTOR);
    await s.directory.setAgentPresence(id, 'ONLINE', undefined, AT, SYSTEM_ACTOR);
  }
}

const handoffEvents = async (s: BatonStore) => (await s.auditLog.listEvents({ action: 'handoff.' }, 500, null)).map((e) => [e.action, e.targetId]);

/** Registers the handoff store contract; `store()` returns a fresh, empty store per test. */
export function describeHandoffStoreContract(store: () => BatonStore): void {
  describe('handoff store', () => {
    it('reserves the first ranked agent that is online with free capacity on the channel', async () => {
      const s = store();
      await directoryWith(s, { full: 1, free: 1 });
      await s.directory.upsertAgent(profile('away', { chat: 3 }), AT, SYSTEM_ACTOR);
      await s.directory.setAgentPresence('away', 'AWAY', undefined, AT, SYSTEM_ACTOR);
      await s.directory.setAgentPresence('full', 'ONLINE', { chat: 1 }, AT, SYSTEM_ACTOR);
      const { assignment, created } = await s.handoffs.startHandoff(request('d1', ['away', 'full', 'unknown', 'free']), BOT);
      expect(created).toBe(true);
      expect(assignment).toEqual({
        decisionId: 'd1',
        conversationId: 'conv-d1',
        customerId: 'cus-d1',
        queueId: 'billing',
        agentId: 'free',
        channel: 'chat',
        status: 'ASSIGNED',
        rank: 105,
        fallbackUsed: false,
        explanation: ['why d1'],
        createdAt: AT,
        assignedAt: AT,
        releasedAt: null,
        position: null,
      });
      expect(await s.handoffs.getAssignment('d1')).toEqual(assignment);
      const free = await s.directory.getAgent('free');
      expect(free).toMatchObject({ activeConversations: { chat: 1 }, lastAssignedAt: AT });
      expect((await s.directory.getAgent('away'))?.activeConversations).toEqual({});
      expect(await handoffEvents(s)).toEqual([['handoff.start', 'd1']]);
      const [event] = await s.auditLog.listEvents({ action: 'handoff.start' }, 1, null);
      expect(event).toMatchObject({
        actor: BOT,
        targetType: 'handoff',
        after: { status: 'ASSIGNED', queueId: 'billing', agentId: 'free', channel: 'chat', position: null },
      });
    });

    it('counts capacity per channel', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      await s.handoffs.startHandoff(request('chat-1', ['a1']), BOT);
      const email = await s.handoffs.startHandoff(request('email-1', ['a1'], { channel: 'email' }), BOT);
      const voice = await s.handoffs.startHandoff(request('voice-1', ['a1'], { channel: 'voice' }), BOT);
      expect([email.assignment.status, voice.assignment.status]).toEqual(['ASSIGNED', 'QUEUED']);
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1, email: 1 });
    });

    it('is idempotent: starting a started decision returns it unchanged and reserves nothing more', async () => {
      const s = store();
      await directoryWith(s, { a1: 3 });
      const first = await s.handoffs.startHandoff(request('d1', ['a1']), BOT);
      const again = await s.handoffs.startHandoff(request('d1', ['a1'], { queueId: 'general', at: later(5) }), BOT);
      expect(again).toEqual({ assignment: first.assignment, created: false });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect(await handoffEvents(s)).toEqual([['handoff.start', 'd1']]);
      expect(await s.handoffs.getAssignment('unknown')).toBeNull();
    });

    it('queues when nobody is free, positioned by rank, then age, then decision id, per queue', async () => {
      const s = store();
      await directoryWith(s, { a1: 0 });
      await s.handoffs.startHandoff(request('q-old', ['a1'], { at: AT }), BOT);
      await s.handoffs.startHandoff(request('q-new', ['a1'], { at: later(1) }), BOT);
      await s.handoffs.startHandoff(request('q-urgent', ['a1'], { rank: 305, at: later(2) }), BOT);
      await s.handoffs.startHandoff(request('q-tie-b', ['a1'], { at: later(3) }), BOT);
      await s.handoffs.startHandoff(request('q-tie-a', ['a1'], { at: later(3) }), BOT);
      const other = await s.handoffs.startHandoff(request('q-general', ['a1'], { queueId: 'general', rank: 1 }), BOT);
      expect(other.assignment).toMatchObject({ status: 'QUEUED', agentId: null, assignedAt: null, position: 1 });
      const positions: Record<string, number | null | undefined> = {};
      for (const id of ['q-urgent', 'q-old', 'q-new', 'q-tie-a', 'q-tie-b']) positions[id] = (await s.handoffs.getAssignment(id))?.position;
      expect(positions).toEqual({ 'q-urgent': 1, 'q-old': 2, 'q-new': 3, 'q-tie-a': 4, 'q-tie-b': 5 });
      expect((await s.directory.snapshot()).waitingByQueue).toEqual({ billing: 5, general: 1 });
      const waits = (await s.handoffs.queueWaits()).sort((a, b) => a.queueId.localeCompare(b.queueId));
      expect(waits).toEqual([
        { queueId: 'billing', waiting: 5, oldestQueuedAt: AT },
        { queueId: 'general', waiting: 1, oldestQueuedAt: AT },
      ]);
    });

    it('reports no queue waits when nothing waits, and leaves out withdrawn and assigned handoffs', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      expect(await s.handoffs.queueWaits()).toEqual([]);
      await s.handoffs.startHandoff(request('assigned', ['a1']), BOT);
      await s.handoffs.startHandoff(request('withdrawn', ['a1']), BOT);
      await s.handoffs.startHandoff(request('waiting', ['a1'], { at: later(4) }), BOT);
      await s.handoffs.releaseAssignment('withdrawn', later(5), BOT);
      expect(await s.handoffs.queueWaits()).toEqual([{ queueId: 'billing', waiting: 1, oldestQueuedAt: later(4) }]);
    });

    it('releases an assigned handoff, and the freed capacity takes the next queued handoff the agent qualifies for', async () => {
      const s = store();
      await directoryWith(s, { a1: 1, a2: 1 });
      await s.handoffs.startHandoff(request('busy', ['a1']), BOT);
      await s.handoffs.startHandoff(request('other', ['a2']), BOT);
      await s.handoffs.startHandoff(request('not-for-a1', ['a2'], { rank: 900 }), BOT);
      await s.handoffs.startHandoff(request('waiting-low', ['a1'], { rank: 5 }), BOT);
      await s.handoffs.startHandoff(request('waiting-high', ['a2'], { qualified: ['a2', 'a1'], at: later(1) }), BOT);
      const result = await s.handoffs.releaseAssignment('busy', later(10), BOT);
      expect(result?.released).toMatchObject({ decisionId: 'busy', status: 'RELEASED', agentId: 'a1', releasedAt: later(10), position: null });
      expect(result?.next).toMatchObject({ decisionId: 'waiting-high', status: 'ASSIGNED', agentId: 'a1', assignedAt: later(10), position: null });
      expect(await s.handoffs.getAssignment('not-for-a1')).toMatchObject({ status: 'QUEUED', position: 1 });
      expect(await s.handoffs.getAssignment('waiting-low')).toMatchObject({ status: 'QUEUED', position: 2 });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      const [release] = await s.auditLog.listEvents({ action: 'handoff.release' }, 10, null);
      expect(release).toMatchObject({
        targetId: 'busy',
        before: { status: 'ASSIGNED', agentId: 'a1' },
        after: { status: 'RELEASED', nextAssigned: 'waiting-high' },
      });
    });

    it('frees the capacity when nothing waits, and a second release changes nothing', async () => {
      const s = store();
      await directoryWith(s, { a1: 2 });
      await s.handoffs.startHandoff(request('d1', ['a1']), BOT);
      const first = await s.handoffs.releaseAssignment('d1', later(3), BOT);
      expect(first?.next).toBeNull();
      expect(first?.previousStatus).toBe('ASSIGNED');
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({});
      const again = await s.handoffs.releaseAssignment('d1', later(9), BOT);
      expect(again).toEqual({ released: first?.released, next: null, previousStatus: 'RELEASED' });
      expect(await handoffEvents(s)).toEqual([
        ['handoff.start', 'd1'],
        ['handoff.release', 'd1'],
      ]);
      expect(await s.handoffs.releaseAssignment('unknown', AT, BOT)).toBeNull();
    });

    it('withdraws a queued handoff: it frees nothing, those behind move up, and no agent takes it later', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      await s.handoffs.startHandoff(request('busy', ['a1']), BOT);
      await s.handoffs.startHandoff(request('first', ['a1']), BOT);
      await s.handoffs.startHandoff(request('second', ['a1'], { at: later(1) }), BOT);
      const withdrawn = await s.handoffs.releaseAssignment('first', later(2), BOT);
      expect(withdrawn).toEqual({
        released: expect.objectContaining({ status: 'RELEASED', agentId: null, releasedAt: later(2), position: null }),
        next: null,
        previousStatus: 'QUEUED',
      });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect((await s.handoffs.getAssignment('second'))?.position).toBe(1);
      const freed = await s.handoffs.releaseAssignment('busy', later(3), BOT);
      expect(freed?.next?.decisionId).toBe('second');
      expect((await s.handoffs.getAssignment('first'))?.status).toBe('RELEASED');
    });

    it('never books beyond capacity under concurrent starts: exactly the free slots are assigned, the rest queue in order', async () => {
      const s = store();
      await directoryWith(s, { a1: 2, a2: 1 });
      await s.directory.upsertAgent(profile('off', { chat: 5 }), AT, SYSTEM_ACTOR);
      const ids = Array.from({ length: 12 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);
      const results = await Promise.all(ids.map((id) => s.handoffs.startHandoff(request(id, ['off', 'a1', 'a2']), BOT)));
      const assigned = results.filter((r) => r.assignment.status === 'ASSIGNED').map((r) => r.assignment);
      const queued = results.filter((r) => r.assignment.status === 'QUEUED').map((r) => r.assignment);
      expect(results.every((r) => r.created)).toBe(true);
      expect(assigned.map((a) => a.agentId).sort()).toEqual(['a1', 'a1', 'a2']);
      expect(queued).toHaveLength(9);
      const agents = await s.directory.listAgents();
      expect(agents.map((a) => [a.id, a.activeConversations])).toEqual([
        ['a1', { chat: 2 }],
        ['a2', { chat: 1 }],
        ['off', {}],
      ]);
      // Queued in serving order: same rank and time, so by decision id; positions 1..9 without gaps.
      const waiting = queued.map((a) => a.decisionId).sort();
      const positions = await Promise.all(waiting.map(async (id) => (await s.handoffs.getAssignment(id))?.position));
      expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const release = await s.handoffs.releaseAssignment(assigned[0]?.decisionId as string, later(1), BOT);
      expect(release?.next).toMatchObject({ decisionId: waiting[0], status: 'ASSIGNED', agentId: assigned[0]?.agentId });
      expect((await s.handoffs.getAssignment(waiting[1] as string))?.position).toBe(1);
      // Every start and the release appended one event, in one unbroken chain.
      const events = await s.auditLog.scanEvents(0, 500);
      expect(events.filter((e) => e.action.startsWith('handoff.'))).toHaveLength(13);
      expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
      events.slice(1).forEach((event, i) => expect(event.prevHash).toBe(events[i]?.hash));
    });

    it('starts one decision once even when the same start races itself', async () => {
      const s = store();
      await directoryWith(s, { a1: 5 });
      const results = await Promise.all(Array.from({ length: 5 }, () => s.handoffs.startHandoff(request('same', ['a1']), BOT)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => JSON.stringify(r.assignment))).size).toBe(1);
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect(await handoffEvents(s)).toEqual([['handoff.start', 'same']]);
    });
  });
}
