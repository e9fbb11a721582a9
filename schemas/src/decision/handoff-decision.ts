/**
 * TypeScript shapes of the GraphQL decision types (see `schemas/graphql/decision.graphql`).
 */
import type { HandoffAction, Priority, SupportTier, TriggerCategory } from './enums';
import type { ContextPackage } from './context-package';
import type { NodeKind } from '../policy/policy-graph';
import type { RoutingCandidate } from '../directory/routing-result';

/** Why the decision was made: the branch taken first, then every other trigger that fired. */
export interface TriggerReason {
  code: string;
  category: TriggerCategory;
  description: string;
  /** Short quotes and values that made the trigger fire ("message 3: 'I want a person'"). */
  evidence: string[];
  /** The leaf node that carries this reason. */
  nodeId?: string;
}

/**
 * One node of the graph as evaluation saw it, in evaluation order. Nodes off the taken path
 * appear after it with `evaluated: false` and result `not evaluated`.
 */
export interface TraceStep {
  nodeId: string;
  kind: NodeKind;
  /** The test in words, e.g. "negativeStreak ≥ 2". */
  description: string;
  /** Fact tested (names joined with ", " for a group). */
  fact?: string;
  /** The fact's value, or for a group an object of fact name → value. */
  factValue?: unknown;
  /** `true` / `false` for conditions, the case id or `default` for switches, `reached` for leaves. */
  result: string;
  evaluated: boolean;
}

export interface RoutingTarget {
  queueId: string;
  queueName: string;
  agentId?: string | null;
  requiredSkills: string[];
  language?: string | null;
  estimatedWaitSeconds?: number | null;
  fallbackUsed: boolean;
  explanation: string[];
  /** The agent's display name when one is chosen. */
  agentName?: string | null;
  /** Agents considered for the target taken: the best scored and the excluded ones, each with why. */
  candidates: RoutingCandidate[];
  /** When the queue opens again, for a CALLBACK because it is closed. */
  nextOpeningAt?: Date | null;
  /** The route node of the routing graph that gave the targets; null without a routing graph. */
  routeNodeId?: string | null;
  /** Node ids of the routing graph's path to that route, start first; null without a routing graph. */
  routePath?: string[] | null;
}

export interface PolicyRef {
  id: string;
  name: string;
  version: number;
  contentHash: string;
}

export interface HandoffDecision {
  decisionId: string;
  action: HandoffAction;
  /** Reason code of the leaf reached (the stay leaf's for STAY). */
  reasonCode: string;
  reasons: TriggerReason[];
  priority: Priority;
  tier: SupportTier;
  routing: RoutingTarget | null;
  context: ContextPackage;
  customerMessage: string | null;
  policy: PolicyRef;
  signals: Record<string, unknown>;
  trace: TraceStep[];
  evaluatedAt: Date;
}
