/** GraphQL resolvers of the directory: argument plumbing and enum mapping only, logic in DirectoryService. */
import type { Agent, AgentStatus, ChannelCounts, Queue } from '@baton/schemas';
import type { BatonContext, Resolver } from '../../graphql/context';
import type { AgentInput, ChannelCountInput, ChannelEnum, QueueInput } from './directory-input';

/** `{ chat: 3 }` → `[{ channel: 'CHAT', count: 3 }]`. */
export function channelList(counts: ChannelCounts): ChannelCountInput[] {
  return Object.entries(counts).map(([channel, count]) => ({ channel: channel.toUpperCase() as ChannelEnum, count: count ?? 0 }));
}

const actorOf = ({ principal }: BatonContext) => ({ keyId: principal.keyId, role: principal.role });

export const directoryResolvers: {
  Query: {
    queues: Resolver<unknown, Record<string, never>, Queue[]>;
    queue: Resolver<unknown, { id: string }, Queue | null>;
    agents: Resolver<unknown, { queueId?: string | null }, Agent[]>;
    agent: Resolver<unknown, { id: string }, Agent | null>;
  };
  Mutation: {
    upsertQueue: Resolver<unknown, { input: QueueInput }, Queue>;
    upsertAgent: Resolver<unknown, { input: AgentInput }, Agent>;
    removeAgent: Resolver<unknown, { id: string }, Agent>;
    setAgentPresence: Resolver<unknown, { agentId: string; status: AgentStatus; activeConversations?: ChannelCountInput[] | null }, Agent>;
  };
  Queue: {
    openNow: Resolver<Queue, unknown, boolean>;
    nextOpeningAt: Resolver<Queue, unknown, Date | null>;
    waiting: Resolver<Queue, unknown, number>;
  };
  Agent: {
    capacity: Resolver<Agent, unknown, { channel: string; count: number }[]>;
    activeConversations: Resolver<Agent, unknown, { channel: string; count: number }[]>;
    queueIds: Resolver<Agent, unknown, string[]>;
  };
} = {
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
    setAgentPresence: (_p, { agentId, status, activeConversations }, context) => context.directory.setAgentPresence(agentId, status, activeConversations, actorOf(context)),
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
