/**
 * Committing handoffs. `startHandoff(decisionId)` re-routes a logged HANDOFF decision on the
 * current directory (same policy version, same facts), then reserves one unit of capacity of
 * the best agent still free — the next candidate if the suggested one filled up — or queues
 * the handoff for the agents who qualify, with a wait estimate. `releaseAssignment` frees the
 * capacity, which the next queued handoff takes.
 */
import { capacityChannel, estimateWaitSeconds, routeHandoff, type PreparedDirectory } from '@baton/rules';
import { BatonErrorCode, type DecideHandoffInput, type Facts, type Priority } from '@baton/schemas';
import { BatonError, badInput, notFound } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import type { DecisionLogStore, StoredDecision } from '../decisions/decision-log-store';
import { PreparedPolicyCache } from '../decisions/prepared-policy-cache';
import type { DirectoryService } from '../directory/directory-service';
import type { PolicyStore } from '../policies/policy-store';
import type { AssignmentRecord, HandoffStore, ReleaseResult } from './handoff-store';

export interface HandoffServiceDeps {
  store: HandoffStore;
  decisionLogStore: DecisionLogStore;
  /** Writes queued decision-log entries, for a decision started before its batch was flushed. */
  flushDecisionLog: () => Promise<void>;
  policies: PolicyStore;
  directory: DirectoryService;
  cache?: PreparedPolicyCache;
  clock?: () => Date;
  /** Told of handoffs started and released (the operations metrics, `server/src/metrics/`). */
  metrics?: { handoffStarted(assignment: AssignmentRecord): void; handoffReleased(result: ReleaseResult): void };
}

/** An assignment with its current wait estimate (seconds; 0 when assigned, null when unknown). */
export interface AssignmentView extends AssignmentRecord {
  estimatedWaitSeconds: number | null;
}

/** Queued handoffs are served by decision priority first, then by queue priority (1..10). */
const PRIORITY_RANK: Record<Priority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

export class HandoffService {
  private readonly cache: PreparedPolicyCache;
  private readonly clock: () => Date;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.cache = deps.cache ?? new PreparedPolicyCache();
    this.clock = deps.clock ?? (() => new Date());
  }

  /** @returns null for a decision never started */
  async getAssignment(decisionId: string): Promise<AssignmentView | null> {
    const record = await this.deps.store.getAssignment(decisionId);
    return record ? this.view(record, await this.deps.directory.current()) : null;
  }

  /**
   * Commits a HANDOFF decision. Idempotent: starting it again returns its assignment.
   * @throws NOT_FOUND (unknown decision), BAD_USER_INPUT (not a HANDOFF), CONFLICT (every
   *   target queue has closed since the decision: offer a callback, `extensions.nextOpeningAt`)
   */
  async startHandoff(decisionId: string, actor: Actor): Promise<AssignmentView> {
    const existing = await this.deps.store.getAssignment(decisionId);
    if (existing) return this.view(existing, await this.deps.directory.current());
    const logged = await this.loggedDecision(decisionId);
    if (logged.outcome.action !== 'HANDOFF') {
      throw badInput(`Decision '${decisionId}' is a ${logged.outcome.action}, not a HANDOFF; only a handoff reserves an agent.`, {
        decisionId,
        action: logged.outcome.action,
      });
    }
    const prepared = await this.cache.ofRef({ policyId: logged.policyId, version: logged.policyVersion, contentHash: logged.contentHash }, this.deps.policies);
    const leafId = logged.outcome.reasons[0]?.nodeId;
    const leaf = leafId ? prepared.index.nodes.get(leafId) : undefined;
    if (!leaf || leaf.kind !== 'handoff')
      throw notFound(`Decision '${decisionId}' does not name the handoff leaf it reached; it cannot be started.`, { decisionId });
    const input = logged.input as unknown as Pick<DecideHandoffInput, 'channel' | 'customer'>;
    const directory = await this.deps.directory.current();
    const now = this.clock();
    const routed = await routeHandoff({ routing: prepared.routing, leaf, facts: logged.facts as unknown as Facts, input, directory, now, withQualified: true });
    if (routed.closed) {
      throw new BatonError(
        BatonErrorCode.Conflict,
        `Queue ${routed.target.queueId} has closed since decision '${decisionId}'; offer the customer a callback${routed.target.nextOpeningAt ? ` (it opens at ${routed.target.nextOpeningAt.toISOString()})` : ''}.`,
        { decisionId, queueId: routed.target.queueId, nextOpeningAt: routed.target.nextOpeningAt?.toISOString() ?? null },
      );
    }
    const queue = directory.queues.get(routed.target.queueId);
    const { assignment, created } = await this.deps.store.startHandoff(
      {
        decisionId,
        conversationId: logged.conversationId,
        customerId: input.customer.id,
        queueId: routed.target.queueId,
        channel: capacityChannel(input.channel),
        rank: PRIORITY_RANK[logged.outcome.priority] * 100 + (queue?.priority ?? 0),
        fallbackUsed: routed.target.fallbackUsed,
        ranked: routed.ranked,
        qualified: routed.qualified,
        explanation: routed.target.explanation,
        at: now,
      },
      actor,
    );
    if (created) this.deps.metrics?.handoffStarted(assignment);
    this.deps.directory.invalidate();
    return this.view(assignment, directory);
  }

  /** @throws NOT_FOUND for a decision never started */
  async releaseAssignment(decisionId: string, actor: Actor): Promise<AssignmentView> {
    const result = await this.deps.store.releaseAssignment(decisionId, this.clock(), actor);
    if (!result) throw notFound(`Decision '${decisionId}' has no assignment; start it with startHandoff first.`, { decisionId });
    this.deps.metrics?.handoffReleased(result);
    this.deps.directory.invalidate();
    return this.view(result.released, await this.deps.directory.current());
  }

  /** Handoffs waiting and when the longest-waiting started, for every queue of the directory (0 and null when none waits). */
  async queueWaits(): Promise<{ queueId: string; waiting: number; oldestQueuedAt: Date | null }[]> {
    const waits = await this.deps.store.queueWaits();
    const waiting = new Set(waits.map((w) => w.queueId));
    const idle = [...(await this.deps.directory.current()).queues.keys()].filter((id) => !waiting.has(id));
    return [...waits, ...idle.map((queueId) => ({ queueId, waiting: 0, oldestQueuedAt: null }))];
  }

  /**
   * The wait of a queued handoff: its place in the queue over the conversation slots of the
   * queue's online agents (`estimateWaitSeconds` with the queue saturated: position · h / N).
   */
  private view(record: AssignmentRecord, directory: PreparedDirectory): AssignmentView {
    if (record.status !== 'QUEUED') return { ...record, estimatedWaitSeconds: record.status === 'ASSIGNED' ? 0 : null };
    const queue = directory.queues.get(record.queueId);
    const slots = (directory.membersByQueue.get(record.queueId) ?? [])
      .filter((a) => a.status === 'ONLINE')
      .reduce((sum, a) => sum + (a.capacity[record.channel] ?? 0), 0);
    const estimate = queue
      ? estimateWaitSeconds({ slots, busy: slots, waiting: (record.position ?? 1) - 1, averageHandleSeconds: queue.averageHandleSeconds })
      : null;
    return { ...record, estimatedWaitSeconds: estimate };
  }

  /** The logged decision; a decision still in the log's write buffer is flushed first. */
  private async loggedDecision(decisionId: string): Promise<StoredDecision> {
    const found = await this.deps.decisionLogStore.getDecision(decisionId);
    if (found) return found;
    await this.deps.flushDecisionLog();
    const flushed = await this.deps.decisionLogStore.getDecision(decisionId);
    if (!flushed)
      throw notFound(`Decision '${decisionId}' is not in the decision log; a dryRun decision cannot be started — decide again without dryRun.`, { decisionId });
    return flushed;
  }
}
