/**
 * The directory on MongoDB (`queues`, `agents`; handoffs in `assignments`): the repositories a
 * unit of work writes through, bound to its session (`store/mongo/mongo-unit-of-work.ts`), and
 * the reads. No rule here: `directory-transitions.ts` decides.
 */
import { CHANNELS, type Agent, type Queue } from '@baton/schemas';
import type { ClientSession } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { StaleWriteError } from '../../store/unit-of-work';
import { handoffModels } from '../handoffs/mongo-handoff-models';
import type { AgentRepository, DirectoryAccess, QueueRepository } from './directory-store';
import { directoryModels, fromAgentDocument, fromQueueDocument, toAgentDocument, toQueueDocument } from './mongo-directory-models';

/** The filter matching agent `expected.id` only while its presence and load are still `expected`'s (a concurrent handoff may have moved its load). */
const asRead = (expected: Agent) => ({
  _id: expected.id,
  status: expected.status,
  ...Object.fromEntries(CHANNELS.map((channel) => [`active.${channel}`, expected.activeConversations[channel] ?? 0])),
});

/** What an update sets: `doc` without `_id` (immutable) and `createdAt` (kept). */
const changedFields = <T extends { _id: string; createdAt: Date }>({ _id, createdAt, ...fields }: T): Omit<T, '_id' | 'createdAt'> => (
  void [_id, createdAt],
  fields
);

/** The repositories of one unit of work, bound to its session. */
export function mongoDirectoryRepositories(ctx: MongoContext): (session: ClientSession) => { queues: QueueRepository; agents: AgentRepository } {
  const { Queue, Agent } = directoryModels(ctx.connection);
  return (session) => ({
    queues: {
      find: async (id) => {
        const doc = await Queue.findById(id).session(session).lean();
        return doc ? fromQueueDocument(doc) : null;
      },
      insert: (queue, at) =>
        insertOrDuplicate(`Queue '${queue.id}'`, { _id: 'id' }, () => Queue.create([toQueueDocument(queue, { createdAt: at, updatedAt: at })], { session })),
      update: async (queue, at) => {
        const doc = toQueueDocument(queue, { createdAt: at, updatedAt: at });
        await Queue.validate(doc);
        await Queue.updateOne({ _id: queue.id }, { $set: changedFields(doc) }, { session });
      },
    },
    agents: {
      find: async (id) => {
        const doc = await Agent.findById(id).session(session).lean();
        return doc ? fromAgentDocument(doc) : null;
      },
      insert: (agent, at) =>
        insertOrDuplicate(`Agent '${agent.id}'`, { _id: 'id' }, () => Agent.create([toAgentDocument(agent, { createdAt: at, updatedAt: at })], { session })),
      update: async (agent, expected, at) => {
        const doc = toAgentDocument(agent, { createdAt: at, updatedAt: at });
        await Agent.validate(doc);
        const { matchedCount } = await Agent.updateOne(asRead(expected), { $set: changedFields(doc) }, { session });
        if (matchedCount === 0) throw new StaleWriteError(`Agent '${agent.id}'`);
      },
      updateLoad: async (agent, expected) => {
        const load = Object.fromEntries(CHANNELS.map((channel) => [`active.${channel}`, agent.activeConversations[channel] ?? 0]));
        const { matchedCount } = await Agent.updateOne(asRead(expected), { $set: { ...load, lastAssignedAt: agent.lastAssignedAt } }, { session });
        if (matchedCount === 0) throw new StaleWriteError(`Agent '${agent.id}'`);
      },
      remove: async (expected) => {
        const { deletedCount } = await Agent.deleteOne(asRead(expected), { session });
        if (deletedCount === 0) throw new StaleWriteError(`Agent '${expected.id}'`);
      },
    },
  });
}

/** The directory's reads on `ctx`. */
export function createMongoDirectoryAccess(ctx: MongoContext): DirectoryAccess {
  const { Queue, Agent } = directoryModels(ctx.connection);
  const { Assignment } = handoffModels(ctx.connection);
  const listQueues = async (session: ClientSession | null): Promise<Queue[]> =>
    (await Queue.find().sort({ _id: 1 }).session(session).lean()).map(fromQueueDocument);
  const listAgents = async (session: ClientSession | null): Promise<Agent[]> =>
    (await Agent.find().sort({ _id: 1 }).session(session).lean()).map(fromAgentDocument);
  return {
    listQueues: () => listQueues(null),
    getQueue: async (id) => {
      const doc = await Queue.findById(id).lean();
      return doc ? fromQueueDocument(doc) : null;
    },
    listAgents: () => listAgents(null),
    getAgent: async (id) => {
      const doc = await Agent.findById(id).lean();
      return doc ? fromAgentDocument(doc) : null;
    },
    // One snapshot-read transaction: queues, agents and waiting handoffs as of one moment.
    snapshot: () =>
      ctx.transaction(async (session) => {
        const waitingByQueue: Record<string, number> = {};
        const waiting = await Assignment.aggregate<{ _id: string; n: number }>([
          { $match: { status: 'QUEUED' } },
          { $group: { _id: '$queueId', n: { $sum: 1 } } },
        ]).session(session);
        for (const { _id, n } of waiting) waitingByQueue[_id] = n;
        return { queues: await listQueues(session), agents: await listAgents(session), waitingByQueue };
      }),
    lastAgentOf: async (customerId) => {
      const doc = await Assignment.findOne({ customerId, agentId: { $type: 'string' } })
        .sort({ assignedAt: -1 })
        .select({ agentId: 1 })
        .lean();
      return (doc?.agentId as string | undefined) ?? null;
    },
  };
}
