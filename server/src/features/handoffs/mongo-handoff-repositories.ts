/**
 * Handoffs on MongoDB (`assignments`): the repositories a unit of work writes through, bound to
 * its session (`store/mongo/mongo-unit-of-work.ts`), the webhooks outbox in the same
 * transaction, and the reads. No rule here: `handoff-lifecycle.ts` and `handoff-transitions.ts`
 * decide. Two starts of one conversation racing each other meet on the unique
 * `openConversationId` index; two transactions writing one handoff or one agent conflict, and the
 * driver retries the later on fresh data.
 */
import type { ClientSession } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { StaleWriteError } from '../../store/unit-of-work';
import type { MongoHandoffOutbox } from '../webhooks/mongo-webhook-repositories';
import { OPEN_STATUSES } from './handoff-lifecycle';
import type { AssignmentRecord, HandoffAccess, HandoffOutbox, HandoffRepository, QueueWait, StoredHandoff } from './handoff-store';
import { fromAssignmentDocument, handoffModels, SERVING_ORDER, toAssignmentDocument, type AssignmentDocument } from './mongo-handoff-models';

type Assignments = ReturnType<typeof handoffModels>['Assignment'];

/** 1 + the queued handoffs of `h`'s queue served before it. */
async function positionOf(Assignment: Assignments, h: StoredHandoff, session: ClientSession | null): Promise<number> {
  const ahead = await Assignment.countDocuments({
    status: 'QUEUED',
    queueId: h.queueId,
    $or: [{ rank: { $gt: h.rank } }, { rank: h.rank, createdAt: { $lt: h.createdAt } }, { rank: h.rank, createdAt: h.createdAt, _id: { $lt: h.decisionId } }],
  }).session(session);
  return ahead + 1;
}

/** The handoff a document stores, with its position when queued. */
async function toRecord(Assignment: Assignments, doc: AssignmentDocument | null, session: ClientSession | null): Promise<AssignmentRecord | null> {
  if (!doc) return null;
  const handoff = fromAssignmentDocument(doc, null);
  return handoff.status === 'QUEUED' ? { ...handoff, position: await positionOf(Assignment, handoff, session) } : handoff;
}

/** The conversation's open handoff, else its latest started one. */
async function ofConversation(Assignment: Assignments, conversationId: string, session: ClientSession | null): Promise<AssignmentRecord | null> {
  const open = await Assignment.findOne({ conversationId, status: { $in: OPEN_STATUSES } })
    .session(session)
    .lean();
  const doc = open ?? (await Assignment.findOne({ conversationId }).sort({ createdAt: -1, _id: -1 }).session(session).lean());
  return toRecord(Assignment, doc, session);
}

/** The repositories of one unit of work, bound to its session; `outbox` appends a handoff change's webhook events in it. */
export function mongoHandoffRepositories(
  ctx: MongoContext,
  outbox: MongoHandoffOutbox,
): (session: ClientSession) => { handoffs: HandoffRepository; handoffOutbox: HandoffOutbox } {
  const { Assignment } = handoffModels(ctx.connection);
  return (session) => ({
    handoffs: {
      find: async (decisionId) => toRecord(Assignment, await Assignment.findById(decisionId).session(session).lean(), session),
      findByConversation: (conversationId) => ofConversation(Assignment, conversationId, session),
      positionOf: (handoff) => positionOf(Assignment, handoff, session),
      candidatesOf: async (decisionId) => (await Assignment.findById(decisionId, { candidates: 1 }).session(session).lean())?.candidates ?? [],
      waitingFor: async (agentId) => {
        const docs = await Assignment.find({ status: 'QUEUED', candidates: agentId }).sort(SERVING_ORDER).session(session).lean();
        return docs.map((doc) => {
          const { position, ...handoff } = fromAssignmentDocument(doc, null);
          return (void position, handoff);
        });
      },
      countHeldBy: async (agentId) => await Assignment.countDocuments({ agentId, status: { $in: ['ASSIGNED', 'ACCEPTED'] } }).session(session),
      insert: (handoff, candidates) =>
        insertOrDuplicate(`Handoff '${handoff.decisionId}'`, { _id: 'decisionId', openConversationId: 'openConversation' }, () =>
          Assignment.create([toAssignmentDocument({ ...handoff, position: null }, candidates)], { session }),
        ),
      update: async (after, expected, candidates) => {
        const doc = toAssignmentDocument({ ...after, position: null }, candidates ?? []);
        const { status, agentId, assignedAt, acceptedAt, releasedAt, requeues, openConversationId } = doc;
        const { matchedCount } = await Assignment.updateOne(
          { _id: after.decisionId, status: expected.status, agentId: expected.agentId },
          {
            $set: { status, agentId, assignedAt, acceptedAt, releasedAt, requeues, ...(candidates ? { candidates: doc.candidates } : {}) },
            // The unique open-conversation key goes when the handoff ends (it never reopens).
            ...(openConversationId === undefined ? { $unset: { openConversationId: 1 } } : {}),
          },
          { session },
        );
        if (matchedCount === 0) throw new StaleWriteError(`Handoff '${after.decisionId}'`);
      },
      withdrawCandidate: async (agentId) => {
        await Assignment.updateMany({ status: { $in: OPEN_STATUSES }, candidates: agentId }, { $pull: { candidates: agentId } }, { session });
      },
    },
    handoffOutbox: { append: (change) => outbox(change, session) },
  });
}

/** The handoffs' reads on `ctx`. */
export function createMongoHandoffAccess(ctx: MongoContext): HandoffAccess {
  const { Assignment } = handoffModels(ctx.connection);
  return {
    getAssignment: async (decisionId) => toRecord(Assignment, await Assignment.findById(decisionId).lean(), null),
    findByConversation: (conversationId) => ofConversation(Assignment, conversationId, null),
    // Served by the { status, assignedAt } and { status, createdAt } indexes.
    dueForTimeout: async ({ assignedBefore, startedBefore, limit }) => {
      const ids = new Set<string>();
      if (startedBefore) {
        const stale = await Assignment.find({ status: { $in: OPEN_STATUSES }, createdAt: { $lte: startedBefore } }, { _id: 1 })
          .sort({ createdAt: 1 })
          .limit(limit)
          .lean();
        for (const { _id } of stale) ids.add(_id);
      }
      if (assignedBefore) {
        const unaccepted = await Assignment.find({ status: 'ASSIGNED', assignedAt: { $lte: assignedBefore } }, { _id: 1 })
          .sort({ assignedAt: 1 })
          .limit(limit)
          .lean();
        for (const { _id } of unaccepted) ids.add(_id);
      }
      return [...ids].slice(0, limit);
    },
    // Served by the partial { queueId, rank, createdAt } index of queued handoffs.
    queueWaits: async (): Promise<QueueWait[]> => {
      const groups = await Assignment.aggregate<{ _id: string; n: number; oldest: Date }>([
        { $match: { status: 'QUEUED' } },
        { $group: { _id: '$queueId', n: { $sum: 1 }, oldest: { $min: '$createdAt' } } },
      ]);
      return groups.map((g) => ({ queueId: g._id, waiting: g.n, oldestQueuedAt: new Date(g.oldest) }));
    },
    // Positions follow from the serving order.
    queuedIn: async (queueId, limit) => {
      const docs = await Assignment.find({ status: 'QUEUED', queueId }).sort(SERVING_ORDER).limit(limit).lean();
      return docs.map((doc, i) => fromAssignmentDocument(doc, i + 1));
    },
  };
}
