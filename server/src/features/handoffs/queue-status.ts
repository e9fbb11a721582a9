/**
 * Queue figures for agent desktops and supervisors (the SDL's `QueueStatus`): waiting handoffs,
 * the longest wait, agents online and the wait a new conversation should expect, computed from
 * the directory snapshot and the store's queued handoffs. `queueStatusOf` is the formula (pure);
 * `QueueStatusService` gathers its inputs.
 */
import { estimateWaitSeconds } from '@baton/rules';
import type { Agent, Channel, Queue } from '@baton/schemas';
import { notFound } from '../../baton-error';
import type { DirectoryService } from '../directory/directory-service';
import type { AssignmentView } from './handoff-service';
import type { AssignmentRecord, HandoffStore } from './handoff-store';

/** Waiting handoffs listed per queue (`waiting` counts them all). */
export const LISTED_HANDOFFS = 50;

/** The channel the queue's wait estimate is for: chat, where handoffs from bots arrive. */
const ESTIMATE_CHANNEL: Channel = 'chat';

export interface QueueStatusView {
  queueId: string;
  queueName: string;
  openNow: boolean;
  waiting: number;
  /** Seconds since the longest-waiting handoff started; 0 when none waits. */
  longestWaitSeconds: number;
  /** Members of the queue whose status is ONLINE. */
  agentsOnline: number;
  /** Chat seats those members have free now: capacity minus conversations held. */
  freeChatSeats: number;
  /** Seconds a chat conversation joining now should expect to wait; null when no agent is online. */
  estimatedWaitSeconds: number | null;
  /** The first `LISTED_HANDOFFS` waiting handoffs, in serving order. */
  handoffs: AssignmentView[];
  at: Date;
}

export interface QueueStatusInput {
  queue: Queue;
  /** Agents serving the queue (skills and languages), any status. */
  members: readonly Agent[];
  openNow: boolean;
  waiting: number;
  /** When the longest-waiting handoff started; null when none waits. */
  oldestQueuedAt: Date | null;
  handoffs: AssignmentView[];
  now: Date;
}

/**
 * The figures of one queue. The wait estimate is routing's (`estimateWaitSeconds` of
 * `@baton/rules`, Erlang C below saturation, `(waiting + 1) · h / N` at or above it) over the
 * chat slots of the online members and the conversations they hold, with every waiting handoff
 * counted as offered load; unlike routing it does not drop agents outside their working hours
 * or filtered by a route, so it is the queue's figure, not a particular conversation's.
 */
export function queueStatusOf(input: QueueStatusInput): QueueStatusView {
  const online = input.members.filter((agent) => agent.status === 'ONLINE');
  let slots = 0;
  let busy = 0;
  for (const agent of online) {
    const capacity = agent.capacity[ESTIMATE_CHANNEL] ?? 0;
    slots += capacity;
    busy += Math.min(agent.activeConversations[ESTIMATE_CHANNEL] ?? 0, capacity);
  }
  const estimate = estimateWaitSeconds({ slots, busy, waiting: input.waiting, averageHandleSeconds: input.queue.averageHandleSeconds });
  const longest = input.oldestQueuedAt ? Math.max(0, Math.floor((input.now.getTime() - input.oldestQueuedAt.getTime()) / 1000)) : 0;
  return {
    queueId: input.queue.id,
    queueName: input.queue.name,
    openNow: input.openNow,
    waiting: input.waiting,
    longestWaitSeconds: longest,
    agentsOnline: online.length,
    freeChatSeats: slots - busy,
    // No wait comes back as -0 (a ceiling of a tiny negative); + 0 makes it the 0 people expect.
    estimatedWaitSeconds: estimate === null ? null : estimate + 0,
    handoffs: input.handoffs,
    at: input.now,
  };
}

export interface QueueStatusServiceDeps {
  store: Pick<HandoffStore, 'queueWaits' | 'queuedIn'>;
  directory: Pick<DirectoryService, 'current' | 'openState'>;
  /** A handoff with its wait estimate (`HandoffService.present`). */
  present: (record: AssignmentRecord) => Promise<AssignmentView>;
  clock?: () => Date;
}

export class QueueStatusService {
  private readonly clock: () => Date;

  constructor(private readonly deps: QueueStatusServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * The status of each of `queueIds` (every queue of the directory when null), in that order.
   * @throws NOT_FOUND naming the first unknown queue id
   */
  async statuses(queueIds: readonly string[] | null): Promise<QueueStatusView[]> {
    const directory = await this.deps.directory.current();
    const ids = queueIds ?? [...directory.queues.keys()];
    const unknown = ids.find((id) => !directory.queues.has(id));
    if (unknown !== undefined) throw notFound(`Queue '${unknown}' does not exist; list queues with the queues query.`, { queueId: unknown });
    const waits = new Map((await this.deps.store.queueWaits()).map((w) => [w.queueId, w]));
    const now = this.clock();
    return Promise.all(
      ids.map(async (id) => {
        const queue = directory.queues.get(id) as Queue;
        const wait = waits.get(id);
        const queued = wait ? await this.deps.store.queuedIn(id, LISTED_HANDOFFS) : [];
        return queueStatusOf({
          queue,
          members: directory.membersByQueue.get(id) ?? [],
          openNow: this.deps.directory.openState(queue).openNow,
          waiting: wait?.waiting ?? 0,
          oldestQueuedAt: wait?.oldestQueuedAt ?? null,
          handoffs: await Promise.all(queued.map((record) => this.deps.present(record))),
          now,
        });
      }),
    );
  }
}
