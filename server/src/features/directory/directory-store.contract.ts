/**
 * Internal (tests only): the behaviour every `DirectoryStore` and `HandoffStore` adapter must
 * show. Called by `defineStoreContractTests`.
 */
import type { AgentProfile, Queue } from '@baton/schemas';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { BatonStore } from '../../store/baton-store';
import type { StartRequest } from '../handoffs/handoff-store';

const AT = new Date('2026-03-10T10:00:00Z');
const queue: Queue = { id: 'billing', name: 'Billing', requiredSkills: [{ skill: 'billing', minProficiency: 4 }], languages: ['en'], hours: null, priority: 5, fallbackQueueId: null, maxWaitSeconds: 300, averageHandleSeconds: 600 };
const profile = (id: string, chat = 1): AgentProfile => ({
  id, name: id, skills: [{ skill: 'billing', proficiency: 6 }], languages: ['en'], timeZone: 'UTC', workingHours: [], seniority: 'REGULAR',
  deescalationTrained: false, capacity: { chat }, accountIds: [],
});
const start = (decisionId: string, ranked: string[], qualified: string[] = ranked): StartRequest => ({
  decisionId, conversationId: `c-${decisionId}`, customerId: 'cus-1', queueId: 'billing', channel: 'chat', rank: 105, fallbackUsed: false, ranked, qualified, explanation: [], at: AT,
});

export function describeDirectoryStoreContract(store: () => BatonStore): void {
  describe('directory and handoff stores', () => {
    it('stores queues and agents; a new agent is offline and idle, a profile update keeps presence', async () => {
      const { directory } = store();
      expect(await directory.upsertQueue(queue, AT, SYSTEM_ACTOR)).toEqual(queue);
      expect(await directory.getQueue('billing')).toEqual(queue);
      const created = await directory.upsertAgent(profile('a1', 2), AT, SYSTEM_ACTOR);
      expect(created).toMatchObject({ status: 'OFFLINE', activeConversations: {}, lastAssignedAt: null, capacity: { chat: 2 } });
      await directory.setAgentPresence('a1', 'ONLINE', { chat: 1 }, AT, SYSTEM_ACTOR);
      const updated = await directory.upsertAgent({ ...profile('a1', 3), name: 'Renamed' }, AT, SYSTEM_ACTOR);
      expect(updated).toMatchObject({ name: 'Renamed', status: 'ONLINE', activeConversations: { chat: 1 }, capacity: { chat: 3 } });
      expect(await directory.setAgentPresence('nobody', 'ONLINE', undefined, AT, SYSTEM_ACTOR)).toBeNull();
      const snapshot = await directory.snapshot();
      expect(snapshot.queues.map((q) => q.id)).toEqual(['billing']);
      expect(snapshot.agents.map((a) => a.id)).toEqual(['a1']);
    });

    it('never reserves beyond capacity, queues the rest, and a release lets the next in', async () => {
      const { directory, handoffs } = store();
      await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
      await directory.upsertAgent(profile('a1', 1), AT, SYSTEM_ACTOR);
      await directory.setAgentPresence('a1', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
      const first = await handoffs.startHandoff(start('d1', ['a1']), SYSTEM_ACTOR);
      const second = await handoffs.startHandoff(start('d2', ['a1']), SYSTEM_ACTOR);
      expect(first.assignment).toMatchObject({ status: 'ASSIGNED', agentId: 'a1' });
      expect(second.assignment).toMatchObject({ status: 'QUEUED', agentId: null, position: 1 });
      expect((await handoffs.startHandoff(start('d1', ['a1']), SYSTEM_ACTOR)).created).toBe(false);
      expect((await directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect(await directory.removeAgent('a1', AT, SYSTEM_ACTOR)).toEqual({ status: 'busy', assigned: 1 });
      const released = await handoffs.releaseAssignment('d1', AT, SYSTEM_ACTOR);
      expect(released?.released.status).toBe('RELEASED');
      expect(released?.next).toMatchObject({ decisionId: 'd2', status: 'ASSIGNED', agentId: 'a1' });
      expect((await directory.getAgent('a1'))?.activeConversations).toEqual({ chat: 1 });
      expect(await handoffs.releaseAssignment('unknown', AT, SYSTEM_ACTOR)).toBeNull();
    });

    it('lets an agent coming online take the queued handoffs it qualifies for', async () => {
      const { directory, handoffs } = store();
      await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
      await directory.upsertAgent(profile('a1', 2), AT, SYSTEM_ACTOR);
      await handoffs.startHandoff(start('d1', ['a1']), SYSTEM_ACTOR);
      await handoffs.startHandoff(start('d2', [], []), SYSTEM_ACTOR);
      const change = await directory.setAgentPresence('a1', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
      expect(change?.assigned).toEqual(['d1']);
      expect((await handoffs.getAssignment('d2'))?.status).toBe('QUEUED');
      expect((await directory.snapshot()).lastAgentByCustomer).toEqual({ 'cus-1': 'a1' });
    });
  });
}
