import { bucketPlan } from './kpi-buckets';
import { computeHandoffKpis, DEFAULT_SUGGESTION_OPTIONS, durationStats, percentile, ratio, suggestPolicyChanges } from './kpi-formulas';
import type { HandoffOutcomeGroup, KpiAggregates, KpiFilter } from './outcome-store';

const FILTER: KpiFilter = { from: new Date('2026-03-30T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z'), policyId: 'p', channel: 'chat' };
const PLAN = bucketPlan(FILTER.from, FILTER.to, 'DAY', 'UTC');
const histogram = (values: number[]) => values.reduce((h, v) => h.set(v, (h.get(v) ?? 0) + 1), new Map<number, number>());

const outcomes = (bucket: string, reasonCode: string, sums: Partial<HandoffOutcomeGroup>): HandoffOutcomeGroup => ({
  bucket,
  reasonCode,
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
  ...sums,
});

/**
 * Two days. 30 March: 10 conversations, 4 handed off (3 billing_dispute, one a repeat; 1
 * customer_request); 31 March: 5 conversations, 1 handed off (billing_dispute).
 */
const AGGREGATES: KpiAggregates = {
  conversations: [
    { bucket: '2026-03-30', conversations: 10 },
    { bucket: '2026-03-31', conversations: 5 },
  ],
  handoffs: [
    { bucket: '2026-03-30', reasonCode: 'billing_dispute', handoffs: 3, repeats: 1, sentimentSum: -1.2, sentimentCount: 3 },
    { bucket: '2026-03-30', reasonCode: 'customer_request', handoffs: 1, repeats: 0, sentimentSum: 0.2, sentimentCount: 1 },
    { bucket: '2026-03-31', reasonCode: 'billing_dispute', handoffs: 1, repeats: 0, sentimentSum: 0, sentimentCount: 0 },
  ],
  // 30 March: 10, 20, 20, 90 s; 31 March: 40 s.
  assignmentWaits: [
    { bucket: '2026-03-30', seconds: 10, count: 1 },
    { bucket: '2026-03-30', seconds: 20, count: 2 },
    { bucket: '2026-03-30', seconds: 90, count: 1 },
    { bucket: '2026-03-31', seconds: 40, count: 1 },
  ],
  handoffOutcomes: [
    outcomes('2026-03-30', 'billing_dispute', {
      outcomes: 3,
      resolutions: 3,
      resolved: 2,
      abandoned: 1,
      resolvedNotReopened: 1,
      reopened: 1,
      csatSum: 7,
      csatCount: 2,
      verdicts: 3,
      yes: 2,
      corrections: 1,
    }),
    outcomes('2026-03-30', 'customer_request', { outcomes: 1, verdicts: 1, yes: 0 }),
    outcomes('2026-03-31', 'billing_dispute', { outcomes: 1, resolutions: 1, transferred: 1, csatSum: 1, csatCount: 1, verdicts: 1, yes: 1 }),
  ],
  firstResponses: [
    { bucket: '2026-03-30', seconds: 60, count: 2 },
    { bucket: '2026-03-31', seconds: 600, count: 1 },
  ],
  resolutionTimes: [],
  aiOutcomes: [
    { bucket: '2026-03-30', outcomes: 4, aiKnown: 4, aiResolved: 3, csatSum: 18, csatCount: 4 },
    { bucket: '2026-03-31', outcomes: 1, aiKnown: 0, aiResolved: 0, csatSum: 0, csatCount: 0 },
  ],
  verdictMonths: [
    { month: '2026-03', reasonCode: 'billing_dispute', verdicts: 4, yes: 3 },
    { month: '2026-03', reasonCode: 'customer_request', verdicts: 1, yes: 0 },
  ],
};

describe('rates and percentiles', () => {
  it('gives a rate, or null without a denominator', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });

  it('takes the nearest rank: the smallest value with at least p of all at or below it', () => {
    const tenToHundred = histogram([100, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(percentile(tenToHundred, 0.5)).toBe(50);
    expect(percentile(tenToHundred, 0.9)).toBe(90);
    expect(percentile(tenToHundred, 1)).toBe(100);
    // [10, 20, 20, 90]: rank ⌈0.5·4⌉ = 2 → 20; rank ⌈0.9·4⌉ = 4 → 90.
    expect(durationStats(histogram([10, 20, 20, 90]))).toEqual({ count: 4, p50Seconds: 20, p90Seconds: 90 });
    expect(durationStats(histogram([7]))).toEqual({ count: 1, p50Seconds: 7, p90Seconds: 7 });
    expect(durationStats(new Map())).toEqual({ count: 0, p50Seconds: null, p90Seconds: null });
  });
});

describe('computeHandoffKpis', () => {
  const kpis = computeHandoffKpis(AGGREGATES, PLAN, FILTER);

  it('adds the buckets up to the whole range and computes each figure over it', () => {
    expect(kpis.overall).toMatchObject({
      conversations: 15,
      handoffs: 5,
      handoffRate: 5 / 15,
      // [10, 20, 20, 40, 90]: ranks 3 and 5.
      timeToAssignment: { count: 5, p50Seconds: 20, p90Seconds: 90 },
      // [60, 60, 600]: ranks 2 and 3.
      timeToFirstResponse: { count: 3, p50Seconds: 60, p90Seconds: 600 },
      timeToResolution: { count: 0, p50Seconds: null, p90Seconds: null },
      handoffOutcomes: 5,
      resolutions: 4,
      resolved: 2,
      unresolved: 0,
      transferred: 1,
      abandoned: 1,
      resolutionRate: 0.5,
      netResolutionRate: 0.25,
      reopened: 1,
      repeatHandoffs: 1,
      repeatHandoffRate: 0.2,
      csatHandoff: { responses: 3, average: 8 / 3 },
      csatAiOnly: { responses: 4, average: 4.5 },
      csatGap: 8 / 3 - 4.5,
      aiOutcomes: 5,
      aiResolved: 3,
      aiResolutionRate: 0.75,
      verdicts: 5,
      unnecessary: 3,
      unnecessaryEscalationRate: 0.6,
      corrections: 1,
      sentimentMeasured: 4,
      sentimentAtHandoff: -1 / 4,
    });
    expect(kpis.overall.byReason.map(({ handoffDecisions: _link, ...figures }) => figures)).toEqual([
      { reasonCode: 'billing_dispute', handoffs: 4, share: 0.8, verdicts: 4, unnecessary: 3, unnecessaryEscalationRate: 0.75, corrections: 1 },
      { reasonCode: 'customer_request', handoffs: 1, share: 0.2, verdicts: 1, unnecessary: 0, unnecessaryEscalationRate: 0, corrections: 0 },
    ]);
  });

  it('computes each bucket from its own rows, empty figures as null', () => {
    const [first, second] = kpis.buckets;
    expect(first).toMatchObject({ label: '2026-03-30', start: new Date('2026-03-30T00:00:00Z'), end: new Date('2026-03-31T00:00:00Z') });
    expect(first?.figures).toMatchObject({
      conversations: 10,
      handoffs: 4,
      handoffRate: 0.4,
      timeToAssignment: { count: 4, p50Seconds: 20, p90Seconds: 90 },
      repeatHandoffRate: 0.25,
      resolutionRate: 2 / 3,
      csatHandoff: { responses: 2, average: 3.5 },
      unnecessaryEscalationRate: 0.5,
      sentimentAtHandoff: -0.25,
    });
    expect(second?.figures).toMatchObject({
      conversations: 5,
      handoffs: 1,
      handoffRate: 0.2,
      timeToAssignment: { count: 1, p50Seconds: 40, p90Seconds: 40 },
      resolutionRate: 0,
      csatAiOnly: { responses: 0, average: null },
      csatGap: null,
      aiResolutionRate: null,
      sentimentMeasured: 0,
      sentimentAtHandoff: null,
    });
  });

  it('links each slice to its decisions: the filter with the slice range, the action and the reason', () => {
    expect(kpis.buckets[1]?.figures.decisions).toEqual({
      policyId: 'p',
      policyVersion: null,
      action: null,
      reasonCode: null,
      queue: null,
      channel: 'chat',
      language: null,
      from: new Date('2026-03-31T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
    });
    expect(kpis.overall.handoffDecisions).toMatchObject({ action: 'HANDOFF', reasonCode: null, from: FILTER.from, to: FILTER.to });
    expect(kpis.overall.byReason[0]?.handoffDecisions).toMatchObject({ action: 'HANDOFF', reasonCode: 'billing_dispute' });
    expect(kpis.buckets[0]?.figures.slice).toEqual({ ...FILTER, to: new Date('2026-03-31T00:00:00Z') });
  });

  it('gives the unnecessary-escalation rate month over month', () => {
    const plan = bucketPlan(new Date('2026-01-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'), 'WEEK', 'UTC');
    const trend = computeHandoffKpis(
      {
        ...AGGREGATES,
        verdictMonths: [
          { month: '2026-01', reasonCode: 'billing_dispute', verdicts: 20, yes: 8 },
          { month: '2026-02', reasonCode: 'billing_dispute', verdicts: 10, yes: 3 },
          { month: '2026-02', reasonCode: 'low_confidence', verdicts: 10, yes: 1 },
          { month: '2026-03', reasonCode: 'billing_dispute', verdicts: 25, yes: 5 },
        ],
      },
      plan,
      FILTER,
    ).unnecessaryEscalationTrend;
    const change = (value: number | null | undefined) => (value === null || value === undefined ? value : Math.round(value * 1000) / 1000);
    expect(trend.map((t) => [t.reasonCode, t.months.map((m) => [m.month, m.verdicts, m.unnecessary, m.rate, change(m.change)])])).toEqual([
      [
        null,
        [
          ['2026-01', 20, 8, 0.4, null],
          ['2026-02', 20, 4, 0.2, -0.2],
          ['2026-03', 25, 5, 0.2, 0],
        ],
      ],
      [
        'billing_dispute',
        [
          ['2026-01', 20, 8, 0.4, null],
          ['2026-02', 10, 3, 0.3, -0.1],
          ['2026-03', 25, 5, 0.2, -0.1],
        ],
      ],
      [
        'low_confidence',
        [
          ['2026-01', 0, 0, null, null],
          ['2026-02', 10, 1, 0.1, null],
          ['2026-03', 0, 0, null, null],
        ],
      ],
    ]);
  });
});

describe('suggestPolicyChanges', () => {
  const feedback = {
    verdicts: [
      { reasonCode: 'billing_dispute', verdicts: 40, yes: 10 },
      { reasonCode: 'low_confidence', verdicts: 20, yes: 9 },
      // At the threshold: not above it.
      { reasonCode: 'negative_sentiment', verdicts: 30, yes: 3 },
      // Above the threshold, but too few verdicts.
      { reasonCode: 'cancellation', verdicts: 19, yes: 19 },
    ],
    corrections: [
      { reasonCode: 'billing_dispute', correctedReasonCode: 'refund_request', count: 5 },
      { reasonCode: 'low_confidence', correctedReasonCode: 'billing_dispute', count: 2 },
      { reasonCode: 'crisis', correctedReasonCode: 'negative_sentiment', count: 7 },
    ],
  };

  it('lists reasons above 10% over at least 20 verdicts, highest first, then corrections seen 3 times or more', () => {
    const suggestions = suggestPolicyChanges(feedback, DEFAULT_SUGGESTION_OPTIONS, FILTER);
    expect(
      suggestions.map((s) => [s.kind, s.reasonCode, s.correctedReasonCode, s.verdicts, s.unnecessary, s.unnecessaryEscalationRate, s.corrections]),
    ).toEqual([
      ['UNNECESSARY_ESCALATION', 'low_confidence', null, 20, 9, 0.45, 0],
      ['UNNECESSARY_ESCALATION', 'billing_dispute', null, 40, 10, 0.25, 0],
      ['REASON_CORRECTION', 'crisis', 'negative_sentiment', 0, 0, null, 7],
      ['REASON_CORRECTION', 'billing_dispute', 'refund_request', 40, 10, 0.25, 5],
    ]);
    expect(suggestions[0]?.summary).toBe(
      'Agents said the AI could have resolved 9 of 20 low_confidence handoffs (45%, above 10%): try letting the AI keep more of them, and backtest the change on these conversations.',
    );
    expect(suggestions[3]?.summary).toBe(
      'Agents said 5 billing_dispute handoffs were really refund_request: catch them with a refund_request trigger, and backtest it on these conversations.',
    );
    expect(suggestions.every((s) => s.filter === FILTER)).toBe(true);
  });

  it('follows the given threshold and sample sizes', () => {
    const loose = suggestPolicyChanges(feedback, { minVerdicts: 10, threshold: 0.05, minCorrections: 2 }, FILTER);
    expect(loose.map((s) => `${s.kind} ${s.reasonCode}`)).toEqual([
      'UNNECESSARY_ESCALATION cancellation',
      'UNNECESSARY_ESCALATION low_confidence',
      'UNNECESSARY_ESCALATION billing_dispute',
      'UNNECESSARY_ESCALATION negative_sentiment',
      'REASON_CORRECTION crisis',
      'REASON_CORRECTION billing_dispute',
      'REASON_CORRECTION low_confidence',
    ]);
  });
});
