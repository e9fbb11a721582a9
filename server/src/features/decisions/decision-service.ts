/**
 * The decision hot path: check limits, resolve the policy (given id or the default) and its
 * active version, get the prepared policy from the content-hash cache, decide (pure, in
 * `@baton/rules`), queue the log entry. Storage is touched per call for the policy head and
 * the conversation's open handoff: while there is one, the answer is STAY, `with_human`
 * (`handoffs/with-human.ts`), and that answer is what is logged.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PolicyRef } from '@baton/schemas';
import { decideForLog, type PreparedDirectory } from '@baton/rules';
import { notFound } from '../../baton-error';
import type { RequestLimits } from '../../config';
import type { AssignmentView } from '../handoffs/handoff-service';
import { answerWithHuman, type AnsweredDecision } from '../handoffs/with-human';
import type { PolicyStore } from '../policies/policy-store';
import type { DecisionLog } from './decision-log';
import { checkDecideInput, type CoercedDecideHandoffInput } from './input-limits';
import { PreparedPolicyCache } from './prepared-policy-cache';

export interface DecisionServiceDeps {
  policies: PolicyStore;
  /** Where non-dry-run decisions are queued. */
  log: Pick<DecisionLog, 'enqueue'>;
  /** The directory snapshot routing picks queues and agents from (in memory; refreshed on change). Without it a handoff names its leaf's queue. */
  directory?: { current(): Promise<PreparedDirectory>; lastAgentOf(customerId: string): Promise<string | null> };
  limits: RequestLimits;
  /** Told of every non-dry-run decision (the operations metrics, `server/src/metrics/`). */
  metrics?: { decided(policyId: string, policyVersion: number, action: string, reasonCode: string, latencyMs: number): void };
  cache?: PreparedPolicyCache;
  clock?: () => Date;
  newId?: () => string;
  /** The conversation's open handoff (HandoffService.openHandoff); without it decisions never say with_human. */
  openHandoff?: (conversationId: string) => Promise<AssignmentView | null>;
  /** Learns the customer tier of every logged decision (validation and the editor's pick lists read it). */
  customerTiers?: { observe(tier: unknown): void };
}

export class DecisionService {
  private readonly cache: PreparedPolicyCache;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: DecisionServiceDeps) {
    this.cache = deps.cache ?? new PreparedPolicyCache();
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /**
   * Decides whether to hand the conversation to a person, on the active version of
   * `input.policyId` (or of the default policy). Logged unless `input.dryRun` (group commit: the
   * answer waits for the transaction its log entry shares with other requests).
   * While the conversation has an open handoff the answer is STAY, with_human, with that handoff
   * as `activeHandoff` (precedence over the policy).
   * @throws BAD_USER_INPUT (limits, see `checkDecideInput`); NOT_FOUND for an unknown policy,
   *   no default policy, or a policy with no published version; an internal error when the
   *   decision log cannot accept the entry, UNAVAILABLE when it could not store it
   *   (`DecisionLog.enqueue`): a logged decision is answered only once it is committed, so no
   *   decision id is handed out for a decision that is not in the log.
   */
  async decideHandoff(input: CoercedDecideHandoffInput): Promise<AnsweredDecision<AssignmentView>> {
    const started = performance.now();
    checkDecideInput(input, this.deps.limits, this.clock());
    const policyId = input.policyId ?? null;
    const head = await this.deps.policies.getPolicyHead(policyId);
    if (!head) {
      throw policyId === null
        ? notFound('No default policy exists; create and publish one, or pass input.policyId.')
        : notFound(`Policy '${policyId}' does not exist; check input.policyId or list policies with the policies query.`, { policyId });
    }
    if (head.activeVersion === null || head.activeContentHash === null) {
      throw notFound(`Policy '${head.id}' has no published version yet; publish its draft (publishPolicy) first.`, { policyId: head.id });
    }
    const ref: PolicyRef = { id: head.id, name: head.name, version: head.activeVersion, contentHash: head.activeContentHash };
    const prepared = await this.cache.ofRef({ policyId: ref.id, version: ref.version, contentHash: ref.contentHash }, this.deps.policies);
    const now = input.now ?? this.clock();
    const directory = await this.deps.directory?.current();
    const directoryService = this.deps.directory;
    const lastAgentOf = directoryService && ((customerId: string) => directoryService.lastAgentOf(customerId));
    const decided = await decideForLog(prepared, input, { now, decisionId: this.newId(), policy: ref, directory, lastAgentOf });
    const { redactedInput } = decided;
    const activeHandoff = (await this.deps.openHandoff?.(input.conversationId)) ?? null;
    const decision = activeHandoff ? answerWithHuman(decided.decision, activeHandoff) : { ...decided.decision, activeHandoff: null };
    if (input.dryRun !== true) {
      const latencyMs = performance.now() - started;
      await this.deps.log.enqueue({
        decisionId: decision.decisionId,
        evaluatedAt: now,
        policyId: ref.id,
        policyVersion: ref.version,
        contentHash: ref.contentHash,
        conversationId: input.conversationId,
        // Card numbers, passwords, codes and ids are masked before anything is stored.
        input: redactedInput,
        facts: decision.signals,
        outcome: {
          action: decision.action,
          reasonCode: decision.reasonCode,
          reasons: decision.reasons,
          queue: decision.routing?.queueId ?? null,
          priority: decision.priority,
          tier: decision.tier,
        },
        latencyMs,
      });
      this.deps.metrics?.decided(ref.id, ref.version, decision.action, decision.reasonCode, latencyMs);
      this.deps.customerTiers?.observe(decision.signals.customerTier);
    }
    return decision;
  }
}
