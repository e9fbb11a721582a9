/**
 * Handoffs in memory, for unit tests of their services: the same unique decision ids, writes
 * conditional on status and agent, serving order and positions as
 * `sqlite-handoff-repositories.ts`, over plain maps. The webhooks outbox a change appends to is
 * the webhooks feature's (`memory-webhook-repositories.ts`), written at the change's commit.
 */
import { byCodeUnit, insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import { DuplicateKeyError, StaleWriteError } from '../../store/unit-of-work';
import type { MemoryHandoffOutbox, WebhookTables } from '../webhooks/memory-webhook-repositories';
import { isOpen } from './handoff-lifecycle';
import type { AssignmentRecord, HandoffAccess, HandoffOutbox, HandoffRepository, QueueWait, StoredHandoff } from './handoff-store';

/** Handoffs by decision id, and who may take each (agent ids in routing order). */
export type HandoffTables = { handoffs: Map<string, StoredHandoff>; handoffCandidates: Map<string, readonly string[]> };

/** Empty tables. */
export function emptyHandoffTables(): HandoffTables {
  return { handoffs: new Map(), handoffCandidates: new Map() };
}

/** Serving order of queued handoffs: higher rank, then older, then lower decision id first. */
const servedBefore = (a: StoredHandoff, b: StoredHandoff) =>
  b.rank - a.rank || a.createdAt.getTime() - b.createdAt.getTime() || byCodeUnit(a.decisionId, b.decisionId);
const all = (t: HandoffTables) => [...t.handoffs.values()];
const queuedIn = (t: HandoffTables, queueId: string) => all(t).filter((h) => h.status === 'QUEUED' && h.queueId === queueId);
const positionOf = (t: HandoffTables, h: StoredHandoff) => 1 + queuedIn(t, h.queueId).filter((other) => servedBefore(other, h) < 0).length;

/** A copy of `h` with its position when queued. */
const toRecord = (t: HandoffTables, h: StoredHandoff | undefined): AssignmentRecord | null =>
  h ? { ...structuredClone(h), position: h.status === 'QUEUED' ? positionOf(t, h) : null } : null;

/** The conversation's open handoff, else its most recently started (then highest decision id). */
const ofConversation = (t: HandoffTables, conversationId: string): StoredHandoff | undefined =>
  all(t)
    .filter((h) => h.conversationId === conversationId)
    .sort(
      (a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)) || b.createdAt.getTime() - a.createdAt.getTime() || byCodeUnit(b.decisionId, a.decisionId),
    )[0];

/** A stable sort keeps equal times in the order stored, as SQLite's index does. */
const oldestIds = (handoffs: StoredHandoff[], time: (h: StoredHandoff) => number, limit: number) =>
  handoffs
    .sort((a, b) => time(a) - time(b))
    .slice(0, limit)
    .map((h) => h.decisionId);

/**
 * The repositories of one unit of work: reads from `committed`, writes through `queue`. `outbox`
 * appends a handoff change's webhook events to the tables its commit writes.
 */
export function memoryHandoffRepositories(
  committed: HandoffTables,
  queue: QueueMemoryWrite<HandoffTables & WebhookTables>,
  outbox: MemoryHandoffOutbox,
): { handoffs: HandoffRepository; handoffOutbox: HandoffOutbox } {
  return {
    handoffs: {
      find: async (decisionId) => toRecord(committed, committed.handoffs.get(decisionId)),
      findByConversation: async (conversationId) => toRecord(committed, ofConversation(committed, conversationId)),
      positionOf: async (handoff) => positionOf(committed, handoff),
      candidatesOf: async (decisionId) => [...(committed.handoffCandidates.get(decisionId) ?? [])],
      waitingFor: async (agentId) =>
        all(committed)
          .filter((h) => h.status === 'QUEUED' && committed.handoffCandidates.get(h.decisionId)?.includes(agentId))
          .sort(servedBefore)
          .map((h) => structuredClone(h)),
      countHeldBy: async (agentId) => all(committed).filter((h) => h.agentId === agentId && (h.status === 'ASSIGNED' || h.status === 'ACCEPTED')).length,
      insert: async (handoff, candidates) =>
        queue((next) => {
          const record = `Handoff '${handoff.decisionId}'`;
          // The port's second key, as MongoDB's unique index keeps it (SQLite's one-at-a-time units never reach it).
          const openTwice = isOpen(handoff.status) && all(next).some((h) => h.conversationId === handoff.conversationId && isOpen(h.status));
          insertUnique(next.handoffs, handoff.decisionId, structuredClone(handoff), record, 'decisionId');
          if (openTwice) throw new DuplicateKeyError(record, 'openConversation');
          // A repeated candidate keeps its first place, as SQLite's INSERT OR IGNORE does.
          next.handoffCandidates.set(handoff.decisionId, [...new Set(candidates)]);
        }),
      update: async (after, expected, candidates) =>
        queue((next) => {
          const stored = next.handoffs.get(after.decisionId);
          if (stored?.status !== expected.status || stored.agentId !== expected.agentId) throw new StaleWriteError(`Handoff '${after.decisionId}'`);
          const { status, agentId, assignedAt, acceptedAt, releasedAt, requeues } = structuredClone(after);
          next.handoffs.set(after.decisionId, { ...stored, status, agentId, assignedAt, acceptedAt, releasedAt, requeues });
          if (candidates) next.handoffCandidates.set(after.decisionId, [...new Set(candidates)]);
        }),
      withdrawCandidate: async (agentId) =>
        queue((next) => {
          for (const [decisionId, candidates] of next.handoffCandidates) {
            const left = candidates.filter((id) => id !== agentId);
            if (left.length < candidates.length) next.handoffCandidates.set(decisionId, left);
          }
        }),
    },
    handoffOutbox: { append: async (change) => queue((next) => outbox(next, structuredClone(change))) },
  };
}

/** The handoffs' reads over `tables()`, the committed tables. */
export function memoryHandoffAccess(tables: () => HandoffTables): HandoffAccess {
  return {
    getAssignment: async (decisionId) => toRecord(tables(), tables().handoffs.get(decisionId)),
    findByConversation: async (conversationId) => toRecord(tables(), ofConversation(tables(), conversationId)),
    dueForTimeout: async ({ assignedBefore, startedBefore, limit }) => {
      const ids = new Set<string>();
      if (startedBefore) {
        const stale = all(tables()).filter((h) => isOpen(h.status) && h.createdAt <= startedBefore);
        for (const id of oldestIds(stale, (h) => h.createdAt.getTime(), limit)) ids.add(id);
      }
      if (assignedBefore) {
        const unaccepted = all(tables()).filter((h) => h.status === 'ASSIGNED' && h.assignedAt !== null && h.assignedAt <= assignedBefore);
        for (const id of oldestIds(unaccepted, (h) => h.assignedAt?.getTime() ?? 0, limit)) ids.add(id);
      }
      return [...ids].slice(0, limit);
    },
    queueWaits: async () => {
      const waits = new Map<string, QueueWait>();
      for (const h of all(tables()).filter((h) => h.status === 'QUEUED')) {
        const wait = waits.get(h.queueId);
        const oldest = wait && wait.oldestQueuedAt <= h.createdAt ? wait.oldestQueuedAt : h.createdAt;
        waits.set(h.queueId, { queueId: h.queueId, waiting: (wait?.waiting ?? 0) + 1, oldestQueuedAt: new Date(oldest) });
      }
      return [...waits.values()].sort((a, b) => byCodeUnit(a.queueId, b.queueId));
    },
    // Positions follow from the serving order.
    queuedIn: async (queueId, limit) =>
      queuedIn(tables(), queueId)
        .sort(servedBefore)
        .slice(0, limit)
        .map((h, i) => ({ ...structuredClone(h), position: i + 1 })),
  };
}
