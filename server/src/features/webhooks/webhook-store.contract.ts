/**
 * Internal (tests only): the behaviour every webhook store adapter must show — endpoints stored
 * whole with their audit events; the outbox appended in a handoff's own transaction, one
 * delivery per enabled subscribed endpoint; claims as leases (one dispatcher at a time, taken
 * again once the lease has passed, a settle under a lost lease refused); a payload stored once;
 * the delivery log newest first, filtered and paged; a deleted endpoint's owed deliveries dead.
 * Called by `defineStoreContractTests`.
 */
import type { BatonStore } from '../../store/baton-store';
import { SYSTEM_ACTOR } from '../audit/audit-event';
import type { StartRequest } from '../handoffs/handoff-store';
import { planCreate, planDelete, planUpdate } from './webhook-endpoint-rules';
import type { AttemptUpdate } from './webhook-store';

const T0 = new Date('2026-05-04T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const start = (decisionId: string, seconds: number): StartRequest => ({
  decisionId,
  conversationId: `conv-${decisionId}`,
  customerId: `cus-${decisionId}`,
  queueId: 'billing',
  channel: 'chat',
  rank: 100,
  fallbackUsed: false,
  ranked: [],
  qualified: [],
  explanation: [],
  at: at(seconds),
});

/** The stores the webhooks contract reads and writes. */
type WebhookContractStores = Pick<BatonStore, 'webhooks' | 'handoffs' | 'directory' | 'auditLog'>;

const delivered = (attempts: number, when: Date): AttemptUpdate => ({
  status: 'DELIVERED',
  attempts,
  nextAttemptAt: null,
  lastAttemptAt: when,
  lastStatusCode: 200,
  lastError: null,
  lastDurationMs: 12,
  deliveredAt: when,
});

export function describeWebhookStoreContract(store: () => WebhookContractStores): void {
  const create = async (eventTypes: string[], enabled = true) => {
    const plan = planCreate({ url: 'https://desk.example.com/hook', eventTypes, enabled }, SYSTEM_ACTOR, T0);
    return (await store().webhooks.changeEndpoint(plan.result.endpoint.id, () => plan)).endpoint;
  };

  describe('webhooks', () => {
    beforeEach(async () => {
      await store().directory.upsertQueue(
        {
          id: 'billing',
          name: 'Billing',
          requiredSkills: [],
          languages: ['en'],
          hours: null,
          priority: 5,
          fallbackQueueId: null,
          maxWaitSeconds: 300,
          averageHandleSeconds: 600,
        },
        T0,
        SYSTEM_ACTOR,
      );
    });

    it('stores an endpoint whole with its audit event; an update replaces it; a delete removes it', async () => {
      const endpoint = await create(['handoff.started', 'handoff.resolved']);
      expect(await store().webhooks.getEndpoint(endpoint.id)).toEqual(endpoint);
      const updated = await store().webhooks.changeEndpoint(endpoint.id, (current) =>
        planUpdate(endpoint.id, current, { enabled: false }, SYSTEM_ACTOR, at(5)),
      );
      expect(await store().webhooks.listEndpoints()).toEqual([updated]);
      await store().webhooks.changeEndpoint(endpoint.id, (current) => planDelete(endpoint.id, current, SYSTEM_ACTOR, at(9)));
      expect(await store().webhooks.getEndpoint(endpoint.id)).toBeNull();
      const actions = (await store().auditLog.listEvents({ action: 'webhook.' }, 10, null)).map((e) => e.action);
      expect(actions.sort()).toEqual(['webhook.endpoint.create', 'webhook.endpoint.delete', 'webhook.endpoint.update']);
    });

    it('appends a handoff change’s events in its transaction: one delivery per enabled subscribed endpoint, due at once', async () => {
      // No endpoint yet: nothing is written (d0 waits ahead of d1 in the queue).
      await store().handoffs.startHandoff(start('d0', 0), SYSTEM_ACTOR);
      expect(await store().webhooks.queryDeliveries({}, 10, null)).toEqual([]);
      const started = await create(['handoff.started']);
      const queued = await create(['handoff.queued', 'handoff.started']);
      await create(['handoff.started'], false);
      await create(['handoff.resolved']);
      await store().handoffs.startHandoff(start('d1', 10), SYSTEM_ACTOR);
      const rows = await store().webhooks.queryDeliveries({ decisionId: 'd1' }, 10, null);
      const name = (endpointId: string) => (endpointId === started.id ? 'started' : endpointId === queued.id ? 'queued' : endpointId);
      expect(rows.map((d) => `${name(d.endpointId)} ${d.eventType}`).sort()).toEqual([
        'queued handoff.queued',
        'queued handoff.started',
        'started handoff.started',
      ]);
      for (const row of rows)
        expect(row).toMatchObject({ status: 'PENDING', attempts: 0, nextAttemptAt: at(10), createdAt: at(10), payload: null, redeliveryOf: null });
      const startedEvents = rows.filter((d) => d.eventType === 'handoff.started');
      expect(startedEvents[0]?.eventId).toBe(startedEvents[1]?.eventId);
      const event = await store().webhooks.getEvent(startedEvents[0]?.eventId as string);
      expect(event).toMatchObject({ type: 'handoff.started', decisionId: 'd1', occurredAt: at(10), payload: null });
      expect(event?.data).toMatchObject({ previousStatus: null, handoff: { decisionId: 'd1', status: 'QUEUED', position: 2 } });
    });

    it('claims due deliveries as leases: taken once, taken again after the lease, settled only under the current lease', async () => {
      await create(['handoff.started']);
      await store().handoffs.startHandoff(start('d1', 0), SYSTEM_ACTOR);
      await store().handoffs.startHandoff(start('d2', 5), SYSTEM_ACTOR);
      expect(await store().webhooks.claimDue(at(-1), at(30), 10)).toEqual([]);
      const [first] = await store().webhooks.claimDue(at(1), at(31), 10);
      expect(first).toMatchObject({ decisionId: 'd1', nextAttemptAt: at(31) });
      expect(await store().webhooks.claimDue(at(2), at(32), 10)).toEqual([]);
      // The lease passed (the dispatcher died): another claim takes it, and the first lease is lost.
      const again = await store().webhooks.claimDue(at(40), at(70), 10);
      expect(again.map((d) => d.decisionId)).toEqual(['d2', 'd1']);
      expect(await store().webhooks.settle(first?.id as string, at(31), delivered(1, at(35)))).toBe(false);
      expect(await store().webhooks.settle(first?.id as string, at(70), delivered(1, at(41)))).toBe(true);
      expect(await store().webhooks.getDelivery(first?.id as string)).toMatchObject({
        status: 'DELIVERED',
        attempts: 1,
        lastStatusCode: 200,
        deliveredAt: at(41),
        nextAttemptAt: null,
      });
      expect((await store().webhooks.claimDue(at(100), at(130), 10)).map((d) => d.decisionId)).toEqual(['d2']);
    });

    it('stores an event’s payload once, and the log shows it', async () => {
      await create(['handoff.started']);
      await store().handoffs.startHandoff(start('d1', 0), SYSTEM_ACTOR);
      const [row] = await store().webhooks.queryDeliveries({}, 10, null);
      expect(await store().webhooks.savePayload(row?.eventId as string, '{"type":"handoff.started","n":1}')).toBe('{"type":"handoff.started","n":1}');
      expect(await store().webhooks.savePayload(row?.eventId as string, '{"type":"handoff.started","n":2}')).toBe('{"type":"handoff.started","n":1}');
      expect((await store().webhooks.getDelivery(row?.id as string))?.payload).toEqual({ type: 'handoff.started', n: 1 });
    });

    it('pages the delivery log newest first with filters; a deleted endpoint’s owed deliveries are dead', async () => {
      const endpoint = await create(['handoff.started', 'handoff.queued']);
      for (let i = 1; i <= 3; i++) await store().handoffs.startHandoff(start(`d${i}`, i), SYSTEM_ACTOR);
      const page = await store().webhooks.queryDeliveries({ eventType: 'handoff.started' }, 2, null);
      expect(page.map((d) => d.decisionId)).toEqual(['d3', 'd2', 'd1']);
      const rest = await store().webhooks.queryDeliveries({ eventType: 'handoff.started' }, 2, {
        createdAt: page[1]?.createdAt as Date,
        id: page[1]?.id as string,
      });
      expect(rest.map((d) => d.decisionId)).toEqual(['d1']);
      expect(await store().webhooks.queryDeliveries({ status: 'DELIVERED' }, 10, null)).toEqual([]);
      await store().webhooks.changeEndpoint(endpoint.id, (current) => planDelete(endpoint.id, current, SYSTEM_ACTOR, at(9)));
      const after = await store().webhooks.queryDeliveries({ endpointId: endpoint.id }, 10, null);
      expect(after).toHaveLength(6);
      for (const row of after) expect(row).toMatchObject({ status: 'DEAD', lastError: 'endpoint deleted', nextAttemptAt: null });
      expect(await store().webhooks.claimDue(at(100), at(130), 10)).toEqual([]);
    });
  });
}
