/**
 * MongoDB collections of the webhooks feature and the pure mappers between their documents and
 * the port's records: `webhook_endpoints`, `webhook_events` (the outbox; `data` and `payload`
 * kept as JSON text, as in SQLite, so both stores return the same bytes) and `webhook_deliveries`.
 */
import { Schema, type Connection, type InferRawDocTypeFromSchema } from 'mongoose';
import { modelOn } from '../../store/mongo/mongo-context';
import { wholeNumber } from '../../store/mongo/schema-fields';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookDeliveryRecord, type WebhookEndpointRecord, type WebhookEventRecord } from './webhook-store';

const STRICT = { versionKey: false, minimize: false, strict: 'throw' } as const;

const secretSchema = new Schema(
  { secret: { type: String, required: true }, createdAt: { type: Date, required: true }, expiresAt: { type: Date, default: null } },
  { ...STRICT, _id: false },
);

export const endpointSchema = new Schema(
  {
    _id: { type: String, required: true },
    url: { type: String, required: true },
    description: { type: String, default: '' },
    eventTypes: { type: [String], required: true },
    enabled: { type: Boolean, required: true },
    secrets: { type: [secretSchema], required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  STRICT,
);
// The outbox's fan-out: enabled endpoints subscribed to an event type.
endpointSchema.index({ enabled: 1, eventTypes: 1 });

export const eventSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    decisionId: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    data: { type: String, required: true },
    payload: { type: String, default: null },
  },
  STRICT,
);

export const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    decisionId: { type: String, required: true },
    endpointId: { type: String, required: true },
    status: { type: String, required: true, enum: DELIVERY_STATUSES },
    attempts: { type: Number, required: true, min: 0, validate: wholeNumber },
    nextAttemptAt: { type: Date, default: null },
    lastAttemptAt: { type: Date, default: null },
    lastStatusCode: { type: Number, default: null },
    lastError: { type: String, default: null },
    lastDurationMs: { type: Number, default: null },
    deliveredAt: { type: Date, default: null },
    redeliveryOf: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  STRICT,
);
// The dispatcher's claim: owed deliveries by due time.
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
// The delivery log, newest first, whole or per endpoint or decision.
deliverySchema.index({ createdAt: -1, _id: -1 });
deliverySchema.index({ endpointId: 1, createdAt: -1 });
deliverySchema.index({ decisionId: 1 });

export type EndpointDocument = InferRawDocTypeFromSchema<typeof endpointSchema>;
export type DeliveryDocument = InferRawDocTypeFromSchema<typeof deliverySchema>;
export type EventDocument = InferRawDocTypeFromSchema<typeof eventSchema>;

/** The feature's models on `connection`. */
export function webhookModels(connection: Connection) {
  return {
    Endpoint: modelOn(connection, 'WebhookEndpoint', endpointSchema, 'webhook_endpoints'),
    Event: modelOn(connection, 'WebhookEvent', eventSchema, 'webhook_events'),
    Delivery: modelOn(connection, 'WebhookDelivery', deliverySchema, 'webhook_deliveries'),
  };
}

export function toEndpointDocument(e: WebhookEndpointRecord): EndpointDocument {
  return {
    _id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    secrets: e.secrets,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function fromEndpointDocument(doc: EndpointDocument): WebhookEndpointRecord {
  return {
    id: doc._id,
    url: doc.url,
    description: doc.description ?? '',
    eventTypes: [...doc.eventTypes],
    enabled: doc.enabled,
    secrets: doc.secrets.map((s) => ({ secret: s.secret, createdAt: s.createdAt, expiresAt: s.expiresAt ?? null })),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toDeliveryDocument(d: WebhookDeliveryRecord): DeliveryDocument {
  const { id, ...rest } = d;
  return { _id: id, ...rest };
}

export function fromDeliveryDocument(doc: DeliveryDocument): WebhookDeliveryRecord {
  return {
    id: doc._id,
    eventId: doc.eventId,
    eventType: doc.eventType,
    decisionId: doc.decisionId,
    endpointId: doc.endpointId,
    status: doc.status as DeliveryStatus,
    attempts: doc.attempts,
    nextAttemptAt: doc.nextAttemptAt ?? null,
    lastAttemptAt: doc.lastAttemptAt ?? null,
    lastStatusCode: doc.lastStatusCode ?? null,
    lastError: doc.lastError ?? null,
    lastDurationMs: doc.lastDurationMs ?? null,
    deliveredAt: doc.deliveredAt ?? null,
    redeliveryOf: doc.redeliveryOf ?? null,
    createdAt: doc.createdAt,
  };
}

/** An outbox event's document: `data` as JSON text, as the outbox writes it. */
export function toEventDocument(e: WebhookEventRecord): EventDocument {
  return { _id: e.id, type: e.type, decisionId: e.decisionId, occurredAt: e.occurredAt, data: JSON.stringify(e.data), payload: e.payload };
}

export function fromEventDocument(doc: EventDocument): WebhookEventRecord {
  return {
    id: doc._id,
    type: doc.type,
    decisionId: doc.decisionId,
    occurredAt: doc.occurredAt,
    data: JSON.parse(doc.data) as Record<string, unknown>,
    payload: doc.payload ?? null,
  };
}
