/**
 * The handoff lifecycle over HTTP, on a server whose clock the test moves: two turns of one
 * conversation start one handoff and decideHandoff answers STAY, with_human while it is open;
 * accept → resolve, every refused step (CONFLICT, nothing changed, nothing audited); an
 * assignment not accepted in time goes to the next agent (lazily on a read, and by the sweep),
 * then expires at its maximum age; BOT keys see and change only the handoffs they started.
 */
import { handoffEveryTimePolicy } from '../../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server';

const ASSIGNMENT =
  'decisionId conversationId status queueId agentId position estimatedWaitSeconds createdAt assignedAt acceptedAt releasedAt requeues startedBy';
const DECIDE = `query D($input: DecideHandoffInput!) {
  decideHandoff(input: $input) { decisionId action reasonCode tier reasons { code nodeId evidence } routing { queueId } customerMessage activeHandoff { ${ASSIGNMENT} } }
}`;
const START = `mutation S($id: ID!) { startHandoff(decisionId: $id) { ${ASSIGNMENT} } }`;
const RELEASE = `mutation R($id: ID!) { releaseAssignment(decisionId: $id) { ${ASSIGNMENT} } }`;
const ACCEPT = `mutation A($id: ID!, $agentId: ID) { acceptHandoff(decisionId: $id, agentId: $agentId) { ${ASSIGNMENT} } }`;
const RESOLVE = `mutation V($id: ID!, $outcome: HandoffEnd) { resolveHandoff(decisionId: $id, outcome: $outcome) { ${ASSIGNMENT} } }`;
const ABANDON = `mutation B($id: ID!) { abandonHandoff(decisionId: $id) { ${ASSIGNMENT} } }`;
const ASSIGNMENT_OF = `query Q($id: ID!) { assignment(decisionId: $id) { ${ASSIGNMENT} } }`;
const HANDOFF_OF = `query H($conversationId: ID!) { handoff(conversationId: $conversationId) { ${ASSIGNMENT} } }`;
const AGENTS = `query { agents(queueId: "desk") { id activeConversations { count } } }`;
const AUDIT = `query E($targetId: String!) { auditLog(filter: { targetType: "handoff", targetId: $targetId }) { nodes { action actor { role } } } }`;

interface Assignment {
  decisionId: string;
  conversationId: string;
  status: string;
  queueId: string;
  agentId: string | null;
  position: number | null;
  estimatedWaitSeconds: number | null;
  createdAt: string;
  assignedAt: string | null;
  acceptedAt: string | null;
  releasedAt: string | null;
  requeues: number;
  startedBy: string | null;
}
interface Decision {
  decisionId: string;
  action: string;
  reasonCode: string;
  tier: string;
  reasons: { code: string; nodeId: string | null; evidence: string[] }[];
  routing: { queueId: string } | null;
  customerMessage: string | null;
  activeHandoff: Assignment | null;
}

const T0 = Date.parse('2026-03-10T10:00:00.000Z');
let now = T0;
/** Moves the server's clock to `seconds` after T0. */
const at = (seconds: number) => {
  now = T0 + seconds * 1000;
  return new Date(now).toISOString();
};

let t: TestServer;
const keys = { botA: '', botB: '', integration: '' };
const keyIds = { botA: '' };

/** Every conversation is a HANDOFF to `desk` (two agents, one chat slot each). */
const deskPolicy = handoffEveryTimePolicy('desk');

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

/** The error code of a refused call, and that it answered nothing (no data, or a null field). */
function refusedWith(response: GraphQLResponse): string | undefined {
  expect(Object.values(response.body.data ?? {}).every((value) => value === null)).toBe(true);
  return response.body.errors?.[0]?.extensions.code;
}

const decide = async (conversationId: string, key = keys.botA) =>
  ok(
    await t.gql<{ decideHandoff: Decision }>(
      DECIDE,
      { input: decideInput({ policyId: 'desk', conversationId, customer: { id: `cus-${conversationId}` }, channel: 'web_chat' }) },
      key,
    ),
  ).decideHandoff;
const start = async (id: string, key = keys.botA) => ok(await t.gql<{ startHandoff: Assignment }>(START, { id }, key)).startHandoff;
const assignment = async (id: string, key?: string) => ok(await t.gql<{ assignment: Assignment | null }>(ASSIGNMENT_OF, { id }, key)).assignment;
const load = async () =>
  Object.fromEntries(
    ok(await t.gql<{ agents: { id: string; activeConversations: { count: number }[] }[] }>(AGENTS)).agents.map((a) => [
      a.id,
      a.activeConversations[0]?.count ?? 0,
    ]),
  );
const audit = async (targetId: string) =>
  ok(await t.gql<{ auditLog: { nodes: { action: string; actor: { role: string } }[] } }>(AUDIT, { targetId })).auditLog.nodes;

beforeAll(async () => {
  // Timeouts of one minute (acceptance) and one hour (maximum age); no periodic sweep: the test calls it.
  t = await startTestServer({ handoffs: { acceptSeconds: 60, maxAgeSeconds: 3600, sweepSeconds: null } }, { clock: () => new Date(now) });
  ok(await t.gql(`mutation { upsertQueue(input: { id: "desk", name: "Desk", requiredSkills: [{ skill: "desk" }] }) { id } }`));
  for (const id of ['desk-1', 'desk-2']) {
    const input = { id, name: id, skills: [{ skill: 'desk', proficiency: 5 }], languages: ['en'], timeZone: 'UTC', capacity: [{ channel: 'CHAT', count: 1 }] };
    ok(await t.gql(`mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input }));
    ok(await t.gql(`mutation P($id: ID!) { setAgentPresence(agentId: $id, status: ONLINE) { id } }`, { id }));
  }
  ok(await t.gql(CREATE_POLICY, { input: deskPolicy }));
  ok(await t.gql(PUBLISH, { policyId: 'desk', comment: 'desk' }));
  for (const [name, role] of [
    ['botA', 'BOT'],
    ['botB', 'BOT'],
    ['integration', 'INTEGRATION'],
  ] as const) {
    const created = ok(
      await t.gql<{ createApiKey: { secret: string; key: { id: string } } }>(`mutation { createApiKey(name: "${name}", role: ${role}) { secret key { id } } }`),
    );
    keys[name] = created.createApiKey.secret;
    if (name === 'botA') keyIds.botA = created.createApiKey.key.id;
  }
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

describe('one handoff per conversation', () => {
  it('starts one handoff for two turns; decideHandoff answers STAY, with_human, with it; once it ends the policy decides again', async () => {
    at(0);
    const first = await decide('conv-turns');
    expect(first).toMatchObject({ action: 'HANDOFF', reasonCode: 'desk', activeHandoff: null });
    const started = await start(first.decisionId);
    expect(started).toMatchObject({ decisionId: first.decisionId, conversationId: 'conv-turns', status: 'ASSIGNED', startedBy: keyIds.botA, requeues: 0 });

    at(5);
    const second = await decide('conv-turns');
    expect(second).toMatchObject({
      action: 'STAY',
      reasonCode: 'with_human',
      tier: 'HUMAN_LED',
      routing: null,
      customerMessage: null,
      activeHandoff: started,
    });
    expect(second.reasons.map((r) => [r.code, r.nodeId])).toEqual([
      ['with_human', null],
      ['desk', 'h'],
    ]);
    expect(second.reasons[0]?.evidence).toEqual([`handoff ${first.decisionId}: ASSIGNED to ${started.agentId} in desk since ${started.assignedAt}`]);
    // Starting the later decision returns the open handoff: nothing queued again, nothing reserved.
    expect(await start(second.decisionId)).toEqual(started);
    expect(await assignment(second.decisionId)).toBeNull();
    expect(Object.values(await load()).reduce((a, b) => a + b, 0)).toBe(1);
    expect((await audit(first.decisionId)).map((e) => e.action)).toEqual(['handoff.start']);

    // The log holds what the bot was told, and its replay is identical.
    const logged = ok(
      await t.gql<{ decision: { outcome: { action: string; reasonCode: string } }; replayDecision: { identical: boolean } }>(
        `query L($id: ID!) { decision(id: $id) { outcome { action reasonCode } } replayDecision(id: $id) { identical } }`,
        { id: second.decisionId },
      ),
    );
    expect(logged).toEqual({ decision: { outcome: { action: 'STAY', reasonCode: 'with_human' } }, replayDecision: { identical: true } });

    ok(await t.gql(RELEASE, { id: first.decisionId }, keys.botA));
    const third = await decide('conv-turns');
    expect(third).toMatchObject({ action: 'HANDOFF', activeHandoff: null });
    const again = await start(third.decisionId);
    expect(again).toMatchObject({ decisionId: third.decisionId, status: 'ASSIGNED' });
    expect(ok(await t.gql<{ handoff: Assignment }>(HANDOFF_OF, { conversationId: 'conv-turns' }, keys.botA)).handoff.decisionId).toBe(third.decisionId);
    ok(await t.gql(ABANDON, { id: third.decisionId }, keys.botA));
  });

  it('queues a conversation once when its two turns are started at the same time', async () => {
    at(10);
    const turns = [await decide('conv-race'), await decide('conv-race')];
    // Both turns were decided before any start: both are HANDOFF.
    expect(turns.map((d) => d.action)).toEqual(['HANDOFF', 'HANDOFF']);
    const started = await Promise.all(turns.map((d) => start(d.decisionId)));
    expect(new Set(started.map((a) => a.decisionId)).size).toBe(1);
    ok(await t.gql(ABANDON, { id: started[0]?.decisionId }, keys.botA));
    expect(await load()).toEqual({ 'desk-1': 0, 'desk-2': 0 });
  });
});

describe('lifecycle', () => {
  it('goes ASSIGNED → ACCEPTED → TRANSFERRED with its times, and refuses every other step with CONFLICT, changing nothing', async () => {
    at(100);
    const { decisionId: id } = await decide('conv-life');
    const assigned = await start(id);
    expect(assigned).toMatchObject({ status: 'ASSIGNED', acceptedAt: null, estimatedWaitSeconds: 0 });

    const early = await t.gql(RESOLVE, { id }, keys.botA);
    expect(refusedWith(early)).toBe('CONFLICT');
    expect(early.body.errors?.[0]).toMatchObject({ extensions: { decisionId: id, status: 'ASSIGNED', refused: 'resolve' } });
    expect(early.body.errors?.[0]?.message).toContain('accept it first (acceptHandoff)');
    const otherAgent = assigned.agentId === 'desk-1' ? 'desk-2' : 'desk-1';
    expect(refusedWith(await t.gql(ACCEPT, { id, agentId: otherAgent }, keys.botA))).toBe('CONFLICT');
    expect(await assignment(id)).toEqual(assigned);

    at(130);
    const accepted = ok(await t.gql<{ acceptHandoff: Assignment }>(ACCEPT, { id, agentId: assigned.agentId }, keys.botA)).acceptHandoff;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', agentId: assigned.agentId, acceptedAt: '2026-03-10T10:02:10.000Z', estimatedWaitSeconds: 0 });
    expect(refusedWith(await t.gql(ACCEPT, { id }, keys.botA))).toBe('CONFLICT');

    at(400);
    const transferred = ok(await t.gql<{ resolveHandoff: Assignment }>(RESOLVE, { id, outcome: 'TRANSFERRED' }, keys.botA)).resolveHandoff;
    expect(transferred).toMatchObject({ status: 'TRANSFERRED', releasedAt: '2026-03-10T10:06:40.000Z', estimatedWaitSeconds: null, position: null });
    expect(await load()).toEqual({ 'desk-1': 0, 'desk-2': 0 });

    for (const [operation, name] of [
      [RELEASE, 'release'],
      [ABANDON, 'abandon'],
      [ACCEPT, 'accept'],
      [RESOLVE, 'resolve'],
    ] as const) {
      const refused = await t.gql(operation, { id }, keys.botA);
      expect({ name, code: refusedWith(refused), status: refused.body.errors?.[0]?.extensions.status }).toEqual({
        name,
        code: 'CONFLICT',
        status: 'TRANSFERRED',
      });
    }
    expect(await assignment(id)).toEqual(transferred);
    expect((await audit(id)).map((e) => e.action)).toEqual(['handoff.start', 'handoff.accept', 'handoff.transfer']);
  });

  it('resolves by default; releases once (a second release is CONFLICT); abandons a queued handoff; NOT_FOUND for one never started', async () => {
    at(500);
    const [a, b, c] = [await decide('conv-r1'), await decide('conv-r2'), await decide('conv-r3')];
    await start(a.decisionId);
    await start(b.decisionId);
    expect(await start(c.decisionId)).toMatchObject({ status: 'QUEUED', position: 1 });
    ok(await t.gql(ACCEPT, { id: a.decisionId }, keys.botA));
    expect(ok(await t.gql<{ resolveHandoff: Assignment }>(RESOLVE, { id: a.decisionId }, keys.botA)).resolveHandoff.status).toBe('RESOLVED');
    // The freed slot took the queued handoff.
    expect(await assignment(c.decisionId)).toMatchObject({ status: 'ASSIGNED' });
    expect(ok(await t.gql<{ releaseAssignment: Assignment }>(RELEASE, { id: b.decisionId }, keys.botA)).releaseAssignment.status).toBe('RELEASED');
    const twice = await t.gql(RELEASE, { id: b.decisionId }, keys.botA);
    expect(refusedWith(twice)).toBe('CONFLICT');
    expect(twice.body.errors?.[0]?.message).toContain('(released twice)');
    const d = await decide('conv-r4');
    const e = await decide('conv-r5');
    await start(d.decisionId);
    expect(await start(e.decisionId)).toMatchObject({ status: 'QUEUED' });
    expect(ok(await t.gql<{ abandonHandoff: Assignment }>(ABANDON, { id: e.decisionId }, keys.botA)).abandonHandoff).toMatchObject({
      status: 'ABANDONED',
      agentId: null,
    });
    for (const id of [c.decisionId, d.decisionId]) ok(await t.gql(ABANDON, { id }, keys.botA));
    expect(refusedWith(await t.gql(ACCEPT, { id: 'no-such-decision' }))).toBe('NOT_FOUND');
    expect(await load()).toEqual({ 'desk-1': 0, 'desk-2': 0 });
  });
});

describe('timeouts', () => {
  it('gives an assignment not accepted in time to the next agent (on a read), then queues it (by the sweep), then expires it', async () => {
    at(1000);
    const { decisionId: id } = await decide('conv-slow');
    const first = await start(id);
    const other = first.agentId === 'desk-1' ? 'desk-2' : 'desk-1';

    at(1059);
    expect(await assignment(id)).toEqual(first);
    at(1060);
    const second = await assignment(id);
    expect(second).toMatchObject({ status: 'ASSIGNED', agentId: other, assignedAt: '2026-03-10T10:17:40.000Z', requeues: 1, createdAt: first.createdAt });
    expect(await load()).toMatchObject({ [first.agentId as string]: 0, [other]: 1 });
    const late = await t.gql(ACCEPT, { id, agentId: first.agentId }, keys.botA);
    expect(refusedWith(late)).toBe('CONFLICT');
    expect(late.body.errors?.[0]?.message).toContain('went back to the queue 1 time(s)');

    // Nobody reads it: the sweep moves it. Both agents let it time out, so it waits.
    at(1120);
    expect(await t.server.handoffs.sweep()).toBe(1);
    expect(await assignment(id)).toMatchObject({ status: 'QUEUED', agentId: null, assignedAt: second?.assignedAt, position: 1, requeues: 2 });
    const waiting = await decide('conv-slow');
    expect(waiting).toMatchObject({ action: 'STAY', reasonCode: 'with_human', activeHandoff: { status: 'QUEUED', position: 1 } });

    at(1000 + 3600);
    expect(await t.server.handoffs.sweep()).toBe(1);
    expect(await assignment(id)).toMatchObject({ status: 'EXPIRED', releasedAt: '2026-03-10T11:16:40.000Z' });
    expect((await audit(id)).map((e) => [e.action, e.actor.role])).toEqual([
      ['handoff.start', 'bot'],
      ['handoff.requeue', 'system'],
      ['handoff.requeue', 'system'],
      ['handoff.expire', 'system'],
    ]);
    expect(await decide('conv-slow')).toMatchObject({ action: 'HANDOFF', activeHandoff: null });
    expect(await load()).toEqual({ 'desk-1': 0, 'desk-2': 0 });
  });

  it('applies a due timeout when decideHandoff looks up the conversation', async () => {
    at(10_000);
    const { decisionId: id } = await decide('conv-decide-timeout');
    const first = await start(id);
    at(10_060);
    const answer = await decide('conv-decide-timeout');
    expect(answer.activeHandoff).toMatchObject({ decisionId: id, status: 'ASSIGNED', requeues: 1 });
    expect(answer.activeHandoff?.agentId).not.toBe(first.agentId);
    ok(await t.gql(ABANDON, { id }, keys.botA));
  });
});

describe('bot keys', () => {
  it('read and change only the handoffs they started; admin and integration keys act on any', async () => {
    at(20_000);
    const { decisionId: id } = await decide('conv-scoped');
    await start(id);
    const stranger = keys.botB;
    for (const [operation, variables] of [
      [ASSIGNMENT_OF, { id }],
      [HANDOFF_OF, { conversationId: 'conv-scoped' }],
      [START, { id }],
      [ACCEPT, { id }],
      [RESOLVE, { id }],
      [ABANDON, { id }],
      [RELEASE, { id }],
    ] as const) {
      const refused = await t.gql(operation, variables, stranger);
      expect({ operation, code: refusedWith(refused) }).toEqual({ operation, code: 'FORBIDDEN' });
    }
    // Its own key reads it; the conversation's decision tells any decider it is with a person.
    expect(await assignment(id, keys.botA)).toMatchObject({ decisionId: id, status: 'ASSIGNED' });
    expect(await decide('conv-scoped', stranger)).toMatchObject({ action: 'STAY', reasonCode: 'with_human' });
    // The agent desktop (integration) accepts, an admin releases.
    expect(ok(await t.gql<{ acceptHandoff: Assignment }>(ACCEPT, { id }, keys.integration)).acceptHandoff.status).toBe('ACCEPTED');
    expect(ok(await t.gql<{ releaseAssignment: Assignment }>(RELEASE, { id })).releaseAssignment.status).toBe('RELEASED');
    expect((await audit(id)).map((e) => [e.action, e.actor.role])).toEqual([
      ['handoff.start', 'bot'],
      ['handoff.accept', 'integration'],
      ['handoff.release', 'admin'],
    ]);
  });
});
