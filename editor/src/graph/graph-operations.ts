/**
 * Pure edits of a policy graph, as the canvas and inspector make them. Each returns a new
 * graph (or the same one when nothing changed), never mutating its input.
 */
import type { PolicyEdge } from '@baton/schemas';
import type { CanvasGraph, CanvasNode, CanvasNodeKind } from './canvas-graph';
import { acceptsInput, newNode, outputHandles } from '../nodes/registry';

type Position = { x: number; y: number };

/** `prefix_1`, `prefix_2`, ... : the first id not yet used in `taken`. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const id = `${prefix}_${i}`;
    if (!taken.has(id)) return id;
  }
}

const nodeIds = (graph: CanvasGraph) => new Set(graph.nodes.map((n) => n.id));

/** Adds a new node of `kind` at `position`; returns the graph and the new node's id. */
export function addNode(graph: CanvasGraph, kind: CanvasNodeKind, position: Position): { graph: CanvasGraph; id: string } {
  const id = freshId(kind, nodeIds(graph));
  return { graph: { ...graph, nodes: [...graph.nodes, newNode(kind, id, position)] }, id };
}

/** Drops edges whose source output no longer exists (a removed switch case or table row) or whose ends are gone. */
export function pruneEdges(graph: CanvasGraph): CanvasGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => {
    const source = byId.get(e.source);
    if (!source || !byId.has(e.target)) return false;
    return outputHandles(source).includes(e.sourceHandle ?? null);
  });
  return edges.length === graph.edges.length ? graph : { ...graph, edges };
}

/** Replaces node `id` with `update(node)` (same id), then drops edges from outputs that no longer exist. */
export function updateNode(graph: CanvasGraph, id: string, update: (node: CanvasNode) => CanvasNode): CanvasGraph {
  let changed = false;
  const nodes = graph.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = update(n);
    changed = next !== n;
    return next;
  });
  return changed ? pruneEdges({ ...graph, nodes }) : graph;
}

/** Moves nodes to new positions (rounded to whole pixels). */
export function moveNodes(graph: CanvasGraph, positions: ReadonlyMap<string, Position>): CanvasGraph {
  if (positions.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
    }),
  };
}

/** Removes nodes (with their edges) and edges. */
export function removeElements(graph: CanvasGraph, nodeIdsToRemove: ReadonlySet<string>, edgeIds: ReadonlySet<string>): CanvasGraph {
  if (nodeIdsToRemove.size === 0 && edgeIds.size === 0) return graph;
  return {
    nodes: graph.nodes.filter((n) => !nodeIdsToRemove.has(n.id)),
    edges: graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIdsToRemove.has(e.source) && !nodeIdsToRemove.has(e.target)),
  };
}

/**
 * Joins an output to a node. One output leads to one node, so an existing edge from the same
 * output is replaced. Refused (graph unchanged): self-loops, unknown nodes or outputs, a target
 * without an input (start).
 */
export function connect(graph: CanvasGraph, link: { source: string; sourceHandle: string | null; target: string }): CanvasGraph {
  const source = graph.nodes.find((n) => n.id === link.source);
  const target = graph.nodes.find((n) => n.id === link.target);
  if (!source || !target || source.id === target.id || !acceptsInput(target)) return graph;
  if (!outputHandles(source).includes(link.sourceHandle)) return graph;
  const kept = graph.edges.filter((e) => !(e.source === link.source && (e.sourceHandle ?? null) === link.sourceHandle));
  const id = freshId(`e_${link.source}_${link.sourceHandle ?? 'next'}`, new Set(kept.map((e) => e.id)));
  const edge: PolicyEdge = { id, source: link.source, target: link.target };
  if (link.sourceHandle !== null) edge.sourceHandle = link.sourceHandle;
  return { ...graph, edges: [...kept, edge] };
}

/**
 * The inspector's choice for one output, the keyboard's way to connect: `target` joins the
 * output exactly as dragging it on the canvas does ({@link connect}: same edge id and shape,
 * replacing the output's edge); null removes the output's edge. Refused choices leave the
 * graph unchanged (the same object).
 */
export function linkOutput(graph: CanvasGraph, source: string, sourceHandle: string | null, target: string | null): CanvasGraph {
  if (target !== null) return connect(graph, { source, sourceHandle, target });
  const edge = graph.edges.find((e) => e.source === source && (e.sourceHandle ?? null) === sourceHandle);
  return edge ? removeElements(graph, new Set(), new Set([edge.id])) : graph;
}

/** Copied nodes and the edges between them. */
export interface Clipboard {
  nodes: CanvasNode[];
  edges: PolicyEdge[];
}

/** Copies the given nodes and the edges that join two of them. */
export function copyElements(graph: CanvasGraph, ids: ReadonlySet<string>): Clipboard {
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** Pastes a clipboard with fresh ids, offset by `offset`; returns the graph and the new node ids. */
export function pasteElements(graph: CanvasGraph, clipboard: Clipboard, offset: Position): { graph: CanvasGraph; ids: string[] } {
  const taken = new Set(nodeIds(graph));
  const renamed = new Map<string, string>();
  const nodes = clipboard.nodes.map((n) => {
    const id = freshId(n.kind, taken);
    taken.add(id);
    renamed.set(n.id, id);
    const p = n.position ?? { x: 0, y: 0 };
    return { ...n, id, position: { x: p.x + offset.x, y: p.y + offset.y } } as CanvasNode;
  });
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const edges = clipboard.edges.map((e) => {
    const source = renamed.get(e.source) as string;
    const id = freshId(`e_${source}_${e.sourceHandle ?? 'next'}`, edgeIds);
    edgeIds.add(id);
    return { ...e, id, source, target: renamed.get(e.target) as string };
  });
  return { graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}
