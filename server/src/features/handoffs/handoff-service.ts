/**
 * Committing handoffs and taking them through their lifecycle. `startHandoff(decisionId)`
 * re-routes a logged HANDOFF decision on the current directory (same policy version, same facts),
 * then reserves one unit of capacity of the best agent still free — the next candidate if the
 * suggested one filled up — or queues the handoff for the agents who qualify, with a wait
 * estimate; a conversation with an open handoff gets that one back instead. Accept, resolve,
 * abandon and release are planned by `handoff-lifecycle.ts` (pure) and written by the store in
 * one transaction. Timeouts (acceptance, maximum age) are applied lazily before every read and
 * change of handoffs, and by `sweep()`, which `HandoffSweeper` runs periodically. A BOT key
 * reads and changes only the handoffs it started.
 */
import { capacityChannel, estimateWaitSeconds, routeHandoff, type PreparedDirectory, type WaitingRoomState } from '@baton/rules';
import { BatonErrorCode, type DecideHandoffInput, type Facts, type Priority } from '@baton/schemas';
import { BatonError, badInput, notFound } from '../../baton-error';
import { DEFAULT_HANDOFF_TIMEOUT_CONFIG } from '../../config';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { DecisionLogStore, StoredDecision } from '../decisions/decision-log-store';
import { PreparedPolicyCache } from '../decisions/prepared-policy-cache';
import type { DirectoryService } from '../directory/directory-service';
import type { PolicyStore } from '../policies/policy-store';
import { checkHandoffAccess, dueBefore, isOpen, planCommand, planTimeout, type HandoffCommand, type HandoffTimeouts } from './handoff-lifecycle';
import type { HandoffEvents } from './handoff-events';
import type { AssignmentRecord, HandoffStep, HandoffStore, StepResult } from './handoff-store';
import { WaitingRoomReader } from './waiting-room-reader';

export interface HandoffServiceDeps {
  store: HandoffStore;
  decisionLogStore: DecisionLogStore;
  /** Writes queued decision-log entries, for a decision started before its batch was flushed. */
  flushDecisionLog: () => Promise<void>;
  policies: PolicyStore;
  directory: DirectoryService;
  cache?: PreparedPolicyCache;
  clock?: () => Date;
  /** Acceptance timeout and maximum age of open handoffs (default: `DEFAULT_HANDOFF_TIMEOUT_CONFIG` of `config.ts`). */
  timeouts?: HandoffTimeouts;
  /** Told of handoffs started and of every lifecycle step (the operations metrics, `server/src/metrics/`). */
  metrics?: { handoffStarted(assignment: AssignmentRecord): void; handoffStepped(result: StepResult): void };
  /** Told of every handoff started and every step, after its transaction committed (the subscriptions' bus, `handoff-events.ts`). */
  events?: Pick<HandoffEvents, 'handoffChanged'>;
}

/** An assignment with its current wait estimate (seconds; 0 when an agent holds it, null when unknown or ended). */
export interface AssignmentView extends AssignmentRecord {
  estimatedWaitSeconds: number | null;
}

/** Queued handoffs are served by decision priority first, then by queue priority (1..10). */
const PRIORITY_RANK: Record<Priority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

/** Handoffs one sweep round takes through their timeouts; rounds repeat while a round is full. */
const SWEEP_BATCH = 200;
/** Most rounds of one sweep (a backlog left over goes to the next sweep). */
const SWEEP_ROUNDS = 50;

export class HandoffService {
  private readonly cache: PreparedPolicyCache;
  private readonly clock: () => Date;
  private readonly timeouts: HandoffTimeouts;
  private readonly waitingRooms: WaitingRoomReader;
  private sweeping: Promise<number> | undefined;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.cache = deps.cache ?? new PreparedPolicyCache();
    this.clock = deps.clock ?? (() => new Date());
    this.timeouts = deps.timeouts ?? DEFAULT_HANDOFF_TIMEOUT_CONFIG;
    this.waitingRooms = new WaitingRoomReader({ ...deps, cache: this.cache, clock: this.clock });
  }

  /** What to tell the customer of a queued handoff now (`waiting-room-reader.ts`); null unless QUEUED. */
  waitingRoom(handoff: AssignmentView): Promise<WaitingRoomState | null> {
    return this.waitingRooms.read(handoff, handoff.estimatedWaitSeconds);
  }

  /**
   * @returns null for a decision never started
   * @throws FORBIDDEN when a BOT key asks for a handoff another key started
   */
  async getAssignment(decisionId: string, actor: Actor = SYSTEM_ACTOR): Promise<AssignmentView | null> {
    await this.sweep();
    const record = await this.deps.store.getAssignment(decisionId);
    if (!record) return null;
    checkHandoffAccess(record, actor);
    return this.view(record, await this.deps.directory.current());
  }

  /**
   * The conversation's open handoff, else its latest; null when it has none.
   * @throws FORBIDDEN when a BOT key asks for a handoff another key started
   */
  async handoffOfConversation(conversationId: string, actor: Actor): Promise<AssignmentView | null> {
    await this.sweep();
    const record = await this.deps.store.findByConversation(conversationId);
    if (!record) return null;
    checkHandoffAccess(record, actor);
    return this.view(record, await this.deps.directory.current());
  }

  /**
   * The conversation's open handoff for `decideHandoff` (its timeouts applied first); null when
   * none is open. Not scoped by key: any decider learns that the conversation is with a person.
   */
  async openHandoff(conversationId: string): Promise<AssignmentView | null> {
    let record = await this.deps.store.findByConversation(conversationId);
    if (!record || !isOpen(record.status)) return null;
    const now = this.clock();
    if (planTimeout(record, now, this.timeouts)) {
      const result = await this.step(record.decisionId, (current) => planTimeout(current, now, this.timeouts), SYSTEM_ACTOR);
      record = result?.after ?? null;
      if (!record || !isOpen(record.status)) return null;
    }
    return this.view(record, await this.deps.directory.current());
  }

  /**
   * Commits a HANDOFF decision. Idempotent per conversation: starting a started decision, or any
   * decision of a conversation whose handoff is still open, returns that handoff unchanged.
   * @throws NOT_FOUND (unknown decision), BAD_USER_INPUT (not a HANDOFF), CONFLICT (every
   *   target queue has closed since the decision: offer a callback, `extensions.nextOpeningAt`),
   *   FORBIDDEN (a BOT key asking for a handoff another key started)
   */
  async startHandoff(decisionId: string, actor: Actor): Promise<AssignmentView> {
    await this.sweep();
    const existing = await this.deps.store.getAssignment(decisionId);
    if (existing) return this.visible(existing, actor);
    const logged = await this.loggedDecision(decisionId);
    const open = await this.deps.store.findByConversation(logged.conversationId);
    if (open && isOpen(open.status)) return this.visible(open, actor);
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
    const lastAgentId = await this.deps.directory.lastAgentOf(input.customer.id);
    const now = this.clock();
    const routed = await routeHandoff({
      routing: prepared.routing,
      leaf,
      facts: logged.facts as unknown as Facts,
      input,
      directory,
      lastAgentId,
      now,
      withQualified: true,
    });
    if (routed.closed) {
      throw new BatonError(
        BatonErrorCode.Conflict,
        `Queue ${routed.target.queueId} has closed since decision '${decisionId}'; offer the customer a callback${routed.target.nextOpeningAt ? ` (it opens at ${routed.target.nextOpeningAt.toISOString()})` : ''}.`,
        { decisionId, queueId: routed.target.queueId, nextOpeningAt: routed.target.nextOpeningAt?.toISOString() ?? null },
      );
    }
    const queue = directory.queues.get(routed.target.queueId);
    const { assignment, created, alsoAssigned } = await this.deps.store.startHandoff(
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
    if (!created) return this.visible(assignment, actor);
    this.deps.metrics?.handoffStarted(assignment);
    this.deps.directory.invalidate();
    this.deps.events?.handoffChanged(assignment, 'start');
    for (const taken of alsoAssigned) this.deps.events?.handoffChanged(taken, 'assign');
    return this.view(assignment, directory);
  }

  /**
   * Frees the agent's capacity (or withdraws a queued handoff): RELEASED.
   * @throws NOT_FOUND (never started), CONFLICT (already ended), FORBIDDEN (another key's, for a BOT key)
   */
  releaseAssignment(decisionId: string, actor: Actor): Promise<AssignmentView> {
    return this.command(decisionId, { kind: 'release' }, actor);
  }

  /**
   * The agent responded: ASSIGNED → ACCEPTED. With `agentId`, refused unless that agent holds it.
   * @throws NOT_FOUND, CONFLICT (not ASSIGNED, or held by another agent), FORBIDDEN
   */
  acceptHandoff(decisionId: string, agentId: string | null | undefined, actor: Actor): Promise<AssignmentView> {
    return this.command(decisionId, { kind: 'accept', agentId }, actor);
  }

  /**
   * The agent is done: ACCEPTED → RESOLVED or TRANSFERRED.
   * @throws NOT_FOUND, CONFLICT (not ACCEPTED), FORBIDDEN
   */
  resolveHandoff(decisionId: string, outcome: 'RESOLVED' | 'TRANSFERRED', actor: Actor): Promise<AssignmentView> {
    return this.command(decisionId, { kind: 'resolve', outcome }, actor);
  }

  /**
   * The customer left: any open status → ABANDONED.
   * @throws NOT_FOUND, CONFLICT (already ended), FORBIDDEN
   */
  abandonHandoff(decisionId: string, actor: Actor): Promise<AssignmentView> {
    return this.command(decisionId, { kind: 'abandon' }, actor);
  }

  /**
   * Applies every timeout due now: open handoffs past the maximum age expire, assignments not
   * accepted in time go back to the queue. A sweep already running is joined, not repeated.
   * @returns how many handoffs changed
   */
  sweep(): Promise<number> {
    if (this.sweeping) return this.sweeping;
    const run = this.sweepOnce();
    this.sweeping = run;
    const clear = () => {
      if (this.sweeping === run) this.sweeping = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  /** Handoffs waiting and when the longest-waiting started, for every queue of the directory (0 and null when none waits). */
  async queueWaits(): Promise<{ queueId: string; waiting: number; oldestQueuedAt: Date | null }[]> {
    const waits = await this.deps.store.queueWaits();
    const waiting = new Set(waits.map((w) => w.queueId));
    const idle = [...(await this.deps.directory.current()).queues.keys()].filter((id) => !waiting.has(id));
    return [...waits, ...idle.map((queueId) => ({ queueId, waiting: 0, oldestQueuedAt: null }))];
  }

  /** `record` with its current wait estimate, as the API shows it (no access check: the caller filters). */
  async present(record: AssignmentRecord): Promise<AssignmentView> {
    return this.view(record, await this.deps.directory.current());
  }

  private async sweepOnce(): Promise<number> {
    if (this.timeouts.acceptSeconds === null && this.timeouts.maxAgeSeconds === null) return 0;
    const now = this.clock();
    let changed = 0;
    for (let round = 0; round < SWEEP_ROUNDS; round++) {
      const due = await this.deps.store.dueForTimeout({ ...dueBefore(now, this.timeouts), limit: SWEEP_BATCH });
      let changedNow = 0;
      for (const decisionId of due) {
        const result = await this.step(decisionId, (current) => planTimeout(current, now, this.timeouts), SYSTEM_ACTOR);
        if (result?.step) changedNow++;
      }
      changed += changedNow;
      // A full round that changed something may have left more; one that changed nothing never will.
      if (due.length < SWEEP_BATCH || changedNow === 0) break;
    }
    return changed;
  }

  /** A change asked by a caller: timeouts first, then the step `handoff-lifecycle.ts` plans. */
  private async command(decisionId: string, command: HandoffCommand, actor: Actor): Promise<AssignmentView> {
    await this.sweep();
    const now = this.clock();
    const result = await this.step(
      decisionId,
      (current) => {
        checkHandoffAccess(current, actor);
        return planCommand(current, command, now);
      },
      actor,
    );
    if (!result) throw notFound(`Decision '${decisionId}' has no handoff; start it with startHandoff first.`, { decisionId });
    return this.view(result.after, await this.deps.directory.current());
  }

  /** One store transition, told to the metrics; the directory snapshot is refreshed when capacity or queues moved. */
  private async step(decisionId: string, plan: (current: AssignmentRecord) => HandoffStep | null, actor: Actor): Promise<StepResult | null> {
    const result = await this.deps.store.transition(decisionId, plan, actor);
    if (result?.step) {
      this.deps.metrics?.handoffStepped(result);
      this.deps.directory.invalidate();
      this.deps.events?.handoffChanged(result.after, result.step.event);
      if (result.next) this.deps.events?.handoffChanged(result.next, 'assign');
    }
    return result;
  }

  /** `record` for a caller who may see it (a BOT key only its own). */
  private async visible(record: AssignmentRecord, actor: Actor): Promise<AssignmentView> {
    checkHandoffAccess(record, actor);
    return this.view(record, await this.deps.directory.current());
  }

  /**
   * The wait of a queued handoff: its place in the queue over the conversation slots of the
   * queue's online agents (`estimateWaitSeconds` with the queue saturated: position · h / N).
   */
  private view(record: AssignmentRecord, directory: PreparedDirectory): AssignmentView {
    if (record.status !== 'QUEUED') return { ...record, estimatedWaitSeconds: record.status === 'ASSIGNED' || record.status === 'ACCEPTED' ? 0 : null };
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
      throw notFound(
        `Decision '${decisionId}' is not in the decision log; check the id (decideHandoff's decisionId); a dryRun decision is never logged, so decide again without dryRun to start one.`,
        { decisionId },
      );
    return flushed;
  }
}
