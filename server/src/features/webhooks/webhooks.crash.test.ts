/**
 * The crash test: Baton as a real process, handoff events committed while the receiver stalls
 * every delivery, then kill -9 mid-delivery and a restart on the same data directory. Every
 * event reaches the receiver, signed, after the restart (at least once: the deliveries cut off by
 * the kill are sent again under the same webhook-id, which the receiver deduplicates on).
 */
import { Webhook } from 'standardwebhooks';
import { minimalSettings } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../../test-support/operations';
import { killServerProcess, startServerProcess, type ServerProcess } from '../../test-support/server-process';
import { makeTempDir, removeTempDirs } from '../../test-support/temp-dir';
import { TEST_ADMIN_KEY } from '../../test-support/test-server';
import { eventually, startTestReceiver, type TestReceiver } from '../../test-support/webhook-receiver';

jest.setTimeout(90_000);

const ENV = {
  PORT: '0',
  BATON_ADMIN_KEY: TEST_ADMIN_KEY,
  BATON_HANDOFF_SWEEP_SECONDS: '0',
  BATON_WEBHOOK_POLL_MS: '50',
  // A claim's lease is twice the timeout: 3 s after the kill the cut-off deliveries are due again.
  BATON_WEBHOOK_TIMEOUT_MS: '1500',
  BATON_WEBHOOK_CONCURRENCY: '3',
  BATON_WEBHOOK_RETRY_BASE_MS: '100',
  BATON_WEBHOOK_RETRY_MAX_MS: '500',
  BATON_WEBHOOK_MAX_ATTEMPTS: '50',
};

let receiver: TestReceiver;
let server: ServerProcess | undefined;

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, key = TEST_ADMIN_KEY): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

beforeAll(async () => {
  receiver = await startTestReceiver();
});
afterAll(async () => {
  if (server) await killServerProcess(server, 'SIGKILL');
  await receiver.close();
  removeTempDirs();
});

it('delivers every committed event after a kill -9 mid-delivery and a restart on the same data', async () => {
  const dataDir = makeTempDir();
  server = await startServerProcess({ ...ENV, BATON_DATA_DIR: dataDir });
  const { url } = server;
  await gql(url, `mutation { upsertQueue(input: { id: "desk", name: "Desk", requiredSkills: [{ skill: "desk" }] }) { id } }`);
  const agent = {
    id: 'desk-1',
    name: 'Desk One',
    skills: [{ skill: 'desk', proficiency: 5 }],
    languages: ['en'],
    timeZone: 'UTC',
    capacity: [{ channel: 'CHAT', count: 20 }],
  };
  await gql(url, `mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input: agent });
  await gql(url, `mutation { setAgentPresence(agentId: "desk-1", status: ONLINE) { id } }`);
  const graph = {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 'h', kind: 'handoff', data: { reasonCode: 'desk', category: 'BUSINESS', queue: 'desk', priority: 'NORMAL' } },
    ],
    edges: [{ id: 'e', source: 'start', target: 'h' }],
  };
  await gql(url, CREATE_POLICY, { input: { id: 'desk', name: 'Desk', graph, settings: minimalSettings() } });
  await gql(url, PUBLISH, { policyId: 'desk', comment: 'desk' });
  const bot = (await gql<{ createApiKey: { secret: string } }>(url, `mutation { createApiKey(name: "bot", role: BOT) { secret } }`)).createApiKey.secret;
  const { secret } = (
    await gql<{ createWebhookEndpoint: { secret: string } }>(
      url,
      `mutation C($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
      {
        input: { url: `${receiver.url}/desk`, eventTypes: ['handoff.started', 'handoff.assigned', 'handoff.accepted', 'handoff.resolved'] },
      },
    )
  ).createWebhookEndpoint;

  // Every delivery stalls: the events pile up in the outbox, a few of them in flight.
  receiver.on('/desk', 'stall');
  const expected: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const input = decideInput({ policyId: 'desk', conversationId: `crash-${i}`, customer: { id: `crash-cus-${i}` }, channel: 'web_chat' });
    const { decisionId } = (
      await gql<{ decideHandoff: { decisionId: string } }>(
        url,
        `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId } }`,
        { input },
        bot,
      )
    ).decideHandoff;
    await gql(url, `mutation S($id: ID!) { startHandoff(decisionId: $id) { status } }`, { id: decisionId }, bot);
    expected.push(`handoff.started ${decisionId}`, `handoff.assigned ${decisionId}`);
    if (i % 2 === 0) {
      await gql(url, `mutation A($id: ID!) { acceptHandoff(decisionId: $id) { status } }`, { id: decisionId }, bot);
      await gql(url, `mutation V($id: ID!) { resolveHandoff(decisionId: $id) { status } }`, { id: decisionId }, bot);
      expected.push(`handoff.accepted ${decisionId}`, `handoff.resolved ${decisionId}`);
    }
  }
  await eventually(() => receiver.stalled === 3, 10_000, 'three deliveries in flight');
  const inFlight = receiver.received.map((r) => r.headers['webhook-id']);

  await killServerProcess(server, 'SIGKILL');
  expect(server.child.signalCode).toBe('SIGKILL');
  // Nothing was answered before the kill: every event is still owed.
  receiver.on('/desk', 200);
  receiver.release(200);
  const beforeRestart = receiver.received.length;

  server = await startServerProcess({ ...ENV, BATON_DATA_DIR: dataDir });
  // The receiver deduplicates on webhook-id, as the Standard Webhooks spec asks of receivers.
  const delivered = new Map<string, string>();
  await eventually(
    () => {
      for (const request of receiver.received.slice(beforeRestart)) {
        const payload = new Webhook(secret).verify(request.body, request.headers) as { type: string; data: { handoff: { decisionId: string } } };
        delivered.set(request.headers['webhook-id'] as string, `${payload.type} ${payload.data.handoff.decisionId}`);
      }
      return delivered.size >= expected.length;
    },
    30_000,
    `all ${expected.length} events delivered after the restart`,
  );
  expect([...delivered.values()].sort()).toEqual([...expected].sort());
  // The deliveries cut off by the kill were sent again, under the same ids.
  for (const id of inFlight) expect(delivered.has(id as string)).toBe(true);

  const log = await eventually(async () => {
    const nodes = (
      await gql<{ webhookDeliveries: { nodes: { status: string; eventId: string }[] } }>(
        server?.url ?? url,
        `query { webhookDeliveries(first: 100) { nodes { status eventId } } }`,
      )
    ).webhookDeliveries.nodes;
    return nodes.every((d) => d.status === 'DELIVERED') && nodes;
  });
  expect(log).toHaveLength(expected.length);
  expect(new Set(log.map((d) => d.eventId))).toEqual(new Set(delivered.keys()));
});
