import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';
import { smallPolicyGraph } from '../testing/fixtures';
import { diffPolicyDocuments } from './diff-policy';
import { summariseDiff } from './summarise-diff';

const doc = (graph: PolicyGraph, settings: TriggerSettings = FIXTURE_SETTINGS, routing: RoutingGraph | null = null) => ({ graph, settings, routing });

function editedGraph(): PolicyGraph {
  const graph = smallPolicyGraph();
  const human = graph.nodes.find((n) => n.id === 'c_human');
  if (human?.kind === 'condition') human.data.test = { fact: 'humanRequested', operator: 'notEqual', value: false };
  graph.nodes.push({ id: 'h_billing_vip', kind: 'handoff', data: { reasonCode: 'billing_vip', category: 'BUSINESS', queue: 'vip', priority: 'HIGH' } });
  graph.edges.push({ id: 'e_new1', source: 'x', target: 'h_billing_vip' }, { id: 'e_new2', source: 'y', target: 'h_billing_vip' });
  return graph;
}

const routing: RoutingGraph = {
  nodes: [
    { id: 'r_start', kind: 'start', data: {} },
    { id: 'r_vip', kind: 'route', data: { targets: [{ queue: 'vip' }, { queue: 'general' }] } },
  ],
  edges: [{ id: 're1', source: 'r_start', target: 'r_vip' }],
};

describe('summariseDiff', () => {
  it.each<{ name: string; before: ReturnType<typeof doc>; after: ReturnType<typeof doc>; from?: string; to?: string; summary: string }>([
    { name: 'nothing changed', before: doc(smallPolicyGraph()), after: doc(smallPolicyGraph()), summary: 'Version 3 → draft: no changes.' },
    {
      name: 'nodes, edges and phrases',
      before: doc(smallPolicyGraph()),
      after: doc(editedGraph(), {
        ...FIXTURE_SETTINGS,
        topics: {
          ...FIXTURE_SETTINGS.topics,
          billing_dispute: { phrases: { ...FIXTURE_SETTINGS.topics.billing_dispute!.phrases, es: ['cobro doble', 'a', 'b', 'c', 'cobraron dos veces'] } },
        },
      }),
      summary:
        'Version 3 → draft: 1 node changed (c_human: data.test.operator "equal" → "notEqual", data.test.value true → false), ' +
        '1 node added (h_billing_vip: Hand off to vip (billing_vip, HIGH)), 2 edges added; settings: 3 phrases added to topic billing_dispute (es).',
    },
    {
      name: 'layout only',
      before: doc(smallPolicyGraph()),
      after: doc({ ...smallPolicyGraph(), nodes: smallPolicyGraph().nodes.map((n) => ({ ...n, position: { x: 1, y: 2 } })) }),
      from: 'Version 2',
      to: 'version 3',
      summary: 'Version 2 → version 3: 10 nodes moved (layout only).',
    },
    {
      name: 'a routing graph added, a threshold changed, a topic removed',
      before: doc(smallPolicyGraph()),
      after: doc(
        smallPolicyGraph(),
        { ...FIXTURE_SETTINGS, thresholds: { ...FIXTURE_SETTINGS.thresholds, lowConfidence: 0.55 }, topics: { security: FIXTURE_SETTINGS.topics.security! } },
        routing,
      ),
      summary: `Version 3 → draft: routing: 2 nodes added (r_start: Start; r_vip: Route to vip, then general), 1 edge added; settings: Low-confidence threshold ${FIXTURE_SETTINGS.thresholds.lowConfidence} → 0.55, ${Object.keys(
        FIXTURE_SETTINGS.topics,
      )
        .filter((t) => t !== 'security')
        .sort()
        .map((t) => `topic ${t} removed (${Object.values(FIXTURE_SETTINGS.topics[t]!.phrases).flat().length} phrases)`)
        .join(', ')}.`,
    },
  ])('$name', ({ before, after, from = 'Version 3', to = 'draft', summary }) => {
    expect(summariseDiff(diffPolicyDocuments(before, after), from, to)).toBe(summary);
  });

  it('names the first few changed nodes and counts the rest', () => {
    const after = smallPolicyGraph();
    for (const n of after.nodes) n.label = `renamed ${n.id}`;
    const text = summariseDiff(diffPolicyDocuments(doc(smallPolicyGraph()), doc(after)), 'Version 1', 'draft');
    expect(text).toMatch(/^Version 1 → draft: 10 nodes changed \(“renamed start”: label \(none\) → "renamed start"; “renamed c_security”: .*; and 7 more\)\.$/);
  });

  it('names nodes by their titles, an edge rewired to another rule included', () => {
    const before = smallPolicyGraph();
    const after = smallPolicyGraph();
    const edge = after.edges.find((e) => e.source === 'start');
    const first = before.edges.find((e) => e.source === 'start');
    const other = after.nodes.find((n) => n.id !== 'start' && n.id !== first?.target && n.kind === 'condition');
    if (!edge || !first || !other) throw new Error('fixture changed');
    edge.target = other.id;
    const names = new Map([
      ['start', 'Conversation starts'],
      [first.target, 'First check'],
      [other.id, 'Second check'],
    ]);
    const text = summariseDiff(diffPolicyDocuments(doc(before), doc(after)), 'Version 1', 'draft', names);
    expect(text).toBe('Version 1 → draft: 1 edge changed (“Conversation starts” next: “First check” → “Second check”).');
  });

  it('marks a document diff unchanged or layout-only', () => {
    expect(diffPolicyDocuments(doc(smallPolicyGraph()), doc(smallPolicyGraph()))).toMatchObject({ unchanged: true, layoutOnly: false });
    const moved = smallPolicyGraph();
    moved.nodes[0]!.position = { x: 5, y: 5 };
    expect(diffPolicyDocuments(doc(smallPolicyGraph()), doc(moved))).toMatchObject({ unchanged: false, layoutOnly: true });
    expect(diffPolicyDocuments(doc(smallPolicyGraph()), doc(smallPolicyGraph(), FIXTURE_SETTINGS, routing))).toMatchObject({
      unchanged: false,
      layoutOnly: false,
    });
  });
});
