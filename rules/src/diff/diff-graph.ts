/**
 * Structural diff of two graphs (the escalation graph or the routing graph). Nodes are matched
 * by id. Edges are matched by id, then the leftovers by their output (source node and handle):
 * an output that now leads elsewhere is one rewired edge, not a removal plus an addition.
 */
import type { DiffableEdge, DiffableGraph, DiffableNode, EdgeChange, GraphDiff, NodeChange } from './diff-types';
import { jsonChanges } from './json-changes';

const EMPTY: DiffableGraph = { nodes: [], edges: [] };

/** Nodes by id; a duplicated id (possible in an unfinished draft) keeps its first node, as the compiler does. */
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function nodeChange(before: DiffableNode | undefined, after: DiffableNode | undefined): NodeChange {
  const node = (after ?? before) as DiffableNode;
  const change: NodeChange = { id: node.id, kind: node.kind, fields: [], layout: [] };
  if (node.label !== undefined) change.label = node.label;
  if (before) change.before = before;
  if (after) change.after = after;
  if (before && after) {
    const { position: beforePosition, ...beforeRest } = before;
    const { position: afterPosition, ...afterRest } = after;
    change.fields = jsonChanges(beforeRest, afterRest);
    change.layout = jsonChanges(beforePosition, afterPosition, 'position');
  }
  return change;
}

function edgeChange(before: DiffableEdge | undefined, after: DiffableEdge | undefined): EdgeChange {
  const edge = (after ?? before) as DiffableEdge;
  const change: EdgeChange = { id: edge.id, source: edge.source, target: edge.target, fields: [] };
  if (edge.sourceHandle !== undefined) change.sourceHandle = edge.sourceHandle;
  if (before) change.before = before;
  if (after) change.after = after;
  if (before && after) change.fields = jsonChanges(before, after);
  return change;
}

/** The output an edge leaves from; the handle defaults as in the compiler (`next` for a start node's edge). */
const outputOf = (edge: DiffableEdge): string => `${edge.source}\u0000${edge.sourceHandle ?? 'next'}`;

function diffEdges(before: readonly DiffableEdge[], after: readonly DiffableEdge[]): Pick<GraphDiff, 'edgesAdded' | 'edgesRemoved' | 'edgesChanged'> {
  const beforeById = byId(before);
  const afterById = byId(after);
  const edgesChanged: EdgeChange[] = [];
  const unmatchedBefore: DiffableEdge[] = [];
  for (const [id, edge] of beforeById) {
    const other = afterById.get(id);
    if (!other) unmatchedBefore.push(edge);
    else if (jsonChanges(edge, other).length > 0) edgesChanged.push(edgeChange(edge, other));
  }
  const unmatchedAfter = [...afterById.values()].filter((edge) => !beforeById.has(edge.id));
  const removedByOutput = new Map<string, DiffableEdge>();
  for (const edge of unmatchedBefore) if (!removedByOutput.has(outputOf(edge))) removedByOutput.set(outputOf(edge), edge);
  const edgesAdded: EdgeChange[] = [];
  for (const edge of unmatchedAfter) {
    const previous = removedByOutput.get(outputOf(edge));
    if (previous) {
      removedByOutput.delete(outputOf(edge));
      edgesChanged.push(edgeChange(previous, edge));
    } else {
      edgesAdded.push(edgeChange(undefined, edge));
    }
  }
  const rewired = new Set(edgesChanged.map((c) => c.before));
  const edgesRemoved = unmatchedBefore.filter((edge) => !rewired.has(edge)).map((edge) => edgeChange(edge, undefined));
  return { edgesAdded, edgesRemoved, edgesChanged };
}

/**
 * What changed from `before` to `after`. A missing graph (`null` / `undefined`, e.g. a policy
 * without a routing graph) counts as empty. Lists follow the drawing order of the side the item
 * comes from.
 */
export function diffGraph(before: DiffableGraph | null | undefined, after: DiffableGraph | null | undefined): GraphDiff {
  const from = before ?? EMPTY;
  const to = after ?? EMPTY;
  const fromNodes = byId(from.nodes);
  const toNodes = byId(to.nodes);
  const diff: GraphDiff = { nodesAdded: [], nodesRemoved: [], nodesChanged: [], nodesMoved: [], ...diffEdges(from.edges, to.edges) };
  for (const [id, node] of fromNodes) {
    const other = toNodes.get(id);
    if (!other) {
      diff.nodesRemoved.push(nodeChange(node, undefined));
      continue;
    }
    const change = nodeChange(node, other);
    if (change.fields.length > 0) diff.nodesChanged.push(change);
    else if (change.layout.length > 0) diff.nodesMoved.push(change);
  }
  for (const [id, node] of toNodes) if (!fromNodes.has(id)) diff.nodesAdded.push(nodeChange(undefined, node));
  return diff;
}

/** True when the graphs differ in anything but node positions. */
export function graphDiffHasChanges(diff: GraphDiff): boolean {
  return (
    diff.nodesAdded.length +
      diff.nodesRemoved.length +
      diff.nodesChanged.length +
      diff.edgesAdded.length +
      diff.edgesRemoved.length +
      diff.edgesChanged.length >
    0
  );
}
