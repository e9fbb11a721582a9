import type { PolicyGraph, TriggerSettings } from '@baton/schemas';
import { canvasGraphOf, newRoutingGraph, withCanvasGraph, type CanvasGraph } from './canvas-graph';
import type { DraftDocument } from './draft-document';
import { editorReducer, initialEditorState, type EditorState } from './editor-state';
import { addNode, connect, updateNode } from './graph-operations';

const settings = { topics: {}, humanRequest: { phrases: {}, negations: {} }, hedging: {}, thresholds: {} } as unknown as TriggerSettings;
const start: CanvasGraph = { nodes: [{ id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} }], edges: [] };
const doc: DraftDocument = { graph: start as PolicyGraph, settings, routing: null };

const add = (state: EditorState, kind: 'condition' | 'stay') =>
  editorReducer(state, { type: 'edit', update: (d) => ({ ...d, graph: addNode(d.graph, kind, { x: 100, y: 0 }).graph as PolicyGraph }) });
const ids = (state: EditorState) => state.history.present.graph.nodes.map((n) => n.id);

describe('editor state: undo and redo', () => {
  it('undoes and redoes document edits in order, and a new edit clears redo', () => {
    let s = initialEditorState(doc);
    s = add(s, 'condition');
    s = add(s, 'stay');
    expect(ids(s)).toEqual(['start', 'condition_1', 'stay_1']);
    s = editorReducer(s, { type: 'undo' });
    expect(ids(s)).toEqual(['start', 'condition_1']);
    expect(s.nodes.map((n) => n.id)).toEqual(['start', 'condition_1']);
    s = editorReducer(s, { type: 'undo' });
    s = editorReducer(s, { type: 'undo' });
    expect(ids(s)).toEqual(['start']);
    s = editorReducer(s, { type: 'redo' });
    expect(ids(s)).toEqual(['start', 'condition_1']);
    s = add(s, 'stay');
    expect(s.history.future).toHaveLength(0);
    expect(editorReducer(s, { type: 'redo' })).toBe(s);
  });

  it('merges consecutive edits of one field into a single undo step', () => {
    let s = add(initialEditorState(doc), 'condition');
    for (const label of ['C', 'Cu', 'Cus']) {
      s = editorReducer(s, {
        type: 'edit',
        coalesceKey: 'condition_1:label',
        update: (d) => ({ ...d, graph: updateNode(d.graph, 'condition_1', (n) => ({ ...n, label })) as PolicyGraph }),
      });
    }
    expect(s.nodes[1]?.data.node.label).toBe('Cus');
    s = editorReducer(s, { type: 'undo' });
    expect(s.nodes[1]?.data.node.label).toBe('New condition');
  });

  it('undoes a whole drag as one step, and never records selection', () => {
    let s = add(initialEditorState(doc), 'condition');
    s = editorReducer(s, { type: 'select', nodeIds: ['condition_1'] });
    expect(s.history.past).toHaveLength(1);
    s = editorReducer(s, { type: 'dragStart' });
    for (const x of [110, 150, 200])
      s = editorReducer(s, { type: 'nodeChanges', changes: [{ type: 'position', id: 'condition_1', position: { x, y: 5 }, dragging: true }] });
    expect(s.history.present.graph.nodes[1]?.position).toEqual({ x: 200, y: 5 });
    expect(s.nodes[1]?.selected).toBe(true);
    s = editorReducer(s, { type: 'undo' });
    expect(s.history.present.graph.nodes[1]?.position).toEqual({ x: 100, y: 0 });
  });

  it('keeps the selection on the canvas through undo', () => {
    let s = add(initialEditorState(doc), 'condition');
    s = editorReducer(s, {
      type: 'edit',
      update: (d) => ({ ...d, graph: connect(d.graph, { source: 'start', sourceHandle: null, target: 'condition_1' }) as PolicyGraph }),
    });
    s = editorReducer(s, { type: 'select', nodeIds: ['condition_1'] });
    s = editorReducer(s, { type: 'undo' });
    expect(s.history.present.graph.edges).toHaveLength(0);
    expect(s.nodes.find((n) => n.id === 'condition_1')?.selected).toBe(true);
  });
});

describe('the routing canvas', () => {
  it('shows and edits the routing graph of the same document, in one undo history', () => {
    const withRouting: DraftDocument = { ...doc, routing: newRoutingGraph('billing') };
    let s = initialEditorState(withRouting);
    expect(s.nodes.map((n) => n.id)).toEqual(['start']);
    s = editorReducer(s, { type: 'target', target: 'routing' });
    expect(s.nodes.map((n) => n.type)).toEqual(['start', 'route']);
    s = editorReducer(s, { type: 'edit', update: (d) => withCanvasGraph(d, 'routing', addNode(canvasGraphOf(d, 'routing'), 'route', { x: 0, y: 200 }).graph) });
    expect(s.history.present.routing?.nodes.map((n) => n.id)).toEqual(['start', 'route_1', 'route_2']);
    expect(s.history.present.graph).toBe(withRouting.graph);
    s = editorReducer(s, { type: 'nodeChanges', changes: [{ type: 'position', id: 'route_2', position: { x: 5, y: 6 } }] });
    expect(s.history.present.routing?.nodes[2]?.position).toEqual({ x: 5, y: 6 });
    s = editorReducer(s, { type: 'undo' });
    expect(s.history.present.routing?.nodes).toHaveLength(2);
    s = editorReducer(s, { type: 'target', target: 'escalation' });
    expect(s.nodes.map((n) => n.id)).toEqual(['start']);
  });
});
