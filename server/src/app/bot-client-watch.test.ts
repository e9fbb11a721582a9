/**
 * The bot client's `watchHandoff` over a real WebSocket (graphql-ws, the `ws` package) against a
 * seeded server: its own handoff from the current state to RELEASED, the iteration ending there;
 * a conversation another bot handed off refused (FORBIDDEN); a wrong key closed with 4401; no
 * WebSocket to connect with refused at once; the decide/startHandoff shortcuts with their keys.
 */
import { BatonRequestError, createBatonClient, type BatonClient, type HandoffUpdate } from '@baton/schemas/client';
import net from 'node:net';
import WebSocket from 'ws';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type TestServer } from '../test-support/test-server';

const CREATE_KEY = `mutation ($name: String!) { createApiKey(name: $name, role: BOT) { secret } }`;

let t: TestServer;
const clients: BatonClient[] = [];

async function botClient(name: string): Promise<BatonClient> {
  const { body } = await t.gql<{ createApiKey: { secret: string } }>(CREATE_KEY, { name });
  const client = createBatonClient({ url: `${t.url}/graphql`, apiKey: body.data?.createApiKey.secret as string, webSocketImpl: WebSocket });
  clients.push(client);
  return client;
}

const input = (conversationId: string) => ({
  conversationId,
  channel: 'web_chat',
  customer: { id: `cust-${conversationId}`, language: 'en' },
  messages: [{ speaker: 'CUSTOMER' as const, text: 'Please put me through to a real person', at: new Date().toISOString() }],
});

/** Decides and starts a handoff for `conversationId` with `client`. */
async function handOff(client: BatonClient, conversationId: string) {
  const decision = await client.decide(input(conversationId), { idempotencyKey: `${conversationId}:turn-1` });
  expect(decision).toMatchObject({ action: 'HANDOFF', reasonCode: 'customer_request' });
  return client.startHandoff(decision.decisionId);
}

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await t.close();
  removeTempDirs();
});

test('stops at once when given up while waiting for an update that does not come', async () => {
  const bot = await botClient('impatient bot');
  const started = await handOff(bot, 'watch-quiet');
  const updates = bot.watchHandoff('watch-quiet');
  expect((await updates.next()).value).toMatchObject({ decisionId: started.decisionId });
  // Nothing happens to this handoff now: the next update is pending when the bot gives up.
  const pending = updates.next();
  const outcome = await Promise.race([
    updates.return(undefined).then(() => 'stopped'),
    new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
  ]);
  expect(outcome).toBe('stopped');
  expect(await pending).toEqual({ done: true, value: undefined });
  await bot.releaseAssignment(started.decisionId);
});

test('watches its own handoff from its current state to RELEASED, where the iteration ends', async () => {
  const bot = await botClient('watching bot');
  const started = await handOff(bot, 'watch-1');
  const seen: HandoffUpdate[] = [];
  for await (const update of bot.watchHandoff('watch-1')) {
    seen.push(update);
    if (seen.length === 1) await bot.releaseAssignment(started.decisionId);
  }
  expect(seen.map((u) => u.status)).toEqual([started.status, 'RELEASED']);
  expect(seen[0]).toMatchObject({ decisionId: started.decisionId, conversationId: 'watch-1', queueId: 'general', releasedAt: null });
  expect(seen[1]?.releasedAt).toEqual(expect.any(String));
  // A finished handoff: its one (final) event, then the end.
  const again: string[] = [];
  for await (const update of bot.watchHandoff('watch-1')) again.push(update.status);
  expect(again).toEqual(['RELEASED']);
});

test('the same decision key answers the same decision: the shortcuts carry idempotency keys', async () => {
  const bot = await botClient('retrying bot');
  const turn = input('watch-2');
  const first = await bot.decide(turn, { idempotencyKey: 'watch-2:turn-1' });
  const replay = await bot.decide(turn, { idempotencyKey: 'watch-2:turn-1' });
  expect(replay.decisionId).toBe(first.decisionId);
  const started = await bot.startHandoff(first.decisionId, { idempotencyKey: 'watch-2:start' });
  expect(await bot.assignment(first.decisionId)).toMatchObject({ decisionId: first.decisionId, status: started.status });
  expect(await bot.releaseAssignment(first.decisionId)).toMatchObject({ status: 'RELEASED' });
});

test("another bot's conversation is refused (FORBIDDEN); a wrong key closes the socket (4401)", async () => {
  const owner = await botClient('owner bot');
  const other = await botClient('other bot');
  const started = await handOff(owner, 'watch-3');

  const forbidden = other
    .watchHandoff('watch-3')
    .next()
    .catch((e: unknown) => e);
  expect(await forbidden).toBeInstanceOf(BatonRequestError);
  expect(await forbidden).toMatchObject({ status: 0, errors: [{ extensions: { code: 'FORBIDDEN' } }] });

  const wrongKey = createBatonClient({ url: `${t.url}/graphql`, apiKey: 'not-a-key-0123456789abcdefghijklmnopqrstuvwxyz', webSocketImpl: WebSocket });
  clients.push(wrongKey);
  const closed = (await wrongKey
    .watchHandoff('watch-3')
    .next()
    .catch((e: unknown) => e)) as BatonRequestError;
  expect(closed).toBeInstanceOf(BatonRequestError);
  expect(closed.message).toMatch(/^Baton closed the subscription's WebSocket \(4401: The API key is not valid/);
  await owner.releaseAssignment(started.decisionId);
});

test('a WebSocket nobody answers is tried again with the retry settings, then rejects (status 0)', async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as net.AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const waits: number[] = [];
  const client = createBatonClient({
    url: `http://127.0.0.1:${port}/graphql`,
    apiKey: 'any',
    webSocketImpl: WebSocket,
    retry: { attempts: 3, baseDelayMs: 20 },
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
  });
  clients.push(client);
  const failed = (await client
    .watchHandoff('watch-5')
    .next()
    .catch((e: unknown) => e)) as BatonRequestError;
  expect(failed).toBeInstanceOf(BatonRequestError);
  expect(failed.status).toBe(0);
  expect(failed.message).toBe(`Baton's WebSocket at ws://127.0.0.1:${port}/graphql could not be reached: connect ECONNREFUSED 127.0.0.1:${port}`);
  // Two retries after the first attempt, with full jitter at 0.5: half of 20 ms, then of 40 ms.
  expect(waits).toEqual([10, 20]);
});

test('without a global WebSocket and no webSocketImpl, watchHandoff says what to pass', () => {
  // Node 20 has no global WebSocket; 22+ does: take it away for this test.
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');
  Object.defineProperty(globalThis, 'WebSocket', { value: undefined, configurable: true, writable: true });
  try {
    const client = createBatonClient({ url: `${t.url}/graphql`, apiKey: 'any' });
    expect(() => client.watchHandoff('watch-4')).toThrow(/pass webSocketImpl to createBatonClient/);
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'WebSocket', descriptor);
    else delete (globalThis as { WebSocket?: unknown }).WebSocket;
  }
});
