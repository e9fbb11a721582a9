/** GraphQL resolvers of the decision API: `decideHandoff` delegates to DecisionService. */
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const decisionResolvers: Resolvers = {
  Query: {
    decideHandoff: (_parent, { input }, { decisions }) => decisions.decideHandoff(input),
  },
};
