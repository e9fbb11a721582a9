import type { CanvasGraph } from './canvas-graph';
import { addNode, connect, copyElements, pasteElements, removeElements, updateNode } from './graph-operations';

function tree(): CanvasGraph {
  let g: CanvasGraph = { nodes: [{ id: 'start', kind: 'start', data: {} }], edges: [] };
  for (const kind of ['switch', 'handoff', 'stay'] as const) g = addNode(g, kind, { x: 0, y: 0 }).graph;
  g = connect(g, { source: 'start', sourceHandle: null, target: 'switch_1' });
  g = connect(g, { source: 'switch_1', sourceHandle: 'case_1', target: 'handoff_1' });
  return connect(g, { source: 'switch_1', sourceHandle: 'default', target: 'stay_1' });
}

describe('graph operations', () => {
  it('gives one output one edge: connecting it again replaces the edge', () => {
    const g = connect(tree(), { source: 'switch_1', sourceHandle: 'default', target: 'handoff_1' });
    expect(g.edges.filter((e) => e.source === 'switch_1' && e.sourceHandle === 'default').map((e) => e.target)).toEqual(['handoff_1']);
  });

  it('refuses self-loops, edges into start and outputs the node does not have', () => {
    const g = tree();
    expect(connect(g, { source: 'switch_1', sourceHandle: 'default', target: 'switch_1' })).toBe(g);
    expect(connect(g, { source: 'switch_1', sourceHandle: 'default', target: 'start' })).toBe(g);
    expect(connect(g, { source: 'switch_1', sourceHandle: 'true', target: 'stay_1' })).toBe(g);
    expect(connect(g, { source: 'stay_1', sourceHandle: null, target: 'handoff_1' })).toBe(g);
  });

  it('drops the edge of a removed switch case', () => {
    const g = updateNode(tree(), 'switch_1', (n) => (n.kind === 'switch' ? { ...n, data: { ...n.data, cases: [] } } : n));
    expect(g.edges.map((e) => e.sourceHandle ?? null)).toEqual([null, 'default']);
  });

  it('removes a node with its edges', () => {
    const g = removeElements(tree(), new Set(['switch_1']), new Set());
    expect(g.nodes.map((n) => n.id)).toEqual(['start', 'handoff_1', 'stay_1']);
    expect(g.edges).toEqual([]);
  });

  it('pastes copies with fresh ids, offset, keeping the edges between them', () => {
    const g = tree();
    const { graph, ids } = pasteElements(g, copyElements(g, new Set(['switch_1', 'stay_1'])), { x: 40, y: 40 });
    expect(ids).toEqual(['switch_2', 'stay_2']);
    expect(graph.nodes.find((n) => n.id === 'switch_2')?.position).toEqual({ x: 40, y: 40 });
    expect(graph.edges.filter((e) => e.source === 'switch_2')).toEqual([expect.objectContaining({ target: 'stay_2', sourceHandle: 'default' })]);
  });
});
