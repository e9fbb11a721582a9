import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DecisionTableNode } from '@baton/schemas';
import type { CanvasGraph } from '../graph/canvas-graph';
import { connect, updateNode } from '../graph/graph-operations';
import { Inspector } from '../inspector/Inspector';
import { renderForm } from '../test-support/render-form';
import { NODE_SPECS, newNode, outputHandles, outputLabel } from './registry';

const context = { topics: ['security', 'legal'], queues: ['general'] };
const table = () => newNode('decisionTable', 'dt', { x: 0, y: 0 }) as DecisionTableNode;

describe('decision table spec', () => {
  it('drops a small realistic table: upset VIPs first, then the other VIPs', () => {
    const node = table();
    expect(node.data.columns.map((c) => c.fact)).toEqual(['customerTier', 'negativeTurns']);
    expect(node.data.rows.map((r) => r.label)).toEqual(['VIP and upset', 'VIP']);
    expect(NODE_SPECS.decisionTable.describe(node)).toBe(
      'First match: “VIP and upset” if customer tier = "vip" and negative customer messages ≥ 2; “VIP” if customer tier = "vip"; otherwise default',
    );
  });

  it('offers one output per row, labelled with the row name, then default', () => {
    const node = table();
    expect(outputHandles(node)).toEqual(['row_1', 'row_2', 'default']);
    expect(outputLabel(node, 'row_1')).toBe('VIP and upset');
    expect(outputLabel({ ...node, data: { ...node.data, rows: [{ id: 'row_9', cells: {} }] } }, 'row_9')).toBe('row_9');
  });
});

describe('decision table grid', () => {
  it('adds a row with a fresh id whose cells match anything, and sets a cell on it', async () => {
    const user = userEvent.setup();
    const form = renderForm(table(), context);
    await user.click(screen.getByRole('button', { name: 'Add a row' }));
    expect(form.last().data.rows[2]).toEqual({ id: 'row_3', label: 'Row 3', cells: {} });
    expect(screen.getByLabelText('Row 3, customer tier: operator')).toHaveValue('');

    await user.selectOptions(screen.getByLabelText('Row 3, negative customer messages: operator'), 'lessThan');
    expect(form.last().data.rows[2]?.cells).toEqual({ col_2: { operator: 'lessThan', value: 0 } });
    const value = screen.getByLabelText('Row 3, negative customer messages: value (messages)');
    await user.clear(value);
    await user.type(value, '1');
    expect(form.last().data.rows[2]?.cells).toEqual({ col_2: { operator: 'lessThan', value: 1 } });
  });

  it('offers only the operators the column fact allows, and clears a cell back to "any"', async () => {
    const user = userEvent.setup();
    const form = renderForm(table(), context);
    const tier = screen.getByLabelText('Row 1, customer tier: operator');
    expect(
      within(tier)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['', 'equal', 'notEqual', 'in', 'notIn']);
    await user.selectOptions(tier, 'in');
    expect(form.last().data.rows[0]?.cells.col_1).toEqual({ operator: 'in', value: [] });
    await user.type(screen.getByLabelText('Row 1, customer tier: value (comma-separated)'), 'vip, enterprise');
    expect(form.last().data.rows[0]?.cells.col_1).toEqual({ operator: 'in', value: ['vip', 'enterprise'] });

    await user.selectOptions(screen.getByLabelText('Row 1, negative customer messages: operator'), '');
    expect(form.last().data.rows[0]?.cells).toEqual({ col_1: { operator: 'in', value: ['vip', 'enterprise'] } });
    expect(screen.queryByLabelText(/Row 1, negative customer messages: value/)).not.toBeInTheDocument();
  });

  it('renames and reorders rows, keeping their ids (the outputs)', async () => {
    const user = userEvent.setup();
    const form = renderForm(table(), context);
    await user.clear(screen.getByLabelText('Name of row 2'));
    expect(form.last().data.rows[1]).toEqual({ id: 'row_2', cells: { col_1: { operator: 'equal', value: 'vip' } } });
    await user.type(screen.getByLabelText('Name of row 2'), 'Any VIP');
    expect(screen.getByRole('button', { name: 'Move row 1 up' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move row 2 up' }));
    expect(form.last().data.rows.map((r) => [r.id, r.label])).toEqual([
      ['row_2', 'Any VIP'],
      ['row_1', 'VIP and upset'],
    ]);
    expect(screen.getByRole('button', { name: 'Move row 2 down' })).toBeDisabled();
    expect(screen.getByText(/first row \(top to bottom\) whose cells all hold wins/)).toBeInTheDocument();
  });

  it('adds a column on an unused fact, renames it, and removes a column with its cells', async () => {
    const user = userEvent.setup();
    const form = renderForm(table(), context);
    await user.click(screen.getByRole('button', { name: 'Add a column' }));
    expect(form.last().data.columns[2]).toMatchObject({ id: 'col_3' });
    expect(['customerTier', 'negativeTurns']).not.toContain(form.last().data.columns[2]?.fact);
    await user.selectOptions(screen.getByLabelText('Fact of column 3'), 'humanRequested');
    await user.type(screen.getByLabelText('Name of column 3'), 'Asks');
    expect(form.last().data.columns[2]).toEqual({ id: 'col_3', fact: 'humanRequested', label: 'Asks' });
    await user.selectOptions(screen.getByLabelText('Row 1, Asks: operator'), 'equal');
    expect(screen.getByLabelText('Row 1, Asks: value')).toHaveValue('true');

    await user.click(screen.getByRole('button', { name: 'Remove column 1' }));
    expect(form.last().data.columns.map((c) => c.id)).toEqual(['col_2', 'col_3']);
    expect(form.last().data.rows.map((r) => Object.keys(r.cells))).toEqual([['col_2', 'col_3'], []]);
  });

  it('resets a column’s cells to the new fact’s first operator when its fact changes', async () => {
    const user = userEvent.setup();
    const form = renderForm(table(), context);
    await user.selectOptions(screen.getByLabelText('Fact of column 1'), 'topics');
    expect(form.last().data.rows.map((r) => r.cells.col_1)).toEqual([
      { operator: 'contains', value: 'security' },
      { operator: 'contains', value: 'security' },
    ]);
  });
});

describe('removing a row in the inspector', () => {
  it('removes the connection from its output and keeps the others', async () => {
    const user = userEvent.setup();
    let graph: CanvasGraph = {
      nodes: [table(), newNode('handoff', 'h1', { x: 0, y: 0 }), newNode('handoff', 'h2', { x: 0, y: 0 }), newNode('stay', 's1', { x: 0, y: 0 })],
      edges: [],
    };
    graph = connect(graph, { source: 'dt', sourceHandle: 'row_1', target: 'h1' });
    graph = connect(graph, { source: 'dt', sourceHandle: 'row_2', target: 'h2' });
    graph = connect(graph, { source: 'dt', sourceHandle: 'default', target: 's1' });
    let shown = graph;
    function Host() {
      const [g, setGraph] = useState(graph);
      shown = g;
      return (
        <Inspector
          graph={g}
          selectedNodeIds={['dt']}
          selectedEdgeIds={[]}
          context={context}
          diagnostics={[{ code: 'UNREACHABLE_ROW', severity: 'WARNING', message: 'Row "VIP" of decision table "dt" can never match.', nodeId: 'dt' }]}
          readOnly={false}
          onNodeChange={(node) => setGraph((current) => updateNode(current, node.id, () => node))}
          onLink={() => undefined}
          onDelete={() => undefined}
        />
      );
    }
    render(<Host />);
    expect(screen.getByRole('heading', { name: /Decision table/ })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Problems on this node' })).getByText(/can never match/)).toBeInTheDocument();
    expect(screen.getByLabelText('When VIP, go to')).toHaveValue('h2');

    await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(shown.edges.map((e) => [e.sourceHandle, e.target])).toEqual([
      ['row_2', 'h2'],
      ['default', 's1'],
    ]);
    expect(screen.queryByLabelText('When VIP and upset, go to')).not.toBeInTheDocument();
  });
});
