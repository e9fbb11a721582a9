import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { CanvasGraph } from '../graph/canvas-graph';
import { addNode, linkOutput } from '../graph/graph-operations';
import { OutputsEditor } from './outputs-editor';

/** A start, a condition titled by the ops lead, and two leaves (one left untitled). */
function graph(): CanvasGraph {
  let g: CanvasGraph = { nodes: [{ id: 'start', kind: 'start', label: 'Start', data: {} }], edges: [] };
  for (const kind of ['condition', 'handoff', 'stay'] as const) g = addNode(g, kind, { x: 0, y: 0 }).graph;
  const titles: Record<string, string> = { condition_1: 'Angry VIP?', handoff_1: 'VIP desk', stay_1: ' ' };
  return { ...g, nodes: g.nodes.map((n) => (n.id in titles ? { ...n, label: titles[n.id] } : n)) as CanvasGraph['nodes'] };
}

/** The editor over a graph held in state, linked through {@link linkOutput} as the policy editor does. */
function renderOutputs(nodeId: string, initial = graph()) {
  let current = initial;
  function Host() {
    const [g, setG] = useState(initial);
    const node = g.nodes.find((n) => n.id === nodeId)!;
    return (
      <OutputsEditor
        node={node}
        graph={g}
        onLink={(handle, target) => {
          current = linkOutput(current, nodeId, handle, target);
          setG(current);
        }}
      />
    );
  }
  render(<Host />);
  return () => current;
}

describe('the inspector outputs: connecting from the keyboard', () => {
  it('offers one list per output of a condition, naming the other nodes by title, never start', () => {
    renderOutputs('condition_1');
    const whenTrue = screen.getByRole('combobox', { name: 'When true, go to' });
    expect(screen.getByRole('combobox', { name: 'When false, go to' })).toBeInTheDocument();
    const options = within(whenTrue)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['(not connected)', 'VIP desk (Hand off)', 'Untitled stay (Stay)']);
  });

  it('connects an output to the chosen node, then moves and removes that edge', () => {
    const graphNow = renderOutputs('condition_1');
    const whenTrue = screen.getByRole('combobox', { name: 'When true, go to' });
    fireEvent.change(whenTrue, { target: { value: 'handoff_1' } });
    expect(graphNow().edges).toEqual([{ id: 'e_condition_1_true_1', source: 'condition_1', sourceHandle: 'true', target: 'handoff_1' }]);
    expect(whenTrue).toHaveValue('handoff_1');

    fireEvent.change(whenTrue, { target: { value: 'stay_1' } });
    expect(graphNow().edges.map((e) => [e.sourceHandle, e.target])).toEqual([['true', 'stay_1']]);

    fireEvent.change(whenTrue, { target: { value: '' } });
    expect(graphNow().edges).toEqual([]);
    expect(whenTrue).toHaveValue('');
  });

  it('gives start one unnamed output', () => {
    const graphNow = renderOutputs('start');
    fireEvent.change(screen.getByRole('combobox', { name: 'Next, go to' }), { target: { value: 'condition_1' } });
    expect(screen.getByRole('combobox', { name: 'Next, go to' })).toHaveValue('condition_1');
    expect(graphNow().edges).toEqual([{ id: 'e_start_next_1', source: 'start', target: 'condition_1' }]);
  });

  it('shows nothing for a leaf, which has no output', () => {
    renderOutputs('handoff_1');
    expect(screen.queryByRole('group', { name: 'Outputs' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
