/**
 * The backtest feature in memory, for unit tests of its services: the same unique dataset, row
 * and run ids, conditional removal, gates and orderings as `sqlite-backtest-repositories.ts`, over
 * maps. Rows and gates are kept as the JSON text the stored adapters keep, and runs as their JSON
 * reads back, so what a test reads (dates revived, absent fields dropped) is what they return.
 */
import type { BacktestRow } from '@baton/rules';
import { byCodeUnit, insertUnique, type QueueMemoryWrite } from '../../store/memory/memory-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import { runFromJson, runToJson } from './backtest-run-json';
import type { BacktestAccess, BacktestGate, BacktestRunRecord, DatasetRecord } from './backtest-store';
import { rowFromJson, rowToJson } from './dataset-row-json';
import type { BacktestTransaction } from './transactional-backtest-store';

/** A stored row: its id (unique within its dataset) and its text. */
interface StoredRow {
  id: string;
  json: string;
}

/** Everything the backtest feature stores. */
export type BacktestTables = {
  datasets: Map<string, DatasetRecord>;
  /** Dataset id → its rows in line order. */
  datasetRows: Map<string, StoredRow[]>;
  /** Policy id → its gates as JSON text; a policy without gates has no entry. */
  backtestGates: Map<string, string>;
  backtestRuns: Map<string, BacktestRunRecord>;
};

/** Empty tables. */
export function emptyBacktestTables(): BacktestTables {
  return { datasets: new Map(), datasetRows: new Map(), backtestGates: new Map(), backtestRuns: new Map() };
}

const copy = <T>(value: T | undefined): T | null => (value === undefined ? null : structuredClone(value));
const gatesOf = (tables: BacktestTables, policyId: string): BacktestGate[] => JSON.parse(tables.backtestGates.get(policyId) ?? '[]') as BacktestGate[];
const byCreation = (a: DatasetRecord, b: DatasetRecord) => b.createdAt.getTime() - a.createdAt.getTime() || byCodeUnit(b.id, a.id);
const byStart = (a: BacktestRunRecord, b: BacktestRunRecord) => b.startedAt.getTime() - a.startedAt.getTime() || byCodeUnit(b.id, a.id);
// A run as its stored JSON reads back (`backtest-run-json.ts`), a new object each time.
const runCopy = (run: BacktestRunRecord): BacktestRunRecord => runFromJson(runToJson(run));

/** True when `value` is unset (undefined or null, which match every run) or equals `field`. */
const unsetOr = (value: string | null | undefined, field: string): boolean => value === undefined || value === null || value === field;

/** The rows as stored. @throws Error when two rows share an id, as the stored adapters' unique index refuses them. */
function storedRows(datasetId: string, rows: readonly BacktestRow[]): StoredRow[] {
  const ids = new Set<string>();
  return rows.map((row) => {
    if (ids.has(row.id)) throw new Error(`Dataset '${datasetId}': the row id '${row.id}' is not unique.`);
    ids.add(row.id);
    return { id: row.id, json: rowToJson(row) };
  });
}

/** The repositories of one unit of work: reads from `committed`, writes through `queue`. */
export function memoryBacktestRepositories(committed: BacktestTables, queue: QueueMemoryWrite<BacktestTables>): Omit<BacktestTransaction, 'audit'> {
  return {
    datasets: {
      find: async (id) => copy(committed.datasets.get(id)),
      insert: async (dataset, rows) =>
        queue((next) => {
          insertUnique(next.datasets, dataset.id, structuredClone(dataset), 'dataset');
          next.datasetRows.set(dataset.id, storedRows(dataset.id, rows));
        }),
      remove: async (id) =>
        queue((next) => {
          if (!next.datasets.delete(id)) throw new StaleWriteError(`Dataset '${id}'`);
          next.datasetRows.delete(id);
        }),
    },
    backtestGates: {
      find: async (policyId) => gatesOf(committed, policyId),
      replace: async (policyId, gates) =>
        queue((next) => {
          if (gates.length === 0) next.backtestGates.delete(policyId);
          else next.backtestGates.set(policyId, JSON.stringify(gates));
        }),
      policiesGatedOn: async (datasetId) =>
        [...committed.backtestGates.keys()].filter((policyId) => gatesOf(committed, policyId).some((gate) => gate.datasetId === datasetId)).sort(byCodeUnit),
    },
  };
}

/** The reads over `tables()`, the committed tables; finished runs are results, stored directly outside a unit of work as in every adapter. */
export function memoryBacktestAccess(tables: () => BacktestTables): BacktestAccess {
  return {
    listDatasets: async () => structuredClone([...tables().datasets.values()].sort(byCreation)),
    findDataset: async (id) => copy(tables().datasets.get(id)),
    datasetRows: async (id) => (tables().datasets.has(id) ? (tables().datasetRows.get(id) ?? []).map((row) => rowFromJson(row.json)) : null),
    datasetRow: async (datasetId, rowId) => {
      const row = tables()
        .datasetRows.get(datasetId)
        ?.find((r) => r.id === rowId);
      return row ? rowFromJson(row.json) : null;
    },
    findGates: async (policyId) => gatesOf(tables(), policyId),
    insertRun: async (run) => insertUnique(tables().backtestRuns, run.id, runCopy(run), 'backtest run'),
    findRun: async (id) => {
      const run = tables().backtestRuns.get(id);
      return run ? runCopy(run) : null;
    },
    listRuns: async (filter) =>
      [...tables().backtestRuns.values()]
        .filter(
          (run) =>
            unsetOr(filter.datasetId, run.datasetId) &&
            unsetOr(filter.policyId, run.policyId) &&
            unsetOr(filter.contentHash, run.contentHash) &&
            // A gate run is one a publish gate started, passed or not.
            (!filter.gateRuns || run.gateFailures !== null),
        )
        .sort(byStart)
        .slice(0, filter.limit)
        .map(runCopy),
  };
}
