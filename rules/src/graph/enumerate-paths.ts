/**
 * Root-to-leaf paths of a valid (acyclic, fully connected) policy graph, in drawing order:
 * `true` before `false`, switch cases in order, `default` last. Compilation makes one rule per
 * path; because every branching node partitions its facts, the paths are mutually exclusive.
 */
import { outputsOf } from '../nodes/registry';
import { handleOf, type GraphIndex, type GraphNode } from './graph-index';

/** A branching node on a path and the output it took. */
export interface PathStep {
  nodeId: string;
  handle: string;
}

export interface GraphPath {
  /** Branching steps (condition and switch nodes) with the output taken. */
  steps: PathStep[];
  /** Every node id from start to leaf. */
  nodeIds: string[];
  leafId: string;
}

/** Default ceiling on paths; a graph above it is refused rather than compiled into a huge rule set. */
export const MAX_PATHS = 2000;

/**
 * Enumerates paths from `start`. Stops after `limit` paths and says so with `truncated`.
 * Assumes the structural checks passed (no cycles, each output has one edge).
 */
export function enumeratePaths<N extends GraphNode>(index: GraphIndex<N>, start: N, limit = MAX_PATHS): { paths: GraphPath[]; truncated: boolean } {
  const paths: GraphPath[] = [];
  let truncated = false;
  const walk = (node: N, steps: PathStep[], nodeIds: string[]): void => {
    if (truncated) return;
    const here = [...nodeIds, node.id];
    const handles = outputsOf(node);
    if (handles.length === 0) {
      if (paths.length >= limit) truncated = true;
      else paths.push({ steps, nodeIds: here, leafId: node.id });
      return;
    }
    const edges = index.outgoing.get(node.id) ?? [];
    for (const handle of handles) {
      const edge = edges.find((e) => handleOf(e) === handle);
      const next = edge && index.nodes.get(edge.target);
      if (!next) continue;
      walk(next, node.kind === 'start' ? steps : [...steps, { nodeId: node.id, handle }], here);
    }
  };
  walk(start, [], []);
  return { paths, truncated };
}
