import { sampleConversations } from '@baton/seed';
import { silentLogger } from '../logger';
import { DECIDE, decideInput } from '../test-support/operations';
import { makeTempDir, removeTempDirs } from '../test-support/temp-dir';
import { startTestServer } from '../test-support/test-server';

afterAll(removeTempDirs);

interface DecisionJson {
  decisionId: string;
  action: string;
  reasonCode: string;
  priority: string;
  reasons: { code: string; category: string }[];
  routing: { queueId: string } | null;
  policy: { id: string; version: number; contentHash: string };
  signals: Record<string, unknown>;
}

const HACKED = {
  conversationId: 'e2e-hacked',
  channel: 'chat',
  customer: { id: 'cus-e2e', name: 'Ana', tier: 'pro', language: 'en' },
  messages: [
    { speaker: 'CUSTOMER', text: 'Someone logged into my account from another country.', at: '2026-03-02T08:12:00Z' },
    { speaker: 'BOT', text: 'I am sorry to hear that. Can you still sign in?', at: '2026-03-02T08:12:20Z', confidence: 0.9 },
    { speaker: 'CUSTOMER', text: 'No, they changed my password. My account was hacked!', at: '2026-03-02T08:13:00Z' },
  ],
  now: '2026-03-02T08:13:05Z',
};

describe('end to end', () => {
  it('first start: generates and announces an admin key once, seeds, and decides a hacked account as an urgent security handoff', async () => {
    const dataDir = makeTempDir();
    const announced: string[] = [];
    const first = await startTestServer({ dataDir, adminKey: undefined }, { announceAdminKey: (key) => announced.push(key), logger: silentLogger });
    expect(announced).toHaveLength(1);
    const key = announced[0] as string;

    const { status, body } = await first.gql<{ decideHandoff: DecisionJson }>(DECIDE, { input: HACKED }, key);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const decision = body.data?.decideHandoff as DecisionJson;
    expect(decision).toMatchObject({
      action: 'HANDOFF',
      priority: 'URGENT',
      routing: { queueId: 'trust_safety' },
      policy: { id: 'support-default', version: 1 },
    });
    expect(decision.reasons[0]).toMatchObject({ code: 'security_incident', category: 'CONTENT' });
    await first.close();

    const second = await startTestServer({ dataDir, adminKey: undefined }, { announceAdminKey: (k) => announced.push(k) });
    expect(announced).toHaveLength(1);
    const again = await second.gql<{ decideHandoff: DecisionJson }>(DECIDE, { input: { ...HACKED, dryRun: true } }, key);
    expect(again.body.data?.decideHandoff.action).toBe('HANDOFF');
    const logged = await second.server.store.decisionLog.getDecision(decision.decisionId);
    expect(logged?.outcome).toMatchObject({ action: 'HANDOFF', queue: 'trust_safety', priority: 'URGENT' });
    await second.close();
  });

  it('first start on a taken port: still shows the admin key it stored, which works once the port is free', async () => {
    const dataDir = makeTempDir();
    const blocker = await startTestServer();
    const port = Number(new URL(blocker.server.url).port);
    const announced: string[] = [];
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      startTestServer({ dataDir, adminKey: undefined, port }, { announceAdminKey: (key) => announced.push(key), logger: silentLogger }),
    ).rejects.toThrow(/EADDRINUSE/);
    // Only the cause: no WebSocket server trace burying the key.
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    await blocker.close();
    expect(announced).toHaveLength(1);

    const next = await startTestServer({ dataDir, adminKey: undefined }, { announceAdminKey: (key) => announced.push(key), logger: silentLogger });
    expect(announced).toHaveLength(1);
    const { body } = await next.gql<{ decideHandoff: DecisionJson }>(DECIDE, { input: { ...HACKED, dryRun: true } }, announced[0]);
    expect(body.data?.decideHandoff.action).toBe('HANDOFF');
    await next.close();
  });

  it('decides every seed sample conversation as expected over HTTP', async () => {
    const t = await startTestServer();
    for (const sample of sampleConversations) {
      const { body } = await t.gql<{ decideHandoff: DecisionJson }>(DECIDE, { input: sample.input });
      expect(body.errors).toBeUndefined();
      const decision = body.data?.decideHandoff as DecisionJson;
      expect({ name: sample.name, action: decision.action, reasonCode: decision.reasonCode, queue: decision.routing?.queueId ?? null }).toEqual({
        name: sample.name,
        ...sample.expected,
      });
    }
    await t.close();
  });

  it('logs non-dry-run decisions before answering them, with enough to replay them', async () => {
    const t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 100 } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { body } = await t.gql<{ decideHandoff: DecisionJson }>(DECIDE, { input: { ...HACKED, conversationId: `log-${i}` } });
      ids.push(body.data?.decideHandoff.decisionId as string);
    }
    await t.gql(DECIDE, { input: decideInput({ dryRun: true }) });
    // Group commit: each logged decision was answered once stored; the dry run was not logged.
    expect(t.server.decisionLog.pending).toBe(0);
    expect(await t.server.store.decisionLog.countDecisions()).toBe(3);

    const logged = await t.server.store.decisionLog.getDecision(ids[0] as string);
    expect(logged).toMatchObject({
      decisionId: ids[0],
      policyId: 'support-default',
      policyVersion: 1,
      conversationId: 'log-0',
      evaluatedAt: new Date(HACKED.now),
      input: { conversationId: 'log-0', messages: [expect.objectContaining({ at: '2026-03-02T08:12:00.000Z' }), expect.anything(), expect.anything()] },
      outcome: { action: 'HANDOFF', queue: 'trust_safety', reasons: [expect.objectContaining({ code: 'security_incident' })] },
    });
    expect(logged?.latencyMs).toBeGreaterThan(0);
    expect(logged?.facts.topics).toEqual(expect.arrayContaining(['security']));

    const replay = await t.gql<{ replayDecision: { identical: boolean; replayed: { action: string; reasonCode: string } } }>(
      'query Replay($id: ID!) { replayDecision(id: $id) { identical replayed { action reasonCode } } }',
      { id: ids[0] },
    );
    expect(replay.body.data?.replayDecision).toEqual({ identical: true, replayed: { action: 'HANDOFF', reasonCode: 'security_incident' } });
    await t.close();
  });

  it('keeps an answered decision across a restart', async () => {
    const dataDir = makeTempDir();
    const t = await startTestServer({ dataDir, decisionLog: { flushMs: 0, batchSize: 100 } });
    await t.gql(DECIDE, { input: HACKED });
    await t.close();
    const reopened = await startTestServer({ dataDir });
    expect(await reopened.server.store.decisionLog.countDecisions()).toBe(1);
    await reopened.close();
  });
});
