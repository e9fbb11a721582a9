/**
 * `GET /metrics` over HTTP: after real decisions, a dry run, refused requests and handoffs, the
 * Prometheus text shows each counter with its labels and value, the latency histogram's count,
 * the queue gauges and the decision-log backlog; BATON_METRICS=off answers 404, `key` refuses
 * no key (401) and a bot key (403), `open` answers anyone; each server counts on its own.
 */
import { BatonErrorCode } from '@baton/schemas';
import { humanRequestGraph, minimalSettings, stayGraph } from '../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../test-support/operations';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type TestServer } from '../test-support/test-server';

const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';
const UPSERT_QUEUE = `mutation Q($input: QueueInput!) { upsertQueue(input: $input) { id } }`;
const UPSERT_AGENT = `mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`;
const PRESENCE = `mutation P($agentId: ID!) { setAgentPresence(agentId: $agentId, status: ONLINE) { id } }`;
const DECIDE_ID = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action reasonCode } }`;
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { status } }`;
const RELEASE = `mutation R($id: ID!) { releaseAssignment(decisionId: $id) { status } }`;
const CREATE_KEY = `mutation K($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { secret } }`;

afterAll(removeTempDirs);

async function scrape(
  t: TestServer,
  key: string | null = TEST_ADMIN_KEY,
  method = 'GET',
): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${t.url}/metrics`, { method, headers: key === null ? {} : { authorization: `Bearer ${key}` } });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one series (`name{labels}` exactly as exposed), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Creates and publishes `id` as the default policy (the servers here start without the seed). */
async function publishDefault(t: TestServer, id: string, graph: unknown): Promise<void> {
  expect((await t.gql(CREATE_POLICY, { input: { id, name: id, graph, settings: minimalSettings() } })).body.errors).toBeUndefined();
  expect((await t.gql(PUBLISH, { policyId: id, comment: 'metrics test', makeDefault: true })).body.errors).toBeUndefined();
}

async function newKey(t: TestServer, role: 'BOT' | 'AUDITOR'): Promise<string> {
  const { body } = await t.gql<{ createApiKey: { secret: string } }>(CREATE_KEY, { name: `metrics ${role}`, role });
  expect(body.errors).toBeUndefined();
  return body.data?.createApiKey.secret as string;
}

describe('GET /metrics (BATON_METRICS=key, the default)', () => {
  let t: TestServer;
  let botKey: string;
  let auditorKey: string;
  const handoffs: string[] = [];

  beforeAll(async () => {
    t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 1000 } }, { seed: false });
    botKey = await newKey(t, 'BOT');
    auditorKey = await newKey(t, 'AUDITOR');
    const queue = { id: 'metered', name: 'Metered', requiredSkills: [{ skill: 'metered' }], maxWaitSeconds: 86_400, averageHandleSeconds: 300 };
    expect((await t.gql(UPSERT_QUEUE, { input: queue })).body.errors).toBeUndefined();
    const agent = {
      id: 'solo',
      name: 'Solo',
      skills: [{ skill: 'metered', proficiency: 5 }],
      languages: ['en'],
      timeZone: 'UTC',
      capacity: [{ channel: 'CHAT', count: 1 }],
    };
    expect((await t.gql(UPSERT_AGENT, { input: agent })).body.errors).toBeUndefined();
    expect((await t.gql(PRESENCE, { agentId: 'solo' })).body.errors).toBeUndefined();
    await publishDefault(t, 'metered', humanRequestGraph('metered'));

    const decide = async (i: number, text: string, extra: Record<string, unknown> = {}) => {
      const input = decideInput({ policyId: 'metered', conversationId: `conv-${i}`, channel: 'web_chat', messages: [{ speaker: 'CUSTOMER', text }], ...extra });
      const { body } = await t.gql<{ decideHandoff: { decisionId: string; action: string } }>(DECIDE_ID, { input }, botKey);
      expect(body.errors).toBeUndefined();
      return body.data?.decideHandoff as { decisionId: string; action: string };
    };
    for (const i of [1, 2]) handoffs.push((await decide(i, 'I want a human please')).decisionId);
    expect((await decide(3, 'Where is my order?')).action).toBe('STAY');
    // A dry run is not counted.
    expect((await decide(4, 'I want a human please', { dryRun: true })).action).toBe('HANDOFF');
    // Refused: an unknown policy (NOT_FOUND), a query that does not validate (BAD_USER_INPUT), no key (UNAUTHENTICATED).
    expect((await t.gql(DECIDE_ID, { input: decideInput({ policyId: 'no-such-policy' }) })).body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);
    expect((await t.gql('{ nope }')).body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: BatonErrorCode.BadUserInput }) }),
    ]);
    expect((await t.gql('{ policies { id } }', {}, null)).status).toBe(401);
  });
  afterAll(() => t.close());

  it('refuses a request without a key (401) and a bot key (403), in JSON', async () => {
    const none = await scrape(t, null);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text)).toMatchObject({ code: BatonErrorCode.Unauthenticated });
    const bot = await scrape(t, botKey);
    expect(bot.status).toBe(403);
    expect(JSON.parse(bot.text)).toMatchObject({ code: BatonErrorCode.Forbidden, error: expect.stringContaining("role 'bot'") });
    expect((await scrape(t, 'not-a-key')).status).toBe(401);
  });

  it('counts decisions by action, reason and policy version, their latency, errors by code and the decision-log backlog', async () => {
    const { status, contentType, text } = await scrape(t, auditorKey);
    expect(status).toBe(200);
    expect(contentType).toBe(PROMETHEUS_TEXT);
    expect(sample(text, 'baton_decisions_total{action="HANDOFF",reason="human_requested",policy="metered",policy_version="1"}')).toBe(2);
    expect(sample(text, 'baton_decisions_total{action="STAY",reason="ai_resolving",policy="metered",policy_version="1"}')).toBe(1);
    expect(text.split('\n').filter((l) => l.startsWith('baton_decisions_total{'))).toHaveLength(2);
    expect(sample(text, 'baton_decision_duration_seconds_count')).toBe(3);
    expect(sample(text, 'baton_decision_duration_seconds_bucket{le="+Inf"}')).toBe(3);
    expect(sample(text, 'baton_decision_duration_seconds_sum')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE baton_decision_duration_seconds histogram');
    expect(sample(text, 'baton_graphql_errors_total{code="NOT_FOUND"}')).toBe(1);
    expect(sample(text, 'baton_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(text, 'baton_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    // Group commit: a logged decision is answered once written, so nothing is left waiting.
    expect(sample(text, 'baton_decision_log_pending_entries')).toBe(0);
    expect(sample(text, 'baton_decision_log_dropped_total')).toBe(0);
    expect(sample(text, 'baton_backtest_runs_active')).toBe(0);
    expect(sample(text, 'baton_queue_waiting_handoffs{queue="metered"}')).toBe(0);
    // The process metrics, with the same prefix.
    expect(sample(text, 'baton_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE baton_nodejs_heap_size_used_bytes gauge');
  });

  it('counts handoffs started, queued, released and dequeued, with the queue depth and longest wait read at scrape time', async () => {
    const [first, second] = handoffs as [string, string];
    expect((await t.gql<{ startHandoff: { status: string } }>(START, { id: first }, botKey)).body.data?.startHandoff.status).toBe('ASSIGNED');
    expect((await t.gql<{ startHandoff: { status: string } }>(START, { id: second }, botKey)).body.data?.startHandoff.status).toBe('QUEUED');
    // Starting again changes nothing and is not counted.
    await t.gql(START, { id: second }, botKey);
    const busy = (await scrape(t)).text;
    expect(sample(busy, 'baton_handoffs_started_total{queue="metered",result="assigned"}')).toBe(1);
    expect(sample(busy, 'baton_handoffs_started_total{queue="metered",result="queued"}')).toBe(1);
    expect(sample(busy, 'baton_queue_waiting_handoffs{queue="metered"}')).toBe(1);
    expect(sample(busy, 'baton_queue_oldest_wait_seconds{queue="metered"}')).toBeGreaterThanOrEqual(0);

    expect((await t.gql<{ releaseAssignment: { status: string } }>(RELEASE, { id: first }, botKey)).body.data?.releaseAssignment.status).toBe('RELEASED');
    expect((await t.gql(RELEASE, { id: first }, botKey)).body.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const freed = (await scrape(t)).text;
    expect(sample(freed, 'baton_handoffs_released_total{queue="metered",state="assigned"}')).toBe(1);
    expect(sample(freed, 'baton_handoffs_released_total{queue="metered",state="queued"}')).toBeUndefined();
    expect(sample(freed, 'baton_handoffs_dequeued_total{queue="metered"}')).toBe(1);
    // The second release was refused (CONFLICT): counted once as ended.
    expect(sample(freed, 'baton_handoffs_ended_total{queue="metered",status="released"}')).toBe(1);
    expect(sample(freed, 'baton_handoffs_requeued_total{queue="metered"}')).toBeUndefined();
    expect(sample(freed, 'baton_queue_waiting_handoffs{queue="metered"}')).toBe(0);
    expect(sample(freed, 'baton_queue_oldest_wait_seconds{queue="metered"}')).toBe(0);
  });

  it('answers HEAD with the headers only, and refuses other methods', async () => {
    const head = await scrape(t, TEST_ADMIN_KEY, 'HEAD');
    expect(head).toMatchObject({ status: 200, contentType: PROMETHEUS_TEXT, text: '' });
    expect((await scrape(t, TEST_ADMIN_KEY, 'POST')).status).toBe(405);
  });
});

describe('GET /metrics with BATON_METRICS=open and off', () => {
  let open: TestServer;
  let off: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ metrics: 'open' }, { seed: false });
    off = await startTestServer({ metrics: 'off' }, { seed: false });
    await publishDefault(open, 'stays', stayGraph());
    await publishDefault(off, 'stays', stayGraph());
  });
  afterAll(async () => {
    await open.close();
    await off.close();
  });

  it('open: answers without a key, with this server’s counts only', async () => {
    expect((await open.gql(DECIDE_ID, { input: decideInput() })).body.errors).toBeUndefined();
    const { status, contentType, text } = await scrape(open, null);
    expect(status).toBe(200);
    expect(contentType).toBe(PROMETHEUS_TEXT);
    expect(sample(text, 'baton_decision_duration_seconds_count')).toBe(1);
    expect(text.split('\n').filter((l) => l.startsWith('baton_decisions_total{'))).toHaveLength(1);
  });

  it('off: answers 404, and decisions still work', async () => {
    expect((await off.gql(DECIDE_ID, { input: decideInput() })).body.data?.decideHandoff).toMatchObject({ action: 'STAY' });
    const refused = await scrape(off);
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.text)).toEqual({ error: 'Metrics are off (BATON_METRICS=off).' });
    expect((await scrape(off, null)).status).toBe(404);
  });
});
