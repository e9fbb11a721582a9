/**
 * The sentiment part of a backtest report: for rows labelled negative, neutral or positive
 * (a sentiment dataset such as `shared/eval/xlmt-sentiment-train.jsonl`), the share of each label
 * that the policy reads as negative (latest customer message at or below its `negativeSentiment`
 * threshold), per language. A good reading puts most negatives and few of the rest there.
 */
import type { BacktestRowResult, SentimentLabel } from './backtest-types';

/** Rows of one label and how many of them read negative. */
export interface SentimentCount {
  total: number;
  negative: number;
  /** negative / total (0..1). */
  share: number;
}

export interface SentimentCheck {
  /** The policy's negative threshold (-1..1) the rows were compared with. */
  threshold: number;
  /** language -> label -> count; languages sorted. */
  byLanguage: Record<string, Record<SentimentLabel, SentimentCount>>;
}

const emptyCounts = (): Record<SentimentLabel, SentimentCount> => ({
  negative: { total: 0, negative: 0, share: 0 },
  neutral: { total: 0, negative: 0, share: 0 },
  positive: { total: 0, negative: 0, share: 0 },
});

/** Null when no row expects a sentiment. */
export function buildSentimentCheck(results: readonly BacktestRowResult[]): SentimentCheck | null {
  const labelled = results.flatMap((result) => (result.sentiment ? [result.sentiment] : []));
  const first = labelled[0];
  if (!first) return null;
  const byLanguage: Record<string, Record<SentimentLabel, SentimentCount>> = {};
  for (const item of labelled) {
    const count = (byLanguage[item.language] ??= emptyCounts())[item.expected];
    count.total += 1;
    if (item.score <= item.threshold) count.negative += 1;
    count.share = count.negative / count.total;
  }
  return { threshold: first.threshold, byLanguage: Object.fromEntries(Object.entries(byLanguage).sort(([a], [b]) => a.localeCompare(b))) };
}
