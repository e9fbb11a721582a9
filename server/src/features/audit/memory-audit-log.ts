/**
 * The audit log in memory, for unit tests: events chained exactly as the stored adapters chain
 * them (`chainedAuditEvent`), appended inside a memory unit of work, read through `AuditLogStore`.
 */
import type { QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import type { AuditAppend } from '../../store/unit-of-work';
import { chainedAuditEvent, type AuditEvent } from './audit-event';
import type { AuditFilter, AuditLogStore } from './audit-log-store';

/** The audit table of the memory tables. */
export type AuditTable = { audit: AuditEvent[] };

/** Appends through `queue` to the `audit` table, each event chained after the one before it. */
export function memoryAuditAppend(queue: QueueMemoryWrite<AuditTable>): AuditAppend {
  return {
    append: async (...events) =>
      events.forEach((input) =>
        queue((next) => {
          next.audit.push(chainedAuditEvent(input, next.audit.at(-1) ?? null));
        }),
      ),
  };
}

function matches(event: AuditEvent, filter: AuditFilter): boolean {
  const { actorKeyId, action, targetType, targetId, from, to } = filter;
  return (
    (actorKeyId === undefined || event.actor.keyId === actorKeyId) &&
    (action === undefined || event.action === action || (action.endsWith('.') && event.action.startsWith(action))) &&
    (targetType === undefined || event.targetType === targetType) &&
    (targetId === undefined || event.targetId === targetId) &&
    (from === undefined || event.at >= from) &&
    (to === undefined || event.at <= to)
  );
}

/** Reads `events()`, the committed log, in sequence order. */
export function createMemoryAuditLogStore(events: () => readonly AuditEvent[]): AuditLogStore {
  return {
    listEvents: async (filter, first, after) =>
      structuredClone(
        events()
          .filter((e) => e.sequence > (after ?? 0) && matches(e, filter))
          .slice(0, first),
      ),
    scanEvents: async (after, limit) =>
      structuredClone(
        events()
          .filter((e) => e.sequence > after)
          .slice(0, limit),
      ),
  };
}
