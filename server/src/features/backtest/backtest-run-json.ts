/**
 * A finished run as stored text and back, the same in every adapter: a run is written once and
 * only ever read whole, so it is kept as JSON beside the few fields its lists filter on. Reading
 * revives the run's own times; nothing inside the report or comparison is a date.
 */
import type { BacktestRunRecord } from './backtest-store';

/** The stored text of `run`. */
export function runToJson(run: BacktestRunRecord): string {
  return JSON.stringify(run);
}

/** The run `runToJson` wrote. */
export function runFromJson(text: string): BacktestRunRecord {
  const run = JSON.parse(text) as Omit<BacktestRunRecord, 'startedAt' | 'finishedAt'> & { startedAt: string; finishedAt: string | null };
  return { ...run, startedAt: new Date(run.startedAt), finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt) };
}
