/** Filters of the miss lists: by expected reason, by outcome got, by language, and by words in the messages or evidence. */
import type { BacktestMiss } from '../api/types';
import { sortKeys } from './backtest-format';

export interface MissFilter {
  /** Expected key, or '' for any. */
  expected: string;
  /** Outcome got, or '' for any. */
  got: string;
  /** Language, or '' for any. */
  language: string;
  /** Words to find (case-insensitive) in the customer messages, the evidence or the row id. */
  text: string;
}

export const NO_FILTER: MissFilter = { expected: '', got: '', language: '', text: '' };

/** The misses that pass `filter`, in their order. */
export function filterMisses(misses: readonly BacktestMiss[], filter: MissFilter): BacktestMiss[] {
  const words = filter.text.trim().toLowerCase();
  return misses.filter(
    (m) =>
      (filter.expected === '' || m.expected === filter.expected) &&
      (filter.got === '' || m.got === filter.got) &&
      (filter.language === '' || m.language === filter.language) &&
      (words === '' ||
        m.id.toLowerCase().includes(words) ||
        m.customerTexts.some((t) => t.toLowerCase().includes(words)) ||
        m.reasons.some((r) => r.evidence.some((e) => e.toLowerCase().includes(words)))),
  );
}

/** The values each filter can take among `misses`, for its picker. */
export function filterChoices(misses: readonly BacktestMiss[]): { expected: string[]; got: string[]; language: string[] } {
  return {
    expected: sortKeys(misses.map((m) => m.expected)),
    got: sortKeys(misses.map((m) => m.got)),
    language: [...new Set(misses.map((m) => m.language))].sort(),
  };
}
