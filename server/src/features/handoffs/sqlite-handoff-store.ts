/**
 * The handoff store on the embedded SQLite database. better-sqlite3 runs each transaction to
 * completion on one connection, and the reservation itself is a conditional update
 * (`active < capacity`), so concurrent `startHandoff` calls can never overbook an agent, and the
 * check for a conversation's open handoff and the insert are one transaction. Lifecycle steps
 * are written as `handoff-lifecycle.ts` plans them.
 */
import type Database from 'better-sqlite3';
import type { Actor } from '../audit/audit-event';
import { createSqliteAuditAppender } from '../audit/sqlite-audit-append';
import { handoffStarted, handoffStepped } from './handoff-audit';
import { candidateOrder, isOpen } from './handoff-lifecycle';
import type { AssignmentRecord, DueQuery, HandoffChange, HandoffStep, HandoffStore, QueueWait, StartRequest, StepResult } from './handoff-store';
import { assignmentSql, toAssignment, type AssignmentRow } from './sqlite-assignments';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** `outbox` is told of every change inside its transaction (the webhooks outbox); by default nobody is. */
export function createSqliteHandoffStore(db: Database.Database, outbox: (change: HandoffChange) => void = () => undefined): HandoffStore {
  const audit = createSqliteAuditAppender(db);
  const sql = assignmentSql(db);
  const insert = db.prepare(`INSERT INTO handoff_assignments
    (decision_id, conversation_id, customer_id, queue_id, agent_id, channel, status, rank, fallback_used, explanation, created_at, assigned_at, started_by)
    VALUES (@decisionId, @conversationId, @customerId, @queueId, @agentId, @channel, @status, @rank, @fallbackUsed, @explanation, @at, @assignedAt, @startedBy)`);
  const addCandidate = db.prepare('INSERT OR IGNORE INTO handoff_candidates (decision_id, agent_id, ordinal) VALUES (?, ?, ?)');
  const candidatesOf = db.prepare('SELECT agent_id FROM handoff_candidates WHERE decision_id = ? ORDER BY ordinal, agent_id');
  const dropCandidate = db.prepare('DELETE FROM handoff_candidates WHERE decision_id = ? AND agent_id = ?');
  const dropCandidates = db.prepare('DELETE FROM handoff_candidates WHERE decision_id = ?');
  const setStatus = db.prepare(`UPDATE handoff_assignments SET status = @status,
      accepted_at = CASE WHEN @accepted = 1 THEN @at ELSE accepted_at END,
      released_at = CASE WHEN @ends = 1 THEN @at ELSE released_at END
    WHERE decision_id = @decisionId`);
  // assigned_at stays: when an agent was last assigned (the time-to-assignment KPI reads it) until the next one is.
  const requeue = db.prepare(`UPDATE handoff_assignments SET status = 'QUEUED', agent_id = NULL, requeues = requeues + 1
    WHERE decision_id = ?`);
  const free = db.prepare('UPDATE directory_agent_channels SET active = MAX(active - 1, 0) WHERE agent_id = ? AND channel = ?');
  // Served by the partial indexes handoff_assignments_unaccepted and handoff_assignments_open.
  const unaccepted = db.prepare(`SELECT decision_id FROM handoff_assignments WHERE status = 'ASSIGNED' AND assigned_at <= ? ORDER BY assigned_at LIMIT ?`);
  const stale = db.prepare(
    `SELECT decision_id FROM handoff_assignments WHERE status IN ('QUEUED', 'ASSIGNED', 'ACCEPTED') AND created_at <= ? ORDER BY created_at LIMIT ?`,
  );
  // Served by the partial index handoff_assignments_waiting.
  const waits = db.prepare(`SELECT queue_id, COUNT(*) AS n, MIN(created_at) AS oldest FROM handoff_assignments WHERE status = 'QUEUED' GROUP BY queue_id`);
  const queued = db.prepare(`SELECT * FROM handoff_assignments WHERE status = 'QUEUED' AND queue_id = ? ORDER BY rank DESC, created_at, decision_id LIMIT ?`);

  const start = db.transaction((request: StartRequest, actor: Actor) => {
    const existing = sql.read(request.decisionId);
    if (existing) return { assignment: existing, created: false };
    const open = sql.readConversation(request.conversationId);
    if (open && isOpen(open.status)) return { assignment: open, created: false };
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
      startedBy: actor.keyId,
    });
    candidateOrder(request).forEach((id, ordinal) => addCandidate.run(request.decisionId, id, ordinal));
    const assignment = sql.read(request.decisionId) as AssignmentRecord;
    audit(handoffStarted(assignment, request.at, actor));
    outbox({ kind: 'start', after: assignment, at: request.at });
    return { assignment, created: true };
  });

  const transition = db.transaction((decisionId: string, plan: (current: AssignmentRecord) => HandoffStep | null, actor: Actor): StepResult | null => {
    const before = sql.read(decisionId);
    if (!before) return null;
    const step = plan(before);
    if (!step) return { before, after: before, step: null, next: null };
    if (step.free && before.agentId) free.run(before.agentId, before.channel);
    if (step.requeueWithout !== null) {
      dropCandidate.run(decisionId, step.requeueWithout);
      requeue.run(decisionId);
      const candidates = (candidatesOf.all(decisionId) as { agent_id: string }[]).map((c) => c.agent_id);
      const taker = candidates.find((id) => sql.reserve(id, before.channel, step.at));
      if (taker) sql.assign(decisionId, taker, step.at);
    } else {
      setStatus.run({ decisionId, status: step.status, at: step.at.toISOString(), accepted: step.accepted ? 1 : 0, ends: step.ends ? 1 : 0 });
    }
    if (step.ends) dropCandidates.run(decisionId);
    let next: AssignmentRecord | null = null;
    if (step.drain && before.agentId) {
      const [taken] = sql.drain(before.agentId, step.at);
      next = taken ? sql.read(taken) : null;
    }
    const after = sql.read(decisionId) as AssignmentRecord;
    audit(handoffStepped(step, before, after, next, actor));
    outbox({ kind: 'step', step, before, after, next });
    return { before, after, step, next };
  });

  return {
    getAssignment: async (decisionId) => sql.read(decisionId),
    findByConversation: async (conversationId) => sql.readConversation(conversationId),
    startHandoff: async (request, actor) => start(request, actor),
    transition: async (decisionId, plan, actor) => transition(decisionId, plan, actor),
    dueForTimeout: async ({ assignedBefore, startedBefore, limit }: DueQuery) => {
      const ids = new Set<string>();
      if (startedBefore) for (const r of stale.all(iso(startedBefore), limit) as { decision_id: string }[]) ids.add(r.decision_id);
      if (assignedBefore) for (const r of unaccepted.all(iso(assignedBefore), limit) as { decision_id: string }[]) ids.add(r.decision_id);
      return [...ids].slice(0, limit);
    },
    queueWaits: async (): Promise<QueueWait[]> =>
      (waits.all() as { queue_id: string; n: number; oldest: string }[]).map((r) => ({
        queueId: r.queue_id,
        waiting: r.n,
        oldestQueuedAt: new Date(r.oldest),
      })),
    // Served by the partial index handoff_assignments_waiting; positions follow from the serving order.
    queuedIn: async (queueId, limit) => (queued.all(queueId, limit) as AssignmentRow[]).map((row, i) => ({ ...toAssignment(row), position: i + 1 })),
  };
}
