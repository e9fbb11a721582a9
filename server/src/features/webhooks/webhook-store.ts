/**
 * The webhooks storage port. Endpoints are changed through the unit of work (with their audit
 * events); the outbox is appended inside the handoff stores' own transactions (`HandoffChange`,
 * see `sqlite-webhook-outbox.ts` and `mongo-webhook-outbox.ts`); the dispatcher claims and
 * settles deliveries through `WebhookAccess`. No rule lives here: validation is in
 * `webhook-endpoint-rules.ts`, retries and dead-lettering in `webhook-transitions.ts`.
 */
import type { AuditEventInput } from '../audit/audit-event';

/** One signing secret (`whsec_` + base64 of 32 random bytes). */
export interface WebhookSecret {
  secret: string;
  createdAt: Date;
  /** When Baton stops signing with it (the previous secret during a rotation); null for the current one. */
  expiresAt: Date | null;
}

export interface WebhookEndpointRecord {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  /** Newest first. */
  secrets: WebhookSecret[];
  createdAt: Date;
  updatedAt: Date;
}

export const DELIVERY_STATUSES = ['PENDING', 'FAILED', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** The statuses of a delivery still owed an attempt: claimable, settleable, and killed with its endpoint. */
export const OWED_STATUSES: readonly DeliveryStatus[] = ['PENDING', 'FAILED'];

/** One event in the outbox: what happened, frozen when it happened. */
export interface WebhookEventRecord {
  /** `evt_` + UUID: the `webhook-id` header. */
  id: string;
  type: string;
  decisionId: string;
  occurredAt: Date;
  /** The handoff as the change left it, and its status before (`webhook-events.ts`). */
  data: Record<string, unknown>;
  /** The body sent (type, timestamp, data with the context package), built once by the first attempt; null until then. */
  payload: string | null;
}

/** One event owed to one endpoint. */
export interface WebhookDeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  decisionId: string;
  endpointId: string;
  status: DeliveryStatus;
  attempts: number;
  /** Due time of the next attempt; while an attempt is in flight, the end of its lease. Null once DELIVERED or DEAD. */
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  deliveredAt: Date | null;
  redeliveryOf: string | null;
  createdAt: Date;
}

/** A delivery with its event's payload, as the delivery log shows it. */
export interface WebhookDeliveryView extends WebhookDeliveryRecord {
  payload: unknown;
}

/** What the delivery log filters on; every field given must match. */
export interface DeliveryFilter {
  endpointId?: string | null;
  status?: DeliveryStatus | null;
  eventType?: string | null;
  decisionId?: string | null;
}

/** Where a delivery log page starts: after this delivery (newest first by `createdAt`, then id). */
export interface DeliveryPosition {
  createdAt: Date;
  id: string;
}

/** What one attempt changes on its delivery (planned by `webhook-transitions.ts`). */
export type AttemptUpdate = Pick<
  WebhookDeliveryRecord,
  'status' | 'attempts' | 'nextAttemptAt' | 'lastAttemptAt' | 'lastStatusCode' | 'lastError' | 'lastDurationMs' | 'deliveredAt'
>;

/** Endpoints as a unit of work sees them. */
export interface WebhookEndpointRepository {
  get(id: string): Promise<WebhookEndpointRecord | null>;
  /** Inserts or replaces the endpoint. */
  save(record: WebhookEndpointRecord): Promise<void>;
  /** Deletes the endpoint; its PENDING and FAILED deliveries become DEAD with `reason` as their last error. */
  remove(id: string, reason: string): Promise<void>;
}

/** Deliveries as a unit of work sees them (manual redelivery). */
export interface WebhookDeliveryRepository {
  get(id: string): Promise<WebhookDeliveryRecord | null>;
  insert(record: WebhookDeliveryRecord): Promise<void>;
}

/** Reads, and the dispatcher's claim-and-settle; none of these writes an audit event. */
export interface WebhookAccess {
  listEndpoints(): Promise<WebhookEndpointRecord[]>;
  getEndpoint(id: string): Promise<WebhookEndpointRecord | null>;
  getDelivery(id: string): Promise<WebhookDeliveryView | null>;
  /** Newest first (`createdAt`, then id descending); `first + 1` rows at most, so the caller knows if more follow. */
  queryDeliveries(filter: DeliveryFilter, first: number, after: DeliveryPosition | null): Promise<WebhookDeliveryView[]>;
  getEvent(id: string): Promise<WebhookEventRecord | null>;
  /** Stores the event's payload unless one is stored already; returns the stored one (so every attempt sends the same body). */
  savePayload(eventId: string, payload: string): Promise<string>;
  /**
   * Claims up to `limit` PENDING or FAILED deliveries due at `now` of enabled endpoints, oldest
   * due first, by moving their `nextAttemptAt` to `leaseUntil`: another dispatcher (or this one
   * after a crash) takes them again only once the lease has passed. Atomic per delivery.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<WebhookDeliveryRecord[]>;
  /**
   * Writes an attempt's result, if the delivery is still under the lease `leaseUntil` it was
   * claimed with. @returns false when the lease was lost (another dispatcher took it over).
   */
  settle(deliveryId: string, leaseUntil: Date, update: AttemptUpdate): Promise<boolean>;
}

/** Endpoint changes, each with its audit event in one unit of work. */
export interface WebhookStore extends WebhookAccess {
  /**
   * Reads the endpoint, lets `change` plan (it may throw: nothing is written), writes the
   * result and its audit event. `change` gets null for an unknown id.
   */
  changeEndpoint<T>(id: string, change: (current: WebhookEndpointRecord | null) => EndpointChange<T>): Promise<T>;
  /** Reads the delivery and its endpoint, lets `plan` build the redelivery (or throw), inserts it with its audit event. */
  redeliver(
    deliveryId: string,
    plan: (delivery: WebhookDeliveryRecord | null, endpoint: WebhookEndpointRecord | null) => { record: WebhookDeliveryRecord; event: AuditEventInput },
  ): Promise<WebhookDeliveryRecord>;
}

/** What a planned endpoint change writes, and what the caller gets back. */
export interface EndpointChange<T> {
  /** `save`: insert or replace; `remove`: delete (its owed deliveries become DEAD). */
  write: { kind: 'save'; record: WebhookEndpointRecord } | { kind: 'remove'; id: string; reason: string };
  event: AuditEventInput;
  result: T;
}
