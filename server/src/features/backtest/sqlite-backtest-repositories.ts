/**
 * The backtest feature over better-sqlite3: rows to records, the repositories a unit of work
 * writes through (`store/sqlite/sqlite-unit-of-work.ts`) and the reads. No rule here:
 * `dataset-transitions.ts` decides.
 */
import type Database from 'better-sqlite3';
import type { BacktestRow } from '@baton/rules';
import { insertOrDuplicate, type QueueWrite } from '../../store/sqlite/sqlite-unit-of-work';
import { StaleWriteError } from '../../store/unit-of-work';
import type { BacktestAccess, BacktestGate, BacktestGateRepository, DatasetFormat, DatasetRecord, DatasetRepository } from './backtest-store';
import { runFromJson, runToJson } from './backtest-run-json';
import { rowFromJson, rowToJson } from './dataset-row-json';

/** A `datasets` row as better-sqlite3 returns it. */
export interface DatasetRow {
  id: string;
  name: string;
  format: DatasetFormat;
  source: string;
  rows: number;
  expectations: string;
  redactions: number;
  warnings: string;
  created_at: string;
  created_by: string | null;
}

/** The dataset a `datasets` row holds (the store migration reads with it too). */
export function toDataset(row: DatasetRow): DatasetRecord {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    source: row.source,
    rows: row.rows,
    expectations: JSON.parse(row.expectations) as Record<string, number>,
    redactions: row.redactions,
    warnings: JSON.parse(row.warnings) as string[],
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
  };
}

function statements(db: Database.Database) {
  return {
    find: db.prepare('SELECT * FROM datasets WHERE id = ?'),
    list: db.prepare('SELECT * FROM datasets ORDER BY created_at DESC, id DESC'),
    insert: db.prepare(`INSERT INTO datasets (id, name, format, source, rows, expectations, redactions, warnings, created_at, created_by)
      VALUES (@id, @name, @format, @source, @rows, @expectations, @redactions, @warnings, @createdAt, @createdBy)`),
    remove: db.prepare('DELETE FROM datasets WHERE id = ?'),
    insertRow: db.prepare('INSERT INTO dataset_rows (dataset_id, position, id, row) VALUES (?, ?, ?, ?)'),
    rows: db.prepare('SELECT row FROM dataset_rows WHERE dataset_id = ? ORDER BY position'),
    row: db.prepare('SELECT row FROM dataset_rows WHERE dataset_id = ? AND id = ?'),
    gates: db.prepare('SELECT gates FROM backtest_gates WHERE policy_id = ?'),
    allGates: db.prepare('SELECT policy_id, gates FROM backtest_gates ORDER BY policy_id'),
    setGates: db.prepare('INSERT INTO backtest_gates (policy_id, gates) VALUES (?, ?) ON CONFLICT (policy_id) DO UPDATE SET gates = excluded.gates'),
    removeGates: db.prepare('DELETE FROM backtest_gates WHERE policy_id = ?'),
    insertRun: db.prepare(`INSERT INTO backtest_runs (id, dataset_id, policy_id, content_hash, gate_run, started_at, run)
      VALUES (@id, @datasetId, @policyId, @contentHash, @gateRun, @startedAt, @run)`),
    findRun: db.prepare('SELECT run FROM backtest_runs WHERE id = ?'),
    listRuns: db.prepare(`SELECT run FROM backtest_runs
      WHERE (@datasetId IS NULL OR dataset_id = @datasetId) AND (@policyId IS NULL OR policy_id = @policyId)
        AND (@contentHash IS NULL OR content_hash = @contentHash) AND (@gateRuns = 0 OR gate_run = 1)
      ORDER BY started_at DESC, id DESC LIMIT @limit`),
  };
}

type Statements = ReturnType<typeof statements>;

function readDataset(stmt: Statements, id: string): DatasetRecord | null {
  const row = stmt.find.get(id) as DatasetRow | undefined;
  return row ? toDataset(row) : null;
}

function readGates(stmt: Statements, policyId: string): BacktestGate[] {
  const row = stmt.gates.get(policyId) as { gates: string } | undefined;
  return row ? (JSON.parse(row.gates) as BacktestGate[]) : [];
}

/** The repositories of one unit of work: reads run now, writes go to `queue`. */
export function sqliteBacktestRepositories(
  db: Database.Database,
): (queue: QueueWrite) => { datasets: DatasetRepository; backtestGates: BacktestGateRepository } {
  const stmt = statements(db);
  return (queue) => ({
    datasets: {
      find: async (id) => readDataset(stmt, id),
      insert: async (dataset, rows) =>
        queue(() => {
          insertOrDuplicate('dataset', 'id', () =>
            stmt.insert.run({
              ...dataset,
              expectations: JSON.stringify(dataset.expectations),
              warnings: JSON.stringify(dataset.warnings),
              createdAt: dataset.createdAt.toISOString(),
            }),
          );
          rows.forEach((row: BacktestRow, position) => stmt.insertRow.run(dataset.id, position, row.id, rowToJson(row)));
        }),
      remove: async (id) =>
        queue(() => {
          if (stmt.remove.run(id).changes === 0) throw new StaleWriteError(`Dataset '${id}'`);
        }),
    },
    backtestGates: {
      find: async (policyId) => readGates(stmt, policyId),
      replace: async (policyId, gates) =>
        queue(() => {
          if (gates.length === 0) stmt.removeGates.run(policyId);
          else stmt.setGates.run(policyId, JSON.stringify(gates));
        }),
      policiesGatedOn: async (datasetId) =>
        (stmt.allGates.all() as { policy_id: string; gates: string }[])
          .filter((row) => (JSON.parse(row.gates) as BacktestGate[]).some((gate) => gate.datasetId === datasetId))
          .map((row) => row.policy_id),
    },
  });
}

/** The backtest feature's reads and run records on `db`. */
export function createSqliteBacktestAccess(db: Database.Database): BacktestAccess {
  const stmt = statements(db);
  return {
    listDatasets: async () => (stmt.list.all() as DatasetRow[]).map(toDataset),
    findDataset: async (id) => readDataset(stmt, id),
    datasetRows: async (id) => {
      if (!stmt.find.get(id)) return null;
      return (stmt.rows.all(id) as { row: string }[]).map((row) => rowFromJson(row.row));
    },
    datasetRow: async (datasetId, rowId) => {
      const row = stmt.row.get(datasetId, rowId) as { row: string } | undefined;
      return row ? rowFromJson(row.row) : null;
    },
    findGates: async (policyId) => readGates(stmt, policyId),
    insertRun: async (run) =>
      void stmt.insertRun.run({
        id: run.id,
        datasetId: run.datasetId,
        policyId: run.policyId,
        contentHash: run.contentHash,
        gateRun: run.gateFailures === null ? 0 : 1,
        startedAt: run.startedAt.toISOString(),
        run: runToJson(run),
      }),
    findRun: async (id) => {
      const row = stmt.findRun.get(id) as { run: string } | undefined;
      return row ? runFromJson(row.run) : null;
    },
    listRuns: async (filter) =>
      (
        stmt.listRuns.all({
          datasetId: filter.datasetId ?? null,
          policyId: filter.policyId ?? null,
          contentHash: filter.contentHash ?? null,
          gateRuns: filter.gateRuns ? 1 : 0,
          limit: filter.limit,
        }) as { run: string }[]
      ).map((row) => runFromJson(row.run)),
  };
}
