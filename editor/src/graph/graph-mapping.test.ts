import type { PolicyGraph } from '@baton/schemas';
import { newNode } from '../nodes/registry';
import seedGraph from '../../../seed/src/policies/support-default/graph.json';
import { toFlowEdges, toFlowNodes, toPolicyGraph } from './graph-mapping';

const seed = seedGraph as unknown as PolicyGraph;

describe('mapping between Baton graph JSON and React Flow', () => {
  it('round-trips the reference policy exactly', () => {
    expect(toPolicyGraph(toFlowNodes(seed), toFlowEdges(seed))).toEqual(seed);
  });

  it('makes one flow node per policy node, typed by kind, carrying the policy node', () => {
    const nodes = toFlowNodes(seed);
    expect(nodes).toHaveLength(seed.nodes.length);
    expect(nodes[1]).toMatchObject({ id: 'c_crisis', type: 'condition', position: { x: 300, y: 0 }, data: { node: seed.nodes[1] } });
  });

  it('labels edges with their output: true/false, a switch case label, nothing for start', () => {
    const edges = toFlowEdges(seed);
    expect(edges.find((e) => e.id === 'e_start')).toMatchObject({ sourceHandle: null });
    expect(edges.find((e) => e.id === 'e_start')?.label).toBeUndefined();
    expect(edges.find((e) => e.id === 'e_c_security_true')?.label).toBe('true');
    const vip = edges.find((e) => e.source === 's_sentiment_tier' && e.sourceHandle === 'vip');
    expect(vip?.label).toBe('VIP');
  });

  it('names nodes and edges to screen readers by title, not by id', () => {
    expect(toFlowNodes(seed).find((n) => n.id === 'c_security')?.ariaLabel).toBe('Condition: Security incident?');
    expect(toFlowEdges(seed).find((e) => e.id === 'e_c_security_true')?.ariaLabel).toBe('From “Security incident?” (true) to “Security → Trust & Safety”');
    expect(toFlowEdges(seed).find((e) => e.id === 'e_start')?.ariaLabel).toBe('From “Start” to “Person in danger?”');
  });

  it('keeps an unchanged node object, and the selection and measured size of a changed one', () => {
    const first = toFlowNodes(seed).map((n) => (n.id === 'c_legal' ? { ...n, selected: true, measured: { width: 240, height: 80 } } : n));
    const changed: PolicyGraph = { ...seed, nodes: seed.nodes.map((n) => (n.id === 'c_legal' ? { ...n, label: 'Legal?' } : n)) };
    const next = toFlowNodes(changed, first);
    expect(next[0]).toBe(first[0]);
    const legal = next.find((n) => n.id === 'c_legal');
    expect(legal).not.toBe(first.find((n) => n.id === 'c_legal'));
    expect(legal).toMatchObject({ selected: true, measured: { width: 240, height: 80 }, data: { node: { label: 'Legal?' } } });
  });

  it('saves positions rounded and no UI fields', () => {
    const nodes = toFlowNodes(seed).map((n) => ({ ...n, position: { x: n.position.x + 0.4, y: n.position.y + 10.6 }, selected: true, dragging: true }));
    const graph = toPolicyGraph(
      nodes,
      toFlowEdges(seed).map((e) => ({ ...e, selected: true })),
    );
    expect(graph.nodes[0]).toEqual({ ...seed.nodes[0], position: { x: 0, y: 11 } });
    expect(Object.keys(graph.edges[0] ?? {})).toEqual(['id', 'source', 'target']);
  });

  it('round-trips a decision table and labels its edges with the row names', () => {
    const graph: PolicyGraph = {
      nodes: [
        newNode('start', 'start', { x: 0, y: 0 }),
        newNode('decisionTable', 'dt', { x: 300, y: 0 }),
        newNode('handoff', 'h', { x: 700, y: 0 }),
        newNode('stay', 's', { x: 700, y: 200 }),
      ] as PolicyGraph['nodes'],
      edges: [
        { id: 'e_start', source: 'start', target: 'dt' },
        { id: 'e_upset', source: 'dt', sourceHandle: 'row_1', target: 'h' },
        { id: 'e_vip', source: 'dt', sourceHandle: 'row_2', target: 'h' },
        { id: 'e_default', source: 'dt', sourceHandle: 'default', target: 's' },
      ],
    };
    const nodes = toFlowNodes(graph);
    const edges = toFlowEdges(graph);
    expect(nodes[1]).toMatchObject({ id: 'dt', type: 'decisionTable', data: { node: graph.nodes[1] } });
    expect(edges.map((e) => e.label)).toEqual([undefined, 'VIP and upset', 'VIP', 'default']);
    expect(toPolicyGraph(nodes, edges)).toEqual(graph);
  });
});
