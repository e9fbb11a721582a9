/**
 * One spec per node kind; a kind added to `NODE_KINDS` (or the routing kinds) without a spec
 * fails the type check. Escalation trees hold `NODE_KINDS`; routing graphs hold start,
 * condition, switch and `route` leaves. Code outside `nodes/` asks the registry instead of
 * branching on a node's kind.
 */
import type { LeafNode, NodeKind } from '@baton/schemas';
import type { GraphNode, GraphNodeKind } from '../graph/graph-index';
import type { Branching, CheckContext, GraphFlavour, LeafOutcome, NodeSpec } from './node-spec';
import type { Diagnostic } from '../validate/diagnostic';
import { startSpec } from './start';
import { conditionSpec } from './condition';
import { switchSpec } from './switch';
import { decisionTableSpec } from './decision-table';
import { handoffSpec } from './handoff';
import { staySpec } from './stay';
import { callbackSpec } from './callback';
import { routeSpec } from './route';

export const NODE_SPECS: { [K in NodeKind]: NodeSpec<K> } = {
  start: startSpec,
  condition: conditionSpec,
  switch: switchSpec,
  decisionTable: decisionTableSpec,
  handoff: handoffSpec,
  stay: staySpec,
  callback: callbackSpec,
};

/** Specs of the node kinds a routing graph may hold. */
export const ROUTING_NODE_SPECS: { [K in 'start' | 'condition' | 'switch' | 'route']: NodeSpec<K> } = {
  start: startSpec,
  condition: conditionSpec,
  switch: switchSpec,
  route: routeSpec,
};

const ALL_SPECS: { [K in GraphNodeKind]: NodeSpec<K> } = { ...NODE_SPECS, route: routeSpec };

/** Node kinds each graph flavour may hold, in palette order. */
export const KINDS_OF: Record<GraphFlavour, readonly GraphNodeKind[]> = {
  policy: Object.keys(NODE_SPECS) as NodeKind[],
  routing: Object.keys(ROUTING_NODE_SPECS) as GraphNodeKind[],
};

/** The spec of any kind. */
export function specOf(kind: GraphNodeKind): NodeSpec {
  return ALL_SPECS[kind] as NodeSpec;
}

/** How `node` branches; undefined for start nodes and leaves. */
export function branchingOf(node: GraphNode): Branching<GraphNode> | undefined {
  const spec = ALL_SPECS[node.kind] as { branching?: Branching<GraphNode> };
  return spec.branching;
}

/** The outcome of an escalation-tree leaf. */
export function leafOutcomeOf(leaf: LeafNode): LeafOutcome<LeafNode> {
  return (NODE_SPECS[leaf.kind] as { leaf: LeafOutcome<LeafNode> }).leaf;
}

/** Output handles `node` must connect. */
export function outputsOf(node: GraphNode): string[] {
  return specOf(node.kind).outputs(node as never);
}

/** Semantic diagnostics of one node. */
export function checkNode(node: GraphNode, context: CheckContext = { flavour: 'policy' }): Diagnostic[] {
  return specOf(node.kind).check(node as never, context);
}
