/**
 * Auto-layout with dagre for messy graphs: left to right in drawing order, so a chain of
 * conditions reads top to bottom with each branch's leaf to its right.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { CanvasGraph } from './canvas-graph';

/** Size dagre reserves per node (px); nodes render at most this large. */
export const LAYOUT_NODE_SIZE = { width: 260, height: 96 };

/** The graph with every node moved to a dagre position (top-left corner, whole pixels). */
export function autoLayout(graph: CanvasGraph): CanvasGraph {
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { ...LAYOUT_NODE_SIZE });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  layout(g);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const placed = g.node(node.id);
      return { ...node, position: { x: Math.round(placed.x - LAYOUT_NODE_SIZE.width / 2), y: Math.round(placed.y - LAYOUT_NODE_SIZE.height / 2) } };
    }),
  };
}
