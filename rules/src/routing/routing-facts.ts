/**
 * The facts a routing graph is evaluated on: every escalation fact plus the escalation
 * decision (`ROUTING_FACT_CATALOG`: action, reasonCode, priority, tier, queue).
 */
import type { Facts, HandoffAction, Priority, RoutingFactName, SupportTier } from '@baton/schemas';

export type RoutingFacts = Facts & Record<RoutingFactName, string>;

export interface EscalationOutcome {
  action: HandoffAction;
  reasonCode: string;
  priority: Priority;
  tier: SupportTier;
  /** Queue named on the leaf. */
  queue: string;
}

/** `facts` with the escalation decision added. */
export function routingFacts(facts: Facts, outcome: EscalationOutcome): RoutingFacts {
  return { ...facts, ...outcome };
}
