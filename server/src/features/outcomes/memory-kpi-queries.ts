/**
 * The KPI aggregates in memory, for unit tests: the same rows and counts `sqlite-kpi-queries.ts`
 * gathers (conversations at their first decision in range, handed-off conversations at their first
 * HANDOFF decision, repeats within 7 days, assignment waits, outcome counts and durations per whole
 * second), over the decision log, the outcomes and the handoffs' assignment times. No formula here
 * (`kpi-formulas.ts` turns the counts into figures); buckets come from `kpi-buckets.ts`, which the
 * SQL mirrors.
 */
import type { StoredDecision } from '../decisions/decision-log-store';
import { bucketLabel, localDate, mondayOf, type BucketPlan } from './kpi-buckets';
import type { DurationCount, KpiAggregates, KpiFilter, KpiQuery, OutcomeAccess, OutcomeRecord, ReasonFeedback } from './outcome-store';

const REPEAT_WINDOW_MS = 7 * 86_400_000;

/** What the filter's dimensions compare, in a decision or an outcome. */
export interface KpiDimensions {
  policyId: string;
  policyVersion: number;
  reasonCode: string | null;
  queue: string | null;
  channel: unknown;
  language: unknown;
}

/**
 * True when `at` lies in [from, to) and every dimension the filter gives matches, as
 * `dimensionsSql` compares them; `handoff` adds the reason and queue, which narrow handoff figures only.
 */
export function inKpiFilter(at: Date, row: KpiDimensions, filter: KpiFilter, { handoff }: { handoff: boolean }): boolean {
  const matches = (value: unknown, column: unknown) => value === undefined || value === null || value === column;
  return (
    at.getTime() >= filter.from.getTime() &&
    at.getTime() < filter.to.getTime() &&
    matches(filter.policyId, row.policyId) &&
    matches(filter.policyVersion, row.policyVersion) &&
    matches(filter.channel, row.channel) &&
    matches(filter.language, row.language) &&
    (!handoff || (matches(filter.reasonCode, row.reasonCode) && matches(filter.queueId, row.queue)))
  );
}

/** The rows the aggregates read. */
export interface KpiSources {
  decisions: Iterable<StoredDecision>;
  outcomes: Iterable<OutcomeRecord>;
  /** Every handoff's conversation and when an agent was assigned to it (null: not yet). */
  assignments: Iterable<{ conversationId: string; assignedAt: Date | null }>;
}

/** A decision as the aggregates read it (the columns and virtual columns SQLite reads). */
interface KpiDecision extends KpiDimensions {
  id: string;
  conversationId: string;
  at: Date;
  action: string;
  customerId: unknown;
  sentiment: number | null;
}

function kpiDecision(d: StoredDecision): KpiDecision {
  const customer = d.input.customer as { id?: unknown } | null | undefined;
  const sentiment = d.facts.sentimentLatest;
  return {
    id: d.decisionId,
    conversationId: d.conversationId,
    at: d.evaluatedAt,
    action: d.outcome.action,
    customerId: customer?.id ?? null,
    sentiment: typeof sentiment === 'number' ? sentiment : null,
    policyId: d.policyId,
    policyVersion: d.policyVersion,
    reasonCode: d.outcome.reasonCode,
    queue: d.outcome.queue,
    channel: d.facts.channel ?? null,
    language: d.facts.language ?? null,
  };
}

/** Each conversation's first decision of `decisions` (ties in time: the smaller id). */
function firstPerConversation(decisions: readonly KpiDecision[]): KpiDecision[] {
  const first = new Map<string, KpiDecision>();
  for (const d of decisions) {
    const kept = first.get(d.conversationId);
    if (!kept || d.at.getTime() < kept.at.getTime() || (d.at.getTime() === kept.at.getTime() && d.id < kept.id)) first.set(d.conversationId, d);
  }
  return [...first.values()];
}

/** `rows` grouped by `key` (compared as JSON, so null and '' stay apart, as in SQL's GROUP BY). */
function groupBy<T>(rows: readonly T[], key: (row: T) => unknown[]): [T, ...T[]][] {
  const groups = new Map<string, [T, ...T[]]>();
  for (const row of rows) {
    const id = JSON.stringify(key(row));
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return [...groups.values()];
}

const count = <T>(rows: readonly T[], test: (row: T) => boolean): number => rows.filter(test).length;
/** SQL's TOTAL and COUNT over a column: the sum and number of its non-null values. */
const total = (values: readonly (number | null)[]): number => values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
const known = (values: readonly unknown[]): number => count(values, (v) => v !== null);

/** Whole seconds from `from` to `to`, never negative, counted per bucket and second. */
function durations(rows: readonly { bucket: string; from: Date; to: Date | null }[]): DurationCount[] {
  const timed = rows.flatMap(({ bucket, from, to }) =>
    to === null ? [] : [{ bucket, seconds: Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) }],
  );
  return groupBy(timed, (r) => [r.bucket, r.seconds]).map((g) => ({ bucket: g[0].bucket, seconds: g[0].seconds, count: g.length }));
}

const isCorrection = (o: OutcomeRecord): boolean => o.correctedReasonCode !== null && (o.reasonCode === null || o.correctedReasonCode !== o.reasonCode);

/** Handed-off conversations at their first HANDOFF decision in the filter, with repeats and assignment waits. */
function handoffs(all: readonly KpiDecision[], assignments: KpiSources['assignments'], { filter, plan }: KpiQuery) {
  const firstAssigned = new Map<string, Date>();
  for (const { conversationId, assignedAt } of assignments) {
    const kept = firstAssigned.get(conversationId);
    if (assignedAt && (!kept || assignedAt.getTime() < kept.getTime())) firstAssigned.set(conversationId, assignedAt);
  }
  const handedOff = all.filter((d) => d.action === 'HANDOFF');
  // Another conversation of the same customer handed off in the 7 days before (any decision, filtered or not).
  const isRepeat = (h: KpiDecision) =>
    h.customerId !== null &&
    handedOff.some(
      (p) =>
        p.customerId === h.customerId &&
        p.conversationId !== h.conversationId &&
        p.at.getTime() < h.at.getTime() &&
        p.at.getTime() >= h.at.getTime() - REPEAT_WINDOW_MS,
    );
  const rows = firstPerConversation(handedOff.filter((d) => inKpiFilter(d.at, d, filter, { handoff: true }))).map((h) => ({
    ...h,
    bucket: bucketLabel(plan.unit, plan.segments, h.at.getTime()),
    repeat: isRepeat(h),
    assignedAt: firstAssigned.get(h.conversationId) ?? null,
  }));
  return {
    groups: groupBy(rows, (r) => [r.bucket, r.reasonCode]).map((g) => ({
      bucket: g[0].bucket,
      reasonCode: g[0].reasonCode ?? '',
      handoffs: g.length,
      repeats: count(g, (r) => r.repeat),
      sentimentSum: total(g.map((r) => r.sentiment)),
      sentimentCount: known(g.map((r) => r.sentiment)),
    })),
    waits: durations(rows.map((r) => ({ bucket: r.bucket, from: r.at, to: r.assignedAt }))),
  };
}

/** Handoff outcomes in the filter: counts per bucket and reason, durations per bucket, verdicts per local month and reason. */
function handoffOutcomes(outcomes: readonly OutcomeRecord[], { filter, plan }: KpiQuery) {
  const rows = outcomes
    .filter((o) => o.kind === 'HANDOFF' && inKpiFilter(o.decidedAt, o, filter, { handoff: true }))
    .map((o) => {
      const local = localDate(plan.segments, o.decidedAt.getTime());
      return { ...o, bucket: plan.unit === 'WEEK' ? mondayOf(local) : local, month: local.slice(0, 7) };
    });
  return {
    groups: groupBy(rows, (r) => [r.bucket, r.reasonCode]).map((g) => ({
      bucket: g[0].bucket,
      reasonCode: g[0].reasonCode ?? '',
      outcomes: g.length,
      resolutions: known(g.map((r) => r.resolution)),
      resolved: count(g, (r) => r.resolution === 'RESOLVED'),
      unresolved: count(g, (r) => r.resolution === 'UNRESOLVED'),
      transferred: count(g, (r) => r.resolution === 'TRANSFERRED'),
      abandoned: count(g, (r) => r.resolution === 'ABANDONED'),
      resolvedNotReopened: count(g, (r) => r.resolution === 'RESOLVED' && r.reopened !== true),
      reopened: count(g, (r) => r.reopened === true),
      csatSum: total(g.map((r) => r.csat)),
      csatCount: known(g.map((r) => r.csat)),
      verdicts: known(g.map((r) => r.agentVerdict)),
      yes: count(g, (r) => r.agentVerdict === 'YES'),
      corrections: count(g, isCorrection),
    })),
    firstResponses: durations(rows.map((r) => ({ bucket: r.bucket, from: r.decidedAt, to: r.firstAgentResponseAt }))),
    resolutionTimes: durations(rows.map((r) => ({ bucket: r.bucket, from: r.decidedAt, to: r.resolvedAt }))),
    verdictMonths: groupBy(
      rows.filter((r) => r.agentVerdict !== null && r.reasonCode !== null),
      (r) => [r.month, r.reasonCode],
    ).map((g) => ({ month: g[0].month, reasonCode: g[0].reasonCode ?? '', verdicts: g.length, yes: count(g, (r) => r.agentVerdict === 'YES') })),
  };
}

function aiOutcomes(outcomes: readonly OutcomeRecord[], filter: KpiFilter, plan: BucketPlan): KpiAggregates['aiOutcomes'] {
  const rows = outcomes
    .filter((o) => o.kind === 'AI_ONLY' && inKpiFilter(o.decidedAt, o, filter, { handoff: false }))
    .map((o) => ({ ...o, bucket: bucketLabel(plan.unit, plan.segments, o.decidedAt.getTime()) }));
  return groupBy(rows, (r) => [r.bucket]).map((g) => ({
    bucket: g[0].bucket,
    outcomes: g.length,
    aiKnown: known(g.map((r) => r.resolvedByAi)),
    aiResolved: count(g, (r) => r.resolvedByAi === true),
    csatSum: total(g.map((r) => r.csat)),
    csatCount: known(g.map((r) => r.csat)),
  }));
}

/** The aggregate reads over `sources()`, the committed rows. */
export function memoryKpiQueries(sources: () => KpiSources): Pick<OutcomeAccess, 'kpiAggregates' | 'reasonFeedback'> {
  return {
    kpiAggregates: async (query) => {
      const { filter, plan } = query;
      const { decisions, outcomes, assignments } = sources();
      const all = [...decisions].map(kpiDecision);
      const stored = [...outcomes];
      const firsts = firstPerConversation(all.filter((d) => inKpiFilter(d.at, d, filter, { handoff: false })));
      const handedOff = handoffs(all, assignments, query);
      const handoffOutcomeRows = handoffOutcomes(stored, query);
      return {
        conversations: groupBy(
          firsts.map((d) => bucketLabel(plan.unit, plan.segments, d.at.getTime())),
          (bucket) => [bucket],
        ).map((g) => ({ bucket: g[0], conversations: g.length })),
        handoffs: handedOff.groups,
        assignmentWaits: handedOff.waits,
        handoffOutcomes: handoffOutcomeRows.groups,
        firstResponses: handoffOutcomeRows.firstResponses,
        resolutionTimes: handoffOutcomeRows.resolutionTimes,
        aiOutcomes: aiOutcomes(stored, filter, plan),
        verdictMonths: handoffOutcomeRows.verdictMonths,
      };
    },
    reasonFeedback: async (filter): Promise<ReasonFeedback> => {
      const rows = [...sources().outcomes].filter(
        (o) => o.kind === 'HANDOFF' && o.reasonCode !== null && inKpiFilter(o.decidedAt, o, filter, { handoff: true }),
      );
      return {
        verdicts: groupBy(
          rows.filter((o) => o.agentVerdict !== null),
          (o) => [o.reasonCode],
        ).map((g) => ({ reasonCode: g[0].reasonCode as string, verdicts: g.length, yes: count(g, (o) => o.agentVerdict === 'YES') })),
        corrections: groupBy(rows.filter(isCorrection), (o) => [o.reasonCode, o.correctedReasonCode]).map((g) => ({
          reasonCode: g[0].reasonCode as string,
          correctedReasonCode: g[0].correctedReasonCode as string,
          count: g.length,
        })),
      };
    },
  };
}
