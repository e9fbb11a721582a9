/** GraphQL resolvers of committed handoffs: argument plumbing only, logic in HandoffService. */
import type { BatonContext, Resolver } from '../../graphql/context';
import type { AssignmentView } from './handoff-service';

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });

export const handoffResolvers: {
  Query: { assignment: Resolver<unknown, { decisionId: string }, AssignmentView | null> };
  Mutation: {
    startHandoff: Resolver<unknown, { decisionId: string }, AssignmentView>;
    releaseAssignment: Resolver<unknown, { decisionId: string }, AssignmentView>;
  };
  Assignment: { channel: Resolver<AssignmentView, unknown, string> };
} = {
  Query: {
    assignment: (_p, { decisionId }, { handoffs }) => handoffs.getAssignment(decisionId),
  },
  Mutation: {
    startHandoff: (_p, { decisionId }, context) => context.handoffs.startHandoff(decisionId, actorOf(context)),
    releaseAssignment: (_p, { decisionId }, context) => context.handoffs.releaseAssignment(decisionId, actorOf(context)),
  },
  Assignment: {
    channel: (assignment) => assignment.channel.toUpperCase(),
  },
};
