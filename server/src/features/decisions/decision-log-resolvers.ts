/** GraphQL resolvers of the decision log: `decision`, `decisions`, `replayDecision` delegate to DecisionLogService. */
import type { DecisionFilter as FilterArg, Resolvers } from '../../graphql/generated/resolvers-types';
import type { DecisionFilter } from './decision-log-store';
import { outcomeOf } from './decision-log-service';

/** GraphQL's `DecisionFilter` as the store takes it: absent and null fields both mean "any". */
function filterOf(arg: FilterArg | null | undefined): DecisionFilter {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(arg ?? {})) if (value !== null && value !== undefined) filter[key] = value;
  return filter as DecisionFilter;
}

export const decisionLogResolvers: Resolvers = {
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
