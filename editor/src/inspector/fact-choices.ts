/**
 * Which facts a fact picker offers: every escalation fact, plus on routing graphs the decision
 * facts only they see (action, reasonCode, priority, tier, queue). Provided by the inspector.
 */
import { createContext, useContext } from 'react';
import { FACT_CATALOG, ROUTING_FACT_CATALOG, isFactName, isRoutingFactName, type FactSpec } from '@baton/schemas';
import { FACT_PHRASES, ROUTING_FACT_PHRASES } from '../graph/node-words';

export interface FactChoice {
  name: string;
  phrase: string;
  spec: FactSpec;
}

const ESCALATION: readonly FactChoice[] = (Object.keys(FACT_CATALOG) as (keyof typeof FACT_CATALOG)[]).map((name) => ({
  name,
  phrase: FACT_PHRASES[name],
  spec: FACT_CATALOG[name],
}));
const ROUTING: readonly FactChoice[] = [
  ...(Object.keys(ROUTING_FACT_CATALOG) as (keyof typeof ROUTING_FACT_CATALOG)[]).map((name) => ({
    name,
    phrase: ROUTING_FACT_PHRASES[name],
    spec: ROUTING_FACT_CATALOG[name] as FactSpec,
  })),
  ...ESCALATION,
];

/** True inside a routing graph's inspector. */
export const RoutingFactsContext = createContext(false);

/** The facts the current picker offers. */
export function useFactChoices(): readonly FactChoice[] {
  return useContext(RoutingFactsContext) ? ROUTING : ESCALATION;
}

/** The spec of a known fact (escalation or routing), undefined for an unknown name (validation reports it). */
export function factSpecOf(fact: string): FactSpec | undefined {
  if (isFactName(fact)) return FACT_CATALOG[fact];
  if (isRoutingFactName(fact)) return ROUTING_FACT_CATALOG[fact] as FactSpec;
  return undefined;
}
