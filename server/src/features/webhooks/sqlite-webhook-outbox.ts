/**
 * The outbox on SQLite: called, through `tx.handoffOutbox`, inside the better-sqlite3 transaction
 * that commits each handoff change's unit of work, it appends the change's events and one
 * PENDING delivery per enabled endpoint subscribed to each (due at once). Synchronous, like the
 * transaction it joins; with no subscribed endpoint it writes nothing.
 */
import type Database from 'better-sqlite3';
import type { HandoffChange } from '../handoffs/handoff-store';
import { plannedOutbox } from './webhook-transitions';
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
      eventTypes: JSON.parse(row.event_types) as string[],
    }));
    for (const { event, deliveries } of plannedOutbox(change, endpoints)) {
      insertEvent.run(event.id, event.type, event.decisionId, event.occurredAt.toISOString(), JSON.stringify(event.data));
      for (const delivery of deliveries) insertDelivery.run(deliveryParams(delivery));
    }
  };
}
