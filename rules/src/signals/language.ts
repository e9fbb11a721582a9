/**
 * Conversation language (ISO 639-1) from the customer's text.
 *
 * Source: tinyld (MIT, pure JS, no model download, maintained), restricted to the languages the
 * policy's lexicons cover. It beats `@nlpjs/language-min` (a trigram-distance detector) on
 * the short texts of chat: it tells "quero falar com um atendente" from Spanish and declines to
 * guess on "ok". It is also slow for a per-turn path (about 100–350 µs for 200 characters), so
 * a stop-word vote (nlp.js's lists) settles the clear cases first and tinyld runs only on the
 * unclear ones, once per decision. A message of a few words gives both too little to go on alone
 * ("no funciona la app", "Danke", "sim, por favor"): without a profile language, the two weak
 * readings, with negation words added to the vote, are combined (`shortTextLanguage`) rather
 * than falling back to English. Single messages that are plainly in another language are scored
 * in that language (`messageLanguage`).
 */
import { detectAll, supportedLanguages, toISO2 } from 'tinyld';
import { languagePack, PACKED_LANGUAGES, type LanguagePack } from './language-packs';
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
/** Fewer letters than this and the text is too short for tinyld to tell. */
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
  return wordVotes(texts, candidates, 'stopwords', (pack) => pack.stopwords);
}

/**
 * Function-word votes of `texts` per candidate language: its stop words and its negation words
 * ("não", "nicht", "pas" say more than most words of a few). Only the short-text stage reads
 * them: negation words shared between languages ("no") would blur the stop words' clear cases.
 */
function functionWordVotes(texts: readonly AnalysedText[], candidates: readonly string[]): Map<string, number> {
  return wordVotes(texts, candidates, 'function-words', (pack) => ({ has: (word) => pack.stopwords.has(word) || pack.negators.has(word) }));
}

/**
 * Votes of `texts` per candidate language with a pack: tokens of 2+ letters in the language's
 * `list`. Each text's counts for all candidates are remembered together: the language is asked of
 * every customer message on every turn, so one lookup per message beats one per language.
 */
function wordVotes(
  texts: readonly AnalysedText[],
  candidates: readonly string[],
  kind: string,
  list: (pack: LanguagePack) => Pick<ReadonlySet<string>, 'has'>,
): Map<string, number> {
  const packs = candidates.map((language) => languagePack(language));
  const key = `${kind}:${candidates.join(' ')}`;
  const totals = new Array<number>(candidates.length).fill(0);
  for (const text of texts) {
    const counts = text.remember(key, () =>
      packs.map((pack) => {
        if (!pack) return 0;
        const words = list(pack);
        return text.tokens.filter(({ word }) => word.length >= 2 && words.has(word)).length;
      }),
    );
    for (let k = 0; k < counts.length; k += 1) totals[k] = (totals[k] as number) + (counts[k] as number);
  }
  const votes = new Map<string, number>();
  candidates.forEach((language, k) => {
    if (packs[k]) votes.set(language, totals[k] as number);
  });
  return votes;
}

/** The language with the most votes when it has at least `min` and `lead` times the runner-up's. */
function clearWinner(votes: Map<string, number>, min: number, lead: number): string | undefined {
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  return best && best[1] >= min && best[1] >= lead * (second?.[1] ?? 0) ? best[0] : undefined;
}

/** The language with more votes than any other, when it has at least `min`. */
function soleLeader(votes: Map<string, number>, min: number): string | undefined {
  const [best, second] = [...votes].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= min && best[1] > (second?.[1] ?? 0) ? best[0] : undefined;
}

/**
 * Detects the conversation language from the customer's messages, among `candidates`.
 * Two stages keep it cheap: when the messages' stop words (nlp.js lists) clearly vote for one
 * language (5+ votes, 3 times the runner-up's), or rank the profile's language first (2+ votes,
 * more than any other language), that is the answer (a few µs); otherwise tinyld reads the latest 200
 * characters, and its guess stands when it leads the runner-up twofold or agrees with the stop
 * words' leaning. Falls back to `customerLanguage` (the profile's, e.g. "pt-BR") when the text is
 * too short or unclear; without one, a text too short for either alone is read by both together
 * (`shortTextLanguage`), and "en" is the answer only when that tells nothing either.
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
  // Stop words that rank the profile's language first settle it: tinyld could only overrule both
  // with a twofold lead, and it is the costliest step of a decision (about 300 µs for 200
  // characters, issue 18). Spanish, Portuguese and French share many stop words, so a Spanish
  // message often gives French nearly as many votes: a strict lead is enough with the profile.
  const profile = normaliseLanguageCode(customerLanguage);
  if (profile !== undefined && profile === soleLeader(votes, 2)) return { language: profile, source: 'detected', method: 'stopwords' };
  let text = '';
  for (let i = customerMessages.length - 1; i >= 0 && text.length < MAX_DETECT_CHARS; i -= 1) {
    text = `${customerMessages[i]?.text ?? ''}\n${text}`;
  }
  text = text.slice(-MAX_DETECT_CHARS);
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const guesses = letters >= MIN_LETTERS && candidates.length > 0 ? detectAll(text, { only: [...candidates] }) : [];
  const [best, second] = guesses;
  if (best && best.accuracy >= MIN_ACCURACY) {
    const leads = best.accuracy >= MIN_LEAD * (second?.accuracy ?? 0);
    if (leads || best.lang === leaning) return tinyldDetection(best);
  }
  if (profile) return { language: profile, source: 'customer' };
  // With no profile to fall back on, two weak readings beat the default ("Gracias" is no English).
  const short = allVote ? shortTextLanguage(functionWordVotes(customerMessages, candidates), guesses) : undefined;
  return short ?? { language: DEFAULT_LANGUAGE, source: 'default' };
}

function tinyldDetection(guess: { lang: string; accuracy: number }): LanguageDetection {
  return { language: guess.lang, source: 'detected', method: 'tinyld', accuracy: Math.round(guess.accuracy * 100) / 100 };
}

/**
 * The language of a text too short for the stop words or tinyld alone ("no funciona la app",
 * "sim, por favor", "Karte gestohlen"): the one language with the most function-word `votes`;
 * among languages tied on votes, the one tinyld rates highest; with no votes, tinyld's guess when
 * it reaches half the usual accuracy with a twofold lead. `guesses` is empty for a text under
 * `MIN_LETTERS` letters: such a word ("menu", "balance") tells no language unless it is a
 * function word ("Danke", "merci"). Read only when there is no profile language: a profile is a
 * better guess than one weak reading. Undefined when nothing tells.
 */
function shortTextLanguage(votes: Map<string, number>, guesses: readonly { lang: string; accuracy: number }[]): LanguageDetection | undefined {
  const [best, second] = guesses;
  const top = Math.max(0, ...votes.values());
  const leaders = top > 0 ? [...votes].filter(([, count]) => count === top).map(([language]) => language) : [];
  if (leaders.length === 0) {
    const clear = best !== undefined && best.accuracy >= MIN_ACCURACY / 2 && best.accuracy >= MIN_LEAD * (second?.accuracy ?? 0);
    return clear ? tinyldDetection(best) : undefined;
  }
  const [leader] = leaders;
  if (leaders.length === 1 && leader) return { language: leader, source: 'detected', method: 'stopwords' };
  // Tied on votes: tinyld picks among the leaders when it rates one of them above the others.
  const [first, next] = guesses.filter((guess) => leaders.includes(guess.lang));
  if (!first || first.accuracy <= (next?.accuracy ?? 0)) return undefined;
  return tinyldDetection(first);
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
