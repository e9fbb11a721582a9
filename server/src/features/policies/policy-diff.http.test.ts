import { BatonErrorCode, type PolicyGraph, type TriggerSettings } from '@baton/schemas';
import { POLICY, PUBLISH, SAVE_DRAFT } from '../../test-support/operations';
import { removeTempDirs } from '../../test-support/temp-dir';
import { startTestServer, type TestServer } from '../../test-support/test-server';

afterAll(removeTempDirs);

const POLICY_DIFF = /* GraphQL */ `
  query Diff($policyId: ID!, $from: Int!, $to: Int) {
    policyDiff(policyId: $policyId, from: $from, to: $to) {
      policyId
      from
      to
      fromContentHash
      toContentHash
      unchanged
      layoutOnly
      summary
      graph {
        nodesAdded {
          id
          kind
          before
          after
        }
        nodesRemoved {
          id
          kind
        }
        nodesChanged {
          id
          kind
          label
          fields {
            path
            before
            after
          }
          layout {
            path
            before
            after
          }
        }
        nodesMoved {
          id
          layout {
            path
            before
            after
          }
        }
        edgesAdded {
          id
          source
          target
          sourceHandle
        }
        edgesRemoved {
          id
        }
        edgesChanged {
          id
          source
          sourceHandle
          target
          fields {
            path
            before
            after
          }
        }
      }
      routing {
        nodesAdded {
          id
        }
        nodesRemoved {
          id
        }
      }
      settings {
        fields {
          path
          before
          after
        }
        phrases {
          list
          topic
          language
          added
          removed
        }
        topicsAdded
        topicsRemoved
      }
    }
  }
`;

interface FieldJson {
  path: string;
  before: unknown;
  after: unknown;
}
interface DiffJson {
  policyId: string;
  from: number;
  to: number | null;
  fromContentHash: string;
  toContentHash: string;
  unchanged: boolean;
  layoutOnly: boolean;
  summary: string;
  graph: {
    nodesAdded: { id: string; kind: string; before: unknown; after: unknown }[];
    nodesRemoved: { id: string }[];
    nodesChanged: { id: string; fields: FieldJson[]; layout: FieldJson[] }[];
    nodesMoved: { id: string; layout: FieldJson[] }[];
    edgesAdded: { id: string; source: string; target: string; sourceHandle: string | null }[];
    edgesRemoved: { id: string }[];
    edgesChanged: { id: string; fields: FieldJson[] }[];
  };
  routing: { nodesAdded: { id: string }[]; nodesRemoved: { id: string }[] };
  settings: {
    fields: FieldJson[];
    phrases: { list: string; topic: string | null; language: string; added: string[]; removed: string[] }[];
    topicsAdded: string[];
    topicsRemoved: string[];
  };
}

/** The seed draft with a threshold raised, a VIP billing branch inserted, a leaf moved and two Spanish phrases. */
function edit(graph: PolicyGraph, settings: TriggerSettings): { graph: PolicyGraph; settings: TriggerSettings } {
  const next = structuredClone(graph);
  for (const node of next.nodes) {
    if (node.id === 'c_low_confidence' && node.kind === 'condition' && 'value' in node.data.test) node.data.test.value = 3;
    if (node.id === 'stay_default') node.position = { x: 320, y: 1450 };
  }
  next.nodes.push(
    { id: 'c_billing_vip', kind: 'condition', position: { x: 480, y: 280 }, data: { test: { fact: 'customerTier', operator: 'equal', value: 'vip' } } },
    {
      id: 'h_billing_vip',
      kind: 'handoff',
      position: { x: 800, y: 240 },
      data: { reasonCode: 'billing_vip', category: 'BUSINESS', queue: 'vip', priority: 'URGENT' },
    },
  );
  const toDispute = next.edges.find((e) => e.source === 'c_billing_dispute' && e.sourceHandle === 'true');
  if (toDispute) toDispute.target = 'c_billing_vip';
  next.edges.push(
    { id: 'e_c_billing_vip_true', source: 'c_billing_vip', sourceHandle: 'true', target: 'h_billing_vip' },
    { id: 'e_c_billing_vip_false', source: 'c_billing_vip', sourceHandle: 'false', target: 'h_billing_dispute' },
  );
  const nextSettings = structuredClone(settings);
  nextSettings.topics.billing_dispute!.phrases.es = [...(nextSettings.topics.billing_dispute!.phrases.es ?? []), 'cargo repetido', 'me cobraron de más'];
  return { graph: next, settings: nextSettings };
}

describe('policyDiff over HTTP', () => {
  let t: TestServer;
  let drafted: { graph: PolicyGraph; settings: TriggerSettings };
  beforeAll(async () => {
    t = await startTestServer();
    const { body } = await t.gql<{ policy: { draft: { revision: number; graph: PolicyGraph; settings: TriggerSettings } } }>(POLICY, { id: 'support-default' });
    const draft = body.data!.policy.draft;
    drafted = edit(draft.graph, draft.settings);
    const saved = await t.gql(SAVE_DRAFT, { policyId: 'support-default', graph: drafted.graph, settings: drafted.settings, baseRevision: draft.revision });
    expect(saved.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const diff = async (variables: Record<string, unknown>) => t.gql<{ policyDiff: DiffJson }>(POLICY_DIFF, { policyId: 'support-default', ...variables });

  it('diffs version 1 against the draft: changed fields, added nodes, rewired and added edges, layout apart, phrases', async () => {
    const { body } = await diff({ from: 1 });
    expect(body.errors).toBeUndefined();
    const d = body.data!.policyDiff;
    expect(d).toMatchObject({ policyId: 'support-default', from: 1, to: null, unchanged: false, layoutOnly: false });
    expect(d.graph.nodesChanged).toEqual(
      [{ id: 'c_low_confidence', fields: [{ path: 'data.test.value', before: 2, after: 3 }], layout: [] }].map((c) => expect.objectContaining(c)),
    );
    expect(d.graph.nodesMoved).toEqual([
      {
        id: 'stay_default',
        layout: [
          { path: 'position.x', before: 300, after: 320 },
          { path: 'position.y', before: 1580, after: 1450 },
        ],
      },
    ]);
    expect(d.graph.nodesAdded.map((n) => [n.id, n.kind, n.before])).toEqual([
      ['c_billing_vip', 'condition', null],
      ['h_billing_vip', 'handoff', null],
    ]);
    expect(d.graph.nodesAdded[1]?.after).toMatchObject({ data: { queue: 'vip', priority: 'URGENT' } });
    expect(d.graph.edgesAdded.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      ['c_billing_vip', 'true', 'h_billing_vip'],
      ['c_billing_vip', 'false', 'h_billing_dispute'],
    ]);
    expect(d.graph.edgesChanged.map((e) => e.fields)).toEqual([[{ path: 'target', before: 'h_billing_dispute', after: 'c_billing_vip' }]]);
    expect(d.graph.nodesRemoved).toEqual([]);
    expect(d.routing).toEqual({ nodesAdded: [], nodesRemoved: [] });
    expect(d.settings).toEqual({
      fields: [],
      phrases: [
        { list: 'topics.billing_dispute.phrases', topic: 'billing_dispute', language: 'es', added: ['cargo repetido', 'me cobraron de más'], removed: [] },
      ],
      topicsAdded: [],
      topicsRemoved: [],
    });
    expect(d.summary).toBe(
      // Nodes with a title are named by it, as on the canvas (issue 19).
      'Version 1 → draft: 1 node changed (“Bot unsure twice in a row?”: data.test.value 2 → 3), ' +
        '2 nodes added (c_billing_vip: customerTier = "vip"; h_billing_vip: Hand off to vip (billing_vip, URGENT)), 2 edges added, ' +
        '1 edge changed (“Billing dispute?” true: “Billing dispute → Billing” → c_billing_vip), 1 node moved (layout only); ' +
        'settings: 2 phrases added to topic billing_dispute (es).',
    );
    expect(d.fromContentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.toContentHash).not.toBe(d.fromContentHash);
  });

  it('diffs two versions either way, and a version against an identical draft as unchanged', async () => {
    const published = await t.gql<{ publishPolicy: { version: { version: number; contentHash: string } } }>(PUBLISH, {
      policyId: 'support-default',
      comment: 'VIP billing branch',
    });
    expect(published.body.data?.publishPolicy.version.version).toBe(2);
    const forward = (await diff({ from: 1, to: 2 })).body.data!.policyDiff;
    expect(forward.summary.startsWith('Version 1 → version 2: 1 node changed')).toBe(true);
    expect(forward.toContentHash).toBe(published.body.data?.publishPolicy.version.contentHash);
    const backward = (await diff({ from: 2, to: 1 })).body.data!.policyDiff;
    expect(backward.graph.nodesRemoved.map((n) => n.id)).toEqual(['c_billing_vip', 'h_billing_vip']);
    expect(backward.graph.nodesChanged[0]?.fields).toEqual([{ path: 'data.test.value', before: 3, after: 2 }]);
    expect(backward.settings.phrases[0]).toMatchObject({ added: [], removed: ['cargo repetido', 'me cobraron de más'] });
    const same = (await diff({ from: 2, to: null })).body.data!.policyDiff;
    expect(same).toMatchObject({ unchanged: true, summary: 'Version 2 → draft: no changes.' });
    expect(same.toContentHash).toBe(same.fromContentHash);
  });

  it.each([
    [{ policyId: 'nope', from: 1 }, /Policy 'nope' does not exist; list policies/],
    [{ from: 9 }, /has no version 9 \(argument from\); its versions are 1/],
    [{ from: 1, to: 0 }, /has no version 0 \(argument to\)/],
  ])('answers NOT_FOUND with what exists for %j', async (variables, message) => {
    const { body } = await diff(variables);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.NotFound);
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it('refuses a missing from as bad input', async () => {
    const { status, body } = await t.gql(`query { policyDiff(policyId: "support-default") { summary } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe(BatonErrorCode.BadUserInput);
  });
});
