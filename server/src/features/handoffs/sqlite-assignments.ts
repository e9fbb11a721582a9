/**
 * Internal: SQL of the SQLite handoff store — reading assignments, reserving capacity with a
 * conditional update, and letting freed capacity take queued handoffs (a directory change
 * decides that in `directory-transitions.ts` instead). Every function runs inside the
 * caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { Channel } from '@baton/schemas';
import type { AssignmentRecord, AssignmentStatus } from './handoff-store';

/** A `handoff_assignments` row. */
export interface AssignmentRow {
  decision_id: string;
  conversation_id: string;
  customer_id: string;
  queue_id: string;
  agent_id: string | null;
  channel: Channel;
  status: AssignmentStatus;
  rank: number;
  fallback_used: number;
  explanation: string;
  created_at: string;
  assigned_at: string | null;
  accepted_at: string | null;
  released_at: string | null;
  requeues: number;
  started_by: string | null;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

/** Maps a `handoff_assignments` row to the assignment, without its queue position (which needs a query). */
export const toAssignment = (row: AssignmentRow): Omit<AssignmentRecord, 'position'> => ({
  decisionId: row.decision_id,
  conversationId: row.conversation_id,
  customerId: row.customer_id,
  queueId: row.queue_id,
  agentId: row.agent_id,
  channel: row.channel,
  status: row.status,
  rank: row.rank,
  fallbackUsed: row.fallback_used === 1,
  explanation: JSON.parse(row.explanation) as string[],
  createdAt: new Date(row.created_at),
  assignedAt: date(row.assigned_at),
  acceptedAt: date(row.accepted_at),
  releasedAt: date(row.released_at),
  requeues: row.requeues,
  startedBy: row.started_by,
});

/** Prepared statements over one connection. */
export function assignmentSql(db: Database.Database) {
  const get = db.prepare('SELECT * FROM handoff_assignments WHERE decision_id = ?');
  // Served by handoff_assignments_conversation: the open handoff first, else the latest started.
  const ofConversation = db.prepare(
    `SELECT * FROM handoff_assignments WHERE conversation_id = ?
       ORDER BY status IN ('QUEUED', 'ASSIGNED', 'ACCEPTED') DESC, created_at DESC, decision_id DESC LIMIT 1`,
  );
  const ahead = db.prepare(
    `SELECT COUNT(*) AS n FROM handoff_assignments WHERE status = 'QUEUED' AND queue_id = @queueId
       AND (rank > @rank OR (rank = @rank AND (created_at < @createdAt OR (created_at = @createdAt AND decision_id < @decisionId))))`,
  );
  const reserve = db.prepare(
    `UPDATE directory_agent_channels SET active = active + 1
       WHERE agent_id = @agentId AND channel = @channel AND active < capacity
         AND EXISTS (SELECT 1 FROM directory_agents WHERE id = @agentId AND status = 'ONLINE')`,
  );
  const touchAgent = db.prepare('UPDATE directory_agents SET last_assigned_at = ? WHERE id = ?');
  const assign = db.prepare(`UPDATE handoff_assignments SET status = 'ASSIGNED', agent_id = ?, assigned_at = ? WHERE decision_id = ? AND status = 'QUEUED'`);
  const waitingFor = db.prepare(
    `SELECT a.decision_id, a.channel FROM handoff_assignments a
       JOIN handoff_candidates c ON c.decision_id = a.decision_id AND c.agent_id = ?
       WHERE a.status = 'QUEUED' ORDER BY a.rank DESC, a.created_at, a.decision_id`,
  );

  const toRecord = (row: AssignmentRow): AssignmentRecord => ({
    ...toAssignment(row),
    position:
      row.status === 'QUEUED'
        ? (ahead.get({ queueId: row.queue_id, rank: row.rank, createdAt: row.created_at, decisionId: row.decision_id }) as { n: number }).n + 1
        : null,
  });

  return {
    read(decisionId: string): AssignmentRecord | null {
      const row = get.get(decisionId) as AssignmentRow | undefined;
      return row ? toRecord(row) : null;
    },
    /** The conversation's open handoff, else its latest; null when none. */
    readConversation(conversationId: string): AssignmentRecord | null {
      const row = ofConversation.get(conversationId) as AssignmentRow | undefined;
      return row ? toRecord(row) : null;
    },
    /** Assigns a queued handoff to `agentId` (whose capacity the caller reserved). */
    assign(decisionId: string, agentId: string, at: Date): void {
      assign.run(agentId, at.toISOString(), decisionId);
    },
    /** One unit of `agentId`'s capacity on `channel` if online and not full; true when reserved. */
    reserve(agentId: string, channel: Channel, at: Date): boolean {
      if (reserve.run({ agentId, channel }).changes !== 1) return false;
      touchAgent.run(at.toISOString(), agentId);
      return true;
    },
    /**
     * Lets `agentId`'s free capacity take the queued handoffs it qualifies for, highest rank and
     * oldest first. @returns the decision ids assigned
     */
    drain(agentId: string, at: Date): string[] {
      const assigned: string[] = [];
      const full = new Set<Channel>();
      for (const row of waitingFor.all(agentId) as { decision_id: string; channel: Channel }[]) {
        if (full.has(row.channel)) continue;
        if (!this.reserve(agentId, row.channel, at)) {
          full.add(row.channel);
          continue;
        }
        this.assign(row.decision_id, agentId, at);
        assigned.push(row.decision_id);
      }
      return assigned;
    },
  };
}
