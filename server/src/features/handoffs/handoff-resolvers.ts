/** GraphQL resolvers of committed handoffs: argument plumbing only, logic in HandoffService. */
import type { BatonContext } from '../../graphql/context';
import type { Channel, Resolvers } from '../../graphql/generated/resolvers-types';

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });

export const handoffResolvers: Resolvers = {
  Query: {
    assignment: (_p, { decisionId }, { handoffs }) => handoffs.getAssignment(decisionId),
  },
  Mutation: {
    startHandoff: (_p, { decisionId }, context) => context.handoffs.startHandoff(decisionId, actorOf(context)),
    releaseAssignment: (_p, { decisionId }, context) => context.handoffs.releaseAssignment(decisionId, actorOf(context)),
  },
  Assignment: {
    channel: (assignment) => assignment.channel.toUpperCase() as Channel,
  },
};
