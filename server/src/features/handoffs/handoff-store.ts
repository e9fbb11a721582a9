/**
 * The handoff storage port: committed handoffs (assignments) and their lifecycle. Changes go
 * through the unit of work (`store/unit-of-work.ts`): `transactional-handoff-store.ts` reads
 * through the repositories below, decides with `handoff-lifecycle.ts` (which step a handoff may
 * take, when a timeout is due) and `handoff-transitions.ts` (which agent takes it, what capacity
 * moves), and writes the records with their audit event and webhook outbox entry. Adapters
 * (`sqlite-handoff-repositories.ts`, `mongo-handoff-repositories.ts`) only persist; both run
 * `handoff-store.contract.ts`. An agent's load is written conditionally on the load read, so
 * however many starts race, no agent is booked beyond its capacity.
 */
import type { AssignmentStatus, Channel } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';

export type { AssignmentStatus };

/** A handoff as stored: its queue position is counted from the waiting handoffs, never stored. */
export type StoredHandoff = Omit<AssignmentRecord, 'position'>;

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
  /** When an agent was last assigned; null until one is (kept when the handoff goes back to the queue). */
  assignedAt: Date | null;
  /** When the agent accepted (first response); null until then. */
  acceptedAt: Date | null;
  /** When it ended (any final status); null while open. */
  releasedAt: Date | null;
  /** Times it went back to the queue because the assigned agent did not accept in time. */
  requeues: number;
  /** Id of the API key that started it; null for the system. */
  startedBy: string | null;
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
  /** Agents who may take the handoff later if it has to wait (or goes back to the queue). */
  qualified: readonly string[];
  explanation: string[];
  at: Date;
}

/** What a lifecycle step is, as its audit event names it (`handoff.<event>`). */
export type HandoffEvent = 'accept' | 'resolve' | 'transfer' | 'abandon' | 'release' | 'requeue' | 'expire';

/**
 * What one lifecycle step changes, decided by `handoff-lifecycle.ts` from the record read in the
 * same transaction; `planStep` (`handoff-transitions.ts`) turns it into the records to write:
 * give back the capacity (`free`), write the status and times, requeue (`requeueWithout`), let
 * the freed capacity take the next queued handoff (`drain`).
 */
export interface HandoffStep {
  event: HandoffEvent;
  /** The status written (`QUEUED` for a requeue: it then goes to the next free candidate when there is one). */
  status: AssignmentStatus;
  at: Date;
  /** Sets `acceptedAt` to `at`. */
  accepted: boolean;
  /** The handoff ends: `releasedAt` is set to `at`, its candidates are dropped, the conversation may start a new one. */
  ends: boolean;
  /** Gives back the unit of capacity the handoff holds (its agent, its channel). */
  free: boolean;
  /** The freed capacity takes the next queued handoff its agent qualifies for. */
  drain: boolean;
  /**
   * Requeue: the handoff leaves this agent (who is no candidate for it any more), keeps its place
   * (rank and start time), and goes to the first other candidate, in routing order, who is
   * online with free capacity; otherwise it waits. `requeues` grows by one.
   */
  requeueWithout: string | null;
}

/** What a lifecycle step did. */
export interface StepResult {
  before: AssignmentRecord;
  after: AssignmentRecord;
  /** The step written; null when the plan found nothing to do (nothing changed). */
  step: HandoffStep | null;
  /** The queued handoff the freed capacity took, if any. */
  next: AssignmentRecord | null;
}

/**
 * A handoff change as its transaction writes it, told to the outbox inside that transaction (the
 * webhooks feature turns it into events, so a crash never loses one): a start, a lifecycle step,
 * or a queued handoff assigned when capacity freed up elsewhere (an agent came online).
 */
export type HandoffChange =
  | { kind: 'start'; after: AssignmentRecord; at: Date }
  | { kind: 'step'; step: HandoffStep; before: AssignmentRecord; after: AssignmentRecord; next: AssignmentRecord | null }
  | { kind: 'assign'; after: AssignmentRecord; at: Date };

/** Handoffs waiting for an agent in one queue. */
export interface QueueWait {
  queueId: string;
  waiting: number;
  /** When the longest-waiting of them was started. */
  oldestQueuedAt: Date;
}

/** Which open handoffs a timeout may be due for (see `dueBefore` in `handoff-lifecycle.ts`); null leaves a kind out. */
export interface DueQuery {
  /** ASSIGNED handoffs assigned at or before this time (acceptance timeout). */
  assignedBefore: Date | null;
  /** Open handoffs started at or before this time (maximum age). */
  startedBefore: Date | null;
  /** Most ids returned. */
  limit: number;
}

/** Reads outside a transaction. */
export interface HandoffAccess {
  getAssignment(decisionId: string): Promise<AssignmentRecord | null>;
  /** The conversation's open handoff (QUEUED, ASSIGNED or ACCEPTED), else its most recently started one; null when none. */
  findByConversation(conversationId: string): Promise<AssignmentRecord | null>;
  /** Decision ids of open handoffs a timeout may be due for, oldest first (the caller re-checks each in `transition`). */
  dueForTimeout(query: DueQuery): Promise<string[]>;
  /** Queues with handoffs waiting (those with none are left out), for the operations metrics. */
  queueWaits(): Promise<QueueWait[]>;
  /** The queue's waiting handoffs in serving order (highest rank, then oldest first), the first `limit`, each with its position. */
  queuedIn(queueId: string, limit: number): Promise<AssignmentRecord[]>;
}

/** The handoff store as the service uses it. Every changing method takes the actor last. */
export interface HandoffStore extends HandoffAccess {
  /**
   * Reserves one unit of the first ranked agent with free capacity, or queues the handoff; a
   * ranked agent serves the handoffs queued before it first (`planStart`), and those it takes are
   * returned as `alsoAssigned`. The starting key (`actor.keyId`) is recorded as `startedBy`.
   * Idempotent per conversation: when the decision was started already, or the conversation has
   * an open handoff, that handoff is returned unchanged (`created` false) — checked in the same
   * transaction as the insert, so two racing starts of one conversation queue it once.
   */
  startHandoff(request: StartRequest, actor: Actor): Promise<{ assignment: AssignmentRecord; created: boolean; alsoAssigned: AssignmentRecord[] }>;
  /**
   * One lifecycle step, atomically: reads the handoff, asks `plan` (pure; it may run more than
   * once when the store retries a conflicting transaction) what to write, writes it with its
   * audit event. When `plan` throws nothing is written; when it returns null nothing changes.
   * @returns null for an unknown decision id
   */
  transition(decisionId: string, plan: (current: AssignmentRecord) => HandoffStep | null, actor: Actor): Promise<StepResult | null>;
}

/**
 * Handoffs inside a transaction. Reads see committed state (a queued handoff's position among
 * them); writes are conditional on what was read.
 */
export interface HandoffRepository {
  /** The handoff of `decisionId` with its queue position; null when never started. */
  find(decisionId: string): Promise<AssignmentRecord | null>;
  /** The conversation's open handoff, else its most recently started one; null when none. */
  findByConversation(conversationId: string): Promise<AssignmentRecord | null>;
  /** 1 + the queued handoffs of `handoff`'s queue served before it (higher rank, then older, then lower decision id). */
  positionOf(handoff: StoredHandoff): Promise<number>;
  /** Agents who may take the handoff while it waits, in routing order; empty once it ended. */
  candidatesOf(decisionId: string): Promise<string[]>;
  /** Queued handoffs `agentId` is a candidate for, in serving order (highest rank, then oldest, then decision id). */
  waitingFor(agentId: string): Promise<StoredHandoff[]>;
  /** Handoffs assigned to or accepted by `agentId`. */
  countHeldBy(agentId: string): Promise<number>;
  /**
   * Stores a new handoff and who may take it (`candidates`, in routing order).
   * @throws DuplicateKeyError with key `decisionId` when the decision was started, `openConversation`
   *   when its conversation has an open handoff
   */
  insert(handoff: StoredHandoff, candidates: readonly string[]): Promise<void>;
  /**
   * Replaces `expected` (as read) by `after`: status, agent and times, requeues; `candidates`,
   * when given, replaces who may take it.
   * @throws StaleWriteError when its status or agent is no longer `expected`'s
   */
  update(after: StoredHandoff, expected: StoredHandoff, candidates?: readonly string[]): Promise<void>;
  /** Open handoffs stop waiting for `agentId` (or being requeued to it). */
  withdrawCandidate(agentId: string): Promise<void>;
}

/** The webhooks outbox as a transaction sees it: a handoff change's events, committed with the change. */
export interface HandoffOutbox {
  append(change: HandoffChange): Promise<void>;
}
