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
import { fromAssignmentDocument, handoffModels, SERVING_ORDER } from '../handoffs/mongo-handoff-models';
import type { MongoHandoffOutbox } from '../webhooks/mongo-webhook-repositories';
import type { AgentRepository, DirectoryAccess, QueuedHandoffRepository, QueueRepository } from './directory-store';
import { directoryModels, fromAgentDocument, fromQueueDocument, toAgentDocument, toQueueDocument } from './mongo-directory-models';

/** The filter matching agent `expected.id` only while its presence and load are still `expected`'s (handoffs change load outside the unit of work). */
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

/**
 * The repositories of one unit of work, bound to its session. `outbox` is told, in the same
 * transaction, of each queued handoff an agent's free capacity takes (the webhooks outbox).
 */
export function mongoDirectoryRepositories(
  ctx: MongoContext,
  outbox: MongoHandoffOutbox,
): (session: ClientSession) => { queues: QueueRepository; agents: AgentRepository; queuedHandoffs: QueuedHandoffRepository } {
  const { Queue, Agent } = directoryModels(ctx.connection);
  const { Assignment } = handoffModels(ctx.connection);
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
      remove: async (expected) => {
        const { deletedCount } = await Agent.deleteOne(asRead(expected), { session });
        if (deletedCount === 0) throw new StaleWriteError(`Agent '${expected.id}'`);
      },
    },
    queuedHandoffs: {
      waitingFor: async (agentId) => {
        const docs = await Assignment.find({ status: 'QUEUED', candidates: agentId }).sort(SERVING_ORDER).session(session).lean();
        return docs.map((doc) => {
          const { position, ...handoff } = fromAssignmentDocument(doc, null);
          return (void position, handoff);
        });
      },
      countHeldBy: async (agentId) => await Assignment.countDocuments({ agentId, status: { $in: ['ASSIGNED', 'ACCEPTED'] } }).session(session),
      assign: async (after, at) => {
        const { matchedCount } = await Assignment.updateOne(
          { _id: after.decisionId, status: 'QUEUED' },
          { $set: { status: 'ASSIGNED', agentId: after.agentId, assignedAt: at } },
          { session },
        );
        if (matchedCount === 0) throw new StaleWriteError(`Handoff '${after.decisionId}'`);
        await outbox({ kind: 'assign', after, at }, session);
      },
      withdrawCandidate: async (agentId) => {
        await Assignment.updateMany(
          { status: { $in: ['QUEUED', 'ASSIGNED', 'ACCEPTED'] }, candidates: agentId },
          { $pull: { candidates: agentId } },
          { session },
        );
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
        const lastAgentByCustomer: Record<string, string> = {};
        const latest = await Assignment.aggregate<{ _id: string; agentId: string }>([
          { $match: { agentId: { $type: 'string' } } },
          { $sort: { customerId: 1, assignedAt: -1 } },
          { $group: { _id: '$customerId', agentId: { $first: '$agentId' } } },
        ]).session(session);
        for (const { _id, agentId } of latest) lastAgentByCustomer[_id] = agentId;
        return { queues: await listQueues(session), agents: await listAgents(session), waitingByQueue, lastAgentByCustomer };
      }),
  };
}
