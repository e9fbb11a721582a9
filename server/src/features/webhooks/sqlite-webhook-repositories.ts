/**
 * The webhooks feature over better-sqlite3: rows to records, the repositories a unit of work
 * writes through (`store/sqlite/sqlite-unit-of-work.ts`), the reads, and the dispatcher's
 * claim-and-settle. No rule here: `webhook-endpoint-rules.ts` and `webhook-transitions.ts` decide.
 */
import type Database from 'better-sqlite3';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import type {
  DeliveryFilter,
  DeliveryPosition,
  DeliveryStatus,
  WebhookAccess,
  WebhookDeliveryRecord,
  WebhookDeliveryRepository,
  WebhookDeliveryView,
  WebhookEndpointRecord,
  WebhookEndpointRepository,
  WebhookEventRecord,
  WebhookSecret,
} from './webhook-store';

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  event_types: string;
  enabled: number;
  secrets: string;
  created_at: string;
  updated_at: string;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  decision_id: string;
  endpoint_id: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  delivered_at: string | null;
  redelivery_of: string | null;
  created_at: string;
  payload?: string | null;
}

interface StoredSecret {
  secret: string;
  createdAt: string;
  expiresAt: string | null;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function toEndpoint(row: EndpointRow): WebhookEndpointRecord {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as string[],
    enabled: row.enabled === 1,
    secrets: (JSON.parse(row.secrets) as StoredSecret[]).map((s): WebhookSecret => ({
      secret: s.secret,
      createdAt: new Date(s.createdAt),
      expiresAt: date(s.expiresAt),
    })),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function endpointParams(e: WebhookEndpointRecord): Record<string, unknown> {
  const secrets: StoredSecret[] = e.secrets.map((s) => ({ secret: s.secret, createdAt: s.createdAt.toISOString(), expiresAt: iso(s.expiresAt) }));
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: JSON.stringify(e.eventTypes),
    enabled: e.enabled ? 1 : 0,
    secrets: JSON.stringify(secrets),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function toDelivery(row: DeliveryRow): WebhookDeliveryRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    decisionId: row.decision_id,
    endpointId: row.endpoint_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: date(row.next_attempt_at),
    lastAttemptAt: date(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastDurationMs: row.last_duration_ms,
    deliveredAt: date(row.delivered_at),
    redeliveryOf: row.redelivery_of,
    createdAt: new Date(row.created_at),
  };
}

export interface WebhookEventRow {
  id: string;
  type: string;
  decision_id: string;
  occurred_at: string;
  data: string;
  payload: string | null;
}

export function toWebhookEvent(row: WebhookEventRow): WebhookEventRecord {
  return {
    id: row.id,
    type: row.type,
    decisionId: row.decision_id,
    occurredAt: new Date(row.occurred_at),
    data: JSON.parse(row.data) as Record<string, unknown>,
    payload: row.payload,
  };
}

const toView = (row: DeliveryRow): WebhookDeliveryView => ({ ...toDelivery(row), payload: row.payload ? (JSON.parse(row.payload) as unknown) : null });

/** The named parameters of a delivery's row (`INSERT_DELIVERY`). */
export function deliveryParams(d: WebhookDeliveryRecord): Record<string, unknown> {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    decisionId: d.decisionId,
    endpointId: d.endpointId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: iso(d.nextAttemptAt),
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastDurationMs: d.lastDurationMs,
    deliveredAt: iso(d.deliveredAt),
    redeliveryOf: d.redeliveryOf,
    createdAt: d.createdAt.toISOString(),
  };
}

export const INSERT_DELIVERY = `INSERT INTO webhook_deliveries (id, event_id, event_type, decision_id, endpoint_id, status, attempts, next_attempt_at,
    last_attempt_at, last_status_code, last_error, last_duration_ms, delivered_at, redelivery_of, created_at)
  VALUES (@id, @eventId, @eventType, @decisionId, @endpointId, @status, @attempts, @nextAttemptAt, @lastAttemptAt, @lastStatusCode, @lastError,
    @lastDurationMs, @deliveredAt, @redeliveryOf, @createdAt)`;

const WITH_PAYLOAD = 'SELECT d.*, e.payload FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id';

/** The repositories of one unit of work, writing through `queue`. */
export function sqliteWebhookRepositories(
  db: Database.Database,
): (queue: QueueWrite) => { webhookEndpoints: WebhookEndpointRepository; webhookDeliveries: WebhookDeliveryRepository } {
  const getEndpoint = db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?');
  const upsert = db.prepare(`INSERT INTO webhook_endpoints (id, url, description, event_types, enabled, secrets, created_at, updated_at)
    VALUES (@id, @url, @description, @eventTypes, @enabled, @secrets, @createdAt, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET url = excluded.url, description = excluded.description, event_types = excluded.event_types,
      enabled = excluded.enabled, secrets = excluded.secrets, updated_at = excluded.updated_at`);
  const remove = db.prepare('DELETE FROM webhook_endpoints WHERE id = ?');
  const killOwed = db.prepare(`UPDATE webhook_deliveries SET status = 'DEAD', next_attempt_at = NULL, last_error = ?
    WHERE endpoint_id = ? AND status IN ('PENDING', 'FAILED')`);
  const getDelivery = db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?');
  const insertDelivery = db.prepare(INSERT_DELIVERY);
  return (queue) => ({
    webhookEndpoints: {
      get: async (id) => {
        const row = getEndpoint.get(id) as EndpointRow | undefined;
        return row ? toEndpoint(row) : null;
      },
      save: async (record) => queue(() => upsert.run(endpointParams(record))),
      remove: async (id, reason) =>
        queue(() => {
          killOwed.run(reason, id);
          remove.run(id);
        }),
    },
    webhookDeliveries: {
      get: async (id) => {
        const row = getDelivery.get(id) as DeliveryRow | undefined;
        return row ? toDelivery(row) : null;
      },
      insert: async (record) => queue(() => insertOrDuplicate('webhook delivery', 'id', () => insertDelivery.run(deliveryParams(record)))),
    },
  });
}

/** The reads and the dispatcher's claim-and-settle. */
export function createSqliteWebhookAccess(db: Database.Database): WebhookAccess {
  const endpoints = db.prepare('SELECT * FROM webhook_endpoints ORDER BY created_at, id');
  const endpoint = db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?');
  const delivery = db.prepare(`${WITH_PAYLOAD} WHERE d.id = ?`);
  const event = db.prepare('SELECT * FROM webhook_events WHERE id = ?');
  const setPayload = db.prepare('UPDATE webhook_events SET payload = ? WHERE id = ? AND payload IS NULL');
  const payloadOf = db.prepare('SELECT payload FROM webhook_events WHERE id = ?');
  // Served by the partial index webhook_deliveries_due.
  const due = db.prepare(`SELECT d.* FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id AND w.enabled = 1
    WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?`);
  const lease = db.prepare(`UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND status IN ('PENDING', 'FAILED')`);
  const settle = db.prepare(`UPDATE webhook_deliveries SET status = @status, attempts = @attempts, next_attempt_at = @nextAttemptAt,
      last_attempt_at = @lastAttemptAt, last_status_code = @lastStatusCode, last_error = @lastError, last_duration_ms = @lastDurationMs,
      delivered_at = @deliveredAt
    WHERE id = @id AND next_attempt_at = @lease AND status IN ('PENDING', 'FAILED')`);
  const claim = db.transaction((now: string, leaseUntil: string, limit: number): WebhookDeliveryRecord[] =>
    (due.all(now, limit) as DeliveryRow[])
      .filter((row) => lease.run(leaseUntil, row.id, row.next_attempt_at).changes === 1)
      .map((row) => toDelivery({ ...row, next_attempt_at: leaseUntil })),
  );

  const query = (filter: DeliveryFilter, first: number, after: DeliveryPosition | null): WebhookDeliveryView[] => {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: first + 1 };
    const match = (column: string, name: string, value: string | null | undefined) => {
      if (value === undefined || value === null) return;
      where.push(`d.${column} = @${name}`);
      params[name] = value;
    };
    match('endpoint_id', 'endpointId', filter.endpointId);
    match('status', 'status', filter.status);
    match('event_type', 'eventType', filter.eventType);
    match('decision_id', 'decisionId', filter.decisionId);
    if (after) {
      where.push('(d.created_at < @afterAt OR (d.created_at = @afterAt AND d.id < @afterId))');
      params.afterAt = after.createdAt.toISOString();
      params.afterId = after.id;
    }
    const sql = `${WITH_PAYLOAD} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id DESC LIMIT @limit`;
    return (db.prepare(sql).all(params) as DeliveryRow[]).map(toView);
  };

  return {
    listEndpoints: async () => (endpoints.all() as EndpointRow[]).map(toEndpoint),
    getEndpoint: async (id) => {
      const row = endpoint.get(id) as EndpointRow | undefined;
      return row ? toEndpoint(row) : null;
    },
    getDelivery: async (id) => {
      const row = delivery.get(id) as DeliveryRow | undefined;
      return row ? toView(row) : null;
    },
    queryDeliveries: async (filter, first, after) => query(filter, first, after),
    getEvent: async (id) => {
      const row = event.get(id) as WebhookEventRow | undefined;
      return row ? toWebhookEvent(row) : null;
    },
    savePayload: async (eventId, payload) => {
      setPayload.run(payload, eventId);
      return (payloadOf.get(eventId) as { payload: string }).payload;
    },
    claimDue: async (now, leaseUntil, limit) => claim(now.toISOString(), leaseUntil.toISOString(), limit),
    settle: async (deliveryId, leaseUntil, update) =>
      settle.run({
        id: deliveryId,
        lease: leaseUntil.toISOString(),
        status: update.status,
        attempts: update.attempts,
        nextAttemptAt: iso(update.nextAttemptAt),
        lastAttemptAt: iso(update.lastAttemptAt),
        lastStatusCode: update.lastStatusCode,
        lastError: update.lastError,
        lastDurationMs: update.lastDurationMs,
        deliveredAt: iso(update.deliveredAt),
      }).changes === 1,
  };
}
