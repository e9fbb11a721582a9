/**
 * The bot client's safe retries against a real server: decideHandoff and startHandoff carry an
 * Idempotency-Key, the same on every attempt, so an answer lost on the way back (the request ran,
 * the connection failed) is fetched again instead of logging or reserving twice; 5xx, 429 and a
 * key still running are retried with backoff (Retry-After honoured); other refusals, and
 * mutations without a key, are not retried.
 */
import {
  AssignmentDocument,
  BatonRequestError,
  DecideHandoffDocument,
  ReleaseAssignmentDocument,
  StartHandoffDocument,
  createBatonClient,
} from '@baton/schemas/client';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type TestServer } from '../test-support/test-server';

const CREATE_KEY = `mutation ($name: String!) { createApiKey(name: $name, role: BOT) { secret } }`;
const LOGGED = `query L($conversationId: ID!) { decisions(filter: { conversationId: $conversationId }) { nodes { decisionId } } }`;

let t: TestServer;
let botKey = '';

interface Sent {
  idempotencyKey: string | null;
  body: string;
}

/** A fetch that records what is sent and lets a test script each attempt's fate. */
function scriptedFetch(script: ((real: () => Promise<Response>) => Promise<Response>)[]) {
  const sent: Sent[] = [];
  const fake: typeof fetch = async (url, init) => {
    const headers = new Headers(init?.headers);
    sent.push({ idempotencyKey: headers.get('idempotency-key'), body: String(init?.body) });
    const step = script[sent.length - 1] ?? ((real) => real());
    return step(() => fetch(url, init));
  };
  return { fake, sent };
}

/** The request reaches Baton and runs, but its answer is lost on the way back. */
const answerLost = async (real: () => Promise<Response>) => {
  await (await real()).text();
  throw new TypeError('fetch failed: socket hang up');
};
const status =
  (code: number, headers: Record<string, string> = {}) =>
  async () =>
    new Response(JSON.stringify({ errors: [{ message: `HTTP ${code}`, extensions: { code: 'UNAVAILABLE' } }] }), {
      status: code,
      headers: { 'content-type': 'application/json', ...headers },
    });

const input = (conversationId: string) => ({
  conversationId,
  channel: 'web_chat',
  customer: { id: `cust-${conversationId}`, language: 'en' },
  messages: [{ speaker: 'CUSTOMER' as const, text: 'My card was charged twice for the same order', at: '2026-11-21T09:00:00Z' }],
});

async function logged(conversationId: string): Promise<string[]> {
  await t.server.decisionLog.flush();
  const { body } = await t.gql<{ decisions: { nodes: { decisionId: string }[] } }>(LOGGED, { conversationId });
  return body.data?.decisions.nodes.map((n) => n.decisionId) ?? [];
}

beforeAll(async () => {
  t = await startTestServer();
  const { body } = await t.gql<{ createApiKey: { secret: string } }>(CREATE_KEY, { name: 'retrying bot' });
  botKey = body.data?.createApiKey.secret as string;
});
afterAll(async () => {
  await t.close();
  removeTempDirs();
});

const client = (fake: typeof fetch, delays: number[] = []) =>
  createBatonClient({
    url: `${t.url}/graphql`,
    apiKey: botKey,
    fetch: fake,
    random: () => 0.5,
    sleep: async (ms) => void delays.push(ms),
  });

test('a decision whose answer was lost is fetched again with the same key: one decision, one log row', async () => {
  const { fake, sent } = scriptedFetch([answerLost, answerLost]);
  const delays: number[] = [];
  const { decideHandoff } = await client(fake, delays)(DecideHandoffDocument, { input: input('retry-decide') });
  expect(sent).toHaveLength(3);
  expect(sent[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
  expect(new Set(sent.map((s) => s.body)).size).toBe(1);
  // Full jitter with random() = 0.5: half of 250 ms, then half of 500 ms.
  expect(delays).toEqual([125, 250]);
  expect(await logged('retry-decide')).toEqual([decideHandoff.decisionId]);
});

test('startHandoff retried after 503 and 429 (Retry-After) with one key; the waiting room comes with the assignment', async () => {
  const decided = await client(fetch)(DecideHandoffDocument, { input: input('retry-start') }, { idempotencyKey: 'retry-start:turn-1' });
  const { fake, sent } = scriptedFetch([answerLost, status(503), status(429, { 'retry-after': '2' })]);
  const delays: number[] = [];
  const { startHandoff } = await client(fake, delays)(StartHandoffDocument, { decisionId: decided.decideHandoff.decisionId });
  expect(sent).toHaveLength(4);
  expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
  expect(delays).toEqual([125, 250, 2000]);
  expect(startHandoff.decisionId).toBe(decided.decideHandoff.decisionId);
  expect(startHandoff.waitingRoom === null || typeof startHandoff.waitingRoom.nextUpdateAt === 'string').toBe(true);
  const { assignment } = await client(fetch)(AssignmentDocument, { decisionId: startHandoff.decisionId });
  expect(assignment).toMatchObject({ decisionId: startHandoff.decisionId, status: startHandoff.status });
  // The caller's own key: a retry of the decision (a bot restarted mid-turn) gets the first answer.
  const again = await client(fetch)(DecideHandoffDocument, { input: input('retry-start') }, { idempotencyKey: 'retry-start:turn-1' });
  expect(again.decideHandoff.decisionId).toBe(decided.decideHandoff.decisionId);
  await client(fetch)(ReleaseAssignmentDocument, { decisionId: startHandoff.decisionId });
});

test('gives up after the configured attempts with the last failure; does not retry a refusal or a mutation without a key', async () => {
  const down = scriptedFetch([status(503), status(503), status(503), status(503)]);
  const failed = client(down.fake)(DecideHandoffDocument, { input: input('retry-down') }).catch((e: unknown) => e);
  expect(await failed).toMatchObject({ name: 'BatonRequestError', status: 503 });
  expect(down.sent).toHaveLength(4);

  const unreachable = scriptedFetch(Array.from({ length: 4 }, () => () => Promise.reject(new TypeError('fetch failed'))));
  const lost = (await client(unreachable.fake)(DecideHandoffDocument, { input: input('retry-unreachable') }).catch((e: unknown) => e)) as BatonRequestError;
  expect(lost).toBeInstanceOf(BatonRequestError);
  expect(lost.status).toBe(0);
  expect(lost.message).toContain('could not be reached');

  const refused = scriptedFetch([]);
  await expect(client(refused.fake)(StartHandoffDocument, { decisionId: 'no-such-decision' })).rejects.toMatchObject({
    errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
  });
  expect(refused.sent).toHaveLength(1);

  const release = scriptedFetch([status(503)]);
  await expect(client(release.fake)(ReleaseAssignmentDocument, { decisionId: 'whatever' })).rejects.toMatchObject({ status: 503 });
  expect(release.sent).toHaveLength(1);
  expect(release.sent[0]?.idempotencyKey).toBeNull();
});
