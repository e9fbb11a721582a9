/** GraphQL resolvers of the decision log: `decision`, `decisions`, `replayDecision` delegate to DecisionLogService. */
import type { ComparableOutcome } from '@baton/rules';
import type { TriggerReason } from '@baton/schemas';
import type { Resolver } from '../../graphql/context';
import type { DecisionFilter, StoredDecision } from './decision-log-store';
import { outcomeOf, type DecisionConnection, type DecisionReplay } from './decision-log-service';

/** `DecisionFilter` as GraphQL coerces it: absent and null fields both mean "any". */
type FilterArg = { [K in keyof DecisionFilter]?: DecisionFilter[K] | null };

function filterOf(arg: FilterArg | null | undefined): DecisionFilter {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(arg ?? {})) if (value !== null && value !== undefined) filter[key] = value;
  return filter as DecisionFilter;
}

export const decisionLogResolvers: {
  Query: {
    decision: Resolver<unknown, { id: string }, StoredDecision | null>;
    decisions: Resolver<unknown, { filter?: FilterArg | null; first?: number | null; after?: string | null }, DecisionConnection>;
    replayDecision: Resolver<unknown, { id: string }, DecisionReplay>;
  };
  LoggedDecision: {
    outcome: Resolver<StoredDecision, unknown, ComparableOutcome>;
    reasons: Resolver<StoredDecision, unknown, TriggerReason[]>;
  };
} = {
  Query: {
    decision: (_parent, { id }, { decisionLog }) => decisionLog.getDecision(id),
    // An explicit null for first means the default page, as when it is omitted.
    decisions: (_parent, { filter, first, after }, { decisionLog }) => decisionLog.listDecisions(filterOf(filter), first ?? undefined, after),
    replayDecision: (_parent, { id }, { decisionLog }) => decisionLog.replay(id),
  },
  LoggedDecision: {
    outcome: (decision) => outcomeOf(decision),
    reasons: (decision) => decision.outcome.reasons,
  },
};
