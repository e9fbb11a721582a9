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
  // One pass without intermediate arrays: a bot resends the whole conversation every turn.
  let replies = 0;
  let lowest = Number.POSITIVE_INFINITY;
  const kbArticleIds = new Set<string>();
  messages.forEach((message, index) => {
    if (message.speaker === 'BOT') {
      replies += 1;
      lowest = Math.min(lowest, replyConfidence(message, hedged.has(index), thresholds));
    }
    for (const id of message.kbArticleIds ?? []) if (typeof id === 'string' && id.trim() !== '') kbArticleIds.add(id);
  });
  const last = replies > 0 ? signals.facts.botConfidenceLatest : null;
  return {
    lastConfidence: last,
    lowestConfidence: last === null ? null : Math.min(lowest, last),
    lowConfidenceStreak: signals.facts.lowConfidenceStreak,
    hedgingSeen: signals.facts.hedgingCount > 0,
    kbArticleIds: [...kbArticleIds],
  };
}
