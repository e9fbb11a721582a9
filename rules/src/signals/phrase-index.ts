/**
 * Internal: the lexicon of a policy's phrases, compiled once per policy version. Each distinct
 * (language, stem) of a phrase word is a lexeme (`matchingStem`: a stem too short to tell words
 * apart keeps its word); a message token carries the lexemes it
 * matches — by stem in every lexicon language (so "charges", "charged", "charging" all meet
 * "charge") and, for customer text, by one typo ("acount"). A word that is itself a lexicon
 * word of a language is no typo of another word of that language ("Betrag" is not "Betrug").
 * Phrases become lexeme sequences.
 *
 * German writes a noun and what it is about as one word ("Girokonto", "Handyvertrag",
 * "Stromrechnung", "Bankomatkarte"), so no lexicon can list them all: in a language of
 * `COMPOUNDING`, a message word that matches nothing of that language meets a lexicon noun (written
 * capitalised, as German nouns are) that ends it, after at least `MIN_COMPOUND_MODIFIER` letters
 * (a compound's head is its last part and says what it is: a "Sparkonto" is an account).
 *
 * One placeholder stands for a word no lexicon can list: `{secret}`, a word that looks like a
 * password, PIN or code (4+ characters with a digit: "hunter2", "Summer2024", "4417"), so
 * "my password is {secret}" hears a customer typing their password into the chat but not "my
 * password is wrong". It matches where a word of the phrase would, and may also follow a colon
 * ("password: hunter2"), which otherwise ends a sentence. It does not count as a content word
 * when the mode is chosen, so "password is {secret}" matches word for word (not "the password
 * for account 55123441"); a phrase of placeholders only compiles to nothing.
 */
import { isTypoOf, MIN_TYPO_LENGTH } from './fuzzy-match';
import type { AnalysedText } from './message-analysis';
import { isStopword } from './language-packs';
import { routineWordOf } from './routine-words';
import { matchingStem } from './stemmer';
import { tokenise, type TextToken } from './text-normalise';

/**
 * How a phrase matches. `content` (2+ content words): its content words in order, in one
 * sentence, each within 3 words of the previous one (or the phrase's own distance plus one)
 * with at most one other content word between ("charged me twice" for "charged twice");
 * numbers in between are free ("zweimal 12,99 € abgebucht" for "zweimal abgebucht"); a question
 * word that ends the phrase right after its last content word must follow it ("don't know where").
 * `sequence` (fewer content words: "I think", "no need", "peut-être"): every word, contiguous.
 *
 * An ellipsis ("…" or "...") splits a phrase into parts that must come in order anywhere in one
 * sentence, each part matched word for word (`sequence`, whatever its content words):
 * "charge … I don't recognise" meets "a charge from you on my card statement that I don't
 * recognise"; "someone … got into my account" needs "got into my account" as written, so "I
 * finally got into my account" alone is no incident.
 */
export type PhraseMode = 'content' | 'sequence';

/** How a phrase term follows the previous one: right after it, near it (`content` rules), or later in the sentence (ellipsis). */
export type PhraseLink = 'next' | 'near' | 'later';

/** A lexicon phrase compiled to lexeme ids. */
export interface CompiledPhrase {
  /** The phrase as written in the settings. */
  text: string;
  /** Language code the phrase was listed under. */
  language: string;
  /** `sequence` for a phrase with an ellipsis. */
  mode: PhraseMode;
  /** Lexeme ids, in phrase order. */
  terms: number[];
  /** Per term, how it follows the previous term (the first term's link is `next` and unused). */
  links: PhraseLink[];
  /** Per term, the words the phrase itself has between it and the previous term (0 for the first). */
  gaps: number[];
}

interface TypoEntry {
  word: string;
  lexeme: number;
}

const ELLIPSIS = /…|\.\.\./;
/**
 * Question words, folded, that a `content` phrase keeps when it ends on one right after a content
 * word: "don't know where" is no "don't know" ("I don't know if my card works abroad").
 */
const TRAILING_QUESTION_WORDS = new Set(
  'where what how why which who donde que como cual quien onde qual quem wo was wie warum welche wer woher ou quoi comment pourquoi quel quelle'.split(' '),
);
const SECRET_PLACEHOLDER = '{secret}';

/** Languages that join nouns into one word whose last part is the head ("Kreditkartenabrechnung"). */
const COMPOUNDING = new Set(['de']);
/**
 * Fewest letters before a compound's head: shorter beginnings are mostly verb prefixes that make
 * another word ("Verkauf", "Einkauf", "Anzahlung"), not a noun that narrows the head.
 */
const MIN_COMPOUND_MODIFIER = 4;
/** Fewest letters of a compound's head ("Abo" in "Handyabo"). */
const MIN_COMPOUND_HEAD = 3;
/** True when a phrase word, as written, is a noun of a compounding language: capitalised. */
const CAPITALISED = /^\p{Lu}/u;

/** The term a `{secret}` placeholder compiles to (lexeme ids are never negative). */
export const SECRET_TERM = -1;

/** True when a folded token looks like a password, PIN or code: 4+ characters, one of them a digit. */
export function isSecretWord(word: string): boolean {
  return word.length >= 4 && /\p{N}/u.test(word);
}

function typoBucketKey(language: string, first: string, length: number): string {
  return `${language}:${first}${length}`;
}

/** Builds and holds the lexemes of all phrases of one policy. */
export class PhraseIndex {
  private lexemeCount = 0;
  private readonly byStem = new Map<string, Map<string, number>>();
  /** Per language, the folded words of its phrases: what other languages' messages match exactly. */
  private readonly byWord = new Map<string, Map<string, number>>();
  private readonly typoBuckets = new Map<string, TypoEntry[]>();
  private readonly typoWords = new Set<string>();
  /** Per compounding language, the matching stems of its lexicon nouns: what may end a compound. */
  private readonly heads = new Map<string, Map<string, number>>();

  /** Languages that have at least one phrase. */
  get languages(): string[] {
    return [...this.byStem.keys()];
  }

  /** Compiles `phrase` listed under `language`; undefined when it has no words (placeholders aside). */
  add(phrase: string, language: string): CompiledPhrase | undefined {
    const tokens = tokenise(phrase);
    if (tokens.length === 0) return undefined;
    const parts: string[][] = [[]];
    const nouns = new Set(
      COMPOUNDING.has(language) ? tokens.filter((token) => CAPITALISED.test(phrase.slice(token.start, token.end))).map((token) => token.word) : [],
    );
    tokens.forEach((token, i) => {
      if (i > 0 && ELLIPSIS.test(phrase.slice(tokens[i - 1]?.end, token.start))) parts.push([]);
      const placeholder = phrase.slice(token.start - 1, token.end + 1) === SECRET_PLACEHOLDER;
      parts[parts.length - 1]?.push(placeholder ? SECRET_PLACEHOLDER : token.word);
    });
    const isContent = (word: string) => word === SECRET_PLACEHOLDER || !isStopword(language, word);
    const allWords = parts.flat();
    if (allWords.every((word) => word === SECRET_PLACEHOLDER)) return undefined;
    const contentWords = allWords.filter((word) => word !== SECRET_PLACEHOLDER && isContent(word)).length;
    const mode: PhraseMode = parts.length === 1 && contentWords >= 2 ? 'content' : 'sequence';
    const terms: number[] = [];
    const links: PhraseLink[] = [];
    const gaps: number[] = [];
    parts.forEach((words, part) => {
      let previous = -1;
      words.forEach((word, i) => {
        const closingQuestion = mode === 'content' && i === words.length - 1 && previous === i - 1 && TRAILING_QUESTION_WORDS.has(word);
        if (mode === 'content' && !isContent(word) && !closingQuestion) return;
        terms.push(word === SECRET_PLACEHOLDER ? SECRET_TERM : this.lexeme(language, word, nouns.has(word)));
        links.push(previous >= 0 ? (mode === 'content' && !closingQuestion ? 'near' : 'next') : part > 0 ? 'later' : 'next');
        gaps.push(previous < 0 ? 0 : i - previous - 1);
        previous = i;
      });
    });
    return { text: phrase, language, mode, terms, links, gaps };
  }

  private lexeme(language: string, word: string, noun = false): number {
    let stems = this.byStem.get(language);
    if (!stems) {
      stems = new Map();
      this.byStem.set(language, stems);
    }
    const key = matchingStem(language, word);
    let id = stems.get(key);
    if (id === undefined) {
      id = this.lexemeCount;
      this.lexemeCount += 1;
      stems.set(key, id);
    }
    if (noun && word.length >= MIN_COMPOUND_HEAD) {
      const heads = this.heads.get(language) ?? new Map<string, number>();
      heads.set(key, id);
      this.heads.set(language, heads);
    }
    const words = this.byWord.get(language) ?? new Map<string, number>();
    words.set(word, id);
    this.byWord.set(language, words);
    const typoKey = `${language}:${word}`;
    if (word.length >= MIN_TYPO_LENGTH && !/\d/.test(word) && !this.typoWords.has(typoKey)) {
      this.typoWords.add(typoKey);
      const bucketKey = typoBucketKey(language, word.charAt(0), word.length);
      const bucket = this.typoBuckets.get(bucketKey) ?? [];
      bucket.push({ word, lexeme: id });
      this.typoBuckets.set(bucketKey, bucket);
    }
    return id;
  }

  /**
   * Lexeme ids each token of `text` matches (same indexes as `text.tokens`).
   * @param language the message's language, or null (bot replies): its lexicon words match by
   *   stem; other languages' lexicon words match only as written, because stems collide across
   *   languages (English "demand" and Spanish "demandarlos" share one). With null, every language
   *   matches by stem. The message's language alone also tolerates one typo (customer text only,
   *   bots do not misspell): Spanish "hacer" is no typo of English "hacker". A stop word or a
   *   routine word (`routine-words.ts`) of the language is never a typo.
   */
  tokenLexemes(text: AnalysedText, language: string | null): number[][] {
    // Every new message comes through here on every turn (issue 18): plain loops, no per-language arrays.
    const tokens = text.tokens;
    const result: number[][] = tokens.map(() => []);
    /** Per token, whether it is a lexicon word of `language` itself (so no typo there). */
    const known: boolean[] = tokens.map(() => false);
    for (const [lexiconLanguage, stems] of this.byStem) {
      const words = language !== null && lexiconLanguage !== language ? this.byWord.get(lexiconLanguage) : undefined;
      const stemmed = words ? undefined : text.view(lexiconLanguage).stems;
      for (let i = 0; i < tokens.length; i += 1) {
        const word = (tokens[i] as TextToken).word;
        const id = words ? words.get(word) : stems.get(matchingStem(lexiconLanguage, word, stemmed?.[i]));
        if (id === undefined) continue;
        (result[i] as number[]).push(id);
        if (lexiconLanguage === language) known[i] = true;
      }
    }
    if (language !== null) this.matchCompoundHeads(text, language, result, known);
    if (language !== null && this.byStem.has(language)) this.matchTypos(text, language, result, known);
    return result;
  }

  /** Adds to each word of `text` unknown in `language` the lexemes of `language` it is one typo of. */
  private matchTypos(text: AnalysedText, language: string, result: number[][], known: boolean[]): void {
    const { stop, stems } = text.view(language);
    text.tokens.forEach((token, i) => {
      if (token.word.length < MIN_TYPO_LENGTH - 1 || stop[i] || known[i]) return;
      if (routineWordOf(language, matchingStem(language, token.word, stems[i] ?? token.word)) !== undefined) return;
      const ids = result[i] as number[];
      for (let length = token.word.length - 1; length <= token.word.length + 1; length += 1) {
        for (const entry of this.typoBuckets.get(typoBucketKey(language, token.word.charAt(0), length)) ?? []) {
          if (!ids.includes(entry.lexeme) && isTypoOf(token.word, entry.word)) ids.push(entry.lexeme);
        }
      }
    });
  }

  /**
   * Adds to each word of `text` that matches no lexicon word of `language` the lexicon noun its
   * longest ending stems like, when that ending is a compound's head ("Sparkonto" meets "Konto",
   * "Handyrechnungen" meets "Rechnung"); the word then counts as known there (no typo).
   */
  private matchCompoundHeads(text: AnalysedText, language: string, result: number[][], known: boolean[]): void {
    const heads = this.heads.get(language);
    if (!heads) return;
    const stop = text.view(language).stop;
    text.tokens.forEach((token, i) => {
      const word = token.word;
      if (stop[i] || known[i] || word.length < MIN_COMPOUND_MODIFIER + MIN_COMPOUND_HEAD) return;
      for (let from = MIN_COMPOUND_MODIFIER; from <= word.length - MIN_COMPOUND_HEAD; from += 1) {
        const id = heads.get(matchingStem(language, word.slice(from)));
        if (id === undefined) continue;
        result[i]?.push(id);
        known[i] = true;
        return;
      }
    });
  }
}
