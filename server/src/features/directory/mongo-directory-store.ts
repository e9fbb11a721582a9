/**
 * The directory store on MongoDB (`queues`, `agents`; handoffs in `assignments`). Each change
 * reads what it replaces and writes it in one snapshot transaction with its audit event, so a
 * concurrent change to the same document conflicts and is retried on fresh data.
 */
import { CHANNELS, type Agent, type ChannelCounts } from '@baton/schemas';
import { canonicalJson } from '@baton/rules';
import type { ClientSession } from 'mongoose';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { appendMongoAuditEvent } from '../audit/mongo-audit-append';
import type { AssignmentRecord, HandoffChange } from '../handoffs/handoff-store';
import { mongoAssignments } from '../handoffs/mongo-assignments';
import { handoffModels } from '../handoffs/mongo-handoff-models';
import { agentSummary, profileOf } from './agent-profile';
import type { DirectoryStore } from './directory-store';
import { allChannels, directoryModels, fromAgentDocument, fromQueueDocument, toAgentDocument, toQueueDocument } from './mongo-directory-models';

/** Creates the MongoDB directory store; `outbox` is told, inside the transaction, of each queued handoff an agent's freed capacity takes (the webhooks outbox). */
export function createMongoDirectoryStore(
  ctx: MongoContext,
  outbox: (change: HandoffChange, session: ClientSession) => Promise<void> = async () => undefined,
): DirectoryStore {
  const { Queue, Agent } = directoryModels(ctx.connection);
  const { Assignment } = handoffModels(ctx.connection);
  const assignments = mongoAssignments(ctx.connection);
  const audit = appendMongoAuditEvent.bind(null, ctx.connection);
  /** Lets `agentId`'s free capacity take queued handoffs, each told to the outbox. */
  const drain = async (agentId: string, at: Date, session: ClientSession): Promise<string[]> => {
    const taken = await assignments.drain(agentId, at, session);
    for (const id of taken) await outbox({ kind: 'assign', after: (await assignments.read(id, session)) as AssignmentRecord, at }, session);
    return taken;
  };

  const readAgent = async (id: string, session: ClientSession | null): Promise<Agent | null> => {
    const doc = await Agent.findById(id).session(session).lean();
    return doc ? fromAgentDocument(doc) : null;
  };
  const listQueues = async (session: ClientSession | null) => (await Queue.find().sort({ _id: 1 }).session(session).lean()).map(fromQueueDocument);
  const listAgents = async (session: ClientSession | null) => (await Agent.find().sort({ _id: 1 }).session(session).lean()).map(fromAgentDocument);

  return {
    listQueues: () => listQueues(null),
    getQueue: async (id) => {
      const doc = await Queue.findById(id).lean();
      return doc ? fromQueueDocument(doc) : null;
    },
    upsertQueue: (queue, at, actor) =>
      ctx.transaction(async (session) => {
        const before = await Queue.findById(queue.id).session(session).lean();
        const previous = before ? fromQueueDocument(before) : null;
        if (previous && canonicalJson(previous) === canonicalJson(queue)) return previous;
        const doc = toQueueDocument(queue, { createdAt: before?.createdAt ?? at, updatedAt: at });
        await Queue.validate(doc);
        await Queue.replaceOne({ _id: queue.id }, doc, { session, upsert: true });
        await audit(session, {
          actor,
          action: 'directory.queue.upsert',
          targetType: 'queue',
          targetId: queue.id,
          before: previous ?? undefined,
          after: queue,
          at,
        });
        return queue;
      }),
    listAgents: () => listAgents(null),
    getAgent: (id) => readAgent(id, null),
    upsertAgent: (profile, at, actor) =>
      ctx.transaction(async (session) => {
        const before = await Agent.findById(profile.id).session(session).lean();
        const previous = before ? fromAgentDocument(before) : null;
        if (previous && canonicalJson(profileOf(previous)) === canonicalJson(profileOf(profile))) return previous;
        // A new agent starts offline and idle; an existing one keeps its presence and load.
        const presence = previous ?? { status: 'OFFLINE' as const, activeConversations: {}, lastAssignedAt: null };
        const next: Agent = {
          ...profileOf(profile),
          status: presence.status,
          activeConversations: presence.activeConversations,
          lastAssignedAt: presence.lastAssignedAt,
        };
        const doc = toAgentDocument(next, { createdAt: before?.createdAt ?? at, updatedAt: at });
        await Agent.validate(doc);
        await Agent.replaceOne({ _id: profile.id }, doc, { session, upsert: true });
        await audit(session, {
          actor,
          action: 'directory.agent.upsert',
          targetType: 'agent',
          targetId: profile.id,
          before: previous ? agentSummary(previous) : undefined,
          after: agentSummary(profile),
          at,
        });
        // A raised capacity may take queued handoffs at once.
        await drain(profile.id, at, session);
        return (await readAgent(profile.id, session)) as Agent;
      }),
    removeAgent: (id, at, actor) =>
      ctx.transaction(async (session) => {
        const previous = await readAgent(id, session);
        if (!previous) return { status: 'not-found' as const };
        const assigned = await Assignment.countDocuments({ agentId: id, status: { $in: ['ASSIGNED', 'ACCEPTED'] } }).session(session);
        if (assigned > 0) return { status: 'busy' as const, assigned };
        // Open handoffs stop waiting for it (or being requeued to it).
        await Assignment.updateMany({ status: { $in: ['QUEUED', 'ASSIGNED', 'ACCEPTED'] }, candidates: id }, { $pull: { candidates: id } }, { session });
        await Agent.deleteOne({ _id: id }, { session });
        await audit(session, { actor, action: 'directory.agent.remove', targetType: 'agent', targetId: id, before: agentSummary(previous), at });
        return { status: 'removed' as const, agent: previous };
      }),
    setAgentPresence: (agentId, status, active, at, actor) =>
      ctx.transaction(async (session) => {
        const previous = await readAgent(agentId, session);
        if (!previous) return null;
        const before = { status: previous.status, activeConversations: previous.activeConversations };
        const nextActive: ChannelCounts = active ?? previous.activeConversations;
        const after = { status, activeConversations: Object.fromEntries(Object.entries(nextActive).filter(([, n]) => (n ?? 0) > 0)) };
        if (canonicalJson(before) === canonicalJson(after)) return { agent: previous, assigned: [] };
        const counts = active ? allChannels(active) : null;
        await Agent.updateOne(
          { _id: agentId },
          { $set: { status, updatedAt: at, ...(counts ? Object.fromEntries(CHANNELS.map((channel) => [`active.${channel}`, counts[channel]])) : {}) } },
          { session, runValidators: true },
        );
        const assigned = status === 'ONLINE' ? await drain(agentId, at, session) : [];
        await audit(session, { actor, action: 'directory.agent.presence', targetType: 'agent', targetId: agentId, before, after: { ...after, assigned }, at });
        return { agent: (await readAgent(agentId, session)) as Agent, assigned };
      }),
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
