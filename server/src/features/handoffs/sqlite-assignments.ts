/** Internal: the `handoff_assignments` row and the handoff it stores (for the handoff repositories and the store transfer). */
import type { Channel } from '@baton/schemas';
import type { AssignmentStatus, StoredHandoff } from './handoff-store';

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

/** Maps a `handoff_assignments` row to the handoff, without its queue position (which needs a query). */
export const toAssignment = (row: AssignmentRow): StoredHandoff => ({
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
