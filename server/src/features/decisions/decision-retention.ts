/**
 * Decision log retention (`BATON_DECISION_RETENTION_DAYS`): deletes decisions logged more than
 * N days ago, once at start-up and then every `intervalMs`. Touches nothing but the decision log.
 */
import type { Logger } from '../../logger';
import type { DecisionLogStore } from './decision-log-store';

const DAY_MS = 86_400_000;

export interface DecisionRetentionOptions {
  store: Pick<DecisionLogStore, 'purgeDecisionsLoggedBefore'>;
  /** Keep decisions logged within this many days. */
  days: number;
  logger: Logger;
  /** Time between purges, ms (default one hour). */
  intervalMs?: number;
  clock?: () => Date;
}

export class DecisionRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly options: DecisionRetentionOptions) {}

  /**
   * Purges once, then schedules a purge every `intervalMs` (the timer does not keep the process alive).
   * @throws when the first purge fails (the store is unusable)
   */
  async start(): Promise<void> {
    await this.purgeNow();
    if (this.stopped) return;
    this.timer = setInterval(() => {
      this.purgeNow().catch((error: unknown) => this.options.logger.error({ err: error }, 'decision log retention failed'));
    }, this.options.intervalMs ?? 3_600_000);
    this.timer.unref();
  }

  /**
   * Deletes decisions logged before now − `days`; a purge already running is joined, not repeated.
   * @returns how many decisions were deleted
   */
  purgeNow(): Promise<number> {
    if (this.running) return this.running;
    const run = this.purgeOnce();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  private async purgeOnce(): Promise<number> {
    const cutoff = new Date((this.options.clock ?? (() => new Date()))().getTime() - this.options.days * DAY_MS);
    const deleted = await this.options.store.purgeDecisionsLoggedBefore(cutoff);
    if (deleted > 0) this.options.logger.info({ deleted, loggedBefore: cutoff.toISOString(), retentionDays: this.options.days }, 'decision log retention');
    return deleted;
  }

  /** Stops the timer and waits for a purge in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
