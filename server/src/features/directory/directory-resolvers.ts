/** GraphQL resolvers of the directory: argument plumbing and enum mapping only, logic in DirectoryService. */
import type { ChannelCounts } from '@baton/schemas';
import type { BatonContext } from '../../graphql/context';
import type { Channel, ChannelCountInput, Resolvers } from '../../graphql/generated/resolvers-types';

/** `{ chat: 3 }` → `[{ channel: 'CHAT', count: 3 }]`. */
export function channelList(counts: ChannelCounts): ChannelCountInput[] {
  return Object.entries(counts).map(([channel, count]) => ({ channel: channel.toUpperCase() as Channel, count: count ?? 0 }));
}

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });

export const directoryResolvers: Resolvers = {
  Query: {
    queues: (_p, _a, { directory }) => directory.listQueues(),
    queue: (_p, { id }, { directory }) => directory.getQueue(id),
    agents: (_p, { queueId }, { directory }) => directory.listAgents(queueId),
    agent: (_p, { id }, { directory }) => directory.getAgent(id),
  },
  Mutation: {
    upsertQueue: (_p, { input }, context) => context.directory.upsertQueue(input, actorOf(context)),
    upsertAgent: (_p, { input }, context) => context.directory.upsertAgent(input, actorOf(context)),
    removeAgent: (_p, { id }, context) => context.directory.removeAgent(id, actorOf(context)),
    setAgentPresence: (_p, { agentId, status, activeConversations }, context) =>
      context.directory.setAgentPresence(agentId, status, activeConversations, actorOf(context)),
  },
  Queue: {
    openNow: (queue, _a, { directory }) => directory.openState(queue).openNow,
    nextOpeningAt: (queue, _a, { directory }) => directory.openState(queue).nextOpeningAt,
    waiting: (queue, _a, { directory }) => directory.waiting(queue.id),
  },
  Agent: {
    capacity: (agent) => channelList(agent.capacity),
    activeConversations: (agent) => channelList(agent.activeConversations),
    queueIds: (agent, _a, { directory }) => directory.queuesOf(agent.id),
  },
};
