/**
 * The handoff KPIs and policy suggestions, without I/O: formulas over what the adapters count
 * (`KpiAggregates`, `ReasonFeedback`). Every figure per bucket and over the whole range; rates are
 * 0..1 and null when their denominator is 0; durations are seconds. The definitions come from
 * the seed guides in ../shared/seeds (cited per figure):
 * - 000: "% of escalated conversations", "Total time to resolution after handoff", "NPS or CSAT
 *   of cases with handoff vs cases resolved only by AI", "Most frequent escalation reasons";
 * - 001: "Handoff CSAT ... the gap between the two is the handoff quality signal",
 *   "Time-to-human-from-escalation (P50, P90, P99)", "Repeat-handoff rate", "Net Resolution Rate.
 *   Tickets resolved end-to-end without follow-up reopens";
 * - 002: "Handoff rate: Percentage of conversations that escalate to humans", "Post-handoff
 *   resolution time", "Post-handoff CSAT ... Compare against AI-only", "Repeat contact rate";
 * - 003: "total handoff volume, handoff rate as a percentage of total conversations, escalation
 *   reasons breakdown, resolution rates post-handoff, and customer satisfaction scores for
 *   handoff conversations versus AI-only"; the agents' "Could AI have resolved this?" with yes,
 *   no and unsure, and "Your unnecessary escalation rate should decrease month-over-month";
 *   "Compare customer sentiment at the moment of escalation"; and "less than 10% false positive
 *   rate (unnecessary escalations)", the default suggestion threshold.
 */
import type { HandoffAction } from '@baton/schemas';
import type { BucketPlan, BucketUnit } from './kpi-buckets';
import type { DurationCount, KpiAggregates, KpiFilter, ReasonFeedback } from './outcome-store';

/** Percentiles of durations (nearest rank over whole seconds). */
export interface DurationStats {
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

/** Arguments for the `decisions` query that list the decisions behind figures (the SDL's `KpiDecisionFilter`). */
export interface DecisionLink {
  policyId: string | null;
  policyVersion: number | null;
  action: HandoffAction | null;
  reasonCode: string | null;
  queue: string | null;
  channel: string | null;
  language: string | null;
  from: Date;
  to: Date;
}

/** Handoff figures of one reason. */
export interface ReasonFigures {
  reasonCode: string;
  handoffs: number;
  share: number | null;
  verdicts: number;
  unnecessary: number;
  unnecessaryEscalationRate: number | null;
  corrections: number;
  handoffDecisions: DecisionLink;
}

/** The figures of one slice (a bucket or the whole range); see the SDL's `KpiFigures` for each definition. */
export interface KpiFigures {
  conversations: number;
  handoffs: number;
  handoffRate: number | null;
  timeToAssignment: DurationStats;
  timeToFirstResponse: DurationStats;
  timeToResolution: DurationStats;
  handoffOutcomes: number;
  resolutions: number;
  resolved: number;
  unresolved: number;
  transferred: number;
  abandoned: number;
  resolutionRate: number | null;
  netResolutionRate: number | null;
  reopened: number;
  repeatHandoffs: number;
  repeatHandoffRate: number | null;
  csatHandoff: { responses: number; average: number | null };
  csatAiOnly: { responses: number; average: number | null };
  csatGap: number | null;
  aiOutcomes: number;
  aiResolved: number;
  aiResolutionRate: number | null;
  verdicts: number;
  unnecessary: number;
  unnecessaryEscalationRate: number | null;
  corrections: number;
  sentimentMeasured: number;
  sentimentAtHandoff: number | null;
  byReason: ReasonFigures[];
  decisions: DecisionLink;
  handoffDecisions: DecisionLink;
  /** The filter narrowed to this slice's range: what `outcomeDecisionIds` lists outcomes of. */
  slice: KpiFilter;
}

export interface MonthlyRate {
  month: string;
  verdicts: number;
  unnecessary: number;
  rate: number | null;
  change: number | null;
}

export interface UnnecessaryEscalationTrend {
  /** Null: all reasons together. */
  reasonCode: string | null;
  months: MonthlyRate[];
}

/** The answer of `handoffKpis`. */
export interface HandoffKpis {
  from: Date;
  to: Date;
  bucket: BucketUnit;
  timeZone: string;
  overall: KpiFigures;
  buckets: { label: string; start: Date; end: Date; figures: KpiFigures }[];
  unnecessaryEscalationTrend: UnnecessaryEscalationTrend[];
}

/** `numerator / denominator`; null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * The nearest-rank percentile of a histogram (value → count): the smallest value with at least
 * `p` of all values at or below it. Null for an empty histogram.
 * @param p 0 < p ≤ 1
 */
export function percentile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value) ?? 0;
    if (seen >= rank) return value;
  }
  return null;
}

/** p50 and p90 (nearest rank) of a histogram of whole seconds. */
export function durationStats(histogram: ReadonlyMap<number, number>): DurationStats {
  const count = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  return { count, p50Seconds: percentile(histogram, 0.5), p90Seconds: percentile(histogram, 0.9) };
}

/** Per-reason sums of one slice. */
interface ReasonTally {
  handoffs: number;
  verdicts: number;
  yes: number;
  corrections: number;
}

/** Everything a slice adds up; buckets and the whole range are tallied alike, so buckets sum to the whole. */
interface Tally {
  conversations: number;
  handoffs: number;
  repeats: number;
  sentimentSum: number;
  sentimentCount: number;
  waits: Map<number, number>;
  firstResponses: Map<number, number>;
  resolutionTimes: Map<number, number>;
  outcomes: number;
  resolutions: number;
  resolved: number;
  unresolved: number;
  transferred: number;
  abandoned: number;
  resolvedNotReopened: number;
  reopened: number;
  csatSum: number;
  csatCount: number;
  verdicts: number;
  yes: number;
  corrections: number;
  aiOutcomes: number;
  aiKnown: number;
  aiResolved: number;
  aiCsatSum: number;
  aiCsatCount: number;
  reasons: Map<string, ReasonTally>;
}

function emptyTally(): Tally {
  return {
    conversations: 0,
    handoffs: 0,
    repeats: 0,
    sentimentSum: 0,
    sentimentCount: 0,
    waits: new Map(),
    firstResponses: new Map(),
    resolutionTimes: new Map(),
    outcomes: 0,
    resolutions: 0,
    resolved: 0,
    unresolved: 0,
    transferred: 0,
    abandoned: 0,
    resolvedNotReopened: 0,
    reopened: 0,
    csatSum: 0,
    csatCount: 0,
    verdicts: 0,
    yes: 0,
    corrections: 0,
    aiOutcomes: 0,
    aiKnown: 0,
    aiResolved: 0,
    aiCsatSum: 0,
    aiCsatCount: 0,
    reasons: new Map(),
  };
}

function reasonOf(tally: Tally, reasonCode: string): ReasonTally {
  let reason = tally.reasons.get(reasonCode);
  if (!reason) {
    reason = { handoffs: 0, verdicts: 0, yes: 0, corrections: 0 };
    tally.reasons.set(reasonCode, reason);
  }
  return reason;
}

function addDurations(histogram: Map<number, number>, row: DurationCount): void {
  histogram.set(row.seconds, (histogram.get(row.seconds) ?? 0) + row.count);
}

/** Adds every aggregate row to the tally of its bucket and to the whole range's. */
function tallyAll(aggregates: KpiAggregates, labels: readonly string[]): { buckets: Map<string, Tally>; overall: Tally } {
  const buckets = new Map(labels.map((label) => [label, emptyTally()]));
  const overall = emptyTally();
  const each = (bucket: string, add: (tally: Tally) => void): void => {
    add(overall);
    const tally = buckets.get(bucket);
    if (tally) add(tally);
  };
  for (const row of aggregates.conversations) each(row.bucket, (t) => (t.conversations += row.conversations));
  for (const row of aggregates.handoffs) {
    each(row.bucket, (t) => {
      t.handoffs += row.handoffs;
      t.repeats += row.repeats;
      t.sentimentSum += row.sentimentSum;
      t.sentimentCount += row.sentimentCount;
      reasonOf(t, row.reasonCode).handoffs += row.handoffs;
    });
  }
  for (const row of aggregates.assignmentWaits) each(row.bucket, (t) => addDurations(t.waits, row));
  for (const row of aggregates.firstResponses) each(row.bucket, (t) => addDurations(t.firstResponses, row));
  for (const row of aggregates.resolutionTimes) each(row.bucket, (t) => addDurations(t.resolutionTimes, row));
  for (const row of aggregates.handoffOutcomes) {
    each(row.bucket, (t) => {
      t.outcomes += row.outcomes;
      t.resolutions += row.resolutions;
      t.resolved += row.resolved;
      t.unresolved += row.unresolved;
      t.transferred += row.transferred;
      t.abandoned += row.abandoned;
      t.resolvedNotReopened += row.resolvedNotReopened;
      t.reopened += row.reopened;
      t.csatSum += row.csatSum;
      t.csatCount += row.csatCount;
      t.verdicts += row.verdicts;
      t.yes += row.yes;
      t.corrections += row.corrections;
      const reason = reasonOf(t, row.reasonCode);
      reason.verdicts += row.verdicts;
      reason.yes += row.yes;
      reason.corrections += row.corrections;
    });
  }
  for (const row of aggregates.aiOutcomes) {
    each(row.bucket, (t) => {
      t.aiOutcomes += row.outcomes;
      t.aiKnown += row.aiKnown;
      t.aiResolved += row.aiResolved;
      t.aiCsatSum += row.csatSum;
      t.aiCsatCount += row.csatCount;
    });
  }
  return { buckets, overall };
}

/** The decisions behind a slice: every decision (`action` null), or its HANDOFF decisions of a reason and queue. */
function link(filter: KpiFilter, action: HandoffAction | null, reasonCode: string | null): DecisionLink {
  return {
    policyId: filter.policyId ?? null,
    policyVersion: filter.policyVersion ?? null,
    action,
    reasonCode: action === null ? null : reasonCode,
    queue: action === null ? null : (filter.queueId ?? null),
    channel: filter.channel ?? null,
    language: filter.language ?? null,
    from: filter.from,
    to: filter.to,
  };
}

/** A slice's figures from its tally. `slice` is the filter narrowed to the slice's range. */
function figuresOf(t: Tally, slice: KpiFilter): KpiFigures {
  const csatHandoff = { responses: t.csatCount, average: ratio(t.csatSum, t.csatCount) };
  const csatAiOnly = { responses: t.aiCsatCount, average: ratio(t.aiCsatSum, t.aiCsatCount) };
  const byReason = [...t.reasons]
    .map(([reasonCode, r]) => ({
      reasonCode,
      handoffs: r.handoffs,
      share: ratio(r.handoffs, t.handoffs),
      verdicts: r.verdicts,
      unnecessary: r.yes,
      unnecessaryEscalationRate: ratio(r.yes, r.verdicts),
      corrections: r.corrections,
      handoffDecisions: link(slice, 'HANDOFF', reasonCode),
    }))
    .sort((a, b) => b.handoffs - a.handoffs || b.verdicts - a.verdicts || a.reasonCode.localeCompare(b.reasonCode));
  return {
    conversations: t.conversations,
    handoffs: t.handoffs,
    handoffRate: ratio(t.handoffs, t.conversations),
    timeToAssignment: durationStats(t.waits),
    timeToFirstResponse: durationStats(t.firstResponses),
    timeToResolution: durationStats(t.resolutionTimes),
    handoffOutcomes: t.outcomes,
    resolutions: t.resolutions,
    resolved: t.resolved,
    unresolved: t.unresolved,
    transferred: t.transferred,
    abandoned: t.abandoned,
    resolutionRate: ratio(t.resolved, t.resolutions),
    netResolutionRate: ratio(t.resolvedNotReopened, t.resolutions),
    reopened: t.reopened,
    repeatHandoffs: t.repeats,
    repeatHandoffRate: ratio(t.repeats, t.handoffs),
    csatHandoff,
    csatAiOnly,
    csatGap: csatHandoff.average === null || csatAiOnly.average === null ? null : csatHandoff.average - csatAiOnly.average,
    aiOutcomes: t.aiOutcomes,
    aiResolved: t.aiResolved,
    aiResolutionRate: ratio(t.aiResolved, t.aiKnown),
    verdicts: t.verdicts,
    unnecessary: t.yes,
    unnecessaryEscalationRate: ratio(t.yes, t.verdicts),
    corrections: t.corrections,
    sentimentMeasured: t.sentimentCount,
    sentimentAtHandoff: ratio(t.sentimentSum, t.sentimentCount),
    byReason,
    decisions: link(slice, null, null),
    handoffDecisions: link(slice, 'HANDOFF', slice.reasonCode ?? null),
    slice,
  };
}

/** Month-over-month unnecessary-escalation rates: all reasons together, then each reason with a verdict (by code). */
function trendOf(aggregates: KpiAggregates, months: readonly string[]): UnnecessaryEscalationTrend[] {
  const perReason = new Map<string | null, Map<string, { verdicts: number; yes: number }>>([[null, new Map()]]);
  for (const row of aggregates.verdictMonths) {
    for (const key of [null, row.reasonCode]) {
      let byMonth = perReason.get(key);
      if (!byMonth) perReason.set(key, (byMonth = new Map()));
      const month = byMonth.get(row.month) ?? { verdicts: 0, yes: 0 };
      byMonth.set(row.month, { verdicts: month.verdicts + row.verdicts, yes: month.yes + row.yes });
    }
  }
  const keys = [null, ...[...perReason.keys()].filter((k): k is string => k !== null).sort()];
  return keys.map((reasonCode) => {
    const byMonth = perReason.get(reasonCode) ?? new Map<string, { verdicts: number; yes: number }>();
    let previous: number | null = null;
    const rates = months.map((month, i) => {
      const { verdicts, yes } = byMonth.get(month) ?? { verdicts: 0, yes: 0 };
      const rate = ratio(yes, verdicts);
      const change = i === 0 || rate === null || previous === null ? null : rate - previous;
      previous = rate;
      return { month, verdicts, unnecessary: yes, rate, change };
    });
    return { reasonCode, months: rates };
  });
}

/** The KPIs of `filter` bucketed by `plan`, from what the adapter counted. */
export function computeHandoffKpis(aggregates: KpiAggregates, plan: BucketPlan, filter: KpiFilter): HandoffKpis {
  const { buckets, overall } = tallyAll(
    aggregates,
    plan.buckets.map((b) => b.label),
  );
  return {
    from: filter.from,
    to: filter.to,
    bucket: plan.unit,
    timeZone: plan.timeZone,
    overall: figuresOf(overall, filter),
    buckets: plan.buckets.map((b) => ({
      ...b,
      figures: figuresOf(buckets.get(b.label) ?? emptyTally(), { ...filter, from: b.start, to: b.end }),
    })),
    unnecessaryEscalationTrend: trendOf(aggregates, plan.months),
  };
}

/** What makes a reason worth a suggestion. */
export interface SuggestionOptions {
  /** Fewest verdicts on a reason's handoffs before its rate counts (sample size). */
  minVerdicts: number;
  /** An unnecessary-escalation rate above this (0..1) is suggested. */
  threshold: number;
  /** Fewest corrections from one reason to another before they are suggested. */
  minCorrections: number;
}

/**
 * 20 verdicts: below that, one verdict moves the rate by 5 points or more. 0.10: guide 003's
 * "less than 10% false positive rate (unnecessary escalations)". 3 corrections: one agent's
 * single disagreement is not a pattern.
 */
export const DEFAULT_SUGGESTION_OPTIONS: SuggestionOptions = { minVerdicts: 20, threshold: 0.1, minCorrections: 3 };

/** A starting point for a policy change (the SDL's `HandoffSuggestion`). */
export interface Suggestion {
  kind: 'UNNECESSARY_ESCALATION' | 'REASON_CORRECTION';
  reasonCode: string;
  correctedReasonCode: string | null;
  verdicts: number;
  unnecessary: number;
  unnecessaryEscalationRate: number | null;
  corrections: number;
  summary: string;
  /** The filter it was found under (its examples are read with it). */
  filter: KpiFilter;
}

const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

/**
 * Reasons whose unnecessary-escalation rate is above `threshold` over at least `minVerdicts`
 * verdicts (highest rate first, then most verdicts), then reason corrections seen at least
 * `minCorrections` times (most first).
 */
export function suggestPolicyChanges(feedback: ReasonFeedback, options: SuggestionOptions, filter: KpiFilter): Suggestion[] {
  const verdictsOf = new Map(feedback.verdicts.map((v) => [v.reasonCode, v]));
  const unnecessary = feedback.verdicts
    .filter((v) => v.verdicts >= options.minVerdicts && v.yes / v.verdicts > options.threshold)
    .sort((a, b) => b.yes / b.verdicts - a.yes / a.verdicts || b.verdicts - a.verdicts || a.reasonCode.localeCompare(b.reasonCode))
    .map((v): Suggestion => ({
      kind: 'UNNECESSARY_ESCALATION',
      reasonCode: v.reasonCode,
      correctedReasonCode: null,
      verdicts: v.verdicts,
      unnecessary: v.yes,
      unnecessaryEscalationRate: v.yes / v.verdicts,
      corrections: 0,
      summary:
        `Agents said the AI could have resolved ${v.yes} of ${v.verdicts} ${v.reasonCode} handoffs (${percent(v.yes / v.verdicts)}, ` +
        `above ${percent(options.threshold)}): try letting the AI keep more of them, and backtest the change on these conversations.`,
      filter,
    }));
  const corrected = feedback.corrections
    .filter((c) => c.count >= options.minCorrections && c.correctedReasonCode !== c.reasonCode)
    .sort((a, b) => b.count - a.count || a.reasonCode.localeCompare(b.reasonCode) || a.correctedReasonCode.localeCompare(b.correctedReasonCode))
    .map((c): Suggestion => {
      const v = verdictsOf.get(c.reasonCode);
      return {
        kind: 'REASON_CORRECTION',
        reasonCode: c.reasonCode,
        correctedReasonCode: c.correctedReasonCode,
        verdicts: v?.verdicts ?? 0,
        unnecessary: v?.yes ?? 0,
        unnecessaryEscalationRate: v ? ratio(v.yes, v.verdicts) : null,
        corrections: c.count,
        summary:
          `Agents said ${c.count} ${c.reasonCode} handoffs were really ${c.correctedReasonCode}: ` +
          `catch them with a ${c.correctedReasonCode} trigger, and backtest it on these conversations.`,
        filter,
      };
    });
  return [...unnecessary, ...corrected];
}
