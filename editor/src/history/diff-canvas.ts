/**
 * The canvas of a diff: the `to` side's graph with the nodes the server's `policyDiff` reports
 * removed put back as ghosts (from the `from` side), and a mark per node (added, removed,
 * changed). Marks come from the server's diff only; the editor never compares graphs itself.
 */
import type { PolicyEdge } from '@baton/schemas';
import type { FieldChange, GraphDiff } from '../api/types';
import type { DiffMark } from '../canvas/canvas-overlay';
import type { CanvasGraph, CanvasNode } from '../graph/canvas-graph';

export interface DiffCanvas {
  graph: CanvasGraph;
  marks: Map<string, DiffMark>;
  /** Changed fields per changed node id (before → after). */
  changes: Map<string, FieldChange[]>;
  /** Ids of edges present only on the `from` side (drawn as removed). */
  removedEdgeIds: Set<string>;
  addedEdgeIds: Set<string>;
  /** Ids (on the `to` side) of edges rewired to another node: a changed edge reorders or redirects rules. */
  changedEdgeIds: Set<string>;
}

/** `graph` (the `to` side) with `diff` laid over it. */
export function diffCanvas(graph: CanvasGraph, diff: GraphDiff): DiffCanvas {
  const marks = new Map<string, DiffMark>();
  const changes = new Map<string, FieldChange[]>();
  for (const n of diff.nodesAdded) marks.set(n.id, 'added');
  for (const n of diff.nodesChanged) {
    marks.set(n.id, 'changed');
    changes.set(n.id, n.fields);
  }
  const present = new Set(graph.nodes.map((n) => n.id));
  const ghosts: CanvasNode[] = [];
  for (const n of diff.nodesRemoved) {
    marks.set(n.id, 'removed');
    if (!present.has(n.id) && n.before) ghosts.push(n.before as unknown as CanvasNode);
  }
  const ids = new Set([...present, ...ghosts.map((n) => n.id)]);
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const removedEdges: PolicyEdge[] = diff.edgesRemoved
    .filter((e) => !edgeIds.has(e.id) && ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const edge: PolicyEdge = { id: e.id, source: e.source, target: e.target };
      if (e.sourceHandle) edge.sourceHandle = e.sourceHandle;
      return edge;
    });
  return {
    graph: { nodes: [...graph.nodes, ...ghosts], edges: [...graph.edges, ...removedEdges] },
    marks,
    changes,
    removedEdgeIds: new Set(removedEdges.map((e) => e.id)),
    addedEdgeIds: new Set(diff.edgesAdded.map((e) => e.id)),
    changedEdgeIds: new Set(diff.edgesChanged.map((e) => e.id)),
  };
}

/** A diff value as short text. */
export function formatDiffValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
