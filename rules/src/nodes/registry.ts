/**
 * One spec per node kind; a kind added to `NODE_KINDS` (or the routing kinds) without a spec
 * fails the type check. Escalation trees hold `NODE_KINDS`; routing graphs hold start,
 * condition, switch and `route` leaves.
 */
import type { NodeKind } from '@baton/schemas';
import type { GraphNode, GraphNodeKind } from '../graph/graph-index';
import type { CheckContext, GraphFlavour, NodeSpec } from './node-spec';
import type { Diagnostic } from '../validate/diagnostic';
import { startSpec } from './start';
import { conditionSpec } from './condition';
import { switchSpec } from './switch';
import { handoffSpec } from './handoff';
import { staySpec } from './stay';
import { callbackSpec } from './callback';
import { routeSpec } from './route';

export const NODE_SPECS: { [K in NodeKind]: NodeSpec<K> } = {
  start: startSpec,
  condition: conditionSpec,
  switch: switchSpec,
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

/** Output handles `node` must connect. */
export function outputsOf(node: GraphNode): string[] {
  return specOf(node.kind).outputs(node as never);
}

/** Semantic diagnostics of one node. */
export function checkNode(node: GraphNode, context: CheckContext = { flavour: 'policy' }): Diagnostic[] {
  return specOf(node.kind).check(node as never, context);
}
