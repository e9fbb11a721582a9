/**
 * Auto-layout with dagre for messy graphs: left to right, the nodes an output leads to stacked
 * in the order of the outputs (true above false, a table's rows top to bottom, default last),
 * so edges leave each node without crossing.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { outputHandles } from '../nodes/registry';
import type { CanvasGraph } from './canvas-graph';
import type { FlowNode } from './flow-types';

type Size = { width: number; height: number };

/** The rendered size of each flow node React Flow has measured, by node id. */
export function measuredSizes(nodes: readonly FlowNode[]): Map<string, Size> {
  return new Map(
    nodes.flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])),
  );
}

/** Dagre ordering constraints: of two nodes one node's outputs lead to, the earlier output's goes first (above). */
function siblingOrder(graph: CanvasGraph): { left: string; right: string }[] {
  return graph.nodes.flatMap((node) => {
    const targets = outputHandles(node).flatMap((handle) =>
      graph.edges.filter((e) => e.source === node.id && (e.sourceHandle ?? null) === handle).map((e) => e.target),
    );
    const distinct = [...new Set(targets)];
    return distinct.slice(1).map((right, i) => ({ left: distinct[i] as string, right }));
  });
}

/** Size dagre reserves for a node not measured yet (px): most nodes render at most this large. */
const UNMEASURED: Size = { width: 260, height: 96 };

/**
 * The graph with every node moved to a dagre position (top-left corner, whole pixels). `sizes`
 * are the rendered sizes by node id, so tall or wide nodes (a decision table) get their room.
 */
export function autoLayout(graph: CanvasGraph, sizes: ReadonlyMap<string, Size> = new Map()): CanvasGraph {
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizeOf = (id: string): Size => sizes.get(id) ?? UNMEASURED;
  for (const node of graph.nodes) g.setNode(node.id, { ...sizeOf(node.id) });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  layout(g, { constraints: siblingOrder(graph) });
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const placed = g.node(node.id);
      const { width, height } = sizeOf(node.id);
      return { ...node, position: { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) } };
    }),
  };
}
