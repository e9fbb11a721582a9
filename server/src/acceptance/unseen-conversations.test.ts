/**
 * Acceptance: conversations written independently of the lexicons and the seed samples, in
 * natural and varied language (en, es, pt, de, fr), decided over real HTTP by the seeded
 * reference policy. The seed set is examples; this set is the test.
 */
import type { HandoffAction } from '@baton/schemas';
import { DECIDE } from '../test-support/operations';
import { removeTempDirs } from '../test-support/temp-dir';
import { startTestServer, type TestServer } from '../test-support/test-server';
import unseen from './unseen-conversations.json';

interface Case {
  name: string;
  input: Record<string, unknown>;
  expected: { action: HandoffAction; reasonCode: string; queue: string | null };
}

interface DecisionJson {
  action: HandoffAction;
  reasonCode: string;
  reasons: { code: string }[];
  routing: { queueId: string } | null;
  customerMessage: string | null;
  trace: { nodeId: string; evaluated: boolean }[];
}

const cases = unseen as Case[];
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

describe('unseen conversations through decideHandoff', () => {
  it('covers every branch of the reference policy in five languages', () => {
    const codes = new Set(cases.map((c) => c.expected.reasonCode));
    expect([...codes].sort()).toEqual(
      [
        'ai_resolving',
        'billing_dispute',
        'cancellation',
        'customer_request',
        'enterprise_account',
        'legal_compliance',
        'low_confidence',
        'negative_sentiment',
        'no_progress',
        'repeated_question',
        'security_incident',
      ].sort(),
    );
    const languages = new Set(cases.map((c) => (c.input.customer as { language?: string }).language));
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { body } = await server.gql<{ decideHandoff: DecisionJson }>(DECIDE, { input: { ...c.input, dryRun: true } });
    expect(body.errors).toBeUndefined();
    const decision = body.data?.decideHandoff as DecisionJson;
    expect({ action: decision.action, reasonCode: decision.reasonCode, queue: decision.routing?.queueId ?? null }).toEqual(c.expected);
    if (decision.action !== 'STAY') expect(decision.reasons[0]?.code).toBe(decision.reasonCode);
    expect(decision.customerMessage === null).toBe(decision.action === 'STAY');
    expect(decision.trace.filter((t) => t.evaluated).length).toBeGreaterThan(1);
  });
});
