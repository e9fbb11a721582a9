/**
 * The periodic sweep of handoff timeouts (`BATON_HANDOFF_SWEEP_SECONDS`): every interval it runs
 * `HandoffService.sweep()`, which requeues assignments not accepted in time and expires handoffs
 * past their maximum age, on the service's clock. The same timeouts are applied lazily whenever
 * handoffs are read or changed; the sweep moves the ones nobody asks about (the next agent gets a
 * requeued handoff without waiting for a request). Several servers on one store may all sweep:
 * each step is planned again on the handoff as its transaction reads it.
 */
import type { Logger } from '../../logger';

export interface HandoffSweeperOptions {
  sweep: () => Promise<number>;
  /** Time between sweeps, ms. */
  intervalMs: number;
  logger: Logger;
}

export class HandoffSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: HandoffSweeperOptions) {}

  /** Schedules a sweep every `intervalMs` (the timer does not keep the process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweepNow(), this.options.intervalMs);
    this.timer.unref();
  }

  /** One sweep now; a failure is logged, never thrown (the next sweep tries again). */
  async sweepNow(): Promise<void> {
    const run = this.options.sweep().then(
      (changed) => {
        if (changed > 0) this.options.logger.info({ changed }, 'handoff timeouts applied');
      },
      (error: unknown) => this.options.logger.error({ err: error }, 'handoff timeout sweep failed'),
    );
    this.running = run;
    await run;
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
