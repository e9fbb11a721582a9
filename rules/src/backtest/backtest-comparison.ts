/**
 * How two policies differ on the same rows: the rows whose outcome (`none` or the primary reason
 * code) changed, as an ops lead asks before a draft goes live ("what would this have changed on
 * real traffic?").
 */
import type { BacktestRowResult } from './backtest-types';

/** One row whose outcome differs. */
export interface OutcomeChange {
  id: string;
  line: number;
  /** Outcome under the first policy: a reason code, or `none`. */
  before: string;
  after: string;
  expected: string | null;
}

export interface OutcomeComparison {
  /** Rows whose outcome changed. */
  changed: number;
  /** `before → after` → rows, most frequent first. */
  byChange: Record<string, number>;
  /** The changed rows in line order, at most `limit`. */
  changes: OutcomeChange[];
}

/**
 * Compares results of the same rows (matched by id) under two policies.
 * @param limit most changed rows listed (the counts cover all)
 */
export function diffRowOutcomes(before: readonly BacktestRowResult[], after: readonly BacktestRowResult[], limit: number): OutcomeComparison {
  const earlier = new Map(before.map((result) => [result.id, result.got]));
  const changes: OutcomeChange[] = [];
  const counts = new Map<string, number>();
  for (const result of [...after].sort((a, b) => a.line - b.line)) {
    const was = earlier.get(result.id);
    if (was === undefined || was === result.got) continue;
    const key = `${was} → ${result.got}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    changes.push({ id: result.id, line: result.line, before: was, after: result.got, expected: result.expected });
  }
  const byChange = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { changed: changes.length, byChange, changes: changes.slice(0, limit) };
}
