/**
 * Canvas search: which nodes a query finds in their name, kind, words (facts and comparisons as
 * the canvas shows them), output names and the values in their data (fact names, compared
 * values, queues, reason codes, descriptions). Case-insensitive; every word of the query must
 * occur; a node named by the query comes first.
 */
import type { CanvasNode } from '../graph/canvas-graph';
import { nodeSpecOf } from '../nodes/registry';

/** Strings and numbers anywhere in `value` (object keys left out). */
function leafValues(value: unknown, into: string[]): string[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) leafValues(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) leafValues(item, into);
  return into;
}

/** Everything a search looks at for `node`, lower-cased. */
export function searchableText(node: CanvasNode): string {
  const spec = nodeSpecOf(node.kind);
  const outputs = spec.outputs(node).map((o) => o.label ?? o.handle ?? '');
  return [node.label ?? '', node.id, spec.title, spec.describe(node), ...outputs, ...leafValues(node.data, [])].join('\n').toLowerCase();
}

/**
 * Ids of the nodes matching `query`: those whose name holds the query first, then those whose
 * name holds each word, then the others; each group top to bottom then left to right (the order
 * Enter walks). None for a blank query.
 */
export function searchNodes(nodes: readonly CanvasNode[], query: string): string[] {
  const phrase = query.trim().toLowerCase();
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const rank = (node: CanvasNode): number => {
    const name = (node.label ?? node.id).toLowerCase();
    return name.includes(phrase) ? 0 : words.every((w) => name.includes(w)) ? 1 : 2;
  };
  return nodes
    .filter((node) => {
      const text = searchableText(node);
      return words.every((w) => text.includes(w));
    })
    .map((node) => ({ node, rank: rank(node) }))
    .sort((a, b) => a.rank - b.rank || (a.node.position?.y ?? 0) - (b.node.position?.y ?? 0) || (a.node.position?.x ?? 0) - (b.node.position?.x ?? 0))
    .map(({ node }) => node.id);
}
