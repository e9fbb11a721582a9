import type { PolicyGraph } from '@baton/schemas';
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
    const graph = toPolicyGraph(nodes, toFlowEdges(seed).map((e) => ({ ...e, selected: true })));
    expect(graph.nodes[0]).toEqual({ ...seed.nodes[0], position: { x: 0, y: 11 } });
    expect(Object.keys(graph.edges[0] ?? {})).toEqual(['id', 'source', 'target']);
  });
});
