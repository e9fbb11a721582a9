/**
 * The body of a webhook: `{ type, timestamp, data }` as the Standard Webhooks spec lays it out,
 * `data` holding the handoff as the event froze it, the decision that started it and that
 * decision's context package (its `markdown` ready for a helpdesk's internal note). The context
 * package is not stored with a decision, so it is built again here, outside any transaction,
 * from the logged input (stored redacted) on the policy version that made the decision, at the
 * decision's own evaluation time: the same package the bot got, redaction included.
 */
import { decide } from '@baton/rules';
import type { ContextPackage, DecideHandoffInput } from '@baton/schemas';
import type { Logger } from '../../logger';
import type { StoredDecision } from '../decisions/decision-log-store';
import type { PreparedPolicyCache } from '../decisions/prepared-policy-cache';
import type { PolicyStore } from '../policies/policy-store';
import type { WebhookEventRecord } from './webhook-store';

/** The decision an event's handoff follows, as a payload shows it. */
export interface PayloadDecision {
  decisionId: string;
  conversationId: string;
  policyId: string;
  policyVersion: number;
  action: string;
  reasonCode: string | null;
  priority: string;
  tier: string;
  evaluatedAt: string;
}

export interface PayloadSources {
  /** The logged decision (one still in the log's write buffer included); null once retention removed it. */
  decision(decisionId: string): Promise<StoredDecision | null>;
  policies: Pick<PolicyStore, 'getVersion'>;
  cache: PreparedPolicyCache;
  logger: Logger;
}

const asDate = (value: unknown): Date | null | undefined => (typeof value === 'string' ? new Date(value) : (value as null | undefined));

/** The logged input with the dates JSON turned into strings (`now`, `messages[].at`, `attempts[].at`) made dates again. */
function revive(input: Record<string, unknown>): DecideHandoffInput {
  const copy = structuredClone(input) as unknown as DecideHandoffInput;
  if (copy.now !== undefined) copy.now = asDate(copy.now);
  for (const message of copy.messages ?? []) if (message.at !== undefined) message.at = asDate(message.at);
  for (const attempt of copy.attempts ?? []) if (attempt.at !== undefined) attempt.at = asDate(attempt.at);
  return copy;
}

/**
 * The context package of a logged decision, decided again on its version.
 * @returns null when that version is not stored any more, or the logged input no longer decides
 *   (logged as a warning: the event is still delivered, without the package)
 */
export async function contextPackageOf(logged: StoredDecision, sources: PayloadSources): Promise<ContextPackage | null> {
  try {
    const ref = { policyId: logged.policyId, version: logged.policyVersion, contentHash: logged.contentHash };
    const prepared = await sources.cache.ofRef(ref, sources.policies);
    const policy = { id: logged.policyId, name: logged.policyId, version: logged.policyVersion, contentHash: logged.contentHash };
    const decision = await decide(prepared, revive(logged.input), { now: logged.evaluatedAt, decisionId: logged.decisionId, policy });
    return decision.context;
  } catch (error) {
    sources.logger.warn({ err: error, decisionId: logged.decisionId }, 'webhook payload without context package: the decision could not be rebuilt');
    return null;
  }
}

/** The JSON body of `event`, the same for every attempt and endpoint once built. */
export async function buildPayload(event: WebhookEventRecord, sources: PayloadSources): Promise<string> {
  const logged = await sources.decision(event.decisionId);
  const decision: PayloadDecision | null = logged && {
    decisionId: logged.decisionId,
    conversationId: logged.conversationId,
    policyId: logged.policyId,
    policyVersion: logged.policyVersion,
    action: logged.outcome.action,
    reasonCode: logged.outcome.reasonCode,
    priority: logged.outcome.priority,
    tier: logged.outcome.tier,
    evaluatedAt: logged.evaluatedAt.toISOString(),
  };
  const contextPackage = logged ? await contextPackageOf(logged, sources) : null;
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: { ...event.data, decision, contextPackage } });
}
