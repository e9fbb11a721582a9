/**
 * The outbox on SQLite: called, through `tx.handoffOutbox`, inside the better-sqlite3 transaction
 * that commits each handoff change's unit of work, it appends the change's events and one
 * PENDING delivery per enabled endpoint subscribed to each (due at once). Synchronous, like the
 * transaction it joins; with no subscribed endpoint it writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HandoffChange } from '../handoffs/handoff-store';
import { eventsOf } from './webhook-events';
import { deliveryParams, INSERT_DELIVERY } from './sqlite-webhook-repositories';

/** Appends a handoff change's events; must run inside the transaction that writes the change. */
export type SqliteHandoffOutbox = (change: HandoffChange) => void;

/** The outbox appender on `db` (migrated to version 11 or later). */
export function createSqliteWebhookOutbox(db: Database.Database): SqliteHandoffOutbox {
  const subscribers = db.prepare('SELECT id, event_types FROM webhook_endpoints WHERE enabled = 1');
  const insertEvent = db.prepare('INSERT INTO webhook_events (id, type, decision_id, occurred_at, data) VALUES (?, ?, ?, ?, ?)');
  const insertDelivery = db.prepare(INSERT_DELIVERY);
  return (change) => {
    const endpoints = (subscribers.all() as { id: string; event_types: string }[]).map((row) => ({
      id: row.id,
      types: JSON.parse(row.event_types) as string[],
    }));
    if (endpoints.length === 0) return;
    for (const event of eventsOf(change)) {
      const to = endpoints.filter((endpoint) => endpoint.types.includes(event.type));
      if (to.length === 0) continue;
      const eventId = `evt_${randomUUID()}`;
      insertEvent.run(eventId, event.type, event.decisionId, event.occurredAt.toISOString(), JSON.stringify(event.data));
      for (const endpoint of to) {
        insertDelivery.run(
          deliveryParams({
            id: `dlv_${randomUUID()}`,
            eventId,
            eventType: event.type,
            decisionId: event.decisionId,
            endpointId: endpoint.id,
            status: 'PENDING',
            attempts: 0,
            nextAttemptAt: event.occurredAt,
            lastAttemptAt: null,
            lastStatusCode: null,
            lastError: null,
            lastDurationMs: null,
            deliveredAt: null,
            redeliveryOf: null,
            createdAt: event.occurredAt,
          }),
        );
      }
    }
  };
}
