/**
 * The package's one-line summary, at most {@link SUMMARY_MAX_CHARS} characters: who, what they
 * want in their own (redacted) words, what the AI tried, and why it escalated —
 * `Maria (VIP) wrote "I was charged twice for order 1234"; AI tried invoice list (failed);
 * escalated: billing dispute, negative sentiment`. The reason is never cut for the quote: the
 * "why" and "tried" parts are sized first and the quote takes the room left (and is dropped when
 * too little is left to be useful).
 */
import type { HandoffAction } from '@baton/schemas';
import { clip, humanise } from './display-text';

export const SUMMARY_MAX_CHARS = 200;

const WHY_MAX = 90;
const TRIED_MAX = 70;
const QUOTE_MIN = 15;
const ATTEMPTS_NAMED = 2;

/** What the summary is made of. */
export interface SummaryParts {
  action: HandoffAction;
  /** Leaf reached (named for a stay). */
  reasonCode: string;
  /** Codes of the triggers that fired, primary first. */
  firedCodes: readonly string[];
  customerName: string | null;
  /** Customer flags; `VIP` and `ENTERPRISE` are shown next to the name. */
  flags: readonly string[];
  /** The customer's message that states the problem, if any. */
  want: string | null;
  attempts: readonly { action: string; result: string }[];
  botReplies: number;
}

function whyOf(parts: SummaryParts): string {
  const codes = (parts.firedCodes.length > 0 ? parts.firedCodes : [parts.reasonCode]).map(humanise).join(', ');
  switch (parts.action) {
    case 'HANDOFF':
      return clip(`escalated: ${codes}`, WHY_MAX);
    case 'CALLBACK':
      return clip(`callback offered: ${codes}`, WHY_MAX);
    case 'STAY':
      return clip(`stays with the AI (${humanise(parts.reasonCode)})`, WHY_MAX);
    default: {
      const unreachable: never = parts.action;
      return unreachable;
    }
  }
}

function triedOf(parts: SummaryParts): string {
  const count = parts.attempts.length;
  if (count > 0) {
    // The latest attempts, as many as fit (at least one).
    for (let named = Math.min(ATTEMPTS_NAMED, count); ; named -= 1) {
      // An attempt whose outcome nobody reported says nothing by "(unknown)": leave it out.
      const list = parts.attempts
        .slice(-named)
        .map((attempt) => (attempt.result === 'unknown' ? clip(attempt.action, 32) : `${clip(attempt.action, 32)} (${clip(attempt.result, 16)})`));
      const text = `AI tried ${list.join(', ')}${count > named ? ` +${count - named} more` : ''}`;
      if (text.length <= TRIED_MAX || named === 1) return clip(text, TRIED_MAX);
    }
  }
  if (parts.botReplies === 0) return 'no AI reply yet';
  return `AI replied ${parts.botReplies} time${parts.botReplies === 1 ? '' : 's'}`;
}

/** @returns one line of at most {@link SUMMARY_MAX_CHARS} characters */
export function buildSummary(parts: SummaryParts): string {
  const tags = parts.flags.filter((flag) => flag === 'VIP' || flag === 'ENTERPRISE');
  const who = `${parts.customerName ? clip(parts.customerName, 40) : 'Customer'}${tags.length > 0 ? ` (${tags.join(', ')})` : ''}`;
  const tail = `; ${triedOf(parts)}; ${whyOf(parts)}`;
  const room = SUMMARY_MAX_CHARS - who.length - tail.length - ' wrote ""'.length;
  const want = parts.want?.trim() ? clip(parts.want, room) : '';
  const line = room >= QUOTE_MIN && want ? `${who} wrote "${want}"${tail}` : `${who}${tail}`;
  return clip(line, SUMMARY_MAX_CHARS);
}
