/**
 * The handoff storage port: committed handoffs (assignments). Reservation is atomic: an
 * adapter must never let an agent's active conversations on a channel exceed its capacity,
 * however many `startHandoff` calls race (SQLite: one transaction with a conditional update;
 * MongoDB: a conditional `$inc` in a transaction). Changing methods record one audit event
 * in the same transaction.
 */
import type { AssignmentStatus, Channel } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';

export type { AssignmentStatus };

export interface AssignmentRecord {
  decisionId: string;
  conversationId: string;
  customerId: string;
  queueId: string;
  agentId: string | null;
  channel: Channel;
  status: AssignmentStatus;
  /** Serving order among queued handoffs: higher first (decision priority, then queue priority). */
  rank: number;
  fallbackUsed: boolean;
  explanation: string[];
  createdAt: Date;
  assignedAt: Date | null;
  releasedAt: Date | null;
  /** 1-based place among the queue's waiting handoffs; null unless queued. */
  position: number | null;
}

export interface StartRequest {
  decisionId: string;
  conversationId: string;
  customerId: string;
  queueId: string;
  channel: Channel;
  rank: number;
  fallbackUsed: boolean;
  /** Agents to try, best first; the first with free capacity on the channel (and online) is reserved. */
  ranked: readonly string[];
  /** Agents who may take the handoff later if it has to wait. */
  qualified: readonly string[];
  explanation: string[];
  at: Date;
}

export interface ReleaseResult {
  released: AssignmentRecord;
  /** The queued handoff the freed capacity took, if any. */
  next: AssignmentRecord | null;
  /** Its status before this call: `RELEASED` when it was already released and nothing changed. */
  previousStatus: AssignmentStatus;
}

/** Handoffs waiting for an agent in one queue. */
export interface QueueWait {
  queueId: string;
  waiting: number;
  /** When the longest-waiting of them was started. */
  oldestQueuedAt: Date;
}

export interface HandoffStore {
  getAssignment(decisionId: string): Promise<AssignmentRecord | null>;
  /**
   * Reserves one unit of the first ranked agent with free capacity, or queues the handoff.
   * Idempotent: a decision already started returns its assignment unchanged (`created` false).
   */
  startHandoff(request: StartRequest, actor: Actor): Promise<{ assignment: AssignmentRecord; created: boolean }>;
  /**
   * Releases an assigned (or withdraws a queued) handoff; freed capacity takes the next queued
   * handoff the agent qualifies for. @returns null for an unknown decision id
   */
  releaseAssignment(decisionId: string, at: Date, actor: Actor): Promise<ReleaseResult | null>;
  /** Queues with handoffs waiting (those with none are left out), for the operations metrics. */
  queueWaits(): Promise<QueueWait[]>;
}
