/**
 * Outcomes in, KPIs out: records what happened after a decision (checked against the decision
 * log, merged by `outcome-transitions.ts`, stored with its audit event), computes the handoff KPIs
 * (`kpi-formulas.ts` over the store's aggregates), lists suggestions from agents' feedback with
 * their examples, and turns a suggestion into a backtest dataset.
 */
import type { BacktestExpectation } from '@baton/rules';
import { badInput, notFound } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import type { DatasetRecord } from '../backtest/backtest-store';
import type { DatasetService } from '../backtest/dataset-service';
import type { DecisionLogStore, DecisionPosition, StoredDecision } from '../decisions/decision-log-store';
import { bucketPlan, isTimeZone, type BucketUnit } from './kpi-buckets';
import {
  computeHandoffKpis,
  DEFAULT_SUGGESTION_OPTIONS,
  suggestPolicyChanges,
  type HandoffKpis,
  type Suggestion,
  type SuggestionOptions,
} from './kpi-formulas';
import type { AgentVerdict, HandoffResolution, KpiFilter, OutcomeAnchor, OutcomeKind, OutcomeRecord, OutcomeStore, OutcomeValues } from './outcome-store';
import { anchorOfRecord, checkJudgement, checkOutcomeUpdate, mergeOutcome } from './outcome-transitions';

export interface OutcomeServiceDeps {
  store: OutcomeStore;
  decisionLog: Pick<DecisionLogStore, 'getDecision' | 'queryDecisions'>;
  /** Writes the decisions still queued, so a decision made a moment ago is found and counted. */
  flushDecisionLog: () => Promise<void>;
  datasets: Pick<DatasetService, 'fromLoggedDecisions'>;
  /** Most rows of a dataset built from a suggestion (`BATON_BACKTEST_MAX_ROWS`). */
  maxDatasetRows: number;
  clock?: () => Date;
}

/** An update as the GraphQL inputs carry it (null and absent both mean "not given"). */
export type OutcomeInput = { conversationId: string; decisionId?: string | null; occurredAt?: Date | null } & {
  [F in keyof OutcomeValues]?: OutcomeValues[F] | null;
};

/** The KPI filter as received. */
export type KpiFilterInput = KpiFilter;

/** Longest KPI range. */
export const MAX_KPI_DAYS = 366;
/** Largest page of outcome ids or examples. */
export const MAX_LISTED = 500;
const DAY_MS = 86_400_000;
const PAGE = 500;

/** The outcome anchor of a logged decision: its time, and the dimensions KPIs filter on. */
export function anchorOf(decision: StoredDecision): OutcomeAnchor {
  const fact = (name: string): string | null => {
    const value = decision.facts[name];
    return typeof value === 'string' ? value : null;
  };
  return {
    conversationId: decision.conversationId,
    decisionId: decision.decisionId,
    decidedAt: decision.evaluatedAt,
    policyId: decision.policyId,
    policyVersion: decision.policyVersion,
    reasonCode: decision.outcome.reasonCode,
    queue: decision.outcome.queue,
    channel: fact('channel'),
    language: fact('language'),
  };
}

/** @throws BAD_USER_INPUT unless 1 ≤ first ≤ 500 */
function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LISTED)
    throw badInput(`first must be from 1 to ${MAX_LISTED}; got ${first}.`, { argument: 'first' });
  return first;
}

export class OutcomeService {
  private readonly clock: () => Date;

  constructor(private readonly deps: OutcomeServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** @returns null when nothing was recorded for the conversation */
  getOutcome(conversationId: string, kind: OutcomeKind): Promise<OutcomeRecord | null> {
    return this.deps.store.findOutcome(conversationId, kind);
  }

  /**
   * Records what happened to a handed-off conversation (see the SDL's `HandoffOutcomeInput`).
   * @throws FORBIDDEN (a verdict or correction from a role that may not give one), NOT_FOUND (no
   *   decision logged for the conversation, or an unknown decisionId), BAD_USER_INPUT (never handed
   *   off, CSAT out of range, times before the decision or in the future), CONFLICT (another
   *   decision than the stored outcome's); nothing is written then.
   */
  recordHandoffOutcome(input: OutcomeInput, actor: Actor): Promise<OutcomeRecord> {
    return this.record('HANDOFF', input, actor);
  }

  /** Records what happened to a conversation the AI kept. @throws as `recordHandoffOutcome`; BAD_USER_INPUT when it was handed off */
  recordAiOutcome(input: OutcomeInput, actor: Actor): Promise<OutcomeRecord> {
    return this.record('AI_ONLY', input, actor);
  }

  private async record(kind: OutcomeKind, input: OutcomeInput, actor: Actor): Promise<OutcomeRecord> {
    const { conversationId, decisionId, occurredAt, ...given } = input;
    const values: Partial<OutcomeValues> = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== null));
    checkJudgement(values, actor.role);
    const now = this.clock();
    const anchor = await this.anchorFor(kind, conversationId, decisionId ?? null);
    const update = { kind, occurredAt: occurredAt ?? now, values };
    checkOutcomeUpdate(update, anchor, now);
    return this.deps.store.recordOutcome(conversationId, kind, (existing) => mergeOutcome(existing, anchor, update, now, actor));
  }

  /** The decision an outcome follows: the one named, the stored outcome's, or the conversation's (first HANDOFF; latest for AI_ONLY). */
  private async anchorFor(kind: OutcomeKind, conversationId: string, decisionId: string | null): Promise<OutcomeAnchor> {
    if (decisionId !== null) {
      const decision = await this.decision(decisionId);
      if (decision.conversationId !== conversationId) {
        throw badInput(`Decision '${decisionId}' belongs to conversation '${decision.conversationId}', not '${conversationId}'.`, {
          decisionId,
          conversationId,
        });
      }
      if (kind === 'HANDOFF' && decision.outcome.action !== 'HANDOFF') {
        throw badInput(`Decision '${decisionId}' is a ${decision.outcome.action}, not a HANDOFF; record what the AI did with recordAiOutcome.`, { decisionId });
      }
      if (kind === 'AI_ONLY') await this.requireNeverHandedOff(conversationId, await this.conversationDecisions(conversationId));
      return anchorOf(decision);
    }
    const existing = await this.deps.store.findOutcome(conversationId, kind);
    if (existing) return anchorOfRecord(existing);
    const decisions = await this.conversationDecisions(conversationId);
    if (kind === 'AI_ONLY') {
      await this.requireNeverHandedOff(conversationId, decisions);
      return anchorOf(decisions[0] as StoredDecision);
    }
    const handoffs = decisions.filter((d) => d.outcome.action === 'HANDOFF');
    const first = handoffs.at(-1);
    if (!first) {
      throw badInput(
        `Conversation '${conversationId}' was never handed off (its ${decisions.length} logged decision(s) kept it with the AI); record its outcome with recordAiOutcome.`,
        { conversationId },
      );
    }
    return anchorOf(first);
  }

  private async requireNeverHandedOff(conversationId: string, decisions: StoredDecision[]): Promise<void> {
    if (decisions.some((d) => d.outcome.action === 'HANDOFF')) {
      throw badInput(`Conversation '${conversationId}' was handed off; record its outcome with recordHandoffOutcome.`, { conversationId });
    }
  }

  /** A logged decision, written first if it is still queued. @throws NOT_FOUND */
  private async decision(decisionId: string): Promise<StoredDecision> {
    const found = await this.deps.decisionLog.getDecision(decisionId);
    if (found) return found;
    await this.deps.flushDecisionLog();
    const flushed = await this.deps.decisionLog.getDecision(decisionId);
    if (!flushed) throw notFound(`Decision '${decisionId}' is not in the decision log; record outcomes of logged decisions (not dry runs).`, { decisionId });
    return flushed;
  }

  /** Every logged decision of the conversation, newest first. @throws NOT_FOUND when there is none */
  private async conversationDecisions(conversationId: string): Promise<StoredDecision[]> {
    await this.deps.flushDecisionLog();
    const decisions: StoredDecision[] = [];
    let after: DecisionPosition | undefined;
    for (;;) {
      const page = await this.deps.decisionLog.queryDecisions({ filter: { conversationId }, first: PAGE, ...(after ? { after } : {}) });
      decisions.push(...page.decisions);
      const last = page.decisions.at(-1);
      if (!page.hasNextPage || !last) break;
      after = { evaluatedAt: last.evaluatedAt, decisionId: last.decisionId };
    }
    if (decisions.length === 0) {
      throw notFound(`No decision is logged for conversation '${conversationId}'; outcomes follow decisions Baton made (decideHandoff without dryRun).`, {
        conversationId,
      });
    }
    return decisions;
  }

  /**
   * Checks a KPI filter: `from` before `to`, at most 366 days apart, a positive policy version.
   * @throws BAD_USER_INPUT
   */
  checkFilter(filter: KpiFilterInput): KpiFilter {
    const { from, to } = filter;
    if (from.getTime() >= to.getTime())
      throw badInput(`filter.from (${from.toISOString()}) must be before filter.to (${to.toISOString()}); to is exclusive.`, { field: 'from' });
    if (to.getTime() - from.getTime() > MAX_KPI_DAYS * DAY_MS) {
      throw badInput(`The KPI range spans more than ${MAX_KPI_DAYS} days; narrow filter.from and filter.to.`, { field: 'to', maxDays: MAX_KPI_DAYS });
    }
    if (filter.policyVersion !== undefined && filter.policyVersion !== null && !(Number.isInteger(filter.policyVersion) && filter.policyVersion >= 1)) {
      throw badInput(`filter.policyVersion must be a version number (1 or more); got ${filter.policyVersion}.`, { field: 'policyVersion' });
    }
    return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null)) as unknown as KpiFilter;
  }

  /**
   * The handoff KPIs of the filter per bucket in `timeZone` (see `kpi-formulas.ts`).
   * @throws BAD_USER_INPUT for a bad filter or an unknown time zone
   */
  async kpis(filterInput: KpiFilterInput, bucket: BucketUnit, timeZone: string): Promise<HandoffKpis> {
    const filter = this.checkFilter(filterInput);
    if (!isTimeZone(timeZone)) throw badInput(`'${timeZone}' is not a time zone; give an IANA name such as UTC or Europe/Madrid.`, { argument: 'timeZone' });
    const plan = bucketPlan(filter.from, filter.to, bucket, timeZone);
    await this.deps.flushDecisionLog();
    return computeHandoffKpis(await this.deps.store.kpiAggregates({ filter, plan }), plan, filter);
  }

  /** Ids of the decisions behind a slice's outcome figures, newest first. */
  async outcomeDecisionIds(
    slice: KpiFilter,
    narrow: { kind: OutcomeKind; resolution?: HandoffResolution | null; verdict?: AgentVerdict | null },
    first: number,
  ): Promise<string[]> {
    const outcomes = await this.deps.store.listOutcomes({ filter: slice, ...narrow }, checkFirst(first));
    return outcomes.map((o) => o.decisionId);
  }

  /**
   * Suggestions from agents' feedback (`suggestPolicyChanges`).
   * @throws BAD_USER_INPUT for a bad filter or options (minVerdicts and minCorrections ≥ 1, threshold 0..1)
   */
  async suggestions(filterInput: KpiFilterInput, options: Partial<SuggestionOptions> = {}): Promise<Suggestion[]> {
    const filter = this.checkFilter(filterInput);
    const chosen = { ...DEFAULT_SUGGESTION_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null)) };
    for (const key of ['minVerdicts', 'minCorrections'] as const) {
      if (!(Number.isInteger(chosen[key]) && chosen[key] >= 1))
        throw badInput(`${key} must be a whole number, 1 or more; got ${chosen[key]}.`, { argument: key });
    }
    if (!(chosen.threshold >= 0 && chosen.threshold <= 1))
      throw badInput(`threshold must be a rate from 0 to 1; got ${chosen.threshold}.`, { argument: 'threshold' });
    return suggestPolicyChanges(await this.deps.store.reasonFeedback(filter), chosen, filter);
  }

  /** The outcomes behind a suggestion, newest first. */
  async examples(suggestion: Pick<Suggestion, 'kind' | 'reasonCode' | 'correctedReasonCode' | 'filter'>, first: number): Promise<OutcomeRecord[]> {
    return this.deps.store.listOutcomes(this.selectionOf(suggestion), checkFirst(first));
  }

  /**
   * Every outcome behind a suggestion as a backtest dataset: each conversation as its decision saw
   * it, expecting STAY (the AI could have resolved it) or a HANDOFF for the corrected reason.
   * @throws BAD_USER_INPUT (bad filter, a correction without correctedReasonCode, no outcome matches)
   */
  async datasetFromSuggestion(
    input: { name: string; kind: Suggestion['kind']; reasonCode: string; correctedReasonCode?: string | null; filter: KpiFilterInput },
    actor: Actor,
  ): Promise<DatasetRecord> {
    const filter = this.checkFilter(input.filter);
    const corrected = input.correctedReasonCode?.trim() || null;
    if (input.kind === 'REASON_CORRECTION' && !corrected)
      throw badInput('A REASON_CORRECTION dataset needs correctedReasonCode.', { field: 'correctedReasonCode' });
    const suggestion = { kind: input.kind, reasonCode: input.reasonCode, correctedReasonCode: input.kind === 'REASON_CORRECTION' ? corrected : null, filter };
    const outcomes = await this.deps.store.listOutcomes(this.selectionOf(suggestion), this.deps.maxDatasetRows + 1);
    const source =
      suggestion.kind === 'UNNECESSARY_ESCALATION'
        ? `${input.reasonCode} handoffs agents said the AI could have resolved, decided ${filter.from.toISOString()} to ${filter.to.toISOString()}`
        : `${input.reasonCode} handoffs agents corrected to ${corrected}, decided ${filter.from.toISOString()} to ${filter.to.toISOString()}`;
    if (outcomes.length === 0) throw badInput(`No recorded outcome matches (${source}); widen the filter.`);
    const expected: BacktestExpectation =
      suggestion.kind === 'UNNECESSARY_ESCALATION' ? { action: 'STAY' } : { action: 'HANDOFF', reasonCode: corrected as string };
    const items: { decision: StoredDecision; expected: BacktestExpectation }[] = [];
    for (const outcome of outcomes) {
      // Retention may have deleted an old decision; its outcome then has no conversation to replay.
      const decision = await this.deps.decisionLog.getDecision(outcome.decisionId);
      if (decision) items.push({ decision, expected });
    }
    return this.deps.datasets.fromLoggedDecisions(input.name, source, items, actor);
  }

  private selectionOf(suggestion: Pick<Suggestion, 'kind' | 'reasonCode' | 'correctedReasonCode' | 'filter'>) {
    return {
      filter: { ...suggestion.filter, reasonCode: suggestion.reasonCode },
      kind: 'HANDOFF' as const,
      ...(suggestion.kind === 'UNNECESSARY_ESCALATION' ? { verdict: 'YES' as const } : { correctedReasonCode: suggestion.correctedReasonCode }),
    };
  }
}
