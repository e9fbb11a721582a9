import { BatonErrorCode } from '@baton/schemas';
import { referencePolicy, sampleConversations } from '@baton/seed';
import { stayGraph } from '../../test-support/fixtures';
import { CREATE_POLICY } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const TEST_DRAFT = /* GraphQL */ `
  query Test($policyId: ID!, $input: DecideHandoffInput!, $graph: JSON, $settings: JSON, $routing: JSON) {
    testPolicyDraft(policyId: $policyId, input: $input, graph: $graph, settings: $settings, routing: $routing) {
      action
      reasonCode
      signals
      routing {
        queueId
        agentId
        agentName
        estimatedWaitSeconds
        explanation
        routeNodeId
        routePath
      }
      policy {
        id
        version
        contentHash
      }
      trace {
        nodeId
        result
        evaluated
        fact
        factValue
      }
    }
  }
`;

interface TestDraftAnswer {
  testPolicyDraft: {
    action: string;
    reasonCode: string;
    signals: Record<string, unknown>;
    routing: {
      queueId: string;
      agentId: string | null;
      agentName: string | null;
      estimatedWaitSeconds: number | null;
      explanation: string[];
      routeNodeId: string | null;
      routePath: string[] | null;
    } | null;
    policy: { id: string; version: number; contentHash: string };
    trace: { nodeId: string; result: string; evaluated: boolean; fact: string | null; factValue: unknown }[];
  };
}

const sample = (prefix: string) => {
  const found = sampleConversations.find((s) => s.name.startsWith(prefix));
  if (!found) throw new Error(`no sample ${prefix}`);
  return found;
};

describe('testPolicyDraft and sampleConversations over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('decides on the stored draft as a dry run, logging nothing, with the trace of the path', async () => {
    const { input, expected } = sample('low_confidence (en)');
    const { body } = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'support-default', input: { ...input, dryRun: false } });
    expect(body.errors).toBeUndefined();
    const decision = body.data?.testPolicyDraft;
    expect(decision).toMatchObject({ action: expected.action, reasonCode: expected.reasonCode, policy: { id: 'support-default', version: 0 } });
    expect(decision?.trace.find((s) => s.nodeId === 'c_low_confidence')).toMatchObject({
      evaluated: true,
      result: 'true',
      fact: 'lowConfidenceStreak',
      factValue: 2,
    });
    await t.server.decisionLog.flush();
    expect(await t.server.store.decisionLog.countDecisions()).toBe(0);
  });

  it('decides on unsaved settings: a lower low-confidence threshold keeps the conversation with the AI', async () => {
    const { input } = sample('low_confidence (en)');
    const settings = structuredClone(referencePolicy.document.settings);
    settings.thresholds.lowConfidence = 0.3;
    const { body } = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'support-default', input, graph: referencePolicy.document.graph, settings });
    expect(body.data?.testPolicyDraft).toMatchObject({ action: 'STAY', reasonCode: 'ai_resolving' });
    expect(body.data?.testPolicyDraft.signals.lowConfidenceStreak).toBe(0);
  });

  it('decides on an unsaved graph without touching the stored draft', async () => {
    const { input } = sample('security (en)');
    const { body } = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'support-default', input, graph: stayGraph('always_stay') });
    expect(body.data?.testPolicyDraft).toMatchObject({ action: 'STAY', reasonCode: 'always_stay' });
    const stored = await t.server.policies.getPolicy('support-default');
    expect(stored?.draft.graph).toEqual(referencePolicy.document.graph);
  });

  it("routes on the draft's routing graph and the directory: queue, agent or wait, and why", async () => {
    const { input } = sample('billing_dispute (en)');
    const stored = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'support-default', input });
    expect(stored.body.errors).toBeUndefined();
    const routed = stored.body.data?.testPolicyDraft.routing;
    expect(routed).toMatchObject({ queueId: 'billing', routeNodeId: 'r_billing', agentId: expect.any(String), estimatedWaitSeconds: 0 });
    expect(routed?.explanation.join(' ')).toContain(`Chose ${routed?.agentName ?? '?'}`);
    expect(routed?.routePath?.[0]).toBe('start');
    expect(routed?.routePath?.at(-1)).toBe('r_billing');

    // Unsaved routing work: one route sending every handoff to general.
    const routing = {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'r_all', kind: 'route', data: { targets: [{ queue: 'general' }] } },
      ],
      edges: [{ id: 'e0', source: 'start', target: 'r_all' }],
    };
    const unsaved = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'support-default', input, routing });
    expect(unsaved.body.data?.testPolicyDraft.routing).toMatchObject({ queueId: 'general', routeNodeId: 'r_all', routePath: ['start', 'r_all'] });

    // Routing null: no routing graph, the leaf's queue.
    const none = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'support-default', input, routing: null });
    expect(none.body.data?.testPolicyDraft.routing).toMatchObject({ queueId: 'billing', routeNodeId: null, routePath: null });

    await t.server.decisionLog.flush();
    expect(await t.server.store.decisionLog.countDecisions()).toBe(0);
  });

  it('refuses a routing graph of the wrong shape with BAD_USER_INPUT', async () => {
    const { body } = await t.gql(TEST_DRAFT, { policyId: 'support-default', input: sample('security (en)').input, routing: { nodes: 'none' } });
    expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });

  it('refuses a draft with validation errors with INVALID_POLICY and its diagnostics', async () => {
    const graph = stayGraph();
    graph.edges = [];
    const { body } = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'support-default', input: sample('security (en)').input, graph });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.InvalidPolicy);
    expect(body.errors?.[0]?.extensions.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'ERROR', nodeId: 'stay' })]));
  });

  it('refuses an unknown policy with NOT_FOUND and a graph of the wrong shape with BAD_USER_INPUT', async () => {
    const input = sample('security (en)').input;
    const unknown = await t.gql(TEST_DRAFT, { policyId: 'nope', input });
    expect(unknown.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);
    const shape = await t.gql(TEST_DRAFT, { policyId: 'support-default', input, graph: { nodes: 'none' } });
    expect(shape.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });

  it('evaluates the draft of a new, never published policy', async () => {
    await t.gql(CREATE_POLICY, { input: { id: 'fresh', name: 'Fresh' } });
    const { body } = await t.gql<TestDraftAnswer>(TEST_DRAFT, { policyId: 'fresh', input: sample('security (en)').input });
    expect(body.data?.testPolicyDraft).toMatchObject({ action: 'STAY', policy: { id: 'fresh', version: 0 } });
  });

  it('lists every sample conversation with its input and expectation', async () => {
    const { body } = await t.gql<{ sampleConversations: { name: string; input: { messages: unknown[] }; expected: { action: string } }[] }>(
      '{ sampleConversations { name input expected { action reasonCode queue } } }',
    );
    expect(body.data?.sampleConversations).toHaveLength(sampleConversations.length);
    expect(body.data?.sampleConversations[0]).toEqual(JSON.parse(JSON.stringify(sampleConversations[0])));
  });

  it('refuses both without a key', async () => {
    const { status, body } = await t.gql('{ sampleConversations { name } }', undefined, null);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.Unauthenticated);
  });
});
