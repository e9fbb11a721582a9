/**
 * What the backtest feature stores: datasets (redacted rows of past conversations), finished
 * runs with their reports, and each policy's publish gates. Datasets and gates change through
 * the unit of work (`store/unit-of-work.ts`) with their audit events; runs are results, written
 * outside it. No rule lives behind these interfaces: `dataset-transitions.ts` and the services
 * decide.
 */
import type { BacktestGates, BacktestReport, BacktestRow, OutcomeChange, OutcomeComparison } from '@baton/rules';
import type { Actor } from '../audit/audit-event';

/** Where a dataset's rows came from. */
export type DatasetFormat = 'conversations' | 'messages' | 'csv' | 'decision_log';

/** A dataset without its rows. */
export interface DatasetRecord {
  id: string;
  name: string;
  format: DatasetFormat;
  /** The imported file's name, or the decision-log filter, e.g. `decisions of the last 7 days, channel chat`. */
  source: string;
  rows: number;
  /** Rows per expectation key (`expectationKey`); rows without one are not counted. */
  expectations: Record<string, number>;
  /** Values masked on import. */
  redactions: number;
  warnings: string[];
  createdAt: Date;
  /** Key id of the importer; null for the system. */
  createdBy: string | null;
}

/** A policy's bar on one dataset (see `failedGates`). */
export interface BacktestGate extends BacktestGates {
  datasetId: string;
}

/** Datasets, inside a transaction. */
export interface DatasetRepository {
  find(id: string): Promise<DatasetRecord | null>;
  /** Stores the dataset with its rows (in line order). @throws DuplicateKeyError (`id`) when the id is taken. */
  insert(dataset: DatasetRecord, rows: readonly BacktestRow[]): Promise<void>;
  /** Deletes the dataset and its rows. @throws StaleWriteError when it is already gone. */
  remove(id: string): Promise<void>;
}

/** Publish gates per policy, inside a transaction. */
export interface BacktestGateRepository {
  /** The policy's gates, in the order set; empty when none. */
  find(policyId: string): Promise<BacktestGate[]>;
  /** Replaces the policy's gates (an empty list removes them). */
  replace(policyId: string, gates: readonly BacktestGate[]): Promise<void>;
  /** Ids of the policies with a gate on `datasetId`, sorted. */
  policiesGatedOn(datasetId: string): Promise<string[]>;
}

/** How a run ended, or that it still runs. */
export type BacktestStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Largest number of misses of each kind a stored report keeps (the counts stay exact). */
export const MAX_STORED_MISSES = 1000;

/** A report as stored and served: the miss lists cut to {@link MAX_STORED_MISSES}, with their full counts. */
export interface StoredBacktestReport extends BacktestReport {
  falseNegativeCount: number;
  falsePositiveCount: number;
}

/** A run against a published version, row by row (`diffRowOutcomes`), with each changed row's customer messages. */
export interface BacktestComparison extends OutcomeComparison {
  version: number;
  contentHash: string;
  changes: (OutcomeChange & { customerTexts: string[] })[];
}

/** Most changed rows a stored comparison lists. */
export const MAX_STORED_CHANGES = 500;

/** A backtest run: running (in the memory of the server that runs it) or finished (stored). */
export interface BacktestRunRecord {
  id: string;
  datasetId: string;
  datasetName: string;
  policyId: string;
  /** 0 for a draft. */
  version: number;
  contentHash: string;
  turnByTurn: boolean;
  status: BacktestStatus;
  done: number;
  total: number;
  startedAt: Date;
  finishedAt: Date | null;
  startedBy: string | null;
  error: string | null;
  report: StoredBacktestReport | null;
  comparison: BacktestComparison | null;
  /** Set when a publish gate started the run: the gates it failed, one sentence each (empty: passed). */
  gateFailures: string[] | null;
}

/** Which runs to list. */
export interface BacktestRunFilter {
  datasetId?: string | null;
  policyId?: string | null;
  /** Runs of exactly this policy content (a change request's draft). */
  contentHash?: string | null;
  /** Only runs a publish gate started. */
  gateRuns?: boolean;
  limit: number;
}

/** Reads, and the writes that are results rather than changes (finished runs). */
export interface BacktestAccess {
  /** Newest first. */
  listDatasets(): Promise<DatasetRecord[]>;
  findDataset(id: string): Promise<DatasetRecord | null>;
  /** The dataset's rows in line order; null when the dataset does not exist. */
  datasetRows(id: string): Promise<BacktestRow[] | null>;
  datasetRow(datasetId: string, rowId: string): Promise<BacktestRow | null>;
  findGates(policyId: string): Promise<BacktestGate[]>;
  /** Stores a finished run (never updated afterwards). */
  insertRun(run: BacktestRunRecord): Promise<void>;
  findRun(id: string): Promise<BacktestRunRecord | null>;
  /** Newest first. */
  listRuns(filter: BacktestRunFilter): Promise<BacktestRunRecord[]>;
}

/** The backtest feature's storage as services use it: the reads, and changes made in units of work with their audit events. */
export interface BacktestStore extends BacktestAccess {
  /** @throws CONFLICT when the id is taken. */
  insertDataset(dataset: DatasetRecord, rows: readonly BacktestRow[], actor: Actor): Promise<void>;
  /** @throws NOT_FOUND when unknown; CONFLICT while a policy's publish gate names it. */
  removeDataset(id: string, at: Date, actor: Actor): Promise<DatasetRecord>;
  /** Replaces a policy's gates. @throws NOT_FOUND when a gate names an unknown dataset. */
  replaceGates(policyId: string, gates: readonly BacktestGate[], at: Date, actor: Actor): Promise<BacktestGate[]>;
}
