/**
 * Issue 17, finding 6 (graph part): unknown properties on a graph, its nodes, their data or its
 * edges are refused by validation and by saving, naming where, and nothing is stored (they
 * would change the content hash while the diff shows nothing); a test case expecting a reason
 * no leaf gives is refused.
 */
import { BatonErrorCode } from '@baton/schemas';
import { referencePolicy } from '@baton/seed';
import { POLICY, SAVE_DRAFT, VALIDATE } from '../../test-support/operations';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { removeTempDirs } from '../../test-support/temp-dir';

afterAll(removeTempDirs);

type Graph = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
const SAVE_CASE = `mutation Case($policyId: ID!, $input: PolicyTestCaseInput!) { savePolicyTestCase(policyId: $policyId, input: $input) { id expected { reasonCode } } }`;
const CASES = `query Cases($id: ID!) { policy(id: $id) { testCases { id } } }`;

describe('unknown graph properties and unknown expected reasons (finding 6)', () => {
  let t: TestServer;
  let draft: { revision: number; graph: Graph };
  beforeAll(async () => {
    t = await startTestServer();
    draft = (await t.gql<{ policy: { draft: typeof draft } }>(POLICY, { id: referencePolicy.id })).body.data!.policy.draft;
  });
  afterAll(() => t.close());

  const withFirst = (list: Record<string, unknown>[], patch: (item: Record<string, unknown>) => Record<string, unknown>, at = 0) =>
    list.map((item, i) => (i === at ? patch(item) : item));

  it.each([
    ['the graph', (g: Graph) => ({ ...g, viewport: { x: 0, y: 0, zoom: 1 } }), /policy has an unknown field "viewport"/],
    [
      'a node (React Flow state)',
      (g: Graph) => ({ ...g, nodes: withFirst(g.nodes, (n) => ({ ...n, selected: true, measured: { width: 10 } })) }),
      /unknown field "(selected|measured)"/,
    ],
    [
      'a node’s data',
      (g: Graph) => ({ ...g, nodes: withFirst(g.nodes, (n) => ({ ...n, data: { ...(n.data as object), colour: 'red' } }), 1) }),
      /unknown field "colour"/,
    ],
    ['an edge', (g: Graph) => ({ ...g, edges: withFirst(g.edges, (e) => ({ ...e, animated: true })) }), /unknown field "animated"/],
  ])('refuses an unknown property on %s, naming it, and stores nothing', async (_where, change, message) => {
    const graph = change(draft.graph);
    const validation = await t.gql<{ validatePolicyGraph: { valid: boolean; diagnostics: { code: string; message: string }[] } }>(VALIDATE, { graph });
    expect(validation.body.data?.validatePolicyGraph.valid).toBe(false);
    expect(validation.body.data?.validatePolicyGraph.diagnostics[0]).toMatchObject({ code: 'INVALID_SHAPE', message: expect.stringMatching(message) });
    const saved = await t.gql(SAVE_DRAFT, { policyId: referencePolicy.id, graph, baseRevision: draft.revision });
    expect(saved.body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
    expect(saved.body.errors?.[0]?.message).toMatch(message);
    const after = (await t.gql<{ policy: { draft: typeof draft } }>(POLICY, { id: referencePolicy.id })).body.data!.policy.draft;
    expect(after).toEqual(draft);
  });

  it('refuses a test case expecting a reason no leaf gives, and saves one with a real reason', async () => {
    const input = {
      conversationId: 'case-1',
      customer: { id: 'c-1' },
      messages: [{ speaker: 'CUSTOMER', text: 'Someone logged into my account from another country' }],
    };
    const refused = await t.gql(SAVE_CASE, {
      policyId: referencePolicy.id,
      input: { id: 'ghost', name: 'Ghost', input, expected: { action: 'HANDOFF', reasonCode: 'no_such_reason' } },
    });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: BatonErrorCode.BadUserInput, field: 'input.expected.reasonCode' });
    expect(refused.body.errors?.[0]?.message).toMatch(/No leaf .* gives the reason 'no_such_reason'.*security_incident/);
    expect((await t.gql<{ policy: { testCases: unknown[] } }>(CASES, { id: referencePolicy.id })).body.data?.policy.testCases).toEqual([]);
    const saved = await t.gql(SAVE_CASE, {
      policyId: referencePolicy.id,
      input: { id: 'real', name: 'Real', input, expected: { action: 'HANDOFF', reasonCode: 'security_incident' } },
    });
    expect(saved.body.errors).toBeUndefined();
  });
});
