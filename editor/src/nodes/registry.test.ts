import type { CanvasNodeKind } from '../graph/canvas-graph';
import type { EditorNodeSpec } from './node-spec';
import { NODE_SPECS, kindsOn, newNode, outputHandles } from './registry';

describe('editor node registry', () => {
  it('holds one spec per kind, under its own kind', () => {
    for (const [kind, spec] of Object.entries(NODE_SPECS)) expect(spec.kind).toBe(kind);
  });

  it('offers each canvas the kinds its graph may hold, in palette order', () => {
    expect(kindsOn('escalation')).toEqual(['start', 'condition', 'switch', 'decisionTable', 'handoff', 'stay', 'callback']);
    expect(kindsOn('routing')).toEqual(['start', 'condition', 'switch', 'route']);
  });

  it('drops a node of every kind with its id and position, with distinct outputs', () => {
    for (const kind of Object.keys(NODE_SPECS) as CanvasNodeKind[]) {
      const node = newNode(kind, `${kind}_1`, { x: 10, y: 20 });
      expect(node).toMatchObject({ id: `${kind}_1`, kind, position: { x: 10, y: 20 } });
      const handles = outputHandles(node);
      expect(new Set(handles).size).toBe(handles.length);
    }
  });

  it('refuses, at compile time, a kind without a spec or a spec without a piece', () => {
    const { decisionTable: _table, ...withoutTable } = NODE_SPECS;
    // @ts-expect-error a kind without its spec
    const incomplete: { [K in CanvasNodeKind]: EditorNodeSpec<K> } = withoutTable;
    const { Form: _form, ...formless } = NODE_SPECS.decisionTable;
    // @ts-expect-error a spec without its inspector form
    const pieceMissing: EditorNodeSpec<'decisionTable'> = formless;
    expect([incomplete, pieceMissing]).toHaveLength(2);
  });
});
