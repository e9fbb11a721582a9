/**
 * Outcomes over HTTP: a helpdesk integration records what happened after hand-worked decisions
 * (merged idempotently, late and out of order), the KPIs count them per day and week in a time
 * zone, suggestions list what agents flagged and become a backtest dataset in one call; bad input
 * writes nothing; roles. The server's clock is fixed, so every duration is known to the second.
 */
import { BatonErrorCode } from '@baton/schemas';
import { DEFAULT_LIMITS } from '../../config';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server';
import { CREATE_POLICY } from '../../test-support/operations';

afterAll(removeTempDirs);

const POLICY = 'kpi-policy';

/** start → route = billing → billing_dispute; route = human → customer_request; else stay. */
const GRAPH = {
  nodes: [
    { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'billing',
      kind: 'condition',
      position: { x: 0, y: 100 },
      data: { test: { fact: 'attributes', path: '$.route', operator: 'equal', value: 'billing' } },
    },
    {
      id: 'human',
      kind: 'condition',
      position: { x: 200, y: 200 },
      data: { test: { fact: 'attributes', path: '$.route', operator: 'equal', value: 'human' } },
    },
    {
      id: 'to_billing',
      kind: 'handoff',
      position: { x: 0, y: 200 },
      data: { reasonCode: 'billing_dispute', category: 'BUSINESS', queue: 'kpi', priority: 'NORMAL' },
    },
    {
      id: 'to_human',
      kind: 'handoff',
      position: { x: 200, y: 300 },
      data: { reasonCode: 'customer_request', category: 'CUSTOMER_REQUEST', queue: 'kpi', priority: 'NORMAL' },
    },
    { id: 'stay', kind: 'stay', position: { x: 400, y: 300 }, data: { reasonCode: 'ai_resolving' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'billing' },
    { id: 'e2', source: 'billing', sourceHandle: 'true', target: 'to_billing' },
    { id: 'e3', source: 'billing', sourceHandle: 'false', target: 'human' },
    { id: 'e4', source: 'human', sourceHandle: 'true', target: 'to_human' },
    { id: 'e5', source: 'human', sourceHandle: 'false', target: 'stay' },
  ],
};

const DECIDE = `query ($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action reasonCode signals } }`;
const START = `mutation ($id: ID!) { startHandoff(decisionId: $id) { status agentId assignedAt } }`;
const OUTCOME_FIELDS = `conversationId kind decisionId decidedAt reasonCode firstAgentResponseAt firstResponseSeconds resolution resolvedAt
  resolutionSeconds csat agentVerdict correctedReasonCode reopened resolvedByAi`;
const RECORD_HANDOFF = `mutation ($input: HandoffOutcomeInput!) { recordHandoffOutcome(input: $input) { ${OUTCOME_FIELDS} } }`;
const RECORD_AI = `mutation ($input: AiOutcomeInput!) { recordAiOutcome(input: $input) { ${OUTCOME_FIELDS} } }`;
const OUTCOME = `query ($id: ID!, $kind: OutcomeKind!) { outcome(conversationId: $id, kind: $kind) { ${OUTCOME_FIELDS} } }`;
const AUDIT = `{ auditLog(first: 500) { nodes { action targetId } } }`;

const FIGURES = `conversations handoffs handoffRate
  timeToAssignment { count p50Seconds p90Seconds } timeToFirstResponse { count p50Seconds p90Seconds } timeToResolution { count p50Seconds p90Seconds }
  handoffOutcomes resolutions resolved unresolved transferred abandoned resolutionRate netResolutionRate reopened
  repeatHandoffs repeatHandoffRate csatHandoff { responses average } csatAiOnly { responses average } csatGap
  aiOutcomes aiResolved aiResolutionRate verdicts unnecessary unnecessaryEscalationRate corrections sentimentMeasured sentimentAtHandoff
  byReason { reasonCode handoffs share verdicts unnecessary unnecessaryEscalationRate corrections handoffDecisions { action reasonCode from to } }
  decisions { policyId action reasonCode channel from to } handoffDecisions { policyId action reasonCode queue channel language from to }`;
const KPIS = `query ($filter: KpiFilter!, $bucket: KpiBucket, $timeZone: String) {
  handoffKpis(filter: $filter, bucket: $bucket, timeZone: $timeZone) {
    from to bucket timeZone overall { ${FIGURES} yesIds: outcomeDecisionIds(verdict: YES) aiIds: outcomeDecisionIds(kind: AI_ONLY) }
    buckets { label start end figures { ${FIGURES} } }
    unnecessaryEscalationTrend { reasonCode months { month verdicts unnecessary rate change } }
  } }`;
const SUGGESTIONS = `query ($filter: KpiFilter!, $minVerdicts: Int, $minCorrections: Int) {
  handoffSuggestions(filter: $filter, minVerdicts: $minVerdicts, minCorrections: $minCorrections) {
    kind reasonCode correctedReasonCode verdicts unnecessary unnecessaryEscalationRate corrections summary
    examples { conversationId decisionId agentVerdict correctedReasonCode decision { conversationId outcome { action reasonCode } } }
  } }`;
const FROM_SUGGESTION = `mutation ($input: SuggestionDatasetInput!) { createDatasetFromSuggestion(input: $input) {
  id name format source rows expectations { key count } row(id: "c1") { input expected } } }`;

const RANGE = { from: '2026-03-09T00:00:00Z', to: '2026-03-11T00:00:00Z' };

interface Outcome {
  conversationId: string;
  decisionId: string;
  firstAgentResponseAt: string | null;
  firstResponseSeconds: number | null;
  resolution: string | null;
  resolvedAt: string | null;
  csat: number | null;
  agentVerdict: string | null;
  correctedReasonCode: string | null;
  reopened: boolean | null;
  resolvedByAi: boolean | null;
}
type Figures = Record<string, unknown> & {
  byReason: { reasonCode: string; handoffs: number }[];
  handoffDecisions: Record<string, unknown>;
  sentimentAtHandoff: number | null;
};
interface Kpis {
  overall: Figures & { yesIds: string[]; aiIds: string[] };
  buckets: { label: string; start: string; end: string; figures: Figures }[];
  unnecessaryEscalationTrend: { reasonCode: string | null; months: Record<string, unknown>[] }[];
}

const errorOf = (response: GraphQLResponse) => response.body.errors?.[0];

describe('outcomes, KPIs and suggestions over HTTP', () => {
  let t: TestServer;
  let now = new Date('2026-03-09T08:00:00Z');
  const keys: Record<string, string> = {};
  const decisions: Record<string, { decisionId: string; action: string; signals: { sentimentLatest: number } }> = {};

  const ok = <T>(response: GraphQLResponse<T>): T => {
    expect(response.body.errors).toBeUndefined();
    return response.body.data as T;
  };
  const decide = async (conversationId: string, customerId: string, route: string, at: string) => {
    const input = {
      conversationId,
      policyId: POLICY,
      channel: 'chat',
      customer: { id: customerId, language: 'en' },
      messages: [{ speaker: 'CUSTOMER', text: 'Hello, I have a question about my account.', at }],
      attributes: { route },
      now: at,
    };
    const decided = ok(await t.gql<{ decideHandoff: (typeof decisions)[string] }>(DECIDE, { input })).decideHandoff;
    decisions[conversationId] = decided;
    return decided;
  };
  const startAt = async (conversationId: string, at: string) => {
    now = new Date(at);
    return ok(await t.gql<{ startHandoff: { status: string; assignedAt: string } }>(START, { id: decisions[conversationId]?.decisionId })).startHandoff;
  };
  const recordHandoff = (input: Record<string, unknown>, key = keys.integration) => t.gql<{ recordHandoffOutcome: Outcome }>(RECORD_HANDOFF, { input }, key);
  const recordAi = (input: Record<string, unknown>, key = keys.integration) => t.gql<{ recordAiOutcome: Outcome }>(RECORD_AI, { input }, key);
  const outcome = async (id: string, kind = 'HANDOFF') => ok(await t.gql<{ outcome: Outcome | null }>(OUTCOME, { id, kind })).outcome;
  const auditCount = async () =>
    ok(await t.gql<{ auditLog: { nodes: { action: string }[] } }>(AUDIT)).auditLog.nodes.filter((e) => e.action === 'outcome.record').length;
  const kpis = async (variables: Record<string, unknown>, key?: string) =>
    ok(await t.gql<{ handoffKpis: Kpis }>(KPIS, { filter: RANGE, ...variables }, key)).handoffKpis;

  beforeAll(async () => {
    // The decisions of both days are sent while the server's clock still reads the first morning.
    t = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxClockSkewSeconds: 86_400 } }, { clock: () => now });
    for (const role of ['INTEGRATION', 'BOT', 'AUDITOR', 'EDITOR']) {
      const created = ok(
        await t.gql<{ createApiKey: { secret: string } }>(`mutation ($role: Role!) { createApiKey(name: "k", role: $role) { secret } }`, { role }),
      );
      keys[role.toLowerCase()] = created.createApiKey.secret;
    }
    ok(await t.gql(`mutation { upsertQueue(input: { id: "kpi", name: "KPI", requiredSkills: [{ skill: "kpi" }], maxWaitSeconds: 86400 }) { id } }`));
    ok(
      await t.gql(`mutation { upsertAgent(input: { id: "kpi-1", name: "Ana", skills: [{ skill: "kpi", proficiency: 5 }], languages: ["en"],
        timeZone: "UTC", capacity: [{ channel: CHAT, count: 10 }] }) { id } }`),
    );
    ok(await t.gql(`mutation { setAgentPresence(agentId: "kpi-1", status: ONLINE) { id } }`));
    ok(await t.gql(CREATE_POLICY, { input: { id: POLICY, name: 'KPI policy', graph: GRAPH } }));
    ok(await t.gql(`mutation { publishPolicy(policyId: "${POLICY}", comment: "v1") { version { version } } }`));

    // Monday 9 March (UTC): c1 handed off for billing, c2 after a first turn the AI kept, c4 kept.
    await decide('c1', 'cus-1', 'billing', '2026-03-09T09:00:00Z');
    await decide('c2', 'cus-2', 'none', '2026-03-09T09:00:00Z');
    await decide('c2', 'cus-2', 'billing', '2026-03-09T09:10:00Z');
    await decide('c4', 'cus-3', 'none', '2026-03-09T10:00:00Z');
    // Tuesday 10 March: c3 is cus-1 again, 23 hours after c1 (a repeat handoff); c5 kept at 05:00 UTC (Monday evening in Los Angeles).
    await decide('c3', 'cus-1', 'human', '2026-03-10T08:00:00Z');
    await decide('c5', 'cus-4', 'none', '2026-03-10T05:00:00Z');
    expect(Object.values(decisions).map((d) => d.action)).toEqual(['HANDOFF', 'HANDOFF', 'STAY', 'HANDOFF', 'STAY']);
    // Assigned 120 s, 30 s and 60 s after their decisions.
    expect(await startAt('c1', '2026-03-09T09:02:00Z')).toMatchObject({ status: 'ASSIGNED', assignedAt: '2026-03-09T09:02:00.000Z' });
    await startAt('c2', '2026-03-09T09:10:30Z');
    await startAt('c3', '2026-03-10T08:01:00Z');
    now = new Date('2026-03-10T12:00:00Z');
  });
  afterAll(() => t.close());

  describe('recording', () => {
    it('merges updates of a handoff arriving late and out of order, and records a retry only once', async () => {
      const first = ok(
        await recordHandoff({
          conversationId: 'c1',
          occurredAt: '2026-03-09T09:30:00Z',
          firstAgentResponseAt: '2026-03-09T09:07:00Z',
          resolution: 'RESOLVED',
          resolvedAt: '2026-03-09T09:30:00Z',
        }),
      ).recordHandoffOutcome;
      expect(first).toMatchObject({
        kind: 'HANDOFF',
        decisionId: decisions.c1?.decisionId,
        reasonCode: 'billing_dispute',
        decidedAt: '2026-03-09T09:00:00.000Z',
      });
      expect(first).toMatchObject({ firstResponseSeconds: 420, resolution: 'RESOLVED', resolutionSeconds: 1800, csat: null, agentVerdict: null });

      // Sent earlier at the helpdesk, arriving late: its resolution is older than the stored one, its CSAT is new,
      // and its first response is earlier (the first response is the earliest one).
      const late = ok(
        await recordHandoff({
          conversationId: 'c1',
          occurredAt: '2026-03-09T09:20:00Z',
          firstAgentResponseAt: '2026-03-09T09:05:00Z',
          resolution: 'UNRESOLVED',
          csat: 4,
        }),
      ).recordHandoffOutcome;
      expect(late).toMatchObject({ firstAgentResponseAt: '2026-03-09T09:05:00.000Z', firstResponseSeconds: 300, resolution: 'RESOLVED', csat: 4 });

      // A later partial update sets only what it carries.
      const events = await auditCount();
      const verdict = { conversationId: 'c1', occurredAt: '2026-03-09T10:00:00Z', agentVerdict: 'YES', reopened: true };
      const judged = ok(await recordHandoff(verdict)).recordHandoffOutcome;
      expect(judged).toMatchObject({ resolution: 'RESOLVED', resolvedAt: '2026-03-09T09:30:00.000Z', csat: 4, agentVerdict: 'YES', reopened: true });
      expect(await auditCount()).toBe(events + 1);
      // The same update again (a retry) changes nothing and writes nothing.
      expect(ok(await recordHandoff(verdict)).recordHandoffOutcome).toEqual(judged);
      expect(await auditCount()).toBe(events + 1);
      expect(await outcome('c1')).toEqual(judged);

      const audit = ok(
        await t.gql<{ auditLog: { nodes: { targetId: string; before: unknown; after: unknown }[] } }>(
          `{ auditLog(filter: { action: "outcome.record", targetId: "c1" }) { nodes { targetId before after } } }`,
        ),
      ).auditLog.nodes;
      // One event per change, with the fields that moved.
      expect(audit).toHaveLength(3);
      expect(audit).toContainEqual({
        targetId: 'c1',
        before: { kind: 'HANDOFF', decisionId: decisions.c1?.decisionId, fields: { agentVerdict: null, reopened: null } },
        after: { kind: 'HANDOFF', decisionId: decisions.c1?.decisionId, fields: { agentVerdict: 'YES', reopened: true } },
      });
    });

    it('records the other handoffs and the conversations the AI kept, with the decision found from the conversation', async () => {
      ok(
        await recordHandoff({
          conversationId: 'c2',
          firstAgentResponseAt: '2026-03-09T09:12:00Z',
          resolution: 'UNRESOLVED',
          csat: 2,
          agentVerdict: 'NO',
          correctedReasonCode: ' refund_request ',
        }),
      );
      const c2 = await outcome('c2');
      // c2's first HANDOFF decision, not its first decision (which stayed).
      expect(c2).toMatchObject({ decisionId: decisions.c2?.decisionId, firstResponseSeconds: 120, correctedReasonCode: 'refund_request' });
      ok(
        await recordHandoff({
          conversationId: 'c3',
          decisionId: decisions.c3?.decisionId,
          firstAgentResponseAt: '2026-03-10T08:03:00Z',
          resolution: 'RESOLVED',
          csat: 5,
          agentVerdict: 'YES',
        }),
      );
      expect(ok(await recordAi({ conversationId: 'c4', resolvedByAi: true, csat: 5 })).recordAiOutcome).toMatchObject({ kind: 'AI_ONLY', resolvedByAi: true });
      // A bot key records what the AI did, too.
      ok(await recordAi({ conversationId: 'c5', resolvedByAi: false, csat: 3 }, keys.bot));
      expect(await outcome('c5', 'AI_ONLY')).toMatchObject({ decisionId: decisions.c5?.decisionId, csat: 3, resolvedByAi: false });
    });

    it('refuses bad input with a clear error and writes nothing', async () => {
      const before = { events: await auditCount(), c3: await outcome('c3'), c4: await outcome('c4', 'HANDOFF') };
      const refusals: [string, GraphQLResponse, string, RegExp][] = [
        ['unknown conversation', await recordHandoff({ conversationId: 'nobody', csat: 3 }), BatonErrorCode.NotFound, /No decision is logged/],
        ['unknown decision', await recordHandoff({ conversationId: 'c3', decisionId: 'nope', csat: 3 }), BatonErrorCode.NotFound, /not in the decision log/],
        [
          'another conversation',
          await recordHandoff({ conversationId: 'c3', decisionId: decisions.c1?.decisionId, csat: 3 }),
          BatonErrorCode.BadUserInput,
          /belongs to/,
        ],
        ['csat 6', await recordHandoff({ conversationId: 'c3', csat: 6 }), BatonErrorCode.BadUserInput, /csat must be a whole number from 1 to 5/],
        ['csat 0', await recordAi({ conversationId: 'c4', csat: 0 }), BatonErrorCode.BadUserInput, /csat/],
        [
          'time before the decision',
          await recordHandoff({ conversationId: 'c3', firstAgentResponseAt: '2026-03-10T07:59:59Z' }),
          BatonErrorCode.BadUserInput,
          /before decision/,
        ],
        ['time in the future', await recordHandoff({ conversationId: 'c3', resolvedAt: '2026-03-11T12:00:00Z' }), BatonErrorCode.BadUserInput, /future/],
        [
          'resolved before the first response',
          await recordHandoff({ conversationId: 'c3', resolvedAt: '2026-03-10T08:02:00Z' }),
          BatonErrorCode.BadUserInput,
          /before firstAgentResponseAt/,
        ],
        ['never handed off', await recordHandoff({ conversationId: 'c4', csat: 3 }), BatonErrorCode.BadUserInput, /never handed off/],
        ['AI outcome of a handoff', await recordAi({ conversationId: 'c3', resolvedByAi: true }), BatonErrorCode.BadUserInput, /was handed off/],
        ['nothing to record', await recordHandoff({ conversationId: 'c3' }), BatonErrorCode.BadUserInput, /carries no outcome field/],
        [
          'a verdict from the bot',
          await recordHandoff({ conversationId: 'c3', agentVerdict: 'NO', csat: 1 }, keys.bot),
          BatonErrorCode.Forbidden,
          /agent's judgement/,
        ],
        [
          'a correction from the bot',
          await recordHandoff({ conversationId: 'c3', correctedReasonCode: 'x' }, keys.bot),
          BatonErrorCode.Forbidden,
          /correctedReasonCode/,
        ],
      ];
      for (const [what, response, code, message] of refusals) {
        expect({ what, code: errorOf(response)?.extensions.code, message: errorOf(response)?.message }).toEqual({
          what,
          code,
          message: expect.stringMatching(message),
        });
      }
      expect({ events: await auditCount(), c3: await outcome('c3'), c4: await outcome('c4', 'HANDOFF') }).toEqual(before);
    });

    it('lets the integration key record outcomes, tell handoff steps and watch them live but read nothing stored, and readers read but not record', async () => {
      for (const query of [KPIS, `{ decisions { nodes { decisionId } } }`, OUTCOME]) {
        const refused = await t.gql(query, { filter: RANGE, id: 'c1', kind: 'HANDOFF' }, keys.integration);
        expect({ status: refused.status, code: errorOf(refused)?.extensions.code }).toEqual({ status: 403, code: BatonErrorCode.Forbidden });
      }
      const auditor = await recordHandoff({ conversationId: 'c1', csat: 1 }, keys.auditor);
      expect(errorOf(auditor)?.extensions.code).toBe(BatonErrorCode.Forbidden);
      expect((await kpis({}, keys.auditor)).overall.conversations).toBe(5);
      const viewer = ok(await t.gql<{ viewer: { role: string; allowedOperations: string[] } }>(`{ viewer { role allowedOperations } }`, {}, keys.integration));
      expect(viewer.viewer).toEqual({
        role: 'INTEGRATION',
        allowedOperations: [
          'Query.viewer',
          'Mutation.acceptHandoff',
          'Mutation.resolveHandoff',
          'Mutation.abandonHandoff',
          'Mutation.recordHandoffOutcome',
          'Mutation.recordAiOutcome',
          // The agent desktop follows handoffs and queues as they change (issue 16).
          'Subscription.handoffUpdated',
          'Subscription.queueStatusUpdated',
        ],
      });
    });
  });

  describe('KPIs', () => {
    it('computes every figure over the whole range from the hand-worked conversations', async () => {
      const result = await kpis({});
      const sentiments = ['c1', 'c2', 'c3'].map((c) => decisions[c]?.signals.sentimentLatest as number);
      expect(result.overall).toMatchObject({
        conversations: 5,
        handoffs: 3,
        handoffRate: 0.6,
        // 30, 60 and 120 s to an agent; first responses after 300, 120 and 180 s; c1 resolved after 1800 s (the only resolvedAt).
        timeToAssignment: { count: 3, p50Seconds: 60, p90Seconds: 120 },
        timeToFirstResponse: { count: 3, p50Seconds: 180, p90Seconds: 300 },
        timeToResolution: { count: 1, p50Seconds: 1800, p90Seconds: 1800 },
        handoffOutcomes: 3,
        resolutions: 3,
        resolved: 2,
        unresolved: 1,
        transferred: 0,
        abandoned: 0,
        resolutionRate: 2 / 3,
        // c1 was reopened: only c3 stayed resolved.
        netResolutionRate: 1 / 3,
        reopened: 1,
        repeatHandoffs: 1,
        repeatHandoffRate: 1 / 3,
        csatHandoff: { responses: 3, average: 11 / 3 },
        csatAiOnly: { responses: 2, average: 4 },
        csatGap: 11 / 3 - 4,
        aiOutcomes: 2,
        aiResolved: 1,
        aiResolutionRate: 0.5,
        verdicts: 3,
        unnecessary: 2,
        unnecessaryEscalationRate: 2 / 3,
        corrections: 1,
        sentimentMeasured: 3,
        decisions: { policyId: null, action: null, reasonCode: null, channel: null, from: '2026-03-09T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' },
        handoffDecisions: { action: 'HANDOFF', reasonCode: null, queue: null },
      });
      expect(result.overall.sentimentAtHandoff).toBeCloseTo(sentiments.reduce((a, b) => a + b, 0) / 3, 10);
      expect(result.overall.byReason).toEqual([
        {
          reasonCode: 'billing_dispute',
          handoffs: 2,
          share: 2 / 3,
          verdicts: 2,
          unnecessary: 1,
          unnecessaryEscalationRate: 0.5,
          corrections: 1,
          handoffDecisions: { action: 'HANDOFF', reasonCode: 'billing_dispute', from: '2026-03-09T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' },
        },
        expect.objectContaining({ reasonCode: 'customer_request', handoffs: 1, share: 1 / 3, verdicts: 1, unnecessary: 1, unnecessaryEscalationRate: 1 }),
      ]);
      // The decisions behind the figures: YES verdicts (c3 then c1, newest first), the AI-only outcomes.
      expect(result.overall.yesIds).toEqual([decisions.c3?.decisionId, decisions.c1?.decisionId]);
      expect(result.overall.aiIds).toEqual([decisions.c5?.decisionId, decisions.c4?.decisionId]);
      const listed = ok(
        await t.gql<{ decisions: { nodes: { conversationId: string }[] } }>(
          `query ($filter: DecisionFilter) { decisions(filter: $filter) { nodes { conversationId } } }`,
          {
            filter: result.overall.handoffDecisions,
          },
        ),
      ).decisions.nodes;
      expect(listed.map((d) => d.conversationId)).toEqual(['c3', 'c2', 'c1']);
    });

    it('splits the range into UTC days that add up to the whole, with month-over-month trends', async () => {
      const result = await kpis({ bucket: 'DAY' });
      expect(result.buckets.map((b) => [b.label, b.start, b.end])).toEqual([
        ['2026-03-09', '2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z'],
        ['2026-03-10', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z'],
      ]);
      const [monday, tuesday] = result.buckets.map((b) => b.figures);
      expect(monday).toMatchObject({
        conversations: 3,
        handoffs: 2,
        handoffRate: 2 / 3,
        repeatHandoffs: 0,
        timeToAssignment: { count: 2, p50Seconds: 30, p90Seconds: 120 },
      });
      expect(monday).toMatchObject({ csatHandoff: { responses: 2, average: 3 }, csatAiOnly: { responses: 1, average: 5 }, verdicts: 2, unnecessary: 1 });
      expect(tuesday).toMatchObject({
        conversations: 2,
        handoffs: 1,
        handoffRate: 0.5,
        repeatHandoffs: 1,
        repeatHandoffRate: 1,
        timeToFirstResponse: { p50Seconds: 180 },
      });
      expect(tuesday?.decisions).toMatchObject({ from: '2026-03-10T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' });
      expect(result.unnecessaryEscalationTrend).toEqual([
        { reasonCode: null, months: [{ month: '2026-03', verdicts: 3, unnecessary: 2, rate: 2 / 3, change: null }] },
        { reasonCode: 'billing_dispute', months: [{ month: '2026-03', verdicts: 2, unnecessary: 1, rate: 0.5, change: null }] },
        { reasonCode: 'customer_request', months: [{ month: '2026-03', verdicts: 1, unnecessary: 1, rate: 1, change: null }] },
      ]);
    });

    it('buckets by local day in a time zone, and by Monday-to-Sunday week', async () => {
      const losAngeles = await kpis({ bucket: 'DAY', timeZone: 'America/Los_Angeles' });
      // From 00:00 UTC on the 9th: 17:00 on the 8th in Los Angeles (PDT since 8 March, UTC−7).
      expect(losAngeles.buckets.map((b) => [b.label, b.start, b.figures.conversations])).toEqual([
        ['2026-03-08', '2026-03-09T00:00:00.000Z', 0],
        ['2026-03-09', '2026-03-09T07:00:00.000Z', 4],
        ['2026-03-10', '2026-03-10T07:00:00.000Z', 1],
      ]);
      const weeks = await kpis({ bucket: 'WEEK', timeZone: 'Europe/Madrid' });
      expect(weeks.buckets.map((b) => [b.label, b.start, b.end])).toEqual([['2026-03-09', '2026-03-09T00:00:00.000Z', '2026-03-11T00:00:00.000Z']]);
      expect(weeks.buckets[0]?.figures).toMatchObject({ conversations: 5, handoffs: 3 });
      const refused = await t.gql(KPIS, { filter: RANGE, timeZone: 'Mars/Olympus' });
      expect(errorOf(refused)).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput }, message: expect.stringMatching(/not a time zone/) });
      const backwards = await t.gql(KPIS, { filter: { from: RANGE.to, to: RANGE.from } });
      expect(errorOf(backwards)?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    });

    it('narrows by reason, channel and version; conversations are not narrowed by reason', async () => {
      const billing = await kpis({ filter: { ...RANGE, reasonCode: 'billing_dispute' } });
      expect(billing.overall).toMatchObject({ conversations: 5, handoffs: 2, handoffRate: 0.4, verdicts: 2, repeatHandoffs: 0, csatAiOnly: { responses: 2 } });
      expect(billing.overall.handoffDecisions).toMatchObject({ reasonCode: 'billing_dispute' });
      const email = await kpis({ filter: { ...RANGE, channel: 'email' } });
      expect(email.overall).toMatchObject({ conversations: 0, handoffs: 0, handoffRate: null, handoffOutcomes: 0, aiOutcomes: 0 });
      const v1 = await kpis({ filter: { ...RANGE, policyId: POLICY, policyVersion: 1, channel: 'chat', language: 'en' } });
      expect(v1.overall).toMatchObject({ conversations: 5, handoffs: 3, handoffOutcomes: 3, aiOutcomes: 2 });
    });
  });

  describe('suggestions', () => {
    it('lists reasons agents flagged and corrected, with examples, and turns them into datasets in one call', async () => {
      const suggestions = ok(
        await t.gql<{ handoffSuggestions: Record<string, unknown>[] }>(SUGGESTIONS, { filter: RANGE, minVerdicts: 2, minCorrections: 1 }, keys.auditor),
      ).handoffSuggestions;
      expect(suggestions).toEqual([
        {
          kind: 'UNNECESSARY_ESCALATION',
          reasonCode: 'billing_dispute',
          correctedReasonCode: null,
          verdicts: 2,
          unnecessary: 1,
          unnecessaryEscalationRate: 0.5,
          corrections: 0,
          summary: expect.stringMatching(/^Agents said the AI could have resolved 1 of 2 billing_dispute handoffs \(50%, above 10%\)/),
          examples: [
            {
              conversationId: 'c1',
              decisionId: decisions.c1?.decisionId,
              agentVerdict: 'YES',
              correctedReasonCode: null,
              decision: { conversationId: 'c1', outcome: { action: 'HANDOFF', reasonCode: 'billing_dispute' } },
            },
          ],
        },
        expect.objectContaining({ kind: 'REASON_CORRECTION', reasonCode: 'billing_dispute', correctedReasonCode: 'refund_request', corrections: 1 }),
      ]);
      // The defaults (20 verdicts, 3 corrections) want more feedback than two days give.
      expect(ok(await t.gql<{ handoffSuggestions: unknown[] }>(SUGGESTIONS, { filter: RANGE })).handoffSuggestions).toEqual([]);

      const unnecessary = ok(
        await t.gql<{ createDatasetFromSuggestion: Record<string, unknown> }>(
          FROM_SUGGESTION,
          { input: { name: 'Billing the AI could keep', kind: 'UNNECESSARY_ESCALATION', reasonCode: 'billing_dispute', filter: RANGE } },
          keys.editor,
        ),
      ).createDatasetFromSuggestion;
      expect(unnecessary).toMatchObject({ format: 'DECISION_LOG', rows: 1, expectations: [{ key: 'none', count: 1 }], row: { expected: { action: 'STAY' } } });
      expect(unnecessary.source).toMatch(/billing_dispute handoffs agents said the AI could have resolved/);
      const corrected = ok(
        await t.gql<{ createDatasetFromSuggestion: { rows: number; expectations: unknown[]; row: unknown } }>(FROM_SUGGESTION, {
          input: { name: 'Refunds', kind: 'REASON_CORRECTION', reasonCode: 'billing_dispute', correctedReasonCode: 'refund_request', filter: RANGE },
        }),
      ).createDatasetFromSuggestion;
      expect(corrected).toMatchObject({ rows: 1, expectations: [{ key: 'refund_request', count: 1 }], row: null });
      const none = await t.gql(FROM_SUGGESTION, { input: { name: 'None', kind: 'UNNECESSARY_ESCALATION', reasonCode: 'cancellation', filter: RANGE } });
      expect(errorOf(none)).toMatchObject({ extensions: { code: BatonErrorCode.BadUserInput }, message: expect.stringMatching(/No recorded outcome matches/) });
      const auditor = await t.gql(
        FROM_SUGGESTION,
        { input: { name: 'x', kind: 'UNNECESSARY_ESCALATION', reasonCode: 'billing_dispute', filter: RANGE } },
        keys.auditor,
      );
      expect(errorOf(auditor)?.extensions.code).toBe(BatonErrorCode.Forbidden);
    });
  });
});
