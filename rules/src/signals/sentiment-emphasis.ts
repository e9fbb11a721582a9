/**
 * Internal: how a customer writes, not which words: capitals, stretched words and punctuation,
 * read by `sentiment.ts`.
 *
 * Shouting and "!!" only deepen a message that already reads negative, or one that does both at
 * once ("WHERE IS MY ORDER!!!"): written alone, capitals are a headline and "!!" is excitement as
 * often as anger. "??" and "?!" are impatience on their own ("Hello???", "Still nothing?!").
 * A letter repeated three times or more ("sooo slow", "pleaaase") is emphasis, like a booster.
 */
import type { AnalysedText } from './message-analysis';

/** Added when the text has "??" (impatience) and reads neutral or negative. */
const REPEATED_QUESTION = -0.15;
/** Added when the text has "?!" or "!?" and reads neutral or negative. */
const INTERROBANG = -0.2;
/** Added for shouting, and for 2+ exclamation marks, when the text reads negative. */
const SHOUTING = -0.3;
const EXCLAMATIONS = -0.15;

const ELONGATED_RUNS = /(\p{L})\1{2,}/gu;

/** True when a folded word has a letter three times or more in a row ("noooo"; digits too, which match nothing). */
export function isElongated(word: string): boolean {
  // A plain loop: this runs on every word of every message, and the Unicode regular expression costs more.
  for (let i = 2; i < word.length; i += 1) if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  return false;
}

/** A stretched word's forms with each run cut to one and to two letters ("sooo" -> so, soo). */
export function elongationVariants(word: string): readonly string[] {
  return [word.replace(ELONGATED_RUNS, '$1'), word.replace(ELONGATED_RUNS, '$1$1')];
}

/** True when the source of `token` has 2+ letters, all capitals ("NOW", "YA"; `shouted` needs 3). */
export function inCapitals(text: AnalysedText, token: AnalysedText['tokens'][number]): boolean {
  const source = text.text.slice(token.start, token.end);
  return (source.match(/\p{Lu}/gu) ?? []).length >= 2 && source === source.toUpperCase();
}

/** True when `token` is a hashtag or a mention ("#BLACKFRIDAY", "@ACME_HELP"): a name, however it is written. */
function isTag(text: AnalysedText, token: AnalysedText['tokens'][number]): boolean {
  const before = text.text[token.start - 1];
  return before === '#' || before === '@';
}

/** True when `token` is written as a hashtag ("#not"). */
export function isHashtag(text: AnalysedText, token: AnalysedText['tokens'][number]): boolean {
  return text.text[token.start - 1] === '#';
}

/** True when `token` is a word written in capitals for emphasis ("USELESS"), not a hashtag or a mention. */
export function isShoutedWord(text: AnalysedText, token: AnalysedText['tokens'][number]): boolean {
  return token.shouted && !isTag(text, token);
}

/** A sentence of 2+ words of 3+ letters, at least half of them in capitals ("WHERE IS MY ORDER"); hashtags and mentions are not words here. */
export function isShouting(text: AnalysedText): boolean {
  const perSentence = new Map<number, { long: number; shouted: number }>();
  for (const token of text.tokens) {
    if (token.end - token.start < 3 || isTag(text, token)) continue;
    const counts = perSentence.get(token.sentence) ?? { long: 0, shouted: 0 };
    counts.long += 1;
    if (token.shouted) counts.shouted += 1;
    perSentence.set(token.sentence, counts);
  }
  return [...perSentence.values()].some(({ long, shouted }) => shouted >= 2 && shouted * 2 >= long);
}

/**
 * The word sum `sum` of message `text` with its punctuation and shouting: negative cues added as
 * the header says, then the whole scaled by 1 + 0.1 per "!" (at most 3) + 0.2 when shouting.
 */
export function punctuationAdjusted(text: string, sum: number, shouting: boolean): number {
  const exclamations = Math.min(3, (text.match(/!/g) ?? []).length);
  let adjusted = sum;
  if (adjusted <= 0) {
    if (/\?\s*\?/.test(text)) adjusted += REPEATED_QUESTION;
    if (/\?!|!\?/.test(text)) adjusted += INTERROBANG;
  }
  if (adjusted < 0 || (adjusted === 0 && shouting && exclamations >= 2)) {
    if (shouting) adjusted += SHOUTING;
    if (exclamations >= 2) adjusted += EXCLAMATIONS;
  }
  return adjusted * (1 + 0.1 * exclamations + (shouting ? 0.2 : 0));
}
