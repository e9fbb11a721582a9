/**
 * Internal: the shapes a backtest works on. A row is one historical conversation (or one
 * customer message standing alone) with what the policy should have done; a row result is what
 * it did, small enough to send back from a worker thread, with details kept for misses only.
 */
import type { DecideHandoffInput, HandoffAction, TriggerReason } from '@baton/schemas';

/** What a row should get. Every field given must match; none given means "no expectation". */
export interface BacktestExpectation {
  action?: HandoffAction;
  /** The primary reason code (the leaf reached), e.g. `billing_dispute`. */
  reasonCode?: string;
  queueId?: string;
  /** How the latest customer message reads (sentiment datasets); checked apart from the decision. */
  sentiment?: SentimentLabel;
}

/** A sentiment dataset's label of a message. */
export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export const SENTIMENT_LABELS: readonly string[] = ['negative', 'neutral', 'positive'];

/** The latest customer message's score against the policy's negative threshold. */
export interface SentimentResult {
  expected: SentimentLabel;
  /** -1..1. */
  score: number;
  /** The policy's `negativeSentiment` threshold; the message counts as negative at or below it. */
  threshold: number;
  /** The dataset's language label, else the detected language. */
  language: string;
}

/** One conversation of a dataset. */
export interface BacktestRow {
  /** The dataset's own id of the conversation or message. */
  id: string;
  /** 1-based line of the file it came from (the first line for a CSV conversation). */
  line: number;
  input: DecideHandoffInput;
  expected?: BacktestExpectation | null;
}

/** Why a row missed, for the lists an ops lead reads and opens in the test panel. */
export interface BacktestMissDetail {
  /** The customer messages, redacted as the decision log stores them. */
  customerTexts: string[];
  /** Every reason that fired, primary first, with its evidence. */
  reasons: TriggerReason[];
  /** Node ids of the taken path, start to leaf: what the test panel lights. */
  path: string[];
}

/** What one row got. */
export interface BacktestRowResult {
  id: string;
  line: number;
  /** The conversation's language as the signals saw it (customer language, else detected). */
  language: string;
  channel: string | null;
  /** The expectation's key (`expectationKey`), or null when the row has none. */
  expected: string | null;
  /** `none` for STAY, else the primary reason code. */
  got: string;
  action: HandoffAction;
  queueId: string | null;
  /** Every given field of the expectation matched; null without an expectation. */
  matched: boolean | null;
  /** Customer turns evaluated (1 unless turn by turn). */
  turns: number;
  /** Turn by turn: the 1-based customer turn of the first handoff or callback; null when it stayed throughout or not turn by turn. */
  handoffTurn: number | null;
  /** Only for rows whose expectation was missed. */
  miss?: BacktestMissDetail;
  /** Only for rows that expect a sentiment. */
  sentiment?: SentimentResult;
}

/** Key of `STAY` expectations and outcomes in every report table, as in `../shared/eval` labels. */
export const STAY_KEY = 'none';

/**
 * The single key an expectation is counted under: its reason code; `none` for a STAY without a
 * reason; `action:<ACTION>` when only another action is given; null when nothing is expected.
 */
export function expectationKey(expected: BacktestExpectation | null | undefined): string | null {
  if (!expected) return null;
  if (expected.reasonCode) return expected.reasonCode;
  if (expected.action === 'STAY') return STAY_KEY;
  if (expected.action) return `action:${expected.action}`;
  if (expected.queueId) return `queue:${expected.queueId}`;
  return null;
}
