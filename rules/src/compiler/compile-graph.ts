/**
 * Compiles a policy graph into json-rules-engine rules (README, "How the pieces fit"):
 * - each branch of a node (a condition's test, a switch case, a decision table row) becomes a
 *   named shared condition; the node's spec (`nodes/*.ts`) says which, and what a path through
 *   each output adds;
 * - each root-to-leaf path becomes a `decision` rule whose `conditions.all` references them,
 *   negated with `not` on a `false` edge; a switch case or table row requires every earlier one
 *   to fail and `default` requires all to fail, so the paths are mutually exclusive by construction and
 *   exactly one decision rule fires for any facts — evaluation never needs `engine.stop()`;
 * - priorities follow drawing order (true before false, cases in order, default last).
 * Every other trigger that fired is read from the evaluated conditions of the rules that did
 * not fire (see `evaluate/collect-triggers.ts`), so no extra rules are needed for it.
 */
import { isLeaf, type PolicyDocument, type PolicyGraph, type RoutingGraph } from '@baton/schemas';
import { enumeratePaths, type GraphPath } from '../graph/enumerate-paths';
import { indexGraph, type AnyGraph, type GraphIndex, type GraphNode } from '../graph/graph-index';
import { branchingOf, leafOutcomeOf } from '../nodes/registry';
import { validatePolicyGraph, validateRoutingGraph } from '../validate/validate-graph';
import type { CompiledPolicy, CompiledRouting, EngineCondition, SharedCondition } from './compiled-policy';
import { toShared } from './engine-conditions';

/** Thrown by {@link compilePolicy} when the graph has ERROR diagnostics; validate first. */
export class PolicyCompileError extends Error {
  constructor(readonly diagnostics: { message: string; nodeId?: string }[]) {
    super(`The policy graph has ${diagnostics.length} error(s): ${diagnostics.map((d) => d.message).join(' ')}`);
    this.name = 'PolicyCompileError';
  }
}

function sharedConditions(graph: AnyGraph): Record<string, SharedCondition> {
  const conditions: Record<string, SharedCondition> = {};
  for (const node of graph.nodes) {
    for (const branch of branchingOf(node)?.branches(node) ?? []) conditions[branch.condition] = toShared(branch.test);
  }
  return conditions;
}

/** The condition a step adds to its path rule. */
function stepCondition(node: GraphNode, handle: string): EngineCondition {
  const branching = branchingOf(node);
  if (!branching) throw new Error(`Node "${node.id}" of kind ${node.kind} does not branch.`);
  return branching.step(node, handle);
}

function nodeOf<N extends GraphNode>(index: GraphIndex<N>, id: string): N {
  const node = index.nodes.get(id);
  if (!node) throw new Error(`Unknown node "${id}".`);
  return node;
}

/**
 * Compiles a valid graph into plain json-rules-engine rule JSON.
 * @throws {@link PolicyCompileError} when the graph has ERROR diagnostics
 */
export function compileGraph(graph: PolicyGraph): CompiledPolicy {
  const validation = validatePolicyGraph(graph);
  if (!validation.valid) throw new PolicyCompileError(validation.diagnostics.filter((d) => d.severity === 'ERROR'));
  const index = indexGraph(graph);
  const rules = compilePaths(index, (path, i) => {
    const leaf = nodeOf(index, path.leafId);
    if (!isLeaf(leaf)) throw new Error(`Path ends at "${leaf.id}", which is not a decision.`);
    return {
      name: `path ${i + 1}: ${path.nodeIds.join(' > ')}`,
      event: { type: 'decision' as const, params: { leaf: leafOutcomeOf(leaf).ref(leaf), steps: path.steps, nodeIds: path.nodeIds } },
    };
  });
  return { formatVersion: 1, conditions: sharedConditions(graph), rules };
}

/** One rule per root-to-leaf path, highest priority first in drawing order; `describe` names it and builds its event. */
function compilePaths<N extends GraphNode, E>(
  index: GraphIndex<N>,
  describe: (path: GraphPath, i: number) => { name: string; event: E },
): { name: string; priority: number; conditions: { all: EngineCondition[] }; event: E }[] {
  const start = index.starts[0];
  if (!start) throw new PolicyCompileError([{ message: 'The graph has no start node.' }]);
  const { paths } = enumeratePaths(index, start);
  return paths.map((path, i) => ({
    ...describe(path, i),
    priority: paths.length - i + 1,
    conditions: { all: path.steps.map((s) => stepCondition(nodeOf(index, s.nodeId), s.handle)) },
  }));
}

/**
 * Compiles a valid routing graph the same way: named shared conditions, one `route` rule per
 * path whose event names the route node reached (its targets stay in the graph). Stored with
 * the version; decisions run these very rules (`routing/run-routing-graph.ts`).
 * @throws {@link PolicyCompileError} when the routing graph has ERROR diagnostics
 */
export function compileRoutingGraph(graph: RoutingGraph): CompiledRouting {
  const validation = validateRoutingGraph(graph);
  if (!validation.valid) throw new PolicyCompileError(validation.diagnostics.filter((d) => d.severity === 'ERROR'));
  const index = indexGraph(graph);
  const rules = compilePaths(index, (path, i) => {
    const leaf = nodeOf(index, path.leafId);
    if (leaf.kind !== 'route') throw new Error(`Path ends at "${leaf.id}", which is not a route.`);
    return {
      name: `route ${i + 1}: ${path.nodeIds.join(' > ')}`,
      event: { type: 'route' as const, params: { routeId: leaf.id, steps: path.steps, nodeIds: path.nodeIds } },
    };
  });
  return { formatVersion: 1, conditions: sharedConditions(graph), rules };
}

/**
 * Compiles a policy document's graph, and its routing graph when it has one, under `routing`
 * (trigger settings shape facts, not rules).
 * @throws {@link PolicyCompileError} when either graph has ERROR diagnostics
 */
export function compilePolicy(document: PolicyDocument): CompiledPolicy {
  const compiled = compileGraph(document.graph);
  return document.routing ? { ...compiled, routing: compileRoutingGraph(document.routing) } : compiled;
}
