/** GraphQL resolvers of the decision API: `decideHandoff` delegates to DecisionService. */
import type { DecideHandoffInput, HandoffDecision } from '@baton/schemas';
import type { Resolver } from '../../graphql/context';

export const decisionResolvers: {
  Query: { decideHandoff: Resolver<unknown, { input: DecideHandoffInput }, HandoffDecision> };
} = {
  Query: {
    decideHandoff: (_parent, { input }, { decisions }) => decisions.decideHandoff(input),
  },
};
