/**
 * How sure the bot was: the latest and lowest confidence of its replies, the low-confidence
 * streak, whether it hedged, and the knowledge-base articles it cited (in order, once each).
 * A reply's confidence is the signals stage's: the one the bot sent (clamped to 0..1), else the
 * policy's `hedgedConfidence` for a reply the signals stage found hedging
 * (`sources.hedgingCount`), else `assumedConfidence`.
 */
import type { ContextPackage, MessageInput, Thresholds } from '@baton/schemas';
import type { SignalResult } from '../signals/signals-api';

function replyConfidence(message: MessageInput, hedged: boolean, thresholds: Thresholds): number {
  const reported = message.confidence;
  if (typeof reported === 'number' && Number.isFinite(reported)) return Math.max(0, Math.min(1, reported));
  return hedged ? thresholds.hedgedConfidence : thresholds.assumedConfidence;
}

/** @returns the assessment; confidences are null when the bot has not replied */
export function buildAiAssessment(messages: readonly MessageInput[], signals: SignalResult, thresholds: Thresholds): ContextPackage['aiAssessment'] {
  const hedged = new Set(signals.sources.hedgingCount ?? []);
  const confidences = messages.flatMap((message, index) => (message.speaker === 'BOT' ? [replyConfidence(message, hedged.has(index), thresholds)] : []));
  const kbArticleIds = [...new Set(messages.flatMap((message) => (message.kbArticleIds ?? []).filter((id) => typeof id === 'string' && id.trim() !== '')))];
  const last = confidences.length > 0 ? signals.facts.botConfidenceLatest : null;
  return {
    lastConfidence: last,
    lowestConfidence: last === null ? null : confidences.reduce((low, value) => Math.min(low, value), last),
    lowConfidenceStreak: signals.facts.lowConfidenceStreak,
    hedgingSeen: signals.facts.hedgingCount > 0,
    kbArticleIds,
  };
}
