/**
 * Internal: what the MongoDB handoff store needs — reading an assignment with
 * its queue position, reserving capacity with a conditional `$inc`, and letting freed capacity
 * take queued handoffs (the counterpart of `sqlite-assignments.ts`). Writes run in the
 * caller's transaction (`session`).
 */
import type { Channel } from '@baton/schemas';
import type { ClientSession, Connection } from 'mongoose';
import { directoryModels } from '../directory/mongo-directory-models';
import { OPEN_STATUSES } from './handoff-lifecycle';
import type { AssignmentRecord } from './handoff-store';
import { fromAssignmentDocument, handoffModels, SERVING_ORDER, type AssignmentDocument } from './mongo-handoff-models';

/** The assignment operations over one connection. */
export function mongoAssignments(connection: Connection) {
  const { Assignment } = handoffModels(connection);
  const { Agent } = directoryModels(connection);

  /** 1 + the queued handoffs of the same queue served before `doc`; null unless `doc` is queued. */
  const positionOf = async (doc: AssignmentDocument, session: ClientSession | null): Promise<number | null> => {
    if (doc.status !== 'QUEUED') return null;
    const ahead = await Assignment.countDocuments({
      status: 'QUEUED',
      queueId: doc.queueId,
      $or: [
        { rank: { $gt: doc.rank } },
        { rank: doc.rank, createdAt: { $lt: doc.createdAt } },
        { rank: doc.rank, createdAt: doc.createdAt, _id: { $lt: doc._id } },
      ],
    }).session(session);
    return ahead + 1;
  };

  /**
   * One unit of `agentId`'s capacity on `channel` if the agent is online and not full. The
   * condition and the increment are one update, and a concurrent transaction reserving on the
   * same agent conflicts with it (the driver retries the later one), so capacity is never exceeded.
   */
  const reserve = async (agentId: string, channel: Channel, at: Date, session: ClientSession): Promise<boolean> => {
    const { matchedCount } = await Agent.updateOne(
      { _id: agentId, status: 'ONLINE', $expr: { $lt: [`$active.${channel}`, `$capacity.${channel}`] } },
      { $inc: { [`active.${channel}`]: 1 }, $set: { lastAssignedAt: at } },
      { session },
    );
    return matchedCount === 1;
  };

  /** Assigns a queued handoff to `agentId` (whose capacity the caller reserved); its candidates stay for a later requeue. */
  const assign = async (decisionId: string, agentId: string, at: Date, session: ClientSession): Promise<void> => {
    await Assignment.updateOne({ _id: decisionId, status: 'QUEUED' }, { $set: { status: 'ASSIGNED', agentId, assignedAt: at } }, { session });
  };

  return {
    /** The assignment of `decisionId` with its position; null when unknown. */
    async read(decisionId: string, session: ClientSession | null): Promise<AssignmentRecord | null> {
      const doc = await Assignment.findById(decisionId).session(session).lean();
      return doc ? fromAssignmentDocument(doc, await positionOf(doc, session)) : null;
    },
    /** The conversation's open handoff, else its latest started one; null when none. */
    async readConversation(conversationId: string, session: ClientSession | null): Promise<AssignmentRecord | null> {
      const open = await Assignment.findOne({ conversationId, status: { $in: OPEN_STATUSES } })
        .session(session)
        .lean();
      const doc = open ?? (await Assignment.findOne({ conversationId }).sort({ createdAt: -1, _id: -1 }).session(session).lean());
      return doc ? fromAssignmentDocument(doc, await positionOf(doc, session)) : null;
    },
    reserve,
    assign,
    /** Gives back one unit of `agentId`'s load on `channel`, never below 0 (as SQLite's MAX(active - 1, 0)). */
    async free(agentId: string, channel: Channel, session: ClientSession): Promise<void> {
      await Agent.updateOne({ _id: agentId, [`active.${channel}`]: { $gt: 0 } }, { $inc: { [`active.${channel}`]: -1 } }, { session });
    },
    /**
     * Lets `agentId`'s free capacity take the queued handoffs it is a candidate for, highest
     * rank and oldest first, skipping channels that filled up.
     * @returns the decision ids assigned, in that order
     */
    async drain(agentId: string, at: Date, session: ClientSession): Promise<string[]> {
      const waiting = await Assignment.find({ status: 'QUEUED', candidates: agentId }, { channel: 1 }).sort(SERVING_ORDER).session(session).lean();
      const assigned: string[] = [];
      const full = new Set<Channel>();
      for (const { _id, channel } of waiting) {
        const onChannel = channel as Channel;
        if (full.has(onChannel)) continue;
        if (!(await reserve(agentId, onChannel, at, session))) {
          full.add(onChannel);
          continue;
        }
        await assign(_id, agentId, at, session);
        assigned.push(_id);
      }
      return assigned;
    },
  };
}
