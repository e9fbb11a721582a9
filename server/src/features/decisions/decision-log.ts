/**
 * The decision log writer, with group commit: a decision is acknowledged (its `decisionId`
 * handed out) only once the transaction holding it has committed, so a crash never loses an
 * answered decision (issue 17, finding 8). Entries accepted while a write runs wait for the
 * next one, so under load many requests share one transaction (at most `batchSize` entries)
 * and the throughput of batching is kept; an idle server writes a lone decision at once (after
 * `flushMs`, default 0). Each entry is checked and serialised when it is accepted (`enqueue`),
 * so an entry that cannot be stored is refused to its own caller and never reaches a batch;
 * when a batch write fails anyway, its entries are written one by one, so one bad entry can
 * never take the others down with it. An entry whose own write fails is retried twice, then
 * refused to its caller (UNAVAILABLE); when the store cannot keep up, at most `maxQueue`
 * entries wait and newer ones are refused at once (and counted).
 */
import type { Logger } from '../../logger';
import { BatonErrorCode } from '@baton/schemas';
import { BatonError } from '../../baton-error';
import { serialiseDecision, type DecisionLogEntry, type DecisionLogRecord, type DecisionLogStore } from './decision-log-store';

export interface DecisionLogOptions {
  store: DecisionLogStore;
  logger: Logger;
  /** Longest time the first entry of a write waits for others to share its transaction, ms (0: the next turn of the event loop). */
  flushMs: number;
  /** Most entries in one transaction; a full batch is written at once. */
  batchSize: number;
  /** Most entries held in memory (default 10,000). */
  maxQueue?: number;
  /** Stamps each entry's `loggedAt` when it is queued (default: the system clock). */
  clock?: () => Date;
}

interface Pending {
  entry: DecisionLogRecord;
  attempts: number;
  /** Settles the caller's `enqueue` promise: committed, or refused with the reason. */
  done: (error?: BatonError) => void;
}

const MAX_ATTEMPTS = 3;

export class DecisionLog {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private writing = false;
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
   * Queues one decision, stamped with the time it was logged and serialised now.
   * @returns a promise that resolves once the decision is committed to the store — only then
   *   may the caller acknowledge it — and rejects with a BatonError UNAVAILABLE when it was not
   *   stored: the log is closed, the queue is full (`maxQueue`), or three writes failed.
   * @throws Error at once when the entry cannot be stored (see `serialiseDecision`): nothing is
   *   queued, and the caller must not acknowledge the decision
   */
  enqueue(entry: DecisionLogEntry): Promise<void> {
    if (this.closed || this.queue.length >= (this.options.maxQueue ?? 10_000)) {
      this.droppedCount += 1;
      const reason = this.closed ? 'closed' : 'queue full';
      this.options.logger.warn({ decisionId: entry.decisionId, reason }, 'decision log entry dropped');
      return Promise.reject(unavailable(reason === 'closed' ? 'the server is shutting down' : 'the decision log is backed up'));
    }
    const serialised = serialiseDecision(entry);
    return new Promise<void>((resolve, reject) => {
      const done = (error?: BatonError) => (error ? reject(error) : resolve());
      this.queue.push({ entry: { ...entry, loggedAt: (this.options.clock ?? (() => new Date()))(), serialised }, attempts: 0, done });
      if (this.queue.length % this.options.batchSize === 0) void this.flush();
      else this.schedule();
    });
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
    // Whatever could not be written is refused, so no caller waits for ever.
    const left = this.queue.splice(0);
    this.droppedCount += left.length;
    for (const p of left) p.done(unavailable('the server is shutting down'));
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    // Entries accepted while a write runs are picked up when it ends (group commit); no timer needed.
    // The timer keeps the process alive: its callers wait for their commit.
    if (this.writing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushMs);
  }

  private async writeQueued(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = true;
    const failed: Pending[] = [];
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.batchSize);
        failed.push(...(await this.write(batch)));
        // better-sqlite3 is synchronous: let requests run (and join the next batch) between batches.
        if (this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.writing = false;
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
      for (const pending of batch) pending.done();
      return [];
    } catch (error) {
      if (batch.length === 1) return this.failed(batch, error);
      this.options.logger.warn({ err: error, entries: batch.length }, 'decision log batch write failed; writing its entries one by one');
    }
    const retry: Pending[] = [];
    for (const pending of batch) {
      try {
        await this.options.store.appendDecisions([pending.entry]);
        pending.done();
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
    for (const p of lost) p.done(unavailable('the decision log could not store it'));
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

/** The refusal of a decision that was not stored: the caller must not hand out its id. */
function unavailable(why: string): BatonError {
  return new BatonError(BatonErrorCode.Unavailable, `The decision was made but could not be logged (${why}), so it is not usable; retry the request.`);
}
