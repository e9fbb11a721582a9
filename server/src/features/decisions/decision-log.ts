/**
 * The decision log writer: decisions are queued in memory on the hot path and written every
 * `flushMs`, as soon as `batchSize` are waiting, and on shutdown — one transaction per batch of
 * at most `batchSize`. A failed
 * write is retried twice with the next flush, then dropped with an error log; when the store
 * cannot keep up, at most `maxQueue` entries wait and newer ones are dropped (and counted).
 */
import type { Logger } from '../../logger';
import type { DecisionLogEntry, DecisionLogRecord, DecisionLogStore } from './decision-log-store';

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

  /** Queues one decision, stamped with the time it was logged; never throws and never waits for I/O. */
  enqueue(entry: DecisionLogEntry): void {
    if (this.closed || this.queue.length >= (this.options.maxQueue ?? 10_000)) {
      this.droppedCount += 1;
      this.options.logger.warn({ decisionId: entry.decisionId, reason: this.closed ? 'closed' : 'queue full' }, 'decision log entry dropped');
      return;
    }
    this.queue.push({ entry: { ...entry, loggedAt: (this.options.clock ?? (() => new Date()))() }, attempts: 0 });
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
      if (!(await this.write(batch))) failed.push(...batch.filter((p) => p.attempts < MAX_ATTEMPTS));
      // better-sqlite3 is synchronous: let requests run between batches.
      if (this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    this.queue = [...failed, ...this.queue];
    if (this.queue.length > 0 && !this.closed) this.schedule();
  }

  /** Writes one batch in one transaction; false (after logging) when it failed. */
  private async write(batch: Pending[]): Promise<boolean> {
    try {
      await this.options.store.appendDecisions(batch.map((p) => p.entry));
      return true;
    } catch (error) {
      for (const p of batch) p.attempts += 1;
      const lost = batch.filter((p) => p.attempts >= MAX_ATTEMPTS).length;
      this.droppedCount += lost;
      this.options.logger.error({ err: error, entries: batch.length, willRetry: batch.length - lost, dropped: lost }, 'decision log write failed');
      return false;
    }
  }
}
