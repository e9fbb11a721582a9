/**
 * Internal: picks a decision's route by running the routing graph's compiled rules — the ones
 * stored with the version, which an auditor reads — with json-rules-engine, on an Engine lent
 * from a pool per compiled routing graph (`evaluate/engine-pool.ts`), the way escalation trees
 * run.
 *
 * An engine run costs over a hundred microseconds (json-rules-engine deep-copies each rule's
 * conditions and event, and each shared condition it reaches, on every run), where a routing
 * graph reads a handful of facts with few distinct values. So the chosen route is remembered per
 * prepared graph by the values of the facts its rules test (least recently used dropped past
 * 1,024): the route is a pure function of those values for the immutable rules of a version.
 * On a miss the path rules, which exclude each other and whose failures nobody reads, run until
 * the first one fires, on those facts alone. The property test `run-routing-graph.test.ts`
 * checks the result against a direct walk of the graph (`testing/walk-routing-graph.ts`) on
 * random graphs and facts.
 */
import type { RouteNode, RoutingGraph, RoutingNode } from '@baton/schemas';
import type { CompiledRouteRule, CompiledRouting, EngineCondition } from '../compiler/compiled-policy';
import { EnginePool } from '../evaluate/engine-pool';
import { EvaluationInvariantError } from '../evaluate/run-engine';
import { indexGraph, type GraphIndex } from '../graph/graph-index';

/** A routing graph ready to run: its index, for the route nodes, and its compiled rules. */
export interface PreparedRouting {
  index: GraphIndex<RoutingNode>;
  compiled: CompiledRouting;
  /** Every fact the compiled rules test. */
  factNames: readonly string[];
  /** Routes already chosen, by {@link valueKey} of the tested facts, least recently used first. */
  chosen: Map<string, ChosenRoute>;
}

/** The route a routing graph gives and the node ids of the path to it, start first. Shared: do not mutate. */
export interface ChosenRoute {
  readonly route: RouteNode;
  readonly nodeIds: readonly string[];
}

// A fact a logged decision lacks (an older fact catalog) reads as undefined instead of failing the run.
const engines = new EnginePool({ allowUndefinedFacts: true, allowUndefinedConditions: false, replaceFactsInEventParams: false }, true);
const MAX_REMEMBERED = 1024;

/**
 * A text two values share only when every operator treats them alike (NaN, the infinities and
 * undefined kept apart from null); undefined for an object, which a JSONPath may read any part
 * of, so a fact set holding one is not remembered.
 */
function valueKey(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.map(valueKey);
    return parts.every((p) => p !== undefined) ? `[${parts.join(',')}]` : undefined;
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'boolean':
      return String(value);
    case 'number':
      return `n${value}`;
    case 'string':
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

function collectFacts(condition: EngineCondition, into: Set<string>): void {
  if ('fact' in condition) into.add(condition.fact);
  else if ('all' in condition) condition.all.forEach((c) => collectFacts(c, into));
  else if ('any' in condition) condition.any.forEach((c) => collectFacts(c, into));
  else if ('not' in condition) collectFacts(condition.not, into);
}

/**
 * Prepares a routing graph and its compiled rules (`compileRoutingGraph` of the same graph, as
 * stored with the version) for {@link runRoutingGraph}. Pure; the result is shared by concurrent
 * decisions.
 */
export function prepareRouting(graph: RoutingGraph, compiled: CompiledRouting): PreparedRouting {
  const factNames = new Set<string>();
  for (const condition of [...Object.values(compiled.conditions), ...compiled.rules.map((r) => r.conditions)]) collectFacts(condition, factNames);
  return { index: indexGraph(graph), compiled, factNames: [...factNames], chosen: new Map() };
}

/**
 * Runs a prepared routing graph on a decision's facts.
 * @param facts - every escalation fact plus the decision facts (`routingFacts`); only those the
 *   rules test are passed to the engine
 * @returns the route node of the rule that fired and the path's node ids
 * @throws {@link EvaluationInvariantError} when no rule fires or the rule names no route node of
 *   the graph (compiled rules that do not belong to the graph)
 */
export async function runRoutingGraph(routing: PreparedRouting, facts: Readonly<Record<string, unknown>>): Promise<ChosenRoute> {
  const values = routing.factNames.map((name) => facts[name]);
  const key = valueKey(values);
  const memo = routing.chosen;
  const hit = key === undefined ? undefined : memo.get(key);
  if (key !== undefined && hit) {
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const chosen = await run(routing, values);
  if (key !== undefined) {
    memo.set(key, chosen);
    if (memo.size > MAX_REMEMBERED) memo.delete(memo.keys().next().value as string);
  }
  return chosen;
}

/** One engine run on the tested facts (`values` in `factNames` order): the route of the first rule that fires. */
async function run(routing: PreparedRouting, values: readonly unknown[]): Promise<ChosenRoute> {
  const facts: Record<string, unknown> = {};
  routing.factNames.forEach((name, i) => {
    if (values[i] !== undefined) facts[name] = values[i];
  });
  const { results } = await engines.run(routing.compiled, facts);
  const params = (results[0]?.event?.params as CompiledRouteRule['event']['params'] | undefined) ?? null;
  const route = params ? routing.index.nodes.get(params.routeId) : undefined;
  if (!params || route?.kind !== 'route')
    throw new EvaluationInvariantError(params ? `Routing rule points at "${params.routeId}", which is not a route of this graph.` : 'No routing rule fired.');
  return { route, nodeIds: params.nodeIds };
}
