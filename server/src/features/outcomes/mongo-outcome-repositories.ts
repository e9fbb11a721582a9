/**
 * The outcomes feature over MongoDB: the repository a unit of work writes through
 * (`store/mongo/mongo-unit-of-work.ts`) and the reads, the KPI aggregation pipelines among them
 * (`mongo-kpi-pipelines.ts`). No rule here: `outcome-transitions.ts` decides. Two updates of one
 * conversation racing write the same document (and the audit head) in their transactions, so one
 * is retried and merges onto the other's result.
 */
import type { ClientSession } from 'mongoose';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { createMongoKpiPipelines, outcomeMatch } from './mongo-kpi-pipelines';
import { fromOutcomeDocument, outcomeId, outcomeModels, toOutcomeDocument } from './mongo-outcome-models';
import type { OutcomeAccess, OutcomeRepository } from './outcome-store';

/** The repository of one unit of work, bound to its session. */
export function mongoOutcomeRepositories(ctx: MongoContext): (session: ClientSession) => { outcomes: OutcomeRepository } {
  const { Outcome } = outcomeModels(ctx.connection);
  return (session) => ({
    outcomes: {
      find: async (conversationId, kind) => {
        const doc = await Outcome.findById(outcomeId(kind, conversationId), null, { session }).lean();
        return doc ? fromOutcomeDocument(doc) : null;
      },
      save: async (record) => {
        const doc = toOutcomeDocument(record);
        await Outcome.replaceOne({ _id: doc._id }, doc, { session, upsert: true, runValidators: true });
      },
    },
  });
}

/** The outcomes feature's reads. */
export function createMongoOutcomeAccess(ctx: MongoContext): OutcomeAccess {
  const { Outcome } = outcomeModels(ctx.connection);
  const pipelines = createMongoKpiPipelines(ctx.connection);
  return {
    findOutcome: async (conversationId, kind) => {
      const doc = await Outcome.findById(outcomeId(kind, conversationId)).lean();
      return doc ? fromOutcomeDocument(doc) : null;
    },
    kpiAggregates: (query) => pipelines.aggregates(query),
    reasonFeedback: (filter) => pipelines.reasonFeedback(filter),
    listOutcomes: async (selection, limit) => {
      const match: Record<string, unknown> = outcomeMatch(selection.filter, selection.kind);
      if (selection.resolution) match.resolution = selection.resolution;
      if (selection.verdict) match.agentVerdict = selection.verdict;
      if (selection.correctedReasonCode) {
        match.correctedReasonCode = selection.correctedReasonCode;
        match.$expr = { $ne: ['$correctedReasonCode', '$reasonCode'] };
      }
      const docs = await Outcome.find(match).sort({ decidedAt: -1, conversationId: -1 }).limit(limit).lean();
      return docs.map(fromOutcomeDocument);
    },
  };
}
