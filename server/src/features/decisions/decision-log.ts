/**
 * The decision log writer: decisions are queued in memory on the hot path and written every
 * `flushMs`, as soon as `batchSize` are waiting, and on shutdown — one transaction per batch of
 * at most `batchSize`. Each entry is checked and serialised when it is accepted (`enqueue`), so
 * an entry that cannot be stored is refused to its own caller and never reaches a batch; and
 * when a batch write fails anyway, its entries are written one by one, so one bad entry can
 * never take the others down with it. An entry whose own write fails is retried twice with the
 * next flush, then dropped with an error log; when the store cannot keep up, at most `maxQueue`
 * entries wait and newer ones are dropped (and counted).
 */
import type { Logger } from '../../logger';
import { serialiseDecision, type DecisionLogEntry, type DecisionLogRecord, type DecisionLogStore } from './decision-log-store';

export interface DecisionLogOptions {
  store: DecisionLogStore;
  logger: Logger;
  /** Longest time an entry waits before being written, ms. */
  flushMs: number;
  /** Queue length that triggers an immediate flush. */
  batchSize: number;
  /** Most entries held in memory (default 10,000). */
  maxQueue?: number;
  /** Stamps each entry's `loggedAt` when it is queued (default: the system clock). */
  clock?: () => Date;
}

interface Pending {
  entry: DecisionLogRecord;
  attempts: number;
}

const MAX_ATTEMPTS = 3;

export class DecisionLog {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  private droppedCount = 0;

  constructor(private readonly options: DecisionLogOptions) {}

  /** Entries waiting to be written. */
  get pending(): number {
    return this.queue.length;
  }

  /** Entries dropped because the queue was full, the log closed, or writes kept failing. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** The queued, not yet written record of `decisionId`, if it is waiting. */
  findPending(decisionId: string): DecisionLogRecord | undefined {
    return this.queue.find((p) => p.entry.decisionId === decisionId)?.entry;
  }

  /**
   * Queues one decision, stamped with the time it was logged and serialised now; never waits
   * for I/O. Dropped (and counted) when the log is closed or the queue is full.
   * @throws Error when the entry cannot be stored (see `serialiseDecision`): nothing is queued,
   *   and the caller must not acknowledge the decision
   */
  enqueue(entry: DecisionLogEntry): void {
    if (this.closed || this.queue.length >= (this.options.maxQueue ?? 10_000)) {
      this.droppedCount += 1;
      this.options.logger.warn({ decisionId: entry.decisionId, reason: this.closed ? 'closed' : 'queue full' }, 'decision log entry dropped');
      return;
    }
    const serialised = serialiseDecision(entry);
    this.queue.push({ entry: { ...entry, loggedAt: (this.options.clock ?? (() => new Date()))(), serialised }, attempts: 0 });
    if (this.queue.length % this.options.batchSize === 0) void this.flush();
    else this.schedule();
  }

  /** Writes everything queued so far; resolves when it is stored (or given up on). Never rejects. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeQueued());
    return this.flushing;
  }

  /** Stops the timer, writes what is queued and refuses further entries. */
  async close(): Promise<void> {
    this.closed = true;
    for (let round = 0; round < MAX_ATTEMPTS && (round === 0 || this.queue.length > 0); round += 1) await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushMs);
    this.timer.unref();
  }

  private async writeQueued(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const failed: Pending[] = [];
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.batchSize);
      failed.push(...(await this.write(batch)));
      // better-sqlite3 is synchronous: let requests run between batches.
      if (this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    this.queue = [...failed, ...this.queue];
    if (this.queue.length > 0 && !this.closed) this.schedule();
  }

  /**
   * Writes one batch in one transaction; when that fails, each entry in a transaction of its
   * own, so the entries that can be written are. Resolves to the entries still to retry
   * (after logging), none when everything was written.
   */
  private async write(batch: Pending[]): Promise<Pending[]> {
    try {
      await this.options.store.appendDecisions(batch.map((p) => p.entry));
      return [];
    } catch (error) {
      if (batch.length === 1) return this.failed(batch, error);
      this.options.logger.warn({ err: error, entries: batch.length }, 'decision log batch write failed; writing its entries one by one');
    }
    const retry: Pending[] = [];
    for (const pending of batch) {
      try {
        await this.options.store.appendDecisions([pending.entry]);
      } catch (error) {
        retry.push(...this.failed([pending], error));
      }
    }
    return retry;
  }

  /** Counts a failed attempt of `entries`; those out of attempts are dropped. Resolves to the rest. */
  private failed(entries: Pending[], error: unknown): Pending[] {
    for (const p of entries) p.attempts += 1;
    const lost = entries.filter((p) => p.attempts >= MAX_ATTEMPTS);
    this.droppedCount += lost.length;
    this.options.logger.error(
      {
        err: error,
        entries: entries.length,
        willRetry: entries.length - lost.length,
        dropped: lost.length,
        decisionIds: entries.map((p) => p.entry.decisionId),
      },
      'decision log write failed',
    );
    return entries.filter((p) => p.attempts < MAX_ATTEMPTS);
  }
}
