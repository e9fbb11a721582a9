/**
 * What a handoff change owes the endpoints, what an attempt does to its delivery, and what a
 * manual redelivery is (pure):
 *
 *   PENDING | FAILED ─2xx→ DELIVERED
 *   PENDING | FAILED ─anything else→ FAILED (retried after the backoff) | DEAD (the last attempt)
 *   DELIVERED | DEAD ─redeliverWebhook→ a new PENDING delivery of the same event, redeliveryOf set
 */
import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../../baton-error';
import { retryDelayMs, type RetrySchedule } from './webhook-backoff';
import type { HandoffChange } from '../handoffs/handoff-store';
import { eventsOf } from './webhook-events';
import type { AttemptUpdate, WebhookDeliveryRecord, WebhookEndpointRecord, WebhookEventRecord } from './webhook-store';

/** How an attempt ended. */
export interface AttemptOutcome {
  /** The receiver's HTTP status; null when no answer came (timeout, refused connection). */
  statusCode: number | null;
  /** What went wrong, for the delivery log (the start of a failing answer's body, the network error); null when nothing did. */
  error: string | null;
}

/** Longest `lastError` kept, in characters. */
const MAX_ERROR_CHARS = 500;

/** True for the answers that count as delivered (2xx, as the Standard Webhooks spec says). */
export function isSuccess(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/**
 * The delivery after an attempt that started at `startedAt` and took `durationMs`.
 * @param random - the jitter's draw in [0, 1)
 */
export function planAttempt(
  delivery: Pick<WebhookDeliveryRecord, 'attempts'>,
  outcome: AttemptOutcome,
  startedAt: Date,
  durationMs: number,
  schedule: RetrySchedule,
  random: () => number = Math.random,
): AttemptUpdate {
  const attempts = delivery.attempts + 1;
  const base = { attempts, lastAttemptAt: startedAt, lastStatusCode: outcome.statusCode, lastDurationMs: Math.round(durationMs) };
  if (isSuccess(outcome.statusCode)) return { ...base, status: 'DELIVERED', nextAttemptAt: null, lastError: null, deliveredAt: startedAt };
  const error = (outcome.error ?? `the receiver answered HTTP ${outcome.statusCode ?? 'nothing'}`).slice(0, MAX_ERROR_CHARS);
  if (attempts >= schedule.maxAttempts) {
    return { ...base, status: 'DEAD', nextAttemptAt: null, lastError: `${error}; dead-lettered after ${attempts} attempt(s)`, deliveredAt: null };
  }
  const next = new Date(startedAt.getTime() + durationMs + retryDelayMs(attempts, schedule, random));
  return { ...base, status: 'FAILED', nextAttemptAt: next, lastError: error, deliveredAt: null };
}

/**
 * A new delivery repeating `delivery` to its endpoint now.
 * @throws NOT_FOUND (unknown delivery, deleted endpoint), CONFLICT (still being retried, or the
 *   endpoint is disabled: enable it first)
 */
export function planRedelivery(
  deliveryId: string,
  delivery: WebhookDeliveryRecord | null,
  endpoint: WebhookEndpointRecord | null,
  now: Date,
): WebhookDeliveryRecord {
  if (!delivery) throw notFound(`Webhook delivery '${deliveryId}' does not exist; list deliveries with webhookDeliveries.`, { deliveryId });
  if (!endpoint) {
    throw notFound(`The endpoint of delivery '${deliveryId}' (${delivery.endpointId}) was deleted; nothing can be delivered to it.`, {
      deliveryId,
      endpointId: delivery.endpointId,
    });
  }
  if (delivery.status === 'PENDING' || delivery.status === 'FAILED') {
    const when = delivery.nextAttemptAt ? ` at ${delivery.nextAttemptAt.toISOString()}` : '';
    throw conflict(`Delivery '${deliveryId}' is ${delivery.status} and will be tried again${when}; redeliver only a DELIVERED or DEAD delivery.`, {
      deliveryId,
      status: delivery.status,
    });
  }
  if (!endpoint.enabled) {
    throw conflict(`Endpoint '${endpoint.id}' is disabled; enable it (updateWebhookEndpoint with enabled: true) before redelivering to it.`, {
      deliveryId,
      endpointId: endpoint.id,
    });
  }
  return {
    id: `dlv_${randomUUID()}`,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    decisionId: delivery.decisionId,
    endpointId: delivery.endpointId,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    lastAttemptAt: null,
    lastStatusCode: null,
    lastError: null,
    lastDurationMs: null,
    deliveredAt: null,
    redeliveryOf: delivery.id,
    createdAt: now,
  };
}

/** One outbox entry: an event and its deliveries. */
export interface OutboxEntry {
  event: WebhookEventRecord;
  deliveries: WebhookDeliveryRecord[];
}

/**
 * What `change` appends to the outbox, given the enabled endpoints and the event types each
 * subscribes to: each of its events some endpoint takes, once, with one PENDING delivery per
 * such endpoint, due at once; nothing for an event nobody takes.
 */
export function plannedOutbox(change: HandoffChange, endpoints: ReadonlyArray<{ id: string; eventTypes: readonly string[] }>): OutboxEntry[] {
  if (endpoints.length === 0) return [];
  return eventsOf(change).flatMap((event) => {
    const to = endpoints.filter((endpoint) => endpoint.eventTypes.includes(event.type));
    if (to.length === 0) return [];
    const eventId = `evt_${randomUUID()}`;
    return [
      {
        event: { id: eventId, type: event.type, decisionId: event.decisionId, occurredAt: event.occurredAt, data: event.data, payload: null },
        deliveries: to.map((endpoint) => ({
          id: `dlv_${randomUUID()}`,
          eventId,
          eventType: event.type,
          decisionId: event.decisionId,
          endpointId: endpoint.id,
          status: 'PENDING' as const,
          attempts: 0,
          nextAttemptAt: event.occurredAt,
          lastAttemptAt: null,
          lastStatusCode: null,
          lastError: null,
          lastDurationMs: null,
          deliveredAt: null,
          redeliveryOf: null,
          createdAt: event.occurredAt,
        })),
      },
    ];
  });
}
