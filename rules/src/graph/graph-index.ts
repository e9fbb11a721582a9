/**
 * Lookup tables over a policy graph or a routing graph that validation, compilation, the
 * interpreter, routing and the trace share: nodes by id, outgoing edges by node and output
 * handle, drawing order.
 */
import type { PolicyEdge, PolicyNode, RouteNode } from '@baton/schemas';

/** Any node of an escalation tree (policy graph) or a routing graph. */
export type GraphNode = PolicyNode | RouteNode;
/** Kind of any graph node. */
export type GraphNodeKind = GraphNode['kind'];
/** The nodes and edges of either kind of graph. */
export interface AnyGraph<N extends GraphNode = GraphNode> {
  nodes: readonly N[];
  edges: readonly PolicyEdge[];
}

/** The handle a start node's single output uses when the editor leaves `sourceHandle` empty. */
export const NEXT_HANDLE = 'next';
/** The switch output taken when no case matches. */
export const DEFAULT_HANDLE = 'default';

export interface GraphIndex<N extends GraphNode = PolicyNode> {
  nodes: Map<string, N>;
  /** Outgoing edges per source node id, in the order they appear in the document. */
  outgoing: Map<string, PolicyEdge[]>;
  /** Incoming edge count per node id. */
  incoming: Map<string, number>;
  starts: N[];
}

/** Normalised output handle of an edge (`next` when the editor left it empty). */
export function handleOf(edge: PolicyEdge): string {
  return edge.sourceHandle ?? NEXT_HANDLE;
}

export function indexGraph<N extends GraphNode = PolicyNode>(graph: AnyGraph<N>): GraphIndex<N> {
  const nodes = new Map<string, N>();
  const outgoing = new Map<string, PolicyEdge[]>();
  const incoming = new Map<string, number>();
  for (const node of graph.nodes) {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  }
  for (const edge of graph.edges) {
    const list = outgoing.get(edge.source) ?? [];
    list.push(edge);
    outgoing.set(edge.source, list);
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  }
  return { nodes, outgoing, incoming, starts: graph.nodes.filter((n) => n.kind === 'start') };
}

/** The node an output handle of `nodeId` leads to, if exactly one edge leaves from it. */
export function targetOf<N extends GraphNode>(index: GraphIndex<N>, nodeId: string, handle: string): N | undefined {
  const edges = (index.outgoing.get(nodeId) ?? []).filter((e) => handleOf(e) === handle);
  return edges.length === 1 && edges[0] ? index.nodes.get(edges[0].target) : undefined;
}
