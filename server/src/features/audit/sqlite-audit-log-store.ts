/** `AuditLogStore` over better-sqlite3. */
import type Database from 'better-sqlite3';
import type { AuditEvent } from './audit-event';
import type { AuditFilter, AuditLogStore } from './audit-log-store';

/** An `audit_log` row. */
export interface EventRow {
  sequence: number;
  at: string;
  actor_key_id: string | null;
  actor_role: string;
  action: string;
  target_type: string;
  target_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** Maps an `audit_log` row to the event (`before`/`after` left out when the column is NULL). */
export function toEvent(row: EventRow): AuditEvent {
  return {
    sequence: row.sequence,
    at: new Date(row.at),
    actor: { keyId: row.actor_key_id, role: row.actor_role },
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ...(row.before === null ? {} : { before: JSON.parse(row.before) as unknown }),
    ...(row.after === null ? {} : { after: JSON.parse(row.after) as unknown }),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Creates the SQLite audit log reader on an open, migrated database. */
export function createSqliteAuditLogStore(db: Database.Database): AuditLogStore {
  // One statement: every filter is optional (NULL disables it), so the plan is prepared once.
  const list = db.prepare(`SELECT * FROM audit_log WHERE sequence > @after
      AND (@actorKeyId IS NULL OR actor_key_id = @actorKeyId)
      AND (@action IS NULL OR action = @action OR (substr(@action, -1) = '.' AND substr(action, 1, length(@action)) = @action))
      AND (@targetType IS NULL OR target_type = @targetType)
      AND (@targetId IS NULL OR target_id = @targetId)
      AND (@from IS NULL OR at >= @from)
      AND (@to IS NULL OR at <= @to)
    ORDER BY sequence LIMIT @first`);
  const scan = db.prepare('SELECT * FROM audit_log WHERE sequence > ? ORDER BY sequence LIMIT ?');
  return {
    listEvents: async (filter: AuditFilter, first, after) =>
      (
        list.all({
          after: after ?? 0,
          actorKeyId: filter.actorKeyId ?? null,
          action: filter.action ?? null,
          targetType: filter.targetType ?? null,
          targetId: filter.targetId ?? null,
          from: filter.from?.toISOString() ?? null,
          to: filter.to?.toISOString() ?? null,
          first,
        }) as EventRow[]
      ).map(toEvent),
    scanEvents: async (after, limit) => (scan.all(after, limit) as EventRow[]).map(toEvent),
  };
}
