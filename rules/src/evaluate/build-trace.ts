/**
 * The trace of one evaluation, keyed by node id so the editor can light up the path: the start,
 * each branching node taken with the fact values the engine compared and the output taken, the
 * leaf, then every other node as "not evaluated" (short-circuited by the first-match order).
 */
import type { PolicyGraph, TraceStep } from '@baton/schemas';
import type { GraphIndex } from '../graph/graph-index';
import { NEXT_HANDLE } from '../graph/graph-index';
import { describeNode } from '../graph/describe-node';
import { factValuesOf, type EvaluatedPath } from './run-engine';

export const NOT_EVALUATED = 'not evaluated';

/** Fact name and value(s) for a trace step: one value, or an object of name → value for groups. */
export function summariseFacts(values: { fact: string; path?: string; value: unknown }[]): { fact?: string; factValue?: unknown } {
  const named = new Map(values.map((v) => [v.path ? `${v.fact} ${v.path}` : v.fact, v.value]));
  if (named.size === 0) return {};
  if (named.size === 1) {
    const [[fact, factValue]] = [...named.entries()] as [[string, unknown]];
    return { fact, factValue };
  }
  return { fact: [...named.keys()].join(', '), factValue: Object.fromEntries(named) };
}

/**
 * Node descriptions, by node: every decision's trace describes every node of its graph, and the
 * graph of a prepared policy never changes (about 2% of a decision's allocations otherwise).
 * Graph nodes are never mutated once a policy is prepared, so they key the memos below.
 */
const DESCRIPTIONS = new WeakMap<PolicyGraph['nodes'][number], string>();

function described(node: PolicyGraph['nodes'][number]): string {
  let description = DESCRIPTIONS.get(node);
  if (description === undefined) {
    description = describeNode(node);
    DESCRIPTIONS.set(node, description);
  }
  return description;
}

export function buildTrace(graph: PolicyGraph, index: GraphIndex, decision: EvaluatedPath): TraceStep[] {
  const { steps, nodeIds, leaf } = decision.params;
  const stepByNode = new Map(steps.map((s, i) => [s.nodeId, { handle: s.handle, evaluated: decision.evaluated[i] }]));
  const trace: TraceStep[] = nodeIds.map((id) => {
    const node = index.nodes.get(id);
    const kind = node?.kind ?? leaf.kind;
    const description = node ? described(node) : id;
    if (kind === 'start') return { nodeId: id, kind, description, result: NEXT_HANDLE, evaluated: true };
    const step = stepByNode.get(id);
    if (!step) return { nodeId: id, kind, description, result: 'reached', evaluated: true };
    return { nodeId: id, kind, description, ...summariseFacts(factValuesOf(step.evaluated)), result: step.handle, evaluated: true };
  });
  const onPath = new Set(nodeIds);
  for (const node of graph.nodes) if (!onPath.has(node.id)) trace.push(notEvaluated(node));
  return trace;
}

/**
 * The step of a node off the path, by node: it is the same in every decision of the graph, so
 * one frozen step is shared (most of a graph's nodes are off any one path).
 */
const NOT_EVALUATED_STEPS = new WeakMap<PolicyGraph['nodes'][number], TraceStep>();

function notEvaluated(node: PolicyGraph['nodes'][number]): TraceStep {
  let step = NOT_EVALUATED_STEPS.get(node);
  if (!step) {
    step = Object.freeze({ nodeId: node.id, kind: node.kind, description: described(node), result: NOT_EVALUATED, evaluated: false });
    NOT_EVALUATED_STEPS.set(node, step);
  }
  return step;
}
