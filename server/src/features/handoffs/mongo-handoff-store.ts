/**
 * The handoff store on MongoDB. `startHandoff` reserves with the conditional `$inc` of
 * `mongo-assignments.ts` inside a snapshot transaction: two transactions reserving on one
 * agent write the same document, so one conflicts and the driver retries it on fresh counts,
 * and no agent is ever booked beyond capacity.
 */
import { isDuplicateKey, type MongoContext } from '../../store/mongo/mongo-context';
import { appendMongoAuditEvent } from '../audit/mongo-audit-append';
import { handoffReleased, handoffStarted } from './handoff-audit';
import type { AssignmentRecord, HandoffStore, QueueWait, ReleaseResult } from './handoff-store';
import { mongoAssignments } from './mongo-assignments';
import { handoffModels, toAssignmentDocument } from './mongo-handoff-models';

/** Creates the MongoDB handoff store. */
export function createMongoHandoffStore(ctx: MongoContext): HandoffStore {
  const { Assignment } = handoffModels(ctx.connection);
  const assignments = mongoAssignments(ctx.connection);
  const { connection } = ctx;

  return {
    getAssignment: (decisionId) => assignments.read(decisionId, null),
    startHandoff: async (request, actor) => {
      try {
        return await ctx.transaction(async (session) => {
          const existing = await assignments.read(request.decisionId, session);
          if (existing) return { assignment: existing, created: false };
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
            releasedAt: null,
            position: null,
          };
          await Assignment.create([toAssignmentDocument(record, request.qualified)], { session });
          const assignment = (await assignments.read(request.decisionId, session)) as AssignmentRecord;
          await appendMongoAuditEvent(connection, session, handoffStarted(assignment, request.at, actor));
          return { assignment, created: true };
        });
      } catch (error) {
        // A concurrent start of the same decision committed first: idempotent, return it.
        const existing = isDuplicateKey(error) ? await assignments.read(request.decisionId, null) : null;
        if (existing) return { assignment: existing, created: false };
        throw error;
      }
    },
    releaseAssignment: (decisionId, at, actor) =>
      ctx.transaction(async (session): Promise<ReleaseResult | null> => {
        const before = await assignments.read(decisionId, session);
        if (!before) return null;
        if (before.status === 'RELEASED') return { released: before, next: null, previousStatus: before.status };
        await Assignment.updateOne({ _id: decisionId }, { $set: { status: 'RELEASED', releasedAt: at, candidates: [] } }, { session });
        let next: AssignmentRecord | null = null;
        if (before.status === 'ASSIGNED' && before.agentId) {
          await assignments.free(before.agentId, before.channel, session);
          const [taken] = await assignments.drain(before.agentId, at, session);
          next = taken ? await assignments.read(taken, session) : null;
        }
        const released = (await assignments.read(decisionId, session)) as AssignmentRecord;
        await appendMongoAuditEvent(connection, session, handoffReleased(before, released, next, at, actor));
        return { released, next, previousStatus: before.status };
      }),
    // Served by the partial { queueId, rank, createdAt } index of queued handoffs.
    queueWaits: async (): Promise<QueueWait[]> => {
      const groups = await Assignment.aggregate<{ _id: string; n: number; oldest: Date }>([
        { $match: { status: 'QUEUED' } },
        { $group: { _id: '$queueId', n: { $sum: 1 }, oldest: { $min: '$createdAt' } } },
      ]);
      return groups.map((g) => ({ queueId: g._id, waiting: g.n, oldestQueuedAt: new Date(g.oldest) }));
    },
  };
}
