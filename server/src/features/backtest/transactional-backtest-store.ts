/**
 * The backtest store, written once for every adapter: importing and deleting datasets and
 * replacing publish gates are units of work that read through the repositories, decide with
 * `dataset-transitions.ts` and write with their audit event. Adapters supply the repositories and
 * `BacktestAccess`.
 */
import { DuplicateKeyError, StaleWriteError, conflictAs, type Transaction, type UnitOfWork } from '../../store/unit-of-work';
import type { BacktestAccess, BacktestStore } from './backtest-store';
import { datasetIdTaken, datasetNotFound, importedDataset, removedDataset, replacedGates } from './dataset-transitions';

/** The part of a unit of work the backtest feature reads and writes. */
export type BacktestTransaction = Pick<Transaction, 'datasets' | 'backtestGates' | 'audit'>;

/** Builds the store over `uow`; reads and run records go straight to `access`. */
export function createBacktestStore(uow: UnitOfWork<BacktestTransaction>, access: BacktestAccess): BacktestStore {
  return {
    ...access,

    insertDataset: (dataset, rows, actor) =>
      uow
        .transaction(async (tx) => {
          const event = importedDataset(await tx.datasets.find(dataset.id), dataset, actor);
          await tx.datasets.insert(dataset, rows);
          await tx.audit.append(event);
        })
        .catch(conflictAs(DuplicateKeyError, async () => datasetIdTaken(dataset.id), 'id')),

    removeDataset: (id, at, actor) =>
      uow
        .transaction(async (tx) => {
          const dataset = await tx.datasets.find(id);
          const event = removedDataset(id, dataset, await tx.backtestGates.policiesGatedOn(id), at, actor);
          await tx.datasets.remove(id);
          await tx.audit.append(event);
          return dataset!;
        })
        // Another request deleted it first.
        .catch(conflictAs(StaleWriteError, async () => datasetNotFound(id))),

    replaceGates: (policyId, gates, at, actor) =>
      uow.transaction(async (tx) => {
        const datasets = await Promise.all(gates.map((gate) => tx.datasets.find(gate.datasetId)));
        const event = replacedGates(policyId, await tx.backtestGates.find(policyId), gates, datasets, at, actor);
        await tx.backtestGates.replace(policyId, gates);
        await tx.audit.append(event);
        return [...gates];
      }),
  };
}
