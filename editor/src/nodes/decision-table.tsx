/**
 * The decision table node (GoRules' most used node, first-hit policy): columns name facts, each
 * row holds cells (`operator value`) on some of them, and the first row whose cells all hold
 * picks its output; `default` when none does. An empty cell matches anything. On the canvas it
 * shows the table in short words with one output per row; the inspector edits it as a grid.
 */
import { memo, useId } from 'react';
import type { NodeProps } from '@xyflow/react';
import {
  OPERATORS_BY_FACT_TYPE,
  OPERATOR_SYMBOLS,
  type DecisionTableCell,
  type DecisionTableColumn,
  type DecisionTableNode,
  type DecisionTableRow,
  type Operator,
} from '@baton/schemas';
import { NodeFrame } from '../canvas/node-frame';
import { describeComparison, describeFactTest, factPhrase } from '../graph/node-words';
import { factSpecOf, useFactChoices } from '../inspector/fact-choices';
import { TextField, jsonPathProblem } from '../inspector/fields';
import { LabelField, type NodeFormProps } from '../inspector/node-form';
import { ValueEditor, defaultValueFor } from '../inspector/value-editor';
import type { EditorNodeSpec, FlowNodeOf } from './node-spec';

type TableData = DecisionTableNode['data'];

/** What the canvas shows before "+N more": enough to recognise the table, small enough to stay a node. */
const SHOWN_ROWS = 4;
const SHOWN_COLUMNS = 3;
/** The schema's limits. */
const MAX_COLUMNS = 20;
const MAX_ROWS = 200;

const columnName = (column: DecisionTableColumn): string => column.label || factPhrase(column.fact, column.path);
const rowName = (row: DecisionTableRow): string => row.label || row.id;

function cellWords(column: DecisionTableColumn, row: DecisionTableRow): string {
  const cell = row.cells[column.id];
  return cell ? describeComparison(column.fact, cell.operator, cell.value) : 'any';
}

function rowWords(columns: readonly DecisionTableColumn[], row: DecisionTableRow): string {
  const cells = columns.flatMap((c) => {
    const cell = row.cells[c.id];
    return cell ? [describeFactTest({ fact: c.fact, ...(c.path === undefined ? {} : { path: c.path }), ...cell })] : [];
  });
  return `“${rowName(row)}” if ${cells.join(' and ') || 'anything'}`;
}

/** `prefix_n` for the first free n: generated ids stay unique, and never `default`. */
function nextId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/** Every row's cell in `columnId` replaced by `update` (removed when it returns undefined). */
function mapColumnCells(
  rows: readonly DecisionTableRow[],
  columnId: string,
  update: (cell: DecisionTableCell) => DecisionTableCell | undefined,
): DecisionTableRow[] {
  return rows.map((row) => {
    const cell = row.cells[columnId];
    if (!cell) return row;
    const { [columnId]: _old, ...rest } = row.cells;
    const next = update(cell);
    return { ...row, cells: next ? { ...rest, [columnId]: next } : rest };
  });
}

function TableBody({ node }: { node: DecisionTableNode }) {
  const { columns, rows } = node.data;
  if (rows.length === 0) return <p className="bn-node-words">No rows yet: every conversation takes default.</p>;
  const shownColumns = columns.slice(0, SHOWN_COLUMNS);
  const hiddenColumns = columns.length - shownColumns.length;
  return (
    <>
      <table className="bn-node-table">
        <thead>
          <tr>
            <th scope="col">Row</th>
            {shownColumns.map((c) => (
              <th scope="col" key={c.id}>
                {columnName(c)}
              </th>
            ))}
            {hiddenColumns > 0 ? <th scope="col">+{hiddenColumns}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_ROWS).map((row) => (
            <tr key={row.id}>
              <th scope="row">{rowName(row)}</th>
              {shownColumns.map((c) => (
                <td key={c.id} className={row.cells[c.id] ? undefined : 'bn-any'}>
                  {/* A narrow cell may wrap the value, never split it from its operator. */}
                  {cellWords(c, row).replace(' ', '\u00a0')}
                </td>
              ))}
              {hiddenColumns > 0 ? <td>…</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN_ROWS ? <p className="bn-more">+{rows.length - SHOWN_ROWS} more</p> : null}
    </>
  );
}

function DecisionTableNodeView({ data, selected }: NodeProps<FlowNodeOf<'decisionTable'>>) {
  return <NodeFrame spec={decisionTableSpec} node={data.node} selected={selected} wide body={<TableBody node={data.node} />} />;
}

interface GridProps {
  data: TableData;
  topics: readonly string[];
  /** Commits the table's data; edits with the same `field` coalesce into one undo step. */
  set: (data: TableData, field: string) => void;
}

function ColumnRow({ data, topics, set, index }: GridProps & { index: number }) {
  const column = data.columns[index] as DecisionTableColumn;
  const n = index + 1;
  const spec = factSpecOf(column.fact);
  const choices = useFactChoices();
  const factId = useId();
  const replace = (next: DecisionTableColumn, field: string) =>
    set({ ...data, columns: data.columns.map((c, i) => (i === index ? next : c)) }, `column-${column.id}-${field}`);
  const pickFact = (fact: string) => {
    const nextSpec = factSpecOf(fact);
    if (!nextSpec) return;
    // Cells written for the old fact rarely fit the new one: each restarts at the first operator its type allows.
    const operator = OPERATORS_BY_FACT_TYPE[nextSpec.type][0] as Operator;
    const next: DecisionTableColumn = { id: column.id, fact };
    if (column.label) next.label = column.label;
    if (nextSpec.type === 'object') next.path = column.path ?? '$.';
    const rows = mapColumnCells(data.rows, column.id, () => ({ operator, value: defaultValueFor(nextSpec, operator, topics) }));
    set({ columns: data.columns.map((c, i) => (i === index ? next : c)), rows }, `column-${column.id}-fact`);
  };
  return (
    <tr>
      <td>
        <label htmlFor={factId} className="bn-visually-hidden">
          Fact of column {n}
        </label>
        <select
          id={factId}
          value={column.fact}
          title={spec ? `${column.fact} (${spec.type}): ${spec.description}` : undefined}
          onChange={(e) => pickFact(e.target.value)}
        >
          {spec ? null : <option value={column.fact}>{column.fact} (unknown)</option>}
          {choices.map((c) => (
            <option key={c.name} value={c.name} title={`${c.name} (${c.spec.type}): ${c.spec.description}`}>
              {c.phrase}
            </option>
          ))}
        </select>
        {spec?.type === 'object' ? (
          <TextField
            compact
            label={`Path of column ${n}`}
            placeholder="$.plan"
            value={column.path ?? ''}
            validate={jsonPathProblem}
            onCommit={(path) => replace({ ...column, path }, 'path')}
          />
        ) : null}
      </td>
      <td>
        <TextField
          compact
          label={`Name of column ${n}`}
          placeholder={factPhrase(column.fact, column.path)}
          value={column.label ?? ''}
          onCommit={(label) => {
            const { label: _old, ...rest } = column;
            replace(label.trim() === '' ? rest : { ...rest, label }, 'label');
          }}
        />
      </td>
      <td className="bn-grid-tools">
        <button
          type="button"
          aria-label={`Remove column ${n}`}
          title="Remove the column and its cells"
          disabled={data.columns.length === 1}
          onClick={() => set({ columns: data.columns.filter((_, i) => i !== index), rows: mapColumnCells(data.rows, column.id, () => undefined) }, 'columns')}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}

function CellEditor({
  column,
  cell,
  where,
  topics,
  onChange,
}: {
  column: DecisionTableColumn;
  cell: DecisionTableCell | undefined;
  where: string;
  topics: readonly string[];
  onChange: (cell: DecisionTableCell | undefined) => void;
}) {
  const id = useId();
  const spec = factSpecOf(column.fact);
  const operators: readonly Operator[] = spec ? OPERATORS_BY_FACT_TYPE[spec.type] : cell ? [cell.operator] : [];
  const pick = (choice: string) => {
    if (choice === '') return onChange(undefined);
    const operator = choice as Operator;
    const listChange = cell !== undefined && (operator === 'in' || operator === 'notIn') !== Array.isArray(cell.value);
    onChange({ operator, value: cell && !listChange ? cell.value : defaultValueFor(spec, operator, topics) });
  };
  return (
    <div className={cell ? 'bn-cell' : 'bn-cell bn-any'}>
      <label htmlFor={id} className="bn-visually-hidden">
        {where}: operator
      </label>
      <select id={id} value={cell?.operator ?? ''} onChange={(e) => pick(e.target.value)}>
        <option value="">any</option>
        {operators.map((op) => (
          <option key={op} value={op}>
            {OPERATOR_SYMBOLS[op]}
          </option>
        ))}
      </select>
      {cell ? (
        <ValueEditor
          compact
          label={`${where}: value`}
          spec={spec}
          fact={column.fact}
          operator={cell.operator}
          value={cell.value}
          topics={topics}
          onCommit={(value) => onChange({ ...cell, value })}
        />
      ) : null}
    </div>
  );
}

function RowEditor({ data, topics, set, index }: GridProps & { index: number }) {
  const row = data.rows[index] as DecisionTableRow;
  const n = index + 1;
  const replace = (next: DecisionTableRow, field: string) =>
    set({ ...data, rows: data.rows.map((r, i) => (i === index ? next : r)) }, `row-${row.id}-${field}`);
  const move = (to: number) => {
    const rows = [...data.rows];
    rows.splice(index, 1);
    rows.splice(to, 0, row);
    set({ ...data, rows }, 'rows');
  };
  return (
    <tr>
      <th scope="row">
        <TextField
          compact
          label={`Name of row ${n}`}
          placeholder={row.id}
          value={row.label ?? ''}
          onCommit={(label) => {
            const { label: _old, ...rest } = row;
            replace(label.trim() === '' ? rest : { ...rest, label }, 'label');
          }}
        />
        <div className="bn-grid-tools">
          <span className="bn-node-id" title="Output id">
            {row.id}
          </span>
          <button type="button" aria-label={`Move row ${n} up`} title="Move up" disabled={index === 0} onClick={() => move(index - 1)}>
            ↑
          </button>
          <button type="button" aria-label={`Move row ${n} down`} title="Move down" disabled={index === data.rows.length - 1} onClick={() => move(index + 1)}>
            ↓
          </button>
          <button
            type="button"
            aria-label={`Remove row ${n}`}
            title="Remove (its connection goes too)"
            onClick={() => set({ ...data, rows: data.rows.filter((_, i) => i !== index) }, 'rows')}
          >
            ✕
          </button>
        </div>
      </th>
      {data.columns.map((column) => (
        <td key={column.id}>
          <CellEditor
            column={column}
            cell={row.cells[column.id]}
            where={`Row ${n}, ${columnName(column)}`}
            topics={topics}
            onChange={(cell) => {
              const { [column.id]: _old, ...rest } = row.cells;
              replace({ ...row, cells: cell ? { ...rest, [column.id]: cell } : rest }, `cell-${column.id}`);
            }}
          />
        </td>
      ))}
    </tr>
  );
}

function DecisionTableForm({ node, context, onChange }: NodeFormProps<DecisionTableNode>) {
  const choices = useFactChoices();
  const grid: GridProps = { data: node.data, topics: context.topics, set: (data, field) => onChange({ ...node, data }, field) };
  const { columns, rows } = node.data;
  const addColumn = () => {
    const used = new Set(columns.map((c) => c.fact));
    const choice = choices.find((c) => !used.has(c.name)) ?? choices[0];
    if (!choice) return;
    const column: DecisionTableColumn = {
      id: nextId(
        'col',
        columns.map((c) => c.id),
      ),
      fact: choice.name,
    };
    if (choice.spec.type === 'object') column.path = '$.';
    grid.set({ ...node.data, columns: [...columns, column] }, 'columns');
  };
  const addRow = () => {
    const id = nextId(
      'row',
      rows.map((r) => r.id),
    );
    grid.set({ ...node.data, rows: [...rows, { id, label: `Row ${rows.length + 1}`, cells: {} }] }, 'rows');
  };
  return (
    <>
      <LabelField node={node} onChange={onChange} />
      <fieldset>
        <legend>Columns: the facts rows test</legend>
        <table className="bn-grid bn-grid-columns">
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Heading (optional)</th>
              <th scope="col">
                <span className="bn-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column, i) => (
              <ColumnRow key={column.id} {...grid} index={i} />
            ))}
          </tbody>
        </table>
        <button type="button" onClick={addColumn} disabled={columns.length >= MAX_COLUMNS}>
          Add a column
        </button>
      </fieldset>
      <fieldset>
        <legend>Rows</legend>
        <p className="bn-hint">
          The first row (top to bottom) whose cells all hold wins and picks its output; order matters. An empty cell (any) matches everything. When no row
          matches, the default output is taken.
        </p>
        {rows.length > 0 ? (
          <div className="bn-grid-wrap">
            <table className="bn-grid" aria-label="Rows, first match wins">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  {columns.map((c) => (
                    <th scope="col" key={c.id}>
                      {columnName(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <RowEditor key={row.id} {...grid} index={i} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <button type="button" onClick={addRow} disabled={rows.length >= MAX_ROWS}>
          Add a row
        </button>
      </fieldset>
    </>
  );
}

/** A small realistic table to start from: upset VIPs first, then the other VIPs. */
const NEW_TABLE: TableData = {
  columns: [
    { id: 'col_1', fact: 'customerTier' },
    { id: 'col_2', fact: 'negativeTurns' },
  ],
  rows: [
    { id: 'row_1', label: 'VIP and upset', cells: { col_1: { operator: 'equal', value: 'vip' }, col_2: { operator: 'greaterThanInclusive', value: 2 } } },
    { id: 'row_2', label: 'VIP', cells: { col_1: { operator: 'equal', value: 'vip' } } },
  ],
};

export const decisionTableSpec: EditorNodeSpec<'decisionTable'> = {
  kind: 'decisionTable',
  title: 'Decision table',
  hint: 'Rows of conditions over several facts; the first matching row wins',
  colour: '#0f766e',
  fill: '#ffffff',
  targets: ['escalation'],
  input: true,
  create: (id, position) => ({ id, kind: 'decisionTable', label: 'New decision table', position, data: NEW_TABLE }),
  describe: (node) => `First match: ${[...node.data.rows.map((row) => rowWords(node.data.columns, row)), 'otherwise default'].join('; ')}`,
  outputs: (node) => [...node.data.rows.map((row) => ({ handle: row.id, label: rowName(row) })), { handle: 'default' }],
  queues: () => [],
  Renderer: memo(DecisionTableNodeView),
  Form: DecisionTableForm,
};
