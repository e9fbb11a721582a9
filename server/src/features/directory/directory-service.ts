/**
 * The directory: queues, agents and presence, and the in-memory snapshot routing reads on the
 * decision hot path. The snapshot is rebuilt after every change made through this service and
 * at most `refreshMs` after a change made elsewhere (another server on the same store), so a
 * decision never waits for storage except on the first call after it goes stale.
 */
import { isOpen, localClockAt, nextOpening, prepareDirectory, type PreparedDirectory } from '@baton/rules';
import type { Agent, AgentStatus, Queue } from '@baton/schemas';
import { BatonError, notFound } from '../../baton-error';
import { BatonErrorCode } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';
import type { DirectoryStore } from './directory-store';
import { refuse, toAgentProfile, toChannelCounts, toQueue, type AgentInput, type ChannelCountInput, type Problem, type QueueInput } from './directory-input';

export interface DirectoryServiceDeps {
  store: DirectoryStore;
  clock?: () => Date;
  /** Longest a snapshot is trusted without re-reading the store, ms (default 5000). */
  refreshMs?: number;
  /**
   * Told after every change made through this service, with the queued handoffs it assigned
   * (an agent came online or got free capacity), for live events (`handoff-events.ts`).
   */
  onChange?: (assigned: readonly string[]) => void;
}

export class DirectoryService {
  private readonly clock: () => Date;
  private snapshot: { prepared: PreparedDirectory; loadedAt: number } | null = null;
  /** Queue ids last seen; queues are never deleted, so this only grows between loads. */
  private knownQueueIds = new Set<string>();
  /** Language codes the queues and agents last seen serve (known values of the `language` fact in validation); grows between loads. */
  private knownLanguageCodes = new Set<string>();
  private loading: Promise<PreparedDirectory> | null = null;
  private generation = 0;

  constructor(private readonly deps: DirectoryServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The snapshot routing reads; reloaded when changed or older than `refreshMs`. Concurrent reloads are shared. */
  async current(): Promise<PreparedDirectory> {
    const fresh = this.snapshot && Date.now() - this.snapshot.loadedAt < (this.deps.refreshMs ?? 5000);
    if (fresh && this.snapshot) return this.snapshot.prepared;
    return this.reload();
  }

  /** The agent who most recently took a handoff of `customerId` (routing prefers them); null when none did. */
  lastAgentOf(customerId: string): Promise<string | null> {
    return this.deps.store.lastAgentOf(customerId);
  }

  /** Queue ids of the directory (what policy validation checks route targets against); empty before the first load. */
  queueIds(): ReadonlySet<string> {
    return this.knownQueueIds;
  }

  /** Languages the directory's queues and agents serve (ISO 639-1); empty before the first load. */
  languages(): ReadonlySet<string> {
    return this.knownLanguageCodes;
  }

  /**
   * Marks the snapshot stale after a change (this server's handoffs included): the next
   * `current()` reads the store again, once for all concurrent callers.
   */
  invalidate(): void {
    this.generation += 1;
    this.snapshot = null;
    this.loading = null;
  }

  listQueues(): Promise<Queue[]> {
    return this.deps.store.listQueues();
  }

  getQueue(id: string): Promise<Queue | null> {
    return this.deps.store.getQueue(id);
  }

  /** Whether `queue` is open at the service clock, and when it opens next if not. */
  openState(queue: Queue): { openNow: boolean; nextOpeningAt: Date | null } {
    const now = this.clock();
    if (!queue.hours) return { openNow: true, nextOpeningAt: null };
    const openNow = isOpen(queue.hours, localClockAt(now));
    return { openNow, nextOpeningAt: openNow ? null : nextOpening(queue.hours, now) };
  }

  /** Handoffs waiting for an agent in `queueId`. */
  async waiting(queueId: string): Promise<number> {
    return (await this.current()).waitingByQueue[queueId] ?? 0;
  }

  /** Queues `agentId` serves (its skills and languages meet theirs). */
  async queuesOf(agentId: string): Promise<string[]> {
    const prepared = await this.current();
    return [...prepared.membersByQueue].filter(([, members]) => members.some((a) => a.id === agentId)).map(([id]) => id);
  }

  /** Every agent, or those serving `queueId`. @throws NOT_FOUND for an unknown queue */
  async listAgents(queueId?: string | null): Promise<Agent[]> {
    if (!queueId) return this.deps.store.listAgents();
    const prepared = await this.current();
    const members = prepared.membersByQueue.get(queueId);
    if (!members) throw notFound(`Queue '${queueId}' does not exist; list queues with the queues query.`, { queueId });
    const ids = new Set(members.map((a) => a.id));
    return (await this.deps.store.listAgents()).filter((a) => ids.has(a.id));
  }

  getAgent(id: string): Promise<Agent | null> {
    return this.deps.store.getAgent(id);
  }

  /** Creates or replaces a queue. @throws BAD_USER_INPUT (with `problems`) */
  async upsertQueue(input: QueueInput, actor: Actor): Promise<Queue> {
    const known = new Set((await this.deps.store.listQueues()).map((q) => q.id));
    const queue = await this.deps.store.upsertQueue(toQueue(input, known), this.clock(), actor);
    this.knownQueueIds = new Set([...this.knownQueueIds, queue.id]);
    this.knownLanguageCodes = new Set([...this.knownLanguageCodes, ...queue.languages]);
    this.invalidate();
    this.deps.onChange?.([]);
    return queue;
  }

  /** Creates (offline) or replaces an agent's profile. @throws BAD_USER_INPUT (with `problems`) */
  async upsertAgent(input: AgentInput, actor: Actor): Promise<Agent> {
    const agent = await this.deps.store.upsertAgent(toAgentProfile(input), this.clock(), actor);
    this.knownLanguageCodes = new Set([...this.knownLanguageCodes, ...agent.languages]);
    this.invalidate();
    this.deps.onChange?.([]);
    return agent;
  }

  /** @throws NOT_FOUND for an unknown agent; CONFLICT while it has handoffs assigned */
  async removeAgent(id: string, actor: Actor): Promise<Agent> {
    const result = await this.deps.store.removeAgent(id, this.clock(), actor);
    if (result.status === 'not-found') throw notFound(`Agent '${id}' does not exist; list agents with the agents query.`, { agentId: id });
    if (result.status === 'busy') {
      throw new BatonError(
        BatonErrorCode.Conflict,
        `Agent '${id}' has ${result.assigned} handoff(s) assigned; release them (releaseAssignment) or wait until they end, then remove the agent.`,
        { agentId: id, assigned: result.assigned },
      );
    }
    this.invalidate();
    this.deps.onChange?.([]);
    return result.agent;
  }

  /**
   * Sets an agent's status and, when given, conversations in progress per channel.
   * @throws BAD_USER_INPUT (bad counts); NOT_FOUND for an unknown agent
   */
  async setAgentPresence(agentId: string, status: AgentStatus, active: ChannelCountInput[] | null | undefined, actor: Actor): Promise<Agent> {
    const problems: Problem[] = [];
    const counts = active ? toChannelCounts(active, 'activeConversations', problems) : undefined;
    refuse(problems, `Presence of agent "${agentId}"`);
    const change = await this.deps.store.setAgentPresence(agentId, status, counts, this.clock(), actor);
    if (!change) throw notFound(`Agent '${agentId}' does not exist; list agents with the agents query.`, { agentId });
    this.invalidate();
    this.deps.onChange?.(change.assigned);
    return change.agent;
  }

  private reload(): Promise<PreparedDirectory> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.deps.store
      .snapshot()
      .then((snapshot) => {
        const prepared = prepareDirectory(snapshot);
        // A reload started after this one has the newer data; keep it.
        if (generation === this.generation) {
          this.snapshot = { prepared, loadedAt: Date.now() };
          this.knownQueueIds = new Set(snapshot.queues.map((q) => q.id));
          this.knownLanguageCodes = new Set([...snapshot.queues, ...snapshot.agents].flatMap((x) => x.languages));
        }
        return prepared;
      })
      .finally(() => {
        if (this.loading === loading) this.loading = null;
      });
    this.loading = loading;
    return loading;
  }
}
