/**
 * Test-only reference semantics: walks a policy graph directly, evaluating each test with the
 * meaning of json-rules-engine's built-in operators. The property test checks that compiled
 * rules always agree with it. Not exported from the package.
 */
import { isLeaf, type DecisionTableNode, type DecisionTableRow, type PolicyGraph } from '@baton/schemas';
import { DEFAULT_HANDLE, NEXT_HANDLE, indexGraph, targetOf, type GraphNode } from '../graph/graph-index';
import { enumeratePaths } from '../graph/enumerate-paths';
import { evaluateTest, testFact } from './operator-semantics';

/** Every cell of the row holds (a column without a cell matches anything). */
function rowHolds(table: DecisionTableNode, row: DecisionTableRow, facts: Readonly<Record<string, unknown>>): boolean {
  return table.data.columns.every((column) => {
    const cell = row.cells[column.id];
    return !cell || testFact({ fact: column.fact, path: column.path, operator: cell.operator, value: cell.value }, facts);
  });
}

/** The output a branching node of either graph takes on `facts`. @throws for a leaf (a route too), which has none */
export function outputTaken(node: GraphNode, facts: Readonly<Record<string, unknown>>): string {
  switch (node.kind) {
    case 'start':
      return NEXT_HANDLE;
    case 'condition':
      return evaluateTest(node.data.test, facts) ? 'true' : 'false';
    case 'switch': {
      const { fact, path, cases } = node.data;
      const match = cases.find((c) => testFact({ fact, path, operator: c.operator, value: c.value }, facts));
      return match ? match.id : DEFAULT_HANDLE;
    }
    case 'decisionTable':
      return node.data.rows.find((row) => rowHolds(node, row, facts))?.id ?? DEFAULT_HANDLE;
    default:
      throw new Error(`Leaf "${node.id}" has no output.`);
  }
}

/** The leaf reached and the node ids visited, walking from start. Assumes a valid graph. */
export function interpretGraph(graph: PolicyGraph, facts: Record<string, unknown>): { leafId: string; nodeIds: string[] } {
  const index = indexGraph(graph);
  let node = index.starts[0];
  const nodeIds: string[] = [];
  while (node) {
    nodeIds.push(node.id);
    if (isLeaf(node)) return { leafId: node.id, nodeIds };
    node = targetOf(index, node.id, outputTaken(node, facts));
  }
  throw new Error('Walk ended before a leaf: the graph is not valid.');
}

/**
 * Paths (node ids joined by `>`) to handoff or callback leaves whose positive steps all hold —
 * `true` edges whose test holds, switch cases and table rows whose own test holds — in drawing order.
 */
export function interpretTriggers(graph: PolicyGraph, facts: Record<string, unknown>): string[] {
  const index = indexGraph(graph);
  const start = index.starts[0];
  if (!start) return [];
  return enumeratePaths(index, start)
    .paths.filter((path) => {
      if (index.nodes.get(path.leafId)?.kind === 'stay') return false;
      const held = path.steps.flatMap(({ nodeId, handle }) => {
        const node = index.nodes.get(nodeId);
        if (!node || handle === 'false' || handle === DEFAULT_HANDLE) return [];
        if (node.kind === 'condition') return [evaluateTest(node.data.test, facts)];
        if (node.kind === 'decisionTable') {
          const row = node.data.rows.find((r) => r.id === handle);
          return [row !== undefined && rowHolds(node, row, facts)];
        }
        if (node.kind !== 'switch') return [];
        const c = node.data.cases.find((x) => x.id === handle);
        return [c !== undefined && testFact({ fact: node.data.fact, path: node.data.path, operator: c.operator, value: c.value }, facts)];
      });
      return held.length > 0 && held.every(Boolean);
    })
    .map((path) => path.nodeIds.join('>'));
}
