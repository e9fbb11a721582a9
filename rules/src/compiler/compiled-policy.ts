/**
 * The compiled form of a policy: plain, serialisable json-rules-engine input, stored next to
 * the graph so an auditor sees exactly what ran.
 */
import type { LeafNode, Priority, SupportTier, TriggerCategory } from '@baton/schemas';
import type { PathStep } from '../graph/enumerate-paths';

/** A json-rules-engine condition as JSON (fact comparison, all/any/not group or named reference). */
export type EngineCondition =
  | { fact: string; path?: string; operator: string; value: unknown }
  | { all: EngineCondition[] }
  | { any: EngineCondition[] }
  | { not: EngineCondition }
  | { condition: string };

/** A top-level condition as `engine.setCondition` accepts it. */
export type SharedCondition = { all: EngineCondition[] } | { any: EngineCondition[] } | { not: EngineCondition };

/**
 * The decision parameters of a leaf, as its path rule's event carries them. Message templates
 * and descriptions stay in the graph: json-rules-engine deep-copies every event on every run.
 */
export interface LeafRef {
  id: string;
  kind: LeafNode['kind'];
  reasonCode: string;
  category?: TriggerCategory;
  queue?: string;
  priority?: Priority;
  tier?: SupportTier;
}

/** Parameters of the event a path rule emits: which leaf, reached how. */
export interface DecisionEventParams {
  leaf: LeafRef;
  /** Branching steps with the output taken, in order; index i matches `conditions.all[i]`. */
  steps: PathStep[];
  /** Every node id from start to the leaf. */
  nodeIds: string[];
}

/** One rule per root-to-leaf path. */
export interface CompiledRule {
  name: string;
  priority: number;
  conditions: { all: EngineCondition[] };
  event: { type: 'decision'; params: DecisionEventParams };
}

export interface CompiledPolicy {
  formatVersion: 1;
  /** Shared conditions by name: `node:<id>` per condition node, `case:<switch id>:<case id>` per switch case, `row:<table id>:<row id>` per decision table row. */
  conditions: Record<string, SharedCondition>;
  /** One `decision` rule per root-to-leaf path, mutually exclusive, in drawing order. */
  rules: CompiledRule[];
  /** The routing graph's rules, when the policy has one. */
  routing?: CompiledRouting;
}

/** One rule per root-to-route path of a routing graph; its event names the route node reached. */
export interface CompiledRouteRule {
  name: string;
  priority: number;
  conditions: { all: EngineCondition[] };
  event: { type: 'route'; params: { routeId: string; steps: PathStep[]; nodeIds: string[] } };
}

/** A compiled routing graph: same form as the escalation tree's rules. */
export interface CompiledRouting {
  formatVersion: 1;
  conditions: Record<string, SharedCondition>;
  rules: CompiledRouteRule[];
}
