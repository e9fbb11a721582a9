import type { CanvasGraph } from './canvas-graph';
import { addNode, connect, copyElements, linkOutput, pasteElements, removeElements, updateNode } from './graph-operations';

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

  it('links an output from the inspector with the same edge dragging makes, replacing the old one', () => {
    const g = tree();
    const dragged = connect(g, { source: 'switch_1', sourceHandle: 'case_1', target: 'stay_1' });
    const chosen = linkOutput(g, 'switch_1', 'case_1', 'stay_1');
    expect(chosen).toEqual(dragged);
    expect(chosen.edges.filter((e) => e.source === 'switch_1')).toEqual([
      { id: 'e_switch_1_default_1', source: 'switch_1', sourceHandle: 'default', target: 'stay_1' },
      { id: 'e_switch_1_case_1_1', source: 'switch_1', sourceHandle: 'case_1', target: 'stay_1' },
    ]);
    // Start's single output has no handle: its edge carries no sourceHandle field.
    const started = linkOutput(chosen, 'start', null, 'handoff_1');
    expect(started.edges.filter((e) => e.source === 'start')).toEqual([{ id: 'e_start_next_1', source: 'start', target: 'handoff_1' }]);
  });

  it("removes an output's edge when the inspector chooses no node, and leaves other outputs alone", () => {
    const g = linkOutput(tree(), 'switch_1', 'default', null);
    expect(g.edges.map((e) => [e.source, e.sourceHandle ?? null, e.target])).toEqual([
      ['start', null, 'switch_1'],
      ['switch_1', 'case_1', 'handoff_1'],
    ]);
    expect(linkOutput(g, 'switch_1', 'default', null)).toBe(g);
  });

  it('refuses an inspector link that dragging refuses: into start, to itself, from an output the node lacks', () => {
    const g = tree();
    expect(linkOutput(g, 'switch_1', 'default', 'start')).toBe(g);
    expect(linkOutput(g, 'switch_1', 'default', 'switch_1')).toBe(g);
    expect(linkOutput(g, 'switch_1', 'true', 'stay_1')).toBe(g);
    expect(linkOutput(g, 'switch_1', 'case_1', 'nowhere')).toBe(g);
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
