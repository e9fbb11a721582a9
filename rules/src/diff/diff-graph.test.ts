import type { DiffableGraph, DiffableNode } from './diff-types';
import { diffGraph, graphDiffHasChanges } from './diff-graph';

const condition = (id: string, value: number, position = { x: 0, y: 0 }): DiffableNode => ({
  id,
  kind: 'condition',
  position,
  data: { test: { fact: 'botConfidenceLatest', operator: 'lessThan', value } },
});
const handoff = (id: string, queue: string): DiffableNode => ({
  id,
  kind: 'handoff',
  data: { reasonCode: 'r', category: 'CONTENT', queue, priority: 'HIGH' },
});

const base: DiffableGraph = {
  nodes: [{ id: 'start', kind: 'start', data: {} }, condition('c1', 0.4), handoff('h1', 'general'), { id: 'stay', kind: 'stay', data: { reasonCode: 'ai' } }],
  edges: [
    { id: 'e0', source: 'start', target: 'c1' },
    { id: 'e1', source: 'c1', sourceHandle: 'true', target: 'h1' },
    { id: 'e2', source: 'c1', sourceHandle: 'false', target: 'stay' },
  ],
};

const withNodes = (nodes: DiffableNode[]): DiffableGraph => ({ ...base, nodes });

describe('diffGraph', () => {
  it('finds nothing between a graph and itself', () => {
    const diff = diffGraph(base, structuredClone(base));
    expect(graphDiffHasChanges(diff)).toBe(false);
    expect(diff.nodesMoved).toEqual([]);
  });

  it.each([
    {
      name: 'a threshold change lists the field with before and after',
      after: withNodes([base.nodes[0]!, condition('c1', 0.5), base.nodes[2]!, base.nodes[3]!]),
      changed: { c1: [{ path: 'data.test.value', before: 0.4, after: 0.5 }] },
      moved: [],
    },
    {
      name: 'a move alone is layout, not a change',
      after: withNodes([base.nodes[0]!, condition('c1', 0.4, { x: 10, y: 0 }), base.nodes[2]!, base.nodes[3]!]),
      changed: {},
      moved: ['c1'],
    },
    {
      name: 'a move with a real change is a change, its layout kept apart',
      after: withNodes([base.nodes[0]!, { ...condition('c1', 0.4, { x: 10, y: 5 }), label: 'Low confidence' }, base.nodes[2]!, base.nodes[3]!]),
      changed: { c1: [{ path: 'label', before: undefined, after: 'Low confidence' }] },
      moved: [],
    },
    {
      name: 'a kind change is a field change',
      after: withNodes([base.nodes[0]!, base.nodes[1]!, { id: 'h1', kind: 'callback', data: (base.nodes[2] as DiffableNode).data }, base.nodes[3]!]),
      changed: { h1: [{ path: 'kind', before: 'handoff', after: 'callback' }] },
      moved: [],
    },
  ])('$name', ({ after, changed, moved }) => {
    const diff = diffGraph(base, after);
    expect(Object.fromEntries(diff.nodesChanged.map((c) => [c.id, c.fields]))).toEqual(changed);
    expect(diff.nodesMoved.map((c) => c.id)).toEqual(moved);
    expect(diff.nodesAdded).toEqual([]);
    expect(diff.nodesRemoved).toEqual([]);
  });

  it('keeps the layout of a changed node that also moved', () => {
    const after = withNodes([base.nodes[0]!, condition('c1', 0.6, { x: 0, y: 30 }), base.nodes[2]!, base.nodes[3]!]);
    const [change] = diffGraph(base, after).nodesChanged;
    expect(change?.layout).toEqual([{ path: 'position.y', before: 0, after: 30 }]);
  });

  it('reports added and removed nodes and edges with the whole node', () => {
    const after: DiffableGraph = {
      nodes: [base.nodes[0]!, base.nodes[1]!, handoff('h_vip', 'vip'), base.nodes[3]!],
      edges: [base.edges[0]!, { id: 'e9', source: 'c1', sourceHandle: 'true', target: 'h_vip' }, base.edges[2]!, { id: 'e10', source: 'x', target: 'y' }],
    };
    const diff = diffGraph(base, after);
    expect(diff.nodesAdded.map((c) => [c.id, c.after?.kind, c.before])).toEqual([['h_vip', 'handoff', undefined]]);
    expect(diff.nodesRemoved.map((c) => [c.id, c.before?.kind, c.after])).toEqual([['h1', 'handoff', undefined]]);
    // e1 and e9 leave the same output (c1 true): one rewired edge, not a removal and an addition.
    expect(diff.edgesChanged.map((c) => c.fields)).toEqual([
      [
        { path: 'id', before: 'e1', after: 'e9' },
        { path: 'target', before: 'h1', after: 'h_vip' },
      ],
    ]);
    expect(diff.edgesAdded.map((c) => c.id)).toEqual(['e10']);
    expect(diff.edgesRemoved).toEqual([]);
  });

  it('reports an edge whose target changed under the same id', () => {
    const after: DiffableGraph = { ...base, edges: [base.edges[0]!, { ...base.edges[1]!, target: 'stay' }, base.edges[2]!] };
    const diff = diffGraph(base, after);
    expect(diff.edgesChanged).toHaveLength(1);
    expect(diff.edgesChanged[0]).toMatchObject({
      id: 'e1',
      source: 'c1',
      sourceHandle: 'true',
      target: 'stay',
      fields: [{ path: 'target', before: 'h1', after: 'stay' }],
    });
  });

  it.each([
    ['absent before: everything added', null, base, { added: 4, removed: 0, edgesAdded: 3, edgesRemoved: 0 }],
    ['absent after: everything removed', base, undefined, { added: 0, removed: 4, edgesAdded: 0, edgesRemoved: 3 }],
    ['absent on both sides: nothing', null, null, { added: 0, removed: 0, edgesAdded: 0, edgesRemoved: 0 }],
  ])('%s', (_name, before, after, counts) => {
    const diff = diffGraph(before, after);
    expect({
      added: diff.nodesAdded.length,
      removed: diff.nodesRemoved.length,
      edgesAdded: diff.edgesAdded.length,
      edgesRemoved: diff.edgesRemoved.length,
    }).toEqual(counts);
  });
});
