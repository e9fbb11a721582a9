import { render, screen, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { DecisionTableNode } from '@baton/schemas';
import { toFlowNodes } from '../graph/graph-mapping';
import { NODE_TYPES, newNode } from './registry';

/** Renders the node through React Flow as the canvas does (unmeasured in jsdom, so hidden from the accessibility tree). */
function renderOnCanvas(node: DecisionTableNode) {
  render(
    <ReactFlowProvider>
      <div style={{ width: 800, height: 600 }}>
        <ReactFlow nodes={toFlowNodes({ nodes: [node], edges: [] })} edges={[]} nodeTypes={NODE_TYPES} />
      </div>
    </ReactFlowProvider>,
  );
  return screen.getByTestId(`node-${node.id}`);
}

describe('decision table on the canvas', () => {
  it('shows its rows in short words, an empty cell as "any", and one labelled output per row then default', () => {
    const shown = renderOnCanvas(newNode('decisionTable', 'dt', { x: 0, y: 0 }) as DecisionTableNode);
    const table = within(shown).getByRole('table', { hidden: true });
    expect(
      within(table)
        .getAllByRole('columnheader', { hidden: true })
        .map((h) => h.textContent),
    ).toEqual(['Row', 'customer tier', 'negative customer messages']);
    expect(
      within(table)
        .getAllByRole('row', { hidden: true })
        .map((r) => r.textContent),
    ).toEqual(['Rowcustomer tiernegative customer messages', 'VIP and upset=\u00a0"vip"≥\u00a02', 'VIP=\u00a0"vip"any']);
    expect(
      within(shown)
        .getAllByTitle(/^output /)
        .map((h) => h.getAttribute('title')),
    ).toEqual([
      'output VIP and upset: drag to the node it leads to',
      'output VIP: drag to the node it leads to',
      'output default: drag to the node it leads to',
    ]);
  });

  it('keeps a long table a node: four rows, then how many more', () => {
    const node = newNode('decisionTable', 'dt', { x: 0, y: 0 }) as DecisionTableNode;
    const rows = Array.from({ length: 7 }, (_, i) => ({ id: `row_${i + 1}`, cells: { col_2: { operator: 'equal' as const, value: i } } }));
    const shown = renderOnCanvas({ ...node, data: { ...node.data, rows } });
    expect(within(shown).getAllByRole('row', { hidden: true })).toHaveLength(5);
    expect(within(shown).getByText('+3 more')).toBeInTheDocument();
    expect(within(shown).getAllByTitle(/^output /)).toHaveLength(8);
  });
});
