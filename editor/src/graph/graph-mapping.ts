/**
 * The one mapping between Baton's policy graph JSON and React Flow's nodes and edges.
 * Policy → flow keeps what React Flow owns (selection, measured size) from the previous flow
 * nodes, so re-deriving the canvas after an edit never re-measures or deselects; flow → policy
 * keeps only what is saved (UI state never reaches the draft). Screen readers hear nodes and
 * edges by their titles ("From “Crisis words?” (true) to “Crisis line”"), never by their ids.
 */
import type { PolicyEdge } from '@baton/schemas';
import { nodeSpecOf, outputLabel } from '../nodes/registry';
import type { CanvasGraph, CanvasNode } from './canvas-graph';
import type { FlowEdge, FlowNode } from './flow-types';

const ORIGIN = { x: 0, y: 0 };

/** What a node is called on screen and to screen readers: its title, or "Untitled <kind>" when it has none. */
export const titleOf = (node: CanvasNode | undefined): string =>
  node ? (node.label ?? '').trim() || `Untitled ${nodeSpecOf(node.kind).title.toLowerCase()}` : 'a missing node';

/** A node's accessible name: its kind and title, e.g. "Condition: Crisis words?". */
export function nodeAriaLabel(node: CanvasNode): string {
  return `${nodeSpecOf(node.kind).title}: ${titleOf(node)}`;
}

/** An edge's accessible name from its ends' titles and its output's words, e.g. "From “Crisis words?” (true) to “Crisis line”". */
export function edgeAriaLabel(source: CanvasNode | undefined, label: string | undefined, target: CanvasNode | undefined): string {
  return `From “${titleOf(source)}”${label === undefined ? '' : ` (${label})`} to “${titleOf(target)}”`;
}

/**
 * Flow nodes for `graph`. A node whose policy node is unchanged keeps its previous flow node
 * object (React Flow skips it); a changed one keeps its selection and measured size.
 */
export function toFlowNodes(graph: CanvasGraph, previous: readonly FlowNode[] = []): FlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return graph.nodes.map((node) => {
    const old = before.get(node.id);
    if (old && old.data.node === node) return old;
    const flow: FlowNode = { id: node.id, type: node.kind, position: node.position ?? ORIGIN, data: { node }, ariaLabel: nodeAriaLabel(node) };
    if (old?.selected) flow.selected = true;
    if (old?.measured) flow.measured = old.measured;
    return flow;
  });
}

/** Flow edges for `graph`, labelled with their output's words; selection is kept from `previous`. */
export function toFlowEdges(graph: CanvasGraph, previous: readonly FlowEdge[] = []): FlowEdge[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const selected = new Set(previous.filter((e) => e.selected).map((e) => e.id));
  return graph.edges.map((edge) => {
    const label = outputLabel(nodes.get(edge.source), edge.sourceHandle);
    const flow: FlowEdge = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? null,
      data: { label },
      ariaLabel: edgeAriaLabel(nodes.get(edge.source), label, nodes.get(edge.target)),
    };
    if (label !== undefined) flow.label = label;
    if (selected.has(edge.id)) flow.selected = true;
    return flow;
  });
}

/** The policy graph the canvas shows: each node with its current position, edges without UI fields. */
export function toPolicyGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): CanvasGraph {
  return {
    nodes: nodes.map((n) => ({ ...n.data.node, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }) as CanvasNode),
    edges: edges.map((e): PolicyEdge => {
      const edge: PolicyEdge = { id: e.id, source: e.source, target: e.target };
      if (e.sourceHandle) edge.sourceHandle = e.sourceHandle;
      return edge;
    }),
  };
}
