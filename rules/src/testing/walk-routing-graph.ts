/**
 * Test-only oracle for routing: walks a routing graph from start on a decision's facts, each
 * condition or switch taking the output its test gives with json-rules-engine's operator
 * semantics, until a route node. Decisions run the compiled routing rules instead
 * (`routing/run-routing-graph.ts`); the property test `run-routing-graph.test.ts` checks that both
 * reach the same route by the same path. Not exported from the package.
 */
import { isFactTest, type ConditionTest, type FactTest, type Operator, type RoutingNode } from '@baton/schemas';
import { DEFAULT_HANDLE, NEXT_HANDLE, targetOf, type GraphIndex } from '../graph/graph-index';
import type { ChosenRoute } from '../routing/run-routing-graph';

const isNumeric = (v: unknown): boolean => (typeof v === 'number' ? Number.isFinite(v) : Number.parseFloat(String(v)).toString() !== 'NaN');

/** json-rules-engine's built-in operators, including its numeric fact-value guard. */
function apply(operator: Operator, factValue: unknown, value: unknown): boolean {
  switch (operator) {
    case 'equal':
      return factValue === value;
    case 'notEqual':
      return factValue !== value;
    case 'in':
      return Array.isArray(value) && value.includes(factValue);
    case 'notIn':
      return Array.isArray(value) && !value.includes(factValue);
    case 'contains':
      return Array.isArray(factValue) && factValue.includes(value);
    case 'doesNotContain':
      return Array.isArray(factValue) && !factValue.includes(value);
    case 'lessThan':
      return isNumeric(factValue) && (factValue as number) < (value as number);
    case 'lessThanInclusive':
      return isNumeric(factValue) && (factValue as number) <= (value as number);
    case 'greaterThan':
      return isNumeric(factValue) && (factValue as number) > (value as number);
    case 'greaterThanInclusive':
      return isNumeric(factValue) && (factValue as number) >= (value as number);
  }
}

/** Simple JSONPath `$.a.b` as conditions use it on object facts. */
function at(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  let current = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (key === '') continue;
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

function holds(test: FactTest, facts: Readonly<Record<string, unknown>>): boolean {
  return apply(test.operator, at(facts[test.fact], test.path), test.value);
}

function evaluate(test: ConditionTest, facts: Readonly<Record<string, unknown>>): boolean {
  if (isFactTest(test)) return holds(test, facts);
  if ('all' in test) return test.all.every((t) => evaluate(t, facts));
  if ('any' in test) return test.any.some((t) => evaluate(t, facts));
  return !evaluate(test.not, facts);
}

function outputOf(node: RoutingNode, facts: Readonly<Record<string, unknown>>): string {
  switch (node.kind) {
    case 'start':
      return NEXT_HANDLE;
    case 'condition':
      return evaluate(node.data.test, facts) ? 'true' : 'false';
    case 'switch': {
      const { fact, path, cases } = node.data;
      return cases.find((c) => holds({ fact, path, operator: c.operator, value: c.value }, facts))?.id ?? DEFAULT_HANDLE;
    }
    case 'route':
      return '';
  }
}

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
    node = targetOf(index, node.id, outputOf(node, facts));
  }
  throw new Error(`The routing graph ends before a route after ${nodeIds.join(' > ') || 'nothing'}; validate it before use.`);
}
