/**
 * The operations metrics of one server (`GET /metrics`, Prometheus text format, prom-client).
 * Each server has its own registry, so several servers in one process (the tests) never mix
 * their counts; the process metrics come from the one process-wide registry.
 *
 * Counted as things happen, in this process: decisions (not dry runs) by action, reason code and
 * policy version, with their latency; handoffs started, released and taken from a queue; errors
 * answered on `/graphql` by `extensions.code`. Read when Prometheus scrapes: handoffs waiting per
 * queue and the longest wait (from the store, so the same on every server sharing it: aggregate
 * with `max`, not `sum`), the decision-log backlog and drops, and backtests running here.
 *
 * Label values are bounded: reason codes are the leaves of the policies' graphs, policy versions
 * and queues are few, and error codes are `BatonErrorCode`s.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AssignmentRecord, StepResult } from '../features/handoffs/handoff-store';
import type { Logger } from '../logger';
import { LabelledCounts } from './labelled-counts';
import { METRIC_PREFIX, processMetricsRegistry } from './process-metrics';

/** Histogram buckets of the decision latency, seconds: a decision takes about 0.5 to 100 ms. */
export const DECISION_LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** Handoffs waiting in one queue; `oldestQueuedAt` is null when none wait. */
export interface QueueWaitSample {
  queueId: string;
  waiting: number;
  oldestQueuedAt: Date | null;
}

/** What the scrape-time metrics are read from, once the services exist. */
export interface MetricsSources {
  decisionLog: { readonly pending: number; readonly dropped: number };
  /** Every queue of the directory, those with nobody waiting included (reads the store). */
  queueWaits: () => Promise<readonly QueueWaitSample[]>;
  /** Backtest runs in progress on this server. */
  backtestsActive: () => number;
}

export interface BatonMetricsOptions {
  logger: Logger;
  clock?: () => Date;
}

const name = (suffix: string): string => `${METRIC_PREFIX}${suffix}`;

export class BatonMetrics {
  /** This server's metrics (the process metrics are added by `render`). */
  readonly registry = new Registry();
  private readonly clock: () => Date;
  private sources: MetricsSources | undefined;
  private rendering: Promise<string> | undefined;

  private readonly decisionCounts = new LabelledCounts(['action', 'reason', 'policy', 'policy_version']);
  private readonly decisions = new Counter({
    name: name('decisions_total'),
    help: 'Decisions made and logged (dry runs excluded), by action, reason code and policy version.',
    labelNames: this.decisionCounts.labelNames,
    registers: [this.registry],
  });
  private readonly decisionLatency = new Histogram({
    name: name('decision_duration_seconds'),
    help: 'Time to decide one handoff (dry runs excluded), from the request reaching the decision service to the decision being queued for the log.',
    buckets: DECISION_LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly handoffsStarted = new Counter({
    name: name('handoffs_started_total'),
    help: 'Handoffs started (startHandoff, repeats excluded), by queue and whether an agent was assigned at once or the handoff queued.',
    labelNames: ['queue', 'result'],
    registers: [this.registry],
  });
  private readonly handoffsReleased = new Counter({
    name: name('handoffs_released_total'),
    help: 'Handoffs released (releaseAssignment), by queue and the state they were in: assigned, accepted, or queued (withdrawn before an agent took it).',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  private readonly handoffsEnded = new Counter({
    name: name('handoffs_ended_total'),
    help: 'Handoffs ended, by queue and final status: resolved, transferred, abandoned, released, expired (open past BATON_HANDOFF_MAX_AGE_SECONDS).',
    labelNames: ['queue', 'status'],
    registers: [this.registry],
  });
  private readonly handoffsRequeued = new Counter({
    name: name('handoffs_requeued_total'),
    help: 'Assigned handoffs that went back to the queue because the agent did not accept them in time (BATON_HANDOFF_ACCEPT_TIMEOUT_SECONDS), by queue.',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private readonly handoffsDequeued = new Counter({
    name: name('handoffs_dequeued_total'),
    help: 'Queued handoffs assigned to an agent when a handoff that ended freed capacity, by queue.',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private readonly queueWaiting = new Gauge({
    name: name('queue_waiting_handoffs'),
    help: 'Handoffs waiting for an agent, per queue (store-wide: every server sharing the store reports the same).',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private readonly queueOldestWait = new Gauge({
    name: name('queue_oldest_wait_seconds'),
    help: 'How long the longest-waiting handoff of each queue has waited, 0 when none waits (store-wide).',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private readonly graphqlErrors = new Counter({
    name: name('graphql_errors_total'),
    help: 'Errors answered on /graphql, by extensions.code (refusals before execution included: key, body, JSON).',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly decisionLogPending = new Gauge({
    name: name('decision_log_pending_entries'),
    help: 'Decisions queued in memory and not yet written to the decision log.',
    registers: [this.registry],
  });
  private readonly decisionLogDropped = new Counter({
    name: name('decision_log_dropped_total'),
    help: 'Decisions never written to the decision log: queue full, log closed, or writes kept failing.',
    registers: [this.registry],
  });
  private readonly backtestsActive = new Gauge({
    name: name('backtest_runs_active'),
    help: 'Backtest runs in progress on this server.',
    registers: [this.registry],
  });

  constructor(private readonly options: BatonMetricsOptions) {
    this.clock = options.clock ?? (() => new Date());
    processMetricsRegistry();
  }

  /** Connects the scrape-time metrics to the services they read. */
  observe(sources: MetricsSources): void {
    this.sources = sources;
  }

  /** One logged decision (hot path: map lookups and increments only). */
  decided(policyId: string, policyVersion: number, action: string, reasonCode: string, latencyMs: number): void {
    this.decisionCounts.inc(action, reasonCode, policyId, policyVersion);
    this.decisionLatency.observe(latencyMs / 1000);
  }

  /** A handoff newly started (not a repeated start of the same decision). */
  handoffStarted(assignment: AssignmentRecord): void {
    this.handoffsStarted.inc({ queue: assignment.queueId, result: assignment.status === 'ASSIGNED' ? 'assigned' : 'queued' });
  }

  /** A lifecycle step written (accept, resolve, transfer, abandon, release, requeue, expire). */
  handoffStepped({ before, after, step, next }: StepResult): void {
    if (!step) return;
    const queue = after.queueId;
    if (step.event === 'release') this.handoffsReleased.inc({ queue, state: before.status.toLowerCase() });
    if (step.event === 'requeue') this.handoffsRequeued.inc({ queue });
    if (step.ends) this.handoffsEnded.inc({ queue, status: after.status.toLowerCase() });
    if (next) this.handoffsDequeued.inc({ queue: next.queueId });
  }

  /** An error answered on `/graphql`. */
  graphqlError(code: string): void {
    this.graphqlErrors.inc({ code });
  }

  /** The exposition: this server's metrics, read fresh where they are read at scrape time, and the process metrics. */
  render(): Promise<string> {
    // Concurrent scrapes share one reading: the gauges are reset and refilled by each.
    return (this.rendering ??= (async () => {
      try {
        await this.refresh();
        return await Registry.merge([this.registry, processMetricsRegistry()]).metrics();
      } finally {
        this.rendering = undefined;
      }
    })());
  }

  /** The content type of `render`'s text (Prometheus text format 0.0.4). */
  get contentType(): string {
    return this.registry.contentType;
  }

  private async refresh(): Promise<void> {
    this.decisionCounts.publishTo(this.decisions);
    const sources = this.sources;
    if (!sources) return;
    this.decisionLogPending.set(sources.decisionLog.pending);
    this.decisionLogDropped.reset();
    this.decisionLogDropped.inc(sources.decisionLog.dropped);
    this.backtestsActive.set(sources.backtestsActive());
    this.queueWaiting.reset();
    this.queueOldestWait.reset();
    let waits: readonly QueueWaitSample[];
    try {
      waits = await sources.queueWaits();
    } catch (error) {
      // The store is down: the scrape still answers, without the queue gauges.
      this.options.logger.warn({ err: error }, 'metrics: could not read the queue waits');
      return;
    }
    const now = this.clock().getTime();
    for (const w of waits) {
      this.queueWaiting.set({ queue: w.queueId }, w.waiting);
      this.queueOldestWait.set({ queue: w.queueId }, w.oldestQueuedAt ? Math.max(0, (now - w.oldestQueuedAt.getTime()) / 1000) : 0);
    }
  }
}
