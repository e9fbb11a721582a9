/**
 * When a failed delivery is tried again: exponential backoff with "equal jitter" (Marc Brooker,
 * "Exponential Backoff And Jitter", AWS Architecture Blog, 2015): the n-th retry waits
 * d = min(maxDelay, base · 2^(n−1)), half of it fixed and half drawn at random, so retries
 * of many deliveries that failed together (a receiver's outage) spread out instead of arriving
 * in waves, and each wait is still at least half the previous cap.
 */

/** The retry schedule (`BATON_WEBHOOK_RETRY_BASE_MS`, `BATON_WEBHOOK_RETRY_MAX_MS`, `BATON_WEBHOOK_MAX_ATTEMPTS`). */
export interface RetrySchedule {
  /** Wait before the first retry, before jitter, ms. */
  baseMs: number;
  /** Longest wait between two attempts, before jitter, ms. */
  maxMs: number;
  /** Attempts (the first included) before a delivery is dead-lettered. */
  maxAttempts: number;
}

/**
 * The wait, in ms, after failed attempt number `attempt` (1 for the first attempt).
 * @param random - a draw in [0, 1) (Math.random by default; tests pass a fixed one)
 * @returns a whole number of ms in [d/2, d], d = min(maxMs, baseMs · 2^(attempt−1))
 */
export function retryDelayMs(attempt: number, schedule: Pick<RetrySchedule, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const capped = Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(capped / 2 + random() * (capped / 2));
}
