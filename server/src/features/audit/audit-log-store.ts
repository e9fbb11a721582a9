/**
 * The audit log storage port: reading the events that feature stores append (see
 * `sqlite-audit-append.ts`). There is no method to change or delete an event.
 */
import type { AuditEvent } from './audit-event';

/** Every field optional; all given must match. Times are inclusive bounds. */
export interface AuditFilter {
  actorKeyId?: string;
  /** Exact action, or a prefix ending in `.` (e.g. `policy.` for every policy action). */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditLogStore {
  /** Matching events in sequence order, after sequence `after` (exclusive; null = from the start), at most `first`. */
  listEvents(filter: AuditFilter, first: number, after: number | null): Promise<AuditEvent[]>;
  /** Every event with sequence > `after`, at most `limit`, in order, unfiltered (verification and export). */
  scanEvents(after: number, limit: number): Promise<AuditEvent[]>;
}
