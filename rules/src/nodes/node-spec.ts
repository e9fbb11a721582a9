/**
 * What Baton knows about one kind of node, in one place: its schema, ops-facing title and
 * description, outputs, semantic checks, and either how it branches (tests in output
 * order and its compiled step) or what decision it ends in. The registry (`registry.ts`) holds
 * one spec per kind; the types make a missing piece a compile error (a leaf kind without its
 * outcome, a branching kind without its branches).
 */
import type { ConditionTest, HandoffAction, LeafNode, Priority, SupportTier } from '@baton/schemas';
import type { EngineCondition, LeafRef } from '../compiler/compiled-policy';
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

/** One output of a branching node and the test that sends a conversation there. */
export interface Branch {
  handle: string;
  test: ConditionTest;
  /** Name of the shared condition holding `test` in the compiled rules. */
  condition: string;
}

/** How a node branches on facts: the first branch whose test holds picks its output. */
export interface Branching<N> {
  /** Branches in evaluation order. */
  branches(node: N): Branch[];
  /** The output taken when no branch holds. */
  otherwise: string;
  /** Whether the outputs come from the node's data (cases, rows): unknown while it is malformed. */
  outputsFromData: boolean;
  /** The engine condition a compiled path adds when it leaves `node` through `handle`. */
  step(node: N, handle: string): EngineCondition;
}

/** The decision a leaf ends in. */
export interface LeafOutcome<N> {
  action: HandoffAction;
  /** Stay leaves have no priority of their own: LOW. */
  priority(node: N): Priority;
  tier(node: N): SupportTier;
  /** What its path rule's event carries (message templates stay in the graph). */
  ref(node: N): LeafRef;
}

type NodeOf<K extends GraphNodeKind> = Extract<GraphNode, { kind: K }>;

interface BaseSpec<K extends GraphNodeKind> {
  kind: K;
  /** JSON Schema of a node of this kind (its TypeBox definition in `@baton/schemas`). */
  schema: object;
  /** Name ops see in messages and the palette. */
  title: string;
  /** One line saying what a node does, for traces, diagnostics and diffs. */
  describe(node: NodeOf<K>): string;
  /** Output handles every instance must connect, each to exactly one edge (none for leaves). */
  outputs(node: NodeOf<K>): string[];
  /** Checks beyond the JSON Schema: facts, operators, values, required leaf parameters, known queues. */
  check(node: NodeOf<K>, context: CheckContext): Diagnostic[];
}

/** The spec of kind `K`: leaves of the escalation tree carry their outcome, test nodes their branching. */
export type NodeSpec<K extends GraphNodeKind = GraphNodeKind> = BaseSpec<K> &
  (K extends LeafNode['kind'] ? { leaf: LeafOutcome<NodeOf<K>> } : K extends 'start' | 'route' ? object : { branching: Branching<NodeOf<K>> });
