/**
 * The example bot (examples/bot, built by `tsc -b`) as a bot developer runs it: a child process
 * with BATON_URL and a BOT key, against a seeded server whose agents are all offline, so its
 * handoff waits. It decides each turn (STAY, STAY, HANDOFF), starts the handoff, prints the
 * queue update and the waiting room's message; an agent comes online, the bot sees the
 * assignment, sends one more turn (STAY, with_human) and releases. The server's handoff and
 * decision log must agree with what it printed. A bad key and a missing one end it with the reason.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { POLICY, PUBLISH, SAVE_DRAFT } from '../test-support/operations';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type GraphQLResponse, type TestServer } from '../test-support/test-server';

const BOT = path.resolve(__dirname, '../../../examples/bot/dist/bot.js');

let t: TestServer;
let botKey = '';

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

interface BotRun {
  /** Resolves with the first stdout line matching `pattern` (rejects after 20 s). */
  line(pattern: RegExp): Promise<string>;
  /** Resolves once the process has exited. */
  exit: Promise<{ code: number | null; stdout: string[]; stderr: string }>;
}

function runBot(env: Record<string, string>): BotRun {
  const child = spawn(process.execPath, [BOT], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stdout: string[]; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout: partial ? [...stdout, partial] : stdout, stderr })),
  );
  return {
    exit,
    line: (pattern) => {
      const seen = stdout.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the bot printed no line matching ${pattern} within 20 s:\n${stdout.join('\n')}\n${stderr}`)), 20_000);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exit.then(() => reject(new Error(`the bot exited without a line matching ${pattern}:\n${stdout.join('\n')}\n${stderr}`)));
      });
    },
  };
}

const presence = (agentId: string, status: 'ONLINE' | 'OFFLINE') =>
  t.gql(`mutation P($id: ID!, $status: AgentStatus!) { setAgentPresence(agentId: $id, status: $status) { id } }`, { id: agentId, status }).then(ok);

beforeAll(async () => {
  if (!fs.existsSync(BOT)) throw new Error(`${BOT} is missing: build the workspaces first (npx tsc -b).`);
  t = await startTestServer();
  // The reference policy, with the waiting room's first customer update due at once (default: after 2 minutes).
  const { policy } = ok(
    await t.gql<{ policy: { draft: { revision: number; graph: unknown; settings: Record<string, unknown> } } }>(POLICY, { id: 'support-default' }),
  );
  const settings = { ...policy.draft.settings, waitingRoom: { firstUpdateAfterSeconds: 0 } };
  ok(await t.gql(SAVE_DRAFT, { policyId: 'support-default', graph: policy.draft.graph, settings, baseRevision: policy.draft.revision }));
  ok(await t.gql(PUBLISH, { policyId: 'support-default', comment: 'waiting room: first update at once' }));
  // Nobody online: the handoff waits in the queue until the test brings an agent online.
  const { agents } = ok(await t.gql<{ agents: { id: string }[] }>(`{ agents { id } }`));
  for (const agent of agents) await presence(agent.id, 'OFFLINE');
  const created = ok(await t.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(name: "example bot", role: BOT) { secret } }`));
  botKey = created.createApiKey.secret;
});

afterAll(async () => {
  await t.close();
  removeTempDirs();
});

test('the example bot runs a whole conversation: decides each turn, waits in the queue, is assigned, releases', async () => {
  const run = runBot({ BATON_URL: t.url, BATON_API_KEY: botKey, BATON_CONVERSATION_ID: 'example-bot-ci', BATON_WATCH_SECONDS: '30' });
  await run.line(/^waiting room: /);
  await presence('ag-noah', 'ONLINE');
  const { code, stdout, stderr } = await run.exit;
  expect(stderr).toBe('');
  expect(code).toBe(0);

  const lines = (prefix: string) => stdout.filter((line) => line.startsWith(prefix));
  expect(stdout[0]).toBe(`conversation: example-bot-ci at ${t.url}/graphql`);
  expect(lines('turn ').filter((line) => / decision: /.test(line))).toEqual([
    'turn 1 decision: STAY (ai_resolving), priority LOW',
    'turn 2 decision: STAY (ai_resolving), priority LOW',
    'turn 3 decision: HANDOFF (customer_request) to general, priority NORMAL',
    'turn 4 decision: STAY (with_human), priority NORMAL',
  ]);
  // The bot answers its own turns, then says Baton's customer message.
  expect(lines('turn 3 bot: ')).toEqual([expect.stringMatching(/^turn 3 bot: .*support team/)]);
  expect(lines('handoff: ')).toEqual(['handoff: QUEUED in general, position 1, no agent online to estimate the wait']);
  expect(lines('update: ')).toEqual(['update: QUEUED in general, position 1, no agent online to estimate the wait', 'update: ASSIGNED to ag-noah (general)']);
  expect(lines('waiting room: ')).toEqual([expect.stringMatching(/^waiting room: You're now 1st in the queue/)]);
  expect(lines('released: ')).toEqual([expect.stringMatching(/^released: RELEASED at \d{4}-\d\d-\d\dT/)]);

  // What Baton holds agrees: the handoff ended RELEASED with ag-noah, and each turn was logged once.
  const { handoff } = ok(await t.gql<{ handoff: { status: string; agentId: string } }>(`{ handoff(conversationId: "example-bot-ci") { status agentId } }`));
  expect(handoff).toEqual({ status: 'RELEASED', agentId: 'ag-noah' });
  await t.server.decisionLog.flush();
  const logged = ok(
    await t.gql<{ decisions: { nodes: { outcome: { action: string } }[] } }>(
      `{ decisions(filter: { conversationId: "example-bot-ci" }) { nodes { outcome { action } } } }`,
    ),
  );
  expect(logged.decisions.nodes.map((d) => d.outcome.action).sort()).toEqual(['HANDOFF', 'STAY', 'STAY', 'STAY']);
});

test('a wrong key ends the bot with exit code 1 and Baton’s reason; a missing one with exit code 2', async () => {
  const wrong = await runBot({ BATON_URL: t.url, BATON_API_KEY: 'not-a-key-0123456789abcdefghijklmnopqrstuvwxyz' }).exit;
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/^failed: .*\[UNAUTHENTICATED\]/);

  const missing = await runBot({ BATON_URL: t.url }).exit;
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('Set BATON_API_KEY to a BOT key');
});
