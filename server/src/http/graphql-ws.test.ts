/**
 * Subscriptions end to end over a real WebSocket (graphql-ws's own client on the `ws` package):
 * a conversation's handoff through QUEUED → ASSIGNED → ACCEPTED → RESOLVED in commit order, its
 * place in the queue as it moves up, queue figures as handoffs arrive and agents come online and
 * as the tick makes the longest wait grow; bad and missing keys closed with 4401; a BOT key kept
 * to its own handoffs; the role matrix, the operation limits and unknown queues refused; and the
 * server closing with clients still connected (jest exits: no open handles).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { handoffEveryTimePolicy } from '../test-support/fixtures';
import { CREATE_POLICY, PUBLISH, decideInput } from '../test-support/operations';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, TEST_ADMIN_KEY, type GraphQLResponse, type TestServer } from '../test-support/test-server';

const FIELDS = 'decisionId conversationId status queueId agentId position estimatedWaitSeconds requeues startedBy';
const HANDOFF_UPDATED = `subscription H($conversationId: ID, $queueId: ID) { handoffUpdated(conversationId: $conversationId, queueId: $queueId) { ${FIELDS} } }`;
const QUEUE_STATUS = `subscription Q($queueId: ID) {
  queueStatusUpdated(queueId: $queueId) { queueId queueName openNow waiting longestWaitSeconds agentsOnline estimatedWaitSeconds at handoffs { conversationId position } }
}`;

interface Assignment {
  decisionId: string;
  conversationId: string;
  status: string;
  queueId: string;
  agentId: string | null;
  position: number | null;
  estimatedWaitSeconds: number | null;
  requeues: number;
  startedBy: string | null;
}
interface QueueStatus {
  queueId: string;
  queueName: string;
  openNow: boolean;
  waiting: number;
  longestWaitSeconds: number;
  agentsOnline: number;
  estimatedWaitSeconds: number | null;
  at: string;
  handoffs: { conversationId: string; position: number }[];
}
interface GraphQLErrorShape {
  message: string;
  extensions: { code: string; [key: string]: unknown };
}
type Item<T> = { next: T } | { errors: GraphQLErrorShape[] } | { complete: true } | { closed: { code: number; reason: string } };

/** One subscription as a queue of what the server sent: results, an error message, completion, or the socket closing. */
interface Watch<T> {
  take(timeoutMs?: number): Promise<Item<T>>;
  /** The next result's data; fails on anything else. */
  next(timeoutMs?: number): Promise<T>;
  /** Nothing arrives for `ms`. */
  quiet(ms: number): Promise<void>;
  stop(): void;
}

/**
 * Returns once `client`'s earlier subscriptions are live. A queue-wide subscription sends nothing
 * until something changes; a refused one on the same socket goes through the same steps up to the
 * queue check, after which the earlier one is listening, so its error marks the point.
 */
async function live(client: Client): Promise<void> {
  const marker = await watch(client, HANDOFF_UPDATED, { queueId: 'no-such-queue' }).take();
  expect(marker).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
}

const clients: Client[] = [];
let t: TestServer;
const keys = { botA: '', botB: '', integration: '', auditor: '' };
const keyIds = { botA: '', botB: '' };

function connect(key: string | null): Client {
  const client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: key === null ? {} : { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

function watch<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Watch<T> {
  const items: Item<T>[] = [];
  let wake: (() => void) | undefined;
  const arrive = (item: Item<T>) => {
    items.push(item);
    wake?.();
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => arrive(result.errors ? { errors: result.errors as GraphQLErrorShape[] } : { next: result.data as T }),
      error: (error) => {
        if (Array.isArray(error)) return arrive({ errors: error as GraphQLErrorShape[] });
        const { code, reason } = error as { code: number; reason: string };
        arrive({ closed: { code, reason } });
      },
      complete: () => arrive({ complete: true }),
    },
  );
  const take = async (timeoutMs = 5000): Promise<Item<T>> => {
    const deadline = Date.now() + timeoutMs;
    while (items.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing arrived within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
    return items.shift() as Item<T>;
  };
  return {
    take,
    async next(timeoutMs) {
      const item = await take(timeoutMs);
      if (!('next' in item)) throw new Error(`expected a result, got ${JSON.stringify(item)}`);
      return item.next;
    },
    async quiet(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      expect(items).toEqual([]);
    },
    stop,
  };
}

/** Every conversation is a HANDOFF to `desk`; desk-1 takes one chat, desk-2 starts offline. */
const deskPolicy = handoffEveryTimePolicy('desk');

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

const DECIDE = `query D($input: DecideHandoffInput!) { decideHandoff(input: $input) { decisionId action } }`;
/** Decides for `conversationId` and starts the handoff with `key`. */
async function startHandoff(conversationId: string, key = keys.botA): Promise<Assignment> {
  const input = decideInput({ policyId: 'desk', conversationId, customer: { id: `cus-${conversationId}` }, channel: 'web_chat' });
  const { decideHandoff } = ok(await t.gql<{ decideHandoff: { decisionId: string; action: string } }>(DECIDE, { input }, key));
  expect(decideHandoff.action).toBe('HANDOFF');
  return ok(
    await t.gql<{ startHandoff: Assignment }>(`mutation S($id: ID!) { startHandoff(decisionId: $id) { ${FIELDS} } }`, { id: decideHandoff.decisionId }, key),
  ).startHandoff;
}
const step = async (mutation: 'releaseAssignment' | 'acceptHandoff' | 'resolveHandoff' | 'abandonHandoff', decisionId: string, key = keys.botA) =>
  ok(await t.gql<Record<string, Assignment>>(`mutation M($id: ID!) { ${mutation}(decisionId: $id) { ${FIELDS} } }`, { id: decisionId }, key))[
    mutation
  ] as Assignment;
const presence = async (agentId: string, status: 'ONLINE' | 'OFFLINE') =>
  ok(await t.gql(`mutation P($id: ID!, $status: AgentStatus!) { setAgentPresence(agentId: $id, status: $status) { id } }`, { id: agentId, status }));

beforeAll(async () => {
  // The real clock (events are pushed as they happen); a 1 s queue tick; at most 4 subscriptions per connection.
  t = await startTestServer({
    subscriptions: { queueStatusTickSeconds: 1, maxPerConnection: 4 },
    handoffs: { acceptSeconds: null, maxAgeSeconds: null, sweepSeconds: null },
  });
  ok(await t.gql(`mutation { upsertQueue(input: { id: "desk", name: "Front desk", requiredSkills: [{ skill: "desk" }], averageHandleSeconds: 300 }) { id } }`));
  for (const id of ['desk-1', 'desk-2']) {
    const input = { id, name: id, skills: [{ skill: 'desk', proficiency: 5 }], languages: ['en'], timeZone: 'UTC', capacity: [{ channel: 'CHAT', count: 1 }] };
    ok(await t.gql(`mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input }));
  }
  await presence('desk-1', 'ONLINE');
  ok(await t.gql(CREATE_POLICY, { input: deskPolicy }));
  ok(await t.gql(PUBLISH, { policyId: 'desk', comment: 'desk' }));
  for (const [name, role] of [
    ['botA', 'BOT'],
    ['botB', 'BOT'],
    ['integration', 'INTEGRATION'],
    ['auditor', 'AUDITOR'],
  ] as const) {
    const created = ok(
      await t.gql<{ createApiKey: { secret: string; key: { id: string } } }>(`mutation { createApiKey(name: "${name}", role: ${role}) { secret key { id } } }`),
    );
    keys[name] = created.createApiKey.secret;
    if (name === 'botA' || name === 'botB') keyIds[name] = created.createApiKey.key.id;
  }
});

afterAll(async () => {
  // Clients still connected: the server closes their sockets itself.
  await t.close();
  await Promise.all(clients.map((client) => client.dispose()));
  removeTempDirs();
});

describe('handoffUpdated', () => {
  it("pushes a conversation's handoff through QUEUED → ASSIGNED → ACCEPTED → RESOLVED, in order, as the steps commit", async () => {
    const holding = await startHandoff('conv-hold');
    expect(holding).toMatchObject({ status: 'ASSIGNED', agentId: 'desk-1' });
    const waiting = await startHandoff('conv-life');
    expect(waiting).toMatchObject({ status: 'QUEUED', position: 1, agentId: null });

    // The bot that started it, and a supervisor watching the whole queue.
    const bot = watch<{ handoffUpdated: Assignment }>(connect(keys.botA), HANDOFF_UPDATED, { conversationId: 'conv-life' });
    const supervisor = watch<{ handoffUpdated: Assignment }>(connect(keys.auditor), HANDOFF_UPDATED, { conversationId: 'conv-life' });
    // The current handoff comes first: once it is here, the subscription is live.
    const first = { decisionId: waiting.decisionId, conversationId: 'conv-life', status: 'QUEUED', position: 1, queueId: 'desk', startedBy: keyIds.botA };
    expect((await bot.next()).handoffUpdated).toMatchObject(first);
    expect((await supervisor.next()).handoffUpdated).toMatchObject(first);

    // desk-1 frees up: its capacity takes the waiting handoff.
    await step('releaseAssignment', holding.decisionId);
    await step('acceptHandoff', waiting.decisionId, keys.integration);
    await step('resolveHandoff', waiting.decisionId);
    for (const watcher of [bot, supervisor]) {
      const seen = [];
      for (let i = 0; i < 3; i++) seen.push((await watcher.next()).handoffUpdated);
      expect(seen.map((a) => [a.status, a.agentId, a.position, a.estimatedWaitSeconds])).toEqual([
        ['ASSIGNED', 'desk-1', null, 0],
        ['ACCEPTED', 'desk-1', null, 0],
        ['RESOLVED', 'desk-1', null, null],
      ]);
      expect(new Set(seen.map((a) => a.decisionId))).toEqual(new Set([waiting.decisionId]));
      await watcher.quiet(150);
      watcher.stop();
    }
  });

  it('tells a waiting conversation when it moves up the queue, and every subscriber of the queue of each handoff started there', async () => {
    const holding = await startHandoff('conv-busy');
    const admin = connect(TEST_ADMIN_KEY);
    const queueWatch = watch<{ handoffUpdated: Assignment }>(admin, HANDOFF_UPDATED, { queueId: 'desk' });
    await live(admin);
    const ahead = await startHandoff('conv-ahead');
    expect((await queueWatch.next()).handoffUpdated).toMatchObject({ conversationId: 'conv-ahead', status: 'QUEUED', position: 1 });
    const behind = await startHandoff('conv-behind');
    expect((await queueWatch.next()).handoffUpdated).toMatchObject({ conversationId: 'conv-behind', status: 'QUEUED', position: 2 });

    const waiter = watch<{ handoffUpdated: Assignment }>(connect(keys.botA), HANDOFF_UPDATED, { conversationId: 'conv-behind' });
    const before = (await waiter.next()).handoffUpdated;
    expect(before).toMatchObject({ status: 'QUEUED', position: 2 });
    await step('abandonHandoff', ahead.decisionId);
    const movedUp = (await waiter.next()).handoffUpdated;
    expect(movedUp).toMatchObject({ decisionId: behind.decisionId, status: 'QUEUED', position: 1 });
    expect(movedUp.estimatedWaitSeconds).toBeLessThan(before.estimatedWaitSeconds as number);
    expect((await queueWatch.next()).handoffUpdated).toMatchObject({ conversationId: 'conv-ahead', status: 'ABANDONED' });

    // desk-2 comes online: the waiting handoff is assigned to it by the directory, and both hear of it.
    await presence('desk-2', 'ONLINE');
    expect((await waiter.next()).handoffUpdated).toMatchObject({ decisionId: behind.decisionId, status: 'ASSIGNED', agentId: 'desk-2' });
    expect((await queueWatch.next()).handoffUpdated).toMatchObject({ conversationId: 'conv-behind', status: 'ASSIGNED', agentId: 'desk-2' });
    await step('releaseAssignment', behind.decisionId);
    await step('releaseAssignment', holding.decisionId);
    await presence('desk-2', 'OFFLINE');
    waiter.stop();
    queueWatch.stop();
  });

  it("keeps a BOT key to the handoffs it started: another bot's conversation is FORBIDDEN, a queue shows only its own", async () => {
    const others = await startHandoff('conv-bot-a', keys.botA);
    const refused = watch(connect(keys.botB), HANDOFF_UPDATED, { conversationId: 'conv-bot-a' });
    const item = await refused.take();
    expect(item).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', decisionId: others.decisionId } }] });
    expect((item as { errors: GraphQLErrorShape[] }).errors[0]?.message).toMatch(/started by another API key/);

    const botBClient = connect(keys.botB);
    const botB = watch<{ handoffUpdated: Assignment }>(botBClient, HANDOFF_UPDATED, { queueId: 'desk' });
    await live(botBClient);
    const own = await startHandoff('conv-bot-b1', keys.botB);
    expect((await botB.next()).handoffUpdated).toMatchObject({ decisionId: own.decisionId, startedBy: keyIds.botB });
    // Bot A's handoff in the same queue is not sent; bot B's next one is.
    const hidden = await startHandoff('conv-bot-a2', keys.botA);
    const ownNext = await startHandoff('conv-bot-b2', keys.botB);
    expect((await botB.next()).handoffUpdated).toMatchObject({ decisionId: ownNext.decisionId });
    // Releasing all four (bot A's queued one is assigned meanwhile): bot B hears of its own two only.
    for (const h of [others, own, hidden, ownNext]) await step('releaseAssignment', h.decisionId, h === own || h === ownNext ? keys.botB : keys.botA);
    const released: Assignment[] = [];
    while (released.filter((a) => a.status === 'RELEASED').length < 2) released.push((await botB.next()).handoffUpdated);
    expect(released.every((a) => a.startedBy === keyIds.botB)).toBe(true);
    expect(released.filter((a) => a.status === 'RELEASED').map((a) => a.decisionId)).toEqual([own.decisionId, ownNext.decisionId]);
    await botB.quiet(150);
    botB.stop();
  });

  it('refuses an unknown queue (NOT_FOUND), queries and mutations (POST /graphql), and documents past the limits', async () => {
    const client = connect(keys.auditor);
    expect(await watch(client, HANDOFF_UPDATED, { queueId: 'nowhere' }).take()).toMatchObject({
      errors: [{ extensions: { code: 'NOT_FOUND', queueId: 'nowhere' } }],
    });
    const query = await watch(client, '{ queues { id } }').take();
    expect(query).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', operation: 'query' } }] });
    expect((query as { errors: GraphQLErrorShape[] }).errors[0]?.message).toMatch(/POST \/graphql/);
    // The same limits as POST /graphql: tokens (BATON_MAX_QUERY_TOKENS), aliases (BATON_MAX_ALIASES).
    const huge = `subscription { handoffUpdated { ${'status '.repeat(3000)}} }`;
    const refusedTokens = (await watch(client, huge).take()) as { errors: GraphQLErrorShape[] };
    expect(refusedTokens.errors).toMatchObject([
      { message: expect.stringMatching(/more than 3000 tokens \(BATON_MAX_QUERY_TOKENS\)/), extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    const aliased = `subscription { ${Array.from({ length: 20 }, (_, i) => `h${i}: handoffUpdated { status }`).join(' ')} }`;
    const refusedAliases = (await watch(client, aliased).take()) as { errors: GraphQLErrorShape[] };
    expect(refusedAliases.errors.every((e) => e.extensions.code === 'BAD_USER_INPUT')).toBe(true);
    expect(refusedAliases.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/Aliases limit of 15 exceeded.*BATON_MAX_ALIASES/));
    const typo = await watch(client, 'subscription { handoffUpdate { status } }').take();
    expect(typo).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('refuses a subscription sent to POST /graphql, pointing at the WebSocket', async () => {
    const { status, body } = await t.gql('subscription { queueStatusUpdated { waiting } }');
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: expect.stringMatching(/ws:\/\/<host>\/graphql/), extensions: { code: 'BAD_USER_INPUT', operation: 'subscription' } },
    ]);
    expect(body.data).toBeUndefined();
  });

  it('opens at most BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION subscriptions on one socket, and frees a slot when one completes', async () => {
    const client = connect(keys.auditor);
    const open = Array.from({ length: 4 }, () => watch<{ queueStatusUpdated: QueueStatus }>(client, QUEUE_STATUS, { queueId: 'desk' }));
    for (const w of open) expect((await w.next()).queueStatusUpdated.queueId).toBe('desk');
    const fifth = await watch(client, QUEUE_STATUS, { queueId: 'desk' }).take();
    expect(fifth).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', limit: 4 } }] });
    expect((fifth as { errors: GraphQLErrorShape[] }).errors[0]?.message).toMatch(/BATON_MAX_SUBSCRIPTIONS_PER_CONNECTION/);
    open[0]?.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = watch<{ queueStatusUpdated: QueueStatus }>(client, QUEUE_STATUS, { queueId: 'desk' });
    expect((await again.next()).queueStatusUpdated.queueId).toBe('desk');
    for (const w of [...open.slice(1), again]) w.stop();
  });
});

describe('queueStatusUpdated', () => {
  it('sends the current figures, then new ones as handoffs wait, agents come online and time passes', async () => {
    const desk = watch<{ queueStatusUpdated: QueueStatus }>(connect(keys.integration), QUEUE_STATUS, { queueId: 'desk' });
    const idle = (await desk.next()).queueStatusUpdated;
    expect(idle).toMatchObject({ queueId: 'desk', queueName: 'Front desk', openNow: true, waiting: 0, longestWaitSeconds: 0, agentsOnline: 1, handoffs: [] });
    // One free chat slot of 300 s handle time, nothing waiting: Erlang C with one server and no load.
    expect(idle.estimatedWaitSeconds).toBe(0);

    const holding = await startHandoff('conv-q-hold');
    expect((await desk.next()).queueStatusUpdated).toMatchObject({ waiting: 0, agentsOnline: 1, estimatedWaitSeconds: 300 });
    const queued = await startHandoff('conv-q-wait');
    const waitingNow = (await desk.next()).queueStatusUpdated;
    expect(waitingNow).toMatchObject({ waiting: 1, agentsOnline: 1, estimatedWaitSeconds: 600, handoffs: [{ conversationId: 'conv-q-wait', position: 1 }] });

    // Nothing happens, yet the tick (1 s) sends the longest wait as it grows.
    const later = (await desk.next(3000)).queueStatusUpdated;
    expect(later.longestWaitSeconds).toBeGreaterThanOrEqual(1);
    expect(Date.parse(later.at)).toBeGreaterThan(Date.parse(waitingNow.at));

    // desk-2 comes online and takes the waiting handoff at once.
    await presence('desk-2', 'ONLINE');
    let online = (await desk.next()).queueStatusUpdated;
    while (online.waiting > 0 || online.agentsOnline < 2) online = (await desk.next()).queueStatusUpdated;
    expect(online).toMatchObject({ waiting: 0, longestWaitSeconds: 0, agentsOnline: 2, handoffs: [] });
    await step('releaseAssignment', queued.decisionId);
    await step('releaseAssignment', holding.decisionId);
    await presence('desk-2', 'OFFLINE');
    desk.stop();
  });

  it('sends every queue without queueId; refuses a BOT key (FORBIDDEN) and an unknown queue (NOT_FOUND)', async () => {
    const all = watch<{ queueStatusUpdated: QueueStatus }>(connect(TEST_ADMIN_KEY), QUEUE_STATUS);
    const seen = new Set<string>();
    const queues = ok(await t.gql<{ queues: { id: string }[] }>('{ queues { id } }')).queues.map((q) => q.id);
    while (seen.size < queues.length) seen.add((await all.next()).queueStatusUpdated.queueId);
    expect([...seen].sort()).toEqual([...queues].sort());
    all.stop();

    const bot = await watch(connect(keys.botA), QUEUE_STATUS, { queueId: 'desk' }).take();
    expect(bot).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', role: 'bot', fields: ['Subscription.queueStatusUpdated'] } }] });
    const unknown = await watch(connect(keys.integration), QUEUE_STATUS, { queueId: 'nowhere' }).take();
    expect(unknown).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('authentication', () => {
  it('closes the socket with 4401 for a wrong key, a missing key and a revoked key; nothing is subscribed', async () => {
    const wrong = await watch(connect('baton_wrongkey_0123456789abcdefghijklmnopqrstuvwxyz'), QUEUE_STATUS).take();
    expect(wrong).toEqual({ closed: { code: 4401, reason: expect.stringMatching(/API key is not valid/) } });
    const missing = await watch(connect(null), QUEUE_STATUS).take();
    expect(missing).toEqual({ closed: { code: 4401, reason: expect.stringMatching(/authorization: "Bearer <key>"/) } });

    const created = ok(
      await t.gql<{ createApiKey: { secret: string; key: { id: string } } }>(
        `mutation { createApiKey(name: "short-lived", role: AUDITOR) { secret key { id } } }`,
      ),
    );
    const revokedClient = connect(created.createApiKey.secret);
    const before = watch<{ queueStatusUpdated: QueueStatus }>(revokedClient, QUEUE_STATUS, { queueId: 'desk' });
    expect((await before.next()).queueStatusUpdated.queueId).toBe('desk');
    ok(await t.gql(`mutation R($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.createApiKey.key.id }));
    // The same connection may open nothing new with the revoked key.
    const after = await watch(revokedClient, QUEUE_STATUS, { queueId: 'desk' }).take();
    expect(after).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    before.stop();
  });
});

describe('timeouts applied by the sweep', () => {
  // Its own server, on a clock the test moves: acceptance within 60 s, expiry after an hour.
  const T0 = Date.parse('2026-03-10T10:00:00.000Z');
  let now = T0;
  let main: TestServer;
  beforeAll(async () => {
    main = t;
    t = await startTestServer({ handoffs: { acceptSeconds: 60, maxAgeSeconds: 3600, sweepSeconds: null } }, { clock: () => new Date(now) });
    ok(await t.gql(`mutation { upsertQueue(input: { id: "desk", name: "Front desk", requiredSkills: [{ skill: "desk" }] }) { id } }`));
    const input = {
      id: 'desk-1',
      name: 'desk-1',
      skills: [{ skill: 'desk', proficiency: 5 }],
      languages: ['en'],
      timeZone: 'UTC',
      capacity: [{ channel: 'CHAT', count: 1 }],
    };
    ok(await t.gql(`mutation A($input: AgentInput!) { upsertAgent(input: $input) { id } }`, { input }));
    await presence('desk-1', 'ONLINE');
    ok(await t.gql(CREATE_POLICY, { input: deskPolicy }));
    ok(await t.gql(PUBLISH, { policyId: 'desk', comment: 'desk' }));
  });
  afterAll(async () => {
    await t.close();
    t = main;
  });

  it('pushes the requeue of an assignment not accepted in time, then its expiry, as the sweeper applies them', async () => {
    const started = await startHandoff('conv-slow', TEST_ADMIN_KEY);
    expect(started).toMatchObject({ status: 'ASSIGNED', agentId: 'desk-1' });
    const watcher = watch<{ handoffUpdated: Assignment }>(connect(TEST_ADMIN_KEY), HANDOFF_UPDATED, { conversationId: 'conv-slow' });
    expect((await watcher.next()).handoffUpdated).toMatchObject({ status: 'ASSIGNED', requeues: 0 });
    now = T0 + 61_000;
    expect(await t.server.handoffs.sweep()).toBe(1);
    // desk-1 did not answer, so it is no candidate any more: the handoff waits.
    expect((await watcher.next()).handoffUpdated).toMatchObject({ status: 'QUEUED', agentId: null, requeues: 1, position: 1 });
    now = T0 + 3601_000;
    expect(await t.server.handoffs.sweep()).toBe(1);
    expect((await watcher.next()).handoffUpdated).toMatchObject({ status: 'EXPIRED', requeues: 1 });
    watcher.stop();
  });
});
