/**
 * The decision log on MongoDB: the repository a unit of work appends through (a batch is one
 * multi-document transaction), the reads, keyset pages on (evaluatedAt, _id) descending, which
 * every filter index of `mongo-decision-log-models.ts` ends with, and retention: the TTL index
 * when `retentionDays` is set; the port's explicit purge works either way.
 */
import type { ClientSession, QueryFilter } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import type { MongoContext } from '../../store/mongo/mongo-context';
import type { DecisionLogAccess, DecisionPageQuery, DecisionRepository } from './decision-log-store';
import { decisionLogModels, fromDecisionDocument, toDecisionDocument, type DecisionDocument, type DecisionLogModelOptions } from './mongo-decision-log-models';

/** The MongoDB filter of one page query: the filter's fields, then strictly after the cursor. */
function filterOf({ filter, after }: DecisionPageQuery): QueryFilter<DecisionDocument> {
  const clauses: QueryFilter<DecisionDocument>[] = [];
  const equals: QueryFilter<DecisionDocument> = {};
  if (filter.policyId !== undefined) equals.policyId = filter.policyId;
  if (filter.policyVersion !== undefined) equals.policyVersion = filter.policyVersion;
  if (filter.conversationId !== undefined) equals.conversationId = filter.conversationId;
  if (filter.action !== undefined) equals['outcome.action'] = filter.action;
  if (filter.reasonCode !== undefined) equals['outcome.reasonCode'] = filter.reasonCode;
  if (filter.queue !== undefined) equals['outcome.queue'] = filter.queue;
  if (filter.channel !== undefined) equals['facts.channel'] = filter.channel;
  if (filter.language !== undefined) equals['facts.language'] = filter.language;
  clauses.push(equals);
  if (filter.from || filter.to) {
    clauses.push({ evaluatedAt: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } });
  }
  if (after) {
    clauses.push({ $or: [{ evaluatedAt: { $lt: after.evaluatedAt } }, { evaluatedAt: after.evaluatedAt, _id: { $lt: after.decisionId } }] });
  }
  return clauses.length === 1 ? equals : { $and: clauses };
}

/**
 * The repository of one unit of work, bound to its session.
 * @param options.retentionDays as for {@link createMongoDecisionLogAccess}
 */
export function mongoDecisionRepositories(ctx: MongoContext, options: DecisionLogModelOptions): (session: ClientSession) => { decisions: DecisionRepository } {
  const { DecisionLogEntry } = decisionLogModels(ctx.connection, options);
  return (session) => ({
    decisions: {
      insert: (records) =>
        insertOrDuplicate('Decision', { _id: 'decisionId' }, () => DecisionLogEntry.insertMany(records.map(toDecisionDocument), { session, ordered: true })),
    },
  });
}

/**
 * The decision log's reads and retention purge.
 * @param options.retentionDays `BATON_DECISION_RETENTION_DAYS`, declared as the TTL of the
 *   `loggedAt` index (indexes are created by `syncIndexes` at start-up, not here)
 * @throws as `decisionLogModels` for a bad or conflicting retention
 */
export function createMongoDecisionLogAccess(ctx: MongoContext, options: DecisionLogModelOptions): DecisionLogAccess {
  const { DecisionLogEntry } = decisionLogModels(ctx.connection, options);
  return {
    getDecision: async (decisionId) => {
      const doc = await DecisionLogEntry.findById(decisionId).lean();
      return doc ? fromDecisionDocument(doc) : null;
    },
    queryDecisions: async (query) => {
      // One document more than asked says whether another page follows.
      const docs = await DecisionLogEntry.find(filterOf(query))
        .sort({ evaluatedAt: -1, _id: -1 })
        .limit(query.first + 1)
        .lean();
      return { decisions: docs.slice(0, query.first).map(fromDecisionDocument), hasNextPage: docs.length > query.first };
    },
    countDecisions: async () => DecisionLogEntry.countDocuments({}),
    recentCustomerTiers: async (limit) => {
      const groups = await DecisionLogEntry.aggregate<{ _id: string }>([
        { $sort: { evaluatedAt: -1, _id: -1 } },
        { $limit: limit },
        { $match: { 'facts.customerTier': { $type: 'string', $ne: '' } } },
        { $group: { _id: '$facts.customerTier' } },
        { $sort: { _id: 1 } },
      ]);
      return groups.map((g) => g._id);
    },
    purgeDecisionsLoggedBefore: async (cutoff) => {
      // The server yields between documents of a multi-document delete, so unlike SQLite no chunking is needed to let requests through.
      const { deletedCount } = await DecisionLogEntry.deleteMany({ loggedAt: { $lt: cutoff } });
      return deletedCount;
    },
  };
}
