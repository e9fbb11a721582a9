/** GraphQL resolvers of live events (subscriptions over graphql-ws): argument plumbing only, logic in the feeds. */
import type { BatonContext } from '../../graphql/context';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { AssignmentView } from './handoff-service';
import type { QueueStatusView } from './queue-status';

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });

export const subscriptionResolvers: Resolvers = {
  Subscription: {
    handoffUpdated: {
      subscribe: (_p, { conversationId, queueId }, context) => context.handoffFeed.watch({ conversationId, queueId }, actorOf(context)),
      // The feeds send the objects themselves, not `{ handoffUpdated: … }`.
      resolve: (event: AssignmentView) => event,
    },
    queueStatusUpdated: {
      subscribe: (_p, { queueId }, context) => context.queueStatusFeed.watch(queueId ?? null),
      resolve: (status: QueueStatusView) => status,
    },
  },
};
