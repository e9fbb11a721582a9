/**
 * Internal: finds compiled phrases in a message whose tokens already carry their lexemes
 * (`PhraseIndex.tokenLexemes`), by the rules of `PhraseMode`. Stems cannot tell tenses apart
 * ("changed" and "change" share one), so two guards keep requests from reading as reports:
 * a gap never holds a request for help or a modal verb ("can someone help me change my email",
 * "¿alguien puede cambiar mi correo?"), and a set built with `skipRequests` (the topics) skips
 * a phrase that opens with "someone" right after a modal ("could someone change my email?",
 * "kann jemand mein Passwort ändern?": support is asked to act). Phrases are
 * grouped by their first lexeme so a message only tries the phrases that can start at each of
 * its words. A negation word that opens a phrase does not reach any of its other words across a
 * comma ("No, quiero abrir la cuenta" is no "no quiero"). A `{secret}` placeholder (`phrase-index.ts`) is carried by any password-like word.
 * One emphasis adverb may stand between two words of a word-for-word phrase ("did not actually make").
 */
import type { AnalysedText } from './message-analysis';
import { negatorsOf } from './negation';
import { isSecretWord, SECRET_TERM, type CompiledPhrase } from './phrase-index';

/** Words allowed between two content words of a `content` phrase (more if the phrase has more; numbers are free). */
const MAX_GAP_WORDS = 3;
/** Of those, how many may be content (non-stop) words. */
const MAX_GAP_CONTENT_WORDS = 1;

/** A message with its tokens' lexemes (`PhraseIndex.tokenLexemes`). */
export interface MatchedMessage {
  text: AnalysedText;
  lexemes: number[][];
}

/** One occurrence of a phrase: token indexes of its first and last matched word. */
export interface PhraseHit<T> {
  phrase: CompiledPhrase;
  /** What the phrase was registered with (a topic name, a flag...). */
  tag: T;
  first: number;
  last: number;
}

interface Entry<T> {
  phrase: CompiledPhrase;
  tag: T;
}

/**
 * Matches per lexemes array and per phrase or concept set. Lexemes come from the message memo,
 * one array per text and language while the text is read, so the sets searched on one reading
 * share them (later turns reuse the reading itself, `conversation-memo.ts`); the entries go with
 * the lexemes when the text's per-token work is let go (`AnalysedText.release`).
 */
const matchesByLexemes = new WeakMap<number[][], Map<object, readonly unknown[]>>();

/**
 * `compute()` for `lexemes` and `set`, worked out once: the matches of a set depend only on the
 * text and its lexemes. The result is shared; callers must not mutate it.
 */
export function rememberMatches<H>(lexemes: number[][], set: object, compute: () => H[]): readonly H[] {
  let bySet = matchesByLexemes.get(lexemes);
  if (!bySet) {
    bySet = new Map();
    matchesByLexemes.set(lexemes, bySet);
  }
  let matches = bySet.get(set) as readonly H[] | undefined;
  if (!matches) {
    matches = Object.freeze(compute());
    bySet.set(set, matches);
  }
  return matches;
}

/** A group of phrases searched together, each with a tag. */
export class PhraseSet<T> {
  private readonly byFirstTerm = new Map<number, Entry<T>[]>();

  /** Number of phrases in the set. */
  size = 0;

  /**
   * @param skipRequests no phrase starts at "someone" ("somebody", "alguien", "jemand"...) right
   *   after a modal verb: "can someone change my email?" asks, it does not report
   */
  constructor(private readonly skipRequests = false) {}

  add(phrase: CompiledPhrase, tag: T): void {
    const first = phrase.terms[0];
    if (first === undefined) return;
    const entries = this.byFirstTerm.get(first) ?? [];
    entries.push({ phrase, tag });
    this.byFirstTerm.set(first, entries);
    this.size += 1;
  }

  /** Every phrase occurrence in `text`, by start position; a phrase is reported once per start. */
  find(text: AnalysedText, lexemes: number[][]): readonly PhraseHit<T>[] {
    return this.size === 0 ? [] : rememberMatches(lexemes, this, () => this.search(text, lexemes));
  }

  private search(text: AnalysedText, lexemes: number[][]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    // Every message is searched by several sets on every new turn (issue 18): plain loops, and the
    // password test only for a set with a phrase that opens on `{secret}`.
    const secretStarts = this.byFirstTerm.get(SECRET_TERM);
    for (let start = 0; start < lexemes.length; start += 1) {
      if (this.skipRequests && isAddressedRequest(text, start)) continue;
      for (const id of lexemes[start] as number[]) this.matchEntries(this.byFirstTerm.get(id), text, lexemes, start, hits);
      if (secretStarts && isSecretWord(text.tokens[start]?.word ?? '')) this.matchEntries(secretStarts, text, lexemes, start, hits);
    }
    return hits;
  }

  private matchEntries(entries: Entry<T>[] | undefined, text: AnalysedText, lexemes: number[][], start: number, hits: PhraseHit<T>[]): void {
    if (!entries) return;
    for (const entry of entries) {
      const last = matchFrom(text, lexemes, entry.phrase, start);
      if (last >= 0) hits.push({ phrase: entry.phrase, tag: entry.tag, first: start, last });
    }
  }
}

const NUMBER = /^\p{N}+$/u;

/** Modal verbs that turn what follows into a question or a request, per language, folded. */
const MODALS: Record<string, string> = {
  en: 'can could',
  es: 'puede puedes pueden podria podrias podrian',
  pt: 'pode podem poderia poderiam',
  de: 'kann kannst konnen konnte konnten',
  fr: 'peut peux pouvez peuvent pourrait pourriez',
};
const HELP_WORDS = 'help helps helping ayuda ayudar ayude ayudame ayudarme ajuda ajudar ajude ajudem helfen hilf hilft helft aide aider aidez';
const wordList = (list: string) => list.split(' ');
const ANY_MODAL = new Set(Object.values(MODALS).flatMap(wordList));
/**
 * Words that end a gap: a request for help or a modal verb — except German modals, which also
 * stand inside plain statements ("diese Abbuchung kann ich nicht zuordnen").
 */
const GAP_BREAKERS = new Set([...wordList(HELP_WORDS), ...Object.entries(MODALS).flatMap(([language, list]) => (language === 'de' ? [] : wordList(list)))]);

/** Indefinite pronouns ("someone"), folded; French "quelqu'un" is tokenised to "quelqu", "un". */
const SOMEONE = new Set(wordList('someone somebody anyone anybody alguien alguem jemand quelqu'));

/** True when token `start` is "someone" right after a modal verb in its sentence ("can someone…"). */
function isAddressedRequest(text: AnalysedText, start: number): boolean {
  const previous = text.tokens[start - 1];
  const token = text.tokens[start];
  return previous !== undefined && token !== undefined && previous.sentence === token.sentence && ANY_MODAL.has(previous.word) && SOMEONE.has(token.word);
}

/**
 * Emphasis adverbs per language, folded: they stress a statement without changing it, so one may
 * stand inside a word-for-word phrase ("I did not really make it" for "did not make"). Negators
 * ("never", "nunca", "jamais") are left out: they change what a phrase says.
 */
const EMPHASIS: Record<string, ReadonlySet<string>> = {
  en: new Set(wordList('actually really even truly honestly definitely certainly personally')),
  es: new Set(wordList('realmente personalmente ciertamente siquiera')),
  pt: new Set(wordList('realmente pessoalmente mesmo sequer')),
  de: new Set(wordList('wirklich eigentlich tatsachlich selbst personlich')),
  fr: new Set(wordList('vraiment reellement personnellement')),
};

/** True when token `j` is an emphasis adverb of `language`. */
function isEmphasis(text: AnalysedText, language: string, j: number): boolean {
  return EMPHASIS[language]?.has(text.tokens[j]?.word ?? '') ?? false;
}

/** True when token `j` carries `term`: its lexeme, or for `SECRET_TERM` a password-like word. */
function carries(text: AnalysedText, lexemes: number[][], term: number, j: number): boolean {
  return term === SECRET_TERM ? isSecretWord(text.tokens[j]?.word ?? '') : (lexemes[j]?.includes(term) ?? false);
}

/**
 * True when token `j` may hold `term` of a phrase matched in `sentence`: it is in that sentence,
 * or `term` is the `{secret}` placeholder and only a colon ends the sentence ("password: hunter2").
 */
function inSentence(text: AnalysedText, term: number, j: number, sentence: number | undefined): boolean {
  const token = text.tokens[j];
  if (!token || sentence === undefined) return false;
  if (token.sentence === sentence) return true;
  if (term !== SECRET_TERM || token.sentence !== sentence + 1) return false;
  const first = text.tokens.findIndex((other) => other.sentence === token.sentence);
  const previous = text.tokens[first - 1];
  return previous !== undefined && text.text.slice(previous.end, text.tokens[first]?.start).trim() === ':';
}

/** Index of the last token of `phrase` matched from `start`, or -1. */
function matchFrom(text: AnalysedText, lexemes: number[][], phrase: CompiledPhrase, start: number): number {
  const last = matchRest(text, lexemes, phrase, 1, start, text.tokens[start]?.sentence);
  return last >= 0 && cutNegation(text, phrase.language, start, last) ? -1 : last;
}

/** Matches terms `k`.. of `phrase` after token `current`; index of the last matched token, or -1. */
function matchRest(text: AnalysedText, lexemes: number[][], phrase: CompiledPhrase, k: number, current: number, sentence: number | undefined): number {
  for (; k < phrase.terms.length; k += 1) {
    const term = phrase.terms[k] as number;
    if (phrase.links[k] === 'later') {
      // The part after an ellipsis may start at any later occurrence of its first word.
      for (let j = laterInSentence(text, lexemes, term, current, sentence); j >= 0; j = laterInSentence(text, lexemes, term, j, sentence)) {
        const last = matchRest(text, lexemes, phrase, k + 1, j, sentence);
        if (last >= 0) return last;
      }
      return -1;
    }
    if (phrase.links[k] === 'near') {
      current = nearby(text, lexemes, phrase, k, current, sentence);
      if (current < 0) return -1;
    } else {
      current += 1;
      // "did not actually make" is "did not make": one emphasis adverb may stand inside a word-for-word phrase.
      if (isEmphasis(text, phrase.language, current) && !carries(text, lexemes, term, current)) current += 1;
      if (!inSentence(text, term, current, sentence) || !carries(text, lexemes, term, current)) return -1;
    }
  }
  return current;
}

/**
 * True when the negation word at token `from`, a phrase's first, is cut from token `to`, its
 * last, by a clause break: "No, quiero abrir la cuenta" answers a question and wants the account,
 * it is no "no quiero"; "I don't want to talk to anyone, the bot is fine" is no "not talk to a
 * bot". A negation inside a phrase may stand before a comma ("weiß nicht, wo").
 */
function cutNegation(text: AnalysedText, language: string, from: number, to: number): boolean {
  const negation = text.tokens[from];
  // Most phrases do not open with a negation: the clause numbers are asked only for those that do.
  if (negation === undefined || !negatorsOf(language).has(negation.word)) return false;
  const clauses = text.clauses(language);
  return clauses[from] !== clauses[to];
}

/** The token after `from` that carries term `k` within the `content` gap rules, or -1. */
function nearby(text: AnalysedText, lexemes: number[][], phrase: CompiledPhrase, k: number, from: number, sentence: number | undefined): number {
  const tokens = text.tokens;
  const term = phrase.terms[k] as number;
  const stop = text.view(phrase.language).stop;
  const maxGap = Math.max(MAX_GAP_WORDS, (phrase.gaps[k] ?? 0) + 1);
  let words = 0;
  let contentWords = 0;
  for (let j = from + 1; j < tokens.length; j += 1) {
    const token = tokens[j];
    if (!token || !inSentence(text, term, j, sentence)) return -1;
    if (carries(text, lexemes, term, j)) return j;
    if (NUMBER.test(token.word)) continue;
    if (GAP_BREAKERS.has(token.word)) return -1;
    words += 1;
    if (words > maxGap) return -1;
    if (!stop[j]) {
      contentWords += 1;
      if (contentWords > MAX_GAP_CONTENT_WORDS) return -1;
    }
  }
  return -1;
}

/** First token after `from` in `sentence` that carries `term` (no gap breaker between), or -1. */
function laterInSentence(text: AnalysedText, lexemes: number[][], term: number, from: number, sentence: number | undefined): number {
  const tokens = text.tokens;
  for (let j = from + 1; j < tokens.length; j += 1) {
    const token = tokens[j];
    if (!token || token.sentence !== sentence || GAP_BREAKERS.has(token.word)) return -1;
    if (carries(text, lexemes, term, j)) return j;
  }
  return -1;
}
