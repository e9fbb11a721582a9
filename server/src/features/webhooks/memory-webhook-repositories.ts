/**
 * The webhooks feature in memory, for unit tests of its services: endpoints, the outbox (events
 * and their deliveries) the handoff changes append to, and the dispatcher's claim-and-settle,
 * with the same keys, leases and orderings as `sqlite-webhook-repositories.ts` and
 * `sqlite-webhook-outbox.ts`, over plain maps.
 */
import { byCodeUnit, insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import type { HandoffChange } from '../handoffs/handoff-store';
import { plannedOutbox } from './webhook-transitions';
import {
  OWED_STATUSES,
  type WebhookAccess,
  type WebhookDeliveryRecord,
  type WebhookDeliveryRepository,
  type WebhookDeliveryView,
  type WebhookEndpointRecord,
  type WebhookEndpointRepository,
  type WebhookEventRecord,
} from './webhook-store';

/** Endpoints, the outbox's events, and deliveries, each by id. */
export type WebhookTables = {
  webhookEndpoints: Map<string, WebhookEndpointRecord>;
  webhookEvents: Map<string, WebhookEventRecord>;
  webhookDeliveries: Map<string, WebhookDeliveryRecord>;
};

/** Empty tables. */
export function emptyWebhookTables(): WebhookTables {
  return { webhookEndpoints: new Map(), webhookEvents: new Map(), webhookDeliveries: new Map() };
}

/** Appends a handoff change's events to `next`, the tables the change's commit writes. */
export type MemoryHandoffOutbox = (next: WebhookTables, change: HandoffChange) => void;

/** The outbox: each event once, with one PENDING delivery (due at once) per enabled endpoint subscribed to it; nothing for an event nobody takes. */
export const memoryWebhookOutbox: MemoryHandoffOutbox = (next, change) => {
  const endpoints = [...next.webhookEndpoints.values()].filter((e) => e.enabled);
  for (const { event, deliveries } of plannedOutbox(change, endpoints)) {
    next.webhookEvents.set(event.id, event);
    for (const delivery of deliveries) next.webhookDeliveries.set(delivery.id, delivery);
  }
};

const copy = <T>(value: T | undefined): T | null => (value === undefined ? null : structuredClone(value));
/** Owed: an attempt is still to come. */
const owed = (d: WebhookDeliveryRecord) => OWED_STATUSES.includes(d.status);

/** The repositories of one unit of work: reads from `committed`, writes through `queue`. */
export function memoryWebhookRepositories(
  committed: WebhookTables,
  queue: QueueMemoryWrite<WebhookTables>,
): { webhookEndpoints: WebhookEndpointRepository; webhookDeliveries: WebhookDeliveryRepository } {
  return {
    webhookEndpoints: {
      get: async (id) => copy(committed.webhookEndpoints.get(id)),
      save: async (record) =>
        queue((next) => {
          // An upsert: a replaced endpoint keeps its creation time.
          const createdAt = next.webhookEndpoints.get(record.id)?.createdAt ?? record.createdAt;
          next.webhookEndpoints.set(record.id, { ...structuredClone(record), createdAt });
        }),
      remove: async (id, reason) =>
        queue((next) => {
          for (const d of next.webhookDeliveries.values()) {
            if (d.endpointId === id && owed(d)) next.webhookDeliveries.set(d.id, { ...d, status: 'DEAD', nextAttemptAt: null, lastError: reason });
          }
          next.webhookEndpoints.delete(id);
        }),
    },
    webhookDeliveries: {
      get: async (id) => copy(committed.webhookDeliveries.get(id)),
      insert: async (record) => queue((next) => insertUnique(next.webhookDeliveries, record.id, structuredClone(record), 'webhook delivery')),
    },
  };
}

/** The reads over `tables()`, the committed tables; claims, settles and payloads write them directly, outside any unit, as in every adapter. */
export function memoryWebhookAccess(tables: () => WebhookTables): WebhookAccess {
  const view = (d: WebhookDeliveryRecord): WebhookDeliveryView => {
    const payload = tables().webhookEvents.get(d.eventId)?.payload;
    return { ...structuredClone(d), payload: payload ? (JSON.parse(payload) as unknown) : null };
  };
  const deliveries = () => [...tables().webhookDeliveries.values()];
  return {
    listEndpoints: async () =>
      [...tables().webhookEndpoints.values()]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byCodeUnit(a.id, b.id))
        .map((e) => structuredClone(e)),
    getEndpoint: async (id) => copy(tables().webhookEndpoints.get(id)),
    getDelivery: async (id) => {
      const delivery = tables().webhookDeliveries.get(id);
      return delivery ? view(delivery) : null;
    },
    queryDeliveries: async ({ endpointId, status, eventType, decisionId }, first, after) =>
      deliveries()
        .filter(
          (d) =>
            (endpointId == null || d.endpointId === endpointId) &&
            (status == null || d.status === status) &&
            (eventType == null || d.eventType === eventType) &&
            (decisionId == null || d.decisionId === decisionId) &&
            (after === null || d.createdAt < after.createdAt || (d.createdAt.getTime() === after.createdAt.getTime() && byCodeUnit(d.id, after.id) < 0)),
        )
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byCodeUnit(b.id, a.id))
        .slice(0, first + 1)
        .map(view),
    getEvent: async (id) => copy(tables().webhookEvents.get(id)),
    savePayload: async (eventId, payload) => {
      const event = tables().webhookEvents.get(eventId);
      if (!event) throw new Error(`Webhook event '${eventId}' does not exist.`);
      if (event.payload !== null) return event.payload;
      tables().webhookEvents.set(eventId, { ...event, payload });
      return payload;
    },
    claimDue: async (now, leaseUntil, limit) => {
      const enabled = (d: WebhookDeliveryRecord) => tables().webhookEndpoints.get(d.endpointId)?.enabled === true;
      const due = deliveries()
        .filter((d) => owed(d) && d.nextAttemptAt !== null && d.nextAttemptAt <= now && enabled(d))
        .sort((a, b) => (a.nextAttemptAt?.getTime() ?? 0) - (b.nextAttemptAt?.getTime() ?? 0) || byCodeUnit(a.id, b.id))
        .slice(0, limit);
      return due.map((d) => {
        const claimed = { ...d, nextAttemptAt: new Date(leaseUntil) };
        tables().webhookDeliveries.set(d.id, claimed);
        return structuredClone(claimed);
      });
    },
    settle: async (deliveryId, leaseUntil, update) => {
      const delivery = tables().webhookDeliveries.get(deliveryId);
      if (!delivery || !owed(delivery) || delivery.nextAttemptAt?.getTime() !== leaseUntil.getTime()) return false;
      const { status, attempts, nextAttemptAt, lastAttemptAt, lastStatusCode, lastError, lastDurationMs, deliveredAt } = structuredClone(update);
      tables().webhookDeliveries.set(deliveryId, {
        ...delivery,
        status,
        attempts,
        nextAttemptAt,
        lastAttemptAt,
        lastStatusCode,
        lastError,
        lastDurationMs,
        deliveredAt,
      });
      return true;
    },
  };
}
