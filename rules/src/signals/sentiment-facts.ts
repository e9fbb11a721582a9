/**
 * The sentiment facts — `sentimentLatest`, `sentimentPrevious`, `sentimentMin`,
 * `negativeStreak`, `negativeTurns`, `sentimentSharpDrop` — from per-message scores (`sentiment.ts`) and the
 * policy's thresholds (`negativeSentiment`, `sharpDropFrom`, `sharpDropTo`).
 *
 * A conversation starts from a neutral baseline: with one customer message `sentimentPrevious`
 * is 0 and the sharp drop compares against that 0, so a customer who opens furious ("This is
 * the worst service ever. I am furious.") has dropped sharply, exactly as one who was calm a
 * message earlier. `sentimentSharpDrop` is therefore always
 * `sentimentPrevious >= sharpDropFrom && sentimentLatest <= sharpDropTo` (with no customer
 * message at all there is no latest message and no drop).
 */
import type { FactName, Thresholds } from '@baton/schemas';
import { formatNumber, quote } from './evidence';
import type { AnalysedText } from './message-analysis';

/** A customer message and its sentiment score (-1..1). */
export interface ScoredMessage {
  message: AnalysedText;
  score: number;
  /** The score came with the message from the bot (`MessageInput.sentiment`). */
  reportedByBot?: boolean;
  /** The message's score when the previous customer message was upset (`SentimentScore.afterUpset`). */
  afterUpset?: number;
  /** `score` is `afterUpset`: the message's bare praise, right after an upset message, read as sarcasm. */
  sarcasm?: boolean;
}

type SentimentFactName = Extract<
  FactName,
  'sentimentLatest' | 'sentimentPrevious' | 'sentimentMin' | 'negativeStreak' | 'negativeTurns' | 'sentimentSharpDrop'
>;

export interface SentimentFacts {
  sentimentLatest: number;
  sentimentPrevious: number;
  sentimentMin: number;
  negativeStreak: number;
  negativeTurns: number;
  sentimentSharpDrop: boolean;
  evidence: Partial<Record<SentimentFactName, string[]>>;
  /**
   * Messages behind each fact (0-based in `input.messages`): the latest, previous and lowest
   * message; the streak's messages; every negative message; for a sharp drop the previous (when there is one) and latest.
   */
  sources: Partial<Record<SentimentFactName, number[]>>;
}

function scored(item: ScoredMessage): string {
  const how = item.reportedByBot ? ' (reported by the bot)' : item.sarcasm ? ' (its praise read as sarcasm after an upset message)' : '';
  return `${quote('customer', item.message.position, item.message.shown)} scored ${formatNumber(item.score)}${how}`;
}

/**
 * `scores` with each message that has an `afterUpset` score scored so when the message before it
 * (as scored here) is at or below `negativeSentiment`: "3 to 5 days? Brilliant." after "My
 * account is frozen and my rent is due" is sarcasm, the way an agent reads it.
 * @param scores customer messages in conversation order
 */
export function scoresInContext(scores: readonly ScoredMessage[], thresholds: Thresholds): ScoredMessage[] {
  const read: ScoredMessage[] = [];
  for (const item of scores) {
    const before = read[read.length - 1];
    const upset = before !== undefined && before.score <= thresholds.negativeSentiment;
    read.push(upset && item.afterUpset !== undefined ? { ...item, score: item.afterUpset, sarcasm: true } : item);
  }
  return read;
}

/** Score the latest message is compared with: the previous message's, or the neutral 0 before the first. */
const BASELINE = 0;

/**
 * Folds scores into facts. Scores default to 0 when there is no such message; the streak counts
 * trailing messages at or below `negativeSentiment` and the negative turns all of them; the sharp drop needs the previous score (0
 * before the first message) at or above `sharpDropFrom` and the latest at or below `sharpDropTo`.
 * @param scores customer messages in conversation order
 */
export function sentimentFacts(scores: readonly ScoredMessage[], thresholds: Thresholds): SentimentFacts {
  const latest = scores[scores.length - 1];
  const previous = scores[scores.length - 2];
  let streak = 0;
  for (let i = scores.length - 1; i >= 0 && (scores[i]?.score ?? 0) <= thresholds.negativeSentiment; i -= 1) streak += 1;
  const negative = scores.filter((item) => item.score <= thresholds.negativeSentiment);
  const lowest = scores.reduce<ScoredMessage | undefined>((low, item) => (!low || item.score < low.score ? item : low), undefined);
  const previousScore = previous?.score ?? BASELINE;
  const sharpDrop = !!latest && previousScore >= thresholds.sharpDropFrom && latest.score <= thresholds.sharpDropTo;
  const evidence: SentimentFacts['evidence'] = {};
  if (latest && latest.score <= thresholds.negativeSentiment) evidence.sentimentLatest = [scored(latest)];
  if (streak > 0) evidence.negativeStreak = scores.slice(scores.length - streak).map(scored);
  if (negative.length > 0) evidence.negativeTurns = negative.map(scored);
  if (lowest && lowest.score <= thresholds.negativeSentiment) evidence.sentimentMin = [scored(lowest)];
  if (sharpDrop && latest) {
    const from = previous
      ? `${formatNumber(previous.score)} (customer message ${previous.message.position})`
      : `a neutral ${formatNumber(BASELINE)} (no earlier customer message)`;
    evidence.sentimentSharpDrop = [
      `sentiment fell from ${from} to ${formatNumber(latest.score)} (customer message ${latest.message.position})`,
      scored(latest),
    ];
  }
  const sources: SentimentFacts['sources'] = {};
  if (latest) sources.sentimentLatest = [latest.message.index];
  if (previous) sources.sentimentPrevious = [previous.message.index];
  if (lowest) sources.sentimentMin = [lowest.message.index];
  if (streak > 0) sources.negativeStreak = scores.slice(scores.length - streak).map((item) => item.message.index);
  if (negative.length > 0) sources.negativeTurns = negative.map((item) => item.message.index);
  if (sharpDrop && latest) sources.sentimentSharpDrop = [...(previous ? [previous.message.index] : []), latest.message.index];
  return {
    sentimentLatest: latest?.score ?? 0,
    sentimentPrevious: previousScore,
    sentimentMin: lowest?.score ?? 0,
    negativeStreak: streak,
    negativeTurns: negative.length,
    sentimentSharpDrop: sharpDrop,
    evidence,
    sources,
  };
}
