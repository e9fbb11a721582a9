/**
 * Backtest runs: a policy version or draft over a stored dataset, on the worker pool of
 * `backtest-runner.ts` (the `decideHandoff` code path as a dry run), optionally compared row by
 * row with a published version; and the publish gates that `publishPolicy` checks. A run lives
 * in the memory of the server that started it until it ends, then it is stored; progress is
 * readable meanwhile, and it can be cancelled.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BatonErrorCode } from '@baton/schemas';
import { diffRowOutcomes, failedGates, type BacktestReport, type BacktestRow } from '@baton/rules';
import { BatonError, badInput, notFound } from '../../baton-error';
import type { Logger } from '../../logger';
import type { Actor } from '../audit/audit-event';
import { policyNotFound } from '../policies/policy-errors';
import type { PolicyStore } from '../policies/policy-store';
import { resolveBacktestPolicy, type BacktestPolicySelector } from './backtest-policy';
import { evaluateRows, reportOf, type BacktestPolicy } from './backtest-runner';
import {
  MAX_STORED_CHANGES,
  MAX_STORED_MISSES,
  type BacktestComparison,
  type BacktestGate,
  type BacktestRunFilter,
  type BacktestRunRecord,
  type BacktestStore,
  type StoredBacktestReport,
} from './backtest-store';
import { datasetNotFound } from './dataset-transitions';

export interface BacktestServiceDeps {
  store: BacktestStore;
  policies: PolicyStore;
  logger: Logger;
  clock?: () => Date;
  /** Worker threads per run (default: one per core). */
  workers?: number;
}

/** What to run, as `startBacktest` takes it. */
export interface StartBacktestRequest extends BacktestPolicySelector {
  datasetId: string;
  turnByTurn?: boolean | null;
  /** A published version to compare with; default the active one. */
  compareWithVersion?: number | null;
}

/** Runs one server keeps going at once; more wait for none, they are refused (each run already uses every core). */
export const MAX_ACTIVE_RUNS = 4;
export const MAX_LISTED_RUNS = 100;
export const MAX_GATES = 10;

/** A gate as a client sends it. */
export interface BacktestGateInput {
  datasetId: string;
  minRecall?: number | null;
  maxFalsePositiveRate?: number | null;
}

interface ActiveRun {
  record: BacktestRunRecord;
  abort: AbortController;
  finished: Promise<BacktestRunRecord>;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** The report as stored: miss lists cut to their first {@link MAX_STORED_MISSES}, full counts kept. */
function storedReport(report: BacktestReport): StoredBacktestReport {
  return {
    ...report,
    falseNegatives: report.falseNegatives.slice(0, MAX_STORED_MISSES),
    falsePositives: report.falsePositives.slice(0, MAX_STORED_MISSES),
    falseNegativeCount: report.falseNegatives.length,
    falsePositiveCount: report.falsePositives.length,
  };
}

const customerTexts = (row: BacktestRow | undefined): string[] => row?.input.messages.filter((m) => m.speaker === 'CUSTOMER').map((m) => m.text) ?? [];

function matchesFilter(run: BacktestRunRecord, filter: BacktestRunFilter): boolean {
  return (
    (!filter.datasetId || run.datasetId === filter.datasetId) &&
    (!filter.policyId || run.policyId === filter.policyId) &&
    (!filter.contentHash || run.contentHash === filter.contentHash) &&
    (!filter.gateRuns || run.gateFailures !== null)
  );
}

export class BacktestService {
  private readonly active = new Map<string, ActiveRun>();
  private readonly clock: () => Date;

  constructor(private readonly deps: BacktestServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Runs in progress on this server. */
  get activeRuns(): number {
    return this.active.size;
  }

  /**
   * Starts a run and returns it RUNNING; poll {@link get} for progress and the report.
   * @throws NOT_FOUND (dataset, policy or version), BAD_USER_INPUT (a version and the draft;
   *   unsaved work without `draft`; {@link MAX_ACTIVE_RUNS} already running), INVALID_POLICY (a draft with errors)
   */
  async start(request: StartBacktestRequest, actor: Actor): Promise<BacktestRunRecord> {
    if (this.active.size >= MAX_ACTIVE_RUNS) {
      throw badInput(`${this.active.size} backtests are running on this server, the most it runs at once; wait for one to finish or cancel one.`);
    }
    const dataset = await this.deps.store.findDataset(request.datasetId);
    if (!dataset) throw datasetNotFound(request.datasetId);
    const policy = await resolveBacktestPolicy(this.deps.policies, request);
    const baseline = await this.baselineFor(policy, request.compareWithVersion ?? null);
    const rows = await this.deps.store.datasetRows(dataset.id);
    if (!rows) throw datasetNotFound(dataset.id);
    const record = this.newRun(dataset.id, dataset.name, policy, request.turnByTurn ?? false, rows.length * (baseline ? 2 : 1), actor.keyId);
    void this.launch(record, (signal) => this.execute(record, signal, policy, baseline, rows, null));
    return { ...record };
  }

  /** The run, running or finished; null when unknown. */
  async get(id: string): Promise<BacktestRunRecord | null> {
    const running = this.active.get(id);
    return running ? { ...running.record } : this.deps.store.findRun(id);
  }

  /** Runs still going on this server first, then finished ones, newest first; at most {@link MAX_LISTED_RUNS}. */
  async list(filter: Omit<BacktestRunFilter, 'limit'> & { limit?: number | null }): Promise<BacktestRunRecord[]> {
    const limit = Math.min(Math.max(filter.limit ?? MAX_LISTED_RUNS, 1), MAX_LISTED_RUNS);
    const running = [...this.active.values()]
      .map((run) => ({ ...run.record }))
      .filter((run) => matchesFilter(run, { ...filter, limit }))
      .reverse();
    const finished = await this.deps.store.listRuns({ ...filter, limit });
    return [...running, ...finished].slice(0, limit);
  }

  /**
   * Cancels a running run and returns it CANCELLED.
   * @throws NOT_FOUND when unknown; BAD_USER_INPUT when it has already ended
   */
  async cancel(id: string): Promise<BacktestRunRecord> {
    const running = this.active.get(id);
    if (running) {
      running.abort.abort();
      return running.finished;
    }
    const stored = await this.deps.store.findRun(id);
    if (!stored) throw notFound(`Backtest run '${id}' does not exist; list runs with the backtestRuns query.`, { runId: id });
    throw badInput(`Backtest run '${id}' has already ended (${stored.status.toUpperCase()}); there is nothing to cancel.`, { runId: id });
  }

  /**
   * Runs `policy` (a draft about to be published) over the datasets of `policyId`'s publish
   * gates, stores each run (a change request's approvers read them) and refuses when any gate fails.
   * @throws BACKTEST_FAILED with `backtestFailures` (`{ datasetId, runId, failures }[]`)
   */
  async checkPublishGates(policyId: string, policy: BacktestPolicy): Promise<void> {
    const gates = await this.deps.store.findGates(policyId);
    const failed: { datasetId: string; runId: string; failures: string[] }[] = [];
    for (const gate of gates) {
      const run = await this.gateRun(gate, policy);
      if (run.gateFailures && run.gateFailures.length > 0) failed.push({ datasetId: gate.datasetId, runId: run.id, failures: run.gateFailures });
    }
    if (failed.length === 0) return;
    const first = failed[0]!;
    throw new BatonError(
      BatonErrorCode.BacktestFailed,
      `Policy '${policyId}' cannot be published: its draft misses ${failed.length} of ${gates.length} backtest gate${gates.length === 1 ? '' : 's'}, ` +
        `e.g. on dataset ${first.datasetId}: ${first.failures.join('; ')}. Open backtest run ${first.runId} for the misses, fix the draft and publish again.`,
      { backtestFailures: failed },
    );
  }

  /** The publish gates of a policy, in the order set. */
  gates(policyId: string): Promise<BacktestGate[]> {
    return this.deps.store.findGates(policyId);
  }

  /**
   * Replaces a policy's publish gates (an empty list removes them).
   * @throws NOT_FOUND (policy or dataset); BAD_USER_INPUT (a bound outside 0..1, a gate without
   *   any bound, the same dataset twice, more than {@link MAX_GATES})
   */
  async setGates(policyId: string, gates: readonly BacktestGateInput[], actor: Actor): Promise<BacktestGate[]> {
    if (!(await this.deps.policies.getPolicyHead(policyId))) throw policyNotFound(policyId);
    if (gates.length > MAX_GATES) throw badInput(`A policy takes at most ${MAX_GATES} backtest gates; got ${gates.length}.`, { field: 'gates' });
    const seen = new Set<string>();
    const checked = gates.map((gate, i): BacktestGate => {
      const field = `gates[${i}]`;
      if (seen.has(gate.datasetId)) throw badInput(`${field} names dataset ${gate.datasetId} a second time; give each dataset one gate.`, { field });
      seen.add(gate.datasetId);
      if (gate.minRecall == null && gate.maxFalsePositiveRate == null) {
        throw badInput(`${field} sets no bound; give minRecall, maxFalsePositiveRate or both.`, { field });
      }
      for (const [name, value] of [['minRecall', gate.minRecall] as const, ['maxFalsePositiveRate', gate.maxFalsePositiveRate] as const]) {
        if (value != null && !(value >= 0 && value <= 1))
          throw badInput(`${field}.${name} must be from 0 to 1 (a share, e.g. 0.9); got ${value}.`, { field: `${field}.${name}` });
      }
      return {
        datasetId: gate.datasetId,
        ...(gate.minRecall != null ? { minRecall: gate.minRecall } : {}),
        ...(gate.maxFalsePositiveRate != null ? { maxFalsePositiveRate: gate.maxFalsePositiveRate } : {}),
      };
    });
    return this.deps.store.replaceGates(policyId, checked, this.clock(), actor);
  }

  /** Cancels every running run and waits until each has ended. */
  async close(): Promise<void> {
    const running = [...this.active.values()];
    running.forEach((run) => run.abort.abort());
    await Promise.all(running.map((run) => run.finished));
  }

  private async gateRun(gate: BacktestGate, policy: BacktestPolicy): Promise<BacktestRunRecord> {
    const dataset = await this.deps.store.findDataset(gate.datasetId);
    const rows = dataset ? await this.deps.store.datasetRows(dataset.id) : null;
    const record = this.newRun(gate.datasetId, dataset?.name ?? '(deleted)', policy, false, rows?.length ?? 0, null);
    record.gateFailures = [];
    if (!rows) {
      record.gateFailures = [`dataset ${gate.datasetId} no longer exists; set the policy's gates again`];
      return record;
    }
    return this.launch(record, (signal) => this.execute(record, signal, policy, null, rows, gate));
  }

  private newRun(
    datasetId: string,
    datasetName: string,
    policy: BacktestPolicy,
    turnByTurn: boolean,
    total: number,
    startedBy: string | null,
  ): BacktestRunRecord {
    return {
      id: randomUUID(),
      datasetId,
      datasetName,
      policyId: policy.ref.id,
      version: policy.ref.version,
      contentHash: policy.ref.contentHash,
      turnByTurn,
      status: 'running',
      done: 0,
      total,
      startedAt: this.clock(),
      finishedAt: null,
      startedBy,
      error: null,
      report: null,
      comparison: null,
      gateFailures: null,
    };
  }

  private launch(record: BacktestRunRecord, work: (signal: AbortSignal) => Promise<void>): Promise<BacktestRunRecord> {
    const abort = new AbortController();
    const entry: Omit<ActiveRun, 'finished'> & Partial<ActiveRun> = { record, abort };
    this.active.set(record.id, entry as ActiveRun);
    entry.finished = (async () => {
      await work(abort.signal);
      record.finishedAt = this.clock();
      try {
        await this.deps.store.insertRun(record);
      } catch (error) {
        this.deps.logger.error({ err: error, runId: record.id }, 'a finished backtest run could not be stored');
      }
      this.active.delete(record.id);
      return { ...record };
    })();
    return entry.finished;
  }

  /** Evaluates, reports, compares; ends the record SUCCEEDED, CANCELLED or FAILED. Never throws. */
  private async execute(
    record: BacktestRunRecord,
    signal: AbortSignal,
    policy: BacktestPolicy,
    baseline: BacktestPolicy | null,
    rows: BacktestRow[],
    gate: BacktestGate | null,
  ) {
    const options = { turnByTurn: record.turnByTurn, signal, workers: this.deps.workers };
    try {
      const started = performance.now();
      const results = await evaluateRows(policy, rows, { ...options, onProgress: (done) => (record.done = done) });
      const report = reportOf(policy, results, (performance.now() - started) / 1000, record.turnByTurn);
      if (baseline) {
        const before = await evaluateRows(baseline, rows, { ...options, onProgress: (done) => (record.done = rows.length + done) });
        const byId = new Map(rows.map((row) => [row.id, row]));
        const diff = diffRowOutcomes(before, results, MAX_STORED_CHANGES);
        record.comparison = {
          ...diff,
          version: baseline.ref.version,
          contentHash: baseline.ref.contentHash,
          changes: diff.changes.map((change) => ({ ...change, customerTexts: customerTexts(byId.get(change.id)) })),
        } satisfies BacktestComparison;
      }
      record.report = storedReport(report);
      if (gate) record.gateFailures = failedGates(report, gate);
      record.status = 'succeeded';
    } catch (error) {
      record.status = isAbort(error) ? 'cancelled' : 'failed';
      record.error = isAbort(error) ? 'Cancelled before it finished.' : `The run failed: ${(error as Error).message}`;
      if (gate) record.gateFailures = [record.error];
      if (!isAbort(error)) this.deps.logger.error({ err: error, runId: record.id }, 'a backtest run failed');
    }
  }

  /** The version to compare with: the one asked for, else the active one unless that is what runs. */
  private async baselineFor(policy: BacktestPolicy, version: number | null): Promise<BacktestPolicy | null> {
    if (version === null) {
      const head = await this.deps.policies.getPolicyHead(policy.ref.id);
      if (!head || head.activeVersion === null || head.activeVersion === policy.ref.version) return null;
      version = head.activeVersion;
    }
    return resolveBacktestPolicy(this.deps.policies, { policyId: policy.ref.id, version });
  }
}
