/**
 * Internal (tests only): the behaviour every `HandoffStore` adapter must show — committing,
 * idempotency per decision and per conversation, queueing in serving order, release and
 * withdrawal, reservation under concurrent calls, and the lifecycle steps as
 * `handoff-lifecycle.ts` plans them (accept, resolve, abandon, requeue to the next candidate,
 * expiry), each all or nothing with its audit event. Called by `defineStoreContractTests`.
 */
import type { AgentProfile, Queue } from '@baton/schemas';
import { isBatonError } from '../../baton-error';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { BatonStore } from '../../store/baton-store';
import { planCommand, planTimeout, type HandoffCommand, type HandoffTimeouts } from './handoff-lifecycle';
import type { StartRequest } from './handoff-store';

const AT = new Date('2026-03-10T10:00:00.000Z');
const later = (minutes: number): Date => new Date(AT.getTime() + minutes * 60_000);
const BOT: Actor = { keyId: 'bot-key-0001', role: 'bot' };
const TIMEOUTS: HandoffTimeouts = { acceptSeconds: 60, maxAgeSeconds: 3600 };
/** The stores the handoff contract reads and writes. */
type HandoffContractStores = Pick<BatonStore, 'directory' | 'handoffs' | 'auditLog'>;

/** A caller's step, planned as the service plans it. */
const step = (s: HandoffContractStores, decisionId: string, command: HandoffCommand, at: Date, actor: Actor = BOT) =>
  s.handoffs.transition(decisionId, (current) => planCommand(current, command, at), actor);
const release = (s: HandoffContractStores, decisionId: string, at: Date) => step(s, decisionId, { kind: 'release' }, at);
/** The timeouts due at `at`, as the sweep applies them. */
const timeout = (s: HandoffContractStores, decisionId: string, at: Date) =>
  s.handoffs.transition(decisionId, (current) => planTimeout(current, at, TIMEOUTS), SYSTEM_ACTOR);

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
async function directoryWith(s: HandoffContractStores, chat: Record<string, number>): Promise<void> {
  for (const id of ['billing', 'general']) await s.directory.upsertQueue(queue(id), AT, SYSTEM_ACTOR);
  for (const [id, capacity] of Object.entries(chat)) {
    await s.directory.upsertAgent(profile(id, { chat: capacity, email: 2 }), AT, SYSTEM_ACTOR);
    await s.directory.setAgentPresence(id, 'ONLINE', undefined, AT, SYSTEM_ACTOR);
  }
}

const handoffEvents = async (s: HandoffContractStores) => (await s.auditLog.listEvents({ action: 'handoff.' }, 500, null)).map((e) => [e.action, e.targetId]);

/** Registers the handoff store contract; `store()` returns a fresh, empty store per test. */
export function describeHandoffStoreContract(store: () => HandoffContractStores): void {
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
        acceptedAt: null,
        releasedAt: null,
        requeues: 0,
        startedBy: 'bot-key-0001',
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
      expect(again).toEqual({ assignment: first.assignment, created: false, alsoAssigned: [] });
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

    it("lists a queue's waiting handoffs in serving order with their positions, up to a limit", async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      await s.handoffs.startHandoff(request('taken', ['a1']), BOT);
      await s.handoffs.startHandoff(request('w-old', ['a1'], { at: later(1) }), BOT);
      await s.handoffs.startHandoff(request('w-urgent', ['a1'], { rank: 305, at: later(2) }), BOT);
      await s.handoffs.startHandoff(request('w-new', ['a1'], { at: later(3) }), BOT);
      await s.handoffs.startHandoff(request('w-general', ['a1'], { queueId: 'general', at: later(4) }), BOT);
      const listed = await s.handoffs.queuedIn('billing', 10);
      expect(listed.map((a) => [a.decisionId, a.status, a.position])).toEqual([
        ['w-urgent', 'QUEUED', 1],
        ['w-old', 'QUEUED', 2],
        ['w-new', 'QUEUED', 3],
      ]);
      expect(listed[1]).toEqual(await s.handoffs.getAssignment('w-old'));
      expect((await s.handoffs.queuedIn('billing', 2)).map((a) => a.decisionId)).toEqual(['w-urgent', 'w-old']);
      await release(s, 'w-urgent', later(5));
      expect((await s.handoffs.queuedIn('billing', 10)).map((a) => [a.decisionId, a.position])).toEqual([
        ['w-old', 1],
        ['w-new', 2],
      ]);
      expect(await s.handoffs.queuedIn('nowhere', 10)).toEqual([]);
    });

    it('reports no queue waits when nothing waits, and leaves out withdrawn and assigned handoffs', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      expect(await s.handoffs.queueWaits()).toEqual([]);
      await s.handoffs.startHandoff(request('assigned', ['a1']), BOT);
      await s.handoffs.startHandoff(request('withdrawn', ['a1']), BOT);
      await s.handoffs.startHandoff(request('waiting', ['a1'], { at: later(4) }), BOT);
      await release(s, 'withdrawn', later(5));
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
      const result = await release(s, 'busy', later(10));
      expect(result?.after).toMatchObject({ decisionId: 'busy', status: 'RELEASED', agentId: 'a1', releasedAt: later(10), position: null });
      expect(result?.next).toMatchObject({ decisionId: 'waiting-high', status: 'ASSIGNED', agentId: 'a1', assignedAt: later(10), position: null });
      expect(await s.handoffs.getAssignment('not-for-a1')).toMatchObject({ status: 'QUEUED', position: 1 });
      expect(await s.handoffs.getAssignment('waiting-low')).toMatchObject({ status: 'QUEUED', position: 2 });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      const [event] = await s.auditLog.listEvents({ action: 'handoff.release' }, 10, null);
      expect(event).toMatchObject({
        targetId: 'busy',
        before: { status: 'ASSIGNED', agentId: 'a1' },
        after: { status: 'RELEASED', nextAssigned: 'waiting-high' },
      });
    });

    it('frees the capacity when nothing waits; a second release is refused and changes nothing', async () => {
      const s = store();
      await directoryWith(s, { a1: 2 });
      await s.handoffs.startHandoff(request('d1', ['a1']), BOT);
      const first = await release(s, 'd1', later(3));
      expect(first?.next).toBeNull();
      expect(first?.before.status).toBe('ASSIGNED');
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({});
      await expect(release(s, 'd1', later(9))).rejects.toMatchObject({ code: 'CONFLICT', details: { status: 'RELEASED', refused: 'release' } });
      expect(await s.handoffs.getAssignment('d1')).toEqual(first?.after);
      expect(await handoffEvents(s)).toEqual([
        ['handoff.start', 'd1'],
        ['handoff.release', 'd1'],
      ]);
      expect(await release(s, 'unknown', AT)).toBeNull();
    });

    it('withdraws a queued handoff: it frees nothing, those behind move up, and no agent takes it later', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      await s.handoffs.startHandoff(request('busy', ['a1']), BOT);
      await s.handoffs.startHandoff(request('first', ['a1']), BOT);
      await s.handoffs.startHandoff(request('second', ['a1'], { at: later(1) }), BOT);
      const withdrawn = await release(s, 'first', later(2));
      expect(withdrawn).toEqual({
        before: expect.objectContaining({ status: 'QUEUED', position: 1 }),
        after: expect.objectContaining({ status: 'RELEASED', agentId: null, releasedAt: later(2), position: null }),
        step: expect.objectContaining({ event: 'release', free: false, drain: false }),
        next: null,
      });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect((await s.handoffs.getAssignment('second'))?.position).toBe(1);
      const freed = await release(s, 'busy', later(3));
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
      const released = await release(s, assigned[0]?.decisionId as string, later(1));
      expect(released?.next).toMatchObject({ decisionId: waiting[0], status: 'ASSIGNED', agentId: assigned[0]?.agentId });
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

    it('keeps one open handoff per conversation: a later decision gets it back, and once it ends the conversation may start anew', async () => {
      const s = store();
      await directoryWith(s, { a1: 3 });
      const first = await s.handoffs.startHandoff(request('turn-1', ['a1'], { conversationId: 'conv-x' }), BOT);
      const second = await s.handoffs.startHandoff(request('turn-2', ['a1'], { conversationId: 'conv-x', at: later(1) }), BOT);
      expect(second).toEqual({ assignment: first.assignment, created: false, alsoAssigned: [] });
      expect(await s.handoffs.getAssignment('turn-2')).toBeNull();
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect(await s.handoffs.findByConversation('conv-x')).toEqual(first.assignment);
      await step(s, 'turn-1', { kind: 'abandon' }, later(2));
      // Ended: the latest handoff is still found, and a new decision starts a new one.
      expect(await s.handoffs.findByConversation('conv-x')).toMatchObject({ decisionId: 'turn-1', status: 'ABANDONED' });
      const third = await s.handoffs.startHandoff(request('turn-3', ['a1'], { conversationId: 'conv-x', at: later(3) }), BOT);
      expect(third).toMatchObject({ created: true, assignment: { decisionId: 'turn-3', status: 'ASSIGNED' } });
      expect(await s.handoffs.findByConversation('conv-x')).toMatchObject({ decisionId: 'turn-3' });
      expect(await s.handoffs.findByConversation('conv-none')).toBeNull();
      expect(await handoffEvents(s)).toEqual([
        ['handoff.start', 'turn-1'],
        ['handoff.abandon', 'turn-1'],
        ['handoff.start', 'turn-3'],
      ]);
    });

    it('queues a conversation once even when starts of different decisions race', async () => {
      const s = store();
      await directoryWith(s, { a1: 0 });
      const ids = ['race-1', 'race-2', 'race-3', 'race-4'];
      const results = await Promise.all(ids.map((id) => s.handoffs.startHandoff(request(id, ['a1'], { conversationId: 'conv-race' }), BOT)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.assignment.decisionId)).size).toBe(1);
      expect((await s.handoffs.queueWaits()).map((w) => w.waiting)).toEqual([1]);
    });

    it('takes a handoff through accept and resolve: times set, capacity to the next queued handoff, candidates dropped', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      await s.handoffs.startHandoff(request('d1', ['a1']), BOT);
      await s.handoffs.startHandoff(request('d2', ['a1'], { at: later(1) }), BOT);
      const accepted = await step(s, 'd1', { kind: 'accept', agentId: 'a1' }, later(2));
      expect(accepted?.after).toMatchObject({ status: 'ACCEPTED', agentId: 'a1', acceptedAt: later(2), releasedAt: null });
      expect(accepted?.next).toBeNull();
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      const resolved = await step(s, 'd1', { kind: 'resolve', outcome: 'TRANSFERRED' }, later(9));
      expect(resolved?.after).toMatchObject({ status: 'TRANSFERRED', agentId: 'a1', acceptedAt: later(2), releasedAt: later(9) });
      expect(resolved?.next).toMatchObject({ decisionId: 'd2', status: 'ASSIGNED', agentId: 'a1', assignedAt: later(9) });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      const [accept] = await s.auditLog.listEvents({ action: 'handoff.accept' }, 1, null);
      expect(accept).toMatchObject({ actor: BOT, targetId: 'd1', before: { status: 'ASSIGNED' }, after: { status: 'ACCEPTED', nextAssigned: null } });
      const [transfer] = await s.auditLog.listEvents({ action: 'handoff.transfer' }, 1, null);
      expect(transfer).toMatchObject({ targetId: 'd1', before: { status: 'ACCEPTED' }, after: { status: 'TRANSFERRED', nextAssigned: 'd2' } });
      // An ended handoff is no candidate of anyone: releasing d2 lets nothing take d1 again.
      await step(s, 'd2', { kind: 'abandon' }, later(10));
      expect(await s.handoffs.getAssignment('d1')).toMatchObject({ status: 'TRANSFERRED' });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({});
    });

    it('writes nothing when the plan refuses the step or finds nothing to do', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      await s.handoffs.startHandoff(request('d1', ['a1']), BOT);
      const before = await s.handoffs.getAssignment('d1');
      const refused = await step(s, 'd1', { kind: 'resolve', outcome: 'RESOLVED' }, later(1)).catch((error: unknown) => error);
      expect(isBatonError(refused) && refused.code).toBe('CONFLICT');
      expect(await step(s, 'd1', { kind: 'accept', agentId: 'someone-else' }, later(1)).catch((error: unknown) => isBatonError(error) && error.code)).toBe(
        'CONFLICT',
      );
      const nothing = await timeout(s, 'd1', later(0.5));
      expect(nothing).toEqual({ before, after: before, step: null, next: null });
      expect(await s.handoffs.getAssignment('d1')).toEqual(before);
      expect(await handoffEvents(s)).toEqual([['handoff.start', 'd1']]);
    });

    it('lets an agent with a free slot serve the handoffs queued before a new one first: the newcomer queues behind them', async () => {
      const s = store();
      await directoryWith(s, { slow: 1 });
      await s.handoffs.startHandoff(request('d1', ['slow']), BOT);
      await s.handoffs.startHandoff(request('d2', ['slow'], { at: later(0.5) }), BOT);
      // d1 times out: slow's slot is given back, and not to d2 at that moment (slow did not answer).
      await timeout(s, 'd1', later(1));
      expect(await s.handoffs.getAssignment('d2')).toMatchObject({ status: 'QUEUED', position: 2 });
      expect((await s.directory.getAgent('slow'))?.activeConversations).toEqual({});
      const started = await s.handoffs.startHandoff(request('d3', ['slow'], { at: later(2) }), BOT);
      expect(started.assignment).toMatchObject({ decisionId: 'd3', status: 'QUEUED', agentId: null, position: 2 });
      expect(started.alsoAssigned).toMatchObject([{ decisionId: 'd2', status: 'ASSIGNED', agentId: 'slow', assignedAt: later(2) }]);
      expect(await s.handoffs.getAssignment('d2')).toMatchObject({ status: 'ASSIGNED', agentId: 'slow' });
      expect((await s.directory.getAgent('slow'))?.activeConversations).toEqual({ chat: 1 });
      const [event] = await s.auditLog.listEvents({ action: 'handoff.start', targetId: 'd3' }, 1, null);
      expect(event?.after).toMatchObject({ status: 'QUEUED', queuedAssigned: ['d2'] });
    });

    it('requeues an assignment not accepted in time to the next candidate in routing order; the agent who let it time out is not offered it again', async () => {
      const s = store();
      await directoryWith(s, { slow: 1, full: 1, next: 1, last: 1 });
      await s.directory.setAgentPresence('full', 'ONLINE', { chat: 1 }, AT, SYSTEM_ACTOR);
      await s.handoffs.startHandoff(request('d1', ['slow', 'full', 'next'], { qualified: ['last', 'next', 'full', 'slow'] }), BOT);
      expect(await timeout(s, 'd1', later(0.9))).toMatchObject({ step: null });
      const requeued = await timeout(s, 'd1', later(1));
      expect(requeued?.step).toMatchObject({ event: 'requeue', free: true, drain: false, requeueWithout: 'slow' });
      expect(requeued?.after).toMatchObject({ status: 'ASSIGNED', agentId: 'next', assignedAt: later(1), acceptedAt: null, requeues: 1, createdAt: AT });
      expect((await s.directory.getAgent('slow'))?.activeConversations).toEqual({});
      expect((await s.directory.getAgent('next'))?.activeConversations).toEqual({ chat: 1 });
      // Next times out too: full is still full, last is free (qualified after the ranked ones).
      expect((await timeout(s, 'd1', later(2)))?.after).toMatchObject({ status: 'ASSIGNED', agentId: 'last', requeues: 2 });
      // Last times out while everyone left is busy: it waits, first in line (it keeps its start time).
      await s.directory.setAgentPresence('next', 'AWAY', undefined, later(2), SYSTEM_ACTOR);
      await s.handoffs.startHandoff(request('d2', [], { qualified: ['full'], at: later(2.5) }), BOT);
      const waiting = await timeout(s, 'd1', later(3));
      expect(waiting?.after).toMatchObject({ status: 'QUEUED', agentId: null, assignedAt: later(2), position: 1, requeues: 3 });
      expect(await s.handoffs.getAssignment('d2')).toMatchObject({ position: 2 });
      // Freed capacity of a remaining candidate takes it; the slow agent coming back does not.
      await s.directory.setAgentPresence('slow', 'ONLINE', { chat: 0 }, later(4), SYSTEM_ACTOR);
      expect(await s.handoffs.getAssignment('d1')).toMatchObject({ status: 'QUEUED' });
      await s.directory.setAgentPresence('full', 'ONLINE', { chat: 0 }, later(5), SYSTEM_ACTOR);
      expect(await s.handoffs.getAssignment('d1')).toMatchObject({ status: 'ASSIGNED', agentId: 'full', assignedAt: later(5) });
      const requeues = await s.auditLog.listEvents({ action: 'handoff.requeue' }, 10, null);
      expect(requeues.map((e) => [e.actor.role, (e.before as { agentId: string }).agentId, (e.after as { agentId: string | null }).agentId])).toEqual([
        ['system', 'slow', 'next'],
        ['system', 'next', 'last'],
        ['system', 'last', null],
      ]);
    });

    it('expires an open handoff past its maximum age: capacity to the next queued handoff; queued ones expire too', async () => {
      const s = store();
      await directoryWith(s, { a1: 1 });
      await s.handoffs.startHandoff(request('old', ['a1']), BOT);
      await step(s, 'old', { kind: 'accept' }, later(1));
      await s.handoffs.startHandoff(request('waiting', ['a1'], { at: later(30) }), BOT);
      await s.handoffs.startHandoff(request('stale-queued', [], { at: later(5), qualified: [] }), BOT);
      const expired = await timeout(s, 'old', later(60));
      expect(expired?.after).toMatchObject({ status: 'EXPIRED', releasedAt: later(60) });
      expect(expired?.next).toMatchObject({ decisionId: 'waiting', status: 'ASSIGNED', agentId: 'a1' });
      expect((await timeout(s, 'stale-queued', later(65)))?.after).toMatchObject({ status: 'EXPIRED', agentId: null });
      expect((await s.directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect((await handoffEvents(s)).filter(([action]) => action === 'handoff.expire')).toEqual([
        ['handoff.expire', 'old'],
        ['handoff.expire', 'stale-queued'],
      ]);
    });

    it('lists the handoffs a timeout may be due for, oldest first, each kind only when asked', async () => {
      const s = store();
      await directoryWith(s, { a1: 2 });
      await s.handoffs.startHandoff(request('assigned-early', ['a1']), BOT);
      await s.handoffs.startHandoff(request('assigned-late', ['a1'], { at: later(10) }), BOT);
      await s.handoffs.startHandoff(request('queued', [], { at: later(2), qualified: [] }), BOT);
      await s.handoffs.startHandoff(request('ended', [], { at: later(1), qualified: [] }), BOT);
      await step(s, 'ended', { kind: 'abandon' }, later(3));
      const due = (query: { assignedBefore?: Date; startedBefore?: Date; limit?: number }) =>
        s.handoffs.dueForTimeout({ assignedBefore: query.assignedBefore ?? null, startedBefore: query.startedBefore ?? null, limit: query.limit ?? 10 });
      expect(await due({})).toEqual([]);
      expect(await due({ assignedBefore: later(5) })).toEqual(['assigned-early']);
      expect(await due({ assignedBefore: later(10) })).toEqual(['assigned-early', 'assigned-late']);
      expect(await due({ startedBefore: later(2) })).toEqual(['assigned-early', 'queued']);
      expect((await due({ startedBefore: later(2), assignedBefore: later(10) })).sort()).toEqual(['assigned-early', 'assigned-late', 'queued']);
      expect(await due({ startedBefore: later(20), limit: 1 })).toEqual(['assigned-early']);
      await step(s, 'assigned-early', { kind: 'accept' }, later(4));
      expect(await due({ assignedBefore: later(10) })).toEqual(['assigned-late']);
    });
  });
}
