/**
 * Internal (tests only): the behaviour every `DirectoryStore` adapter must show, including
 * what presence and profile changes do to queued handoffs (the handoff store's own contract is
 * `handoff-store.contract.ts`). Called by `defineStoreContractTests`.
 */
import type { AgentProfile, Queue } from '@baton/schemas';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { BatonStore } from '../../store/baton-store';
import { planCommand } from '../handoffs/handoff-lifecycle';
import type { StartRequest } from '../handoffs/handoff-store';

const AT = new Date('2026-03-10T10:00:00Z');
const LATER = new Date('2026-03-10T11:00:00Z');
const queue: Queue = {
  id: 'billing',
  name: 'Billing',
  requiredSkills: [{ skill: 'billing', minProficiency: 4 }],
  languages: ['en'],
  hours: null,
  priority: 5,
  fallbackQueueId: null,
  maxWaitSeconds: 300,
  averageHandleSeconds: 600,
};
const profile = (id: string, chat = 1): AgentProfile => ({
  id,
  name: id,
  skills: [{ skill: 'billing', proficiency: 6 }],
  languages: ['en'],
  timeZone: 'UTC',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { chat },
  accountIds: [],
});
/** The stores the directory contract reads and writes. */
type DirectoryContractStores = Pick<BatonStore, 'directory' | 'handoffs' | 'auditLog'>;

const start = (decisionId: string, ranked: string[], qualified: string[] = ranked): StartRequest => ({
  decisionId,
  conversationId: `c-${decisionId}`,
  customerId: 'cus-1',
  queueId: 'billing',
  channel: 'chat',
  rank: 105,
  fallbackUsed: false,
  ranked,
  qualified,
  explanation: [],
  at: AT,
});

export function describeDirectoryStoreContract(store: () => DirectoryContractStores): void {
  describe('directory store', () => {
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

    it('writes nothing for an unchanged queue or profile, and audits each change with what it was before', async () => {
      const { directory, auditLog } = store();
      await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
      expect(await directory.upsertQueue({ ...queue }, LATER, SYSTEM_ACTOR)).toEqual(queue);
      const renamed = {
        ...queue,
        name: 'Billing EU',
        hours: { timeZone: 'Europe/Berlin', weekly: [{ day: 'MON' as const, open: '09:00', close: '17:00' }], holidays: [] },
      };
      expect(await directory.upsertQueue(renamed, LATER, SYSTEM_ACTOR)).toEqual(renamed);
      expect(await directory.getQueue('billing')).toEqual(renamed);
      await directory.upsertAgent(profile('a1'), AT, SYSTEM_ACTOR);
      expect(await directory.upsertAgent(profile('a1'), LATER, SYSTEM_ACTOR)).toMatchObject({ id: 'a1', status: 'OFFLINE' });
      const events = await auditLog.listEvents({ action: 'directory.' }, 10, null);
      expect(events.map((e) => [e.action, e.targetId])).toEqual([
        ['directory.queue.upsert', 'billing'],
        ['directory.queue.upsert', 'billing'],
        ['directory.agent.upsert', 'a1'],
      ]);
      expect(events[1]).toMatchObject({ before: { name: 'Billing' }, after: { name: 'Billing EU' } });
      expect(events[2]?.after).toMatchObject({ id: 'a1', accounts: 0 });
      expect(await directory.getQueue('missing')).toBeNull();
      expect(await directory.getAgent('missing')).toBeNull();
    });

    it('lists queues and agents by id', async () => {
      const { directory } = store();
      for (const id of ['zeta', 'alpha', 'mid']) {
        await directory.upsertQueue({ ...queue, id }, AT, SYSTEM_ACTOR);
        await directory.upsertAgent(profile(id), AT, SYSTEM_ACTOR);
      }
      expect((await directory.listQueues()).map((q) => q.id)).toEqual(['alpha', 'mid', 'zeta']);
      expect((await directory.listAgents()).map((a) => a.id)).toEqual(['alpha', 'mid', 'zeta']);
    });

    it('removes an agent only without assigned or accepted handoffs, and queued handoffs stop waiting for it', async () => {
      const { directory, handoffs, auditLog } = store();
      await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
      await directory.upsertAgent(profile('a1', 1), AT, SYSTEM_ACTOR);
      await directory.upsertAgent(profile('a2', 1), AT, SYSTEM_ACTOR);
      await directory.setAgentPresence('a1', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
      await handoffs.startHandoff(start('d1', ['a1']), SYSTEM_ACTOR);
      await handoffs.startHandoff(start('d2', ['a2']), SYSTEM_ACTOR);
      expect(await directory.removeAgent('a1', AT, SYSTEM_ACTOR)).toEqual({ status: 'busy', assigned: 1 });
      // An accepted handoff holds the agent too.
      await handoffs.transition('d1', (current) => planCommand(current, { kind: 'accept' }, AT), SYSTEM_ACTOR);
      expect(await directory.removeAgent('a1', AT, SYSTEM_ACTOR)).toEqual({ status: 'busy', assigned: 1 });
      expect(await directory.removeAgent('nobody', AT, SYSTEM_ACTOR)).toEqual({ status: 'not-found' });
      const removed = await directory.removeAgent('a2', LATER, SYSTEM_ACTOR);
      expect(removed).toEqual({ status: 'removed', agent: expect.objectContaining({ id: 'a2', capacity: { chat: 1 } }) });
      expect(await directory.getAgent('a2')).toBeNull();
      // The same id again is a new agent: the handoff that waited for the old one stays queued.
      await directory.upsertAgent(profile('a2', 1), LATER, SYSTEM_ACTOR);
      expect((await directory.setAgentPresence('a2', 'ONLINE', undefined, LATER, SYSTEM_ACTOR))?.assigned).toEqual([]);
      expect((await handoffs.getAssignment('d2'))?.status).toBe('QUEUED');
      const removals = await auditLog.listEvents({ action: 'directory.agent.remove' }, 10, null);
      expect(removals.map((e) => [e.targetId, e.before])).toEqual([['a2', expect.objectContaining({ id: 'a2', accounts: 0 })]]);
    });

    it('sets status and load; an unchanged presence writes nothing; only an online agent takes queued handoffs, up to its capacity', async () => {
      const { directory, handoffs, auditLog } = store();
      await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
      await directory.upsertAgent({ ...profile('a1'), capacity: { chat: 2, email: 3 } }, AT, SYSTEM_ACTOR);
      for (const id of ['d1', 'd2', 'd3']) await handoffs.startHandoff(start(id, ['a1']), SYSTEM_ACTOR);
      const away = await directory.setAgentPresence('a1', 'AWAY', { chat: 1, email: 2 }, AT, SYSTEM_ACTOR);
      expect(away).toEqual({ agent: expect.objectContaining({ status: 'AWAY', activeConversations: { chat: 1, email: 2 } }), assigned: [] });
      // Counts given replace all of them: a channel left out is back to 0.
      const emailDone = await directory.setAgentPresence('a1', 'AWAY', { chat: 1 }, AT, SYSTEM_ACTOR);
      expect(emailDone?.agent.activeConversations).toEqual({ chat: 1 });
      expect(await directory.setAgentPresence('a1', 'AWAY', { chat: 1, voice: 0 }, AT, SYSTEM_ACTOR)).toEqual({ agent: emailDone?.agent, assigned: [] });
      const online = await directory.setAgentPresence('a1', 'ONLINE', undefined, LATER, SYSTEM_ACTOR);
      expect(online?.assigned).toEqual(['d1']);
      expect(online?.agent).toMatchObject({ status: 'ONLINE', activeConversations: { chat: 2 }, lastAssignedAt: LATER });
      expect((await handoffs.getAssignment('d2'))?.position).toBe(1);
      const presence = await auditLog.listEvents({ action: 'directory.agent.presence' }, 10, null);
      expect(presence.map((e) => e.after)).toEqual([
        { status: 'AWAY', activeConversations: { chat: 1, email: 2 }, assigned: [] },
        { status: 'AWAY', activeConversations: { chat: 1 }, assigned: [] },
        { status: 'ONLINE', activeConversations: { chat: 1 }, assigned: ['d1'] },
      ]);
    });

    it('lets a raised capacity take queued handoffs at once', async () => {
      const { directory, handoffs } = store();
      await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
      await directory.upsertAgent(profile('a1', 1), AT, SYSTEM_ACTOR);
      await directory.setAgentPresence('a1', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
      for (const id of ['d1', 'd2', 'd3']) await handoffs.startHandoff(start(id, ['a1']), SYSTEM_ACTOR);
      const raised = await directory.upsertAgent(profile('a1', 2), LATER, SYSTEM_ACTOR);
      expect(raised.activeConversations).toEqual({ chat: 2 });
      expect((await handoffs.getAssignment('d2'))?.status).toBe('ASSIGNED');
      expect((await handoffs.getAssignment('d3'))?.position).toBe(1);
    });

    it('snapshots waiting handoffs per queue and the agent each customer last had', async () => {
      const { directory, handoffs } = store();
      await directory.upsertQueue(queue, AT, SYSTEM_ACTOR);
      await directory.upsertQueue({ ...queue, id: 'general' }, AT, SYSTEM_ACTOR);
      await directory.upsertAgent(profile('a1', 1), AT, SYSTEM_ACTOR);
      await directory.upsertAgent(profile('a2', 1), AT, SYSTEM_ACTOR);
      await directory.setAgentPresence('a1', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
      await directory.setAgentPresence('a2', 'ONLINE', undefined, AT, SYSTEM_ACTOR);
      await handoffs.startHandoff(start('d1', ['a1']), SYSTEM_ACTOR);
      await handoffs.transition('d1', (current) => planCommand(current, { kind: 'release' }, LATER), SYSTEM_ACTOR);
      await handoffs.startHandoff({ ...start('d2', ['a2']), at: LATER }, SYSTEM_ACTOR);
      await handoffs.startHandoff({ ...start('d3', ['a1']), customerId: 'cus-2' }, SYSTEM_ACTOR);
      await handoffs.startHandoff({ ...start('d4', ['a2']), customerId: 'cus-3', queueId: 'general' }, SYSTEM_ACTOR);
      await handoffs.startHandoff({ ...start('d5', ['a2']), customerId: 'cus-3' }, SYSTEM_ACTOR);
      const snapshot = await directory.snapshot();
      expect(snapshot.waitingByQueue).toEqual({ billing: 1, general: 1 });
      expect([await directory.lastAgentOf('cus-1'), await directory.lastAgentOf('cus-2'), await directory.lastAgentOf('cus-3')]).toEqual(['a2', 'a1', null]);
      expect(snapshot.agents.map((a) => [a.id, a.activeConversations])).toEqual([
        ['a1', { chat: 1 }],
        ['a2', { chat: 1 }],
      ]);
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
      expect(await directory.lastAgentOf('cus-1')).toBe('a1');
    });
  });
}
