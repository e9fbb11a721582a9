import type { GraphDiff } from '../api/types';
import type { CanvasGraph } from '../graph/canvas-graph';
import { diffCanvas } from './diff-canvas';

const to: CanvasGraph = {
  nodes: [
    { id: 'start', kind: 'start', data: {} },
    { id: 'stay', kind: 'stay', data: { reasonCode: 'ok' } },
  ],
  edges: [{ id: 'e2', source: 'start', target: 'stay' }],
};
const removed = { id: 'old', kind: 'stay', data: { reasonCode: 'gone' } };
const empty: GraphDiff = { nodesAdded: [], nodesRemoved: [], nodesChanged: [], nodesMoved: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] };

describe('the diff canvas', () => {
  it('marks nodes from the server diff and puts removed nodes back as ghosts with their edges', () => {
    const laid = diffCanvas(to, {
      ...empty,
      nodesChanged: [{ id: 'stay', kind: 'stay', label: null, before: null, after: null, fields: [{ path: 'data.reasonCode', before: 'x', after: 'ok' }] }],
      nodesRemoved: [{ id: 'old', kind: 'stay', label: null, before: removed, after: null, fields: [] }],
      edgesRemoved: [{ id: 'e1', source: 'start', target: 'old', sourceHandle: null, before: null, after: null }],
      edgesAdded: [{ id: 'e2', source: 'start', target: 'stay', sourceHandle: null, before: null, after: null }],
    });
    expect([...laid.marks]).toEqual([
      ['stay', 'changed'],
      ['old', 'removed'],
    ]);
    expect(laid.graph.nodes.map((n) => n.id)).toEqual(['start', 'stay', 'old']);
    expect([...laid.removedEdgeIds]).toEqual(['e1']);
    expect([...laid.addedEdgeIds]).toEqual(['e2']);
    expect(laid.changes.get('stay')).toEqual([{ path: 'data.reasonCode', before: 'x', after: 'ok' }]);
    expect(laid.changedEdgeIds.size).toBe(0);
  });

  it('marks an edge rewired to another node as changed, so the reordered rule is coloured', () => {
    const laid = diffCanvas(to, {
      ...empty,
      edgesChanged: [
        {
          id: 'e2',
          source: 'start',
          target: 'stay',
          sourceHandle: null,
          before: { id: 'e2', source: 'start', target: 'old' },
          after: { id: 'e2', source: 'start', target: 'stay' },
          fields: [{ path: 'target', before: 'old', after: 'stay' }],
        },
      ],
    });
    expect([...laid.changedEdgeIds]).toEqual(['e2']);
    expect([...laid.addedEdgeIds]).toEqual([]);
  });
});
