/**
 * Committing handoffs over HTTP: 200 concurrent startHandoff calls at a queue with 10 free
 * slots assign exactly 10, queue the rest with a wait estimate, and a release lets the next in;
 * a decision still in the log's write buffer can be started at once.
 */
import { minimalSettings } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

const UPSERT_QUEUE = `mutation Q($input: QueueInput!) { upsertQueue(input: $input) { id } }`;
const UPSERT_AGENT = `mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`;
const PRESENCE = `mutation P($agentId: ID!) { setAgentPresence(agentId: $agentId, status: ONLINE) { id status activeConversations { channel count } } }`;
const AGENTS = `query { agents(queueId: "surge") { id activeConversations { channel count } capacity { channel count } } }`;
const DECIDE_ID = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action routing { queueId agentId estimatedWaitSeconds } } }`;
const ASSIGNMENT = 'decisionId status queueId agentId channel position estimatedWaitSeconds explanation';
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { ${ASSIGNMENT} } }`;
const RELEASE = `mutation R($id: ID!) { releaseAssignment(decisionId: $id) { ${ASSIGNMENT} } }`;

interface Assignment {
  decisionId: string;
  status: 'ASSIGNED' | 'QUEUED' | 'RELEASED';
  agentId: string | null;
  position: number | null;
  estimatedWaitSeconds: number | null;
}

let t: TestServer;

/** A policy whose every conversation is a HANDOFF to `surge`, routed by a one-route graph. */
const surgePolicy = {
  id: 'surge',
  name: 'Surge',
  graph: {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 'h', kind: 'handoff', data: { reasonCode: 'surge', category: 'BUSINESS', queue: 'surge', priority: 'NORMAL' } },
    ],
    edges: [{ id: 'e', source: 'start', target: 'h' }],
  },
  settings: minimalSettings(),
  routing: {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 'r', kind: 'route', data: { targets: [{ queue: 'surge' }] } },
    ],
    edges: [{ id: 'e', source: 'start', target: 'r' }],
  },
};

async function decide(i: number): Promise<string> {
  const { body } = await t.gql<{ decideHandoff: { decisionId: string; action: string } }>(DECIDE_ID, {
    input: decideInput({ policyId: 'surge', conversationId: `conv-${i}`, customer: { id: `cust-${i}` }, channel: 'web_chat' }),
  });
  expect(body.errors).toBeUndefined();
  expect(body.data?.decideHandoff.action).toBe('HANDOFF');
  return body.data?.decideHandoff.decisionId as string;
}

beforeAll(async () => {
  t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 1000 } });
  expect(
    (
      await t.gql(UPSERT_QUEUE, {
        input: { id: 'surge', name: 'Surge', requiredSkills: [{ skill: 'surge' }], maxWaitSeconds: 86_400, averageHandleSeconds: 300 },
      })
    ).body.errors,
  ).toBeUndefined();
  for (let i = 1; i <= 5; i++) {
    const input = {
      id: `surge-${i}`,
      name: `Surge ${i}`,
      skills: [{ skill: 'surge', proficiency: 5 }],
      languages: ['en'],
      timeZone: 'UTC',
      capacity: [{ channel: 'CHAT', count: 2 }],
    };
    expect((await t.gql(UPSERT_AGENT, { input })).body.errors).toBeUndefined();
    expect((await t.gql(PRESENCE, { agentId: `surge-${i}` })).body.errors).toBeUndefined();
  }
  const created = await t.gql(CREATE_POLICY, {
    input: { id: surgePolicy.id, name: surgePolicy.name, graph: surgePolicy.graph, settings: surgePolicy.settings, routing: surgePolicy.routing },
  });
  expect(created.body.errors).toBeUndefined();
  expect((await t.gql(PUBLISH, { policyId: 'surge', comment: 'surge test' })).body.errors).toBeUndefined();
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

describe('startHandoff', () => {
  it('starts a decision as soon as it is answered (the answer waited for its log entry)', async () => {
    const id = await decide(0);
    const { body } = await t.gql<{ startHandoff: Assignment }>(START, { id });
    expect(body.errors).toBeUndefined();
    expect(body.data?.startHandoff).toMatchObject({ decisionId: id, status: 'ASSIGNED', estimatedWaitSeconds: 0 });
    const again = await t.gql<{ startHandoff: Assignment }>(START, { id });
    expect(again.body.data?.startHandoff.agentId).toBe(body.data?.startHandoff.agentId);
    expect((await t.gql<{ releaseAssignment: Assignment }>(RELEASE, { id })).body.data?.releaseAssignment.status).toBe('RELEASED');
  });

  it('assigns exactly the 10 free slots to 200 concurrent calls, queues the rest with a wait, and a release lets the next in', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 200; i++) ids.push(await decide(i));
    const results = await Promise.all(ids.map((id) => t.gql<{ startHandoff: Assignment }>(START, { id })));
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const assignments = results.map((r) => r.body.data?.startHandoff as Assignment);
    const assigned = assignments.filter((a) => a.status === 'ASSIGNED');
    const queued = assignments.filter((a) => a.status === 'QUEUED');
    expect(assigned).toHaveLength(10);
    expect(queued).toHaveLength(190);
    const perAgent = new Map<string, number>();
    for (const a of assigned) perAgent.set(a.agentId as string, (perAgent.get(a.agentId as string) ?? 0) + 1);
    expect([...perAgent.values()]).toEqual([2, 2, 2, 2, 2]);
    for (const q of queued) {
      expect(q.agentId).toBeNull();
      expect(q.estimatedWaitSeconds).toBeGreaterThan(0);
    }
    expect(queued.map((q) => q.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
    const agents = await t.gql<{ agents: { id: string; activeConversations: { count: number }[] }[] }>(AGENTS);
    expect(agents.body.data?.agents.map((a) => a.activeConversations[0]?.count)).toEqual([2, 2, 2, 2, 2]);

    const first = queued.find((q) => q.position === 1) as Assignment;
    const done = assigned[0] as Assignment;
    const released = await t.gql<{ releaseAssignment: Assignment }>(RELEASE, { id: done.decisionId });
    expect(released.body.data?.releaseAssignment.status).toBe('RELEASED');
    const next = await t.gql<{ assignment: Assignment }>(`query A($id: ID!) { assignment(decisionId: $id) { ${ASSIGNMENT} } }`, { id: first.decisionId });
    expect(next.body.data?.assignment).toMatchObject({ status: 'ASSIGNED', agentId: done.agentId, estimatedWaitSeconds: 0 });
    const second = queued.find((q) => q.position === 2) as Assignment;
    const moved = await t.gql<{ assignment: Assignment }>(`query A($id: ID!) { assignment(decisionId: $id) { ${ASSIGNMENT} } }`, { id: second.decisionId });
    expect(moved.body.data?.assignment).toMatchObject({ status: 'QUEUED', position: 1 });
  });

  it('refuses unknown and dry-run decisions with NOT_FOUND and a STAY with BAD_USER_INPUT', async () => {
    const unknown = await t.gql(START, { id: 'no-such-decision' });
    expect(unknown.body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const stay = await t.gql<{ decideHandoff: { decisionId: string; action: string } }>(DECIDE_ID, { input: decideInput() });
    expect(stay.body.data?.decideHandoff.action).toBe('STAY');
    const refused = await t.gql(START, { id: stay.body.data?.decideHandoff.decisionId });
    expect(refused.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.body.errors?.[0]?.message).toContain('not a HANDOFF');
  });
});
