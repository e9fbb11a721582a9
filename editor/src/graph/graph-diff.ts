/**
 * Which nodes a draft adds, removes or changes against another graph (a published version),
 * for the publish summary. Positions do not count as changes; a changed connection marks its
 * source node as changed.
 */
import type { PolicyGraph, PolicyNode } from '@baton/schemas';
import type { DiffMark } from '../canvas/canvas-overlay';

const content = (node: PolicyNode) => JSON.stringify({ kind: node.kind, label: node.label ?? null, data: node.data });

function outputsOf(graph: PolicyGraph): Map<string, string> {
  const outputs = new Map<string, string[]>();
  for (const e of graph.edges) outputs.set(e.source, [...(outputs.get(e.source) ?? []), `${e.sourceHandle ?? ''}>${e.target}`]);
  return new Map([...outputs].map(([id, list]) => [id, list.sort().join('|')]));
}

/** Node id → mark, for every node that differs between `before` and `after`. */
export function diffGraphs(before: PolicyGraph, after: PolicyGraph): Map<string, DiffMark> {
  const marks = new Map<string, DiffMark>();
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const next = new Map(after.nodes.map((n) => [n.id, n]));
  const oldOut = outputsOf(before);
  const newOut = outputsOf(after);
  for (const node of after.nodes) {
    const was = old.get(node.id);
    if (!was) marks.set(node.id, 'added');
    else if (content(was) !== content(node) || oldOut.get(node.id) !== newOut.get(node.id)) marks.set(node.id, 'changed');
  }
  for (const node of before.nodes) if (!next.has(node.id)) marks.set(node.id, 'removed');
  return marks;
}
