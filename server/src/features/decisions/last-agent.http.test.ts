/**
 * Routing prefers the agent who last took a handoff of the same customer, read per decision
 * (not from the directory snapshot): after one handoff ends, the customer's next decision
 * names that agent although another is idle for longer.
 */
import { minimalSettings } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

const UPSERT_QUEUE = `mutation Q($input: QueueInput!) { upsertQueue(input: $input) { id } }`;
const UPSERT_AGENT = `mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`;
const PRESENCE = `mutation P($agentId: ID!) { setAgentPresence(agentId: $agentId, status: ONLINE) { id } }`;
const DECIDE = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId routing { agentId explanation } } }`;
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { status agentId } }`;
const RELEASE = `mutation R($id: ID!) { releaseAssignment(decisionId: $id) { status } }`;

const policy = {
  id: 'loyal',
  name: 'Loyal',
  graph: {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 'h', kind: 'handoff', data: { reasonCode: 'loyal', category: 'BUSINESS', queue: 'loyal', priority: 'NORMAL' } },
    ],
    edges: [{ id: 'e', source: 'start', target: 'h' }],
  },
  settings: minimalSettings(),
};

let t: TestServer;

async function decide(customerId: string, conversationId: string): Promise<{ decisionId: string; routing: { agentId: string | null; explanation: string[] } }> {
  const { body } = await t.gql<{ decideHandoff: { decisionId: string; routing: { agentId: string | null; explanation: string[] } } }>(DECIDE, {
    input: decideInput({ policyId: 'loyal', conversationId, customer: { id: customerId }, channel: 'web_chat' }),
  });
  expect(body.errors).toBeUndefined();
  return body.data?.decideHandoff as { decisionId: string; routing: { agentId: string | null; explanation: string[] } };
}

beforeAll(async () => {
  t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 100 } });
  const queue = { id: 'loyal', name: 'Loyal', requiredSkills: [{ skill: 'loyal' }], maxWaitSeconds: 3600, averageHandleSeconds: 300 };
  expect((await t.gql(UPSERT_QUEUE, { input: queue })).body.errors).toBeUndefined();
  for (const id of ['ana', 'ben', 'cleo']) {
    const input = { id, name: id, skills: [{ skill: 'loyal', proficiency: 5 }], languages: ['en'], timeZone: 'UTC', capacity: [{ channel: 'CHAT', count: 2 }] };
    expect((await t.gql(UPSERT_AGENT, { input })).body.errors).toBeUndefined();
    expect((await t.gql(PRESENCE, { agentId: id })).body.errors).toBeUndefined();
  }
  expect((await t.gql(CREATE_POLICY, { input: policy })).body.errors).toBeUndefined();
  expect((await t.gql(PUBLISH, { policyId: 'loyal', comment: 'last-agent test' })).body.errors).toBeUndefined();
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

it('names the agent who helped the customer last, and nobody in particular for a new customer', async () => {
  const first = await decide('cus-returning', 'conv-1');
  const started = await t.gql<{ startHandoff: { status: string; agentId: string } }>(START, { id: first.decisionId });
  expect(started.body.data?.startHandoff.status).toBe('ASSIGNED');
  const helper = started.body.data?.startHandoff.agentId as string;
  expect((await t.gql(RELEASE, { id: first.decisionId })).body.errors).toBeUndefined();

  // The helper took the most recent handoff, so without the preference the longest-idle agent wins.
  const stranger = await decide('cus-new', 'conv-2');
  expect(stranger.routing.agentId).not.toBe(helper);
  const again = await decide('cus-returning', 'conv-3');
  expect(again.routing.agentId).toBe(helper);
  expect(again.routing.explanation.join(' ')).toContain('helped this customer last');
});
