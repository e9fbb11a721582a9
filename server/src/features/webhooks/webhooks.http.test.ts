/**
 * Webhooks end to end over HTTP, with a real node:http receiver: endpoints managed by an ADMIN
 * key (secret shown once, never read back, every change audited), handoff lifecycle events
 * delivered signed (verified by the Standard Webhooks reference library) with the decision's
 * context package; a receiver failing once is retried; a stalled one times out while decisions
 * and handoff changes go on; a dead one is dead-lettered; redelivery is marked as such; a
 * rotated secret signs alongside the previous one.
 */
import { Webhook } from 'standardwebhooks';
import { handoffEveryTimePolicy } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server';
import { eventually, startTestReceiver, type ReceivedRequest, type TestReceiver } from '../../test-support/webhook-receiver';

const DECIDE = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action context { summary markdown } } }`;
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { decisionId status agentId } }`;
const ACCEPT = `mutation A($id: ID!) { acceptHandoff(decisionId: $id) { status } }`;
const RESOLVE = `mutation V($id: ID!) { resolveHandoff(decisionId: $id) { status } }`;
const ENDPOINT = 'id url description eventTypes enabled secrets { prefix createdAt expiresAt } createdAt updatedAt';
const CREATE = `mutation C($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { ${ENDPOINT} } }`;
const DELETE = `mutation X($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`;
const ROTATE = `mutation R($id: ID!, $keep: Int) { rotateWebhookSecret(id: $id, keepPreviousForSeconds: $keep) { secret endpoint { ${ENDPOINT} } } }`;
const ENDPOINTS = `query { webhookEndpoints { ${ENDPOINT} } }`;
const DELIVERY =
  'id eventId eventType decisionId endpointId status attempts nextAttemptAt lastStatusCode lastError lastDurationMs deliveredAt redeliveryOf payload';
const DELIVERIES = `query L($filter: WebhookDeliveryFilter, $first: Int, $after: String) {
  webhookDeliveries(filter: $filter, first: $first, after: $after) { nodes { ${DELIVERY} } pageInfo { endCursor hasNextPage } } }`;
const REDELIVER = `mutation RD($id: ID!) { redeliverWebhook(deliveryId: $id) { ${DELIVERY} } }`;
const AUDIT = `query E($targetId: String!) { auditLog(filter: { targetType: "webhookEndpoint", targetId: $targetId }) { nodes { action after } } }`;

interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  secrets: { prefix: string; createdAt: string; expiresAt: string | null }[];
}
interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  decisionId: string;
  endpointId: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  redeliveryOf: string | null;
  payload: { type: string; timestamp: string; data: Record<string, unknown> } | null;
}
interface Payload {
  type: string;
  timestamp: string;
  data: {
    handoff: { decisionId: string; conversationId: string; status: string; agentId: string | null; queueId: string };
    previousStatus: string | null;
    decision: { decisionId: string; action: string; reasonCode: string; policyId: string } | null;
    contextPackage: { summary: string; markdown: string; transcript: unknown[] } | null;
  };
}

const deskPolicy = handoffEveryTimePolicy('desk');

let t: TestServer;
let receiver: TestReceiver;
const keys = { bot: '', auditor: '' };

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}
const errorOf = (response: GraphQLResponse) => response.body.errors?.[0]?.extensions;

const createEndpoint = async (path: string, eventTypes: string[]) =>
  ok(await t.gql<{ createWebhookEndpoint: { secret: string; endpoint: Endpoint } }>(CREATE, { input: { url: `${receiver.url}${path}`, eventTypes } }))
    .createWebhookEndpoint;
const deliveries = async (filter: Record<string, unknown>, first = 100) =>
  ok(await t.gql<{ webhookDeliveries: { nodes: Delivery[] } }>(DELIVERIES, { filter, first })).webhookDeliveries.nodes;

let conversations = 0;
/** Decides a new conversation with the BOT key and starts its handoff. */
async function handoff(): Promise<{ decisionId: string; context: { summary: string; markdown: string } }> {
  conversations += 1;
  const input = decideInput({
    policyId: 'desk',
    conversationId: `wh-conv-${conversations}`,
    customer: { id: `wh-cus-${conversations}`, name: 'Rosa' },
    channel: 'web_chat',
    messages: [
      { speaker: 'CUSTOMER', text: 'My parcel tracking has said "label created" for nine days.' },
      { speaker: 'BOT', text: 'I can see the label but no scan yet.' },
      { speaker: 'CUSTOMER', text: 'Please put me through to someone who can chase the courier.' },
    ],
  });
  const decided = ok(
    await t.gql<{ decideHandoff: { decisionId: string; action: string; context: { summary: string; markdown: string } } }>(DECIDE, { input }, keys.bot),
  ).decideHandoff;
  expect(decided.action).toBe('HANDOFF');
  ok(await t.gql(START, { id: decided.decisionId }, keys.bot));
  return decided;
}

const to = (path: string, decisionId?: string) =>
  receiver.received.filter((r) => r.path === path && (!decisionId || (JSON.parse(r.body) as Payload).data.handoff.decisionId === decisionId));
const verified = (secret: string, request: ReceivedRequest) => new Webhook(secret).verify(request.body, request.headers) as Payload;

beforeAll(async () => {
  receiver = await startTestReceiver();
  t = await startTestServer({
    handoffs: { acceptSeconds: null, maxAgeSeconds: null, sweepSeconds: null },
    webhooks: { pollMs: 20, timeoutMs: 400, concurrency: 4, retry: { baseMs: 50, maxMs: 200, maxAttempts: 3 } },
  });
  ok(await t.gql(`mutation { upsertQueue(input: { id: "desk", name: "Desk", requiredSkills: [{ skill: "desk" }] }) { id } }`));
  const agent = {
    id: 'desk-1',
    name: 'Desk One',
    skills: [{ skill: 'desk', proficiency: 5 }],
    languages: ['en'],
    timeZone: 'UTC',
    capacity: [{ channel: 'CHAT', count: 50 }],
  };
  ok(await t.gql(`mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input: agent }));
  ok(await t.gql(`mutation { setAgentPresence(agentId: "desk-1", status: ONLINE) { id } }`));
  ok(await t.gql(CREATE_POLICY, { input: deskPolicy }));
  ok(await t.gql(PUBLISH, { policyId: 'desk', comment: 'desk' }));
  for (const [name, role] of [
    ['bot', 'BOT'],
    ['auditor', 'AUDITOR'],
  ] as const) {
    keys[name] = ok(
      await t.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "${name}", role: ${role}) { secret } }`),
    ).createApiKey.secret;
  }
});
afterAll(async () => {
  await t.close();
  await receiver.close();
  removeTempDirs();
});

describe('endpoints', () => {
  it('shows the secret once; AUDITOR reads endpoints without it, BOT reads nothing; changes are audited', async () => {
    const { secret, endpoint } = await createEndpoint('/audited', ['handoff.resolved']);
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.secrets).toEqual([{ prefix: secret.slice(0, 10), createdAt: expect.any(String), expiresAt: null }]);
    const listed = ok(await t.gql<{ webhookEndpoints: Endpoint[] }>(ENDPOINTS, {}, keys.auditor)).webhookEndpoints;
    expect(listed.find((e) => e.id === endpoint.id)).toEqual(endpoint);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(errorOf(await t.gql(ENDPOINTS, {}, keys.bot))?.code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE, { input: { url: `${receiver.url}/x`, eventTypes: ['handoff.resolved'] } }, keys.auditor))?.code).toBe('FORBIDDEN');

    const updated = ok(await t.gql<{ updateWebhookEndpoint: Endpoint }>(UPDATE, { id: endpoint.id, input: { enabled: false } })).updateWebhookEndpoint;
    expect(updated.enabled).toBe(false);
    ok(await t.gql(DELETE, { id: endpoint.id }));
    const audit = ok(await t.gql<{ auditLog: { nodes: { action: string; after: unknown }[] } }>(AUDIT, { targetId: endpoint.id })).auditLog.nodes;
    expect(audit.map((e) => e.action).sort()).toEqual(['webhook.endpoint.create', 'webhook.endpoint.delete', 'webhook.endpoint.update']);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and creates nothing', async () => {
    const before = ok(await t.gql<{ webhookEndpoints: Endpoint[] }>(ENDPOINTS)).webhookEndpoints.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'ftp://files.example.com/in', eventTypes: ['handoff.started'] }, 'url'],
      [{ url: 'not a url', eventTypes: ['handoff.started'] }, 'url'],
      [{ url: `${receiver.url}/x`, eventTypes: [] }, 'eventTypes'],
      [{ url: `${receiver.url}/x`, eventTypes: ['handoff.started', 'order.shipped'] }, 'eventTypes'],
    ];
    for (const [input, field] of cases) {
      const response = await t.gql(CREATE, { input });
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.body.errors?.[0]?.message).toContain(field);
    }
    expect(errorOf(await t.gql(UPDATE, { id: 'wh_missing', input: { enabled: true } }))?.code).toBe('NOT_FOUND');
    expect(ok(await t.gql<{ webhookEndpoints: Endpoint[] }>(ENDPOINTS)).webhookEndpoints).toHaveLength(before);
    expect(errorOf(await t.gql(DELIVERIES, { filter: { eventType: 'order.shipped' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.eventType' });
    expect(errorOf(await t.gql(DELIVERIES, { first: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await t.gql(DELIVERIES, { after: 'garbage' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('delivery', () => {
  it('delivers each lifecycle event signed, with the decision and its context package, and logs it DELIVERED', async () => {
    const { secret, endpoint } = await createEndpoint('/helpdesk', ['handoff.started', 'handoff.assigned', 'handoff.accepted', 'handoff.resolved']);
    const { decisionId, context } = await handoff();
    ok(await t.gql(ACCEPT, { id: decisionId }, keys.bot));
    ok(await t.gql(RESOLVE, { id: decisionId }, keys.bot));
    await eventually(() => to('/helpdesk', decisionId).length >= 4, 10_000, 'four deliveries');
    const payloads = to('/helpdesk', decisionId).map((request) => verified(secret, request));
    expect(payloads.map((p) => p.type).sort()).toEqual(['handoff.accepted', 'handoff.assigned', 'handoff.resolved', 'handoff.started']);
    const started = payloads.find((p) => p.type === 'handoff.started') as Payload;
    expect(started.data.handoff).toMatchObject({
      decisionId,
      conversationId: `wh-conv-${conversations}`,
      status: 'ASSIGNED',
      agentId: 'desk-1',
      queueId: 'desk',
    });
    expect(started.data.previousStatus).toBeNull();
    expect(started.data.decision).toMatchObject({ decisionId, action: 'HANDOFF', reasonCode: 'desk', policyId: 'desk' });
    // The package the bot got from decideHandoff, rebuilt from the decision log.
    expect(started.data.contextPackage?.summary).toBe(context.summary);
    expect(started.data.contextPackage?.markdown).toBe(context.markdown);
    expect(started.data.contextPackage?.markdown).toContain('chase the courier');
    expect((payloads.find((p) => p.type === 'handoff.resolved') as Payload).data).toMatchObject({
      previousStatus: 'ACCEPTED',
      handoff: { status: 'RESOLVED' },
    });
    // Each event has its own webhook-id; only subscribed types were sent.
    expect(new Set(to('/helpdesk', decisionId).map((r) => r.headers['webhook-id'])).size).toBe(4);

    const logged = await eventually(async () => {
      const nodes = await deliveries({ endpointId: endpoint.id, decisionId });
      return nodes.length === 4 && nodes.every((d) => d.status === 'DELIVERED') && nodes;
    });
    expect(logged[0]).toMatchObject({ attempts: 1, lastStatusCode: 200, lastError: null, redeliveryOf: null, nextAttemptAt: null });
    expect(logged.map((d) => d.payload?.type).sort()).toEqual(payloads.map((p) => p.type).sort());
  });

  it('retries a receiver that answered 500, with the same webhook-id, until it answers 200', async () => {
    receiver.on('/flaky', (_request, count) => (count === 1 ? 500 : 200));
    const { secret, endpoint } = await createEndpoint('/flaky', ['handoff.started']);
    const { decisionId } = await handoff();
    const [delivery] = await eventually(async () => {
      const nodes = await deliveries({ endpointId: endpoint.id, status: 'DELIVERED' });
      return nodes.length === 1 && nodes;
    });
    expect(delivery).toMatchObject({ decisionId, attempts: 2, lastStatusCode: 200, lastError: null });
    const requests = to('/flaky', decisionId);
    expect(requests.map((r) => r.headers['baton-attempt'])).toEqual(['1', '2']);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery?.eventId]));
    for (const request of requests) expect(verified(secret, request).type).toBe('handoff.started');
  });

  it('a stalled receiver times out without holding up decisions or handoff changes, and is dead-lettered after the last attempt', async () => {
    receiver.on('/stall', 'stall');
    const { endpoint } = await createEndpoint('/stall', ['handoff.started', 'handoff.accepted']);
    const { decisionId } = await handoff();
    await eventually(() => receiver.stalled > 0, 5000, 'the stalled request');
    // While the receiver holds Baton's request open, the bot and the agent carry on.
    const next = await handoff();
    ok(await t.gql(ACCEPT, { id: decisionId }, keys.bot));
    ok(await t.gql(ACCEPT, { id: next.decisionId }, keys.bot));
    expect(receiver.stalled).toBeGreaterThan(0);

    const dead = await eventually(async () => {
      const nodes = await deliveries({ endpointId: endpoint.id, decisionId, eventType: 'handoff.started' });
      return nodes[0]?.status === 'DEAD' && nodes[0];
    }, 15_000);
    expect(dead).toMatchObject({ attempts: 3, lastStatusCode: null, nextAttemptAt: null });
    expect(dead.lastError).toBe('no answer within 400 ms (BATON_WEBHOOK_TIMEOUT_MS); dead-lettered after 3 attempt(s)');
    receiver.release();
    ok(await t.gql(UPDATE, { id: endpoint.id, input: { enabled: false } }));
  });

  it('a receiver that refuses connections is dead-lettered with the network error', async () => {
    const closed = await startTestReceiver();
    await closed.close();
    const created = ok(
      await t.gql<{ createWebhookEndpoint: { endpoint: Endpoint } }>(CREATE, { input: { url: `${closed.url}/gone`, eventTypes: ['handoff.started'] } }),
    ).createWebhookEndpoint.endpoint;
    const { decisionId } = await handoff();
    const dead = await eventually(async () => {
      const nodes = await deliveries({ endpointId: created.id, decisionId });
      return nodes[0]?.status === 'DEAD' && nodes[0];
    });
    expect(dead.attempts).toBe(3);
    expect(dead.lastError).toMatch(/^request failed: ECONNREFUSED; dead-lettered after 3 attempt\(s\)$/);
    ok(await t.gql(DELETE, { id: created.id }));
  });

  it('redelivers a delivered event as a new delivery marked as a redelivery; refuses one still owed or unknown', async () => {
    const { secret, endpoint } = await createEndpoint('/redeliver', ['handoff.started']);
    const { decisionId } = await handoff();
    const [original] = await eventually(async () => {
      const nodes = await deliveries({ endpointId: endpoint.id, status: 'DELIVERED' });
      return nodes.length === 1 && nodes;
    });
    const again = ok(await t.gql<{ redeliverWebhook: Delivery }>(REDELIVER, { id: original?.id })).redeliverWebhook;
    expect(again).toMatchObject({ eventId: original?.eventId, redeliveryOf: original?.id, attempts: 0, endpointId: endpoint.id });
    expect(again.id).not.toBe(original?.id);
    await eventually(() => to('/redeliver', decisionId).length === 2);
    const [first, second] = to('/redeliver', decisionId) as [ReceivedRequest, ReceivedRequest];
    // The same event (a receiver deduplicating on webhook-id sees it once), told apart by its header.
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(first.headers['baton-redelivery-of']).toBeUndefined();
    expect(second.headers['baton-redelivery-of']).toBe(original?.id);
    expect(verified(secret, second)).toEqual(verified(secret, first));
    const logged = await eventually(async () => {
      const nodes = await deliveries({ endpointId: endpoint.id });
      return nodes.length === 2 && nodes.every((d) => d.status === 'DELIVERED') && nodes;
    });
    expect(logged.map((d) => d.redeliveryOf)).toEqual([original?.id, null]);

    receiver.on('/owed', 'stall');
    const owed = await createEndpoint('/owed', ['handoff.started']);
    await handoff();
    const pending = await eventually(async () => (await deliveries({ endpointId: owed.endpoint.id }))[0]);
    expect(errorOf(await t.gql(REDELIVER, { id: pending.id }))?.code).toBe('CONFLICT');
    expect(errorOf(await t.gql(REDELIVER, { id: 'dlv_missing' }))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(REDELIVER, { id: original?.id }, keys.auditor))?.code).toBe('FORBIDDEN');
    // Deleting the endpoint dead-letters what it was still owed.
    ok(await t.gql(DELETE, { id: owed.endpoint.id }));
    expect((await deliveries({ endpointId: owed.endpoint.id }))[0]).toMatchObject({ status: 'DEAD', lastError: 'endpoint deleted' });
    receiver.release();
  });

  it('after a rotation signs with the new and the previous secret; with no grace only the new one verifies', async () => {
    const { secret: first, endpoint } = await createEndpoint('/rotate', ['handoff.started']);
    const rotated = ok(
      await t.gql<{ rotateWebhookSecret: { secret: string; endpoint: Endpoint } }>(ROTATE, { id: endpoint.id, keep: 3600 }),
    ).rotateWebhookSecret;
    expect(rotated.endpoint.secrets.map((s) => s.prefix)).toEqual([rotated.secret.slice(0, 10), first.slice(0, 10)]);
    expect(rotated.endpoint.secrets[1]?.expiresAt).not.toBeNull();
    const one = await handoff();
    await eventually(() => to('/rotate', one.decisionId).length === 1);
    const [request] = to('/rotate', one.decisionId) as [ReceivedRequest];
    expect(request.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verified(first, request).type).toBe('handoff.started');
    expect(verified(rotated.secret, request).type).toBe('handoff.started');

    const last = ok(await t.gql<{ rotateWebhookSecret: { secret: string; endpoint: Endpoint } }>(ROTATE, { id: endpoint.id, keep: 0 })).rotateWebhookSecret;
    expect(last.endpoint.secrets).toHaveLength(1);
    const two = await handoff();
    await eventually(() => to('/rotate', two.decisionId).length === 1);
    const [after] = to('/rotate', two.decisionId) as [ReceivedRequest];
    expect(verified(last.secret, after).type).toBe('handoff.started');
    expect(() => verified(rotated.secret, after)).toThrow();
    expect(errorOf(await t.gql(ROTATE, { id: endpoint.id, keep: -5 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keepPreviousForSeconds' });
  });

  it('a disabled endpoint gets no new events', async () => {
    const { endpoint } = await createEndpoint('/disabled', ['handoff.started']);
    ok(await t.gql(UPDATE, { id: endpoint.id, input: { enabled: false } }));
    const { decisionId } = await handoff();
    const control = await createEndpoint('/control', ['handoff.accepted']);
    ok(await t.gql(ACCEPT, { id: decisionId }, keys.bot));
    await eventually(() => to('/control', decisionId).length === 1);
    expect(await deliveries({ endpointId: endpoint.id })).toEqual([]);
    expect(to('/disabled')).toEqual([]);
    ok(await t.gql(DELETE, { id: control.endpoint.id }));
  });
});
