/**
 * Safe retries over HTTP: an `Idempotency-Key` on decideHandoff and startHandoff. A retry gets
 * the first answer byte for byte (header `Idempotent-Replayed: true`) and logs, reserves and
 * audits nothing again; the same key with another request or operation is refused (422,
 * IDEMPOTENCY_KEY_REUSED); keys belong to their API key; a failed first request leaves its key
 * free; concurrent retries run once; a key is forgotten after BATON_IDEMPOTENCY_TTL_SECONDS.
 */
import { minimalSettings } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server';

const DECIDE = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action evaluatedAt routing { queueId } } }`;
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { decisionId status agentId createdAt } }`;
const RELEASE = `mutation R($id: ID!) { releaseAssignment(decisionId: $id) { status } }`;
const LOGGED = `query L($conversationId: ID!) { decisions(filter: { conversationId: $conversationId }) { nodes { decisionId } } }`;
const AUDIT = `query E($targetId: String!) { auditLog(filter: { targetType: "handoff", targetId: $targetId }) { nodes { action } } }`;
const AGENT = `query { agent(id: "desk-1") { activeConversations { count } } }`;

interface Reply {
  status: number;
  replayed: string | null;
  text: string;
  body: GraphQLResponse['body'];
}

const T0 = Date.parse('2026-07-01T12:00:00.000Z');
let now = T0;
let t: TestServer;
const keys = { botA: '', botB: '', auditor: '' };

/** POSTs `query` with `key` (an API key) and, when given, an Idempotency-Key. */
async function send(query: string, variables: Record<string, unknown>, apiKey: string, idempotencyKey?: string): Promise<Reply> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${apiKey}`,
      ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), text, body: JSON.parse(text) as GraphQLResponse['body'] };
}

const decideVars = (conversationId: string, text = 'I need a person to look at my account') => ({
  input: decideInput({
    policyId: 'retry',
    conversationId,
    customer: { id: `cus-${conversationId}` },
    channel: 'web_chat',
    messages: [{ speaker: 'CUSTOMER', text }],
  }),
});
const decisionIdOf = (reply: Reply) => (reply.body.data as { decideHandoff: { decisionId: string } }).decideHandoff.decisionId;

async function logged(conversationId: string): Promise<string[]> {
  await t.server.decisionLog.flush();
  const { body } = await t.gql<{ decisions: { nodes: { decisionId: string }[] } }>(LOGGED, { conversationId });
  return body.data?.decisions.nodes.map((n) => n.decisionId) ?? [];
}

beforeAll(async () => {
  t = await startTestServer(
    { idempotencyTtlSeconds: 3600, handoffs: { acceptSeconds: null, maxAgeSeconds: null, sweepSeconds: null } },
    { clock: () => new Date(now) },
  );
  const ok = (r: GraphQLResponse) => expect(r.body.errors).toBeUndefined();
  ok(await t.gql(`mutation { upsertQueue(input: { id: "desk", name: "Desk", requiredSkills: [{ skill: "desk" }] }) { id } }`));
  const agent = {
    id: 'desk-1',
    name: 'Desk One',
    skills: [{ skill: 'desk', proficiency: 5 }],
    languages: ['en'],
    timeZone: 'UTC',
    capacity: [{ channel: 'CHAT', count: 5 }],
  };
  ok(await t.gql(`mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input: agent }));
  ok(await t.gql(`mutation { setAgentPresence(agentId: "desk-1", status: ONLINE) { id } }`));
  const policy = {
    id: 'retry',
    name: 'Retry',
    graph: {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'h', kind: 'handoff', data: { reasonCode: 'desk', category: 'BUSINESS', queue: 'desk', priority: 'NORMAL' } },
      ],
      edges: [{ id: 'e', source: 'start', target: 'h' }],
    },
    settings: minimalSettings(),
  };
  ok(await t.gql(CREATE_POLICY, { input: policy }));
  ok(await t.gql(PUBLISH, { policyId: 'retry', comment: 'retry' }));
  for (const [name, role] of [
    ['botA', 'BOT'],
    ['botB', 'BOT'],
    ['auditor', 'AUDITOR'],
  ] as const) {
    const created = await t.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "${name}", role: ${role}) { secret } }`);
    keys[name] = created.body.data?.createApiKey.secret ?? '';
  }
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

describe('Idempotency-Key on decideHandoff', () => {
  it('answers a retry with the first answer, byte for byte, and logs the decision once', async () => {
    now = T0;
    const first = await send(DECIDE, decideVars('conv-once'), keys.botA, 'turn-1-a');
    expect(first).toMatchObject({ status: 200, replayed: null });
    now = T0 + 5000;
    const retry = await send(DECIDE, decideVars('conv-once'), keys.botA, 'turn-1-a');
    expect(retry).toMatchObject({ status: 200, replayed: 'true' });
    expect(retry.text).toBe(first.text);
    expect(await logged('conv-once')).toEqual([decisionIdOf(first)]);
    // Without a key, the same request is a new decision.
    const again = await send(DECIDE, decideVars('conv-once'), keys.botA);
    expect(decisionIdOf(again)).not.toBe(decisionIdOf(first));
    expect(await logged('conv-once')).toHaveLength(2);
  });

  it('treats variables re-serialised in another key order as the same request', async () => {
    const vars = decideVars('conv-order');
    const first = await send(DECIDE, vars, keys.botA, 'order-1');
    const input = vars.input as Record<string, unknown>;
    const reordered = { input: Object.fromEntries(Object.entries(input).reverse()) };
    const retry = await send(DECIDE, reordered, keys.botA, 'order-1');
    expect(retry).toMatchObject({ replayed: 'true', text: first.text });
  });

  it('refuses the key with another input or operation (422, IDEMPOTENCY_KEY_REUSED), running nothing', async () => {
    const first = await send(DECIDE, decideVars('conv-reuse'), keys.botA, 'reused-key');
    const other = await send(DECIDE, decideVars('conv-reuse', 'Something else entirely now'), keys.botA, 'reused-key');
    expect(other.status).toBe(422);
    expect(other.body.data ?? null).toBeNull();
    expect(other.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('a new request needs a new key'),
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: 'reused-key', operation: 'decideHandoff' },
    });
    const asStart = await send(START, { id: decisionIdOf(first) }, keys.botA, 'reused-key');
    expect(asStart.status).toBe(422);
    expect(asStart.body.errors?.[0]?.message).toContain('for decideHandoff, not startHandoff');
    expect(await logged('conv-reuse')).toEqual([decisionIdOf(first)]);
  });

  it('scopes keys to their API key: another key with the same Idempotency-Key runs on its own', async () => {
    const a = await send(DECIDE, decideVars('conv-scope'), keys.botA, 'shared-key');
    const b = await send(DECIDE, decideVars('conv-scope'), keys.botB, 'shared-key');
    expect(b.replayed).toBeNull();
    expect(decisionIdOf(b)).not.toBe(decisionIdOf(a));
    expect((await send(DECIDE, decideVars('conv-scope'), keys.botB, 'shared-key')).text).toBe(b.text);
    expect((await logged('conv-scope')).sort()).toEqual([decisionIdOf(a), decisionIdOf(b)].sort());
  });

  it('runs concurrent requests with one key once: the others get the answer or CONFLICT (409, retry shortly)', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, () => send(DECIDE, decideVars('conv-race'), keys.botA, 'race-key')));
    const answered = replies.filter((r) => r.status === 200);
    const busy = replies.filter((r) => r.status !== 200);
    expect(new Set(answered.map(decisionIdOf)).size).toBe(1);
    for (const r of busy) {
      expect(r.status).toBe(409);
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_PROGRESS', retryAfterSeconds: 1 });
    }
    expect(answered.filter((r) => r.replayed === null)).toHaveLength(1);
    const after = await send(DECIDE, decideVars('conv-race'), keys.botA, 'race-key');
    expect(decisionIdOf(after)).toBe(decisionIdOf(answered[0] as Reply));
    expect(await logged('conv-race')).toEqual([decisionIdOf(after)]);
  });

  it('forgets a key after BATON_IDEMPOTENCY_TTL_SECONDS: the request runs again', async () => {
    now = T0 + 10_000;
    const first = await send(DECIDE, decideVars('conv-ttl'), keys.botA, 'ttl-key');
    now = T0 + 10_000 + 3599_000;
    expect((await send(DECIDE, decideVars('conv-ttl'), keys.botA, 'ttl-key')).replayed).toBe('true');
    now = T0 + 10_000 + 3600_000;
    const later = await send(DECIDE, decideVars('conv-ttl'), keys.botA, 'ttl-key');
    expect(later.replayed).toBeNull();
    expect(decisionIdOf(later)).not.toBe(decisionIdOf(first));
    // Expired, the key may even carry another request now.
    now = T0 + 10_000 + 7300_000;
    expect((await send(DECIDE, decideVars('conv-ttl', 'A different question'), keys.botA, 'ttl-key')).status).toBe(200);
    now = T0;
  });

  it('refuses a malformed key, and a key on an operation that is not one decideHandoff or startHandoff alone', async () => {
    for (const bad of ['has space', 'x'.repeat(256), 'naïve']) {
      const reply = await send(DECIDE, decideVars('conv-bad-key'), keys.botA, bad);
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' } });
    }
    const mixed = `query M($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId } viewer { keyId } }`;
    const reply = await send(mixed, decideVars('conv-bad-key'), keys.botA, 'mixed-key');
    expect(reply.body.errors?.[0]?.message).toContain('selects decideHandoff, viewer');
    expect(await logged('conv-bad-key')).toEqual([]);
  });
});

describe('Idempotency-Key on startHandoff', () => {
  it('returns the first Assignment on a retry, even after the handoff moved on; reserves and audits once', async () => {
    const decision = await send(DECIDE, decideVars('conv-start'), keys.botA);
    const id = decisionIdOf(decision);
    const before = (await t.gql<{ agent: { activeConversations: { count: number }[] } }>(AGENT)).body.data?.agent.activeConversations[0]?.count ?? 0;
    const first = await send(START, { id }, keys.botA, 'start-key');
    expect(first.body.data).toMatchObject({ startHandoff: { decisionId: id, status: 'ASSIGNED', agentId: 'desk-1' } });
    const retry = await send(START, { id }, keys.botA, 'start-key');
    expect(retry).toMatchObject({ replayed: 'true', text: first.text });
    expect((await t.gql<{ agent: { activeConversations: { count: number }[] } }>(AGENT)).body.data?.agent.activeConversations[0]?.count).toBe(before + 1);
    expect((await send(RELEASE, { id }, keys.botA)).body.errors).toBeUndefined();
    // The retry still gets the first answer; without the key, startHandoff reports where the handoff stands now.
    expect((await send(START, { id }, keys.botA, 'start-key')).text).toBe(first.text);
    expect((await send(START, { id }, keys.botA)).body.data).toMatchObject({ startHandoff: { status: 'RELEASED' } });
    const audit = await t.gql<{ auditLog: { nodes: { action: string }[] } }>(AUDIT, { targetId: id });
    expect(audit.body.data?.auditLog.nodes.filter((n) => n.action === 'handoff.start')).toHaveLength(1);
  });

  it('leaves the key free when the first request failed, so a retry runs again', async () => {
    const missing = await send(START, { id: 'no-such-decision' }, keys.botA, 'failed-key');
    expect(missing.body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const again = await send(START, { id: 'no-such-decision' }, keys.botA, 'failed-key');
    expect(again.replayed).toBeNull();
    expect(again.body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    // Not held by the failed request: the key can carry another request.
    const decision = await send(DECIDE, decideVars('conv-after-fail'), keys.botA);
    expect((await send(START, { id: decisionIdOf(decision) }, keys.botA, 'failed-key')).body.data).toMatchObject({ startHandoff: { status: 'ASSIGNED' } });
  });

  it('claims nothing for a key whose role may not call the operation (FORBIDDEN), so its own retries are refused the same way', async () => {
    const reply = await send(START, { id: 'whatever' }, keys.auditor, 'auditor-key');
    expect(reply.status).toBe(403);
    expect(reply.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await send(START, { id: 'whatever' }, keys.auditor, 'auditor-key')).body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
