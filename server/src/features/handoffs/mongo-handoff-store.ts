/**
 * The handoff store on MongoDB. Reservation is the conditional `$inc` of
 * `mongo-assignments.ts` inside a snapshot transaction: two transactions reserving on one
 * agent write the same document, so one conflicts and the driver retries it on fresh counts,
 * and no agent is ever booked beyond capacity. Two starts of one conversation racing each other
 * meet on the unique `openConversationId` index: the later one gets the earlier's handoff.
 * Lifecycle steps are written as `handoff-lifecycle.ts` plans them; two steps racing on one
 * handoff write the same document, so the later is retried and planned on the fresh state.
 */
import type { ClientSession } from 'mongoose';
import { isDuplicateKey, type MongoContext } from '../../store/mongo/mongo-context';
import { appendMongoAuditEvent } from '../audit/mongo-audit-append';
import { handoffStarted, handoffStepped } from './handoff-audit';
import { candidateOrder, isOpen, OPEN_STATUSES } from './handoff-lifecycle';
import type { AssignmentRecord, HandoffChange, HandoffStore, QueueWait, StepResult } from './handoff-store';
import { mongoAssignments } from './mongo-assignments';
import { fromAssignmentDocument, handoffModels, SERVING_ORDER, toAssignmentDocument } from './mongo-handoff-models';

/** Creates the MongoDB handoff store; `outbox` is told of every change inside its transaction (the webhooks outbox). */
export function createMongoHandoffStore(
  ctx: MongoContext,
  outbox: (change: HandoffChange, session: ClientSession) => Promise<void> = async () => undefined,
): HandoffStore {
  const { Assignment } = handoffModels(ctx.connection);
  const assignments = mongoAssignments(ctx.connection);
  const { connection } = ctx;

  /** The decision's handoff, else the conversation's open one. */
  const existing = async (decisionId: string, conversationId: string, session: ClientSession | null): Promise<AssignmentRecord | null> => {
    const started = await assignments.read(decisionId, session);
    if (started) return started;
    const latest = await assignments.readConversation(conversationId, session);
    return latest && isOpen(latest.status) ? latest : null;
  };

  return {
    getAssignment: (decisionId) => assignments.read(decisionId, null),
    findByConversation: (conversationId) => assignments.readConversation(conversationId, null),
    startHandoff: async (request, actor) => {
      try {
        return await ctx.transaction(async (session) => {
          const found = await existing(request.decisionId, request.conversationId, session);
          if (found) return { assignment: found, created: false };
          let agentId: string | null = null;
          for (const id of request.ranked) {
            if (await assignments.reserve(id, request.channel, request.at, session)) {
              agentId = id;
              break;
            }
          }
          const record: AssignmentRecord = {
            decisionId: request.decisionId,
            conversationId: request.conversationId,
            customerId: request.customerId,
            queueId: request.queueId,
            agentId,
            channel: request.channel,
            status: agentId ? 'ASSIGNED' : 'QUEUED',
            rank: request.rank,
            fallbackUsed: request.fallbackUsed,
            explanation: request.explanation,
            createdAt: request.at,
            assignedAt: agentId ? request.at : null,
            acceptedAt: null,
            releasedAt: null,
            requeues: 0,
            startedBy: actor.keyId,
            position: null,
          };
          await Assignment.create([toAssignmentDocument(record, candidateOrder(request))], { session });
          const assignment = (await assignments.read(request.decisionId, session)) as AssignmentRecord;
          await appendMongoAuditEvent(connection, session, handoffStarted(assignment, request.at, actor));
          await outbox({ kind: 'start', after: assignment, at: request.at }, session);
          return { assignment, created: true };
        });
      } catch (error) {
        // A concurrent start of the same decision or conversation committed first: idempotent, return it.
        const found = isDuplicateKey(error) ? await existing(request.decisionId, request.conversationId, null) : null;
        if (found) return { assignment: found, created: false };
        throw error;
      }
    },
    transition: (decisionId, plan, actor) =>
      ctx.transaction(async (session): Promise<StepResult | null> => {
        const before = await assignments.read(decisionId, session);
        if (!before) return null;
        const step = plan(before);
        if (!step) return { before, after: before, step: null, next: null };
        if (step.free && before.agentId) await assignments.free(before.agentId, before.channel, session);
        if (step.requeueWithout !== null) {
          await Assignment.updateOne(
            { _id: decisionId },
            { $set: { status: 'QUEUED', agentId: null }, $inc: { requeues: 1 }, $pull: { candidates: step.requeueWithout } },
            { session },
          );
          const doc = await Assignment.findById(decisionId, { candidates: 1 }).session(session).lean();
          for (const id of doc?.candidates ?? []) {
            if (await assignments.reserve(id, before.channel, step.at, session)) {
              await assignments.assign(decisionId, id, step.at, session);
              break;
            }
          }
        } else {
          await Assignment.updateOne(
            { _id: decisionId },
            {
              $set: { status: step.status, ...(step.accepted ? { acceptedAt: step.at } : {}), ...(step.ends ? { releasedAt: step.at, candidates: [] } : {}) },
              ...(step.ends ? { $unset: { openConversationId: 1 } } : {}),
            },
            { session },
          );
        }
        let next: AssignmentRecord | null = null;
        if (step.drain && before.agentId) {
          const [taken] = await assignments.drain(before.agentId, step.at, session);
          next = taken ? await assignments.read(taken, session) : null;
        }
        const after = (await assignments.read(decisionId, session)) as AssignmentRecord;
        await appendMongoAuditEvent(connection, session, handoffStepped(step, before, after, next, actor));
        await outbox({ kind: 'step', step, before, after, next }, session);
        return { before, after, step, next };
      }),
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
    // Served by the partial { queueId, rank, createdAt } index of queued handoffs; positions follow from the serving order.
    queuedIn: async (queueId: string, limit: number): Promise<AssignmentRecord[]> => {
      const docs = await Assignment.find({ status: 'QUEUED', queueId }).sort(SERVING_ORDER).limit(limit).lean();
      return docs.map((doc, i) => fromAssignmentDocument(doc, i + 1));
    },
  };
}
