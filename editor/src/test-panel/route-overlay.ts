/**
 * The route a test run took through the routing graph, as the canvas overlay lights it: the
 * server's `routing.routePath` (start first, the route node last) as trace steps by node id, and
 * the edges between consecutive nodes of it.
 */
import type { DecisionTraceStep, DraftDecision } from '../api/types';

/** Trace steps for the routing graph's nodes on the route taken; null when the run used no routing graph. */
export function routeTraceByNode(decision: DraftDecision | null, nodes: readonly { id: string; kind: string }[]): Map<string, DecisionTraceStep> | null {
  const path = decision?.routing?.routePath;
  if (!path || path.length === 0) return null;
  const last = path.length - 1;
  return new Map(
    path.map((nodeId, i): [string, DecisionTraceStep] => [
      nodeId,
      {
        nodeId,
        kind: nodes.find((n) => n.id === nodeId)?.kind ?? 'route',
        description: i === last ? 'the route taken' : 'on the route taken',
        fact: null,
        factValue: null,
        result: i === last ? 'reached' : 'next',
        evaluated: true,
      },
    ]),
  );
}

/** Ids of the edges joining consecutive nodes of the route taken. */
export function routeEdgeIds(decision: DraftDecision | null, edges: readonly { id: string; source: string; target: string }[]): Set<string> | null {
  const path = decision?.routing?.routePath;
  if (!path || path.length === 0) return null;
  const ids = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) {
    const edge = edges.find((e) => e.source === path[i] && e.target === path[i + 1]);
    if (edge) ids.add(edge.id);
  }
  return ids;
}
