/**
 * The handoffs' memory repositories beyond the shared contract, which never reaches them through
 * the services (memory units run one at a time): the port's two unique keys, writes conditional
 * on status and agent, candidates kept in routing order, and the webhooks outbox written only
 * with its change.
 */
import type { AgentProfile } from '@baton/schemas';
import { openMemoryStore } from '../../store/memory/open-memory-store';
import { DuplicateKeyError, StaleWriteError } from '../../store/unit-of-work';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { StartRequest, StoredHandoff } from './handoff-store';

const AT = new Date('2026-09-03T14:00:00Z');
const LATER = new Date('2026-09-03T14:05:00Z');

const profile = (id: string): AgentProfile => ({
  id,
  name: id,
  skills: [],
  languages: ['nl'],
  timeZone: 'Europe/Amsterdam',
  workingHours: [],
  seniority: 'JUNIOR',
  deescalationTrained: false,
  capacity: { email: 1 },
  accountIds: [],
});

const start = (decisionId: string, qualified: string[]): StartRequest => ({
  decisionId,
  conversationId: `conv-${decisionId}`,
  customerId: `cus-${decisionId}`,
  queueId: 'refunds',
  channel: 'email',
  rank: 120,
  fallbackUsed: false,
  ranked: [],
  qualified,
  explanation: ['refund over the limit'],
  at: AT,
});

/** A store with queue `refunds`, agents `sem` and `lotte` (away), and a webhook endpoint taking every start. */
async function setup() {
  const store = openMemoryStore();
  await store.directory.upsertQueue(
    {
      id: 'refunds',
      name: 'Refunds',
      requiredSkills: [],
      languages: [],
      hours: null,
      priority: 6,
      fallbackQueueId: null,
      maxWaitSeconds: 600,
      averageHandleSeconds: 900,
    },
    AT,
    SYSTEM_ACTOR,
  );
  for (const id of ['sem', 'lotte']) await store.directory.upsertAgent(profile(id), AT, SYSTEM_ACTOR);
  const endpoint = { id: 'wh-1', url: 'https://crm.example.org/baton', description: '', eventTypes: ['handoff.started'], enabled: true, secrets: [] };
  await store.uow.transaction((tx) => tx.webhookEndpoints.save({ ...endpoint, createdAt: AT, updatedAt: AT }));
  const deliveries = async () => (await store.webhooks.queryDeliveries({}, 50, null)).map((d) => [d.eventType, d.decisionId]);
  return { store, deliveries };
}

describe('memory handoff repositories', () => {
  it('refuses a second handoff of a decision, and a second open one of a conversation, writing nothing of the unit', async () => {
    const { store, deliveries } = await setup();
    const { assignment } = await store.handoffs.startHandoff(start('d1', ['sem']), SYSTEM_ACTOR);
    const { position: _, ...stored } = assignment;
    const insert = (handoff: StoredHandoff) =>
      store.uow.transaction(async (tx) => {
        await tx.handoffOutbox.append({ kind: 'start', after: { ...handoff, position: 1 }, at: AT });
        await tx.handoffs.insert(handoff, []);
      });
    await expect(insert(stored)).rejects.toEqual(new DuplicateKeyError("Handoff 'd1'", 'decisionId'));
    await expect(insert({ ...stored, decisionId: 'd2' })).rejects.toMatchObject({ name: 'DuplicateKeyError', key: 'openConversation' });
    expect(await store.handoffs.getAssignment('d2')).toBeNull();
    expect(await deliveries()).toEqual([['handoff.started', 'd1']]);
    // An ended handoff holds no key: it may sit beside its conversation's open one.
    await insert({ ...stored, decisionId: 'd0', status: 'RELEASED', releasedAt: AT });
    expect(await store.handoffs.findByConversation('conv-d1')).toMatchObject({ decisionId: 'd1', status: 'QUEUED' });
  });

  it('refuses an update of a handoff whose status moved after the read', async () => {
    const { store } = await setup();
    await store.handoffs.startHandoff(start('d1', ['sem']), SYSTEM_ACTOR);
    const write = store.uow.transaction(async (tx) => {
      const read = (await tx.handoffs.find('d1')) as StoredHandoff;
      // Another writer releases it between the read and the write.
      const handoffs = store.uow.committed().handoffs;
      handoffs.set('d1', { ...read, status: 'RELEASED', releasedAt: AT });
      await tx.handoffs.update({ ...read, status: 'ASSIGNED', agentId: 'sem', assignedAt: LATER }, read);
    });
    await expect(write).rejects.toBeInstanceOf(StaleWriteError);
    expect(await store.handoffs.getAssignment('d1')).toMatchObject({ status: 'RELEASED', agentId: null });
  });

  it('keeps candidates in routing order, each once, and withdraws an agent from every handoff', async () => {
    const { store } = await setup();
    await store.handoffs.startHandoff(start('d1', ['lotte', 'sem', 'lotte']), SYSTEM_ACTOR);
    await store.handoffs.startHandoff(start('d2', ['sem']), SYSTEM_ACTOR);
    const candidates = () => store.uow.transaction(async (tx) => [await tx.handoffs.candidatesOf('d1'), await tx.handoffs.candidatesOf('d2')]);
    expect(await candidates()).toEqual([['lotte', 'sem'], ['sem']]);
    expect(await store.directory.removeAgent('sem', LATER, SYSTEM_ACTOR)).toMatchObject({ status: 'removed' });
    expect(await candidates()).toEqual([['lotte'], []]);
    const online = await store.directory.setAgentPresence('lotte', 'ONLINE', undefined, LATER, SYSTEM_ACTOR);
    expect(online?.assigned).toEqual(['d1']);
  });
});
