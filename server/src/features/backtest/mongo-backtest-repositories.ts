/**
 * The backtest feature over MongoDB: the repositories a unit of work writes through
 * (`store/mongo/mongo-unit-of-work.ts`) and the reads. No rule here: `dataset-transitions.ts`
 * decides. A dataset is removed while no gate names it, and a gate only names a dataset that
 * exists, though the two units of work write different documents: every audited transaction also
 * moves the audit head, so a removal racing a gate change conflicts there, and the retried one
 * reads the other's result and refuses.
 */
import type { ClientSession } from 'mongoose';
import { insertOrDuplicate } from '../../store/mongo/insert-or-duplicate';
import type { MongoContext } from '../../store/mongo/mongo-context';
import { StaleWriteError } from '../../store/unit-of-work';
import type { BacktestAccess, BacktestGateRepository, BacktestRunFilter, DatasetRepository } from './backtest-store';
import {
  backtestModels,
  fromBacktestGatesDocument,
  fromBacktestRunDocument,
  fromDatasetDocument,
  fromDatasetRowDocument,
  toBacktestGatesDocument,
  toBacktestRunDocument,
  toDatasetDocument,
  toDatasetRowDocument,
} from './mongo-backtest-models';

/** The repositories of one unit of work, bound to its session. */
export function mongoBacktestRepositories(
  ctx: MongoContext,
): (session: ClientSession) => { datasets: DatasetRepository; backtestGates: BacktestGateRepository } {
  const { Dataset, DatasetRow, BacktestGates } = backtestModels(ctx.connection);
  return (session) => ({
    datasets: {
      find: async (id) => {
        const doc = await Dataset.findById(id, null, { session }).lean();
        return doc ? fromDatasetDocument(doc) : null;
      },
      insert: async (dataset, rows) => {
        await insertOrDuplicate('dataset', { _id: 'id' }, () => Dataset.create([toDatasetDocument(dataset)], { session }));
        await DatasetRow.insertMany(
          rows.map((row, position) => toDatasetRowDocument(dataset.id, position, row)),
          { session, ordered: true },
        );
      },
      remove: async (id) => {
        const removed = await Dataset.deleteOne({ _id: id }, { session });
        if (removed.deletedCount === 0) throw new StaleWriteError(`Dataset '${id}'`);
        await DatasetRow.deleteMany({ datasetId: id }, { session });
      },
    },
    backtestGates: {
      find: async (policyId) => {
        const doc = await BacktestGates.findById(policyId, null, { session }).lean();
        return doc ? fromBacktestGatesDocument(doc) : [];
      },
      replace: async (policyId, gates) => {
        if (gates.length === 0) await BacktestGates.deleteOne({ _id: policyId }, { session });
        else await BacktestGates.replaceOne({ _id: policyId }, toBacktestGatesDocument(policyId, gates), { session, upsert: true, runValidators: true });
      },
      policiesGatedOn: async (datasetId) =>
        (await BacktestGates.find({ 'gates.datasetId': datasetId }, { _id: 1 }, { session }).sort({ _id: 1 }).lean()).map((doc) => doc._id),
    },
  });
}

/** Only the filters `filter` sets: an unset one (undefined or null) matches every run. */
function runQuery(filter: BacktestRunFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const field of ['datasetId', 'policyId', 'contentHash'] as const) {
    const value = filter[field];
    if (value !== undefined && value !== null) query[field] = value;
  }
  if (filter.gateRuns) query.gateRun = true;
  return query;
}

/** The backtest feature's reads and run records. */
export function createMongoBacktestAccess(ctx: MongoContext): BacktestAccess {
  const { Dataset, DatasetRow, BacktestRun, BacktestGates } = backtestModels(ctx.connection);
  return {
    listDatasets: async () => (await Dataset.find().sort({ createdAt: -1, _id: -1 }).lean()).map(fromDatasetDocument),
    findDataset: async (id) => {
      const doc = await Dataset.findById(id).lean();
      return doc ? fromDatasetDocument(doc) : null;
    },
    // One snapshot: a dataset removed meanwhile is read whole or not at all, never a part of its rows.
    datasetRows: (id) =>
      ctx.transaction(async (session) => {
        if (!(await Dataset.exists({ _id: id }).session(session))) return null;
        return (await DatasetRow.find({ datasetId: id }, { row: 1 }, { session }).sort({ position: 1 }).lean()).map(fromDatasetRowDocument);
      }),
    datasetRow: async (datasetId, rowId) => {
      const doc = await DatasetRow.findOne({ datasetId, rowId }, { row: 1 }).lean();
      return doc ? fromDatasetRowDocument(doc) : null;
    },
    findGates: async (policyId) => {
      const doc = await BacktestGates.findById(policyId).lean();
      return doc ? fromBacktestGatesDocument(doc) : [];
    },
    insertRun: async (run) => {
      await BacktestRun.create(toBacktestRunDocument(run));
    },
    findRun: async (id) => {
      const doc = await BacktestRun.findById(id, { run: 1 }).lean();
      return doc ? fromBacktestRunDocument(doc) : null;
    },
    listRuns: async (filter) =>
      (await BacktestRun.find(runQuery(filter), { run: 1 }).sort({ startedAt: -1, _id: -1 }).limit(filter.limit).lean()).map(fromBacktestRunDocument),
  };
}
