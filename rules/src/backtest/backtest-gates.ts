/**
 * Thresholds a backtest must meet (the CLI's `--min-recall` and `--max-false-positives`, later a
 * policy's publish gates). Recall is required of every expected reason, not only on average:
 * the humans-only categories must each reach a person (Halo, seed 001: "zero false negatives").
 */
import type { BacktestReport } from './backtest-report';
import { STAY_KEY } from './backtest-types';

export interface BacktestGates {
  /** Lowest recall (0..1) allowed for each expected reason and overall. */
  minRecall?: number;
  /** Highest false-positive rate (0..1) allowed on `none` rows. */
  maxFalsePositiveRate?: number;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** The gates `report` fails, one sentence each; empty when it passes them all. */
export function failedGates(report: BacktestReport, gates: BacktestGates): string[] {
  const failures: string[] = [];
  if (gates.minRecall !== undefined) {
    const min = gates.minRecall;
    for (const [key, count] of Object.entries(report.byExpected)) {
      if (key !== STAY_KEY && count.recall < min)
        failures.push(`recall of ${key} is ${percent(count.recall)} (${count.matched} of ${count.total}), below ${percent(min)}`);
    }
    if (report.recall !== null && report.recall < min) failures.push(`overall recall is ${percent(report.recall)}, below ${percent(min)}`);
    if (report.recall === null) failures.push('no row expects a handoff, so recall cannot be checked');
  }
  if (gates.maxFalsePositiveRate !== undefined) {
    const max = gates.maxFalsePositiveRate;
    if (report.falsePositiveRate === null) failures.push('no row expects "none", so false positives cannot be checked');
    else if (report.falsePositiveRate > max) {
      failures.push(`false positives are ${percent(report.falsePositiveRate)} of "none" rows (${report.falsePositives.length}), above ${percent(max)}`);
    }
  }
  return failures;
}
