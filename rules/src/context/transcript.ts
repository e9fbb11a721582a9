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

/** The condensed transcript of `transcript` (entries keep their original indices, in order). */
export function condenseTranscript(transcript: readonly TranscriptEntry[]): TranscriptEntry[] {
  const kept = transcript.filter((entry) => (entry.speaker === 'CUSTOMER' || entry.speaker === 'BOT') && !isFiller(entry.text));
  let chosen = kept;
  if (kept.length > CONDENSED_MAX) {
    const recent = kept.slice(-CONDENSED_MAX);
    const first = kept.find((entry) => entry.speaker === 'CUSTOMER');
    chosen = first && !recent.includes(first) ? [first, ...kept.slice(-(CONDENSED_MAX - 1))] : recent;
  }
  return chosen.map((entry) => ({ ...entry, text: clip(entry.text, CONDENSED_TEXT_MAX) }));
}
