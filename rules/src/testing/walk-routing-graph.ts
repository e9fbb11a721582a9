/**
 * Test-only oracle for routing: walks a routing graph from start on a decision's facts, each
 * condition or switch taking the output its test gives with json-rules-engine's operator
 * semantics, until a route node. Decisions run the compiled routing rules instead
 * (`routing/run-routing-graph.ts`); the property test `run-routing-graph.test.ts` checks that both
 * reach the same route by the same path. Not exported from the package.
 */
import type { RoutingNode } from '@baton/schemas';
import { targetOf, type GraphIndex } from '../graph/graph-index';
import type { ChosenRoute } from '../routing/run-routing-graph';
import { outputTaken } from './interpret-graph';

/**
 * Walks a validated routing graph.
 * @param facts - every escalation fact plus the decision facts (`ROUTING_FACT_CATALOG`)
 * @returns the route reached and the node ids walked, start first
 * @throws Error when the walk leaves the graph (only for a graph that skipped validation)
 */
export function walkRoutingGraph(index: GraphIndex<RoutingNode>, facts: Readonly<Record<string, unknown>>): ChosenRoute {
  const nodeIds: string[] = [];
  let node = index.starts[0];
  while (node) {
    nodeIds.push(node.id);
    if (node.kind === 'route') return { route: node, nodeIds };
    node = targetOf(index, node.id, outputTaken(node, facts));
  }
  throw new Error(`The routing graph ends before a route after ${nodeIds.join(' > ') || 'nothing'}; validate it before use.`);
}
