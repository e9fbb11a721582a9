/**
 * Handoffs over better-sqlite3 (`handoff_assignments`, `handoff_candidates`): the repositories a
 * unit of work writes through (`store/sqlite/sqlite-unit-of-work.ts`), the webhooks outbox joined
 * to its commit, and the reads. No rule here: `handoff-lifecycle.ts` and `handoff-transitions.ts`
 * decide.
 */
import type Database from 'better-sqlite3';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import type { SqliteHandoffOutbox } from '../webhooks/sqlite-webhook-outbox';
import type { AssignmentRecord, DueQuery, HandoffAccess, HandoffOutbox, HandoffRepository, QueueWait, StoredHandoff } from './handoff-store';
import { toAssignment, type AssignmentRow } from './sqlite-assignments';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The named parameters of a handoff's row. */
const rowParams = (h: StoredHandoff) => ({
  decisionId: h.decisionId,
  conversationId: h.conversationId,
  customerId: h.customerId,
  queueId: h.queueId,
  agentId: h.agentId,
  channel: h.channel,
  status: h.status,
  rank: h.rank,
  fallbackUsed: h.fallbackUsed ? 1 : 0,
  explanation: JSON.stringify(h.explanation),
  createdAt: iso(h.createdAt),
  assignedAt: iso(h.assignedAt),
  acceptedAt: iso(h.acceptedAt),
  releasedAt: iso(h.releasedAt),
  requeues: h.requeues,
  startedBy: h.startedBy,
});

function statements(db: Database.Database) {
  return {
    get: db.prepare('SELECT * FROM handoff_assignments WHERE decision_id = ?'),
    // Served by handoff_assignments_conversation: the open handoff first, else the latest started.
    ofConversation: db.prepare(
      `SELECT * FROM handoff_assignments WHERE conversation_id = ?
         ORDER BY status IN ('QUEUED', 'ASSIGNED', 'ACCEPTED') DESC, created_at DESC, decision_id DESC LIMIT 1`,
    ),
    ahead: db.prepare(
      `SELECT COUNT(*) AS n FROM handoff_assignments WHERE status = 'QUEUED' AND queue_id = @queueId
         AND (rank > @rank OR (rank = @rank AND (created_at < @createdAt OR (created_at = @createdAt AND decision_id < @decisionId))))`,
    ),
    candidatesOf: db.prepare('SELECT agent_id FROM handoff_candidates WHERE decision_id = ? ORDER BY ordinal, agent_id'),
    waitingFor: db.prepare(
      `SELECT a.* FROM handoff_assignments a JOIN handoff_candidates c ON c.decision_id = a.decision_id AND c.agent_id = ?
         WHERE a.status = 'QUEUED' ORDER BY a.rank DESC, a.created_at, a.decision_id`,
    ),
    heldBy: db.prepare(`SELECT COUNT(*) AS n FROM handoff_assignments WHERE agent_id = ? AND status IN ('ASSIGNED', 'ACCEPTED')`),
    insert: db.prepare(`INSERT INTO handoff_assignments
      (decision_id, conversation_id, customer_id, queue_id, agent_id, channel, status, rank, fallback_used, explanation, created_at, assigned_at,
       accepted_at, released_at, requeues, started_by)
      VALUES (@decisionId, @conversationId, @customerId, @queueId, @agentId, @channel, @status, @rank, @fallbackUsed, @explanation, @createdAt, @assignedAt,
       @acceptedAt, @releasedAt, @requeues, @startedBy)`),
    update: db.prepare(`UPDATE handoff_assignments SET status = @status, agent_id = @agentId, assigned_at = @assignedAt, accepted_at = @acceptedAt,
      released_at = @releasedAt, requeues = @requeues WHERE decision_id = @decisionId AND status = @expectedStatus AND agent_id IS @expectedAgentId`),
    addCandidate: db.prepare('INSERT OR IGNORE INTO handoff_candidates (decision_id, agent_id, ordinal) VALUES (?, ?, ?)'),
    dropCandidates: db.prepare('DELETE FROM handoff_candidates WHERE decision_id = ?'),
    withdrawCandidate: db.prepare('DELETE FROM handoff_candidates WHERE agent_id = ?'),
    // Served by the partial indexes handoff_assignments_unaccepted and handoff_assignments_open.
    unaccepted: db.prepare(`SELECT decision_id FROM handoff_assignments WHERE status = 'ASSIGNED' AND assigned_at <= ? ORDER BY assigned_at LIMIT ?`),
    stale: db.prepare(
      `SELECT decision_id FROM handoff_assignments WHERE status IN ('QUEUED', 'ASSIGNED', 'ACCEPTED') AND created_at <= ? ORDER BY created_at LIMIT ?`,
    ),
    // Served by the partial index handoff_assignments_waiting.
    waits: db.prepare(`SELECT queue_id, COUNT(*) AS n, MIN(created_at) AS oldest FROM handoff_assignments WHERE status = 'QUEUED' GROUP BY queue_id`),
    queued: db.prepare(`SELECT * FROM handoff_assignments WHERE status = 'QUEUED' AND queue_id = ? ORDER BY rank DESC, created_at, decision_id LIMIT ?`),
  };
}

type Statements = ReturnType<typeof statements>;

const positionOf = (s: Statements, h: StoredHandoff): number =>
  (s.ahead.get({ queueId: h.queueId, rank: h.rank, createdAt: h.createdAt.toISOString(), decisionId: h.decisionId }) as { n: number }).n + 1;

/** The handoff a row stores, with its position when queued. */
const toRecord = (s: Statements, row: AssignmentRow | undefined): AssignmentRecord | null => {
  if (!row) return null;
  const handoff = toAssignment(row);
  return { ...handoff, position: handoff.status === 'QUEUED' ? positionOf(s, handoff) : null };
};

/** Replaces a handoff's candidates by `candidates`, in order. */
const writeCandidates = (s: Statements, decisionId: string, candidates: readonly string[]): void => {
  s.dropCandidates.run(decisionId);
  candidates.forEach((id, ordinal) => s.addCandidate.run(decisionId, id, ordinal));
};

/**
 * The repositories of one unit of work: reads run now, writes go to `queue`. `outbox` appends a
 * handoff change's webhook events inside the commit.
 */
export function sqliteHandoffRepositories(
  db: Database.Database,
  outbox: SqliteHandoffOutbox,
): (queue: QueueWrite) => { handoffs: HandoffRepository; handoffOutbox: HandoffOutbox } {
  const s = statements(db);
  return (queue) => ({
    handoffs: {
      find: async (decisionId) => toRecord(s, s.get.get(decisionId) as AssignmentRow | undefined),
      findByConversation: async (conversationId) => toRecord(s, s.ofConversation.get(conversationId) as AssignmentRow | undefined),
      positionOf: async (handoff) => positionOf(s, handoff),
      candidatesOf: async (decisionId) => (s.candidatesOf.all(decisionId) as { agent_id: string }[]).map((c) => c.agent_id),
      waitingFor: async (agentId) => (s.waitingFor.all(agentId) as AssignmentRow[]).map(toAssignment),
      countHeldBy: async (agentId) => (s.heldBy.get(agentId) as { n: number }).n,
      insert: async (handoff, candidates) =>
        queue(() => {
          insertOrDuplicate(`Handoff '${handoff.decisionId}'`, 'decisionId', () => s.insert.run(rowParams(handoff)));
          writeCandidates(s, handoff.decisionId, candidates);
        }),
      update: async (after, expected, candidates) =>
        queue(() => {
          const changed = s.update.run({ ...rowParams(after), expectedStatus: expected.status, expectedAgentId: expected.agentId }).changes;
          if (changed !== 1) throw new StaleWriteError(`Handoff '${after.decisionId}'`);
          if (candidates) writeCandidates(s, after.decisionId, candidates);
        }),
      withdrawCandidate: async (agentId) => queue(() => void s.withdrawCandidate.run(agentId)),
    },
    handoffOutbox: { append: async (change) => queue(() => outbox(change)) },
  });
}

/** The handoffs' reads on `db`. */
export function createSqliteHandoffAccess(db: Database.Database): HandoffAccess {
  const s = statements(db);
  return {
    getAssignment: async (decisionId) => toRecord(s, s.get.get(decisionId) as AssignmentRow | undefined),
    findByConversation: async (conversationId) => toRecord(s, s.ofConversation.get(conversationId) as AssignmentRow | undefined),
    dueForTimeout: async ({ assignedBefore, startedBefore, limit }: DueQuery) => {
      const ids = new Set<string>();
      if (startedBefore) for (const r of s.stale.all(iso(startedBefore), limit) as { decision_id: string }[]) ids.add(r.decision_id);
      if (assignedBefore) for (const r of s.unaccepted.all(iso(assignedBefore), limit) as { decision_id: string }[]) ids.add(r.decision_id);
      return [...ids].slice(0, limit);
    },
    queueWaits: async (): Promise<QueueWait[]> =>
      (s.waits.all() as { queue_id: string; n: number; oldest: string }[]).map((r) => ({
        queueId: r.queue_id,
        waiting: r.n,
        oldestQueuedAt: new Date(r.oldest),
      })),
    // Positions follow from the serving order.
    queuedIn: async (queueId, limit) => (s.queued.all(queueId, limit) as AssignmentRow[]).map((row, i) => ({ ...toAssignment(row), position: i + 1 })),
  };
}
