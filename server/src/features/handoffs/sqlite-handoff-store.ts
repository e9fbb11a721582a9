/**
 * The handoff store on the embedded SQLite database. better-sqlite3 runs each transaction to
 * completion on one connection, and the reservation itself is a conditional update
 * (`active < capacity`), so concurrent `startHandoff` calls can never overbook an agent.
 */
import type Database from 'better-sqlite3';
import type { Actor } from '../audit/audit-event';
import { createSqliteAuditAppender } from '../audit/sqlite-audit-append';
import { handoffReleased, handoffStarted } from './handoff-audit';
import type { AssignmentRecord, HandoffStore, QueueWait, ReleaseResult, StartRequest } from './handoff-store';
import { assignmentSql } from './sqlite-assignments';

export function createSqliteHandoffStore(db: Database.Database): HandoffStore {
  const audit = createSqliteAuditAppender(db);
  const sql = assignmentSql(db);
  const insert = db.prepare(`INSERT INTO handoff_assignments
    (decision_id, conversation_id, customer_id, queue_id, agent_id, channel, status, rank, fallback_used, explanation, created_at, assigned_at)
    VALUES (@decisionId, @conversationId, @customerId, @queueId, @agentId, @channel, @status, @rank, @fallbackUsed, @explanation, @at, @assignedAt)`);
  const addCandidate = db.prepare('INSERT OR IGNORE INTO handoff_candidates (decision_id, agent_id) VALUES (?, ?)');
  const release = db.prepare(`UPDATE handoff_assignments SET status = 'RELEASED', released_at = ? WHERE decision_id = ?`);
  const free = db.prepare('UPDATE directory_agent_channels SET active = MAX(active - 1, 0) WHERE agent_id = ? AND channel = ?');
  const dropCandidates = db.prepare('DELETE FROM handoff_candidates WHERE decision_id = ?');
  // Served by the partial index handoff_assignments_waiting.
  const waits = db.prepare(`SELECT queue_id, COUNT(*) AS n, MIN(created_at) AS oldest FROM handoff_assignments WHERE status = 'QUEUED' GROUP BY queue_id`);

  const start = db.transaction((request: StartRequest, actor: Actor) => {
    const existing = sql.read(request.decisionId);
    if (existing) return { assignment: existing, created: false };
    const agentId = request.ranked.find((id) => sql.reserve(id, request.channel, request.at)) ?? null;
    insert.run({
      decisionId: request.decisionId,
      conversationId: request.conversationId,
      customerId: request.customerId,
      queueId: request.queueId,
      agentId,
      channel: request.channel,
      status: agentId ? 'ASSIGNED' : 'QUEUED',
      rank: request.rank,
      fallbackUsed: request.fallbackUsed ? 1 : 0,
      explanation: JSON.stringify(request.explanation),
      at: request.at.toISOString(),
      assignedAt: agentId ? request.at.toISOString() : null,
    });
    if (!agentId) for (const id of request.qualified) addCandidate.run(request.decisionId, id);
    const assignment = sql.read(request.decisionId) as AssignmentRecord;
    audit(handoffStarted(assignment, request.at, actor));
    return { assignment, created: true };
  });

  const releaseTx = db.transaction((decisionId: string, at: Date, actor: Actor): ReleaseResult | null => {
    const before = sql.read(decisionId);
    if (!before) return null;
    if (before.status === 'RELEASED') return { released: before, next: null, previousStatus: before.status };
    release.run(at.toISOString(), decisionId);
    dropCandidates.run(decisionId);
    let next: AssignmentRecord | null = null;
    if (before.status === 'ASSIGNED' && before.agentId) {
      free.run(before.agentId, before.channel);
      const [taken] = sql.drain(before.agentId, at);
      next = taken ? sql.read(taken) : null;
    }
    const released = sql.read(decisionId) as AssignmentRecord;
    audit(handoffReleased(before, released, next, at, actor));
    return { released, next, previousStatus: before.status };
  });

  return {
    getAssignment: async (decisionId) => sql.read(decisionId),
    startHandoff: async (request, actor) => start(request, actor),
    releaseAssignment: async (decisionId, at, actor) => releaseTx(decisionId, at, actor),
    queueWaits: async (): Promise<QueueWait[]> =>
      (waits.all() as { queue_id: string; n: number; oldest: string }[]).map((r) => ({
        queueId: r.queue_id,
        waiting: r.n,
        oldestQueuedAt: new Date(r.oldest),
      })),
  };
}
