/**
 * Reads what the waiting room of a queued handoff is computed from — the conversation's language
 * and the waiting-room settings of the policy version that decided the handoff (both from the
 * logged decision), the queue's name from the directory — and asks `waitingRoomState`
 * (`@baton/rules`, pure) what to tell the customer now.
 */
import { waitingRoomState, type PreparedDirectory, type WaitingRoomState } from '@baton/rules';
import type { DecisionLogStore } from '../decisions/decision-log-store';
import type { PreparedPolicyCache } from '../decisions/prepared-policy-cache';
import type { PolicyStore } from '../policies/policy-store';
import type { AssignmentRecord } from './handoff-store';

export interface WaitingRoomReaderDeps {
  decisionLogStore: Pick<DecisionLogStore, 'getDecision'>;
  policies: Pick<PolicyStore, 'getVersion'>;
  cache: PreparedPolicyCache;
  directory: { current(): Promise<PreparedDirectory> };
  clock: () => Date;
}

export class WaitingRoomReader {
  constructor(private readonly deps: WaitingRoomReaderDeps) {}

  /**
   * The waiting room of `handoff` at the clock's time; null unless it is QUEUED. A decision no
   * longer in the log (removed by retention) gets Baton's default settings, in English.
   * @param estimatedWaitSeconds - the handoff's current wait estimate (null: unknown)
   */
  async read(handoff: AssignmentRecord, estimatedWaitSeconds: number | null): Promise<WaitingRoomState | null> {
    if (handoff.status !== 'QUEUED' || handoff.position === null) return null;
    const [decision, directory] = await Promise.all([this.deps.decisionLogStore.getDecision(handoff.decisionId), this.deps.directory.current()]);
    const prepared = decision
      ? await this.deps.cache.ofRef({ policyId: decision.policyId, version: decision.policyVersion, contentHash: decision.contentHash }, this.deps.policies)
      : null;
    const language = decision?.facts.language;
    return waitingRoomState({
      waitingSince: handoff.createdAt,
      now: this.deps.clock(),
      position: handoff.position,
      estimatedWaitSeconds,
      language: typeof language === 'string' ? language : 'en',
      queueName: directory.queues.get(handoff.queueId)?.name ?? handoff.queueId,
      seed: handoff.decisionId,
      settings: prepared?.document.settings.waitingRoom,
    });
  }
}
