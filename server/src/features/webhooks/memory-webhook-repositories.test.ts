/**
 * The webhooks' memory repositories beyond the shared contract: a disabled endpoint's deliveries
 * wait unclaimed, a deleted endpoint kills only what it is still owed, and a delivery id is
 * unique.
 */
import { openMemoryStore } from '../../store/memory/open-memory-store';
import { DuplicateKeyError } from '../../store/unit-of-work';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { StartRequest } from '../handoffs/handoff-store';
import type { WebhookEndpointRecord } from './webhook-store';

const T0 = new Date('2026-10-20T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const start = (decisionId: string, seconds: number): StartRequest => ({
  decisionId,
  conversationId: `conv-${decisionId}`,
  customerId: 'cus-7',
  queueId: 'orders',
  channel: 'chat',
  rank: 110,
  fallbackUsed: false,
  ranked: [],
  qualified: [],
  explanation: [],
  at: at(seconds),
});

const endpoint = (id: string, enabled: boolean): WebhookEndpointRecord => ({
  id,
  url: `https://ops.example.net/${id}`,
  description: '',
  eventTypes: ['handoff.started'],
  enabled,
  secrets: [],
  createdAt: T0,
  updatedAt: T0,
});

/** A store with queue `orders` and endpoints `on` and `off` (both enabled while `d1` starts, then `off` disabled). */
async function setup() {
  const store = openMemoryStore();
  await store.directory.upsertQueue(
    {
      id: 'orders',
      name: 'Orders',
      requiredSkills: [],
      languages: [],
      hours: null,
      priority: 2,
      fallbackQueueId: null,
      maxWaitSeconds: 900,
      averageHandleSeconds: 300,
    },
    T0,
    SYSTEM_ACTOR,
  );
  const save = (record: WebhookEndpointRecord) => store.uow.transaction((tx) => tx.webhookEndpoints.save(record));
  await save(endpoint('on', true));
  await save(endpoint('off', true));
  await store.handoffs.startHandoff(start('d1', 0), SYSTEM_ACTOR);
  await save({ ...endpoint('off', false), updatedAt: at(1) });
  return { store };
}

describe('memory webhook repositories', () => {
  it('claims only the deliveries of enabled endpoints', async () => {
    const { store } = await setup();
    expect(await store.webhooks.queryDeliveries({}, 10, null)).toHaveLength(2);
    expect((await store.webhooks.claimDue(at(5), at(35), 10)).map((d) => d.endpointId)).toEqual(['on']);
  });

  it('kills only the owed deliveries of a deleted endpoint: a delivered one stays as it was', async () => {
    const { store } = await setup();
    const [claimed] = await store.webhooks.claimDue(at(5), at(35), 10);
    const settled = { attempts: 1, nextAttemptAt: null, lastAttemptAt: at(6), lastStatusCode: 204, lastError: null, lastDurationMs: 30, deliveredAt: at(6) };
    expect(await store.webhooks.settle(claimed?.id as string, at(35), { status: 'DELIVERED', ...settled })).toBe(true);
    await store.handoffs.startHandoff(start('d2', 10), SYSTEM_ACTOR);
    await store.uow.transaction((tx) => tx.webhookEndpoints.remove('on', 'gone'));
    const rows = await store.webhooks.queryDeliveries({ endpointId: 'on' }, 10, null);
    expect(rows.map((d) => [d.decisionId, d.status, d.lastError])).toEqual([
      ['d2', 'DEAD', 'gone'],
      ['d1', 'DELIVERED', null],
    ]);
  });

  it('refuses a second delivery of one id', async () => {
    const { store } = await setup();
    const [row] = await store.webhooks.queryDeliveries({ endpointId: 'on' }, 10, null);
    const { payload: _, ...delivery } = row as NonNullable<typeof row>;
    const insert = store.uow.transaction((tx) => tx.webhookDeliveries.insert({ ...delivery, redeliveryOf: delivery.id }));
    await expect(insert).rejects.toEqual(new DuplicateKeyError('webhook delivery', 'id'));
  });
});
