/**
 * The transcript (every message, as sent after redaction) and the condensed transcript: the
 * customer's substantive messages and the bot's attempted answers — greetings, thanks and
 * acknowledgements dropped (`filler.ts`), agent and system messages left out — at most
 * {@link CONDENSED_MAX} entries. When there are more, the most recent are kept plus the
 * customer's first substantive message, which usually states the problem. Condensed texts are
 * clipped to {@link CONDENSED_TEXT_MAX} characters.
 */
import type { MessageInput, TranscriptEntry } from '@baton/schemas';
import { clip } from './display-text';
import { isFiller } from './filler';
import { dateOf } from './time-offsets';

export const CONDENSED_MAX = 10;
export const CONDENSED_TEXT_MAX = 300;

/** Every message with its 0-based index, speaker, text and time (null when not sent). */
export function buildTranscript(messages: readonly MessageInput[]): TranscriptEntry[] {
  return messages.map((message, index) => ({ index, speaker: message.speaker, text: message.text, at: dateOf(message.at) }));
}

/** True for an entry the condensed transcript may hold: a substantive customer or bot message. */
function substantive(entry: TranscriptEntry): boolean {
  return (entry.speaker === 'CUSTOMER' || entry.speaker === 'BOT') && !isFiller(entry.text);
}

/**
 * The condensed transcript of `transcript` (entries keep their original indices, in order).
 * Reads from both ends and stops once it has what it keeps: a bot resends the whole conversation
 * every turn, and only the latest {@link CONDENSED_MAX} entries and the first customer's are kept.
 */
export function condenseTranscript(transcript: readonly TranscriptEntry[]): TranscriptEntry[] {
  // One more than kept, to tell whether any was left out.
  const recent: TranscriptEntry[] = [];
  for (let i = transcript.length - 1; i >= 0 && recent.length <= CONDENSED_MAX; i -= 1) {
    const entry = transcript[i] as TranscriptEntry;
    if (substantive(entry)) recent.push(entry);
  }
  recent.reverse();
  let chosen = recent;
  if (recent.length > CONDENSED_MAX) {
    const latest = recent.slice(-CONDENSED_MAX);
    const first = transcript.find((entry) => entry.speaker === 'CUSTOMER' && substantive(entry));
    chosen = first && !latest.includes(first) ? [first, ...recent.slice(-(CONDENSED_MAX - 1))] : latest;
  }
  return chosen.map((entry) => ({ ...entry, text: clip(entry.text, CONDENSED_TEXT_MAX) }));
}
