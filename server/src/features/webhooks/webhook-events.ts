/**
 * Which webhook events a handoff change raises, and what each carries (pure). Every event holds
 * the handoff as the change left it and its status before; the context package is added when
 * the payload is built (`webhook-payload.ts`), outside the transaction.
 *
 *   start   → handoff.started, then handoff.queued (waiting) or handoff.assigned (an agent has it)
 *   accept  → handoff.accepted              resolve → handoff.resolved
 *   transfer → handoff.transferred          abandon → handoff.abandoned
 *   release → handoff.released              expire  → handoff.expired
 *   requeue → handoff.requeued, then handoff.assigned when the next candidate took it at once
 *   a step that freed capacity → handoff.assigned for the queued handoff it took
 *   an agent coming online (or given capacity) → handoff.assigned for each queued handoff it took
 */
import type { AssignmentRecord, HandoffChange, HandoffEvent } from '../handoffs/handoff-store';

/** Every event type an endpoint may subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'handoff.started',
  'handoff.queued',
  'handoff.assigned',
  'handoff.accepted',
  'handoff.requeued',
  'handoff.resolved',
  'handoff.transferred',
  'handoff.abandoned',
  'handoff.released',
  'handoff.expired',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** An event before it has an id: its type, the handoff it is about, and the data it carries. */
export interface OutboxEvent {
  type: WebhookEventType;
  decisionId: string;
  occurredAt: Date;
  data: { handoff: HandoffSnapshot; previousStatus: string | null };
}

/** The handoff as a payload shows it (times as ISO strings). */
export interface HandoffSnapshot {
  decisionId: string;
  conversationId: string;
  customerId: string;
  queueId: string;
  agentId: string | null;
  channel: string;
  status: string;
  position: number | null;
  requeues: number;
  createdAt: string;
  assignedAt: string | null;
  acceptedAt: string | null;
  releasedAt: string | null;
}

const STEP_TYPES: Record<HandoffEvent, WebhookEventType> = {
  accept: 'handoff.accepted',
  resolve: 'handoff.resolved',
  transfer: 'handoff.transferred',
  abandon: 'handoff.abandoned',
  release: 'handoff.released',
  requeue: 'handoff.requeued',
  expire: 'handoff.expired',
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The snapshot of `a` a payload carries. */
export function snapshotOf(a: AssignmentRecord): HandoffSnapshot {
  return {
    decisionId: a.decisionId,
    conversationId: a.conversationId,
    customerId: a.customerId,
    queueId: a.queueId,
    agentId: a.agentId,
    channel: a.channel,
    status: a.status,
    position: a.position,
    requeues: a.requeues,
    createdAt: a.createdAt.toISOString(),
    assignedAt: iso(a.assignedAt),
    acceptedAt: iso(a.acceptedAt),
    releasedAt: iso(a.releasedAt),
  };
}

const event = (type: WebhookEventType, after: AssignmentRecord, previousStatus: string | null, occurredAt: Date): OutboxEvent => ({
  type,
  decisionId: after.decisionId,
  occurredAt,
  data: { handoff: snapshotOf(after), previousStatus },
});

/** The events `change` raises, in the order they happened. */
export function eventsOf(change: HandoffChange): OutboxEvent[] {
  switch (change.kind) {
    case 'start':
      return [
        event('handoff.started', change.after, null, change.at),
        event(change.after.status === 'QUEUED' ? 'handoff.queued' : 'handoff.assigned', change.after, null, change.at),
      ];
    case 'assign':
      return [event('handoff.assigned', change.after, 'QUEUED', change.at)];
    case 'step': {
      const { step, before, after, next } = change;
      const events = [event(STEP_TYPES[step.event], after, before.status, step.at)];
      if (step.event === 'requeue' && after.status === 'ASSIGNED') events.push(event('handoff.assigned', after, 'QUEUED', step.at));
      if (next) events.push(event('handoff.assigned', next, 'QUEUED', step.at));
      return events;
    }
  }
}
