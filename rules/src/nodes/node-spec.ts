/**
 * What Baton knows about one kind of node: its ops-facing title, the outputs it must have and
 * the semantic checks of its data. The registry (`registry.ts`) holds one spec per kind.
 */
import type { GraphNode, GraphNodeKind } from '../graph/graph-index';
import type { Diagnostic } from '../validate/diagnostic';

/** Which graph a node is checked in: the escalation tree (policy) or the routing graph. */
export type GraphFlavour = 'policy' | 'routing';

/** What semantic checks need to know beyond the node itself. */
export interface CheckContext {
  flavour: GraphFlavour;
  /** Queue ids of the directory; when given, a route to any other queue is an error. */
  knownQueues?: ReadonlySet<string>;
}

export interface NodeSpec<K extends GraphNodeKind = GraphNodeKind> {
  kind: K;
  /** Name ops see in messages and the palette. */
  title: string;
  /** Output handles every instance must connect, each to exactly one edge (none for leaves). */
  outputs(node: Extract<GraphNode, { kind: K }>): string[];
  /** Checks beyond the JSON Schema: facts, operators, values, required leaf parameters, known queues. */
  check(node: Extract<GraphNode, { kind: K }>, context: CheckContext): Diagnostic[];
  /** Data of a freshly dropped node of this kind. */
  defaults(): Extract<GraphNode, { kind: K }>['data'];
}
