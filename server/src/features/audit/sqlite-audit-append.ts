/**
 * Internal: appends audit events to the SQLite `audit_log` table. Feature stores call it inside
 * their own write transaction, so the change and its event commit or roll back together.
 * SQLite serialises writers, so the chain stays linear.
 */
import type Database from 'better-sqlite3';
import { chainedAuditEvent, type AuditEvent, type AuditEventInput } from './audit-event';

/** Returns an append function bound to `db`; statements are prepared once. */
export function createSqliteAuditAppender(db: Database.Database): (input: AuditEventInput) => AuditEvent {
  const last = db.prepare('SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1');
  const insert = db.prepare(`INSERT INTO audit_log (sequence, at, actor_key_id, actor_role, action, target_type, target_id, before, after, prev_hash, hash)
    VALUES (@sequence, @at, @actorKeyId, @actorRole, @action, @targetType, @targetId, @before, @after, @prevHash, @hash)`);
  return (input) => {
    if (!db.inTransaction) throw new Error('Audit events are appended inside the transaction of the change they record.');
    const event = chainedAuditEvent(input, (last.get() as { sequence: number; hash: string } | undefined) ?? null);
    insert.run({
      sequence: event.sequence,
      at: event.at.toISOString(),
      actorKeyId: event.actor.keyId,
      actorRole: event.actor.role,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      prevHash: event.prevHash,
      hash: event.hash,
    });
    return event;
  };
}
