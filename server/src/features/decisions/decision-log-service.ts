/**
 * The auditor's side of the decision log: read one decision (written or still queued), list
 * them filtered and paged, and replay one — its stored facts re-evaluated by the compiled rules
 * of the version that made it (`@baton/rules` `evaluateFacts`), compared field by field.
 */
import { compareOutcomes, evaluateFacts, IncompleteFactsError, type ComparableOutcome } from '@baton/rules';
import { badInput, notFound } from '../../baton-error';
import type { PolicyStore } from '../policies/policy-store';
import { decodeDecisionCursor, encodeDecisionCursor } from './decision-cursor';
import type { DecisionLog } from './decision-log';
import type { DecisionFilter, DecisionLogRecord, DecisionLogStore, StoredDecision } from './decision-log-store';
import type { PreparedPolicyCache } from './prepared-policy-cache';
import { isWithHumanAnswer, withHumanOutcome } from '../handoffs/with-human';

/** Largest page of `decisions`. */
export const MAX_DECISIONS_PAGE = 500;
export const DEFAULT_DECISIONS_PAGE = 50;

export interface DecisionLogServiceDeps {
  store: DecisionLogStore;
  /** The batched writer: queued decisions are found there, and a listing flushes it first. */
  writer: Pick<DecisionLog, 'findPending' | 'flush'>;
  policies: Pick<PolicyStore, 'getVersion'>;
  /** Shared with DecisionService, so replays reuse the prepared active version. */
  cache: PreparedPolicyCache;
}

export interface DecisionConnection {
  nodes: StoredDecision[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** The result of `replayDecision`. */
export interface DecisionReplay {
  decisionId: string;
  policyId: string;
  policyVersion: number;
  contentHash: string;
  original: ComparableOutcome;
  /** Null when the stored facts or version could not be evaluated (see `differences`). */
  replayed: ComparableOutcome | null;
  identical: boolean;
  /** One line per differing field, e.g. `action: HANDOFF → STAY`; empty when identical. */
  differences: string[];
}

/** The comparable outcome of a logged decision. */
export function outcomeOf(decision: StoredDecision): ComparableOutcome {
  const { action, reasonCode, reasons, priority, tier, queue } = decision.outcome;
  return { action, reasonCode, reasonCodes: reasons.map((r) => r.code), priority, tier, queue };
}

/** A queued record as the store would return it: input and facts as JSON. */
function asStored({ serialised, ...record }: DecisionLogRecord): StoredDecision {
  const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
  if (serialised)
    return { ...record, input: JSON.parse(serialised.input) as Record<string, unknown>, facts: JSON.parse(serialised.facts) as Record<string, unknown> };
  return { ...record, input: json(record.input), facts: json(record.facts) };
}

export class DecisionLogService {
  constructor(private readonly deps: DecisionLogServiceDeps) {}

  /** The logged decision, including one still waiting to be written; null for an unknown id. */
  async getDecision(decisionId: string): Promise<StoredDecision | null> {
    const pending = this.deps.writer.findPending(decisionId);
    return pending ? asStored(pending) : this.deps.store.getDecision(decisionId);
  }

  /**
   * Logged decisions, newest first by evaluation time, `first` per page after the cursor
   * `after`. Queued decisions are written first so the list is complete.
   * @throws BAD_USER_INPUT for `first` outside 1..500, a malformed cursor, or `from` not before `to`
   */
  async listDecisions(filter: DecisionFilter = {}, first: number = DEFAULT_DECISIONS_PAGE, after?: string | null): Promise<DecisionConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DECISIONS_PAGE) {
      throw badInput(`first must be between 1 and ${MAX_DECISIONS_PAGE}, got ${first}; page through longer lists with after.`, {
        argument: 'first',
        max: MAX_DECISIONS_PAGE,
      });
    }
    if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
      throw badInput(`filter.from (${filter.from.toISOString()}) must be before filter.to (${filter.to.toISOString()}); to is exclusive.`, {
        argument: 'filter',
      });
    }
    const position = after === undefined || after === null ? undefined : decodeDecisionCursor(after);
    await this.deps.writer.flush();
    const page = await this.deps.store.queryDecisions({ filter, first, after: position });
    const last = page.decisions[page.decisions.length - 1];
    return { nodes: page.decisions, pageInfo: { endCursor: last ? encodeDecisionCursor(last) : null, hasNextPage: page.hasNextPage } };
  }

  /**
   * Re-evaluates the stored facts of `decisionId` on the compiled rules of the version that
   * made it and compares action, reason codes, priority, tier and queue with the logged outcome.
   * @throws NOT_FOUND for an unknown decision, or when the version it names is not stored
   */
  async replay(decisionId: string): Promise<DecisionReplay> {
    const logged = await this.getDecision(decisionId);
    if (!logged)
      throw notFound(`Decision '${decisionId}' is not in the decision log; list decisions with the decisions query (dry runs are never logged).`, {
        decisionId,
      });
    const { policyId, policyVersion, contentHash } = logged;
    const base = { decisionId, policyId, policyVersion, contentHash, original: outcomeOf(logged) };
    const version = await this.deps.policies.getVersion(policyId, policyVersion);
    if (!version) {
      throw notFound(`Version ${policyVersion} of policy '${policyId}', which made decision '${decisionId}', is not stored.`, {
        decisionId,
        policyId,
        version: policyVersion,
      });
    }
    const notRun = (difference: string): DecisionReplay => ({ ...base, replayed: null, identical: false, differences: [difference] });
    if (version.contentHash !== contentHash) {
      return notRun(
        `contentHash: the log names ${contentHash}, but version ${policyVersion} is ${version.contentHash}; the version that made this decision is not the one stored.`,
      );
    }
    let replayed: ComparableOutcome;
    try {
      const { leafId: _leafId, ...outcome } = await evaluateFacts(await this.deps.cache.ofVersion(version), logged.facts);
      // A with_human answer (the conversation had an open handoff) took precedence over the rules: replay it alike.
      replayed = isWithHumanAnswer(logged.outcome.reasons) ? withHumanOutcome(outcome) : outcome;
    } catch (error) {
      if (error instanceof IncompleteFactsError) return notRun(`facts: the stored facts lack ${error.missing.join(', ')}, so the rules cannot run on them.`);
      throw error;
    }
    const differences = compareOutcomes(base.original, replayed);
    return { ...base, replayed, identical: differences.length === 0, differences };
  }
}
