/** GraphQL resolvers of committed handoffs: argument plumbing only, logic in HandoffService. */
import type { BatonContext } from '../../graphql/context';
import type { Channel, Resolvers } from '../../graphql/generated/resolvers-types';

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });

export const handoffResolvers: Resolvers = {
  Query: {
    assignment: (_p, { decisionId }, context) => context.handoffs.getAssignment(decisionId, actorOf(context)),
    handoff: (_p, { conversationId }, context) => context.handoffs.handoffOfConversation(conversationId, actorOf(context)),
  },
  Mutation: {
    startHandoff: (_p, { decisionId }, context) => context.handoffs.startHandoff(decisionId, actorOf(context)),
    releaseAssignment: (_p, { decisionId }, context) => context.handoffs.releaseAssignment(decisionId, actorOf(context)),
    acceptHandoff: (_p, { decisionId, agentId }, context) => context.handoffs.acceptHandoff(decisionId, agentId, actorOf(context)),
    resolveHandoff: (_p, { decisionId, outcome }, context) => context.handoffs.resolveHandoff(decisionId, outcome ?? 'RESOLVED', actorOf(context)),
    abandonHandoff: (_p, { decisionId }, context) => context.handoffs.abandonHandoff(decisionId, actorOf(context)),
  },
  Assignment: {
    channel: (assignment) => assignment.channel.toUpperCase() as Channel,
    waitingRoom: (assignment, _a, context) => context.handoffs.waitingRoom(assignment),
  },
};
