/**
 * Bot confidence facts: `botConfidenceLatest`, `lowConfidenceStreak`, `hedgingCount`.
 *
 * Each bot reply's confidence (0..1) is the `confidence` the bot sent; when it sent none, the
 * policy's `thresholds.hedgedConfidence` if the reply hedges (a phrase of the settings' `hedging`
 * lexicon in any language: "I think", "it might be", "creo que", "ich glaube", "je pense",
 * "acho que"), else `thresholds.assumedConfidence`.
 */
import type { Thresholds } from '@baton/schemas';
import { formatNumber, quote } from './evidence';
import type { MatchedMessage } from './phrase-match';
import type { SignalsModel } from './prepare-signals';

/** How a reply's confidence was obtained. */
export type ConfidenceSource = 'reported' | 'hedged' | 'assumed';

/** Confidence of one bot reply. */
export interface ReplyConfidence {
  /** 1-based position in `input.messages`. */
  position: number;
  /** 0-based index in `input.messages`. */
  index: number;
  /** 0..1. */
  confidence: number;
  source: ConfidenceSource;
  /** The hedging phrase found in the reply (whether or not the bot sent a confidence). */
  hedge?: string;
  /** Evidence quote of the reply, centred on the hedge when there is one (built on demand). */
  quote(): string;
}

/** The three confidence facts and their evidence. */
export interface ConfidenceFacts {
  botConfidenceLatest: number;
  lowConfidenceStreak: number;
  hedgingCount: number;
  lowConfidenceEvidence: string[];
  hedgingEvidence: string[];
  /** 0-based indices in `input.messages`: the latest reply, the low-confidence streak's replies, the hedging replies. */
  sources: { botConfidenceLatest: number[]; lowConfidenceStreak: number[]; hedgingCount: number[] };
}

/**
 * Confidence of one bot reply.
 * @param reported the message's `confidence`, if sent (clamped to 0..1; non-numbers ignored)
 */
export function replyConfidence(reply: MatchedMessage, reported: number | null | undefined, model: SignalsModel): ReplyConfidence {
  const { text, lexemes } = reply;
  const [hit] = model.hedging.find(text, lexemes);
  const start = hit ? text.tokens[hit.first]?.start : undefined;
  const end = hit ? text.tokens[hit.last]?.end : undefined;
  let quoted: string | undefined;
  const base = {
    position: text.position,
    index: text.index,
    // Kept: a reply's record outlives its turn (`conversation-memo.ts`), and hedging evidence quotes every hedged reply.
    quote: () => (quoted ??= quote('bot', text.position, text.shown, start, end)),
    ...(hit ? { hedge: hit.phrase.text } : {}),
  };
  if (typeof reported === 'number' && Number.isFinite(reported)) {
    return { ...base, confidence: Math.max(0, Math.min(1, reported)), source: 'reported' };
  }
  const { hedgedConfidence, assumedConfidence } = model.thresholds;
  return hit ? { ...base, confidence: hedgedConfidence, source: 'hedged' } : { ...base, confidence: assumedConfidence, source: 'assumed' };
}

function describe(reply: ReplyConfidence): string {
  const how = reply.source === 'reported' ? 'reported' : reply.source === 'hedged' ? `hedging "${reply.hedge ?? ''}"` : 'assumed';
  return `${reply.quote()} confidence ${formatNumber(reply.confidence)} (${how})`;
}

/**
 * Folds the replies' confidences into facts. With no bot reply, `botConfidenceLatest` is the
 * policy's `assumedConfidence` and the streak 0.
 * @param replies bot replies in conversation order
 */
export function confidenceFacts(replies: readonly ReplyConfidence[], thresholds: Thresholds): ConfidenceFacts {
  let streak = 0;
  for (let i = replies.length - 1; i >= 0 && (replies[i]?.confidence ?? 1) < thresholds.lowConfidence; i -= 1) streak += 1;
  const hedged = replies.filter((reply) => reply.hedge !== undefined);
  const latest = replies[replies.length - 1];
  const streakReplies = replies.slice(replies.length - streak);
  return {
    botConfidenceLatest: replies[replies.length - 1]?.confidence ?? thresholds.assumedConfidence,
    lowConfidenceStreak: streak,
    hedgingCount: hedged.length,
    lowConfidenceEvidence: streakReplies.map(describe),
    hedgingEvidence: hedged.map((reply) => `${reply.quote()} hedges: "${reply.hedge ?? ''}"`),
    sources: {
      botConfidenceLatest: latest ? [latest.index] : [],
      lowConfidenceStreak: streakReplies.map((reply) => reply.index),
      hedgingCount: hedged.map((reply) => reply.index),
    },
  };
}
