/**
 * A decision table (GoRules' most used node, first-hit policy): columns name facts, each row
 * holds cells (`operator value`) on some of them, and the first row whose cells all hold picks
 * its output; `default` when none does. A column a row leaves empty matches anything. Compiled
 * like a switch whose cases test several facts: one shared condition per row, a path through
 * row k requires rows 1..k-1 to fail.
 *
 * Checks beyond the facts and values of each cell: a row no conversation can reach (an
 * impossible cell, or an earlier row that matches everything it matches) and two rows that
 * partly overlap (the earlier one takes the overlap, which ops may not have meant). A row that
 * an earlier, narrower row carves an exception out of is the table working as intended.
 */
import {
  DecisionTableNodeSchema,
  type DecisionTableCell,
  type DecisionTableColumn,
  type DecisionTableNode,
  type DecisionTableRow,
  type FactTest,
} from '@baton/schemas';
import { firstMatchStep, rowName } from '../compiler/engine-conditions';
import { comparison } from '../graph/describe-test';
import { DEFAULT_HANDLE } from '../graph/graph-index';
import { DiagnosticCode, error, warning, type Diagnostic } from '../validate/diagnostic';
import { NEGATED, satisfiable } from '../validate/satisfiable';
import { checkFactTest } from './check-fact-test';
import type { Branch, NodeSpec } from './node-spec';

/** Rows listed in a node description before "and N more". */
const DESCRIBED_ROWS = 3;

const rowTitle = (row: DecisionTableRow): string => `"${row.label ?? row.id}"`;
/** The table as ops see it on the canvas: its label when it has one. */
const tableName = (node: DecisionTableNode): string => `"${node.label ?? node.id}"`;

/** The row's cells as fact tests, in column order; cells naming no column are left out (an error of their own). */
function cellTests(columns: readonly DecisionTableColumn[], row: DecisionTableRow): FactTest[] {
  return columns.flatMap((column) => {
    const cell = row.cells[column.id];
    return cell ? [{ fact: column.fact, ...(column.path === undefined ? {} : { path: column.path }), operator: cell.operator, value: cell.value }] : [];
  });
}

function describeRow(columns: readonly DecisionTableColumn[], row: DecisionTableRow): string {
  const cells = cellTests(columns, row).map((t) => comparison(t.fact, t.path, t.operator, t.value));
  return `${rowTitle(row)} if ${cells.join(' and ') || 'anything'}`;
}

const holds = (fact: string, ...cells: DecisionTableCell[]): boolean => satisfiable(fact, cells);
const negated = (cell: DecisionTableCell): DecisionTableCell => ({ operator: NEGATED[cell.operator], value: cell.value });

/** Whether every conversation `inner` matches is matched by `outer` as well. */
function covers(columns: readonly DecisionTableColumn[], outer: DecisionTableRow, inner: DecisionTableRow): boolean {
  return columns.every((column) => {
    const o = outer.cells[column.id];
    if (!o) return true;
    const i = inner.cells[column.id];
    return i !== undefined && !holds(column.fact, i, negated(o));
  });
}

/** Whether some conversation matches both rows. */
function overlap(columns: readonly DecisionTableColumn[], a: DecisionTableRow, b: DecisionTableRow): boolean {
  return columns.every((column) => {
    const x = a.cells[column.id];
    const y = b.cells[column.id];
    return !x || !y || holds(column.fact, x, y);
  });
}

function checkCells(node: DecisionTableNode, flavour: 'policy' | 'routing'): Diagnostic[] {
  const { columns, rows } = node.data;
  const problems: Diagnostic[] = [];
  const ids = columns.map((c) => c.id);
  ids
    .filter((id, i) => ids.indexOf(id) !== i)
    .forEach((id) =>
      problems.push(
        error(DiagnosticCode.DuplicateId, `Decision table ${tableName(node)} has two columns named "${id}"; give each its own id.`, { nodeId: node.id }),
      ),
    );
  for (const row of rows) {
    for (const columnId of Object.keys(row.cells).filter((id) => !ids.includes(id))) {
      problems.push(
        error(
          DiagnosticCode.InvalidShape,
          `Row ${rowTitle(row)} of decision table ${tableName(node)} has a cell in column "${columnId}", which the table does not have; add the column or clear the cell.`,
          { nodeId: node.id },
        ),
      );
    }
    for (const column of columns) {
      const cell = row.cells[column.id];
      if (cell)
        problems.push(
          ...checkFactTest(
            { fact: column.fact, path: column.path, operator: cell.operator, value: cell.value },
            node.id,
            `Row ${rowTitle(row)}, column "${column.label ?? column.id}"`,
            flavour,
          ),
        );
    }
  }
  return problems;
}

function checkRows(node: DecisionTableNode): Diagnostic[] {
  const { columns, rows } = node.data;
  const problems: Diagnostic[] = [];
  rows.forEach((row, i) => {
    const where = `Row ${rowTitle(row)} of decision table ${tableName(node)}`;
    const impossible = columns.find((column) => row.cells[column.id] && !holds(column.fact, row.cells[column.id] as DecisionTableCell));
    if (impossible) {
      const cell = row.cells[impossible.id] as DecisionTableCell;
      const words = comparison(impossible.fact, impossible.path, cell.operator, cell.value);
      problems.push(
        warning(DiagnosticCode.UnreachableRow, `${where} can never match: ${words} cannot hold. Fix the cell or delete the row.`, { nodeId: node.id }),
      );
      return;
    }
    const earlier = rows.slice(0, i);
    const shadow = earlier.find((e) => covers(columns, e, row));
    if (shadow) {
      problems.push(
        warning(
          DiagnosticCode.UnreachableRow,
          `${where} can never match: row ${rowTitle(shadow)} comes first and matches everything it does. Move it above ${rowTitle(shadow)} or delete it.`,
          { nodeId: node.id },
        ),
      );
      return;
    }
    const partial = earlier.find((e) => overlap(columns, e, row) && !covers(columns, row, e));
    if (partial) {
      problems.push(
        warning(
          DiagnosticCode.OverlappingRows,
          `Rows ${rowTitle(partial)} and ${rowTitle(row)} of decision table ${tableName(node)} both match some conversations (${describeRow(columns, partial)}; ${describeRow(columns, row)}); ${rowTitle(partial)} comes first and takes them. Narrow one of them if that is not what you mean.`,
          { nodeId: node.id },
        ),
      );
    }
  });
  return problems;
}

/** Each row's cells must all hold. */
const rowBranches = (node: DecisionTableNode): Branch[] =>
  node.data.rows.map((row) => ({ handle: row.id, test: { all: cellTests(node.data.columns, row) }, condition: rowName(node.id, row.id) }));

export const decisionTableSpec: NodeSpec<'decisionTable'> = {
  kind: 'decisionTable',
  schema: DecisionTableNodeSchema,
  title: 'Decision table',
  describe: (node) => {
    const { columns, rows } = node.data;
    const shown = rows.slice(0, DESCRIBED_ROWS).map((row) => describeRow(columns, row));
    const more = rows.length > DESCRIBED_ROWS ? `, and ${rows.length - DESCRIBED_ROWS} more rows` : '';
    return `${shown.join('; ') || 'No rows'}${more}; otherwise default`;
  },
  outputs: (node) => [...node.data.rows.map((r) => r.id), DEFAULT_HANDLE],
  check: (node, context) => {
    const cells = checkCells(node, context.flavour);
    // Reachability reasons over well-formed cells only.
    return cells.length > 0 ? cells : checkRows(node);
  },
  branching: {
    branches: rowBranches,
    otherwise: DEFAULT_HANDLE,
    outputsFromData: true,
    step: (node, handle) => firstMatchStep(rowBranches(node), handle),
  },
};
