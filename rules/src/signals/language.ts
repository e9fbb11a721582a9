/**
 * Conversation language (ISO 639-1) from the customer's text.
 *
 * Source: tinyld (MIT, pure JS, no model download, maintained), restricted to the languages the
 * policy's lexicons cover. It beats `@nlpjs/language-min` (a trigram-distance detector) on
 * the short texts of chat: it tells "quero falar com um atendente" from Spanish and declines to
 * guess on "ok". It is also slow for a per-turn path (about 100–350 µs for 200 characters), so
 * a stop-word vote (nlp.js's lists) settles the clear cases first and tinyld runs only on the
 * unclear ones, once per decision. Single messages that are plainly in another language are
 * scored in that language (`messageLanguage`).
 */
import { detectAll, supportedLanguages, toISO2 } from 'tinyld';
import { languagePack, PACKED_LANGUAGES } from './language-packs';
import type { AnalysedText } from './message-analysis';

/** How the conversation language was decided. */
export type LanguageSource = 'detected' | 'customer' | 'default';

export interface LanguageDetection {
  /** ISO 639-1 code, lower-case. */
  language: string;
  source: LanguageSource;
  /** How it was detected (when `source` is "detected"). */
  method?: 'stopwords' | 'tinyld';
  /** tinyld's accuracy (0..1) when tinyld detected it. */
  accuracy?: number;
}

/** Language used when neither the text nor the customer profile tells. */
export const DEFAULT_LANGUAGE = 'en';
/** Most recent customer characters handed to the detector (tinyld's cost grows with length). */
const MAX_DETECT_CHARS = 200;
/** Fewer letters than this and the text is too short to tell. */
const MIN_LETTERS = 8;
/** Stop-word votes that settle the language without tinyld, and their lead over the runner-up. */
const MIN_STOPWORD_VOTES = 5;
const STOPWORD_LEAD = 3;
/** tinyld accuracy a guess needs, and how many times the runner-up's unless the stop words agree. */
const MIN_ACCURACY = 0.1;
const MIN_LEAD = 2;

/** tinyld lists ISO 639-3 codes; facts and lexicons use ISO 639-1. */
const TINYLD_LANGUAGES = new Set<string>(supportedLanguages.map((code) => toISO2(code)));

/** Of `languages`, those tinyld can detect; all packed languages when none is given. */
export function detectableLanguages(languages: readonly string[]): string[] {
  const known = languages.filter((language) => TINYLD_LANGUAGES.has(language));
  return known.length > 0 ? known : PACKED_LANGUAGES.filter((language) => TINYLD_LANGUAGES.has(language));
}

/** `"pt-BR"` -> `"pt"`; undefined when it is not a language code. */
export function normaliseLanguageCode(code: string | null | undefined): string | undefined {
  const match = /^\s*([a-zA-Z]{2})(?:[-_].*)?\s*$/.exec(code ?? '');
  return match?.[1]?.toLowerCase();
}

/** Stop-word votes of `texts` per candidate language that has a stop-word list. */
function stopwordVotes(texts: readonly AnalysedText[], candidates: readonly string[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const language of candidates) {
    const stopwords = languagePack(language)?.stopwords;
    if (!stopwords) continue;
    let count = 0;
    for (const text of texts)
      count += text.remember(`stopwords:${language}`, () => text.tokens.filter((token) => token.word.length >= 2 && stopwords.has(token.word)).length);
    votes.set(language, count);
  }
  return votes;
}

/** The language with the most votes when it has at least `min` and `lead` times the runner-up's. */
function clearWinner(votes: Map<string, number>, min: number, lead: number): string | undefined {
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  return best && best[1] >= min && best[1] >= lead * (second?.[1] ?? 0) ? best[0] : undefined;
}

/**
 * Detects the conversation language from the customer's messages, among `candidates`.
 * Two stages keep it cheap: when the messages' stop words (nlp.js lists) clearly vote for one
 * language (5+ votes, 3 times the runner-up's), or lean to the profile's language (2+ votes, 1.5
 * times the runner-up's), that is the answer (a few µs); otherwise tinyld
 * reads the latest 200 characters, and its guess stands when it leads the runner-up twofold or
 * agrees with the stop words' leaning. Falls back to `customerLanguage` (the profile's, e.g.
 * "pt-BR"), then to "en", when the text is too short or both are unsure.
 */
export function detectConversationLanguage(
  customerMessages: readonly AnalysedText[],
  candidates: readonly string[],
  customerLanguage?: string | null,
): LanguageDetection {
  const allVote = candidates.every((language) => languagePack(language) !== undefined);
  const votes = allVote ? stopwordVotes(customerMessages, candidates) : new Map<string, number>();
  const voted = clearWinner(votes, MIN_STOPWORD_VOTES, STOPWORD_LEAD);
  if (voted) return { language: voted, source: 'detected', method: 'stopwords' };
  const leaning = clearWinner(votes, 2, 1.5);
  // Stop words leaning to the profile's language settle it: tinyld could only overrule both with
  // a twofold lead, and it is the costliest step of a decision on short texts (issue 18).
  const profile = normaliseLanguageCode(customerLanguage);
  if (leaning !== undefined && leaning === profile) return { language: leaning, source: 'detected', method: 'stopwords' };
  let text = '';
  for (let i = customerMessages.length - 1; i >= 0 && text.length < MAX_DETECT_CHARS; i -= 1) {
    text = `${customerMessages[i]?.text ?? ''}\n${text}`;
  }
  text = text.slice(-MAX_DETECT_CHARS);
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters >= MIN_LETTERS && candidates.length > 0) {
    const [best, second] = detectAll(text, { only: [...candidates] });
    const leads = best !== undefined && best.accuracy >= MIN_LEAD * (second?.accuracy ?? 0);
    if (best && best.accuracy >= MIN_ACCURACY && (leads || best.lang === leaning)) {
      return { language: best.lang, source: 'detected', method: 'tinyld', accuracy: Math.round(best.accuracy * 100) / 100 };
    }
  }
  if (profile) return { language: profile, source: 'customer' };
  return { language: DEFAULT_LANGUAGE, source: 'default' };
}

/**
 * Language to score one message in: the conversation's, unless the message's own stop words
 * clearly vote for another (at least 3 votes, twice the runner-up's).
 */
export function messageLanguage(text: AnalysedText, conversation: string, candidates: readonly string[]): string {
  const votes = stopwordVotes([text], candidates);
  const winner = clearWinner(votes, 3, 2);
  return winner && winner !== conversation && (votes.get(winner) ?? 0) >= (votes.get(conversation) ?? 0) + 2 ? winner : conversation;
}
