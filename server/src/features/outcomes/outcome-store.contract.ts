/**
 * Internal (tests only): the behaviour every `OutcomeStore` adapter must show — outcomes stored
 * and read back whole, merged in one unit of work with their audit event, nothing written by a
 * refused or unchanged merge, racing updates both kept; and the KPI aggregates (buckets in a time
 * zone, first decisions per conversation, repeat handoffs, assignment waits, outcome counts and
 * durations, filters), feedback per reason and outcome lists, over hand-worked decisions. Called
 * by `defineStoreContractTests`.
 */
import type { AgentProfile, HandoffAction, Queue } from '@baton/schemas';
import type { BatonStore } from '../../store/baton-store';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { DecisionLogRecord } from '../decisions/decision-log-store';
import { bucketPlan } from './kpi-buckets';
import type { KpiAggregates, KpiFilter, OutcomeAnchor, OutcomeKind, OutcomeRecord } from './outcome-store';
import { mergeOutcome, type OutcomeUpdate } from './outcome-transitions';

const DESK: Actor = { keyId: 'desk-key-001', role: 'integration' };
const T = (iso: string) => new Date(iso);
const RANGE: KpiFilter = { from: T('2026-03-09T00:00:00Z'), to: T('2026-03-11T00:00:00Z') };

interface Spec {
  id: string;
  conversation: string;
  customer: string;
  at: string;
  action: HandoffAction;
  reasonCode: string;
  channel?: string;
  language?: string;
  sentiment?: number;
}

/** A logged decision as the decision log writer stores it. */
function decision(spec: Spec): DecisionLogRecord {
  const facts: Record<string, unknown> = { channel: spec.channel ?? 'chat', language: spec.language ?? 'en' };
  if (spec.sentiment !== undefined) facts.sentimentLatest = spec.sentiment;
  return {
    decisionId: spec.id,
    evaluatedAt: T(spec.at),
    loggedAt: T(spec.at),
    policyId: 'p',
    policyVersion: spec.id === 'd3' ? 2 : 1,
    contentHash: 'h'.repeat(64),
    conversationId: spec.conversation,
    input: { conversationId: spec.conversation, customer: { id: spec.customer }, messages: [{ speaker: 'CUSTOMER', text: 'hi' }] },
    facts,
    outcome: {
      action: spec.action,
      reasonCode: spec.reasonCode,
      reasons: [],
      queue: spec.action === 'HANDOFF' ? 'kpi' : null,
      priority: 'NORMAL',
      tier: spec.action === 'HANDOFF' ? 'HUMAN_LED' : 'AI_RESOLVED',
    },
    latencyMs: 1,
  };
}

/**
 * Conversations A and B on 9 March (UTC), C and D on 10 March; E before the range, F at its end.
 * A: stays, then a billing handoff (assigned after 60 s). B: a cancellation handoff (email, es,
 * policy version 2). C: cus-1 again 16 hours after A (a repeat), handed off twice (counted once;
 * assigned after 30 s). D: kept by the AI.
 */
const DECISIONS: Spec[] = [
  { id: 'd1', conversation: 'A', customer: 'cus-1', at: '2026-03-09T09:00:00Z', action: 'STAY', reasonCode: 'ai_resolving' },
  { id: 'd2', conversation: 'A', customer: 'cus-1', at: '2026-03-09T09:05:00Z', action: 'HANDOFF', reasonCode: 'billing_dispute', sentiment: -0.5 },
  {
    id: 'd3',
    conversation: 'B',
    customer: 'cus-2',
    at: '2026-03-09T23:30:00Z',
    action: 'HANDOFF',
    reasonCode: 'cancellation',
    channel: 'email',
    language: 'es',
    sentiment: 0.5,
  },
  { id: 'd4', conversation: 'C', customer: 'cus-1', at: '2026-03-10T01:00:00Z', action: 'HANDOFF', reasonCode: 'billing_dispute' },
  { id: 'd5', conversation: 'C', customer: 'cus-1', at: '2026-03-10T01:10:00Z', action: 'HANDOFF', reasonCode: 'billing_dispute', sentiment: -1 },
  { id: 'd6', conversation: 'D', customer: 'cus-3', at: '2026-03-10T12:00:00Z', action: 'STAY', reasonCode: 'ai_resolving' },
  { id: 'd7', conversation: 'E', customer: 'cus-4', at: '2026-03-08T12:00:00Z', action: 'HANDOFF', reasonCode: 'billing_dispute' },
  { id: 'd8', conversation: 'F', customer: 'cus-2', at: '2026-03-11T00:00:00Z', action: 'STAY', reasonCode: 'ai_resolving' },
];

const anchorOf = (id: string): OutcomeAnchor => {
  const d = decision(DECISIONS.find((s) => s.id === id) as Spec);
  return {
    conversationId: d.conversationId,
    decisionId: d.decisionId,
    decidedAt: d.evaluatedAt,
    policyId: d.policyId,
    policyVersion: d.policyVersion,
    reasonCode: d.outcome.reasonCode,
    queue: d.outcome.queue,
    channel: d.facts.channel as string,
    language: d.facts.language as string,
  };
};

const QUEUE: Queue = {
  id: 'kpi',
  name: 'KPI',
  requiredSkills: [],
  languages: ['en'],
  hours: null,
  priority: 5,
  fallbackQueueId: null,
  maxWaitSeconds: 300,
  averageHandleSeconds: 600,
};
const AGENT: AgentProfile = {
  id: 'ana',
  name: 'Ana',
  skills: [],
  languages: ['en'],
  timeZone: 'UTC',
  workingHours: [],
  seniority: 'REGULAR',
  deescalationTrained: false,
  capacity: { chat: 10 },
  accountIds: [],
};

/** Sorted, so adapters may return groups in any order. */
const sorted = <T>(rows: readonly T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const normalized = (a: KpiAggregates) => Object.fromEntries(Object.entries(a).map(([key, rows]) => [key, sorted(rows as unknown[])]));

/** The stores the outcome contract reads and writes (decisions, queues, agents and handoffs are what KPIs count). */
type OutcomeContractStores = Pick<BatonStore, 'outcomes' | 'auditLog' | 'decisionLog' | 'directory' | 'handoffs'>;

/** Registers the outcome store contract; `store()` returns a fresh, empty store per test. */
export function describeOutcomeStoreContract(store: () => OutcomeContractStores): void {
  const record = (anchorId: string, kind: OutcomeKind, u: Omit<OutcomeUpdate, 'kind'>, at = T('2026-03-12T00:00:00Z')): Promise<OutcomeRecord> =>
    store().outcomes.recordOutcome(anchorOf(anchorId).conversationId, kind, (existing) => mergeOutcome(existing, anchorOf(anchorId), { ...u, kind }, at, DESK));
  const events = async () => (await store().auditLog.listEvents({ action: 'outcome.' }, 100, null)).map((e) => [e.action, e.targetId, e.actor, e.after]);

  describe('outcomes', () => {
    it('stores an outcome whole, with when each field was true, and its audit event in the same unit of work', async () => {
      const stored = await record('d2', 'HANDOFF', {
        occurredAt: T('2026-03-09T09:35:00Z'),
        values: {
          firstAgentResponseAt: T('2026-03-09T09:07:00Z'),
          resolution: 'RESOLVED',
          resolvedAt: T('2026-03-09T09:35:00Z'),
          csat: 5,
          agentVerdict: 'YES',
          correctedReasonCode: 'refund_request',
          reopened: false,
        },
      });
      expect(await store().outcomes.findOutcome('A', 'HANDOFF')).toEqual(stored);
      expect(stored.fieldTimes.csat).toEqual(T('2026-03-09T09:35:00Z'));
      expect(await store().outcomes.findOutcome('A', 'AI_ONLY')).toBeNull();
      const ai = await record('d6', 'AI_ONLY', { occurredAt: T('2026-03-10T12:30:00Z'), values: { resolvedByAi: true, csat: 4 } });
      expect(await store().outcomes.findOutcome('D', 'AI_ONLY')).toEqual(ai);
      expect(ai).toMatchObject({ reasonCode: 'ai_resolving', queue: null, firstAgentResponseAt: null, resolution: null, reopened: null, resolvedByAi: true });
      expect(await events()).toEqual([
        ['outcome.record', 'A', DESK, expect.objectContaining({ kind: 'HANDOFF', decisionId: 'd2' })],
        ['outcome.record', 'D', DESK, expect.objectContaining({ kind: 'AI_ONLY', decisionId: 'd6' })],
      ]);
    });

    it('writes nothing for an unchanged or refused merge', async () => {
      const u = { occurredAt: T('2026-03-09T09:35:00Z'), values: { csat: 3 } };
      const first = await record('d2', 'HANDOFF', u);
      expect(await record('d2', 'HANDOFF', u, T('2026-03-13T00:00:00Z'))).toEqual(first);
      await expect(
        store().outcomes.recordOutcome('A', 'HANDOFF', () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store().outcomes.findOutcome('A', 'HANDOFF')).toEqual(first);
      expect(await events()).toHaveLength(1);
    });

    it('keeps both of two updates of one conversation made at the same time', async () => {
      await Promise.all([
        record('d2', 'HANDOFF', { occurredAt: T('2026-03-09T09:35:00Z'), values: { csat: 2 } }),
        record('d2', 'HANDOFF', { occurredAt: T('2026-03-09T09:36:00Z'), values: { agentVerdict: 'NO' } }),
      ]);
      expect(await store().outcomes.findOutcome('A', 'HANDOFF')).toMatchObject({ csat: 2, agentVerdict: 'NO' });
      expect(await events()).toHaveLength(2);
    });
  });

  describe('KPI aggregates', () => {
    beforeEach(async () => {
      const s = store();
      await s.decisionLog.appendDecisions(DECISIONS.map(decision));
      await s.directory.upsertQueue(QUEUE, T('2026-03-01T00:00:00Z'), SYSTEM_ACTOR);
      await s.directory.upsertAgent(AGENT, T('2026-03-01T00:00:00Z'), SYSTEM_ACTOR);
      await s.directory.setAgentPresence('ana', 'ONLINE', undefined, T('2026-03-01T00:00:00Z'), SYSTEM_ACTOR);
      for (const [id, conversationId, customerId, at] of [
        ['d2', 'A', 'cus-1', '2026-03-09T09:06:00Z'],
        ['d4', 'C', 'cus-1', '2026-03-10T01:00:30Z'],
      ] as const) {
        const request = { decisionId: id, conversationId, customerId, queueId: 'kpi', channel: 'chat' as const, rank: 100, fallbackUsed: false };
        await s.handoffs.startHandoff({ ...request, ranked: ['ana'], qualified: ['ana'], explanation: [], at: T(at) }, SYSTEM_ACTOR);
      }
      await record('d2', 'HANDOFF', {
        occurredAt: T('2026-03-09T09:35:00Z'),
        values: {
          firstAgentResponseAt: T('2026-03-09T09:07:00Z'),
          resolution: 'RESOLVED',
          resolvedAt: T('2026-03-09T09:35:00Z'),
          csat: 5,
          agentVerdict: 'YES',
          reopened: true,
        },
      });
      await record('d3', 'HANDOFF', {
        occurredAt: T('2026-03-10T00:00:00Z'),
        values: { resolution: 'ABANDONED', agentVerdict: 'NO', correctedReasonCode: 'billing_dispute' },
      });
      // Corrected to its own reason: not a correction.
      await record('d4', 'HANDOFF', {
        occurredAt: T('2026-03-10T02:00:00Z'),
        values: { agentVerdict: 'YES', csat: 2, correctedReasonCode: 'billing_dispute' },
      });
      await record('d6', 'AI_ONLY', { occurredAt: T('2026-03-10T12:30:00Z'), values: { resolvedByAi: true, csat: 4 } });
    });

    it('counts conversations and handoffs at their first decisions, repeats, waits, outcomes and durations per UTC day', async () => {
      const aggregates = await store().outcomes.kpiAggregates({ filter: RANGE, plan: bucketPlan(RANGE.from, RANGE.to, 'DAY', 'UTC') });
      const billing = { resolved: 0, unresolved: 0, transferred: 0, abandoned: 0, resolvedNotReopened: 0, reopened: 0, corrections: 0 };
      expect(normalized(aggregates)).toEqual(
        normalized({
          conversations: [
            { bucket: '2026-03-09', conversations: 2 },
            { bucket: '2026-03-10', conversations: 2 },
          ],
          handoffs: [
            { bucket: '2026-03-09', reasonCode: 'billing_dispute', handoffs: 1, repeats: 0, sentimentSum: -0.5, sentimentCount: 1 },
            { bucket: '2026-03-09', reasonCode: 'cancellation', handoffs: 1, repeats: 0, sentimentSum: 0.5, sentimentCount: 1 },
            // C at its first HANDOFF decision (d4, which has no sentiment), a repeat of A.
            { bucket: '2026-03-10', reasonCode: 'billing_dispute', handoffs: 1, repeats: 1, sentimentSum: 0, sentimentCount: 0 },
          ],
          assignmentWaits: [
            { bucket: '2026-03-09', seconds: 60, count: 1 },
            { bucket: '2026-03-10', seconds: 30, count: 1 },
          ],
          handoffOutcomes: [
            {
              bucket: '2026-03-09',
              reasonCode: 'billing_dispute',
              outcomes: 1,
              resolutions: 1,
              ...billing,
              resolved: 1,
              reopened: 1,
              csatSum: 5,
              csatCount: 1,
              verdicts: 1,
              yes: 1,
            },
            {
              bucket: '2026-03-09',
              reasonCode: 'cancellation',
              outcomes: 1,
              resolutions: 1,
              ...billing,
              abandoned: 1,
              csatSum: 0,
              csatCount: 0,
              verdicts: 1,
              yes: 0,
              corrections: 1,
            },
            { bucket: '2026-03-10', reasonCode: 'billing_dispute', outcomes: 1, resolutions: 0, ...billing, csatSum: 2, csatCount: 1, verdicts: 1, yes: 1 },
          ],
          firstResponses: [{ bucket: '2026-03-09', seconds: 120, count: 1 }],
          resolutionTimes: [{ bucket: '2026-03-09', seconds: 1800, count: 1 }],
          aiOutcomes: [{ bucket: '2026-03-10', outcomes: 1, aiKnown: 1, aiResolved: 1, csatSum: 4, csatCount: 1 }],
          verdictMonths: [
            { month: '2026-03', reasonCode: 'billing_dispute', verdicts: 2, yes: 2 },
            { month: '2026-03', reasonCode: 'cancellation', verdicts: 1, yes: 0 },
          ],
        }),
      );
    });

    it('buckets by local day and week in a time zone', async () => {
      // New York is at UTC−4 from 8 March: C (01:00 UTC on the 10th) falls on the 9th there.
      const days = await store().outcomes.kpiAggregates({ filter: RANGE, plan: bucketPlan(RANGE.from, RANGE.to, 'DAY', 'America/New_York') });
      expect(sorted(days.conversations)).toEqual([
        { bucket: '2026-03-09', conversations: 3 },
        { bucket: '2026-03-10', conversations: 1 },
      ]);
      expect(sorted(days.assignmentWaits)).toEqual([
        { bucket: '2026-03-09', seconds: 30, count: 1 },
        { bucket: '2026-03-09', seconds: 60, count: 1 },
      ]);
      expect(days.aiOutcomes.map((r) => r.bucket)).toEqual(['2026-03-10']);
      const weeks = await store().outcomes.kpiAggregates({ filter: RANGE, plan: bucketPlan(RANGE.from, RANGE.to, 'WEEK', 'America/New_York') });
      // The range starts on Sunday 8 March, 20:00, in New York: the week of Monday 2 March.
      expect(sorted(weeks.conversations)).toEqual([{ bucket: '2026-03-09', conversations: 4 }]);
      expect(sorted(weeks.handoffs.map((h) => [h.bucket, h.reasonCode, h.handoffs]))).toEqual([
        ['2026-03-09', 'billing_dispute', 2],
        ['2026-03-09', 'cancellation', 1],
      ]);
    });

    it('narrows by dimension; reason and queue narrow handoffs and their outcomes only', async () => {
      const plan = bucketPlan(RANGE.from, RANGE.to, 'DAY', 'UTC');
      const email = await store().outcomes.kpiAggregates({ filter: { ...RANGE, channel: 'email', language: 'es' }, plan });
      expect([email.conversations, email.handoffs.map((h) => h.reasonCode), email.handoffOutcomes.length, email.aiOutcomes]).toEqual([
        [{ bucket: '2026-03-09', conversations: 1 }],
        ['cancellation'],
        1,
        [],
      ]);
      const v2 = await store().outcomes.kpiAggregates({ filter: { ...RANGE, policyId: 'p', policyVersion: 2 }, plan });
      expect(v2.handoffs.map((h) => h.reasonCode)).toEqual(['cancellation']);
      const billing = await store().outcomes.kpiAggregates({ filter: { ...RANGE, reasonCode: 'billing_dispute', queueId: 'kpi' }, plan });
      expect(sorted(billing.conversations)).toEqual([
        { bucket: '2026-03-09', conversations: 2 },
        { bucket: '2026-03-10', conversations: 2 },
      ]);
      expect(sorted(billing.handoffs.map((h) => h.bucket))).toEqual(['2026-03-09', '2026-03-10']);
      expect(billing.handoffOutcomes.every((o) => o.reasonCode === 'billing_dispute')).toBe(true);
      expect(billing.aiOutcomes).toHaveLength(1);
      const none = await store().outcomes.kpiAggregates({ filter: { ...RANGE, queueId: 'elsewhere' }, plan });
      expect([none.handoffs, none.assignmentWaits, none.handoffOutcomes, none.firstResponses, none.verdictMonths]).toEqual([[], [], [], [], []]);
    });

    it("gives agents' feedback per reason, and lists outcomes newest first, narrowed", async () => {
      const feedback = await store().outcomes.reasonFeedback(RANGE);
      expect(sorted(feedback.verdicts)).toEqual([
        { reasonCode: 'billing_dispute', verdicts: 2, yes: 2 },
        { reasonCode: 'cancellation', verdicts: 1, yes: 0 },
      ]);
      expect(feedback.corrections).toEqual([{ reasonCode: 'cancellation', correctedReasonCode: 'billing_dispute', count: 1 }]);
      expect(await store().outcomes.reasonFeedback({ ...RANGE, channel: 'chat' })).toEqual({
        verdicts: [{ reasonCode: 'billing_dispute', verdicts: 2, yes: 2 }],
        corrections: [],
      });

      const list = async (selection: Partial<Parameters<BatonStore['outcomes']['listOutcomes']>[0]>, limit = 10) =>
        (await store().outcomes.listOutcomes({ filter: RANGE, kind: 'HANDOFF', ...selection }, limit)).map((o) => o.decisionId);
      expect(await list({})).toEqual(['d4', 'd3', 'd2']);
      expect(await list({}, 1)).toEqual(['d4']);
      expect(await list({ verdict: 'YES' })).toEqual(['d4', 'd2']);
      expect(await list({ resolution: 'ABANDONED' })).toEqual(['d3']);
      expect(await list({ correctedReasonCode: 'billing_dispute' })).toEqual(['d3']);
      expect(await list({ filter: { ...RANGE, reasonCode: 'billing_dispute' }, verdict: 'YES' })).toEqual(['d4', 'd2']);
      expect(await list({ filter: { ...RANGE, from: T('2026-03-10T00:00:00Z') } })).toEqual(['d4']);
      expect(await list({ kind: 'AI_ONLY' })).toEqual(['d6']);
    });
  });
}
