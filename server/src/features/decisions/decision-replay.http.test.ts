/**
 * Issue 5's done-when: 1,000 logged decisions, a new version published that changes outcomes,
 * and every one of the 1,000 replays identically on the version that made it.
 */
import type { PolicyGraph } from '@baton/schemas';
import { sampleConversations, toDecideHandoffInput } from '@baton/seed';
import { POLICY, PUBLISH, SAVE_DRAFT } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const TIERS = [undefined, 'free', 'pro', 'vip', 'enterprise'];
const TOTAL = 1_000;

/** Sample conversations with other conversation ids, customer tiers and clocks, so the 1,000 are not 77 repeated. */
function variation(i: number) {
  const sample = sampleConversations[i % sampleConversations.length]!;
  const input = toDecideHandoffInput(sample.input);
  const tier = TIERS[Math.floor(i / sampleConversations.length) % TIERS.length];
  return {
    ...input,
    dryRun: false,
    conversationId: `${input.conversationId}-${i}`,
    customer: { ...input.customer, ...(tier === undefined ? {} : { tier }) },
    now: new Date((input.now ?? new Date('2026-03-02T12:00:00Z')).getTime() + (i % 7) * 60_000),
  };
}

/** Version 2: enterprise customers stay with the AI, and one low-confidence reply is enough for a handoff. */
function changedGraph(graph: PolicyGraph): PolicyGraph {
  const next = structuredClone(graph);
  for (const node of next.nodes) {
    if (node.id === 'c_low_confidence' && node.kind === 'condition' && 'value' in node.data.test) node.data.test.value = 1;
  }
  const toEnterprise = next.edges.find((e) => e.source === 'c_enterprise' && e.sourceHandle === 'true');
  if (toEnterprise) toEnterprise.target = 'stay_default';
  next.nodes = next.nodes.filter((n) => n.id !== 'h_enterprise');
  return next;
}

interface Replay {
  policyVersion: number;
  identical: boolean;
  differences: string[];
}

describe('replaying 1,000 logged decisions after a new version', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ decisionLog: { flushMs: 0, batchSize: 100 } });
  });
  afterAll(() => t.close());

  it('replays every one identically on the version that made it', async () => {
    const ids: string[] = [];
    const onV1: string[] = [];
    for (let i = 0; i < TOTAL; i += 1) {
      const decision = await t.server.decisions.decideHandoff(variation(i));
      ids.push(decision.decisionId);
      onV1.push(`${decision.action}/${decision.reasonCode}`);
    }

    const { body } = await t.gql<{ policy: { draft: { revision: number; graph: PolicyGraph; settings: unknown } } }>(POLICY, { id: 'support-default' });
    const draft = body.data!.policy.draft;
    const saved = await t.gql(SAVE_DRAFT, {
      policyId: 'support-default',
      graph: changedGraph(draft.graph),
      settings: draft.settings,
      baseRevision: draft.revision,
    });
    expect(saved.body.errors).toBeUndefined();
    const published = await t.gql(PUBLISH, { policyId: 'support-default', comment: 'Enterprise stays with the AI; one low-confidence reply hands off' });
    expect(published.body.errors).toBeUndefined();
    const active = await t.gql<{ policy: { activeVersion: { version: number } } }>(POLICY, { id: 'support-default' });
    expect(active.body.data?.policy.activeVersion.version).toBe(2);

    // Replay the 1,000 over GraphQL, 10 per request (aliases, within BATON_MAX_ALIASES and BATON_MAX_QUERY_COST).
    const replays: Replay[] = [];
    for (let start = 0; start < ids.length; start += 10) {
      const batch = ids.slice(start, start + 10);
      const query = `query { ${batch.map((id, i) => `r${i}: replayDecision(id: "${id}") { policyVersion identical differences }`).join(' ')} }`;
      const response = await t.gql<Record<string, Replay>>(query);
      expect(response.body.errors).toBeUndefined();
      replays.push(...batch.map((_id, i) => response.body.data![`r${i}`]!));
    }
    expect(replays).toHaveLength(TOTAL);
    expect(replays.filter((r) => !r.identical || r.policyVersion !== 1)).toEqual([]);

    // Version 2 really decides differently on the same conversations (dry runs: nothing logged).
    const changed: string[] = [];
    for (let i = 0; i < TOTAL; i += 1) {
      const decision = await t.server.decisions.decideHandoff({ ...variation(i), dryRun: true });
      expect(decision.policy.version).toBe(2);
      if (`${decision.action}/${decision.reasonCode}` !== onV1[i]) changed.push(onV1[i] as string);
    }
    expect(changed.length).toBeGreaterThan(100);
    expect(changed).toContain('HANDOFF/enterprise_account');
    // 3,000 decisions and 1,000 replays: seconds alone, over two minutes on a busy 2-core CI runner.
  }, 300_000);
});
